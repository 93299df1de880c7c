"""Site rules on small hubs: concept items, archived items, escaping, courses."""

from sitebuilder import article, frontmatter, project


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
    assert "Er zijn nog geen items bij dit netwerk." in text
    assert "Artikelen (" not in text


def test_course_lists_modules_in_order_with_navigation(tmp_path):
    course = frontmatter(titel="Cursus", samenvatting="S", type="cursus", themas=["leren-van-elkaar"],
                         auteurs=["VNG Academie"], gepubliceerd="2024-01-01", doelgroep=["ambtenaren"],
                         niveau="basis", duur_minuten=90, leerdoelen=["Je kunt iets."])

    def module(n: int, title: str) -> str:
        return frontmatter(titel=title, samenvatting="S", type="module", volgorde=n, duur_minuten=45,
                           leerdoelen=["Doel"]) + "\nTekst\n"

    site = project(tmp_path, {
        "academie/leren/index.md": course + "\nOver deze cursus.\n",
        "academie/leren/02-tweede.md": module(2, "Tweede"),
        "academie/leren/01-eerste.md": module(1, "Eerste"),
    }).build()
    text = site.text("academie/leren/")
    assert text.index("Eerste") < text.index("Tweede")
    assert "Totale studieduur van de modules: 1 uur 30 min." in text
    second = site.text("academie/leren/02-tweede/")
    assert "Module 2 van 2 van de cursus Cursus" in second
    assert "← Vorige module: Eerste" in second and "Terug naar de cursus →" in second
    assert "Thema's: Leren van elkaar" in second  # inherited from the course


def test_module_order_problems(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from kennisbank.cli import main

    def module(n: int) -> str:
        return frontmatter(titel=f"M{n}", samenvatting="S", type="module", volgorde=n, duur_minuten=45,
                           leerdoelen=["Doel"])

    hub = project(tmp_path, {
        "academie/zonder-cursus/01-a.md": module(1),
        "academie/leren/index.md": frontmatter(
            titel="C", samenvatting="S", type="cursus", themas=["leren-van-elkaar"], auteurs=["A"],
            gepubliceerd="2024-01-01", doelgroep=["ambtenaren"], niveau="basis", duur_minuten=90,
            leerdoelen=["Doel"], voorkennis=["bestaat-niet"]),
        "academie/leren/01-a.md": module(1),
        "academie/leren/02-b.md": module(1),
        "academie/leren/03-c.md": module(4),
    })
    monkeypatch.chdir(hub.root)
    result = CliRunner().invoke(main, ["check"])
    assert result.stdout.splitlines() == [
        "docs/academie/leren/02-b.md:1:1: volgorde: volgorde 1 wordt ook gebruikt door "
        "docs/academie/leren/01-a.md; geef elke module een eigen nummer",
        "docs/academie/leren/03-c.md:1:1: volgorde: volgorde 4 sluit niet aan; verwacht 3 "
        "(nummer de modules 1, 2, 3 …)",
        "docs/academie/leren/index.md:1:1: voorkennis: onbekend item 'bestaat-niet'",
        "docs/academie/zonder-cursus/01-a.md:1:1: type: module zonder cursus: "
        "docs/academie/zonder-cursus/index.md met 'type: cursus' ontbreekt",
    ]


def test_wrong_folder_and_file_names(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from kennisbank.cli import main

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
    from kennisbank.settings import load_settings

    settings, problems = load_settings({"onbekend": 1}, "https://example.nl/")
    assert [str(p) for p in problems] == ["mkdocs.yml:1:1: extra.kennisbank.onbekend: onbekend veld 'onbekend'"]
    assert settings.site_url == "https://example.nl/"


def test_check_reads_env_tags_in_mkdocs_yml_like_mkdocs(tmp_path, monkeypatch):
    from kennisbank.settings import read_settings

    config = tmp_path / "mkdocs.yml"
    config.write_text("extra:\n  kennisbank:\n    pdf:\n      enabled: !ENV [KB_TEST_PDF, true]\n"
                      "      workers: !ENV KB_TEST_WORKERS\n", encoding="utf-8")
    monkeypatch.delenv("KB_TEST_PDF", raising=False)
    monkeypatch.setenv("KB_TEST_WORKERS", "3")
    settings, problems = read_settings(config)
    assert problems == [] and settings.pdf.enabled is True and settings.pdf.workers == 3
    monkeypatch.setenv("KB_TEST_PDF", "false")
    assert read_settings(config)[0].pdf.enabled is False
