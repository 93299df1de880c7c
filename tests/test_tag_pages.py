"""Tags at volume: an A–Z index with counts, a paged page per tag, tag chips that link there, and the search page
filtered on a tag.

The hub (tests/volume_hub.py) gives its 230 articles a topic and a letter tag each, WGR to the odd ones and all 34
good practices (written 'WGR' and 'wgr'), Wmo to every tenth; 10 entries per page.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest
from browser import browser, serve
from bs4 import BeautifulSoup
from sitebuilder import Site, article, project
from volume_hub import ARTICLES, PER_PAGE, PRACTICES, article_tags, resolve, walk

INDEX = "trefwoorden/"
WGR = "trefwoorden/wgr/"


@pytest.fixture(scope="module")
def site(volume) -> Site:
    return volume  # built once per session (conftest.py), shared with the paging and accessibility tests


def tag_counts() -> Counter[str]:
    """Tag as the site shows it → its publications, from the frontmatter: spellings with capitals win."""
    shown = {"wgr": "WGR", "wmo": "Wmo"}
    counts: Counter[str] = Counter()
    for n in range(ARTICLES):
        counts.update(shown.get(tag, tag) for tag in article_tags(n))
    counts["WGR"] += PRACTICES
    return counts


def test_the_index_has_the_letters_and_the_most_used_tags_and_each_letter_a_page_with_counts(site):
    counts = tag_counts()
    assert (counts["WGR"], counts["Wmo"], counts["A-dossier"], counts["Onderwerp 79"], len(counts)) == (
        149, 23, 9, 2, 108)
    most_used = sorted(counts, key=lambda tag: (-counts[tag], tag.lower()))[:20]
    assert most_used[:3] == ["WGR", "Wmo", "A-dossier"]
    letters = sorted({tag[0].upper() for tag in counts})
    bar = " ".join(letters)
    assert site.text(INDEX) == (
        "Trefwoorden ¶ 108 trefwoorden van artikelen, praktijkvoorbeelden en cursussen, van A tot Z, met het "
        f"aantal publicaties bij elk. Kies een beginletter, of een van de meest gebruikte trefwoorden hieronder. {bar} "
        "Meest gebruikt ¶ " + " ".join(f"{tag} ({counts[tag]})" for tag in most_used))
    soup = BeautifulSoup(site.article_html(INDEX), "html.parser")
    assert soup.find("nav", class_="kb-letters")["aria-label"] == "Trefwoorden per beginletter"
    jumps = {a.get_text(): a["href"] for a in soup.select("nav.kb-letters a")}
    assert jumps == {letter: f"beginletter-{letter.lower()}/" for letter in letters}
    for letter in letters:
        tags = sorted((tag for tag in counts if tag[0].upper() == letter), key=str.lower)
        url = f"trefwoorden/beginletter-{letter.lower()}/"
        assert site.text(url) == (
            f"Trefwoorden: {letter} ¶ {len(tags)} van de 108 trefwoorden beginnen met de {letter}, met het aantal "
            "publicaties bij elk. Kies een trefwoord voor de publicaties ermee, nieuwste eerst, of een andere "
            f"beginletter. {bar} " + " ".join(f"{tag} ({counts[tag]})" for tag in tags)), letter
    links = {a.get_text(): a["href"] for a in BeautifulSoup(site.article_html("trefwoorden/beginletter-o/"),
                                                            "html.parser").select("ul.kb-tag-index a")}
    assert (links["Onderwerp 03"], links["O-dossier"]) == ("../onderwerp-03/", "../o-dossier/")


def test_a_tag_page_holds_its_publications_newest_first_over_pages(site):
    pages = walk(site, WGR)
    listed = [item for _, items in pages for item in items]
    assert len(pages) == -(-149 // PER_PAGE) == 15
    assert len(listed) == len(set(listed)) == 149
    expected = {f"artikelen/artikel-{n:03d}/" for n in range(1, ARTICLES, 2)}
    expected |= {f"praktijkvoorbeelden/praktijk-{n:03d}/" for n in range(PRACTICES)}
    assert set(listed) == expected
    # Newest first, a tie by slug: article 1 and practice 0 share 27 December 2024, article 3 is of the 19th.
    assert listed[:4] == ["artikelen/artikel-001/", "praktijkvoorbeelden/praktijk-000/", "artikelen/artikel-003/",
                          "artikelen/artikel-005/"]
    assert [url for url, _ in pages[:2]] == [WGR, f"{WGR}pagina/2/"]
    text = site.text(WGR)
    assert text.startswith(
        "WGR ¶ Trefwoord 149 publicaties met dit trefwoord (115 artikelen, 34 praktijkvoorbeelden), nieuwste eerst. "
        "Zoek op dit trefwoord om verder te "
        "filteren op thema, soort of jaar, of bekijk alle trefwoorden . Artikel 001 Korte samenvatting. "
        "Artikel · 27 december 2024 Praktijk 000 Korte samenvatting. Praktijkvoorbeeld · 27 december 2024 · Zwolle")
    assert text.endswith("Pagina 1 van 15 1–10 van 149, nieuwste eerst Volgende pagina → "
                         "Alle 149 in het zoekscherm , om verder te filteren.")
    links = {a.get_text(" ", strip=True): a["href"]
             for a in BeautifulSoup(site.article_html(WGR), "html.parser").find_all("a")}
    assert links["Zoek op dit trefwoord"] == "../../zoeken/?trefwoord=WGR"
    assert links["alle trefwoorden"] == "../"
    assert "https://kennisbank.example.nl/trefwoorden/beginletter-w/</loc>" in (site.root / "sitemap.xml").read_text()


def test_a_follow_on_page_of_a_tag_has_its_title_way_back_and_neighbours(site):
    url = f"{WGR}pagina/2/"
    page = site.html(url)
    assert "<title>Trefwoord WGR – pagina 2 van 15 - VNG Kennisbank</title>" in page
    assert '<link rel="prev" href="../../">' in page and '<link rel="next" href="../3/">' in page
    crumbs = BeautifulSoup(page, "html.parser").find("nav", class_="md-path")
    assert [a.get_text(strip=True) for a in crumbs.find_all("a")] == ["Start", "Trefwoorden", "Trefwoorden: W", "WGR"]
    assert site.text(url).startswith("Trefwoord WGR – pagina 2 van 15 ¶ 149 publicaties, nieuwste eerst. "
                                     "De nieuwste staan op WGR .")
    assert 'class="md-content__button' not in page  # no edit pencil on a generated page
    tag_page = site.html(WGR)
    crumbs = BeautifulSoup(tag_page, "html.parser").find("nav", class_="md-path")
    assert [a.get_text(strip=True) for a in crumbs.find_all("a")] == ["Start", "Trefwoorden", "Trefwoorden: W"]
    assert "<title>WGR - VNG Kennisbank</title>" in tag_page and 'class="md-content__button' not in tag_page


def test_tag_chips_on_an_item_link_to_the_tag_pages(site):
    chips = BeautifulSoup(site.html("artikelen/artikel-003/"), "html.parser").select("nav.md-tags a.md-tag")
    assert [(a.get_text(), resolve("artikelen/artikel-003/", a["href"])) for a in chips] == [
        ("Onderwerp 03", "trefwoorden/onderwerp-03/"), ("D-dossier", "trefwoorden/d-dossier/"),
        ("WGR", "trefwoorden/wgr/")]
    # Written 'wgr' in this article's frontmatter, shown as the hub writes it.
    assert "tags: [Onderwerp 01, B-dossier, wgr]" in (site.root.parent / "docs/artikelen/artikel-001.md").read_text()
    assert [a.get_text() for a in BeautifulSoup(site.html("artikelen/artikel-001/"), "html.parser").select(
        "nav.md-tags a.md-tag")] == ["Onderwerp 01", "B-dossier", "WGR"]


def test_tag_pages_are_in_the_sitemap_and_their_follow_on_pages_are_not(site):
    sitemap = (site.root / "sitemap.xml").read_text(encoding="utf-8")
    assert "https://kennisbank.example.nl/trefwoorden/</loc>" in sitemap
    assert "https://kennisbank.example.nl/trefwoorden/wgr/</loc>" in sitemap
    assert "/trefwoorden/wgr/pagina/" not in sitemap


def test_tags_that_slugify_alike_get_pages_of_their_own_and_a_hub_without_tags_says_so(tmp_path):
    site = project(tmp_path / "a", {
        "artikelen/a.md": article("A", tags=["C++", "Één loket"]),
        "artikelen/b.md": article("B", tags=["c", "'2030'", "'!!!'"]),
    }).build()
    assert site.text(INDEX).endswith("eerst. 0–9 C E Overig 0–9 ¶ 2030 (1) C ¶ c (1) C++ (1) E ¶ Één loket (1) "
                                     "Overig ¶ !!! (1)")
    links = {a.get_text(): a["href"] for a in BeautifulSoup(site.article_html(INDEX), "html.parser")
             .select("ul.kb-tag-index a")}
    assert links == {"2030": "2030/", "c": "c/", "C++": "c-2/", "Één loket": "een-loket/", "!!!": "trefwoord/"}
    # A few tags: one page, the letters jump to their headings.
    soup = BeautifulSoup(site.article_html(INDEX), "html.parser")
    assert [a["href"] for a in soup.select("nav.kb-letters a")] == [
        "#letter-0-9", "#letter-c", "#letter-e", "#letter-overig"]
    assert soup.find(id="letter-0-9").name == soup.find(id="letter-overig").name == "h2"
    assert site.text("trefwoorden/c-2/").startswith("C++ ¶ Trefwoord 1 publicatie met dit trefwoord")
    empty = project(tmp_path / "b", {"artikelen/a.md": article("A")}).build()
    assert empty.text(INDEX) == ("Trefwoorden ¶ Er zijn nog geen trefwoorden. Een trefwoord geef je een publicatie "
                                 "in het veld tags ; lees hoe je kennis toevoegt .")
    assert "trefwoord" not in (empty.root / "zoeken/index/meta.js").read_text(encoding="utf-8")


def test_the_old_tags_page_of_a_hub_is_reported_and_a_lenient_build_goes_on_without_it(tmp_path, caplog):
    hub = project(tmp_path, {"artikelen/a.md": article("A", tags=["WGR"]),
                             "trefwoorden.md": "# Trefwoorden\n\n<!-- material/tags -->\n"})
    hub.build_fails()
    message = ("docs/trefwoorden.md:1:1: bestand: de build maakt de trefwoordenpagina zelf, met een pagina per "
               "trefwoord; verwijder dit bestand (de regel 'Trefwoorden: trefwoorden.md' in de nav van mkdocs.yml "
               "mag blijven)")
    assert f"De kennisbank bevat 1 fout:\n{message}\n" in caplog.text + "\n"
    site = hub.build(strict=False)
    assert site.text(INDEX).endswith("W ¶ WGR (1)")


@pytest.mark.browser
@pytest.mark.parametrize("width", [320, 1280])
def test_zoek_op_dit_trefwoord_opens_the_search_page_with_the_tag_filter_and_the_same_count(site, width):
    with serve(site.root) as base, browser() as chromium:
        page = chromium.new_page(viewport={"width": width, "height": 800})
        letter = "trefwoorden/beginletter-o/"
        for url in (INDEX, letter, WGR):  # nothing scrolls sideways (WCAG 1.4.10): letters wrap, tag columns fit
            page.goto(base + url)
            assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") == 0
        page.goto(base + INDEX)
        boxes = [link.bounding_box() for link in page.locator("nav.kb-letters a").all()]
        assert len(boxes) == 26 and all(box["width"] >= 24 and box["height"] >= 24 for box in boxes)  # WCAG 2.5.8
        # The 81 tags under O in columns beside each other where the column is wide enough, one below another on
        # a phone.
        page.goto(base + letter)
        columns = set(page.locator("ul.kb-tag-index li").evaluate_all(
            "items => items.map(li => Math.round(li.getBoundingClientRect().x))"))
        assert len(columns) == (1 if width == 320 else 2)
        page.goto(base + WGR)
        page.get_by_role("link", name="Zoek op dit trefwoord").click()
        page.wait_for_selector(".kb-search--ready")
        assert page.url.endswith("zoeken/?trefwoord=WGR")
        assert re.match(r"149 resultaten", page.locator("#kb-search-status").inner_text())
        if width == 320:  # the filters are folded on a phone
            page.get_by_text(re.compile(r"^Filters \(1\)")).click()
        assert page.get_by_role("checkbox", name=re.compile("^WGR")).is_checked()
        page.close()


def test_beyond_ten_pages_worth_of_tags_each_first_letter_has_a_page_of_its_own(tmp_path):
    # 5 entries per page: up to 50 tags the index is one page; 61 tags give a page per first letter.
    files = {f"artikelen/a{n}.md": article(f"Artikel {n}", tags=[f"{c}-thema {n}" for c in "ABCDEFGHIJ"])
             for n in range(6)}
    files["artikelen/b.md"] = article("Over letters", tags=["Beginletter C"])
    hub = project(tmp_path, files)
    config = hub.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "extra:\n  kennisbank:\n", "extra:\n  kennisbank:\n    overview:\n      per_page: 5\n", 1), encoding="utf-8")
    site = hub.build()
    every = sorted([f"{c}-thema {n}" for c in "ABCDEFGHIJ" for n in range(6)] + ["Beginletter C"], key=str.lower)
    assert site.text(INDEX) == (  # each tag once: the most used are the first 20 from A to Z
        "Trefwoorden ¶ 61 trefwoorden van artikelen, praktijkvoorbeelden en cursussen, van A tot Z, met het aantal "
        "publicaties bij elk. Kies een beginletter, of een van de meest gebruikte trefwoorden hieronder. "
        "A B C D E F G H I J Meest gebruikt ¶ " + " ".join(f"{tag} (1)" for tag in every[:20]))
    links = {a.get_text(): a["href"] for a in BeautifulSoup(site.article_html(INDEX), "html.parser")
             .select("nav.kb-letters a")}
    assert links == {c: f"beginletter-{c.lower()}/" for c in "ABCDEFGHIJ"}
    letter = "trefwoorden/beginletter-b/"
    assert site.text(letter) == (
        "Trefwoorden: B ¶ 7 van de 61 trefwoorden beginnen met de B, met het aantal publicaties bij elk. Kies een "
        "trefwoord voor de publicaties ermee, nieuwste eerst, of een andere beginletter. A B C D E F G H I J "
        + " ".join(f"B-thema {n} (1)" for n in range(6)) + " Beginletter C (1)")
    soup = BeautifulSoup(site.html(letter), "html.parser")
    tags = {a.get_text(): a["href"] for a in soup.select("ul.kb-tag-index a")}
    assert tags["Beginletter C"] == "../beginletter-c-2/" and tags["B-thema 0"] == "../b-thema-0/"
    assert soup.select_one(".kb-letters__current").get_text() == "B"
    assert "<title>Trefwoorden: B - VNG Kennisbank</title>" in site.html(letter)
    crumbs = BeautifulSoup(site.html("trefwoorden/beginletter-c-2/"), "html.parser").find("nav", class_="md-path")
    assert [a.get_text(strip=True) for a in crumbs.find_all("a")] == ["Start", "Trefwoorden", "Trefwoorden: B"]
