"""The header search box in a real browser: one engine with the search page, loaded only when someone types.

Material's box and keyboard behaviour, our worker (kennisbank/outputs/search/assets/zoekwerker.js)
answering from the sharded index, at desktop and phone widths.
"""

import re
from urllib.parse import parse_qs, urljoin, urlsplit

import pytest
from browser import browser, serve
from sitebuilder import article, project

pytestmark = pytest.mark.browser

WIDTHS = {"desktop": {"width": 1280, "height": 900}, "mobiel": {"width": 375, "height": 740}}


@pytest.fixture(scope="module")
def starter_site(tmp_path_factory):
    return project(tmp_path_factory.mktemp("box"), starter=True).build()


@pytest.fixture(scope="module")
def chromium():
    with browser() as instance:
        yield instance


@pytest.fixture(params=list(WIDTHS))
def tab(request, starter_site, chromium):
    """A page at one width, with its requests and console errors recorded; yields (page, base, requests, errors)."""
    with serve(starter_site.root) as base:
        page = chromium.new_page(viewport=WIDTHS[request.param])
        requests: list[str] = []
        errors: list[str] = []
        page.on("request", lambda r: requests.append(r.url[len(base):] if r.url.startswith(base) else r.url))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        yield page, base, requests, errors
        page.close()
        assert all(not r.startswith("http") for r in requests), requests  # nothing from another host


def open_box(page) -> None:
    # The header's button: on a phone the field is behind it (the home page has a "Zoeken" button of its own).
    button = page.locator(".md-header").get_by_role("button", name="Zoeken")
    if button.is_visible():
        button.click()
        page.wait_for_function("() => document.activeElement.classList.contains('md-search__input')")
    else:
        page.locator(".md-search__input").click()
    # Material sends a query only once its worker said it is ready.
    page.wait_for_function("() => /Typ om/.test(document.querySelector('.md-search-result__meta').textContent)")


def ask(page, words: str) -> str:
    """Type into the box (key by key, as Material listens for keyup) and wait for the answer's last entry."""
    open_box(page)
    page.locator(".md-search__input").press_sequentially(words, delay=10)
    page.wait_for_function(
        "() => /Beste resultaten|Geen resultaten/.test(document.querySelector('.md-search-result__meta').textContent)")
    page.wait_for_timeout(300)  # the answer to the whole word, not to a prefix typed on the way
    return page.locator(".md-search-result__meta").inner_text()


def entries(page) -> list[str]:
    return [t.split("\n")[0] for t in page.locator(".md-search-result__item").all_inner_texts()]


def test_a_page_view_downloads_no_search_index(tab):
    page, base, requests, errors = tab
    page.goto(base + "artikelen/")
    page.wait_for_load_state("networkidle")
    # Material starts its worker on every page: ours is that small script, nothing of the index or the engine.
    assert [r for r in requests if "zoeken/" in r or "lunr" in r] == ["zoeken/zoekwerker.js"]
    # Material's own index is fetched, but it is empty (a few hundred bytes, the build replaced it).
    size = page.evaluate("() => performance.getEntriesByName(new URL('../search/search_index.json', location.href)"
                         ".href)[0].decodedBodySize")
    assert size < 1000
    open_box(page)
    page.wait_for_timeout(300)
    assert not [r for r in requests if "zoeken/index/" in r], "opening the box loads nothing yet"
    assert errors == []


@pytest.mark.parametrize("words", ["jeugd", "gemeenten", "woningen"])
def test_box_and_search_page_give_the_same_results(tab, words):
    page, base, requests, errors = tab
    page.goto(base)
    assert ask(page, words) == "Beste resultaten"
    shown = entries(page)
    match = re.match(r"(Alle (\d+) resultaten|Het resultaat) op de zoekpagina", shown[-1])
    assert match, shown
    count = int(match.group(2) or 1)
    box_titles = shown[:-1]
    assert 0 < len(box_titles) <= 8
    # Only what the query needs was loaded: the table of contents, a few shards, at most one document chunk per
    # result shown; not the whole index.
    loaded = [r for r in requests if "zoeken/index/" in r]
    chunks = [r for r in loaded if re.search(r"zoeken/index/d\d+\.js$", r)]
    assert "zoeken/index/meta.js" in loaded and len(loaded) - len(chunks) <= 4 and len(chunks) <= len(box_titles)
    page.locator(".md-search-result__item a").last.click()
    page.wait_for_selector(".kb-search--ready")
    assert parse_qs(urlsplit(page.url).query)["zoekterm"] == [words]
    status = page.locator("#kb-search-status").inner_text()
    assert status.startswith(f"{count} resultaten voor ‘{words}’")
    page_titles = page.locator(".kb-search__result h2").all_inner_texts()
    assert page_titles[:len(box_titles)] == box_titles
    assert errors == []


def test_keyboard_opens_a_result(tab):
    page, base, requests, errors = tab
    page.goto(base)
    ask(page, "warmtetransitie")
    page.keyboard.press("ArrowDown")
    page.wait_for_function("() => document.activeElement && document.activeElement.closest('.md-search-result')")
    target = page.evaluate("() => document.activeElement.getAttribute('href')")
    page.keyboard.press("Enter")
    page.wait_for_url(urljoin(page.url, target))
    assert "warmtetransitie" in page.locator("article h1").inner_text().lower() or "?h=" in page.url
    assert errors == []


@pytest.mark.parametrize("words, expected", [
    ("armoede", "Lokale agenda bestaanszekerheid"),                  # synonym (docs/_data/synoniemen.yml)
    ("transitie", "Regie warmtetransitie"),                          # compound part
    ("energietransitei", "Bedoelde u: energietransitie?"),           # typo, and a suggestion
    ("Wmo voorspelmodel", "Apeldoorn en Deventer sturen met het Wmo-voorspelmodel"),
])
def test_forgiving_dutch(tab, words, expected):
    page, base, requests, errors = tab
    page.goto(base)
    assert ask(page, words) == "Beste resultaten"
    assert expected in entries(page)[:5]
    assert errors == []


def test_an_empty_result_helps(tab):
    page, base, requests, errors = tab
    page.goto(base)
    assert ask(page, "qqqzzz") == "Geen resultaten; misschien helpt dit"
    assert page.locator(".md-search-result__item :is(h1, h2)").all_inner_texts() == ["Bekijk alle thema's"]
    page.fill(".md-search__input", "")
    page.locator(".md-search__input").press_sequentially("schuldenn", delay=10)  # a typo that finds results
    page.wait_for_function("() => /Bedoelde u/.test(document.querySelector('.md-search-result').textContent)")
    assert errors == []


def test_contributor_text_is_text_in_the_box(tmp_path, chromium):
    # The check refuses markup in frontmatter ("<" before a letter), so what can still reach the box is text
    # with entities and "&": shown as typed only if the worker escapes it (else "&lt;" would become "<").
    site = project(tmp_path, {
        "artikelen/x.md": article('Warmte &lt;img src=x onerror="window.hacked=1"&gt; plan',
                                  samenvatting='"Warmte &lt;b&gt;vet&lt;/b&gt; & zo"'),
    }).build()
    with serve(site.root) as base:
        page = chromium.new_page()
        page.goto(base)
        ask(page, "warmte")
        first = page.locator(".md-search-result__item").first
        assert first.locator("h1, h2").first.inner_text() == 'Warmte &lt;img src=x onerror="window.hacked=1"&gt; plan'
        assert "Warmte &lt;b&gt;vet&lt;/b&gt; & zo" in first.inner_text()
        assert first.locator("img, b").count() == 0 and page.evaluate("() => window.hacked") is None
        page.close()
