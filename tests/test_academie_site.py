"""VNG Academie on built sites: course pages, module pages, catalogue and course validation."""

import re

import pytest
from click.testing import CliRunner
from sitebuilder import article, frontmatter, practice, project

from kennisbank.cli.commands import main


def course(title: str = "Cursus", **fields: object) -> str:
    base = dict(titel=title, samenvatting="Samenvatting van de cursus.", type="cursus",
                themas=["leren-van-elkaar"], auteurs=["VNG Academie"], gepubliceerd="2024-01-01",
                doelgroep=["ambtenaren"], niveau="basis", duur_minuten=90, leerdoelen=["Je kunt iets."])
    base.update(fields)
    return frontmatter(**{k: v for k, v in base.items() if v is not None}) + "\nOver deze cursus.\n"


def module(order: int, title: str | None = None, body: str = "Tekst.\n", **fields: object) -> str:
    base = dict(titel=title or f"Module {order}", samenvatting="Samenvatting van de module.", type="module",
                volgorde=order, duur_minuten=45, leerdoelen=["Doel"])
    base.update(fields)
    return frontmatter(**base) + "\n" + body


def check(tmp_path, monkeypatch, files: dict[str, str]) -> list[str]:
    hub = project(tmp_path, files)
    monkeypatch.chdir(hub.root)
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 1
    return result.stdout.splitlines()


def test_course_lists_modules_in_order_with_duration_and_a_start_button(tmp_path):
    site = project(tmp_path, {
        "academie/leren/index.md": course(),
        "academie/leren/02-tweede.md": module(2, "Tweede"),
        "academie/leren/01-eerste.md": module(1, "Eerste"),
        "academie/leren/03-derde.md": module(3, "Derde", status="concept"),
    }).build()
    text = site.text("academie/leren/")
    assert "Modules ¶ Eerste 45 min Samenvatting van de module. Tweede 45 min" in text
    assert "Derde" not in text
    assert "Totale studieduur van de modules: 1 uur 30 min." in text
    assert "Begin met module 1: Eerste" in text
    assert site.links("academie/leren/")[-3:] == ["01-eerste/", "02-tweede/", "01-eerste/"]


def test_module_shows_its_place_navigation_and_inherits_course_themes(tmp_path):
    site = project(tmp_path, {
        "academie/leren/index.md": course("Leren"),
        "academie/leren/01-eerste.md": module(1, "Eerste"),
        "academie/leren/02-tweede.md": module(2, "Tweede"),
    }).build()
    first, second = site.text("academie/leren/01-eerste/"), site.text("academie/leren/02-tweede/")
    assert "Module 1 van 2 van de cursus Leren" in first
    assert "Volgende module: Tweede →" in first and "Vorige module" not in first
    assert "Module 2 van 2 van de cursus Leren" in second
    assert "← Vorige module: Eerste" in second and "Terug naar de cursus →" in second
    assert "Thema's: Leren van elkaar" in second
    assert '<div class="kb-module-done"></div>' in site.article_html("academie/leren/02-tweede/")
    # The pager is two buttons, each a paragraph of its own, not one sentence of two links.
    pager = re.search(r'<nav [^>]*class="kb-pager">(.*?)</nav>', site.article_html("academie/leren/02-tweede/"), re.S)
    assert re.findall(r'<p><a class="([^"]+)" href="([^"]+)">', pager.group(1)) == [
        ("md-button kb-previous", "../01-eerste/"), ("md-button md-button--primary kb-next", "../")]


def test_further_reading_lists_the_newest_items_sharing_the_module_themes(tmp_path):
    files = {
        "academie/leren/index.md": course(themas=["leren-van-elkaar", "klimaat-energie"]),
        "academie/leren/01-eerste.md": module(1, "Eerste"),  # course themes
        "academie/leren/02-eigen.md": module(2, "Eigen thema", themas=["bestaanszekerheid"]),
        "academie/leren/03-niets.md": module(3, "Zonder kennis", themas=["kansengelijkheid"]),
        "artikelen/beide.md": article("Beide thema's", themas=["leren-van-elkaar", "klimaat-energie"],
                                      gepubliceerd="2023-07-01"),
        "praktijkvoorbeelden/klimaat.md": practice("Klimaat praktijk", themas=["klimaat-energie"],
                                                   gepubliceerd="2025-02-01"),
        "artikelen/schulden.md": article("Schulden", themas=["bestaanszekerheid"]),
    }
    for n in range(4):
        files[f"artikelen/leren-{n}.md"] = article(f"Leren {n}", themas=["leren-van-elkaar"],
                                                   gepubliceerd=f"2024-0{n + 1}-01")
    site = project(tmp_path, files).build()
    text = site.text("academie/leren/01-eerste/")
    reading = text[text.index("Verder lezen in de kennisbank"):]
    titles = re.findall(r"(Beide thema's|Klimaat praktijk|Leren \d|Schulden)", reading)
    # Two shared themes first, then newest first; four at most; never other courses or modules.
    assert titles == ["Beide thema's", "Klimaat praktijk", "Leren 3", "Leren 2"]
    assert "Praktijkvoorbeeld · 1 februari 2025" in reading
    assert "Schulden" in site.text("academie/leren/02-eigen/")
    assert "Verder lezen" not in site.text("academie/leren/03-niets/")


def test_catalogue_lists_every_course_with_its_facets(tmp_path):
    site = project(tmp_path, {
        "academie/zeta/index.md": course("Zeta voor raadsleden", doelgroep=["raadsleden", "griffiers"],
                                         niveau="gevorderd", duur_minuten=300, themas=["sterke-bestuurslaag"]),
        "academie/zeta/01-a.md": module(1),
        "academie/alfa/index.md": course("Alfa", duur_minuten=60, status="gearchiveerd"),
        "academie/alfa/01-a.md": module(1, "Alfa een"),
        "academie/alfa/02-b.md": module(2, "Alfa twee"),
        "academie/concept/index.md": course("Nog niet klaar", status="concept"),
    }).build()
    text = site.text("academie/")
    assert text.startswith("Opleidingsaanbod ¶ Het opleidingsaanbod van de Academie")
    assert "Nog niet klaar" not in text
    assert text.index("Alfa (gearchiveerd)") < text.index("Zeta voor raadsleden")
    assert ("Doelgroep: Raadsleden , griffiers Niveau: Gevorderd Studieduur: 5 uur in 1 module "
            "4 uur of langer Thema's: Eén sterke bestuurslaag") in text
    assert "De 2 modules van deze cursus Alfa een Alfa twee" in text
    html = site.article_html("academie/")
    assert ('<span class="kb-facet kb-facet--niveau kb-facet-value--gevorderd kb-facet-order--1">Gevorderd</span>'
            in html)
    assert 'class="kb-facet kb-facet--duur kb-facet-value--kort kb-facet-order--0 kb-facet--verborgen"' in html
    assert '<div class="kb-filters" role="search" aria-label="Cursussen filteren"></div>' in html
    assert site.links("academie/").count("alfa/01-a/") == 1


def test_empty_catalogue_says_how_to_add_a_course(tmp_path):
    site = project(tmp_path, {"artikelen/x.md": article()}).build()
    assert "Er zijn nog geen cursussen. Lees hoe je een cursus toevoegt ." in site.text("academie/")


def test_academie_pages_hold_no_form_controls_and_no_script(starter):
    """Controls come from academie.js: no dead buttons without it, nothing for a sanitizer to strip."""
    site = starter.site
    pages = ["academie/", "academie/samenwerken-in-de-regio/",
             "academie/samenwerken-in-de-regio/01-waarom-en-hoe-gemeenten-samenwerken/"]
    for url in pages:
        html = site.article_html(url)
        assert not re.search(r"<(input|button|select|textarea|form|script)\b", html), url
        # data-search-exclude only tells Material's search to skip the generated lists.
        assert not re.search(r"\s(on\w+|data-(?!search-exclude=)[\w-]+|hidden)=", html), url
    assert 'src="../../../javascripts/academie.js"' in site.html(pages[2])


def test_starter_courses_are_full_learning_paths(starter):
    site = starter.site
    guide = site.article_html("bijdragen/")
    assert "kb-toets" not in guide
    assert '<code>!!! toets "Wat betekent de omkering' in guide  # the examples stay code
    catalogue = site.text("academie/")
    for slug, title in [("datagedreven-werken-voor-gemeenten", "Datagedreven werken voor gemeenten"),
                        ("samenwerken-in-de-regio", "Samenwerken in de regio")]:
        assert title in catalogue
        modules = [link for link in site.links(f"academie/{slug}/") if re.fullmatch(r"0\d-[a-z0-9-]+/", link)]
        assert 3 <= len(set(modules)) <= 6
        for link in sorted(set(modules)):
            html = site.article_html(f"academie/{slug}/{link}")
            assert html.count('class="kb-toets kb-toets--') >= 2, link
            assert "Verder lezen in de kennisbank" in html, link


# ---------- validation fixtures: every course error, exact message and position ----------

def test_module_order_duplicates_and_gaps_point_at_volgorde(tmp_path, monkeypatch):
    assert check(tmp_path, monkeypatch, {
        "academie/leren/index.md": course(),
        "academie/leren/01-a.md": module(1),
        "academie/leren/02-b.md": module(1),
        "academie/leren/03-c.md": module(4),
        "academie/later/index.md": course("Later"),
        "academie/later/01-a.md": module(2),
    }) == [
        "docs/academie/later/01-a.md:5:1: volgorde: volgorde 2 sluit niet aan; verwacht 1 "
        "(nummer de modules 1, 2, 3 …)",
        "docs/academie/leren/02-b.md:5:1: volgorde: volgorde 1 wordt ook gebruikt door "
        "docs/academie/leren/01-a.md; geef elke module een eigen nummer",
        "docs/academie/leren/03-c.md:5:1: volgorde: volgorde 4 sluit niet aan; verwacht 3 "
        "(nummer de modules 1, 2, 3 …)",
    ]


def test_modules_without_a_published_course(tmp_path, monkeypatch):
    assert check(tmp_path, monkeypatch, {
        "academie/zonder-cursus/01-a.md": module(1),
        "academie/concept/index.md": course(status="concept"),
        "academie/concept/01-a.md": module(1),
    }) == [
        "docs/academie/concept/01-a.md:4:1: type: de cursus docs/academie/concept/index.md is nog concept; "
        "zet deze module ook op 'status: concept' of publiceer de cursus",
        "docs/academie/zonder-cursus/01-a.md:4:1: type: module zonder cursus: "
        "docs/academie/zonder-cursus/index.md met 'type: cursus' ontbreekt",
    ]


def test_a_published_course_needs_a_published_module(tmp_path, monkeypatch):
    assert check(tmp_path, monkeypatch, {
        "academie/leeg/index.md": course(),
        "academie/bijna/index.md": course(),
        "academie/bijna/01-a.md": module(1, status="concept"),
        "academie/klaar/index.md": course(status="concept"),  # a concept course may be empty
    }) == [
        "docs/academie/bijna/index.md:4:1: type: alle modules van deze cursus zijn nog concept; publiceer "
        "minstens één module of zet de cursus op 'status: concept'",
        "docs/academie/leeg/index.md:4:1: type: deze cursus heeft geen modules; voeg er minstens één toe, "
        "bijvoorbeeld docs/academie/leeg/01-inleiding.md met 'type: module' en 'volgorde: 1'",
    ]


def test_broken_prerequisites_point_at_the_list_entry(tmp_path, monkeypatch):
    assert check(tmp_path, monkeypatch, {
        "artikelen/datagedreven-werken.md": article(),
        "artikelen/nog-bezig.md": article(status="concept"),
        "academie/leren/index.md": course(voorkennis=["datagedreven-werken", "datagedreven-werkn", "leren",
                                                      "nog-bezig"]),
        "academie/leren/01-a.md": module(1),
    }) == [
        "docs/academie/leren/index.md:12:35: voorkennis: onbekend item 'datagedreven-werkn'; "
        "bedoelde je 'datagedreven-werken'?",
        "docs/academie/leren/index.md:12:55: voorkennis: een cursus kan niet voorkennis van zichzelf zijn",
        "docs/academie/leren/index.md:12:62: voorkennis: 'nog-bezig' is nog concept en staat niet op de site; "
        "publiceer het eerst of haal het hier weg",
    ]


def test_courses_that_need_each_other_first_are_a_cycle(tmp_path, monkeypatch):
    assert check(tmp_path, monkeypatch, {
        "academie/a/index.md": course("A", voorkennis=["b"]),
        "academie/a/01-a.md": module(1),
        "academie/b/index.md": course("B", voorkennis=["c"]),
        "academie/b/01-a.md": module(1),
        "academie/c/index.md": course("C", voorkennis=["a"]),
        "academie/c/01-a.md": module(1),
    }) == [
        "docs/academie/a/index.md:12:14: voorkennis: voorkennis is rond: a → b → c → a; haal één van deze "
        "cursussen uit de voorkennis van de andere",
    ]


@pytest.mark.parametrize("folder", ["academie/index.md", "academie/los.md"])
def test_course_must_be_a_folder(tmp_path, monkeypatch, folder):
    lines = check(tmp_path, monkeypatch, {folder: course()})
    assert any("een cursus is een map: zet de cursuspagina in docs/academie/<cursus>/index.md" in line
               or "deze pagina wordt automatisch gemaakt; verwijder dit bestand" in line for line in lines)
