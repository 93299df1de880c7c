"""Hostile pages in a real browser: no dialog, no script output, no request to another host.

The site is built with the content checks switched off, so the sanitizer alone must hold. Every element of
the content is hovered, focused and clicked (navigation prevented) to fire any handler that survived.
"""

import re
from urllib.parse import urlsplit

import pytest
from browser import browser, serve
from hostile import INERT, REJECTED, checks_switched_off, hostile_project
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CORPUS = REJECTED + INERT
PROVOKE = """() => {
    document.addEventListener("click", event => event.preventDefault(), true);
    const content = document.querySelector("article.md-content__inner");
    let count = 0;
    for (const element of content.querySelectorAll("*")) {
        for (const type of ["mouseover", "mouseenter", "mousemove", "focus", "focusin", "click", "toggle"]) {
            element.dispatchEvent(new Event(type, {bubbles: true}));
        }
        if (typeof element.focus === "function") element.focus();
        count++;
    }
    return count;
}"""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    hub = hostile_project(tmp_path_factory.mktemp("browser"), CORPUS)
    with checks_switched_off():
        return hub.build()


def test_no_payload_runs_in_the_browser(hostile_site):
    dialogs: list[str] = []
    messages: list[str] = []
    hosts: set[str] = set()
    with serve(hostile_site.root) as base, browser() as chromium:
        page = chromium.new_page()
        page.on("dialog", lambda dialog: (dialogs.append(f"{page.url}: {dialog.message}"), dialog.dismiss()))
        page.on("console", lambda message: messages.append(f"{page.url}: {message.type}: {message.text}"))
        page.on("pageerror", lambda error: messages.append(f"{page.url}: pageerror: {error}"))
        page.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
        provoked = 0
        for index in range(len(CORPUS)):
            page.goto(f"{base}artikelen/aanval-{index:03d}/", wait_until="load")
            provoked += page.evaluate(PROVOKE)
            assert page.url.startswith(f"{base}artikelen/aanval-{index:03d}/"), CORPUS[index]
        # Search renders page text as results: payload text must stay text there too.
        search = page.locator("input.md-search__input")
        search.click()
        # Material sends queries only once its search worker said it is ready (ours at once; Material's
        # own, without the sharded index, after building its index: on a busy machine that takes a while).
        meta = page.locator(".md-search-result__meta")
        expect(meta).to_have_text(re.compile("Typ om te beginnen"), timeout=120_000)
        found = 0
        for query in ("XSS", "alert", "script"):
            search.fill("")
            page.keyboard.type(query)  # Material searches on key events, not on a programmatic fill
            # Our worker's answer with results (the box's entries are counted below).
            expect(meta).to_have_text(re.compile("Beste resultaten"), timeout=60_000)
            found += page.locator(".md-search-result__item").count()
            provoked += page.evaluate(PROVOKE.replace('"article.md-content__inner"', '".md-search-result"'))
    assert provoked > len(CORPUS) * 5
    assert found > 0, "search found none of the payload pages, so their rendering in results was not tested"
    assert dialogs == []
    # Images with a broken address may log a failed load; nothing else may reach the console.
    assert [m for m in messages if "Failed to load resource" not in m] == []
    assert hosts == {urlsplit(base).netloc}
