"""The bundled starter hub builds strictly, and nothing valid is silently dropped."""

import posixpath

import pytest
from sitebuilder import REPO

from kennisbank.content.hub import load_hub
from kennisbank.content.model import ItemType
from kennisbank.index.hub_index import index_hub


@pytest.fixture(scope="module")
def built(starter):
    return starter.hub, starter.site  # built once per session (conftest.py); these tests only read it


def url_of(src: str) -> str:
    base = posixpath.splitext(src)[0]
    return base[: -len("index")] if base.endswith("index") else base + "/"


def test_starter_content_is_valid_and_large_enough():
    loaded = load_hub(REPO / "docs", REPO)
    assert [str(p) for p in loaded.problems] == []
    hub = index_hub(loaded)
    counts = {t: len(hub.of_type(t)) for t in ItemType}
    assert counts[ItemType.ARTIKEL] + counts[ItemType.PRAKTIJKVOORBEELD] + counts[ItemType.CURSUS] >= 30
    assert counts[ItemType.ARTIKEL] >= 10 and counts[ItemType.PRAKTIJKVOORBEELD] >= 8
    courses = hub.of_type(ItemType.CURSUS)
    assert len(courses) >= 2
    assert all(len(hub.course_modules(c.course)) >= 3 for c in courses)
    # Every theme and network of the taxonomy carries content.
    assert all(hub.with_theme(slug) for slug in hub.taxonomy.themes)
    assert all(hub.with_network(slug) for slug in hub.taxonomy.networks)


def test_every_item_is_reachable_from_its_theme_network_and_type_pages(built):
    hub, site = built
    for item in hub.items.values():
        page = site.text(url_of(item.src))
        assert item.title in page, item.src
        target = "/" + url_of(item.src)
        pages = [f"themas/{slug}/" for slug in hub.themes(item)]
        pages += [f"netwerken/{slug}/" for slug in hub.networks(item)]
        if item.type.has_index():
            pages.append(f"{item.type.folder}/")
        else:
            pages.append(url_of(hub.course_of(item).src))
        for listing in pages:
            hrefs = {posixpath.normpath(posixpath.join("/" + listing, h)) + "/"
                     for h in site.links(listing) if not h.startswith(("http", "#"))}
            assert target in hrefs, f"{item.src} missing on {listing}"


def test_theme_page_groups_by_type_newest_first(built):
    hub, site = built
    text = site.text("themas/klimaat-energie/")
    assert text.startswith("Klimaat & energie ¶ Beleidsthema")
    articles = hub.with_theme("klimaat-energie")
    count = len([i for i in articles if i.type is ItemType.ARTIKEL])
    assert f"Artikelen ({count})" in text
    titles = [i.title for i in articles if i.type is ItemType.ARTIKEL]
    positions = [text.index(t) for t in titles]
    assert positions == sorted(positions)


def test_overview_pages(built):
    hub, site = built
    themes = site.text("themas/")
    assert "Beleidsthema's" in themes and "Ontwikkelpunten" in themes
    for theme in hub.taxonomy.themes.values():
        assert theme.naam in themes
    networks = site.text("netwerken/")
    for network in hub.taxonomy.networks.values():
        assert network.naam in networks
    assert f"{len(hub.of_type(ItemType.PRAKTIJKVOORBEELD))} praktijkvoorbeelden, nieuwste eerst." in site.text(
        "praktijkvoorbeelden/")


def test_item_page_shows_facts_and_is_dutch(built):
    hub, site = built
    page = site.html("praktijkvoorbeelden/vroegsignalering-schulden-zwolle/")
    assert '<html lang="nl"' in page
    text = site.text("praktijkvoorbeelden/vroegsignalering-schulden-zwolle/")
    assert "Fictief voorbeeld" in text
    assert "Gemeente: Zwolle" in text
    assert "Contact" in text


def test_navigation_stays_short(built):
    _, site = built
    page = site.html("artikelen/regie-warmtetransitie/")
    # The sidebar carries the sections, not the list of all items.
    assert page.count('class="md-nav__link"') < 40


def test_generated_pages_are_not_written_into_docs(built):
    assert not (REPO / "docs" / "themas").exists()
    assert not (REPO / "docs" / "artikelen" / "index.md").exists()


def test_plain_mkdocs_build_strict_has_no_warnings(tmp_path):
    """Maintainers may run MkDocs itself; the hooks must load and the build must be clean."""
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
                            cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    assert (tmp_path / "site" / "themas" / "klimaat-energie" / "index.html").is_file()


def test_theme_overview_shows_one_card_per_theme(built):
    hub, site = built
    html = site.article_html("themas/")
    assert html.count("<li>") == len(hub.taxonomy.themes)
