"""The preview server of ``kennisbank serve``: MkDocs' live-reload server with production's security headers.

A reviewer previews a pull request with ``kennisbank serve``; without the
Content-Security-Policy that the hosted site sends, anything that slipped past
the checks would run in the reviewer's browser. So every response carries
:data:`kennisbank.outputs.security.HEADERS`, unchanged.

That policy has no ``'unsafe-inline'``, and MkDocs injects its live-reload
script inline into every page. Rather than weaken the policy for the preview
(a nonce or hash would make the preview differ from production, the thing it is
meant to show), the injected tag loads the very same script as a file,
``/livereload.js?epoch=…&request_id=…``, which this server renders from MkDocs'
own template. ``_SCRIPT_TEMPLATE`` and ``_timestamp`` are private names of
MkDocs 1.x (pinned ``<2``); ``tests/test_preview_security.py`` fails if an
upgrade changes them.
"""

from __future__ import annotations

import contextlib
import re
import urllib.parse
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import mkdocs.commands.serve
from mkdocs import livereload

from ..outputs.security import HEADERS

SCRIPT_PATH = "/livereload.js"
"""Where the live-reload script is served; outside any mount path MkDocs serves site files from."""
_NUMBER = re.compile(r"[0-9]{1,20}")


class SecurityHeaders:
    """Mixin for MkDocs' ``LiveReloadServer``: the site's security headers on every response, no inline script."""

    def serve_request(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        def with_headers(status: str, headers: list[tuple[str, str]], *args: Any) -> Any:
            names = {name.lower() for name, _ in headers}
            extra = [(name, value) for name, value in HEADERS.items() if name.lower() not in names]
            return start_response(status, headers + extra, *args)

        if environ.get("PATH_INFO") == SCRIPT_PATH:
            return self._script(environ, with_headers)
        return super().serve_request(environ, with_headers)  # type: ignore[misc]

    def _script(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        query = urllib.parse.parse_qs(environ.get("QUERY_STRING", ""))
        epoch = (query.get("epoch") or [""])[0]
        request_id = (query.get("request_id") or [""])[0]
        if not (_NUMBER.fullmatch(epoch) and _NUMBER.fullmatch(request_id)):
            start_response("400 Bad Request", [("Content-Type", "text/plain; charset=utf-8")])
            return [b"epoch en request_id moeten getallen zijn"]
        script = livereload._SCRIPT_TEMPLATE.substitute(epoch=epoch, request_id=request_id).encode()
        start_response("200 OK", [("Content-Type", "text/javascript; charset=utf-8"),
                                  ("Content-Length", str(len(script))), ("Cache-Control", "no-store")])
        return [script]

    def _inject_js_into_html(self, content: bytes, epoch: int) -> bytes:
        tag = (f'<script src="{SCRIPT_PATH}?epoch={int(epoch)}&amp;request_id={livereload._timestamp()}">'
               "</script>").encode()
        try:
            body_end = content.rindex(b"</body>")
        except ValueError:
            body_end = len(content)
        return content[:body_end] + tag + content[body_end:]


@contextlib.contextmanager
def secure_preview() -> Iterator[None]:
    """Make ``mkdocs.commands.serve.serve`` send the headers while the block runs.

    ``serve()`` constructs the server class it imported by name and has no
    parameter for another, so that name is swapped in its module; the class
    found there (MkDocs' own, or one another context such as
    :func:`kennisbank.mkdocs.preview_errors.error_pages` put there) gets
    :class:`SecurityHeaders` on top, so the pages it makes carry them too.
    """
    module: Any = mkdocs.commands.serve
    original = module.LiveReloadServer
    module.LiveReloadServer = type("SecurePreviewServer", (SecurityHeaders, original), {})
    try:
        yield
    finally:
        module.LiveReloadServer = original
