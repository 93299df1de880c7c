"""The search page in a real browser: queries, filters, counts, snippets, URL state, bad input, file://.

Also proves that Dutch stemming is the same in Python (index time) and in the
browser's lunr.nl (query time).
"""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from browser import browser, serve
from lunr.index import Index
from sitebuilder import REPO, article, project

from kennisbank.content.hub import load_hub
from kennisbank.index.hub_index import index_hub
from kennisbank.outputs.search.documents import plain_text, search_docs
from kennisbank.outputs.search.dutch import STOP_WORDS, stem
from kennisbank.outputs.search.index import FIELDS
from kennisbank.outputs.search.shards import analyse_hub

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def starter_site(starter):
    return starter.site  # built once per session (conftest.py); these tests only read it


@pytest.fixture(scope="module")
def chromium():
    with browser() as instance:
        yield instance


@pytest.fixture()
def search(starter_site, chromium):
    """The search page, with console errors and hosts recorded; yields (page, base, errors)."""
    with serve(starter_site.root) as base:
        page = chromium.new_page()
        errors: list[str] = []
        hosts: set[str] = set()
        page.on("request", lambda r: hosts.add(urlsplit(r.url).netloc))
        page.on("console", lambda m: errors.append(m.text) if m.type in ("error", "warning") else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        yield page, base, errors
        page.close()
        assert hosts <= {urlsplit(base).netloc}


def open_page(page, url):
    page.goto(url)
    page.wait_for_selector(".kb-search--ready")


def status(page) -> str:
    return page.locator("#kb-search-status").inner_text()


def titles(page) -> list[str]:
    return page.locator(".kb-search__result h2").all_inner_texts()


def query(page, text):
    page.fill("#kb-search-q", text)
    page.press("#kb-search-q", "Enter")


def show_all(page):
    """Clicks "Meer resultaten" until every result is shown, each time waiting for the longer list (the button
    stays until the next page's documents are there)."""
    while page.locator("#kb-search-more").is_visible():
        before = page.locator(".kb-search__result").count()
        page.click("#kb-search-more")
        page.wait_for_function(f"document.querySelectorAll('.kb-search__result').length > {before}")


def count(page) -> int:
    match = re.match(r"(\d+) resultaten?", status(page))
    return int(match.group(1)) if match else 0


def test_query_filters_counts_snippets_and_url_state(search):
    page, base, errors = search
    open_page(page, base + "zoeken/")
    total = count(page)
    assert total == len(load_hub(REPO / "docs").items)  # every starter item, before a query
    query(page, "woningen")
    page.wait_for_function("document.querySelector('#kb-search-status').innerText.includes('woningen')")
    hits = count(page)
    assert 0 < hits < total
    assert "Uitvoeringskracht woningbouw" in titles(page)
    marks = page.locator(".kb-search__result mark").all_inner_texts()
    assert marks and all(m.lower().startswith("woning") for m in marks)
    assert parse_qs(urlsplit(page.url).query) == {"zoekterm": ["woningen"]}

    # The count next to a filter value is the number of results after choosing it.
    practice = page.get_by_role("checkbox", name=re.compile("^Praktijkvoorbeeld"))
    expected = int(re.search(r"\((\d+)\)", practice.locator("xpath=..").inner_text()).group(1))
    practice.check()
    page.wait_for_url("**soort=Praktijkvoorbeeld**")
    # The count changes once the narrowed results are there (their document chunks may still be on the way).
    page.wait_for_function(f"!document.querySelector('#kb-search-status').innerText.startsWith('{hits} ')")
    assert count(page) == expected < hits
    assert all("Praktijkvoorbeeld" in m for m in page.locator(".kb-search__meta").all_inner_texts())
    # Another facet's counts follow the narrowed result.
    years = page.locator("fieldset", has_text="Jaar").locator("li:not([hidden]) .kb-facet__count").all_inner_texts()
    assert sum(int(y.strip("()")) for y in years) == expected

    page.select_option("#kb-search-sort", "datum")
    page.wait_for_url("**sortering=datum**")
    dates = page.locator(".kb-search__meta").all_inner_texts()
    assert len(dates) == expected

    page.go_back()
    page.wait_for_function("!location.search.includes('sortering')")
    page.go_back()
    page.wait_for_function("!location.search.includes('soort')")
    assert count(page) == hits and not practice.is_checked()

    # A shared URL restores the same state.
    shared = page.url.replace("zoeken/?", "zoeken/?soort=Artikel&")
    open_page(page, shared)
    assert page.input_value("#kb-search-q") == "woningen"
    assert page.get_by_role("checkbox", name=re.compile("^Artikel")).is_checked()
    assert errors == []


def test_first_results_come_before_materials_bundle_and_the_facet_values(search):
    """The page's script starts from the head: with Material's bundle and the facet values of every item held
    back, the URL's query is answered, result lines and all; the filters follow once the facet values come."""
    page, base, errors = search
    held = []
    for pattern in ("**/assets/javascripts/bundle.*.min.js", "**/zoeken/index/facetten.js"):
        page.route(pattern, lambda route: held.append(route))
    page.goto(base + "zoeken/?zoekterm=woningen", wait_until="commit")
    page.wait_for_function("document.querySelectorAll('.kb-search__result').length === 18")
    assert status(page) == "18 resultaten voor ‘woningen’."
    first = page.locator(".kb-search__result").first
    assert first.locator("h2").inner_text() == "Uitvoeringskracht woningbouw"
    assert first.locator(".kb-search__meta").inner_text() == (
        "Artikel · 4 maart 2025 · Inrichting van Nederland (fysieke leefomgeving) · Leren van elkaar")
    # Both still held: Material has not started (its bundle defines document$), and no filter is there yet.
    assert len(held) == 2 and page.evaluate("typeof window.document$") == "undefined"
    assert page.locator(".kb-facet").count() == 0
    for route in held:
        route.continue_()
    page.wait_for_selector(".kb-search--ready")
    assert page.get_by_role("checkbox", name=re.compile("^Artikel")).is_visible()
    assert errors == []


def test_keyboard_and_screen_reader(search):
    page, base, errors = search
    open_page(page, base + "zoeken/")
    assert page.get_by_label("Zoekterm").count() == 1
    assert page.locator("#kb-search-status").get_attribute("aria-live") == "polite"
    assert page.locator("fieldset legend").all_inner_texts()[:3] == ["Thema", "Ontwikkelpunt", "Soort"]
    page.get_by_label("Zoekterm").focus()
    page.keyboard.type("wijk")
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelector('#kb-search-status').innerText.includes('wijk')")
    box = page.get_by_role("checkbox", name=re.compile("^Artikel"))
    box.focus()
    page.keyboard.press("Space")
    page.wait_for_url("**soort=Artikel**")
    assert box.is_checked()
    assert page.evaluate("document.activeElement.value") == "Artikel"  # focus stays on the filter
    assert errors == []


@pytest.mark.parametrize("text", ["woning*", "titel:wijk", "wijk~2", "^gemeente", "+jeugdzorg -regio",
                                  '"unbalanced quote', "::**~~^^", "", "   ", "x" * 1000,
                                  "gemeente " * 200])
def test_bad_input_never_throws(search, text):
    page, base, errors = search
    open_page(page, base + "zoeken/")
    query(page, text)
    page.wait_for_timeout(200)
    message = status(page)
    assert re.match(r"\d+ resultaten?|Geen resultaten", message), message
    if message.startswith("Geen resultaten"):
        assert page.locator(".kb-search__tips li").count() >= 1
    assert errors == []


def test_no_results_offers_suggestions(search):
    page, base, errors = search
    open_page(page, base + "zoeken/?zoekterm=qqqzzz")
    assert status(page).startswith("Geen resultaten voor ‘qqqzzz’.")
    tips = page.locator(".kb-search__tips").inner_text()
    assert "Controleer de spelling" in tips and "Bekijk de thema's" in tips
    assert errors == []


def test_all_words_must_match_else_any(search):
    page, base, errors = search
    open_page(page, base + "zoeken/?zoekterm=jeugdzorg+regio")
    assert "niet alle woorden" not in status(page)
    assert "Een regionale startfoto jeugdzorg in Hart van Brabant" in titles(page)
    open_page(page, base + "zoeken/?zoekterm=warmtenet+qqqzzz")
    assert "niet alle woorden gevonden" in status(page) and count(page) > 0


def test_works_from_file_url_without_directory_urls(tmp_path, chromium):
    """What the offline build does: use_directory_urls off, opened from the file system."""
    hub = project(tmp_path, starter=True)
    config = hub.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "\nuse_directory_urls: false\n", encoding="utf-8")
    site = hub.build()
    page = chromium.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto((site.root / "zoeken" / "index.html").as_uri())
    page.wait_for_selector(".kb-search--ready")
    query(page, "wijken")
    page.wait_for_function("document.querySelector('#kb-search-status').innerText.includes('wijken')")
    assert count(page) > 0
    page.get_by_role("checkbox", name=re.compile("^Praktijkvoorbeeld")).check()
    page.wait_for_function("location.search.includes('soort=Praktijkvoorbeeld')")
    first = page.locator(".kb-search__result a").first
    prefix = (site.root / "praktijkvoorbeelden").as_uri()
    assert re.match(re.escape(prefix) + r"/[a-z0-9-]+\.html\?h=wijken$", first.get_attribute("href"))
    first.click()
    page.wait_for_load_state()
    assert page.url.startswith((site.root / "praktijkvoorbeelden").as_uri())
    # Only Material's quick search fails here: its index script exists only with the offline plugin.
    assert [e for e in errors if "search_index" not in e and "ERR_FILE_NOT_FOUND" not in e] == []


def starter_words() -> list[str]:
    hub = load_hub(REPO / "docs")
    words = set()
    for item in hub.items.values():
        text = " ".join([item.title, item.meta.samenvatting, plain_text(item.body)])
        words.update(w.lower() for w in re.findall(r"[^\W\d_]+", text))
    return sorted(words)


def test_python_and_browser_stem_alike(search):
    """The word list of the starter hub, stemmed by Python and by the browser's lunr.nl."""
    page, base, errors = search
    open_page(page, base + "zoeken/")
    words = starter_words()
    assert len(words) > 2500
    browser_stems = page.evaluate(
        "words => words.map(w => lunr.nl.stemmer(new lunr.Token(w)).toString())", words)
    differences = [(w, b, stem(w)) for w, b in zip(words, browser_stems) if b != stem(w)]
    assert differences == []
    browser_stop_words = page.evaluate(
        "words => words.filter(w => lunr.nl.stopWordFilter(new lunr.Token(w)) === undefined)", words)
    assert set(browser_stop_words) == STOP_WORDS & set(words)


@pytest.mark.parametrize("pair", [("gemeente", "gemeenten"), ("woning", "woningen"), ("wijk", "wijken")])
def test_inflections_find_the_same_items_in_python_and_browser(search, pair):
    page, base, errors = search
    hub = index_hub(load_hub(REPO / "docs"))
    docs = search_docs(hub, {src: src for src in hub.items})
    index = Index.load(analyse_hub(docs).postings.serialise())
    found = {}
    for word in pair:
        python_titles = {docs[int(r["ref"])].title for r in index.search(word)}
        open_page(page, base + f"zoeken/?zoekterm={word}%20")  # trailing space: a whole word, no prefix
        show_all(page)
        browser_titles = set(titles(page))
        assert python_titles and browser_titles == python_titles, word
        found[word] = browser_titles
    assert found[pair[0]] == found[pair[1]]
    assert errors == []


@pytest.mark.parametrize("word", ["wijk", "gemeente", "regio"])
def test_ranking_follows_python_scores(search, word):
    """The browser computes lunr's weights from the shipped frequencies: its order is Python's order, after
    one rule: the items with the word in the title, keywords or summary come before those with it in the body only."""
    page, base, errors = search
    hub = index_hub(load_hub(REPO / "docs"))
    docs = search_docs(hub, {src: src for src in hub.items})
    postings = analyse_hub(docs).postings
    scores = {docs[int(r["ref"])].title: r["score"] for r in Index.load(postings.serialise()).search(word)}
    fields = postings.terms[stem(word)]
    about = {docs[ref].title for f, (name, _) in enumerate(FIELDS) if name != "body" for ref in fields[f]}
    open_page(page, base + f"zoeken/?zoekterm={word}%20")
    show_all(page)
    shown = [(title in about, scores[title]) for title in titles(page)]
    assert len(shown) == len(scores) > 3
    assert any(found for found, _ in shown) and not all(found for found, _ in shown)
    assert all(a[0] > b[0] or (a[0] == b[0] and a[1] >= b[1] - 0.001) for a, b in zip(shown, shown[1:])), shown
    assert errors == []


def test_a_file_that_does_not_load_is_said_not_hung_on(search):
    """A document chunk refused (network gone): the page says so, and the next query tries again."""
    page, base, errors = search
    page.route("**/zoeken/index/d*.js", lambda route: route.abort())
    page.goto(base + "zoeken/?zoekterm=jeugdzorg")
    page.wait_for_function("document.querySelector('#kb-search-status').innerText.includes('kon niet')")
    assert status(page) == "De zoekfunctie kon niet worden geladen. Probeer de pagina opnieuw te laden."
    page.unroute("**/zoeken/index/d*.js")
    query(page, "jeugdzorg")
    page.wait_for_function("document.querySelector('#kb-search-status').innerText.includes('jeugdzorg')")
    assert "Een regionale startfoto jeugdzorg in Hart van Brabant" in titles(page)
    assert [e for e in errors if "ERR_FAILED" not in e] == []


# Sums the layout shifts of the page (CLS without session windows: stricter), as Chromium reports them.
LAYOUT_SHIFTS = """
window.__shift = 0;
new PerformanceObserver(function (list) {
  list.getEntries().forEach(function (entry) { if (!entry.hadRecentInput) { window.__shift += entry.value; } });
}).observe({type: "layout-shift", buffered: true});
"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_phone_shows_results_first_with_filters_folded_and_nothing_jumps(starter_site, chromium, scheme):
    with serve(starter_site.root) as base:
        page = chromium.new_page(viewport={"width": 375, "height": 740}, color_scheme=scheme)
        page.add_init_script(LAYOUT_SHIFTS)
        page.goto(base + "zoeken/?zoekterm=gemeente&soort=Artikel")
        page.wait_for_selector(".kb-search--ready")
        page.wait_for_timeout(300)
        filters = page.locator("#kb-search-filters")
        assert filters.locator("summary").inner_text() == "Filters (1)"
        assert not filters.evaluate("d => d.open")
        assert not page.get_by_role("checkbox", name=re.compile("^Artikel")).is_visible()
        first = page.locator(".kb-search__result").first.bounding_box()
        assert first["y"] + first["height"] < 740 * 1.5  # the first result is (almost) on the first screen
        assert page.evaluate("window.__shift") < 0.05
        filters.locator("summary").click()
        assert page.get_by_role("checkbox", name=re.compile("^Artikel")).is_checked()
        page.close()


def test_desktop_shows_the_filters_beside_the_results(starter_site, chromium):
    with serve(starter_site.root) as base:
        page = chromium.new_page(viewport={"width": 1280, "height": 900})
        page.add_init_script(LAYOUT_SHIFTS)
        page.goto(base + "zoeken/?zoekterm=gemeente")
        page.wait_for_selector(".kb-search--ready")
        page.wait_for_timeout(300)
        assert page.locator("#kb-search-filters").evaluate("d => d.open")
        assert not page.locator("#kb-search-filters summary").is_visible()
        assert page.get_by_role("checkbox", name=re.compile("^Artikel")).is_visible()
        assert page.evaluate("window.__shift") < 0.05
        page.close()


@pytest.mark.parametrize("words, expected", [
    ("energietransitei", "Bedoelde u: energietransitie?"),
    ("schuldenn", "Bedoelde u: schulden?"),
    # A typo in the first letter: changed, missing, or two letters swapped.
    ("wnergietransitie", "Bedoelde u: energietransitie?"),
    ("nergietransitie", "Bedoelde u: energietransitie?"),
    ("ewarmtetransitie", "Bedoelde u: warmtetransitie?"),
])
def test_did_you_mean_on_the_page(search, words, expected):
    page, base, errors = search
    open_page(page, base + f"zoeken/?zoekterm={words}")
    assert page.locator(".kb-search__suggestion").inner_text() == expected
    page.locator(".kb-search__suggestion a").click()
    page.wait_for_selector(".kb-search--ready")
    assert page.input_value("#kb-search-q") == expected.split(": ")[1].rstrip("?")
    assert count(page) > 0
    assert errors == []


def test_an_empty_result_offers_matching_themes(search):
    page, base, errors = search
    open_page(page, base + "zoeken/?zoekterm=bestaanszekerheid+qqqzzz+regels")
    # Not every word is found: items with some of them are shown instead.
    assert "niet alle woorden gevonden" in status(page)
    open_page(page, base + "zoeken/?zoekterm=armoede&soort=Cursus&jaar=2020")
    tips = page.locator(".kb-search__tips").inner_text()
    assert status(page).startswith("Geen resultaten voor ‘armoede’ met deze filters.")
    assert "Wis de filters" in tips and "Thema Bestaanszekerheid" in tips and "Bekijk de thema's" in tips
    assert errors == []


def test_where_a_word_stands_ranks_before_typed_or_synonym_and_a_title_that_is_the_query_comes_first(
        tmp_path, chromium):
    """'armoede' finds bestaanszekerheid (docs/_data/synoniemen.yml). Of two matches in title, tags or summary the
    word as typed ranks first, even where the synonym's item scores higher; a synonym there ranks above the typed
    word once in passing in a body (the issue's rule: title and summary matches above body matches)."""
    site = project(tmp_path, {
        # A strong synonym match: 'bestaanszekerheid' in title, tags and summary.
        "artikelen/a.md": article("Bestaanszekerheid", tags=["bestaanszekerheid"],
                                  samenvatting="Over bestaanszekerheid.", body="Bestaanszekerheid.\n"),
        # A weak match of the word itself: once, in the body.
        "artikelen/b.md": article("Lokaal beleid", body="Een alinea die armoede noemt, tussen veel andere woorden "
                                  "over beleid, uitvoering, wijken, regio, samenwerking en financiering.\n",
                                  themas=["klimaat-energie"]),  # not the theme Bestaanszekerheid: no synonym
        "artikelen/c.md": article("Armoede", body="Kort.\n", gepubliceerd="2020-01-01", themas=["klimaat-energie"]),
        # The word itself in a long summary only: a lower score than the synonym item's (0.7 against 1.3), in an
        # equally strong field.
        "artikelen/d.md": article("Lokale regels", body="Over regels in de gemeente.\n", themas=["klimaat-energie"],
                                  samenvatting="Regels van de gemeente voor inwoners, over wonen, werk, zorg en armoede."),
    }).build()
    with serve(site.root) as base:
        page = chromium.new_page()
        open_page(page, base + "zoeken/?zoekterm=armoede%20")
        assert titles(page) == ["Armoede", "Lokale regels", "Bestaanszekerheid", "Lokaal beleid"]
        page.close()


def test_more_of_the_editors_words_for_one_idea_rank_higher(tmp_path, chromium):
    """'armoede' finds bestaanszekerheid, schulden and inkomensondersteuning (docs/_data/synoniemen.yml): an item
    whose title has all three ranks above one whose title is one of them alone, which scores higher for any one
    word."""
    other = {"themas": ["klimaat-energie"]}  # the theme Bestaanszekerheid would be a synonym in every item
    site = project(tmp_path, {
        **{f"artikelen/f{n}.md": article(f"Lokaal beleid {n}", body="Over de wijk.\n", **other) for n in range(6)},
        "artikelen/een.md": article("Schulden", body="Kort.\n", **other),
        "artikelen/drie.md": article("Bestaanszekerheid, schulden en inkomensondersteuning in de wijk",
                                     body="Kort.\n", **other),
    }).build()
    with serve(site.root) as base:
        page = chromium.new_page()
        open_page(page, base + "zoeken/?zoekterm=schulden%20")  # one word alone: the short title first
        assert titles(page)[:2] == ["Schulden", "Bestaanszekerheid, schulden en inkomensondersteuning in de wijk"]
        open_page(page, base + "zoeken/?zoekterm=armoede%20")
        assert titles(page) == ["Bestaanszekerheid, schulden en inkomensondersteuning in de wijk", "Schulden"]
        page.close()


def test_words_together_in_what_an_item_is_about_rank_above_words_apart(tmp_path, chromium):
    """Of two words, the item whose title, tags or summary has both ranks above an item with one in the title and
    the other in passing in the body; a word as rare as "kinderopvang" in a title no longer outweighs that."""
    filler = {f"artikelen/f{n}.md": article(f"Lokaal beleid {n}", body="Over de financiering van de wijk.\n")
              for n in range(6)}  # "financiering" is a common word, "kinderopvang" a rare one
    site = project(tmp_path, {
        **filler,
        "artikelen/apart.md": article("Kinderopvang voor iedereen",
                                      body="Alles over kinderopvang. De financiering komt later.\n"),
        "artikelen/samen.md": article("Ontschotten van wetten en financiering", tags=["kinderopvang", "leerrecht"],
                                      samenvatting="Ontschotte financiering en vrije toegang tot de kinderopvang.",
                                      body="Knelpunten op systeemniveau.\n"),
        "artikelen/tekst.md": article("Beleid in de regio", body="Kinderopvang en financiering, " * 8 + "\n"),
        "artikelen/half.md": article("Kinderopvang in de wijk", body="Zonder het andere woord.\n"),
    }).build()
    with serve(site.root) as base:
        page = chromium.new_page()
        open_page(page, base + "zoeken/?zoekterm=kinderopvang%20financiering%20")
        assert titles(page) == ["Ontschotten van wetten en financiering", "Kinderopvang voor iedereen",
                                "Beleid in de regio"]
        # One word: where it stands still comes first, however often the body repeats it.
        open_page(page, base + "zoeken/?zoekterm=kinderopvang%20")
        assert titles(page)[-1] == "Beleid in de regio"
        page.close()
