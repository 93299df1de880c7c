"""The offline zip works from file:// with the network off, and no page asks a third party for anything."""

from __future__ import annotations

import zipfile
from urllib.parse import urlsplit

import pytest
from browser import browser, serve
from click.testing import CliRunner
from sitebuilder import project

from kennisbank.cli.commands import main

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    return project(tmp_path_factory.mktemp("offline"), starter=True)


def search(page, words: str) -> str:
    """Type into the header search box and wait for its results (our worker, on Material's box)."""
    page.locator(".md-search__form").click()
    page.locator("input.md-search__input").press_sequentially(words, delay=20)
    meta = page.locator(".md-search-result__meta")
    page.wait_for_function(
        "el => /Beste resultaten/.test(el.textContent)", arg=meta.element_handle(), timeout=15_000)
    return meta.inner_text()


def test_offline_zip_navigates_and_searches_without_network(hub, tmp_path):
    site_dir = hub.root / "site-offline"
    result = CliRunner().invoke(main, ["build", "--offline", "-f", str(hub.root / "mkdocs.yml"),
                                       "--site-dir", str(site_dir)])
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(hub.root / "site-offline.zip") as archive:
        archive.extractall(tmp_path)
    index = tmp_path / "kennisbank" / "index.html"
    assert 'src="assets/javascripts/iframe-worker/shim.js"' in index.read_text(encoding="utf-8")
    with browser() as chromium:
        page = chromium.new_page()
        refused: list[str] = []
        errors: list[str] = []

        def offline_only(route):
            if route.request.url.startswith("file:"):
                route.continue_()
            else:  # the network is off: record and refuse every other request
                refused.append(route.request.url)
                route.abort()

        page.route("**/*", offline_only)
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.goto(index.as_uri())
        page.get_by_role("link", name="Thema's").first.click()
        page.wait_for_url("**/themas/index.html")
        page.get_by_role("link", name="Klimaat & energie").first.click()
        page.wait_for_url("**/themas/klimaat-energie.html")
        page.get_by_role("link", name="Regie warmtetransitie", exact=True).first.click()
        page.wait_for_url("**/artikelen/regie-warmtetransitie.html")
        assert page.get_by_role("heading", level=1).inner_text().startswith("Regie warmtetransitie")
        assert search(page, "warmtetransitie") == "Beste resultaten"
        first = page.locator(".md-search-result__item").first
        assert "warmte" in first.inner_text().lower()
        page.screenshot(path=str(tmp_path / "offline-search.png"))
        first.locator("a").first.click()
        page.wait_for_load_state()
        assert page.url.startswith("file:")
        assert refused == []
        assert errors == []


def test_online_site_requests_nothing_from_third_parties(hub):
    site = hub.build()
    with serve(site.root) as base, browser() as chromium:
        page = chromium.new_page()
        hosts: set[str] = set()
        page.on("request", lambda r: hosts.add(urlsplit(r.url).netloc))
        for url in ("", "themas/", "themas/klimaat-energie/", "artikelen/regie-warmtetransitie/",
                    "academie/datagedreven-werken-voor-gemeenten/", "netwerken/"):
            page.goto(base + url)
            page.wait_for_load_state("networkidle")
        assert search(page, "jeugdzorg") == "Beste resultaten"
        page.wait_for_load_state("networkidle")
        assert hosts == {urlsplit(base).netloc}
