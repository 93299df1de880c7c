"""Hostile frontmatter, names and ids at every sink of every page type: text in the whole built page, and
each one an error of ``kennisbank check`` at its field.

The site is built with the content checks switched off, so only the build's escaping holds; the audit
reads whole pages (head, header, navigation, breadcrumbs, table of contents, tags index, footer).
"""

import json
import re

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner
from hostile import checks_switched_off
from hostile_sinks import (
    ARTICLE_TITLE,
    COURSE_TITLE,
    DIAGRAM_TITLE,
    MODULE_TITLE,
    NETWORK_NAME,
    PAYLOADS,
    PRACTICE_TITLE,
    REFRESH,
    SITE_NAME,
    SUMMARY,
    TOC_ID,
    audit_page,
    hostile_files,
    hostile_hub,
    meta_description,
    texts,
)
from sitebuilder import article, project
from test_site_search import shard
from volume_hub import resolve

from kennisbank.cli import main

PAGES = {
    "artikelen/aanval/": ARTICLE_TITLE,
    "praktijkvoorbeelden/aanval-praktijk/": PRACTICE_TITLE,
    "academie/aanval-cursus/": COURSE_TITLE,
    "academie/aanval-cursus/01-module/": MODULE_TITLE,
    "over/": ARTICLE_TITLE,
    "artikelen/aanval-diagram/": DIAGRAM_TITLE,
    "themas/bestaanszekerheid/": "Bestaanszekerheid",
    "netwerken/regioberaad/": NETWORK_NAME,
    "themas/bestaanszekerheid/regioberaad/": f"Bestaanszekerheid bij {NETWORK_NAME}",
    "artikelen/": "Artikelen",
    "academie/": "Academie",
    "trefwoorden/": "Trefwoorden",
    "nieuw/": "Nieuw en bijgewerkt",
    "kenniskaart/": "Kenniskaart",
    "zoeken/": "Zoeken",
    "": "Start",
    "404.html": None,
}
"""Every page type, with the title it must show as text (None: the site name)."""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    hub = hostile_hub(tmp_path_factory.mktemp("sinks"))
    with checks_switched_off():
        return hub.build()


@pytest.mark.parametrize("url", list(PAGES))
def test_whole_page_holds_no_markup_from_content(hostile_site, url):
    assert audit_page(hostile_site.html(url)) == []


def test_no_page_of_the_site_holds_markup_from_content(hostile_site):
    findings = {page.relative_to(hostile_site.root).as_posix(): audit_page(page.read_text(encoding="utf-8"))
                for page in hostile_site.root.rglob("*.html")}
    assert len(findings) > len(PAGES)
    assert {page: found for page, found in findings.items() if found} == {}


@pytest.mark.parametrize("url", list(PAGES))
def test_title_and_site_name_show_as_text(hostile_site, url):
    page = hostile_site.html(url)
    title = PAGES[url]
    head_title = texts(page, "title")[0]  # further ones are SVG tooltips
    assert head_title == (f"{title} - {SITE_NAME}" if title else SITE_NAME)
    topics = texts(page, "div", "md-header__topic")
    assert topics[0] == SITE_NAME
    if title:
        assert topics[1] == title


def test_summary_stays_inside_the_meta_description(hostile_site):
    for url in ("artikelen/aanval/", "academie/aanval-cursus/01-module/", "over/"):
        assert meta_description(hostile_site.html(url)) == SUMMARY


def test_course_title_shows_as_text_in_the_module_breadcrumbs(hostile_site):
    crumbs = texts(hostile_site.html("academie/aanval-cursus/01-module/"), "li", "md-path__item")
    assert crumbs[-1] == COURSE_TITLE


def test_tags_show_as_text_on_the_item_and_the_tags_index(hostile_site):
    tags = sorted(PAYLOADS)
    assert sorted(texts(hostile_site.html("artikelen/aanval/"), "a", "md-tag")) == tags
    index = hostile_site.html("trefwoorden/")
    assert set(tags) <= set(texts(index, "a"))
    # Each tag's page: the tag as its heading, the pages that carry it with their titles as text.
    chips = BeautifulSoup(hostile_site.html("artikelen/aanval/"), "html.parser").select("a.md-tag")
    for chip in chips:
        page = hostile_site.html(resolve("artikelen/aanval/", chip["href"]))
        assert texts(page, "h1") == [chip.get_text().strip() + "¶"]  # and the permalink
        assert ARTICLE_TITLE in texts(page, "a")
    assert len(chips) == len(tags)


def test_network_name_from_the_taxonomy_shows_as_text(hostile_site):
    page = hostile_site.html("themas/bestaanszekerheid/")
    assert NETWORK_NAME in texts(page, "a")


def test_table_of_contents_ids_are_renamed_in_page_and_toc_alike(hostile_site):
    page = hostile_site.html("artikelen/aanval/")
    toc = re.findall(r'<a href="#([^"]*)" class="md-nav__link">', page)
    assert toc[:2] == ["inhoud-x-autofocus-onfocus-window.__pwned-1", "inhoud-config"]
    for anchor in toc[:2]:
        assert f'<h2 id="{anchor}">' in page
    links = texts(page, "a", "md-nav__link")
    assert links[links.index("Kop met een eigen id") + 1] == "Configuratie"


def test_content_cannot_take_the_theme_names(hostile_site):
    page = hostile_site.html("artikelen/aanval/")
    assert page.count('id="__config"') == page.count('id="__search"') == 1
    assert '<div id="inhoud-search">' in page and '<a name="inhoud-palette">' in page
    assert re.search(r'<script id="__config" type="application/json">\{"annotate"', page)


def test_search_data_holds_titles_as_data_and_material_index_is_empty(hostile_site):
    # Material's own index is emptied: the header box asks our worker, which escapes what Material then
    # prints as HTML (zoekwerker.js; in Chromium: test_browser_hostile_sinks.py). The data stays the text.
    index = json.loads((hostile_site.root / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["docs"] == []
    titles = [doc[1] for doc in shard(hostile_site, "d0")]
    assert ARTICLE_TITLE in titles and MODULE_TITLE in titles


def test_ordinary_text_with_special_characters_is_escaped_once(tmp_path):
    title = 'Samen & sterk: "wonen" < 10.000 inwoners'
    hub = project(tmp_path, {"artikelen/samen.md": article(
        title=json.dumps(title), samenvatting='"Kort & goed"', tags="[zorg & welzijn]",
        body="## Wonen & zorg\n\nTekst.\n")})
    site = hub.build()
    page = site.html("artikelen/samen/")
    assert texts(page, "title") == [f"{title} - VNG Kennisbank"]
    assert texts(page, "div", "md-header__topic")[1] == title
    assert meta_description(page) == "Kort & goed"
    assert texts(page, "a", "md-tag") == ["zorg & welzijn"]
    assert "Wonen &amp; zorg" in page and "&amp;amp;" not in page
    assert [doc[1] for doc in shard(site, "d0")] == [title]


def test_check_rejects_every_hostile_value_at_its_field(tmp_path, monkeypatch):
    hub = hostile_hub(tmp_path)
    monkeypatch.chdir(hub.root)
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    path = "docs/artikelen/aanval.md"
    html_message = "HTML is niet toegestaan: dit veld is gewone tekst (gevonden: '{}'); bedoelt u het teken '<', " \
                   "zet er dan een spatie achter"
    theme_name = ("de naam '{0}' is gereserveerd voor het thema van de site (namen die met '__' beginnen); "
                  "kies een andere, bijvoorbeeld '{1}'")
    assert [line for line in lines if line.startswith(path + ":")] == [
        f"{path}:2:1: titel: " + html_message.format("<img src=x onerror=window.__pw…"),
        f"{path}:6:1: samenvatting: " + html_message.format("<svg onload=alert(1)>"),
        f"{path}:7:8: tags: " + html_message.format("<img src=x onerror=window.__pw…"),
        f"{path}:7:48: tags: " + html_message.format("</title><base href=//evil.exam…"),
        f"{path}:7:87: tags: " + html_message.format("<svg onload=alert(1)>"),
        f"{path}:7:161: tags: " + html_message.format("<script>window.__pwned=1</scri…"),
        f"{path}:7:198: tags: " + html_message.format("<!--"),
        f"{path}:8:11: auteurs: " + html_message.format("<script>window.__pwned=1</scri…"),
        (f"{path}:12:25: attributen: id: de naam '{TOC_ID}' bevat tekens die niet in een id horen (spaties, "
        "aanhalingstekens, <, > …); gebruik alleen letters, cijfers, '-' en '_', bijvoorbeeld "
        "'x-autofocus-onfocus-window.__pwned-1'"),
        f"{path}:16:17: attributen: id: " + theme_name.format("__config", "config"),
        f"{path}:20:1: html: id: " + theme_name.format("__search", "search"),
        f"{path}:22:1: html: name: " + theme_name.format("__palette", "palette"),
    ]
    # Every file and every field with markup is reported, the taxonomy's names too.
    reported = {(line.split(":")[0], line.split(": ")[1]) for line in lines if ": " in line}
    for src, text in hostile_files().items():
        for field in ("titel", "title", "samenvatting", "description", "tags", "leerdoelen", "docenten",
                      "contact.naam", "contact.functie"):
            key = field.split(".")[-1]
            if re.search(rf"^ *{key}: .*<[a-z/!]", text, re.MULTILINE):
                assert (f"docs/{src}", field) in reported, (src, field)
    assert ("docs/_data/netwerken.yml", "netwerken.naam") in reported


def test_check_accepts_what_is_only_text(tmp_path, monkeypatch):
    """Lenient about form: '<' before a space or digit, '&', quotes and a refresh-like string are text."""
    hub = project(tmp_path, {"artikelen/tekst.md": article(
        title=json.dumps('Gemeenten < 10.000 inwoners & "dorpen"'), samenvatting=json.dumps(REFRESH),
        body="## Kop {: #eigen-kop }\n\nTekst.\n")})
    monkeypatch.chdir(hub.root)
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 0, result.stdout


@pytest.mark.parametrize("attribute, value", [("id", "kb-search"), ("id", "__drawer"), ("name", "__md_scope")])
def test_check_rejects_names_of_the_site_itself(tmp_path, monkeypatch, attribute, value):
    hub = project(tmp_path, {"artikelen/naam.md": article(body=f'Tekst.\n\n<p {attribute}="{value}">x</p>\n')})
    monkeypatch.chdir(hub.root)
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 1
    [line] = [line for line in result.stdout.splitlines() if line.startswith("docs/")]
    assert line.startswith(f"docs/artikelen/naam.md:12:1: html: {attribute}: de naam '{value}' is gereserveerd")


def test_toc_label_is_text_in_check_and_build(tmp_path, monkeypatch):
    body = "## Kop {: data-toc-label='<img src=x onerror=alert(1)> Kort' }\n\nTekst.\n"
    hub = project(tmp_path, {"artikelen/label.md": article(body=body)})
    monkeypatch.chdir(hub.root)
    result = CliRunner().invoke(main, ["check"])
    # The raw <img> is reported as HTML too; the label gets its own message, whatever its markup.
    assert ("docs/artikelen/label.md:10:8: attributen: data-toc-label: HTML is niet toegestaan: dit veld is gewone "
            "tekst (gevonden: '<img src=x onerror=alert(1)> K…'); bedoelt u het teken '<', zet er dan een spatie "
            "achter") in result.stdout.splitlines()
    with checks_switched_off():
        page = hub.build().html("artikelen/label/")
    assert audit_page(page) == []
    assert "Kort" in texts(page, "a", "md-nav__link")


def test_check_reports_every_hostile_diagram_at_its_line(tmp_path, monkeypatch):
    """Mermaid cleans what the hostile diagrams hold (tests/test_browser_hostile_sinks.py); the contributor still
    hears of each: script as an error, a click callback as a warning, a fetch from another host as an error."""
    hub = hostile_hub(tmp_path)
    monkeypatch.chdir(hub.root)
    lines = CliRunner().invoke(main, ["check"]).stdout.splitlines()
    path = "docs/artikelen/aanval-diagram.md"
    code = "'{}' zou code uitvoeren; een diagram draait zonder code (Mermaid schoont het op), dus laat het weg"
    elsewhere = ("de browser van elke bezoeker vraagt die website er dan om (en vertelt zo wie de pagina leest); zet "
                 "de afbeelding in de repository en laat haar naast het diagram zien, of laat haar weg")
    assert [line for line in lines if line.startswith(path + ":")] == [
        f"{path}:14:19: diagram: " + code.format("onerror="),
        f"{path}:17:19: diagram: " + code.format("javascript:"),
        f"{path}:18:5: diagram: een klik-actie met code werkt niet op deze site: diagrammen draaien "
        'zonder code; laat haar weg, of maak er een link van: click A href "https://…"',
        f"{path}:25:24: diagram: " + code.format("<script"),
        f"{path}:26:19: diagram: " + code.format("javascript:"),
        f"{path}:31:36: diagram: " + code.format("onerror="),
        f"{path}:32:25: diagram: " + code.format("<script"),
        f"{path}:37:9: diagram: afbeelding 'https://evil.example/foto.png' staat op een andere website; "
        + elsewhere,
        f"{path}:41:43: diagram: 'url(https://evil.example/css.png)' laadt een bestand in de opmaak van "
        "het diagram; " + elsewhere,
        f"{path}:49:33: diagram: opmaak '\\' is in een diagram niet toegestaan; gebruik alleen kleuren "
        "(#336699, rgb(…)), lijndiktes en lettergroottes, zoals fill:#f9f,stroke:#333",
    ]
