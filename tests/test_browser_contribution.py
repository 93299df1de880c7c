"""The contribution form: an official without Git prepares a valid contribution in the browser."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from browser import browser, serve
from sitebuilder import project

from kennisbank.content.hub import load_hub
from kennisbank.outputs.security import HEADERS

pytestmark = pytest.mark.browser

REPO = "https://github.com/vng-kennishub/kennisbank"
RECORD_CSP = """
window.__kbCsp = [];
document.addEventListener("securitypolicyviolation", (e) => window.__kbCsp.push(e.violatedDirective));
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return project(tmp_path_factory.mktemp("bijdrage")).build()


@pytest.fixture()
def page(site):
    with serve(site.root, headers=HEADERS) as base, browser() as chromium:
        context = chromium.new_context(viewport={"width": 375, "height": 900})
        context.add_init_script(RECORD_CSP)
        tab = context.new_page()
        errors: list[str] = []
        tab.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        tab.on("pageerror", lambda e: errors.append(str(e)))
        tab.goto(base + "bijdragen/")
        tab.get_by_role("button", name="Controleer en maak het bestand").wait_for()
        yield tab
        assert tab.evaluate("window.__kbCsp") == []  # works under the site's policy: no inline script
        assert errors == []


def problems(page) -> list[str]:
    return page.locator(".kb-bijdrage__fouten li").all_inner_texts()


def test_an_empty_form_lists_every_problem_at_once_in_dutch(page):
    page.get_by_role("button", name="Controleer en maak het bestand").click()
    assert page.get_by_role("heading", name="Er zijn 5 dingen om te verbeteren").is_visible()
    assert problems(page) == [
        "titel: vul een titel in",
        "samenvatting: vul een samenvatting in van één tot drie zinnen",
        "themas: kies minstens één thema of ontwikkelpunt",
        "auteurs: vul minstens één auteur of afdeling in",
        "tekst: schrijf de tekst van je bijdrage",
    ]
    assert page.evaluate("document.activeElement.className") == "kb-bijdrage__fouten"
    title = page.get_by_label("Titel")
    assert title.get_attribute("aria-invalid") == "true"
    assert page.locator("#" + title.get_attribute("aria-describedby").split()[-1]).inner_text() == "vul een titel in"
    page.get_by_role("link", name="titel: vul een titel in").click()
    assert page.evaluate("document.activeElement.id") == "kb-bijdrage-titel"


def test_a_good_practice_prepared_in_the_form_passes_the_check(page, tmp_path):
    page.get_by_label("Praktijkvoorbeeld: hoe een gemeente het aanpakte").check()
    page.get_by_label("Titel").fill("Schulden vroeg signaleren: zó doet Zwolle het")
    page.get_by_label("Samenvatting").fill('Zwolle belt binnen vijf dagen na een "achterstand".')
    page.get_by_label("Bestaanszekerheid").check()
    page.get_by_label("Divosa").check()
    page.get_by_label("Gemeente(n)").fill("Zwole")
    page.get_by_label("Contactpersoon of afdeling").fill("Team Schuldhulp")
    page.get_by_label("Auteur(s)").fill("Gemeente Zwolle, Team Schuldhulp")
    page.get_by_label("Trefwoorden (niet verplicht)").fill("schulden, Wmo")
    page.get_by_label("Tekst", exact=True).fill("## Aanpak\n\nWe bellen **snel**.\n\n- eerst bellen\n- dan langs")
    preview = page.get_by_role("region", name="Zo ziet je tekst eruit")
    assert preview.get_by_role("heading", name="Aanpak").is_visible()
    assert preview.locator("strong").inner_text() == "snel"
    assert preview.locator("li").all_inner_texts() == ["eerst bellen", "dan langs"]
    page.get_by_role("button", name="Controleer en maak het bestand").click()
    assert problems(page) == ["gemeenten: onbekende gemeente 'Zwole'; bedoelde je 'Zwolle'?"]
    page.get_by_label("Gemeente(n)").fill("Zwolle")
    page.get_by_role("button", name="Controleer en maak het bestand").click()
    assert page.get_by_role("heading", name="Je bijdrage is klaar om voor te stellen").is_visible()
    assert not page.locator(".kb-bijdrage__fouten").is_visible()
    link = page.get_by_role("link", name="Open GitHub met je bijdrage").get_attribute("href")
    address = urlsplit(link)
    assert f"{address.scheme}://{address.netloc}{address.path}" == f"{REPO}/new/main/docs/praktijkvoorbeelden"
    query = parse_qs(address.query)
    name = query["filename"][0]
    assert name == "schulden-vroeg-signaleren-zo-doet-zwolle-het.md"
    content = query["value"][0]
    assert content == page.locator(".kb-bijdrage__bestand").inner_text()
    # What the contributor proposes passes `kennisbank check` as it is.
    hub_project = project(tmp_path, {f"praktijkvoorbeelden/{name}": content})
    hub = load_hub(hub_project.docs, hub_project.root)
    assert [str(p) for p in hub.problems] == []
    item = hub.items[f"praktijkvoorbeelden/{name}"]
    assert item.title == "Schulden vroeg signaleren: zó doet Zwolle het"
    assert item.meta.samenvatting == 'Zwolle belt binnen vijf dagen na een "achterstand".'
    assert item.meta.gemeenten == ["Zwolle"] and item.networks == ["divosa"] and item.meta.tags == ["schulden", "Wmo"]
    assert item.meta.auteurs == ["Gemeente Zwolle", "Team Schuldhulp"]


def test_without_javascript_the_page_points_to_the_steps(site):
    html = site.html("bijdragen/")
    assert "Het formulier werkt alleen met JavaScript. Zonder JavaScript volg je de stappen hieronder." in html
