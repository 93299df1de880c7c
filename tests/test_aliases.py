"""Moved items keep their old addresses: 'aliassen' makes redirect pages, and check warns about vanished URLs."""

from click.testing import CliRunner
from sitebuilder import article, project

from kennisbank.cli import main


def test_an_alias_becomes_a_redirect_to_the_item(tmp_path):
    hub = project(tmp_path, {"artikelen/regie-op-warmte.md": article(
        "Regie op warmte", aliassen=["artikelen/warmte-regie.md", "artikelen/oud/index.md"])})
    site = hub.build()
    page = (site.root / "artikelen/warmte-regie/index.html").read_text(encoding="utf-8")
    assert '<meta http-equiv="refresh" content="0; url=../regie-op-warmte/">' in page
    assert '<a href="../regie-op-warmte/">Regie op warmte</a>' in page and '<html lang="nl">' in page
    assert "<script" not in page
    nested = (site.root / "artikelen/oud/index.html").read_text(encoding="utf-8")
    assert 'url=../regie-op-warmte/"' in nested


def test_an_alias_on_an_existing_page_or_twice_is_an_error(tmp_path, monkeypatch):
    hub = project(tmp_path, {
        "artikelen/een.md": article("Een", aliassen=["artikelen/twee.md", "artikelen/weg.md"]),
        "artikelen/twee.md": article("Twee", aliassen=["artikelen/weg.md"]),
        "artikelen/drie.md": article("Drie", aliassen=["artikelen/elders.md", "../buiten.md"]),
    })
    monkeypatch.chdir(hub.root)
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "docs/artikelen/drie.md:8:33: aliassen: '../buiten.md' is geen vroegere plaats in docs/; schrijf het pad "
        "van het oude bestand, bijvoorbeeld artikelen/oude-naam.md",
        "docs/artikelen/een.md:8:12: aliassen: op 'artikelen/twee.md' staat een pagina; een doorverwijzing kan "
        "alleen waar geen pagina meer is",
        "docs/artikelen/twee.md:8:12: aliassen: 'artikelen/weg.md' is al een vroegere plaats van "
        "docs/artikelen/een.md",
    ]


def test_check_warns_when_a_published_url_disappears(tmp_path, monkeypatch):
    hub = project(tmp_path, {"artikelen/oud.md": article("Oud"), "artikelen/blijft.md": article("Blijft")})
    hub.build()
    (hub.docs / "artikelen/oud.md").rename(hub.docs / "artikelen/nieuw.md")
    monkeypatch.chdir(hub.root)
    result = CliRunner().invoke(main, ["check", "--vorige-site", "site"])
    assert result.exit_code == 0
    warnings = [line for line in result.stdout.splitlines() if "stond op de vorige site" in line]
    assert len(warnings) == 1 and warnings[0].startswith("site/sitemap.xml:")
    assert warnings[0].endswith(": adres: 'artikelen/oud/' stond op de vorige site en bestaat niet meer; staat het "
                                "item nu elders, zet dan 'aliassen: [artikelen/oud.md]' in zijn frontmatter, zodat "
                                "opgeslagen links blijven werken")
    (hub.docs / "artikelen/nieuw.md").write_text(article("Oud", aliassen=["artikelen/oud.md"]), encoding="utf-8")
    again = CliRunner().invoke(main, ["check", "--vorige-site", "site"])
    assert "stond op de vorige site" not in again.stdout
