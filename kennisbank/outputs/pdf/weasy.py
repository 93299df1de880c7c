"""WeasyPrint as every PDF renders with it: the print stylesheet, the fonts, and a fetcher confined to the site.

Shared by the one-piece render (:mod:`.engine`) and the render in parts (:mod:`.parts`),
so that both lay out a page the same way.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from types import ModuleType
from urllib.parse import unquote, urlsplit

from . import patches

STYLESHEET = Path(__file__).with_name("print.css")


@lru_cache(maxsize=1)
def load() -> ModuleType:
    """WeasyPrint, imported (once per process) and patched (:mod:`.patches`): every render starts here.

    Imported only when something is to be rendered, so a build that reuses every
    PDF from the store never pays for it.
    """
    try:
        with _libraries_by_soname():
            import weasyprint
    except OSError:
        # A system whose libraries go by none of the sonames WeasyPrint lists: let it search as it would.
        import weasyprint
    patches.apply()
    return weasyprint


@contextmanager
def _libraries_by_soname() -> Iterator[None]:
    """On Linux, no compiler or linker runs to find the libraries WeasyPrint loads.

    WeasyPrint tries several names per library (Windows, macOS, Linux) through
    cffi, which for every name that does not load at once asks
    ``ctypes.util.find_library``: on Linux that runs ldconfig, gcc and ld, about
    200 processes per import (WeasyPrint issue #1125), 0.14 s of CPU and more
    wall time than the import itself. Every list also holds the library's Linux
    soname (``libpango-1.0.so.0``), which the dynamic loader finds directly, and
    that is also the name ``find_library`` would have returned.
    """
    if not sys.platform.startswith("linux"):
        yield
        return
    import ctypes.util

    search = ctypes.util.find_library
    ctypes.util.find_library = lambda name: None
    try:
        yield
    finally:
        ctypes.util.find_library = search


def site_only_fetcher(site_dir: Path):
    """A WeasyPrint URL fetcher that reads files below the site and nothing else.

    Building a PDF must not reach the network (a contributor's remote image
    would make the build depend on, and leak to, a third party), nor read
    files outside the built site.
    """
    load()
    from weasyprint.urls import URLFetcher

    root = site_dir.resolve()

    class SiteOnly(URLFetcher):
        def fetch(self, url, headers=None):
            parts = urlsplit(url)
            allowed = parts.scheme == "data"
            if parts.scheme == "file":
                path = Path(unquote(parts.path)).resolve()
                allowed = path == root or root in path.parents or path == STYLESHEET.resolve()
            if not allowed:
                raise ValueError(f"niet toegestaan buiten de site: {url}")
            return super().fetch(url, headers)

    return SiteOnly(allowed_protocols=("file", "data"), allow_redirects=False)


@lru_cache(maxsize=1)
def stylesheets() -> tuple:
    """print.css and Pygments' own colours for highlighted code (Material's come from its screen CSS).

    Parsed once per process: a worker renders many PDFs with the same sheets,
    and WeasyPrint only reads a parsed ``CSS`` while rendering.
    """
    from pygments.formatters import HtmlFormatter

    weasyprint = load()
    return (weasyprint.CSS(filename=str(STYLESHEET)),
            weasyprint.CSS(string=HtmlFormatter(style="default").get_style_defs(".highlight")))


@lru_cache(maxsize=1)
def font_config(pid: int):
    """One Fontconfig/Pango font configuration per process, shared by its PDFs.

    WeasyPrint otherwise loads the system's fonts anew for every document and
    starts with cold Pango font caches. Keyed by process id so that a forked
    worker never uses the GLib objects of its parent. Safe to share because
    print.css has no ``@font-face`` (the only thing that adds to a configuration).
    """
    load()
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()
