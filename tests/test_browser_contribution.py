"""The contribution form: an official without Git prepares a valid contribution of every type in the browser.

Each test fills the form in Chromium as a contributor would, follows it to the file it makes and runs the real
``kennisbank check`` on that file inside the starter hub, so "the form accepts it" and "check accepts it" are
one claim, not two.
"""

from __future__ import annotations

import json
import re
import zipfile
from urllib.parse import parse_qs, urlsplit

import pytest
from browser import browser, serve
from click.testing import CliRunner
from sitebuilder import project

from kennisbank.cli.commands import main
from kennisbank.content.hub import load_hub
from kennisbank.outputs.security import HEADERS

pytestmark = pytest.mark.browser

REPO = "https://github.com/vng-kennishub/kennisbank"
SUBMIT = "Controleer en maak het bestand"
RECORD = """
window.__kbCsp = [];
document.addEventListener("securitypolicyviolation", (e) => window.__kbCsp.push(e.violatedDirective));
"""


@pytest.fixture(scope="module")
def chromium():
    with browser() as instance:
        yield instance


@pytest.fixture(scope="module")
def base_url(starter):
    with serve(starter.site.root, headers=HEADERS) as base:
        yield base


@pytest.fixture()
def page(chromium, base_url):
    context = chromium.new_context(viewport={"width": 375, "height": 900})
    context.add_init_script(RECORD)
    tab = context.new_page()
    errors: list[str] = []
    requests: list[str] = []
    tab.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    tab.on("pageerror", lambda e: errors.append(str(e)))
    tab.on("request", lambda r: requests.append(r.url))
    tab.goto(base_url + "bijdragen/")
    tab.get_by_role("button", name=SUBMIT).wait_for()
    yield tab
    assert tab.evaluate("window.__kbCsp") == []  # works under the site's policy: no inline script
    assert errors == []
    assert [url for url in requests if not url.startswith(base_url)] == []  # nothing leaves before the link
    context.close()


def problems(page) -> list[str]:
    return page.locator(".kb-bijdrage__fouten li").all_inner_texts()


def field_messages(page) -> dict[str, list[str]]:
    """The message under each field, by the frontmatter field it is about."""
    found: dict[str, list[str]] = {}
    for message in page.locator(".kb-bijdrage__fout").all():
        name = message.evaluate("e => e.closest('[data-veld]').dataset.veld")
        found.setdefault(name, []).append(message.inner_text())
    return found


def prepared(page) -> tuple[str, str, str]:
    """(folder URL, file name, file content) of the "new file" link the form made."""
    assert page.get_by_role("heading", name="Je bijdrage is klaar om voor te stellen").is_visible()
    assert not page.locator(".kb-bijdrage__fouten").is_visible()
    address = urlsplit(page.get_by_role("link", name="Open GitHub met je bijdrage").get_attribute("href"))
    query = parse_qs(address.query)
    content = query["value"][0]
    assert content == page.locator(".kb-bijdrage__bestand").inner_text()
    return f"{address.scheme}://{address.netloc}{address.path}", query["filename"][0], content


def check(tmp_path, monkeypatch, files: dict[str, str]):
    """``kennisbank check`` on the starter hub with ``files`` added."""
    hub = project(tmp_path, files, starter=True)
    monkeypatch.chdir(hub.root)
    return hub, CliRunner().invoke(main, ["check"])


def test_an_empty_form_lists_every_problem_at_once_in_dutch(page):
    page.get_by_role("button", name=SUBMIT).click()
    assert page.get_by_role("heading", name="Er zijn 5 dingen om te verbeteren").is_visible()
    assert problems(page) == [
        "Titel: vul een titel in",
        "Samenvatting: vul een samenvatting in van één tot drie zinnen",
        "Thema's: kies minstens één thema of ontwikkelpunt",
        "Auteur(s): vul minstens één auteur of afdeling in",
        "Tekst: schrijf de tekst van je bijdrage",
    ]
    assert page.evaluate("document.activeElement.className") == "kb-bijdrage__fouten"
    title = page.get_by_label("Titel")
    assert title.get_attribute("aria-invalid") == "true"
    assert page.locator("#" + title.get_attribute("aria-describedby").split()[-1]).inner_text() == "vul een titel in"
    page.get_by_role("link", name="Titel: vul een titel in").click()
    assert page.evaluate("document.activeElement.id") == "kb-bijdrage-titel"
    # Corrected fields lose their message on the next try; the others keep theirs.
    page.get_by_label("Titel").fill("Een titel")
    page.get_by_role("button", name=SUBMIT).click()
    assert page.get_by_label("Titel").get_attribute("aria-invalid") is None
    assert "Titel" not in " ".join(problems(page)) and len(problems(page)) == 4


def test_each_type_asks_for_the_fields_of_its_model(page):
    """Which fields are shown, and which say '(niet verplicht)', follows the pydantic model of the type."""

    def labels() -> list[str]:
        return page.locator(".kb-bijdrage__form").evaluate("""form => [...form.querySelectorAll(
            '[data-veld]:not([hidden]) > label, [data-veld]:not([hidden]) > legend, [data-veld-groep]:not([hidden]) label')]
            .filter(e => !e.closest('[hidden]') && !e.closest('[data-veld=type]')).map(e => e.textContent)""")

    page.get_by_label("Cursus voor de VNG Academie").check()
    assert labels() == ["Titel", "Samenvatting", "Doelgroep", "Niveau", "Studieduur in minuten", "Leerdoelen",
                        "Thema's", "Netwerken (niet verplicht)", "Auteur(s)", "Docenten (niet verplicht)",
                        "Datum van publicatie", "Trefwoorden (niet verplicht)", "Tekst"]
    page.get_by_label("Module van een bestaande cursus").check()
    assert labels() == ["Cursus", "Titel", "Samenvatting", "Studieduur in minuten", "Leerdoelen",
                        "Thema's (niet verplicht)", "Trefwoorden (niet verplicht)", "Tekst"]
    page.get_by_label("Praktijkvoorbeeld: hoe een gemeente het aanpakte").check()
    assert labels() == ["Titel", "Samenvatting", "Thema's", "Netwerken (niet verplicht)", "Gemeente(n)",
                        "Contactpersoon of afdeling", "E-mailadres van de contactpersoon (niet verplicht)",
                        "Auteur(s)", "Datum van publicatie", "Trefwoorden (niet verplicht)", "Tekst"]


def fill_common(page, title: str, summary: str, text: str) -> None:
    page.get_by_label("Titel").fill(title)
    page.get_by_label("Samenvatting").fill(summary)
    page.get_by_label("Tekst", exact=True).fill(text)


def test_an_article_prepared_in_the_form_passes_the_check(page, tmp_path, monkeypatch):
    page.get_by_label("Artikel: kennis over een opgave").check()
    fill_common(page, "Regie op de warmtetransitie", "Hoe een gemeente de regie neemt.", "## Aanpak\n\nBegin klein.")
    page.get_by_label("Klimaat & energie").check()
    page.get_by_label("Auteur(s)").fill("VNG Kennishub")
    page.get_by_label("Trefwoorden (niet verplicht)").fill("warmtenet, WGR")
    page.get_by_role("button", name=SUBMIT).click()
    # The name the title gives is taken: check_hub would refuse a second file with it.
    assert problems(page) == ["Titel: de naam 'regie-op-de-warmtetransitie' wordt al gebruikt door "
                              "docs/academie/regie-op-de-warmtetransitie/index.md; kies een andere titel"]
    page.get_by_label("Titel").fill("Regie op warmte: zó pak je het aan")
    page.get_by_role("button", name=SUBMIT).click()
    folder, name, content = prepared(page)
    assert (folder, name) == (f"{REPO}/new/main/docs/artikelen", "regie-op-warmte-zo-pak-je-het-aan.md")
    hub, result = check(tmp_path, monkeypatch, {f"artikelen/{name}": content})
    assert result.exit_code == 0, result.output
    item = load_hub(hub.docs, hub.root).items[f"artikelen/{name}"]
    assert item.title == "Regie op warmte: zó pak je het aan"
    assert item.meta.tags == ["warmtenet", "WGR"] and item.meta.themas == ["klimaat-energie"]


def test_a_good_practice_prepared_in_the_form_passes_the_check(page, tmp_path, monkeypatch):
    page.get_by_label("Praktijkvoorbeeld: hoe een gemeente het aanpakte").check()
    fill_common(page, "Schulden vroeg signaleren: zó doet Zwolle het",
                'Zwolle belt binnen vijf dagen na een "achterstand".',
                "## Aanpak\n\nWe bellen **snel**.\n\n- eerst bellen\n- dan langs")
    page.get_by_label("Bestaanszekerheid").check()
    page.get_by_label("Divosa").check()
    page.get_by_label("Gemeente(n)").fill("Zwole")
    page.get_by_label("Contactpersoon of afdeling").fill("Team Schuldhulp")
    page.get_by_label("E-mailadres van de contactpersoon").fill("schuldhulp@zwolle.nl")
    page.get_by_label("Auteur(s)").fill("Gemeente Zwolle, Team Schuldhulp")
    page.get_by_label("Trefwoorden (niet verplicht)").fill("schulden, Wmo")
    preview = page.get_by_role("region", name="Zo ziet je tekst eruit")
    assert preview.get_by_role("heading", name="Aanpak").is_visible()
    assert preview.locator("strong").inner_text() == "snel"
    assert preview.locator("li").all_inner_texts() == ["eerst bellen", "dan langs"]
    page.get_by_role("button", name=SUBMIT).click()
    assert problems(page) == ["Gemeente(n): onbekende gemeente 'Zwole'; bedoelde je 'Zwolle'?"]
    page.get_by_label("Gemeente(n)").fill("Zwolle")
    page.get_by_role("button", name=SUBMIT).click()
    folder, name, content = prepared(page)
    assert (folder, name) == (f"{REPO}/new/main/docs/praktijkvoorbeelden",
                              "schulden-vroeg-signaleren-zo-doet-zwolle-het.md")
    hub, result = check(tmp_path, monkeypatch, {f"praktijkvoorbeelden/{name}": content})
    assert result.exit_code == 0, result.output
    item = load_hub(hub.docs, hub.root).items[f"praktijkvoorbeelden/{name}"]
    assert item.title == "Schulden vroeg signaleren: zó doet Zwolle het"
    assert item.meta.samenvatting == 'Zwolle belt binnen vijf dagen na een "achterstand".'
    assert item.meta.gemeenten == ["Zwolle"] and item.networks == ["divosa"] and item.meta.tags == ["schulden", "Wmo"]
    assert item.meta.auteurs == ["Gemeente Zwolle", "Team Schuldhulp"]
    assert (item.meta.contact.naam, item.meta.contact.email) == ("Team Schuldhulp", "schuldhulp@zwolle.nl")


def test_a_course_prepared_in_the_form_passes_the_check_as_a_concept(page, tmp_path, monkeypatch):
    page.get_by_label("Cursus voor de VNG Academie").check()
    fill_common(page, "Omgevingswet voor raadsleden", "Wat de raad beslist onder de Omgevingswet.",
                "Deze cursus legt uit wat de raad beslist.")
    page.get_by_label("Raadsleden").check()
    page.get_by_label("Griffiers").check()
    page.get_by_label("Basis").check()
    page.get_by_label("Studieduur in minuten").fill("90 minuten")
    page.get_by_label("Leerdoelen").fill("Je kent de hoofdlijnen van de wet.\n\nJe stelt het college goede vragen.")
    page.get_by_label("Eén sterke bestuurslaag").check()
    page.get_by_label("Auteur(s)").fill("VNG Academie")
    page.get_by_label("Docenten (niet verplicht)").fill("A. de Vries")
    page.get_by_role("button", name=SUBMIT).click()
    assert problems(page) == ["Studieduur in minuten: hier hoort een geheel getal, niet '90 minuten'"]
    page.get_by_label("Studieduur in minuten").fill("90")
    page.get_by_role("button", name=SUBMIT).click()
    folder, name, content = prepared(page)
    # One "new file" page holds one file; GitHub makes the course's folder from the '/' in the name.
    assert (folder, name) == (f"{REPO}/new/main/docs/academie", "omgevingswet-voor-raadsleden/index.md")
    assert page.get_by_text("Een cursus verschijnt op de site zodra er een module bij is.").is_visible()
    hub, result = check(tmp_path, monkeypatch, {f"academie/{name}": content})
    assert result.exit_code == 0, result.output
    loaded = load_hub(hub.docs, hub.root)
    assert f"academie/{name}" in loaded.drafts  # a concept until its first module follows
    assert "status: concept" in content.split("---")[1]
    published = project(tmp_path / "gepubliceerd", {f"academie/{name}": content.replace("status: concept\n", ""),
                                                    "academie/omgevingswet-voor-raadsleden/01-inleiding.md": (
        "---\ntitel: Inleiding\nsamenvatting: Waarom.\ntype: module\nvolgorde: 1\nduur_minuten: 30\n"
        "leerdoelen: [Je weet waarom]\n---\n\nTekst.\n")})
    course = load_hub(published.docs, published.root)
    assert [str(p) for p in course.problems.errors()] == []
    meta = course.items[f"academie/{name}"].course_meta
    assert ([d.value for d in meta.doelgroep], meta.niveau.value, meta.duur_minuten) == (
        ["raadsleden", "griffiers"], "basis", 90)
    assert meta.leerdoelen == ["Je kent de hoofdlijnen van de wet.", "Je stelt het college goede vragen."]
    assert meta.docenten == ["A. de Vries"]


def test_a_module_prepared_in_the_form_joins_its_course_and_passes_the_check(page, tmp_path, monkeypatch):
    page.get_by_label("Module van een bestaande cursus").check()
    fill_common(page, "Evalueren met de raad", "Hoe je een samenwerking samen met de raad evalueert.",
                "## Waarom evalueren?\n\nOmdat het werkt.")
    page.get_by_label("Studieduur in minuten").fill("0")
    page.get_by_label("Leerdoelen").fill("Je plant een evaluatie.")
    page.get_by_role("button", name=SUBMIT).click()
    assert problems(page) == ["Cursus: kies de cursus waar de module bij hoort",
                              "Studieduur in minuten: moet minstens 1 zijn"]
    page.get_by_label("Cursus", exact=True).select_option(label="Samenwerken in de regio")
    assert page.get_by_text("Dit wordt module 5 van de cursus 'Samenwerken in de regio'.").is_visible()
    page.get_by_label("Studieduur in minuten").fill("40")
    page.get_by_role("button", name=SUBMIT).click()
    folder, name, content = prepared(page)
    assert (folder, name) == (f"{REPO}/new/main/docs/academie/samenwerken-in-de-regio",
                              "05-evalueren-met-de-raad.md")
    src = f"academie/samenwerken-in-de-regio/{name}"
    hub, result = check(tmp_path, monkeypatch, {src: content})
    assert result.exit_code == 0, result.output
    loaded = load_hub(hub.docs, hub.root)
    module = loaded.items[src]
    assert (module.course, module.module_meta.volgorde, module.module_meta.duur_minuten) == (
        "samenwerken-in-de-regio", 5, 40)


def test_a_long_text_is_pasted_since_github_refuses_long_addresses(page, base_url):
    """GitHub answers an address over 8,191 bytes with '414 URI too long': the file is then copied, not sent."""
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/"))
    page.get_by_label("Artikel: kennis over een opgave").check()
    fill_common(page, "Een lang artikel", "Over een lange tekst.", "Een zin met genoeg woorden voor een lange tekst. " * 200)
    page.get_by_label("Bestaanszekerheid").check()
    page.get_by_label("Auteur(s)").fill("VNG Kennishub")
    page.get_by_role("button", name=SUBMIT).click()
    link = page.get_by_role("link", name="Open GitHub met je bijdrage").get_attribute("href")
    assert link == f"{REPO}/new/main/docs/artikelen?filename=een-lang-artikel.md"
    assert page.get_by_text("Je bijdrage is te lang om in één keer aan GitHub mee te geven.").is_visible()
    page.get_by_role("button", name="Kopieer het bestand").click()
    page.get_by_role("status").filter(has_text="Gekopieerd.").wait_for()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == page.locator(".kb-bijdrage__bestand").inner_text()
    assert copied.startswith('---\ntitel: "Een lang artikel"\n') and len(copied) > 9_000


def test_the_form_refuses_what_check_refuses_with_the_same_words(page, tmp_path, monkeypatch):
    """Broken limits: the form's message under each field is check's message for that field, word for word."""
    title = "Lang " * 30 + "en nog langer"  # 163 characters; at most 150
    long_tag = [f"trefwoord {n}" for n in range(11)] + ["een trefwoord dat veel langer is dan veertig tekens"]
    many_tags = [f"trefwoord {n}" for n in range(13)]  # at most 12
    page.get_by_label("Praktijkvoorbeeld: hoe een gemeente het aanpakte").check()
    fill_common(page, title, "Samenvatting.", "Tekst.")
    page.get_by_label("Bestaanszekerheid").check()
    page.get_by_label("Gemeente(n)").fill("Zwole, Atlantis")
    page.get_by_label("Contactpersoon of afdeling").fill("Team Schuldhulp")
    page.get_by_label("E-mailadres van de contactpersoon").fill("schuldhulp-at-zwolle")
    page.get_by_label("Auteur(s)").fill("Gemeente Zwolle")
    in_form = {}
    files = {}
    for name, tags in (("lang", long_tag), ("veel", many_tags)):
        page.get_by_label("Trefwoorden (niet verplicht)").fill(", ".join(tags))
        page.get_by_role("button", name=SUBMIT).click()
        in_form[name] = field_messages(page)
        files[f"praktijkvoorbeelden/{name}.md"] = "\n".join([
            "---", f"titel: {json.dumps(title)}", "samenvatting: Samenvatting.", "type: praktijkvoorbeeld",
            "themas: [bestaanszekerheid]", f"tags: {json.dumps(tags)}", "auteurs: [Gemeente Zwolle]",
            "gepubliceerd: 2024-05-01", 'gemeenten: ["Zwole", "Atlantis"]',
            "contact:", "  naam: Team Schuldhulp", "  email: schuldhulp-at-zwolle", "---", "", "Tekst.", ""])
    _, result = check(tmp_path, monkeypatch, files)
    by_check: dict[str, dict[str, list[str]]] = {"lang": {}, "veel": {}}
    for line in result.stdout.splitlines():
        found = re.match(r"docs/praktijkvoorbeelden/(\w+)\.md:\d+:\d+: ([\w.]+): (.*)$", line)
        if found:
            by_check[found[1]].setdefault(found[2], []).append(found[3])
    assert in_form == by_check
    assert set(in_form["lang"]) == {"titel", "tags", "gemeenten", "contact.email"}
    assert in_form["veel"]["tags"] == ["te veel waarden (maximaal 12)"]


def test_a_hostile_text_stays_text_in_the_preview(page):
    """The preview is untrusted input rendered in the site's own origin: nothing in it may run or fetch."""
    hostile = "\n\n".join([
        '## Kop <img src="https://evil.example/kop.png" onerror="window.__kbPwned = 1">',
        "<script>window.__kbPwned = 1</script>",
        "[klik](javascript:window.__kbPwned=1) en [ook](JaVaScRiPt:alert(1)) en "
        "[data](data:text/html,<script>alert(1)</script>) en [goed](https://www.vng.nl/)",
        "![beeld](https://evil.example/beeld.png)",
        '**<b onmouseover="window.__kbPwned = 1">vet</b>** <iframe src="https://evil.example/"></iframe>',
        '- <svg onload="window.__kbPwned = 1"></svg>',
    ])
    page.get_by_label("Tekst", exact=True).fill(hostile)
    preview = page.get_by_role("region", name="Zo ziet je tekst eruit")
    assert preview.locator("img, script, iframe, svg, b, [onerror], [onload], [onmouseover]").count() == 0
    assert preview.locator("a").evaluate_all("links => links.map(a => a.getAttribute('href'))") == [
        "https://www.vng.nl/", "https://evil.example/beeld.png"]  # links, not fetched until followed
    assert preview.get_by_role("heading").inner_text() == (
        'Kop <img src="https://evil.example/kop.png" onerror="window.__kbPwned = 1">')
    assert "<script>window.__kbPwned = 1</script>" in preview.inner_text()
    preview.locator("strong").hover()
    page.wait_for_timeout(300)
    assert page.evaluate("window.__kbPwned") is None


def test_unsafe_text_is_refused_with_checks_words(page, tmp_path, monkeypatch):
    """The core of check's safety rules for the text: the form says what check would, and leaves code alone."""
    body = "\n\n".join([
        "Tekst <script>alert(1)</script> en <b onclick=\"alert(1)\">vet</b>.",
        "[klik](javascript:alert(1)) en [data](data:text/html,x) en <svg></svg>.",
        '<iframe src="https://evil.example/"></iframe> <a href="vbscript:x">a</a>',
        "```\n<script>voorbeeld</script>\n```",
        "Een code-voorbeeld: `<style>` en [goed](https://www.vng.nl/).",
    ])
    page.get_by_label("Artikel: kennis over een opgave").check()
    fill_common(page, "Onveilig", "Kort.", body)
    page.get_by_label("Bestaanszekerheid").check()
    page.get_by_label("Auteur(s)").fill("VNG Kennishub")
    page.get_by_role("button", name=SUBMIT).click()
    in_form = field_messages(page)
    _, result = check(tmp_path, monkeypatch, {"artikelen/onveilig.md": (
        "---\ntitel: Onveilig\nsamenvatting: Kort.\ntype: artikel\nthemas: [bestaanszekerheid]\n"
        "auteurs: [VNG Kennishub]\ngepubliceerd: 2024-05-01\n---\n\n" + body + "\n")})
    by_check = re.findall(r"docs/artikelen/onveilig\.md:\d+:\d+: (?:html|link): (.*)", result.stdout)
    assert list(in_form) == ["tekst"]
    assert sorted(in_form["tekst"]) == sorted(set(by_check))
    assert len(by_check) == 7


def test_without_javascript_the_page_points_to_the_steps(starter):
    html = starter.site.html("bijdragen/")
    assert "Het formulier werkt alleen met JavaScript. Zonder JavaScript volg je de stappen hieronder." in html


def test_the_form_works_in_the_offline_copy_and_says_what_needs_internet(chromium, tmp_path):
    hub = project(tmp_path, starter=False)
    result = CliRunner().invoke(main, ["build", "--offline", "-f", str(hub.root / "mkdocs.yml"),
                                       "--site-dir", str(hub.root / "site-offline")])
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(hub.root / "site-offline.zip") as archive:
        archive.extractall(tmp_path / "uitgepakt")
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    refused: list[str] = []
    errors: list[str] = []

    def offline_only(route):
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            refused.append(route.request.url)
            route.abort()

    tab.route("**/*", offline_only)
    tab.on("pageerror", lambda e: errors.append(str(e)))
    tab.goto((tmp_path / "uitgepakt" / "kennisbank" / "bijdragen" / "index.html").as_uri())
    tab.get_by_label("Artikel: kennis over een opgave").check()
    fill_common(tab, "Werken zonder internet", "Een bijdrage uit de kopie zonder internet.", "Tekst.")
    tab.get_by_label("Leren van elkaar").check()
    tab.get_by_label("Auteur(s)").fill("VNG Kennishub")
    tab.get_by_role("button", name=SUBMIT).click()
    assert tab.get_by_text("Je gebruikt de kopie van de kennisbank zonder internet. De knop hieronder werkt "
                           "alleen als je computer verbinding heeft.").is_visible()
    folder, name, _ = prepared(tab)
    assert (folder, name) == (f"{REPO}/new/main/docs/artikelen", "werken-zonder-internet.md")
    assert (refused, errors) == ([], [])
    context.close()
