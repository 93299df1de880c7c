"""Browser test harness: Playwright driving Debian's Chromium against a locally served site.

Playwright cannot download its own browser here, so tests use ``/usr/bin/chromium``
(override with ``KENNISBANK_CHROMIUM``). Without it, browser tests skip with a
reason locally; ``tests/conftest.py`` turns any skip into a failure in CI.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import io
import os
import shutil
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("KENNISBANK_CHROMIUM", "/usr/bin/chromium")
# Flags from this machine's notes: no background traffic to Google, no sandbox as root.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def require_chromium() -> None:
    if not (Path(CHROMIUM).is_file() or shutil.which(CHROMIUM)):
        pytest.skip(f"Chromium not found at {CHROMIUM}; install it with 'apt-get install chromium'")


_TEXT = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")
_GZIPPED: dict[str, bytes] = {}


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    extra_headers: dict[str, str] = {}
    log: list[str] | None = None
    delay: Callable[[str], float] | None = None
    compress = False

    def send_head(self):  # type: ignore[no-untyped-def]
        if self.log is not None:
            self.log.append(self.path)
        if self.delay is not None:
            time.sleep(self.delay(self.path))  # one thread per request: only this file arrives late
        if self.compress and "gzip" in self.headers.get("Accept-Encoding", ""):
            path = self.translate_path(self.path)
            if os.path.isdir(path):
                path = os.path.join(path, "index.html")
            if path.endswith(_TEXT) and os.path.isfile(path):
                return self._send_gzipped(path)
        return super().send_head()

    def _send_gzipped(self, path: str) -> io.BytesIO:
        """A text file as hosts send it (gzip, level 6), so a throttled line carries the bytes it would."""
        if path not in _GZIPPED:
            with open(path, "rb") as file:
                _GZIPPED[path] = gzip.compress(file.read(), 6)
        body = _GZIPPED[path]
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def end_headers(self) -> None:
        for name, value in self.extra_headers.items():
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, *args) -> None:  # keep test output readable
        pass


@contextlib.contextmanager
def serve(directory: Path, headers: dict[str, str] | None = None, log: list[str] | None = None,
          delay: Callable[[str], float] | None = None, compress: bool = False) -> Iterator[str]:
    """Serve a built site on a free loopback port; yields the base URL. ``log`` collects the paths asked for
    (a Web Worker's requests too, which the page's DevTools session does not see); ``delay`` gives the
    seconds to hold back the answer to a path, to test another order of arrival; ``compress`` sends text
    files gzipped, as hosts do (for benchmarks on a throttled line)."""
    handler = type("Handler", (_QuietHandler,), {"extra_headers": headers or {}, "log": log, "compress": compress,
                                                 "delay": staticmethod(delay) if delay else None})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def browser() -> Iterator[object]:
    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            yield instance
        finally:
            instance.close()
