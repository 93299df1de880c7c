"""Hostile frontmatter, names and ids in Chromium: nothing runs, redirects or loads from another host.

Every page type of the hostile hub (tests/hostile_sinks.py), built with the content checks switched off,
is opened with and without the production Content-Security-Policy: the policy is one more layer, not the
defence, since GitHub Pages and the offline copy send none. A payload that ran would set the canary
``window.__pwned`` or open a dialog; one that redirected or re-based the page would request evil.example.
The header box, whose results Material prints as HTML, is opened too.
"""

import re
from urllib.parse import urlsplit

import pytest
from browser import browser, serve
from hostile import checks_switched_off
from hostile_sinks import MODULE_TITLE, hostile_hub
from playwright.sync_api import expect
from test_hostile_sinks import PAGES

from kennisbank.outputs.security import HEADERS

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    hub = hostile_hub(tmp_path_factory.mktemp("browser-sinks"))
    with checks_switched_off():
        return hub.build()


@pytest.mark.parametrize("headers", [HEADERS, {}], ids=["met CSP", "zonder CSP"])
def test_no_hostile_value_runs_redirects_or_loads_elsewhere(hostile_site, headers):
    dialogs: list[str] = []
    errors: list[str] = []
    hosts: set[str] = set()
    with serve(hostile_site.root, headers) as base, browser() as chromium:
        page = chromium.new_page()
        page.on("dialog", lambda dialog: (dialogs.append(f"{page.url}: {dialog.message}"), dialog.dismiss()))
        page.on("pageerror", lambda error: errors.append(f"{page.url}: {error}"))
        page.on("console", lambda message: errors.append(f"{page.url}: {message.text}")
                if message.type == "error" and "Failed to load resource" not in message.text else None)
        page.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
        for url in PAGES:
            page.goto(base + url, wait_until="load")
            page.wait_for_timeout(300)  # a meta refresh of 0 s or an autofocus handler fires by now
            assert page.url == base + url
            assert page.evaluate("() => window.__pwned") is None, url
            # Material still reads its own configuration, not an element of the content.
            assert page.evaluate("() => JSON.parse(document.querySelector('#__config').textContent).base") \
                in (".", "..", "../..", "../../..", "/")  # 404.html may be served at any depth
        # The search page's own results (its index is a script with titles in a string literal).
        page.goto(base + "zoeken/?zoekterm=praktijk", wait_until="load")
        expect(page.locator(".kb-search__result").first).to_contain_text("praktijk", timeout=60_000)
        assert page.evaluate("() => window.__pwned") is None
        # The header box prints result titles as HTML (Material's rendering of what the worker sends): show the
        # hostile items in them; the worker must have escaped them, so the payload is text.
        page.goto(base + "artikelen/aanval/", wait_until="load")
        page.locator("input.md-search__input").click()
        meta = page.locator(".md-search-result__meta")
        expect(meta).to_have_text(re.compile("Typ om te beginnen"), timeout=120_000)
        page.keyboard.type("module")  # the hostile module: its title goes into the results
        expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=60_000)
        expect(page.locator(".md-search-result").first).to_contain_text(MODULE_TITLE)
        assert page.locator(".md-search-result img, .md-search-result svg[onload]").count() == 0
        assert page.evaluate("() => window.__pwned") is None
    assert dialogs == []
    assert errors == []
    assert hosts == {urlsplit(base).netloc}
