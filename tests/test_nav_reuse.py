"""Material's navigation and tabs, rendered once per distinct view (kennisbank/mkdocs/nav_reuse.py), give every
page the very bytes that rendering them on each page gives: online and in the offline copy's file URLs."""

from __future__ import annotations

from pathlib import Path

import pytest
from sitebuilder import article, frontmatter, practice, project
from test_academie_site import course, module

from kennisbank.mkdocs import nav_reuse
from kennisbank.mkdocs.commands import build_site

FILES = {
    "artikelen/een.md": article("Een", themas=["bestaanszekerheid"]),
    "artikelen/twee.md": article("Twee", themas=["klimaat-energie"]),
    "hulp/vragen/index.md": frontmatter(title="Vragen") + "\n# Vragen\n\nEen pagina in een map, buiten de navigatie.\n",
    "praktijkvoorbeelden/zwolle.md": practice("Zwolle"),
    "academie/leren/index.md": course("Leren"),
    "academie/leren/01-eerste.md": module(1, "Eerste"),
    "academie/leren/02-tweede.md": module(2, "Tweede"),
    "over.md": frontmatter(title="Over") + "\n# Over\n\nEen pagina buiten de navigatie.\n",
}


def pages(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*.html"))}


@pytest.mark.parametrize("offline", [False, True], ids=["online", "offline"])
def test_every_page_equals_a_build_that_renders_the_nav_on_each_page(tmp_path, monkeypatch, offline):
    hub = project(tmp_path, FILES)
    made: list[nav_reuse.Reuse] = []
    install = nav_reuse.install

    def install_and_keep(env):
        install(env)
        made.append(env.globals["kb_reuse"])

    monkeypatch.setattr(nav_reuse, "install", install_and_keep)
    build_site(hub.root / "mkdocs.yml", hub.root / "reused", offline=offline)
    reused = pages(hub.root / "reused")
    monkeypatch.setattr(nav_reuse._Nav, "view_key", lambda self, page: None)  # every page renders its own
    build_site(hub.root / "mkdocs.yml", hub.root / "each", offline=offline)

    assert reused == pages(hub.root / "each")
    # The comparison means something only if pages did share a rendering: items, theme pages, a module.
    assert made[0].hits > 20
    assert "artikelen/een/index.html" in reused or "artikelen/een.html" in reused
    nav = reused["academie/leren/01-eerste/index.html" if not offline else "academie/leren/01-eerste.html"]
    assert b"md-nav__item--active" in nav and b"md-tabs__item--active" in nav


def test_pages_share_a_rendering_only_with_the_same_active_entries_and_the_same_links():
    from types import SimpleNamespace as Ns

    articles = Ns(url="artikelen/", active=False, title="Artikelen")
    themes = Ns(url="themas/", active=False, title="Thema's")
    home = Ns(url="", active=False, title="Start")
    nav = Ns(items=[home, Ns(url=None, active=False, children=[themes]), articles], pages=[home, themes, articles],
             homepage=home)
    context = {"config": Ns(theme={"logo": "afbeeldingen/logo.png"}, extra={})}
    views = nav_reuse._Nav(nav, context)  # type: ignore[arg-type]

    def key(url: str, active: Ns | None = None) -> object:
        for entry in (articles, themes):
            entry.active = entry is active
        return views.view_key(Ns(url=url))

    assert key("artikelen/a/", articles) == key("artikelen/b/", articles)
    assert key("artikelen/a/", articles) != key("artikelen/a/", themes)  # another active entry
    assert key("artikelen/a/", articles) != key("praktijkvoorbeelden/a/", articles)  # other relative links
    assert key("artikelen/a.html", articles) == key("artikelen/b.html", articles)  # the offline copy
    assert key("artikelen/a.html", articles) != key("themas/a.html", articles)
    assert views.view_key(articles) is None  # a page in the nav shows its own table of contents there
    assert key("afbeeldingen/", None) is None  # the logo's link points into the page's own folder
