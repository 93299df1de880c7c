"""A reader follows a Docusaurus collection's links in a real browser: every form lands on its page, no 404."""

import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from browser import browser, serve
from playwright.sync_api import expect
from sitebuilder import project

pytestmark = pytest.mark.browser
FIXTURE = Path(__file__).parent / "fixtures" / "catalogus-handleidingen"
# (link text on the page, the page's title after the click): a reference definition, a /docs route, raw
# <a href> by URL path and by /docs route, <Link to> with an anchor.
WALK = [("Voor gebruikers", "Handleiding voor gebruikers"), ("een publicatie aanmaakt", "Een publicatie aanmaken"),
        ("beheerder", "Installatie"), ("configuratie", "Configuratie"), ("start", "Open Catalogi"),
        ("Voor ontwikkelaars", "Voor ontwikkelaars"), ("de API", "De API"), ("installeert", "Installatie")]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    hub = project(tmp_path_factory.mktemp("docusaurus-browser"))
    shutil.copytree(FIXTURE / "docs", hub.docs, dirs_exist_ok=True)
    return hub.build()


@pytest.mark.parametrize("width", [1280, 375])
def test_a_reader_follows_every_link_form_to_its_page(site, width):
    with browser() as chromium, serve(site.root) as base:
        page = chromium.new_page(viewport={"width": width, "height": 900})
        hosts: set[str] = set()
        failed: list[str] = []
        page.on("request", lambda r: hosts.add(urlsplit(r.url).netloc))
        page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
        page.goto(base + "collecties/open-catalogi/")
        for text, title in WALK:
            # Exact names: the section tree and related lists name pages by their titles ('Configuratie').
            page.locator("article").get_by_role("link", name=text, exact=True).first.click()
            page.wait_for_load_state()
            # expect() retries: with Material's instant navigation the new page's content arrives after the
            # click returns, later still on a busy machine.
            expect(page.locator("article h1"), f"{text} → {page.url}").to_have_text(
                re.compile(rf"^\s*{re.escape(title)}\s*¶?\s*$"))
        page.wait_for_function("() => location.hash === '#installeren'", timeout=10_000)
        assert urlsplit(page.url).fragment == "installeren"
        assert failed == []
        assert hosts == {urlsplit(base).netloc}
