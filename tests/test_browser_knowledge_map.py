"""The knowledge map renders in a real browser, its cells lead to the pair pages; screenshots are kept."""

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from browser import browser, serve

pytestmark = pytest.mark.browser
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"


@pytest.fixture(scope="module")
def starter_site(starter):
    return starter.site  # built once per session (conftest.py); these tests only read it


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_map_renders_and_cells_lead_to_pair_pages(starter_site, scheme):
    ARTIFACTS.mkdir(exist_ok=True)
    with serve(starter_site.root) as base, browser() as chromium:
        page = chromium.new_page(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
        hosts: set[str] = set()
        errors: list[str] = []
        page.on("request", lambda r: hosts.add(urlsplit(r.url).netloc))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.goto(base + "kenniskaart/")
        svg = page.locator("svg.kb-map__svg")
        box = svg.bounding_box()
        assert box and box["width"] > 600 and box["height"] > 300
        cells = page.locator("svg.kb-map__svg a.kb-map__link")
        assert cells.count() >= 20
        # The styles apply: an empty cell and a filled one are drawn in different colours.
        colours = page.evaluate("""() => [...document.querySelectorAll('.kb-map__cell')]
            .map(r => getComputedStyle(r).fill)""")
        assert len(set(colours)) >= 3
        page.screenshot(path=str(ARTIFACTS / f"kenniskaart-{scheme}.png"), full_page=True)
        # Keyboard: the first cell link can be focused and followed with Enter.
        first = cells.first
        label = first.get_attribute("aria-label")
        first.focus()
        page.keyboard.press("Enter")
        page.wait_for_url("**/themas/*/*/")
        theme, network = label.split(":")[0].split(" bij ")
        heading = page.get_by_role("heading", level=1).inner_text()
        assert heading.startswith(f"{theme} bij {network}")
        assert errors == []
        assert hosts == {urlsplit(base).netloc}


def test_on_a_phone_the_map_is_a_list_per_theme_with_large_tap_targets(starter_site):
    with serve(starter_site.root) as base, browser() as chromium:
        page = chromium.new_page(viewport={"width": 320, "height": 800})
        page.goto(base + "kenniskaart/")
        assert not page.locator("svg.kb-map__svg").is_visible()
        assert not page.locator("table.kb-map__table").is_visible()
        lists = page.locator(".kb-map__lists")
        assert lists.is_visible()
        first_theme = lists.get_by_role("heading", level=3).first
        assert first_theme.inner_text() == "Bestaanszekerheid"
        entries = lists.locator("ul.kb-map__list").first.locator("li")
        assert re.fullmatch(r".+ \d+ publicaties?", entries.first.inner_text())
        counts = [int(re.search(r"(\d+) publicatie", t).group(1)) for t in entries.all_inner_texts()]
        assert counts == sorted(counts, reverse=True) and counts[0] > 0
        heights = page.evaluate("""() => [...document.querySelectorAll('.kb-map__lists a')]
            .map(a => a.getBoundingClientRect().height)""")
        assert min(heights) >= 24
        assert page.evaluate("document.documentElement.scrollWidth") == 320
        entries.first.locator("a").click()
        page.wait_for_url("**/themas/bestaanszekerheid/*/")
        page.screenshot(path=str(ARTIFACTS / "kenniskaart-320.png"))
