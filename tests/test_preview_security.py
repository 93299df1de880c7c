"""`kennisbank serve` sends production's security headers, and its live reload works under that policy.

A reviewer previews a pull request with `kennisbank serve`: the preview must be as strict as the hosted
site, or whatever slipped past the checks runs in the reviewer's browser.
"""

import contextlib
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser import browser
from sitebuilder import article, project

from kennisbank.outputs.security import HEADERS

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>", re.IGNORECASE)
RELOAD_TAG = re.compile(r'<script src="/livereload\.js\?epoch=([0-9]+)&amp;request_id=([0-9]+)"></script>')


@contextlib.contextmanager
def served(root: Path) -> Iterator[str]:
    """`kennisbank serve` on a free port in ``root``; yields the base URL once the server answers."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    process = subprocess.Popen([str(Path(sys.executable).parent / "kennisbank"), "serve", "-a", f"127.0.0.1:{port}"],
                               cwd=root, env={**os.environ, "KENNISBANK_PDF": "false"},
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 180
        while True:
            try:
                with urllib.request.urlopen(base, timeout=10):
                    break
            except urllib.error.HTTPError:
                break  # the server answers (the preview's error page is a 503)
            except (urllib.error.URLError, ConnectionError):
                assert process.poll() is None and time.monotonic() < deadline, "serve did not start"
                time.sleep(0.3)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)


def fetch(url: str) -> tuple[int, dict[str, str], bytes]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, dict(response.headers.items()), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers.items()), error.read()


@pytest.fixture(scope="module")
def preview(tmp_path_factory):
    hub = project(tmp_path_factory.mktemp("preview"), {"artikelen/een.md": article("Een", body="Eerste versie.\n")})
    with served(hub.root) as base:
        yield hub, base


@pytest.mark.parametrize("path", ["artikelen/een/", "stylesheets/kennisbank.css", "bestaat-niet/",
                                  "livereload.js?epoch=1&request_id=2"])
def test_every_response_carries_the_production_headers(preview, path):
    _, base = preview
    status, headers, _ = fetch(base + path)
    assert status == (404 if path == "bestaat-niet/" else 200)
    assert {name: headers.get(name) for name in HEADERS} == HEADERS


def test_preview_pages_hold_no_inline_script(preview):
    _, base = preview
    _, _, body = fetch(base + "artikelen/een/")
    page = body.decode("utf-8")
    assert INLINE_SCRIPT.findall(page) == []
    assert len(RELOAD_TAG.findall(page)) == 1


def test_live_reload_script_is_mkdocs_own_served_as_a_file(preview):
    _, base = preview
    status, headers, body = fetch(base + "livereload.js?epoch=17&request_id=42")
    assert status == 200 and headers["Content-Type"] == "text/javascript; charset=utf-8"
    script = body.decode("utf-8")
    assert 'req.open("GET", "/livereload/" + epoch + "/" + requestId);' in script
    assert script.rstrip().endswith("livereload(17, 42);")
    status, _, body = fetch(base + "livereload.js?epoch=1);alert(1);//&request_id=2")
    assert status == 400 and body == b"epoch en request_id moeten getallen zijn"


@pytest.mark.browser
def test_live_reload_works_under_the_policy(preview):
    hub, base = preview
    problems: list[str] = []
    with browser() as chromium:
        page = chromium.new_page()
        page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
        page.on("pageerror", lambda error: problems.append(str(error)))
        page.goto(base + "artikelen/een/", wait_until="load")
        assert "Eerste versie." in page.inner_text("article")
        # The reload script polls once the page has loaded; give it the moment to start.
        page.wait_for_timeout(500)
        with page.expect_navigation(timeout=120_000):
            (hub.docs / "artikelen" / "een.md").write_text(article("Een", body="Tweede versie.\n"), encoding="utf-8")
        page.wait_for_load_state("load")
        assert "Tweede versie." in page.inner_text("article")
    assert problems == []


def test_error_page_of_the_preview_carries_the_headers_too(tmp_path):
    """While content has errors the preview answers with a page listing them (preview_errors.py): same policy."""
    hub = project(tmp_path, {"artikelen/kapot.md": article("Kapot", type="onbekend")})
    with served(hub.root) as base:
        status, headers, body = fetch(base + "artikelen/kapot/")
    page = body.decode("utf-8")
    assert status == 503 and "De kennisbank bevat 1 fout" in page
    assert {name: headers.get(name) for name in HEADERS} == HEADERS
    assert INLINE_SCRIPT.findall(page) == [] and len(RELOAD_TAG.findall(page)) == 1
