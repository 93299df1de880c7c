"""A learner in a real browser: catalogue filters, self-checks and progress across reloads."""

import re
from urllib.parse import urlsplit

import pytest
from browser import browser, serve
from sitebuilder import frontmatter, project

pytestmark = pytest.mark.browser


def course(title: str, **fields: object) -> str:
    base = dict(titel=title, samenvatting="Samenvatting.", type="cursus", themas=["leren-van-elkaar"],
                auteurs=["VNG Academie"], gepubliceerd="2024-01-01", doelgroep=["ambtenaren"], niveau="basis",
                duur_minuten=90, leerdoelen=["Doel"])
    base.update(fields)
    return frontmatter(**base) + "\nOver deze cursus.\n"


def module(order: int, title: str, body: str = "Tekst.\n") -> str:
    return frontmatter(titel=title, samenvatting="S", type="module", volgorde=order, duur_minuten=45,
                       leerdoelen=["Doel"]) + "\n" + body


SELF_CHECKS = '''
## Toets jezelf

!!! toets "Welke kleur heeft de lucht overdag?"
    - [ ] Groen
    - [x] Blauw
    - [ ] Paars

    Toelichting: door de verstrooiing van zonlicht.

!!! toets "Welke twee zijn getallen?"
    - [x] Twee
    - [ ] Boom
    - [x] Drie

!!! toets "Waarom leer je dit?"
    Modelantwoord: om het toe te passen in je werk.
'''


@pytest.fixture(scope="module")
def academie_site(tmp_path_factory):
    return project(tmp_path_factory.mktemp("academie"), {
        "academie/raad/index.md": course("Cursus voor de raad", doelgroep=["raadsleden"], niveau="basis",
                                         duur_minuten=60, themas=["sterke-bestuurslaag"]),
        "academie/raad/01-een.md": module(1, "Raad een", SELF_CHECKS),
        "academie/raad/02-twee.md": module(2, "Raad twee"),
        "academie/data/index.md": course("Cursus data", doelgroep=["ambtenaren", "managers"], niveau="gevorderd",
                                         duur_minuten=300, themas=["leren-van-elkaar"]),
        "academie/data/01-een.md": module(1, "Data een"),
    }).build()


@pytest.fixture()
def page(academie_site):
    with serve(academie_site.root) as base, browser() as chromium:
        context = chromium.new_context()
        page = context.new_page()
        page.base = base
        page.errors = []
        page.hosts = set()
        page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: page.errors.append(str(e)))
        page.on("request", lambda r: page.hosts.add(urlsplit(r.url).netloc))
        yield page
        assert page.errors == []
        assert page.hosts == {urlsplit(base).netloc}  # no request to any third party
        context.close()


def visible_courses(page) -> list[str]:
    return [t.strip("¶ \n") for t in page.locator(".kb-course:visible h2").all_inner_texts()]


def test_catalogue_filters_by_audience_level_theme_and_duration(page):
    page.goto(page.base + "academie/")
    assert visible_courses(page) == ["Cursus data", "Cursus voor de raad"]
    status = page.locator(".kb-filters__count")
    assert status.inner_text() == "2 cursussen"
    page.get_by_label("Doelgroep").select_option(label="Raadsleden")
    assert visible_courses(page) == ["Cursus voor de raad"]
    assert status.inner_text() == "1 cursus van de 2"
    page.get_by_label("Niveau").select_option(label="Gevorderd")
    assert visible_courses(page) == []
    assert page.get_by_text("Geen cursus past bij deze keuzes.").is_visible()
    page.get_by_role("button", name="Wis filters").click()
    assert visible_courses(page) == ["Cursus data", "Cursus voor de raad"]
    page.get_by_label("Thema", exact=True).select_option(label="Leren van elkaar")
    assert visible_courses(page) == ["Cursus data"]
    page.get_by_label("Thema", exact=True).select_option(label="Alle thema's")
    page.get_by_label("Studieduur").select_option(label="Korter dan 2 uur")
    assert visible_courses(page) == ["Cursus voor de raad"]
    assert [o.strip() for o in page.get_by_label("Studieduur").locator("option").all_inner_texts()] == [
        "Elke studieduur", "Korter dan 2 uur", "4 uur of langer"]


def test_catalogue_without_javascript_shows_every_course_and_no_controls(academie_site):
    with serve(academie_site.root) as base, browser() as chromium:
        context = chromium.new_context(java_script_enabled=False)
        page = context.new_page()
        page.goto(base + "academie/")
        assert visible_courses(page) == ["Cursus data", "Cursus voor de raad"]
        assert page.locator(".md-content").locator("select, button, input, textarea").count() == 0
        page.goto(base + "academie/raad/01-een/")
        # The answer is still one click away, in a native <details>.
        page.get_by_text("Bekijk het goede antwoord").first.click()
        assert page.get_by_text("Toelichting: door de verstrooiing van zonlicht.").is_visible()
        assert page.get_by_role("button", name="Controleer").count() == 0
        context.close()


def test_self_check_gives_feedback_on_wrong_and_right_answers(page):
    page.goto(page.base + "academie/raad/01-een/")
    first = page.get_by_role("group", name="Toets jezelf Welke kleur heeft de lucht overdag?")
    feedback = first.get_by_role("status")
    first.get_by_role("button", name="Controleer").click()
    assert feedback.inner_text() == "Kies eerst een antwoord."
    first.get_by_label("Groen").check()
    first.get_by_role("button", name="Controleer").click()
    assert feedback.inner_text() == "Helaas, dat is niet goed. Probeer het nog eens."
    assert not page.get_by_text("Toelichting: door de verstrooiing van zonlicht.").is_visible()
    first.get_by_label("Blauw").check()
    assert feedback.inner_text() == ""  # a changed answer clears old feedback
    first.get_by_role("button", name="Controleer").click()
    assert feedback.inner_text() == "Goed! Lees de toelichting hieronder."
    assert page.get_by_text("Toelichting: door de verstrooiing van zonlicht.").is_visible()

    several = page.get_by_role("group", name="Toets jezelf Welke twee zijn getallen?")
    assert several.get_by_role("checkbox").count() == 3
    several.get_by_label("Twee").check()
    several.get_by_role("button", name="Controleer").click()
    assert several.get_by_role("status").inner_text().startswith("Nog niet goed. Let op: er zijn meerdere")
    several.get_by_label("Drie").check()
    several.get_by_role("button", name="Controleer").click()
    assert several.get_by_role("status").inner_text() == "Goed! Lees de toelichting hieronder."

    open_question = page.get_by_role("group", name="Toets jezelf Waarom leer je dit?")
    open_question.get_by_label("Jouw antwoord").fill("Omdat het moet.")
    stored = page.evaluate("Object.values(localStorage).join(' ')")
    assert "Omdat het moet" not in stored  # the learner's answer is not kept
    page.get_by_text("Bekijk het modelantwoord").click()
    assert page.get_by_text("Modelantwoord: om het toe te passen in je werk.").is_visible()


def test_printing_a_module_shows_every_answer(page):
    page.goto(page.base + "academie/raad/01-een/")
    assert page.locator("details.kb-toets__answer[open]").count() == 0
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert page.locator("details.kb-toets__answer[open]").count() == 3


def test_progress_persists_across_reloads_and_can_be_cleared(page, tmp_path):
    page.goto(page.base + "academie/raad/01-een/")
    page.get_by_role("button", name="Markeer als afgerond").click()
    assert page.locator(".kb-module-done__status").inner_text() == "Je hebt deze module afgerond."
    page.reload()
    assert page.get_by_role("button", name="Markering 'afgerond' weghalen").is_visible()

    page.goto(page.base + "academie/raad/")
    assert page.locator(".kb-progress__text").inner_text() == "1 van 2 modules afgerond"
    assert page.locator("progress").evaluate("p => p.value") == 1
    assert page.locator(".kb-modules li").first.locator(".kb-done-mark").inner_text() == "afgerond"
    assert page.locator(".kb-modules li").nth(1).locator(".kb-done-mark").count() == 0
    continue_link = page.locator(".kb-continue")
    assert continue_link.inner_text() == "Ga verder met: Raad twee"
    page.screenshot(path=str(tmp_path / "cursus.png"), full_page=True)

    page.goto(page.base + "academie/")
    card = page.locator(".kb-course", has_text="Cursus voor de raad")
    assert card.locator(".kb-course__progress").inner_text() == "Je voortgang: 1 van 2 modules afgerond"
    assert not page.locator(".kb-course", has_text="Cursus data").locator(".kb-course__progress").is_visible()
    page.screenshot(path=str(tmp_path / "catalogus.png"), full_page=True)

    page.goto(page.base + "academie/raad/")
    page.get_by_role("button", name="Wis mijn voortgang").click()
    assert page.get_by_text("Je voortgang in deze cursus wissen?").is_visible()
    page.get_by_role("button", name="Nee, bewaren").click()  # changed their mind: nothing is lost
    assert page.locator(".kb-progress__text").inner_text() == "1 van 2 modules afgerond"
    assert page.evaluate("document.activeElement.textContent") == "Wis mijn voortgang"
    page.get_by_role("button", name="Wis mijn voortgang").click()
    page.get_by_role("button", name="Ja, wis mijn voortgang").click()
    assert page.locator(".kb-reset__status").inner_text() == "Je voortgang in deze cursus is gewist."
    assert page.locator(".kb-progress__text").inner_text() == "0 van 2 modules afgerond"
    page.get_by_role("button", name="Ongedaan maken").click()  # a mistake: one click brings it back
    assert page.locator(".kb-reset__status").inner_text() == "Je voortgang is teruggezet."
    assert page.locator(".kb-progress__text").inner_text() == "1 van 2 modules afgerond"
    page.get_by_role("button", name="Wis mijn voortgang").click()
    page.get_by_role("button", name="Ja, wis mijn voortgang").click()
    page.reload()
    assert page.locator(".kb-progress__text").inner_text() == "0 van 2 modules afgerond"
    assert page.locator(".kb-continue").inner_text() == "Begin met module 1: Raad een"


def test_clearing_all_progress_on_the_catalogue(page):
    for url in ("academie/raad/02-twee/", "academie/data/01-een/"):
        page.goto(page.base + url)
        page.get_by_role("button", name="Markeer als afgerond").click()
    page.goto(page.base + "academie/")
    assert page.locator(".kb-course", has_text="Cursus data").locator(".kb-course__progress").inner_text() == \
        "Je voortgang: alle modules afgerond"
    page.get_by_role("button", name="Wis mijn voortgang").click()
    assert page.get_by_text("Je voortgang in alle cursussen wissen?").is_visible()
    page.get_by_role("button", name="Ja, wis mijn voortgang").click()
    assert page.get_by_text("Je voortgang is gewist.").is_visible()
    page.reload()
    assert page.locator(".kb-course__progress:visible").count() == 0
    assert page.evaluate("localStorage.getItem('kennisbank.academie.voortgang')") is None


def test_works_with_material_instant_navigation(tmp_path):
    hub = project(tmp_path, {
        "academie/raad/index.md": course("Cursus voor de raad"),
        "academie/raad/01-een.md": module(1, "Raad een", SELF_CHECKS),
        "academie/raad/02-twee.md": module(2, "Raad twee"),
    })
    config = hub.root / "mkdocs.yml"
    site_dir = hub.root / "site"
    site_dir.mkdir()
    # Material intercepts only links listed in its sitemap, which uses site_url: build for the served address.
    with serve(site_dir) as base, browser() as chromium:
        text = config.read_text(encoding="utf-8")
        text = text.replace("    - navigation.tabs\n", "    - navigation.instant\n    - navigation.tabs\n", 1)
        config.write_text(re.sub(r"(?m)^site_url: .*$", f"site_url: {base}", text), encoding="utf-8")
        hub.build()
        page = chromium.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(base + "academie/")
        page.evaluate("window.kbNoReload = true")
        page.locator(".kb-course h2 a").first.click()
        page.wait_for_url("**/academie/raad/")
        page.get_by_role("link", name="Begin met module 1: Raad een").click()
        page.wait_for_url("**/academie/raad/01-een/")
        assert page.evaluate("window.kbNoReload") is True  # the page was swapped in, not loaded
        group = page.get_by_role("group", name="Toets jezelf Welke kleur heeft de lucht overdag?")
        group.get_by_label("Blauw").check()
        group.get_by_role("button", name="Controleer").click()
        assert group.get_by_role("status").inner_text() == "Goed! Lees de toelichting hieronder."
        page.get_by_role("button", name="Markeer als afgerond").click()
        page.get_by_role("link", name="Volgende module: Raad twee →").click()
        page.wait_for_url("**/academie/raad/02-twee/")
        page.get_by_role("link", name="Terug naar de cursus →").click()
        page.wait_for_url("**/academie/raad/")
        assert page.evaluate("window.kbNoReload") is True
        assert page.locator(".kb-progress__text").inner_text() == "1 van 2 modules afgerond"
        assert page.get_by_role("button", name="Wis mijn voortgang").count() == 1  # set up once, not twice
        assert errors == []


def test_progress_survives_moving_the_offline_copy(tmp_path):
    from kennisbank.mkdocs.commands import build_site

    hub = project(tmp_path, {
        "academie/raad/index.md": course("Cursus voor de raad"),
        "academie/raad/01-een.md": module(1, "Raad een"),
        "academie/raad/02-twee.md": module(2, "Raad twee"),
    })
    first = tmp_path / "bureaublad" / "kennisbank"
    build_site(hub.root / "mkdocs.yml", first, offline=True)
    with browser() as chromium:
        context = chromium.new_context()  # file:// pages share one storage, as in a real browser
        page = context.new_page()
        page.goto((first / "academie" / "raad" / "01-een.html").as_uri())
        page.get_by_role("button", name="Markeer als afgerond").click()
        moved = tmp_path / "documenten" / "vng"
        moved.parent.mkdir()
        first.rename(moved)
        page.goto((moved / "academie" / "raad" / "index.html").as_uri())
        assert page.locator(".kb-progress__text").inner_text() == "1 van 2 modules afgerond"
        assert page.evaluate("Object.keys(JSON.parse(localStorage.getItem('kennisbank.academie.voortgang')))") \
            == ["academie/raad/01-een"]


def test_progress_saved_under_old_absolute_keys_is_kept(page):
    page.goto(page.base + "academie/")
    page.evaluate("localStorage.setItem('kennisbank.academie.voortgang', "
                  "JSON.stringify({'/academie/raad/01-een/': '2026-01-02'}))")
    page.goto(page.base + "academie/raad/")
    assert page.locator(".kb-progress__text").inner_text() == "1 van 2 modules afgerond"
