"""Collections on the search page, in a real browser: the 'Bron' facet and the collection on every result line."""

import shutil
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest
from browser import browser, serve
from sitebuilder import project

pytestmark = pytest.mark.browser
FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    hub = project(tmp_path_factory.mktemp("bron"), starter=True)
    for name in ("ontwikkelaarsportaal", "gegevensmodel-zaken"):
        shutil.copytree(FIXTURES / name / "docs", hub.docs, dirs_exist_ok=True)
    return hub.build()


@pytest.mark.parametrize("width", [1280, 375])
def test_bron_facet_filters_to_a_collection_and_results_name_it(site, width):
    with browser() as chromium, serve(site.root) as base:
        page = chromium.new_page(viewport={"width": width, "height": 900})
        hosts: set[str] = set()
        errors: list[str] = []
        page.on("request", lambda r: hosts.add(urlsplit(r.url).netloc))
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(base + "zoeken/?bron=" + quote("API-portaal Voorbeeldregio"))
        page.wait_for_selector(".kb-search--ready")
        assert page.locator("#kb-search-status").inner_text().startswith("5 resultaten")
        metas = page.locator(".kb-search__meta").all_inner_texts()
        # The collection, and the section a page is in (as every list of the site names it).
        places = [m.split(" · ")[-1] for m in metas]
        assert len(metas) == 5 and all(p.split(" › ")[0] == "API-portaal Voorbeeldregio" for p in places), metas
        assert "API-portaal Voorbeeldregio › Aan de slag" in places, metas
        # text_content: on a phone the filters are folded away behind a button, but they are the same.
        legends = [t.strip() for t in page.locator(".kb-facet legend").all_text_contents()]
        assert legends[-2:] == ["Bron", "Trefwoord"]  # the longest list last
        bron = page.locator(".kb-facet", has=page.locator("legend", has_text="Bron"))
        labels = [" ".join(t.split()) for t in bron.locator("label").all_text_contents()]
        assert labels == ["API-portaal Voorbeeldregio (5)", "Gegevensmodel Zaakgericht werken (7)"]
        assert errors == [] and hosts <= {urlsplit(base).netloc}
        if width < 800:
            page.close()
            return  # choosing filters is the same on a phone once unfolded; the desktop run does it
        page.locator("#kb-search-q").fill("besluit")
        page.locator("#kb-search-q").press("Enter")
        page.wait_for_function("document.querySelector('#kb-search-status').innerText.startsWith('0 resultaten') "
                               "|| document.querySelector('#kb-search-status').innerText.startsWith('Geen')")
        page.uncheck("input[name=bron][value='API-portaal Voorbeeldregio']")
        page.check("input[name=bron][value='Gegevensmodel Zaakgericht werken']")
        page.wait_for_selector(".kb-search__result")
        titles = page.locator(".kb-search__result h2").all_inner_texts()
        assert "Besluit" in titles and all("Gegevensmodel Zaakgericht werken" in m
                                           for m in page.locator(".kb-search__meta").all_inner_texts())
        assert errors == [] and hosts <= {urlsplit(base).netloc}
        page.close()
