"""The contrast check of the house style holds in the browser: a palette right at the WCAG 2.2 AA limit passes
axe-core on every kind of page, at 320 and 1280 pixels, light and dark, also after a click.

The colours are the ones the build itself suggests for an orange and a purple that fail (the nearest passing
colour of kennisbank.content.branding), so every pair the check measures is between 4.5:1 and about 4.6:1. If
the check measured a place of the theme wrongly, or missed one, axe finds it here. The gate of
tests/test_accessibility.py is reused: its pages, states, recorder and axe run.
"""

from __future__ import annotations

import pytest
from browser import browser, serve
from test_accessibility import PAGES, PALETTES, STATES, _tabs, audit_axe, violations_report
from test_branding import branded, huisstijl

from kennisbank.content.branding import CHECKS, Branding, contrast_problems
from kennisbank.content.colours import Colour, contrast, nearest_passing
from kennisbank.outputs.security import HEADERS

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def at_the_limit(key: tuple[str, str], start: str) -> str:
    """The colour nearest ``start`` that passes every check of ``key``: just over the limit."""
    colour = Colour.parse(start)
    assert colour is not None
    found = nearest_passing(colour, lambda c: all(contrast(*check.pair(c)) >= check.required
                                                  for check in CHECKS if check.key == key))
    assert found is not None
    return found.hex


COLOURS = {
    "licht": (at_the_limit(("licht", "primair"), "#f57c00"), at_the_limit(("licht", "accent"), "#ab47bc")),
    "donker": (at_the_limit(("donker", "primair"), "#ff9800"), at_the_limit(("donker", "accent"), "#6a1b9a")),
}
WIDTHS = {"telefoon": 320, "laptop": 1280}
AUDITED = {"home", "thema", "artikel", "praktijkvoorbeeld", "module", "kenniskaart", "bijdragen",
           "niet-gevonden", "zoekpagina", "zoekresultaten"}
PAGES_WITH_COLOUR = [page for page in PAGES if page.id in AUDITED]
STATES_WITH_COLOUR = [state for state in STATES if state.id in {"zelftoets-beantwoord", "startpagina-zoekveld"}]


def test_the_palette_is_at_the_limit_and_passes_the_check():
    branding = Branding(kleuren={scheme: {"primair": primary, "accent": accent}
                                 for scheme, (primary, accent) in COLOURS.items()})
    assert contrast_problems(branding) == []
    tightest = min(contrast(*check.pair(Colour.parse(getattr(getattr(branding.kleuren, check.key[0]),
                                                                     check.key[1]))))
                   for check in CHECKS if check.required == 4.5)
    assert 4.5 <= tightest < 4.6


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    # The starter content: every page type, with self-checks and search results.
    site = branded(tmp_path_factory.mktemp("huisstijl-browser"), huisstijl(colours=COLOURS), starter=True).build()
    with serve(site.root, headers=HEADERS) as base:
        yield base


@pytest.fixture(scope="module")
def tabs(base_url):
    with browser() as chromium:
        yield from _tabs(chromium, base_url, WIDTHS)


@pytest.fixture(scope="module")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("palette", PALETTES)
@pytest.mark.parametrize("audit", PAGES_WITH_COLOUR + STATES_WITH_COLOUR,
                         ids=[p.id for p in PAGES_WITH_COLOUR + STATES_WITH_COLOUR])
def test_a_palette_at_the_limit_passes_axe(tabs, axe, audit, palette, width):
    tab = tabs(palette, width)
    tab.open(audit.url)
    assert tab.page.locator("body").get_attribute("data-md-color-primary") == "custom"
    header = tab.page.locator(".md-header").evaluate("e => getComputedStyle(e).backgroundColor")
    primary = Colour.parse(COLOURS["licht" if palette == "licht" else "donker"][0])
    assert header == f"rgb({primary.red}, {primary.green}, {primary.blue})"
    if audit.prepare:
        audit.prepare(tab.page)
    result = audit_axe(axe, tab.page)
    assert result["violations"] == [], "axe-core:\n" + violations_report(result)
    tab.assert_clean()

