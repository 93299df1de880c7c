"""The knowledge map's colours: every count is readable on its cell, in both palettes."""

import re
from pathlib import Path

import pytest

from kennisbank.site.knowledge_map import LEVELS, LIGHT_FILLS, LIGHT_TEXT, level

CSS = (Path(__file__).resolve().parents[1] / "docs" / "stylesheets" / "kenniskaart.css").read_text(encoding="utf-8")


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def fills(palette: str) -> dict[str, str]:
    prefix = r'\[data-md-color-scheme="slate"\] ' if palette == "dark" else r"(?<!\] )^"
    return {m.group(1): m.group(2).lower() for m in re.finditer(
        prefix + r"\.kb-map__((?:cell|count)--\d) \{ fill: (#[0-9a-fA-F]{6})", CSS, re.M)}


def test_contrast_helper_matches_wcag_examples():
    assert round(contrast("#000000", "#ffffff"), 1) == 21.0
    assert round(contrast("#777777", "#ffffff"), 2) == 4.48


@pytest.mark.parametrize("palette", ["light", "dark"])
def test_every_count_has_at_least_4_5_to_1_on_its_cell(palette):
    found = fills(palette)
    assert len(found) == 2 * LEVELS + 1
    for step in range(1, LEVELS + 1):
        ratio = contrast(found[f"cell--{step}"], found[f"count--{step}"])
        assert ratio >= 4.5, f"{palette} level {step}: {ratio:.2f}"


def test_svg_fallback_colours_are_the_light_palette():
    found = fills("light")
    assert [found[f"cell--{step}"] for step in range(LEVELS + 1)] == list(LIGHT_FILLS)
    assert [found[f"count--{step}"] for step in range(1, LEVELS + 1)] == list(LIGHT_TEXT[1:])


def test_levels_grow_with_the_count_and_zero_is_its_own_level():
    assert level(0, 8) == 0
    assert [level(n, 8) for n in range(1, 9)] == [1, 2, 2, 3, 4, 4, 5, 5]
    assert level(1, 1) == LEVELS
    assert level(3, 0) == 0
