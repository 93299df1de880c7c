"""The pager of a long list, in Chromium: usable on a phone (320 px) and a laptop (1280 px), by mouse and keyboard,
with and without JavaScript. The accessibility gate (tests/test_accessibility.py) audits the same pages with axe."""

from __future__ import annotations

import re

import pytest
from browser import browser, serve

pytestmark = pytest.mark.browser

PAGE_2 = "themas/bestaanszekerheid/artikelen/pagina/2/"


@pytest.fixture(scope="module")
def base(volume):
    with serve(volume.root) as url:
        yield url


@pytest.fixture(scope="module")
def chromium():
    with browser() as instance:
        yield instance


def open_page(chromium, base: str, url: str, width: int, javascript: bool = True):
    context = chromium.new_context(viewport={"width": width, "height": 800}, java_script_enabled=javascript)
    page = context.new_page()
    page.goto(base + url)
    return page


def pager_boxes(page) -> dict[str, dict]:
    pager = page.locator("nav.kb-pages")
    return {name: pager.locator(selector).bounding_box() for name, selector in
            (("vorige", "a:text('Vorige pagina')"), ("waar", ".kb-pages__where"),
             ("volgende", "a:text('Volgende pagina')"))}


@pytest.mark.parametrize("width", [320, 1280])
def test_the_pager_fits_and_reads_in_order(chromium, base, width):
    page = open_page(chromium, base, PAGE_2, width)
    assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") == 0
    boxes = pager_boxes(page)
    assert page.locator("nav.kb-pages").get_attribute("aria-label") == "Pagina's van Bestaanszekerheid: artikelen"
    for name in ("vorige", "volgende"):  # targets far above WCAG 2.5.8's 24 px, inside the screen
        assert boxes[name]["height"] >= 32 and boxes[name]["width"] >= 100, name
        assert 0 <= boxes[name]["x"] and boxes[name]["x"] + boxes[name]["width"] <= width, name
    if width == 320:  # stacked, each as wide as the column: two clear buttons, the place between them
        assert boxes["vorige"]["y"] < boxes["waar"]["y"] < boxes["volgende"]["y"]
        assert abs(boxes["vorige"]["width"] - boxes["volgende"]["width"]) < 1
    else:  # one row: back at the left, on at the right
        assert boxes["vorige"]["x"] < boxes["waar"]["x"] < boxes["volgende"]["x"]
        assert abs(boxes["vorige"]["y"] + boxes["vorige"]["height"] / 2
                   - boxes["volgende"]["y"] - boxes["volgende"]["height"] / 2) < 2
    page.context.close()


@pytest.mark.parametrize("url", ["themas/bestaanszekerheid/", "artikelen/pagina/10/",
                                 "themas/bestaanszekerheid/regioberaad/praktijkvoorbeelden/pagina/4/"])
def test_paged_overview_pages_do_not_scroll_sideways_on_a_phone(chromium, base, url):
    page = open_page(chromium, base, url, 320)
    assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") == 0
    assert page.locator("nav.kb-pages").first.is_visible()
    page.context.close()


def test_the_keyboard_pages_on(chromium, base):
    page = open_page(chromium, base, PAGE_2, 1280)
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent") == "Volgende pagina →":
            break
    else:
        raise AssertionError("'Volgende pagina' is not reachable with Tab")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"  # the focus is seen
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"artikelen/pagina/3/$"))
    # Material's instant navigation may set the address before it swaps in the new page's title.
    page.wait_for_function("() => document.title.startsWith('Bestaanszekerheid: artikelen – pagina 3 van 26')",
                           timeout=10_000)
    page.context.close()


@pytest.mark.parametrize("width", [320, 1280])
def test_without_javascript_the_pages_lead_on_and_back(chromium, base, width):
    page = open_page(chromium, base, "themas/bestaanszekerheid/", width, javascript=False)
    page.get_by_role("link", name="Volgende pagina →").first.click()
    page.wait_for_url(re.compile(r"artikelen/pagina/2/$"))
    page.get_by_role("link", name="Volgende pagina →").click()
    page.wait_for_url(re.compile(r"artikelen/pagina/3/$"))
    assert page.get_by_text("21–30 van 255, nieuwste eerst").is_visible()
    page.get_by_role("link", name="← Vorige pagina").click()
    page.get_by_role("link", name="← Vorige pagina").click()
    page.wait_for_url(re.compile(r"themas/bestaanszekerheid/#artikelen-artikel$"))
    page.context.close()


def test_search_results_name_collection_and_section_beside_a_bare_title(chromium, base):
    """As every list does: the search page and the header box say which 'Inleiding' is which."""
    page = open_page(chromium, base, "zoeken/?zoekterm=inleiding", 1280)
    page.wait_for_selector(".kb-search--ready")
    results = page.locator(".kb-search__result")
    places = sorted(results.nth(n).locator(".kb-search__meta").inner_text().split(" · ")[-1]
                    for n in range(results.count()) if results.nth(n).locator("h2").inner_text() == "Inleiding")
    assert places == ["Handboek Inkomen › Aanvragen", "Handboek Inkomen › Bezwaar", "Handboek Inkomen › Schulden"]
    page.goto(base)
    page.locator(".md-search__input").click()
    page.wait_for_function("() => /Typ om/.test(document.querySelector('.md-search-result__meta').textContent)",
                           timeout=120_000)
    page.locator(".md-search__input").press_sequentially("inleiding")
    page.locator(".md-search-result__item").first.wait_for()
    texts = page.locator(".md-search-result__item").all_inner_texts()
    assert sum("Handboek Inkomen › " in text for text in texts) == 3, texts
    page.context.close()
