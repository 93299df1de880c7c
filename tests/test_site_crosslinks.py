"""Cross-links on the built starter hub: item sections, theme/network/pair pages, map, breadcrumbs."""

import html as html_module
import re

import pytest
from sitebuilder import article, project

# Module fixtures build once per file; a build of the starter hub takes a few seconds.


@pytest.fixture(scope="module")
def site(starter):
    return starter.site  # built once per session (conftest.py); these tests only read it


def _item_urls(site):
    return sorted(str(p.parent.relative_to(site.root)) + "/" for folder in ("artikelen", "praktijkvoorbeelden",
                  "academie") for p in (site.root / folder).glob("*/**/index.html"))


def test_every_starter_item_shows_related_items_and_links_resolve(site):
    urls = _item_urls(site)
    assert len(urls) >= 40
    for url in urls:
        text = site.text(url)
        is_module = url.startswith("academie/") and url.count("/") == 3
        # A module lists related knowledge under the Academie's own "Verder lezen" instead.
        assert ("Verder lezen in de kennisbank" if is_module else "Gerelateerd") in text, url
        for href in site.links(url):
            if not href.startswith(("http", "#", "mailto")):
                target = (site.root / url / href.split("#")[0]).resolve()
                assert target.exists(), f"{url}: {href}"


def test_an_article_shows_good_practices_and_course_material(site):
    text = site.text("artikelen/datagedreven-werken/")
    related = text.split("Gerelateerd")[1].split("Verwijzingen naar deze pagina")[0]
    assert "Praktijkvoorbeelden" in related and "Uit de Academie" in related
    backlinks = text.split("Verwijzingen naar deze pagina")[1].split("Meer in dit thema")[0]
    assert "Woningbouw versnellen met een flexpool en DIWI in Friesland Praktijkvoorbeeld" in backlinks


def test_breadcrumbs_show_where_an_item_sits(site):
    def path(url):
        html = site.html(url)
        nav = html[html.index('<nav class="md-path"'):]
        return [html_module.unescape(t) for t in
                re.findall(r'<span class="md-ellipsis">\s*(.*?)\s*</span>', nav[:nav.index("</nav>")])]

    assert path("artikelen/datagedreven-werken/") == ["Start", "Artikelen"]
    assert path("academie/samenwerken-in-de-regio/02-gemeenschappelijke-regelingen-en-de-wgr/") == [
        "Start", "Academie", "Samenwerken in de regio"]
    assert path("themas/klimaat-energie/informatiepositie-fysiek-domein/") == [
        "Start", "Thema's", "Klimaat & energie"]


def test_theme_network_and_pair_pages_link_both_ways(site):
    theme = site.text("themas/klimaat-energie/")
    assert "Netwerken in dit thema" in theme and "Verwante thema's" in theme
    assert "../klimaat-energie/informatiepositie-fysiek-domein/" in site.links("themas/klimaat-energie/") or \
        "informatiepositie-fysiek-domein/" in site.links("themas/klimaat-energie/")
    network_links = site.links("netwerken/informatiepositie-fysiek-domein/")
    assert "Thema's van dit netwerk" in site.text("netwerken/informatiepositie-fysiek-domein/")
    assert "../../themas/klimaat-energie/informatiepositie-fysiek-domein/" in network_links
    pair = "themas/klimaat-energie/informatiepositie-fysiek-domein/"
    text = site.text(pair)
    assert text.startswith("Klimaat & energie bij Netwerk Versterken Informatiepositie Fysiek Domein")
    links = site.links(pair)
    assert "../" in links  # the theme page
    assert "../../../netwerken/informatiepositie-fysiek-domein/" in links
    assert "../../../kenniskaart/" in links
    assert "Andere netwerken bij dit thema" in text and "Andere thema's van dit netwerk" in text


def test_knowledge_map_links_every_pair_and_offers_a_table(site):
    html = site.article_html("kenniskaart/")
    pairs = sorted(str(p.parent.relative_to(site.root)) for p in (site.root / "themas").glob("*/*/index.html"))
    assert pairs
    start = html.index('<svg class="kb-map__svg"')
    svg = html[start:html.index("</svg>", start)]
    for pair in pairs:
        assert f'href="../{pair}/"' in svg, pair
    assert svg.count("<title>") > len(pairs)  # each cell and label has a tooltip
    assert re.search(r'aria-label="Klimaat &amp; energie bij Netwerk regie warmtetransitie: \d+ publicaties"', svg)
    table = html[html.index("<table"):html.index("</table>")]
    assert '<th scope="row">' in table and '<th scope="col">' in table
    assert all(f'href="../{pair}/"' in table for pair in pairs)
    assert ".md" not in html


def test_whats_new_lists_recent_changes_and_links_feeds(site):
    text = site.text("nieuw/")
    assert text.startswith("Nieuw en bijgewerkt")
    assert "Atom" in text and "RSS" in text and "Feeds per thema" in text
    assert "atom.xml" in " ".join(site.links("nieuw/"))


def test_an_item_with_nothing_in_common_has_no_empty_sections(tmp_path):
    site = project(tmp_path, {"artikelen/alleen.md": article(title="Alleen", themas=["leren-van-elkaar"]),
                              "artikelen/ander.md": article(title="Ander", themas=["klimaat-energie"])}).build()
    text = site.text("artikelen/alleen/")
    for heading in ("Gerelateerd", "Verwijzingen naar deze pagina", "Meer in dit thema"):
        assert heading not in text
    assert "<h2" not in site.article_html("artikelen/alleen/").split("kb-facts")[1]
    assert "nog geen verbanden" in site.text("kenniskaart/")


def test_related_lists_follow_the_settings(tmp_path):
    hub = project(tmp_path, {"artikelen/a.md": article(title="A"), "artikelen/b.md": article(title="B")})
    config = hub.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("per_type: 3", "per_type: 0"), encoding="utf-8")
    assert "Gerelateerd" not in hub.build().text("artikelen/a/")
    config.write_text(config.read_text(encoding="utf-8").replace("per_type: 0", "per_type: 3\n      treshold: 5"),
                      encoding="utf-8")
    assert hub.build_fails()


def test_breadcrumb_override_follows_materials_partial():
    """overrides/partials/path.html is Material's with one change: fails when a Material upgrade changes it."""
    from pathlib import Path

    import material

    def body(text):
        return re.sub(r"\{#-.*?-#\}\s*", "", text, flags=re.S).strip()

    original = body((Path(material.__file__).parent / "templates/partials/path.html").read_text(encoding="utf-8"))
    ours = body((Path(__file__).resolve().parents[1] / "overrides/partials/path.html").read_text(encoding="utf-8"))
    assert ours == original.replace("aria-label=\"{{ lang.t('nav') }}\"", 'aria-label="Kruimelpad"')
    assert ours != original
