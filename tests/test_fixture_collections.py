"""Realistic source trees in tests/fixtures/ dropped in as collections, with only their data file written.

Each fixture has ``docs/`` (a clean tree: ``kennisbank check`` green, so the strict
build must be green) and ``kapot/`` (dangerous pages and broken links added on
top: the default build leaves out exactly the bad items and publishes the rest).
"""

import logging
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from sitebuilder import Site, project

from kennisbank.cli import main
from kennisbank.mkdocs.commands import build_site

FIXTURES = Path(__file__).parent / "fixtures"
NAMES = ["handboek-informatiebeveiliging", "gegevensmodel-zaken", "ontwikkelaarsportaal", "catalogus-handleidingen"]


def fixture_project(tmp_path: Path, name: str, broken: bool):
    hub = project(tmp_path)
    shutil.copytree(FIXTURES / name / "docs", hub.docs, dirs_exist_ok=True)
    if broken:
        shutil.copytree(FIXTURES / name / "kapot", hub.docs, dirs_exist_ok=True)
    return hub


@pytest.mark.parametrize("name", NAMES)
def test_check_green_means_strict_build_green(tmp_path, monkeypatch, caplog, name):
    hub = fixture_project(tmp_path, name, broken=False)
    monkeypatch.chdir(hub.root)
    result = CliRunner().invoke(main, ["check"])
    assert (result.exit_code, result.stdout.splitlines()) == (0, CLEAN_WARNINGS.get(name, []))
    with caplog.at_level(logging.WARNING):
        build_site(hub.root / "mkdocs.yml", hub.root / "site", strict=True)
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING] == []


CLEAN_WARNINGS = {
    "ontwikkelaarsportaal": [
        "docs/collecties/api-portaal/aan-de-slag/eerste-verzoek.md:32:24: mdx: onderdeel <ApiPlayground> kan niet "
        "worden omgezet; de tekst erin staat er zonder opmaak"],
}

EXPECTED = {
    "handboek-informatiebeveiliging": (
        "13 van 14 items gepubliceerd; 1 overgeslagen",
        # draaiboek.md's 'date: 2024-02-30' does not exist: a warning, the page takes the collection's date.
        {"docs/collecties/handboek-ib/maatregelen/phishing-oefening.md": [
             "8:1: html: het attribuut 'onclick' is niet toegestaan: het voert code uit in de browser",
             "8:1: html: knoppen zijn niet toegestaan in de tekst; gebruik een gewone link"]},
    ),
    "gegevensmodel-zaken": (
        "8 van 9 items gepubliceerd; 1 overgeslagen",
        # Only the errors that left the item out; its missing image (a form problem) is a warning.
        {"docs/collecties/gegevensmodel-zaken/objecttypen/Klant.md": [
            "8:1: html: het attribuut 'onerror' is niet toegestaan: het voert code uit in de browser"]},
    ),
    "ontwikkelaarsportaal": (
        "6 van 7 items gepubliceerd; 1 overgeslagen",
        {"docs/collecties/api-portaal/referentie/oude-api.md": [
            "8:46: html: to: een 'javascript:'-adres voert code uit in de browser van de bezoeker; link naar een "
            "gewone webpagina (https://…)"]},
    ),
    # Its links in every Docusaurus form: tests/test_docusaurus_links.py.
    "catalogus-handleidingen": (
        "9 van 10 items gepubliceerd; 1 overgeslagen",
        {"docs/collecties/open-catalogi/01-gebruikers/03-delen.md": [
            "10:10: link: een 'javascript:'-adres voert code uit in de browser van de bezoeker; link naar een "
            "gewone webpagina (https://…)"]},
    ),
}


@pytest.mark.parametrize("name", NAMES)
def test_default_build_publishes_the_valid_rest_of_a_broken_tree(tmp_path, name):
    hub = fixture_project(tmp_path, name, broken=True)
    publication = build_site(hub.root / "mkdocs.yml", hub.root / "site", strict=False)
    summary, left_out = EXPECTED[name]
    assert publication.summary() == summary
    reasons = {entry["pad"]: [f"{p['regel']}:{p['kolom']}: {p['veld']}: {p['melding']}" for p in entry["fouten"]]
               for entry in publication.report()["overgeslagen"]}
    assert reasons == left_out
    site = hub.root / "site"
    # The collection's pages (the contributor guide mentions 'onclick' as an example).
    published = "\n".join(p.read_text(encoding="utf-8") for p in (site / "collecties").rglob("*.html"))
    for danger in ("onclick", "onerror", "kwaadwillend.example", "Gefopt"):
        assert danger not in published
    index = "".join(p.read_text(encoding="utf-8") for p in (site / "zoeken/index").glob("d*.js"))
    assert index.count('["collecties/') == int(summary.split()[0])  # every published page is in the search data
    for path in left_out:
        page = Path(path).relative_to("docs").with_suffix("")
        assert not (site / page).exists()
        assert f'["{page.as_posix()}/"' not in index


def test_links_to_left_out_and_missing_pages_become_text(tmp_path):
    hub = fixture_project(tmp_path, "gegevensmodel-zaken", broken=True)
    build_site(hub.root / "mkdocs.yml", hub.root / "site", strict=False)
    site = Site(hub.root / "site")
    text = site.text("collecties/gegevensmodel-zaken/objecttypen/rol/")
    assert "Een rol koppelt een Zaak aan een Klant." in text
    assert [link for link in site.links("collecties/gegevensmodel-zaken/objecttypen/rol/") if "klant" in link.lower()] == []
    assert 'href="../zaak/"' in site.article_html("collecties/gegevensmodel-zaken/objecttypen/rol/")


def test_fixture_pages_render_their_own_syntax(tmp_path):
    hub = fixture_project(tmp_path, "handboek-informatiebeveiliging", broken=False)
    build_site(hub.root / "mkdocs.yml", hub.root / "site", strict=True)
    site = Site(hub.root / "site")
    html = site.article_html("collecties/handboek-ib/beleid/informatiebeveiligingsbeleid/")
    assert html.count("<h1") == 1
    assert 'class="tabbed-set' in html and "<details" in html and 'class="footnote"' in html
    text = site.text("collecties/handboek-ib/beleid/informatiebeveiligingsbeleid/")
    assert "Eigenschappen eigenaar CISO bio_hoofdstuk 5.1" in text
    assert "Licentie: CC BY 4.0" in text
    meld = site.article_html("collecties/handboek-ib/incidenten/meldprocedure/")
    assert 'href="../Meldformulier%20datalek.pdf"' in meld
    assert (hub.root / "site/collecties/handboek-ib/incidenten/Meldformulier datalek.pdf").is_file()


def test_docusaurus_syntax_is_converted_not_printed(tmp_path):
    hub = fixture_project(tmp_path, "ontwikkelaarsportaal", broken=False)
    build_site(hub.root / "mkdocs.yml", hub.root / "site", strict=True)
    site = Site(hub.root / "site")
    for url in ("collecties/api-portaal/", "collecties/api-portaal/aan-de-slag/api-sleutel-aanvragen/",
                "collecties/api-portaal/aan-de-slag/eerste-verzoek/", "collecties/api-portaal/referentie/adressen-api/"):
        text, html = site.text(url), site.article_html(url)
        assert ":::" not in text and "@theme" not in text and "<Tabs" not in html and "TabItem" not in text, url
        assert html.count("<h1") == 1, url
    tip = site.article_html("collecties/api-portaal/aan-de-slag/api-sleutel-aanvragen/")
    assert '<div class="admonition tip">' in tip and '<p class="admonition-title">Begin in de testomgeving</p>' in tip
    assert '<div class="admonition warning">' in tip
    # A Mermaid fence passes the conversion untouched (its braces are not JSX) and is drawn on the page.
    assert ('<pre class="mermaid"><code>sequenceDiagram\n    Ontwikkelaar-&gt;&gt;Portaal: Vraagt sleutel aan {test}'
            in tip)
    assert "assets/javascripts/mermaid/mermaid.min.js" in site.html("collecties/api-portaal/aan-de-slag/api-sleutel-aanvragen/")
    first = site.article_html("collecties/api-portaal/aan-de-slag/eerste-verzoek/")
    assert 'class="tabbed-set' in first and ">cURL</label>" in first and ">Python</label>" in first
    assert '<span class="filename">Verzoek</span>' in first and "linenos" in first and 'class="hll"' in first
    assert "highlight-next-line" not in first
    assert "speeltuin" in site.text("collecties/api-portaal/aan-de-slag/eerste-verzoek/")  # unknown component's text
    assert '<a href="../api-sleutel-aanvragen/">API-sleutel aanvragen</a>' in first
    home = site.text("collecties/api-portaal/")
    assert "In deze collectie Secties Aan de slag" in home  # what <DocCardList /> listed
    assert "Licentie: CC0 1.0" in home


@pytest.mark.pdf
@pytest.mark.slow
def test_collection_pages_get_pdfs_with_their_licence(tmp_path):
    from pdfs import pdfs_on, text
    from pypdf import PdfReader

    hub = fixture_project(tmp_path, "handboek-informatiebeveiliging", broken=False)
    with pdfs_on():  # slow: about 30 s for the handbook's ten PDFs on a busy machine
        build_site(hub.root / "mkdocs.yml", hub.root / "site", strict=True)
    pdf = hub.root / "site/collecties/handboek-ib/beleid/informatiebeveiligingsbeleid.pdf"
    document = " ".join(text(PdfReader(pdf)).split())
    assert "Informatiebeveiligingsbeleid" in document
    assert "Licentie: CC BY 4.0" in document and "Handboek Informatiebeveiliging" in document
    page = Site(hub.root / "site").article_html("collecties/handboek-ib/beleid/informatiebeveiligingsbeleid/")
    assert 'href="../informatiebeveiligingsbeleid.pdf"' in page
