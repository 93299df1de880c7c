"""Overview pages at volume: every list is paged, every item reachable by browsing, counts and search links.

The hub (tests/volume_hub.py) has 230 articles, 34 good practices and a collection of 24 pages, and 10
entries per page, so each list of the theme, network, pair and type pages runs over several pages.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest
from bs4 import BeautifulSoup
from sitebuilder import Site, article, project
from test_offline_links import broken_links
from volume_hub import ARTICLES, COLLECTION_PAGES, COLLECTION_SPEC, PER_PAGE, PRACTICES, files, resolve, walk

from kennisbank.mkdocs.commands import build_site

THEME = "themas/bestaanszekerheid/"


@pytest.fixture(scope="module")
def site(volume) -> Site:
    return volume  # built once per session (conftest.py), shared with the count and accessibility tests


def test_a_theme_list_goes_on_over_pages_that_hold_every_item_once_newest_first(site):
    pages = walk(site, THEME, "artikelen-artikel")
    listed = [item for _, items in pages for item in items]
    expected_count = ARTICLES + COLLECTION_PAGES  # every article and every collection page carry the theme
    assert len(pages) == -(-expected_count // PER_PAGE) == 26
    assert len(listed) == len(set(listed)) == expected_count
    assert [url for url, _ in pages[:3]] == [THEME, f"{THEME}artikelen/pagina/2/", f"{THEME}artikelen/pagina/3/"]
    assert all(len(items) == PER_PAGE for _, items in pages[:-1])
    assert listed[:3] == ["artikelen/artikel-000/", "artikelen/artikel-001/", "artikelen/artikel-002/"]
    # Each page has a way back that lands where it came from.
    for (previous, _), (url, _) in zip(pages, pages[1:]):
        back = BeautifulSoup(site.article_html(url), "html.parser").find("a", string=re.compile("Vorige pagina"))
        assert resolve(url, back["href"]) == previous


def test_a_follow_on_page_as_a_visitor_reads_it(site):
    assert site.text(f"{THEME}artikelen/pagina/2/") == (
        "Bestaanszekerheid: artikelen – pagina 2 van 26 ¶ "
        "255 artikelen, nieuwste eerst. De nieuwste staan op Bestaanszekerheid . "
        + " ".join(f"Artikel {n:03d} Korte samenvatting. {day}" for n, day in zip(range(10, 20), (
            "21 november 2024", "17 november 2024", "13 november 2024", "9 november 2024", "5 november 2024",
            "1 november 2024", "28 oktober 2024", "24 oktober 2024", "20 oktober 2024", "16 oktober 2024")))
        + " ← Vorige pagina Pagina 2 van 26 11–20 van 255, nieuwste eerst Volgende pagina →"
        " Alle 255 in het zoekscherm , om verder te filteren.")
    page = site.html(f"{THEME}artikelen/pagina/2/")
    assert "<title>Bestaanszekerheid: artikelen – pagina 2 van 26 - VNG Kennisbank</title>" in page
    assert '<link rel="prev" href="../../../">' in page and '<link rel="next" href="../3/">' in page
    crumbs = BeautifulSoup(page, "html.parser").find("nav", class_="md-path")
    assert [a.get_text(strip=True) for a in crumbs.find_all("a")] == ["Start", "Thema's", "Bestaanszekerheid"]
    links = {a.get_text(" ", strip=True): a["href"]
             for a in BeautifulSoup(site.article_html(f"{THEME}artikelen/pagina/2/"), "html.parser").find_all("a")}
    assert links["Bestaanszekerheid"] == "../../../#artikelen-artikel"
    assert links["Alle 255 in het zoekscherm"] == "../../../../../zoeken/?thema=Bestaanszekerheid&soort=Artikel"
    last = site.text(f"{THEME}artikelen/pagina/26/")
    assert "← Vorige pagina Pagina 26 van 26 251–255 van 255, nieuwste eerst Alle 255" in last
    assert "Volgende pagina" not in last and '<link rel="next"' not in site.html(f"{THEME}artikelen/pagina/26/")


def test_the_theme_page_groups_by_type_and_names_its_collections(site):
    text = site.text(THEME)
    assert "Bij dit thema: 255 artikelen, 34 praktijkvoorbeelden. Uit collecties: Handboek Inkomen ( 25 publicaties )." \
        in text
    assert "Artikelen (255) ¶ Artikel 000" in text and "Praktijkvoorbeelden (34) ¶ Praktijk 000" in text
    assert text.count("Korte samenvatting.") == 2 * PER_PAGE
    assert "Pagina 1 van 26 1–10 van 255, nieuwste eerst Volgende pagina → Alle 255 in het zoekscherm" in text
    assert "Pagina 1 van 4 1–10 van 34, nieuwste eerst Volgende pagina → Alle 34 in het zoekscherm" in text
    html = site.article_html(THEME)
    assert ('Uit collecties:\n<a href="../../collecties/handboek/">Handboek Inkomen</a> '
            '(<a href="../../zoeken/?thema=Bestaanszekerheid&amp;bron=Handboek%20Inkomen">25 publicaties</a>).') in html
    assert '<a class="md-button md-button--primary" href="praktijkvoorbeelden/pagina/2/">Volgende pagina →</a>' in html


def test_network_pair_and_type_lists_are_paged_too(site):
    network = walk(site, "netwerken/regioberaad/", "artikelen-artikel")
    assert sum(len(items) for _, items in network) == ARTICLES // 2 + COLLECTION_PAGES
    assert network[1][0] == "netwerken/regioberaad/artikelen/pagina/2/"
    pair = walk(site, f"{THEME}regioberaad/", "praktijkvoorbeelden-praktijkvoorbeeld")
    assert [url for url, _ in pair] == [f"{THEME}regioberaad/"] + [
        f"{THEME}regioberaad/praktijkvoorbeelden/pagina/{n}/" for n in (2, 3, 4)]
    assert sum(len(items) for _, items in pair) == PRACTICES
    assert "Alle 34 in het zoekscherm" in site.text(f"{THEME}regioberaad/praktijkvoorbeelden/pagina/4/")
    assert ("../../../../../../zoeken/?thema=Bestaanszekerheid&amp;netwerk=Regioberaad&amp;soort=Praktijkvoorbeeld"
            in site.article_html(f"{THEME}regioberaad/praktijkvoorbeelden/pagina/4/"))
    index = walk(site, "artikelen/")
    assert len(index) == 26 and sum(len(items) for _, items in index) == ARTICLES + COLLECTION_PAGES


def article_years() -> Counter[str]:
    """Year → articles of that year, from the frontmatter (collection pages take the data file's date)."""
    years: Counter[str] = Counter()
    for src, text in files().items():
        if src.startswith("artikelen/"):
            years[re.search(r"^gepubliceerd: (\d{4})", text, re.M).group(1)] += 1
    years[re.search(r"^gepubliceerd: (\d{4})", COLLECTION_SPEC, re.M).group(1)] += COLLECTION_PAGES
    return years


def test_a_type_index_is_grouped_by_year_across_its_pages(site):
    years = sorted(article_years().items(), reverse=True)
    assert len(years) == 3  # the hub spans three years, so the test sees a year begin mid-list
    text = site.text("artikelen/")
    summary = ", ".join(f"{year} ({count})" for year, count in years)
    assert f"255 artikelen, nieuwste eerst. Per jaar: {summary}. {years[0][0]} ¶ Artikel 000" in text
    links = {a.get_text(): a["href"] for a in BeautifulSoup(site.article_html("artikelen/"), "html.parser")("a")}
    before = 0
    for year, count in years:
        page = before // PER_PAGE + 1
        assert links[year] == (f"#jaar-{year}" if page == 1 else f"pagina/{page}/#jaar-{year}"), year
        if page > 1:
            text = site.text(f"artikelen/pagina/{page}/")
            assert text.startswith(f"Artikelen – pagina {page} van 26 ¶ 255 artikelen, nieuwste eerst.")
            assert f" {year} ¶ " in text and f'id="jaar-{year}"' in site.article_html(f"artikelen/pagina/{page}/")
            if before % PER_PAGE:  # the year before it goes on at the top of this page
                previous = years[years.index((year, count)) - 1][0]
                assert f"{previous} (vervolg) ¶" in text
        before += count


def test_bare_titles_carry_their_collection_and_section_in_every_list(site):
    found = set()
    for page in sorted(site.root.glob("artikelen/pagina/*/index.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for li in soup.select("article li"):
            if li.a.get_text() == "Inleiding":
                found.add(li.find(class_="kb-meta").get_text())
    assert found == {"1 juni 2023 · Handboek Inkomen › Aanvragen", "1 juni 2023 · Handboek Inkomen › Bezwaar",
                     "1 juni 2023 · Handboek Inkomen › Schulden"}
    # The collection's own start page has no section above it; a section page names the one above it: none.
    start = BeautifulSoup(site.article_html(THEME + "artikelen/pagina/20/"), "html.parser")
    metas = {li.a.get_text(): li.find(class_="kb-meta").get_text() for li in start.select("li")}
    assert metas.get("Handboek Inkomen", "1 juni 2023 · Handboek Inkomen").endswith("· Handboek Inkomen")


def test_follow_on_pages_stay_out_of_the_sitemap(site):
    sitemap = (site.root / "sitemap.xml").read_text(encoding="utf-8")
    assert "/pagina/" not in sitemap
    assert "https://kennisbank.example.nl/themas/bestaanszekerheid/</loc>" in sitemap
    assert "https://kennisbank.example.nl/artikelen/artikel-229/</loc>" in sitemap


def test_every_link_of_the_offline_copy_works_on_paged_lists(site, tmp_path):
    offline = tmp_path / "site-offline"
    build_site(site.root.parent / "mkdocs.yml", offline, offline=True)
    assert broken_links(offline) == []
    page = (offline / "themas/bestaanszekerheid/artikelen/pagina/2.html").read_text(encoding="utf-8")
    assert '<a class="md-button md-button--primary" href="3.html">Volgende pagina →</a>' in page
    assert '<link rel="prev" href="../../../bestaanszekerheid.html">' in page
    # Tags too: a chip opens the tag's page, whose pager and search link are files.
    assert '<a href="../trefwoorden/wgr.html" class="md-tag">WGR</a>' in (
        offline / "artikelen/artikel-003.html").read_text(encoding="utf-8")
    tag = (offline / "trefwoorden/wgr.html").read_text(encoding="utf-8")
    assert 'href="wgr/pagina/2.html">Volgende pagina →</a>' in tag and 'href="../zoeken/index.html?trefwoord=WGR"' in tag


def test_the_page_size_is_checked(tmp_path, caplog):
    hub = project(tmp_path, {"artikelen/een.md": article("Een")})
    config = hub.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "extra:\n  kennisbank:\n", "extra:\n  kennisbank:\n    overview:\n      per_page: 2\n", 1), encoding="utf-8")
    hub.build_fails()
    line = config.read_text(encoding="utf-8").splitlines().index("      per_page: 2") + 1
    assert ("De kennisbank bevat 1 fout:\n"
            f"mkdocs.yml:{line}:7: extra.kennisbank.overview.per_page: moet minstens 5 zijn\n") in caplog.text + "\n"


def test_short_lists_have_no_pager(tmp_path):
    site = project(tmp_path, {"artikelen/een.md": article("Een")}).build()
    assert "zoekscherm" not in site.text("themas/bestaanszekerheid/")
    assert "Pagina 1" not in site.text("artikelen/") and "1 artikel, nieuwste eerst." in site.text("artikelen/")
    assert not (site.root / "artikelen" / "pagina").exists()
