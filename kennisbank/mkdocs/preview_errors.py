"""``kennisbank serve`` while content has errors: a Dutch page listing them, instead of a server that hangs.

MkDocs' preview server waits for a successful build before it answers: after a failed rebuild every request
hangs ("The server will appear stuck until build errors are resolved"), and when the first build fails it
does not start at all. A contributor previewing a change sees nothing and no reason. Here a build that fails
on content errors is recorded instead of raised; while such errors exist every page request is answered with
a page listing them (``pad:regel:kolom: veld: melding``), which reloads itself when the files are fixed.

A request the server cannot map to a file, such as a path with ``%00``, gets a 404 instead of a traceback.
"""

from __future__ import annotations

import contextlib
import html
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import mkdocs.commands.serve
from mkdocs import livereload
from mkdocs.exceptions import Abort

from ..content.problems import Problem


class ContentErrors:
    """The errors of the last build, shared by the builder (which writes) and the server threads (which read)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._problems: list[Problem] = []

    def set(self, problems: list[Problem]) -> None:
        with self._lock:
            self._problems = list(problems)

    def get(self) -> list[Problem]:
        with self._lock:
            return list(self._problems)


ERRORS = ContentErrors()
"""Set by :meth:`kennisbank.mkdocs.events.Build.pre_build` when it stops a build for content errors."""


def error_page(problems: list[Problem]) -> bytes:
    """A plain Dutch page with every error; no theme, since the theme's files may not have been built."""
    count = len(problems)
    items = "\n".join(f"<li><code>{html.escape(str(problem))}</code></li>" for problem in problems)
    return (
        '<!doctype html>\n<html lang="nl">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        "<title>De kennisbank bevat fouten</title>\n</head>\n<body>\n<main>\n"
        f"<h1>De kennisbank bevat {count} {'fout' if count == 1 else 'fouten'}</h1>\n"
        "<p>Herstel deze en sla het bestand op; deze pagina laadt dan vanzelf opnieuw.</p>\n"
        f"<ul>\n{items}\n</ul>\n</main>\n</body>\n</html>\n"
    ).encode()


class ErrorPages:
    """Mixin for MkDocs' ``LiveReloadServer``: the error page while content has errors, 404 for a NUL byte."""

    def _serve_request(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes] | None:
        path = environ.get("PATH_INFO", "")
        if "\0" in path:
            return None  # MkDocs would open() it and print a ValueError's traceback
        problems = ERRORS.get()
        if problems and not path.startswith("/livereload/") and _is_page(path):
            epoch = self._visible_epoch  # type: ignore[attr-defined]
            content = self._inject_js_into_html(error_page(problems), epoch)  # type: ignore[attr-defined]
            start_response("503 Service Unavailable", [("Content-Type", "text/html; charset=utf-8"),
                                                       ("Content-Length", str(len(content)))])
            return [content]
        return super()._serve_request(environ, start_response)  # type: ignore[misc]


class ErrorPageServer(ErrorPages, livereload.LiveReloadServer):
    """The preview server of ``kennisbank serve``."""


def _is_page(path: str) -> bool:
    last = path.rsplit("/", 1)[-1]
    return path.endswith("/") or last.endswith(".html") or "." not in last


def _recording(build: Callable[..., None]) -> Callable[..., None]:
    """``build`` that records content errors in :data:`ERRORS` instead of raising them; other failures raise."""

    def build_and_record(config: Any, **kwargs: Any) -> None:
        ERRORS.set([])
        try:
            build(config, **kwargs)
        except Abort:
            if not ERRORS.get():
                raise
            # The errors were logged by the build; the server shows them and the next save rebuilds.

    return build_and_record


@contextlib.contextmanager
def error_pages() -> Iterator[None]:
    """Make ``mkdocs.commands.serve.serve`` build and serve as described above while the block runs.

    ``serve()`` calls the ``build`` and constructs the ``LiveReloadServer`` it imported by name and has no
    parameter for either, so both names are swapped in its module for the duration.
    """
    module: Any = mkdocs.commands.serve
    original = module.build, module.LiveReloadServer
    module.build, module.LiveReloadServer = _recording(original[0]), ErrorPageServer
    try:
        yield
    finally:
        module.build, module.LiveReloadServer = original
        ERRORS.set([])
