"""A first-time visitor finds items through themes, in a real browser."""

from urllib.parse import urlsplit

import pytest
from browser import browser, serve

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def starter_site(starter):
    return starter.site  # built once per session (conftest.py); these tests only read it


def test_home_to_theme_to_item(starter_site, tmp_path):
    with serve(starter_site.root) as base, browser() as chromium:
        page = chromium.new_page()
        errors: list[str] = []
        hosts: set[str] = set()
        page.on("request", lambda r: hosts.add(urlsplit(r.url).netloc))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.goto(base)
        assert page.locator("html").get_attribute("lang") == "nl"
        page.get_by_role("link", name="Klimaat & energie").first.click()
        page.wait_for_url("**/themas/klimaat-energie/")
        assert page.get_by_role("heading", level=1).inner_text().startswith("Klimaat & energie")
        page.get_by_role("link", name="Regie warmtetransitie", exact=True).first.click()
        page.wait_for_url("**/artikelen/regie-warmtetransitie/")
        facts = page.locator(".kb-facts").inner_text()
        assert "Thema's:" in facts and "Klimaat & energie" in facts
        page.screenshot(path=str(tmp_path / "item.png"), full_page=True)
        assert errors == []
        assert hosts == {urlsplit(base).netloc}  # no request to any third party
