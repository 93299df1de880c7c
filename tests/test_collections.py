"""Collections: an organisation's Markdown tree, kept in its own structure, becomes first-class hub items."""

import os
import re
import subprocess

import pytest
from click.testing import CliRunner
from sitebuilder import Site, project

from kennisbank.cli import main
from kennisbank.mkdocs.commands import build_site

PNG = b"\x89PNG\r\n\x1a\n"
SPEC = """naam: Gegevensmodel Voorbeeldstad
organisatie: Gemeente Voorbeeldstad
licentie: CC BY 4.0
bron: https://github.com/voorbeeldstad/gegevensmodel
themas: [sterke-bestuurslaag]
netwerken: [regioberaad]
toon_velden: [status_model, versie]
"""
TREE = {
    "_data/collecties/gegevensmodel.yml": SPEC,
    "collecties/gegevensmodel/index.md": (
        "---\ntitle: Gegevensmodel\ndescription: Het gegevensmodel van Voorbeeldstad.\n---\n\n"
        "# Gegevensmodel\n\nWelkom. Begin bij [de objecten](objecten/index.md).\n"),
    "collecties/gegevensmodel/objecten/index.md": "# Objecttypen\n\nAlle objecttypen van het model, per domein.\n",
    "collecties/gegevensmodel/objecten/Natuurlijk_Persoon.md": (
        "---\ntitle: Natuurlijk persoon\nstatus_model: vastgesteld\nversie: 2.1\ntags: [basisregistratie, brp]\n"
        "date: 2023-05-04T10:00:00Z\n---\n\n# Natuurlijk persoon.\n\n"
        "Een **mens** als drager van rechten. ![Klassendiagram](../img/EAID_1A2B3C4D.png)\n\n"
        "Zie ook [adres](adres.md).\n"),
    "collecties/gegevensmodel/objecten/adres.md": "---\ntags: brp\n---\n\n# Adres\n\nWaar iemand woont.\n",
    "collecties/gegevensmodel/objecten/concept.md": "---\ndraft: true\n---\n\n# Nog niet af\n\nTekst.\n",
    "collecties/gegevensmodel/img/EAID_1A2B3C4D.png": PNG,
}
PERSON = "collecties/gegevensmodel/objecten/natuurlijk-persoon/"


def commit_all(folder, day):
    env = {**os.environ, "GIT_AUTHOR_DATE": f"{day}T12:00:00", "GIT_COMMITTER_DATE": f"{day}T12:00:00",
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org"}
    subprocess.run(["git", "init", "-q"], cwd=folder, check=True, env=env)
    subprocess.run(["git", "add", "-A"], cwd=folder, check=True, env=env)
    subprocess.run(["git", "commit", "-qm", "bron"], cwd=folder, check=True, env=env)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    hub = project(tmp_path_factory.mktemp("collectie"), TREE)
    commit_all(hub.docs / "collecties/gegevensmodel", "2022-09-01")  # as a git submodule would be
    publication = build_site(hub.root / "mkdocs.yml", hub.root / "site", strict=True)
    return hub, Site(hub.root / "site"), publication


def test_every_page_of_the_collection_is_an_item_with_its_licence(built):
    _, site, _ = built
    for url in ("collecties/gegevensmodel/", "collecties/gegevensmodel/objecten/", PERSON,
                "collecties/gegevensmodel/objecten/adres/"):
        assert ("Uit de collectie Gegevensmodel Voorbeeldstad van Gemeente Voorbeeldstad · Licentie: CC BY 4.0 · "
                "Bron") in site.text(url), url
    text = site.text(PERSON)
    assert "Soort: Artikel Thema's: Eén sterke bestuurslaag Netwerken: Regioberaad" in text
    assert "Gepubliceerd: 4 mei 2023" in text  # from the source's own 'date', a timestamp
    assert "Auteur: Gemeente Voorbeeldstad" in text  # no authors in the source: the organisation


def test_the_title_is_shown_once_and_comes_from_the_first_heading_when_missing(built):
    _, site, _ = built
    assert site.article_html(PERSON).count("<h1") == 1
    assert site.text("collecties/gegevensmodel/objecten/").startswith("Objecttypen ¶")
    assert site.text("collecties/gegevensmodel/objecten/adres/").startswith("brp Adres ¶ Waar iemand woont.")


def test_summary_dates_and_source_fields(built):
    _, site, _ = built
    text = site.text("collecties/gegevensmodel/objecten/")
    assert "Alle objecttypen van het model, per domein." in text  # summary from the first paragraph
    assert "Gepubliceerd: 1 september 2022" in text  # from git, the source has no date
    person = site.text(PERSON)
    assert "Eigenschappen status_model vastgesteld versie 2.1" in person


def test_relative_links_images_and_section_pages_keep_working(built):
    _, site, _ = built
    html = site.article_html(PERSON)
    assert 'src="../../img/EAID_1A2B3C4D.png"' in html and 'href="../adres/"' in html
    home = site.text("collecties/gegevensmodel/")
    assert "In deze collectie Secties Objecttypen" in home
    section = site.text("collecties/gegevensmodel/objecten/")
    assert "Pagina's hier Adres Natuurlijk persoon" in section
    page = site.html(PERSON)
    path = page[page.index('class="md-path"'):page.index("</nav>", page.index('class="md-path"'))]
    assert [part for part in ("Start", "Gegevensmodel", "Objecttypen") if part in path] == \
        ["Start", "Gegevensmodel", "Objecttypen"]


def test_collection_items_are_first_class(built):
    hub, site, _ = built
    theme = site.text("themas/sterke-bestuurslaag/")
    assert "Natuurlijk persoon" in theme and "Objecttypen" in theme
    # Bare titles such as 'Objecttypen' say which collection they come from, in every list.
    assert "Objecttypen Alle objecttypen van het model, per domein. 1 september 2022 · Gegevensmodel Voorbeeldstad" \
        in theme
    assert "Natuurlijk persoon" in site.text("netwerken/regioberaad/")
    assert "Natuurlijk persoon" in site.text("collecties/gegevensmodel/objecten/adres/")  # backlink
    assert not (hub.root / "site/collecties/gegevensmodel/objecten/concept").exists()  # draft: true
    index = "".join(p.read_text(encoding="utf-8") for p in (hub.root / "site/zoeken/index").glob("d*.js"))
    assert "als drager van rechten" in index


def test_a_folder_without_data_file_and_a_bad_data_file_are_reported(tmp_path, monkeypatch):
    files = {"collecties/handboek/index.md": "# Handboek\n\nTekst.\n",
             "_data/collecties/gegevensmodel.yml": SPEC.replace("sterke-bestuurslaag", "bestuur")
             .replace("licentie: CC BY 4.0\n", ""),
             "collecties/gegevensmodel/index.md": "# Model\n\nTekst.\n"}
    hub = project(tmp_path, files)
    monkeypatch.chdir(hub.root)
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "docs/_data/collecties/gegevensmodel.yml:1:1: licentie: verplicht veld ontbreekt",
        "docs/_data/collecties/gegevensmodel.yml:4:10: themas: onbekend thema 'bestuur'; zie de lijst van thema's "
        "in de handleiding",
        "docs/collecties/handboek:1:1: collectie: deze collectie heeft geen beschrijving; maak "
        "docs/_data/collecties/handboek.yml met naam, organisatie, licentie en thema's (of laat 'kennisbank "
        "collectie init' dat doen)",
    ]


def test_a_bad_page_is_reported_at_the_source_field_and_left_out(tmp_path):
    files = {**TREE, "_data/collecties/gegevensmodel.yml": SPEC + "gepubliceerd: 2024-01-15\n",
             "collecties/gegevensmodel/objecten/fout.md": "---\nthemas: [bestuur]\n---\n\n# Fout\n\nTekst.\n",
             "collecties/gegevensmodel/objecten/datum.md": "---\ndate: 2023-13-45\n---\n\n# Datum\n\nTekst.\n",
             "collecties/gegevensmodel/objecten/gevaar.md": "# Gevaar\n\n<a href=\"javascript:alert(1)\">x</a>\n"}
    hub = project(tmp_path, files)
    publication = build_site(hub.root / "mkdocs.yml", hub.root / "site", strict=False)
    assert publication.summary() == "5 van 7 items gepubliceerd; 2 overgeslagen"
    reasons = {entry["pad"]: [f"{p['regel']}:{p['kolom']}: {p['veld']}: {p['melding']}" for p in entry["fouten"]]
               for entry in publication.report()["overgeslagen"]}
    assert reasons == {
        "docs/collecties/gegevensmodel/objecten/fout.md": [
            "2:1: themas: onbekend thema 'bestuur'; zie de lijst van thema's in de handleiding"],
        "docs/collecties/gegevensmodel/objecten/gevaar.md": [
            "3:1: html: href: een 'javascript:'-adres voert code uit in de browser van de bezoeker; link naar een "
            "gewone webpagina (https://…)"],
    }
    # Lenient about form: a date that does not exist is a warning, and the page takes the collection's date.
    assert "docs/collecties/gegevensmodel/objecten/datum.md:2:1: date: '2023-13-45' is geen bestaande datum " \
           "(JJJJ-MM-DD); de datum uit git of uit de beschrijving van de collectie is gebruikt" in \
           [str(p) for p in publication.problems]
    assert "Gepubliceerd: 15 januari 2024" in Site(hub.root / "site").text("collecties/gegevensmodel/objecten/datum/")
    assert (hub.root / "site" / PERSON / "index.html").is_file()


SLUGGED = {
    "_data/collecties/gegevensmodel.yml": SPEC + "gepubliceerd: 2024-01-15\n",
    "collecties/gegevensmodel/index.md": "# Model\n\nBegin bij [de eerste stappen](Handleiding/Eerste%20Stappen.md).\n",
    "collecties/gegevensmodel/Handleiding/index.md": "# Handleiding\n\nZie [stappen](<Eerste Stappen.md#doel>).\n",
    "collecties/gegevensmodel/Handleiding/Eerste Stappen.md": (
        "# Eerste stappen\n\n## Doel\n\nHet schema: ![Schema](../Plaatjes/Schema%20Een.PNG)\n\n"
        "Terug naar [het begin](../index.md) of [verder](Tweede_Stap.md).\n"),
    "collecties/gegevensmodel/Handleiding/Tweede_Stap.md": "# Tweede stap\n\nTekst.\n",
    "collecties/gegevensmodel/Plaatjes/Schema Een.PNG": PNG,
}


def test_urls_follow_the_source_paths_slugified_and_links_keep_working(tmp_path):
    hub = project(tmp_path, SLUGGED)
    build_site(hub.root / "mkdocs.yml", hub.root / "site", strict=True)
    site = Site(hub.root / "site")
    home = site.article_html("collecties/gegevensmodel/")
    assert 'href="handleiding/eerste-stappen/"' in home
    assert 'href="eerste-stappen/#doel"' in site.article_html("collecties/gegevensmodel/handleiding/")
    steps = site.article_html("collecties/gegevensmodel/handleiding/eerste-stappen/")
    # Images keep their own names (only pages get slugified URLs), reached from the new place.
    assert 'src="../../Plaatjes/Schema%20Een.PNG"' in steps
    assert (hub.root / "site/collecties/gegevensmodel/Plaatjes/Schema Een.PNG").is_file()
    assert 'href="../../"' in steps and 'href="../tweede-stap/"' in steps
    assert "Tweede stap" in site.text("collecties/gegevensmodel/handleiding/tweede-stap/")
    # The source's own place still answers: a redirect to the slugified page, for links saved before.
    old = site.html("collecties/gegevensmodel/Handleiding/Eerste Stappen/")
    assert '<meta http-equiv="refresh" content="0; url=../../handleiding/eerste-stappen/">' in old
    assert not (hub.root / "site/collecties/gegevensmodel/Handleiding/Eerste Stappen.md").exists()


def test_pages_that_slugify_to_the_same_url_are_reported(tmp_path, monkeypatch):
    hub = project(tmp_path, {**SLUGGED, "collecties/gegevensmodel/Handleiding/eerste-stappen.md": "# Ander\n\nX.\n"})
    monkeypatch.chdir(hub.root)
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "docs/collecties/gegevensmodel/Handleiding/eerste-stappen.md:1:1: bestand: deze pagina krijgt hetzelfde "
        "adres (collecties/gegevensmodel/handleiding/eerste-stappen/) als "
        "docs/collecties/gegevensmodel/Handleiding/Eerste Stappen.md, want hoofdletters, spaties en leestekens "
        "vallen weg; geef een van beide een andere naam"]


PRACTICE = ("---\ntitle: Samen inkopen\ngemeenten: [Heerlen, Kerkrade]\ncontact:\n  naam: Marco Hendriks\n"
            "  functie: Adviseur\n  email: inkoop@heerlen.example\n---\n\nTwee gemeenten kopen samen in.\n")
TYPED = {
    "_data/collecties/gegevensmodel.yml": SPEC + "gepubliceerd: 2024-01-15\nmappen:\n  praktijk/: praktijkvoorbeeld\n"
    "  praktijk/achtergrond: artikel\n",
    "collecties/gegevensmodel/index.md": "# Model\n\nTekst.\n",
    "collecties/gegevensmodel/praktijk/samen-inkopen.md": PRACTICE,
    "collecties/gegevensmodel/praktijk/achtergrond/waarom.md": "# Waarom\n\nUitleg.\n",
}


def test_a_folder_can_give_its_pages_another_type(tmp_path):
    hub = project(tmp_path, TYPED)
    build_site(hub.root / "mkdocs.yml", hub.root / "site", strict=True)
    site = Site(hub.root / "site")
    practice = site.text("collecties/gegevensmodel/praktijk/samen-inkopen/")
    assert "Soort: Praktijkvoorbeeld Thema's: Eén sterke bestuurslaag Netwerken: Regioberaad Gemeenten: Heerlen, " \
        "Kerkrade" in practice
    assert "Contact ¶ Marco Hendriks, Adviseur E-mail: inkoop@heerlen.example" in practice
    # The deepest folder counts: the background folder inside the practice folder holds articles.
    assert "Soort: Artikel Thema's" in site.text("collecties/gegevensmodel/praktijk/achtergrond/waarom/")
    assert "Samen inkopen" in site.text("praktijkvoorbeelden/")


def test_folder_types_are_checked_with_suggestions(tmp_path, monkeypatch):
    spec = SPEC + "gepubliceerd: 2024-01-15\nmappen:\n  praktijk/: praktijk\n  praktjik/: artikel\n"
    files = {**TYPED, "_data/collecties/gegevensmodel.yml": spec,
             "collecties/gegevensmodel/praktijk/zonder-contact.md": "# Zonder contact\n\nTekst.\n"}
    hub = project(tmp_path, files)
    monkeypatch.chdir(hub.root)
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "docs/_data/collecties/gegevensmodel.yml:10:3: mappen.praktijk/: ongeldige waarde 'praktijk'; bedoelde je "
        "'praktijkvoorbeeld'?"]
    spec = SPEC + "gepubliceerd: 2024-01-15\nmappen:\n  praktjik/: praktijkvoorbeeld\n"
    (hub.docs / "_data/collecties/gegevensmodel.yml").write_text(spec, encoding="utf-8")
    result = CliRunner().invoke(main, ["check"])
    assert result.stdout.splitlines() == [
        "docs/_data/collecties/gegevensmodel.yml:10:3: mappen: de map 'praktjik/' bestaat niet in "
        "docs/collecties/gegevensmodel/; bedoelde je 'praktijk/'?"]
    (hub.docs / "_data/collecties/gegevensmodel.yml").write_text(
        spec.replace("praktjik/", "praktijk/"), encoding="utf-8")
    result = CliRunner().invoke(main, ["check"])
    told = ("verplicht veld ontbreekt: volgens 'mappen' in docs/_data/collecties/gegevensmodel.yml is deze pagina "
            "een praktijkvoorbeeld; voeg '{}' toe, of geef de map de soort artikel")
    assert result.stdout.splitlines() == [
        f"docs/collecties/gegevensmodel/praktijk/{page}:1:1: {field}: {told.format(field)}"
        for page in ("achtergrond/waarom.md", "zonder-contact.md") for field in ("contact", "gemeenten")]


def test_jsx_comments_and_expressions_never_show_as_page_text_and_abbreviations_work(tmp_path, monkeypatch):
    body = ("# Privacy\n\n{/* Nog nakijken met juristen */}\nDe AVG geldt. {/* kort */}Zie artikel 5.\n\n"
            "{/*\nMeerdere regels\ncommentaar\n*/}\n\nVersie {siteConfig.customFields.versie} van het portaal.\n\n"
            "Een afbeelding met maat: ![logo](logo.png){ width=\"40\" } en code `{x}`.\n\n"
            "*[AVG]: Algemene verordening gegevensbescherming\n")
    hub = project(tmp_path, {"_data/collecties/portaal.yml": SPEC + "gepubliceerd: 2024-01-15\ndialect: docusaurus\n",
                             "collecties/portaal/privacy.md": body, "collecties/portaal/logo.png": PNG})
    monkeypatch.chdir(hub.root)
    result = CliRunner().invoke(main, ["check"])
    assert result.stdout.splitlines() == [
        "docs/collecties/portaal/privacy.md:11:8: mdx: JavaScript-uitdrukking '{siteConfig.customFields.versie}' "
        "kan niet worden omgezet en is weggelaten; schrijf de tekst zelf uit"]
    build_site(hub.root / "mkdocs.yml", hub.root / "site", strict=False)
    site = Site(hub.root / "site")
    text = site.text("collecties/portaal/privacy/")
    assert text.startswith("Privacy ¶ De AVG geldt. Zie artikel 5. Soort: Artikel")
    assert "Bron De AVG geldt. Zie artikel 5. Versie van het portaal. Een afbeelding met maat: en code {x} ." in text
    assert "nakijken" not in text and "commentaar" not in text and "/*" not in text
    html = site.article_html("collecties/portaal/privacy/")
    assert '<abbr title="Algemene verordening gegevensbescherming">AVG</abbr>' in html
    assert 'width="40"' in html


def test_mdx_files_are_pages_with_their_mdx_converted(tmp_path, monkeypatch):
    mdx = ("import Tabs from '@theme/Tabs';\n\n# Aan de slag\n\n{/* TODO */}\n:::tip[Let op]\nBegin klein.\n:::\n\n"
           "Daarna [verder](Tweede%20Stap.mdx).\n")
    hub = project(tmp_path, {"_data/collecties/portaal.yml": SPEC + "gepubliceerd: 2024-01-15\n",
                             "collecties/portaal/index.md": "# Portaal\n\nStart bij [aan de slag](Aan%20de%20slag.mdx).\n",
                             "collecties/portaal/Aan de slag.mdx": mdx,
                             "collecties/portaal/Tweede Stap.mdx": "# Tweede stap\n\nTekst.\n"})
    monkeypatch.chdir(hub.root)
    result = CliRunner().invoke(main, ["check"])
    assert (result.exit_code, result.stdout) == (0, "")
    build_site(hub.root / "mkdocs.yml", hub.root / "site", strict=True)
    site = Site(hub.root / "site")
    assert 'href="aan-de-slag/"' in site.article_html("collecties/portaal/")
    page = site.article_html("collecties/portaal/aan-de-slag/")
    assert '<p class="admonition-title">Let op</p>' in page and 'href="../tweede-stap/"' in page
    text = site.text("collecties/portaal/aan-de-slag/")
    assert "import" not in text and ":::" not in text and "TODO" not in text
    assert text.count("Aan de slag") == 1
    assert not list((hub.root / "site").rglob("*.mdx"))


def test_source_fields_named_in_zoek_velden_are_found_by_search(tmp_path):
    from types import SimpleNamespace

    from benchmarks.search_quality import OURS, run

    files = {**TREE, "_data/collecties/gegevensmodel.yml": SPEC + "zoek_velden: [status_model]\n"}
    files["collecties/gegevensmodel/objecten/adres.md"] = "---\ntags: brp\nversie: kwartsteen\n---\n\n# Adres\n\nX.\n"
    hub = project(tmp_path, files)
    commit_all(hub.docs / "collecties/gegevensmodel", "2022-09-01")
    build_site(hub.root / "mkdocs.yml", hub.root / "site", strict=True)
    found = run(hub.root / "site", OURS, [SimpleNamespace(text="vastgesteld"), SimpleNamespace(text="kwartsteen")])
    # 'status_model' is asked for; 'versie' is not, so its value is not in the search (only on the page).
    assert found == [[PERSON], []]


def test_a_page_without_any_date_says_where_to_add_one(tmp_path, monkeypatch):
    hub = project(tmp_path, {"_data/collecties/gegevensmodel.yml": SPEC,
                             "collecties/gegevensmodel/index.md": "# Model\n\nTekst.\n"})
    monkeypatch.chdir(hub.root)
    result = CliRunner().invoke(main, ["check"])
    assert result.stdout.splitlines() == [
        "docs/collecties/gegevensmodel/index.md:1:1: date: geen datum: de pagina heeft geen 'date' en de "
        "git-geschiedenis geeft er geen; voeg 'gepubliceerd: JJJJ-MM-DD' toe aan docs/_data/collecties/gegevensmodel.yml"]


def test_collectie_init_writes_a_data_file_that_builds(tmp_path, monkeypatch):
    import shutil
    from pathlib import Path

    fixture = Path(__file__).parent / "fixtures" / "ontwikkelaarsportaal"
    hub = project(tmp_path)
    shutil.copytree(fixture / "docs" / "collecties", hub.docs / "collecties")
    shutil.copytree(fixture / "kapot" / "collecties", hub.docs / "collecties", dirs_exist_ok=True)
    monkeypatch.chdir(hub.root)
    result = CliRunner().invoke(main, ["collectie", "init", "docs/collecties/api-portaal",
                                       "--organisatie", "Samenwerkingsverband Voorbeeldregio"],
                                input="CC0 1.0\n")
    assert result.exit_code == 0, result.output
    assert result.stdout == "Geschreven: docs/_data/collecties/api-portaal.yml\n"
    assert "Gevonden: 7 pagina's, schrijfwijze docusaurus." in result.stderr
    assert "Velden van de bron: titel ← title (7×), samenvatting ← description (7×), tags ← tags (3×)." \
        in result.stderr
    assert ("Wordt omgezet: 4 kaders (:::), 2 tabbladen (<TabItem>), 4 import/export-regels, 1 codeblok-opties, "
            "1 onderdelen die niet kunnen worden omgezet.") in result.stderr
    assert "Wordt overgeslagen (gevaarlijke inhoud): referentie/oude-api.md.\n" in result.stderr
    written = (hub.docs / "_data/collecties/api-portaal.yml").read_text(encoding="utf-8")
    assert "naam: Welkom bij het API-portaal\norganisatie: Samenwerkingsverband Voorbeeldregio\nlicentie: CC0 1.0\n" \
        in written and "dialect: docusaurus\n" in written
    again = CliRunner().invoke(main, ["collectie", "init", "docs/collecties/api-portaal"])
    assert again.exit_code == 1 and "bestaat al; het bestand is niet overschreven" in again.output
    publication = build_site(hub.root / "mkdocs.yml", hub.root / "site", strict=False)
    assert publication.summary() == "6 van 7 items gepubliceerd; 1 overgeslagen"


def test_collectie_init_refuses_a_folder_outside_the_collections(tmp_path, monkeypatch):
    hub = project(tmp_path, {"handboek/index.md": "# Handboek\n"})
    monkeypatch.chdir(hub.root)
    result = CliRunner().invoke(main, ["collectie", "init", "docs/handboek"])
    assert result.exit_code == 1
    assert "zet de map eerst in docs/collecties/<naam>/ en geef die map op" in result.output


PORTAAL = {
    "_data/collecties/portaal.yml": SPEC + "gepubliceerd: 2024-01-15\n",
    "collecties/portaal/index.mdx": "# Portaal\n\nWelkom. Begin bij [de gids](gids/).\n",
    "collecties/portaal/gids/README.mdx": "# Gids\n\nStap voor stap.\n",
    "collecties/portaal/gids/aan-de-slag.mdx": (
        "# Aan de slag\n\nTerug naar [het portaal](../index.mdx) of [de gids](./), dan [de tweede stap](./tweede) "
        "en [nog eens](tweede.md#kop).\n"),
    "collecties/portaal/gids/tweede.md": "# Tweede stap\n\n## Kop\n\nTekst.\n",
}


def test_index_and_readme_mdx_are_section_pages(tmp_path):
    hub = project(tmp_path, PORTAAL)
    build_site(hub.root / "mkdocs.yml", hub.root / "site", strict=True)
    site = Site(hub.root / "site")
    assert site.text("collecties/portaal/").startswith("Portaal ¶ Welkom.")
    assert site.text("collecties/portaal/gids/").startswith("Gids ¶ Stap voor stap.")
    assert not (hub.root / "site/collecties/portaal/gids/readme").exists()
    home = site.text("collecties/portaal/")
    assert "In deze collectie Secties Gids" in home
    assert "In deze collectie Pagina's hier Aan de slag Tweede stap" in site.text("collecties/portaal/gids/")
    page = site.html("collecties/portaal/gids/aan-de-slag/")
    path = page[page.index('class="md-path"'):page.index("</nav>", page.index('class="md-path"'))]
    assert re.findall(r'<a href="([^"]*)" class="md-path__link">\s*<span class="md-ellipsis">\s*(\S+)', path) == [
        ("../../../..", "Start"), ("../../", "Portaal"), ("../", "Gids")]
    assert 'Uit de collectie <a href="../../">Gegevensmodel Voorbeeldstad</a>' in page


def test_a_folder_with_two_section_pages_is_reported_at_the_one_mkdocs_would_drop(tmp_path, monkeypatch):
    hub = project(tmp_path, {**PORTAAL, "collecties/portaal/gids/index.md": "# Gids\n\nOok een start.\n"})
    monkeypatch.chdir(hub.root)
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "docs/collecties/portaal/gids/README.mdx:1:1: bestand: de map heeft al een startpagina: "
        "docs/collecties/portaal/gids/index.md; beide krijgen het adres collecties/portaal/gids/; voeg deze pagina "
        "samen met die andere, of geef haar een eigen naam"]


def test_check_follows_links_to_mdx_pages_as_the_build_does(tmp_path, monkeypatch):
    hub = project(tmp_path, PORTAAL)
    monkeypatch.chdir(hub.root)
    assert CliRunner().invoke(main, ["check"]).stdout == ""
    build_site(hub.root / "mkdocs.yml", hub.root / "site", strict=True)
    html = Site(hub.root / "site").article_html("collecties/portaal/gids/aan-de-slag/")
    body = re.search(r"<p>Terug naar .*?</p>", html).group(0)
    # ../index.mdx and ./ (the folder's README.mdx) from the page's folder, ./tweede as Docusaurus reads it.
    assert re.findall(r'href="([^"]*)"', body) == ["../../", "../", "../tweede/", "../tweede/#kop"]
    broken = "\n".join(["# Kapot", "", "Naar [weg](verdwenen-pagina.mdx), [een tikfout](aan-de-slg.mdx), [zonder extensie](./derde)",
                        "en [een lege map](../leeg/).", ""])
    (hub.docs / "collecties/portaal/gids/kapot.mdx").write_text(broken, encoding="utf-8")
    (hub.docs / "collecties/portaal/leeg").mkdir()
    result = CliRunner().invoke(main, ["check"])
    path, folder = "docs/collecties/portaal/gids/kapot.mdx", "docs/collecties/portaal"
    assert result.stdout.splitlines() == [
        f"{path}:3:6: link: 'verdwenen-pagina.mdx' verwijst naar een item dat niet bestaat (gezocht: {folder}/gids/verdwenen-pagina.mdx)",
        f"{path}:3:35: link: 'aan-de-slg.mdx' verwijst naar een item dat niet bestaat (gezocht: "
        f"{folder}/gids/aan-de-slg.mdx); bedoelde je 'aan-de-slag.mdx'?",
        f"{path}:3:66: link: './derde' verwijst naar een pagina die niet bestaat (gezocht: {folder}/gids/derde.mdx "
        f"en {folder}/gids/derde.md)",
        f"{path}:4:4: link: '../leeg/' verwijst naar een pagina die niet bestaat (gezocht: {folder}/leeg/index.md en "
        f"{folder}/leeg/index.mdx)",
    ]


def test_a_lenient_build_makes_url_path_links_to_unpublished_pages_text(tmp_path):
    hub = project(tmp_path, {
        **PORTAAL,
        "collecties/portaal/gids/fout.mdx": "# Fout\n\n<img src=x onerror=alert(1)>\n",
        "collecties/portaal/gids/verwijzingen.mdx": (
            "# Verwijzingen\n\nZie [de foute](./fout), [de ontbrekende](./derde) en [de tweede](./tweede).\n")})
    publication = build_site(hub.root / "mkdocs.yml", hub.root / "site", strict=False)
    assert [entry["pad"] for entry in publication.report()["overgeslagen"]] == [
        "docs/collecties/portaal/gids/fout.mdx"]
    assert ("docs/collecties/portaal/gids/verwijzingen.mdx:3:5: link: './fout' verwijst naar "
            "docs/collecties/portaal/gids/fout.mdx, dat wegens fouten niet is gepubliceerd; de linktekst staat als "
            "gewone tekst op de pagina") in [str(p) for p in publication.problems]
    html = Site(hub.root / "site").article_html("collecties/portaal/gids/verwijzingen/")
    body = re.search(r"<p>Zie .*?</p>", html).group(0)
    assert body == '<p>Zie de foute, de ontbrekende en <a href="../tweede/">de tweede</a>.</p>'
