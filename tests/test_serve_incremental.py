"""`kennisbank serve` rebuilds only what an edit touches, and the result is as correct as a full build.

The tests call :func:`preview_build`, the build `kennisbank serve` runs on every change,
twice in one process: a full first build, then an incremental one after an edit.
"""

from __future__ import annotations

import json

import pytest
from sitebuilder import Site, article, project

from kennisbank.content.hub import load_hub
from kennisbank.content.layout import content_files
from kennisbank.index.hub_index import HubIndex, index_hub
from kennisbank.index.related import RelatedIndex
from kennisbank.mkdocs.commands import BuildFailed, build_site, preview_build
from kennisbank.site.crosslinks import related

PAGES = ["artikelen/a/", "artikelen/b/", "artikelen/", "themas/bestaanszekerheid/", "themas/klimaat-energie/",
         "themas/", "trefwoorden/", "trefwoorden/warmtenet/", "trefwoorden/schulden/", ""]


def _search_titles(site: Site) -> list[str]:
    index = json.loads((site.root / "search/search_index.json").read_text(encoding="utf-8"))
    return [doc["location"] for doc in index["docs"] if "#" not in doc["location"]]


def _full_build_without_extra_outputs(hub) -> Site:
    (hub.root / "preview.yml").write_text(
        "INHERIT: mkdocs.yml\nextra:\n  kennisbank:\n    extra_outputs: false\n", encoding="utf-8")
    build_site(hub.root / "preview.yml", hub.root / "site-preview")
    return Site(hub.root / "site-preview")


def test_edit_of_title_themes_and_tags_updates_every_dependent_page(tmp_path):
    hub = project(tmp_path, {
        "artikelen/a.md": article("Eerste titel", themas=["bestaanszekerheid"], tags=["schulden"]),
        "artikelen/b.md": article("Ander artikel", themas=["klimaat-energie"], tags=["warmtenet", "schulden"]),
        "artikelen/c.md": article("Los artikel", themas=["leren-van-elkaar"], tags=["leren"]),
    })
    site = Site(tmp_path / "preview")
    first = preview_build(hub.root / "mkdocs.yml", site.root)
    assert first.full
    assert "Eerste titel" in site.text("themas/bestaanszekerheid/")
    untouched = site.root / "artikelen/c/index.html"
    written = untouched.stat().st_mtime_ns

    # Tags the hub already has: a tag new to the hub adds a page, and a new set of pages makes a full build.
    hub.write({"artikelen/a.md": article("Nieuwe titel", themas=["klimaat-energie"], tags=["warmtenet"])})
    second = preview_build(hub.root / "mkdocs.yml", site.root)

    assert not second.full
    # 'b' now lists 'a' as related and as its neighbour in the theme; 'c' shares nothing with either.
    assert "artikelen/c.md" not in second.rebuilt
    assert "artikelen/b.md" in second.rebuilt
    assert untouched.stat().st_mtime_ns == written
    assert {"artikelen/a.md", "artikelen/index.md", "themas/bestaanszekerheid.md",
            "themas/klimaat-energie.md", "trefwoorden.md", "trefwoorden/warmtenet.md", "trefwoorden/schulden.md",
            "index.md"} <= second.rebuilt
    assert "trefwoorden/leren.md" not in second.rebuilt
    assert "Nieuwe titel" in site.text("")  # the home page's newest publications
    assert "Nieuwe titel" in site.text("artikelen/a/")
    assert "Nieuwe titel" in site.text("themas/klimaat-energie/")
    assert "Ander artikel" in site.text("themas/klimaat-energie/")
    assert "titel" not in site.text("themas/bestaanszekerheid/")
    assert "Nieuwe titel" in site.text("artikelen/")
    tags = site.text("trefwoorden/")
    assert "schulden (1)" in tags and "warmtenet (2)" in tags
    assert "Nieuwe titel" in site.text("trefwoorden/warmtenet/") and "titel" not in site.text("trefwoorden/schulden/")
    # Every page reads exactly as after a full build of the same content.
    full = hub.build()
    for url in PAGES:
        assert site.text(url) == full.text(url), url
    # Material's own index, which the preview's header box uses (a full build with the sharded index empties it).
    assert sorted(_search_titles(site)) == sorted(_search_titles(_full_build_without_extra_outputs(hub)))
    index = (site.root / "search/search_index.json").read_text(encoding="utf-8")
    assert "Nieuwe titel" in index and "Eerste titel" not in index


def test_added_and_removed_items_make_a_full_clean_rebuild(tmp_path):
    hub = project(tmp_path, {"artikelen/a.md": article("Blijft"), "artikelen/weg.md": article("Verdwijnt")})
    site = Site(tmp_path / "preview")
    preview_build(hub.root / "mkdocs.yml", site.root)
    (hub.docs / "artikelen/weg.md").unlink()
    hub.write({"artikelen/nieuw.md": article("Erbij")})

    rebuilt = preview_build(hub.root / "mkdocs.yml", site.root)

    assert rebuilt.full
    assert not (site.root / "artikelen/weg").exists()
    assert "Erbij" in site.text("themas/bestaanszekerheid/")
    assert "Verdwijnt" not in site.text("artikelen/")


def test_unchanged_files_are_not_read_again(tmp_path):
    hub = project(tmp_path, {"artikelen/a.md": article("Een"), "artikelen/b.md": article("Twee")})
    site = tmp_path / "preview"
    preview_build(hub.root / "mkdocs.yml", site)
    hub.write({"artikelen/a.md": article("Een, bewerkt")})

    preview = preview_build(hub.root / "mkdocs.yml", site)

    assert preview.cache.misses == 1
    assert preview.cache.hits == len(content_files(hub.docs)) - 1


def test_after_a_failed_rebuild_the_next_one_is_full_and_correct(tmp_path):
    hub = project(tmp_path, {"artikelen/a.md": article("Goed", themas=["bestaanszekerheid"])})
    site = Site(tmp_path / "preview")
    preview_build(hub.root / "mkdocs.yml", site.root)
    hub.write({"artikelen/a.md": article("Fout", themas=["bestaanszekerhied"])})

    with pytest.raises(BuildFailed):
        preview_build(hub.root / "mkdocs.yml", site.root)
    hub.write({"artikelen/a.md": article("Hersteld", themas=["kansengelijkheid"])})
    rebuilt = preview_build(hub.root / "mkdocs.yml", site.root)

    assert rebuilt.full
    assert "Hersteld" in site.text("themas/kansengelijkheid/")
    assert "Goed" not in site.text("themas/bestaanszekerheid/")


def test_an_edit_to_the_body_alone_re_renders_only_that_page(tmp_path):
    hub = project(tmp_path, {
        "artikelen/a.md": article("Een", body="Eerste versie.\n", themas=["bestaanszekerheid"]),
        "artikelen/b.md": article("Twee", themas=["bestaanszekerheid"]),
    })
    site = Site(tmp_path / "preview")
    preview_build(hub.root / "mkdocs.yml", site.root)
    hub.write({"artikelen/a.md": article("Een", body="Tweede versie.\n", themas=["bestaanszekerheid"])})

    rebuilt = preview_build(hub.root / "mkdocs.yml", site.root)

    # Overview, theme and search pages list titles and summaries, not bodies: they stay as they were.
    assert rebuilt.rebuilt == {"artikelen/a.md"}
    assert "Tweede versie." in site.text("artikelen/a/")


def related_index(hub: HubIndex) -> RelatedIndex:
    assert hub.related is not None
    return hub.related.index


def test_the_related_index_is_reused_until_keywords_change(tmp_path):
    hub = project(tmp_path, {
        "artikelen/a.md": article("Een", themas=["bestaanszekerheid"], tags=["schulden"]),
        "artikelen/b.md": article("Twee", themas=["bestaanszekerheid"], tags=["schulden"]),
        "artikelen/c.md": article("Drie", themas=["klimaat-energie"], tags=["warmtenet"]),
    })
    first = related_index(index_hub(load_hub(hub.docs, hub.root)))
    hub.write({"artikelen/b.md": article("Twee, nieuwe titel", body="Andere tekst.\n", themas=["bestaanszekerheid"],
                                         tags=["schulden"])})
    loaded = index_hub(load_hub(hub.docs, hub.root))
    assert related_index(loaded) is first  # a title and a body do not change related lists
    assert [[i.title for i in items] for _, items in related(loaded, loaded.items["artikelen/a.md"])] == [
        ["Twee, nieuwe titel"]]
    hub.write({"artikelen/c.md": article("Drie", themas=["bestaanszekerheid"], tags=["schulden"])})
    loaded = index_hub(load_hub(hub.docs, hub.root))
    assert related_index(loaded) is not first
    assert {i.title for _, items in related(loaded, loaded.items["artikelen/a.md"]) for i in items} == {
        "Twee, nieuwe titel", "Drie"}
