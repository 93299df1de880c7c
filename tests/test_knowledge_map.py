"""The knowledge map's colours: every count is readable on its cell, in both palettes."""

import re
from pathlib import Path

import pytest

from kennisbank.content.branding import Branding
from kennisbank.content.colours import Colour, contrast
from kennisbank.site.branding import map_colours, stylesheet
from kennisbank.site.knowledge_map import LEVELS, level

CSS = (Path(__file__).resolve().parents[1] / "docs" / "stylesheets" / "kenniskaart.css").read_text(encoding="utf-8")
HOUSE_STYLES = {
    "vng": Branding(),
    "groen": Branding(kleuren={"licht": {"primair": "#1b5e20", "accent": "#2e7d32"},
                               "donker": {"primair": "#1b5e20", "accent": "#81c784"}}),
    "oranje": Branding(kleuren={"licht": {"primair": "#ab5600", "accent": "#aa45bb"},
                                "donker": {"primair": "#9e5e00", "accent": "#ffcc80"}}),
}


def fills(css: str, palette: str) -> dict[str, str]:
    prefix = r'\[data-md-color-scheme="slate"\] ' if palette == "dark" else r"(?<!\] )^"
    return {m.group(1): m.group(2).lower() for m in re.finditer(
        prefix + r"\.kb-map__((?:cell|count)--\d) \{ fill: (#[0-9a-fA-F]{6})", css, re.M)}


@pytest.mark.parametrize("style", HOUSE_STYLES)
@pytest.mark.parametrize("palette", ["light", "dark"])
def test_every_count_has_at_least_4_5_to_1_on_its_cell(style, palette):
    found = fills(stylesheet(HOUSE_STYLES[style]) + CSS, palette)
    assert len(found) == 2 * LEVELS + 1  # the empty cell (kenniskaart.css) and five levels of cell and count
    for step in range(1, LEVELS + 1):
        ratio = contrast(Colour.parse(found[f"cell--{step}"]), Colour.parse(found[f"count--{step}"]))
        assert ratio >= 4.5, f"{style} {palette} level {step}: {ratio:.2f}"


@pytest.mark.parametrize("palette", ["light", "dark"])
def test_levels_are_tints_of_the_house_style_growing_darker_or_lighter(palette):
    branding = HOUSE_STYLES["groen"]
    cells = [Colour.parse(fill) for fill, _ in map_colours(branding, dark=palette == "dark")]
    luminances = [cell.luminance() for cell in cells]
    assert luminances == sorted(luminances, reverse=palette == "light")
    assert cells[-1].hex == (branding.kleuren.donker.accent if palette == "dark" else branding.kleuren.licht.primair)


def test_svg_fallback_colours_are_the_light_palette_of_the_house_style(starter):
    """Without the stylesheet (a feed reader, a copied SVG) the map shows the light palette's colours."""
    page = starter.site.html("kenniskaart/")
    def drawn_as(kind: str) -> set[tuple[int, str]]:
        pattern = rf'class="kb-map__{kind} kb-map__{kind}--(\d)"[^>]* fill="([^"]+)"'
        return {(int(step), fill) for step, fill in re.findall(pattern, page)}

    drawn, counts = drawn_as("cell"), drawn_as("count")
    levels = map_colours(Branding())
    assert {fill for step, fill in drawn if step == 0} == {"#f3f4f8"}
    assert {(step, fill) for step, fill in drawn if step} <= {(n, fill) for n, (fill, _) in enumerate(levels, 1)}
    assert counts <= {(n, text) for n, (_, text) in enumerate(levels, 1)}
    assert {step for step, _ in drawn} == set(range(LEVELS + 1))


def test_levels_grow_with_the_count_and_zero_is_its_own_level():
    assert level(0, 8) == 0
    assert [level(n, 8) for n in range(1, 9)] == [1, 2, 2, 3, 4, 4, 5, 5]
    assert level(1, 1) == LEVELS
    assert level(3, 0) == 0


def test_the_table_sits_in_materials_scroll_wrapper_under_its_heading(starter):
    """Names stay whole at 1280 px because the table scrolls sideways in its wrapper (kenniskaart.css)."""
    page = starter.site.html("kenniskaart/")
    assert re.search(r'<h2 id="tabel">De kaart als tabel<a class="headerlink"[^>]*>¶</a></h2>\s*'
                     r'<div class="kb-map__table-wrap md-typeset__scrollwrap">\s*<table class="kb-map__table">', page)
