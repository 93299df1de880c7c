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
from hostile_sinks import DIAGRAMS_DRAWN, MODULE_TITLE, hostile_hub
from playwright.sync_api import expect
from test_browser_diagrams import OPEN_SHADOW
from test_hostile_sinks import PAGES

from kennisbank.outputs.security import HEADERS

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    hub = hostile_hub(tmp_path_factory.mktemp("browser-sinks"))
    with checks_switched_off():
        return hub.build()


def diagram_purifier(url: str, message: str) -> bool:
    """Mermaid's DOMPurify parses each label in an inert DOMParser document, which never runs script; Chromium
    still checks the page's CSP when that parser meets the label's onerror= and reports it. Only that report,
    only on the diagram page, is expected; the canary shows nothing ran (with and without the CSP)."""
    return url.endswith("/artikelen/aanval-diagram/") and message.startswith(
        "Executing inline event handler violates the following Content Security Policy directive 'script-src 'self''")


@pytest.mark.parametrize("headers", [HEADERS, {}], ids=["met CSP", "zonder CSP"])
def test_no_hostile_value_runs_redirects_or_loads_elsewhere(hostile_site, headers):
    dialogs: list[str] = []
    errors: list[str] = []
    hosts: set[str] = set()
    with serve(hostile_site.root, headers) as base, browser() as chromium:
        page = chromium.new_page()
        page.add_init_script(OPEN_SHADOW)  # Material draws into closed shadow roots; the test reads them
        page.on("dialog", lambda dialog: (dialogs.append(f"{page.url}: {dialog.message}"), dialog.dismiss()))
        page.on("pageerror", lambda error: errors.append(f"{page.url}: {error}"))
        page.on("console", lambda message: errors.append(f"{page.url}: {message.text}")
                if message.type == "error" and "Failed to load resource" not in message.text
                and not diagram_purifier(page.url, message.text) else None)
        page.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
        for url in PAGES:
            page.goto(base + url, wait_until="load")
            page.wait_for_timeout(300)  # a meta refresh of 0 s or an autofocus handler fires by now
            assert page.url == base + url
            assert page.evaluate("() => window.__pwned") is None, url
            # Material still reads its own configuration, not an element of the content.
            assert page.evaluate("() => JSON.parse(document.querySelector('#__config').textContent).base") \
                in (".", "..", "../..", "../../..", "/")  # 404.html may be served at any depth
        # The hostile diagrams, drawn by Mermaid (strict): HTML in labels is cleaned, click handlers and
        # javascript: links are not made, a diagram's own %%{init}%% cannot loosen it. Click every node.
        # Diagrams that would fetch from evil.example are not drawn at all (hosts, below, proves no request).
        page.goto(base + "artikelen/aanval-diagram/", wait_until="load")
        page.wait_for_function("() => document.querySelectorAll('div.mermaid').length === 6", timeout=30_000)
        assert page.locator("pre.mermaid").count() == 0
        notes = page.locator("div.mermaid").get_by_text("Dit diagram wordt niet getoond: het zou een bestand van "
                                                        "een andere website laden.")
        assert notes.count() == 6 - DIAGRAMS_DRAWN
        assert page.locator("div.mermaid svg").count() == DIAGRAMS_DRAWN
        assert page.locator("div.mermaid img, div.mermaid video, div.mermaid iframe").count() == 0
        # Mermaid keeps the <a> of a 'click … href', but without an address when that is javascript:.
        assert page.locator("div.mermaid a").evaluate_all(
            "links => links.map(a => a.getAttribute('href') || a.getAttribute('xlink:href'))") == [None, None]
        for label in ("Aanvraag", "Besluit", "Klik hier", "Of hier", "Loos", "Klik"):
            page.locator("div.mermaid").get_by_text(label, exact=True).first.click()
            page.wait_for_timeout(100)
        page.locator("div.mermaid").get_by_text("Besluit", exact=True).hover()
        page.wait_for_timeout(300)
        assert page.url == base + "artikelen/aanval-diagram/"
        assert page.evaluate("() => window.__pwned") is None
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
