"""Site rules on small hubs: concept items, archived items, escaping, file names, settings.

Courses are tested in test_academie_site.py."""

from hostile import checks_switched_off
from sitebuilder import article, project


def test_concept_items_are_not_published(tmp_path):
    site = project(tmp_path, {
        "artikelen/klaar.md": article(title="Klaar"),
        "artikelen/nog-niet.md": article(title="Nog niet klaar", status="concept"),
    }).build()
    assert "Klaar" in site.text("artikelen/")
    assert "Nog niet klaar" not in site.text("artikelen/")
    assert not (site.root / "artikelen" / "nog-niet").exists()
    assert "Nog niet klaar" not in site.text("themas/bestaanszekerheid/")


def test_archived_items_stay_with_a_notice(tmp_path):
    site = project(tmp_path, {"artikelen/oud.md": article(title="Oud", status="gearchiveerd")}).build()
    assert "Gearchiveerd Deze pagina wordt niet meer bijgewerkt" in site.text("artikelen/oud/")
    assert "Oud (gearchiveerd)" in site.text("artikelen/")


def test_titles_and_summaries_are_plain_text_everywhere(tmp_path):
    # check refuses such titles (test_hostile_sinks.py); the build must hold when a check misses one.
    with checks_switched_off():
        site = project(tmp_path, {"artikelen/x.md": article(
            title='"<script>alert(1)</script> *vet* [link](javascript:alert(1))"',
            samenvatting='"<img src=x onerror=alert(1)>"')}).build()
    for url in ("artikelen/x/", "artikelen/", "themas/bestaanszekerheid/"):
        html = site.article_html(url)
        assert "<script>alert" not in html and "<img src=x" not in html and 'href="javascript' not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt; *vet* [link](javascript:alert(1))" in html


def test_empty_theme_has_no_empty_headings(tmp_path):
    site = project(tmp_path, {"artikelen/x.md": article()}).build()
    text = site.text("netwerken/p10/")
    assert "Er zijn nog geen publicaties bij dit netwerk." in text
    assert "Artikelen (" not in text


def test_wrong_folder_and_file_names(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from kennisbank.cli.commands import main

    hub = project(tmp_path, {
        "praktijkvoorbeelden/artikel-hier.md": article(),
        "artikelen/Mijn Artikel.md": article(),
        "artikelen/index.md": article(),
        "handleiding.md": "# Een gewone pagina\n",
    })
    monkeypatch.chdir(hub.root)
    result = CliRunner().invoke(main, ["check"])
    assert result.stdout.splitlines() == [
        "docs/artikelen/Mijn Artikel.md:1:1: bestandsnaam: 'Mijn Artikel' is geen geldige naam; gebruik kleine "
        "letters, cijfers en streepjes, bijvoorbeeld 'mijn-artikel'",
        "docs/artikelen/index.md:1:1: bestand: deze pagina wordt automatisch gemaakt; verwijder dit bestand",
        "docs/praktijkvoorbeelden/artikel-hier.md:4:1: type: een artikel hoort in de map docs/artikelen/; "
        "verplaats het bestand naar docs/artikelen/artikel-hier.md",
    ]


def test_unknown_setting_is_an_error_naming_mkdocs_yml(tmp_path):
    hub = project(tmp_path, {"artikelen/x.md": article()})
    config = hub.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "\nextra:\n  kennisbank:\n    onbekend: 1\n",
                      encoding="utf-8")
    hub.build_fails()
    from kennisbank.content.settings import load_settings

    settings, problems = load_settings({"onbekend": 1}, "https://example.nl/")
    assert [str(p) for p in problems] == ["mkdocs.yml:1:1: extra.kennisbank.onbekend: onbekend veld 'onbekend'"]
    assert settings.site_url == "https://example.nl/"


def test_check_reads_env_tags_in_mkdocs_yml_like_mkdocs(tmp_path, monkeypatch):
    from kennisbank.content.settings import read_settings

    config = tmp_path / "mkdocs.yml"
    config.write_text("extra:\n  kennisbank:\n    pdf:\n      enabled: !ENV [KB_TEST_PDF, true]\n"
                      "      workers: !ENV KB_TEST_WORKERS\n", encoding="utf-8")
    monkeypatch.delenv("KB_TEST_PDF", raising=False)
    monkeypatch.setenv("KB_TEST_WORKERS", "3")
    settings, problems = read_settings(config)
    assert problems == [] and settings.pdf.enabled is True and settings.pdf.workers == 3
    monkeypatch.setenv("KB_TEST_PDF", "false")
    assert read_settings(config)[0].pdf.enabled is False
