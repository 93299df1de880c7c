"""Links between items: extraction with positions, broken item links as errors, backlinks."""

import posixpath

from click.testing import CliRunner
from sitebuilder import article, project

from kennisbank.cli.commands import main
from kennisbank.content.links import markdown_links, target_of
from kennisbank.content.text import link


def test_links_are_found_with_line_and_column_outside_code():
    body = ("Zie [het artikel](../artikelen/a.md#kop) en <a href=\"b.md\">b</a>.\n"
            "\n"
            "```\n[geen link](c.md)\n```\n"
            "En `[ook geen](d.md)` maar [wel](https://vng.nl).\n")
    assert list(markdown_links(body, first_line=10)) == [
        (10, 5, "../artikelen/a.md#kop"), (10, 45, "b.md"), (15, 28, "https://vng.nl")]


def test_links_between_pages_are_what_posixpath_relpath_gives():
    folders = ["", "artikelen", "themas", "academie/cursus-a", "academie/cursus-b", "themas/wonen/netwerk"]
    targets = ["index.md", "artikelen/a.md", "themas/wonen.md", "themas/wonen/netwerk/index.md",
               "academie/cursus-a/01-start.md", "academie/cursus-b/index.md", "academie/index.md"]
    for folder in folders:
        for target in targets:
            here = f"{folder}/pagina.md" if folder else "pagina.md"
            assert link(here, target) == posixpath.relpath(target, folder or "."), (here, target)


def test_targets_are_docs_paths_or_none():
    assert target_of("artikelen/a.md", "../praktijkvoorbeelden/b.md#aanpak") == "praktijkvoorbeelden/b.md"
    assert target_of("artikelen/a.md", "b.md") == "artikelen/b.md"
    for url in ("https://vng.nl/x.md", "#kop", "/artikelen/b.md", "mailto:a@b.nl", "../../buiten.md"):
        assert target_of("artikelen/a.md", url) is None


def test_link_to_a_missing_item_is_an_error_at_its_line_with_a_suggestion(tmp_path, monkeypatch, caplog):
    hub = project(tmp_path, {
        "artikelen/warmte.md": article(title="Warmte"),
        "artikelen/wonen.md": article(title="Wonen", body=(
            "Eerste regel.\n\nLees [warmte](warmte.md), [het plan](warmtte.md) en\n"
            "[de cursus](../academie/bestaat-niet/index.md).\n")),
        "artikelen/concept.md": article(title="Nog niet", status="concept"),
        "artikelen/naar-concept.md": article(body="Zie [dit](concept.md).\n"),
    })
    monkeypatch.chdir(hub.root)
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "docs/artikelen/naar-concept.md:10:5: link: 'concept.md' verwijst naar een concept; dat wordt niet "
        "gepubliceerd. Verwijder de link of publiceer het item eerst (status: gepubliceerd)",
        "docs/artikelen/wonen.md:12:27: link: 'warmtte.md' verwijst naar een item dat niet bestaat "
        "(gezocht: docs/artikelen/warmtte.md); bedoelde je 'warmte.md'?",
        "docs/artikelen/wonen.md:13:1: link: '../academie/bestaat-niet/index.md' verwijst naar een item dat "
        "niet bestaat (gezocht: docs/academie/bestaat-niet/index.md); bedoelde je '../academie/index.md'?",
    ]
    hub.build_fails()
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert all(line in logged for line in result.stdout.splitlines())


def test_self_links_and_cycles_are_harmless_and_backlinks_are_listed(tmp_path):
    site = project(tmp_path, {
        "artikelen/a.md": article(title="Artikel A", body="Naar [B](b.md) en naar [mijzelf](a.md#top).\n"),
        "artikelen/b.md": article(title="Artikel B", body="Terug naar [A](a.md).\n"),
        "artikelen/c.md": article(title="Artikel C", body="Ook naar [B](b.md) en [nog eens](b.md).\n"),
    }).build()
    a, b = site.text("artikelen/a/"), site.text("artikelen/b/")
    assert "Verwijzingen naar deze pagina ¶ Artikel B Artikel" in a  # not itself
    assert "Artikel A" not in a.split("Verwijzingen naar deze pagina")[1]
    assert b.split("Verwijzingen naar deze pagina")[1].split("Meer in dit thema")[0].count("Artikel C") == 1
    assert "Verwijzingen naar deze pagina" not in site.text("artikelen/c/")
