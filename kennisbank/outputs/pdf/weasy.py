"""WeasyPrint as every PDF renders with it: the print stylesheet, the fonts, and a fetcher confined to the site.

Shared by the one-piece render (:mod:`.engine`) and the render in parts (:mod:`.parts`),
so that both lay out a page the same way.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

STYLESHEET = Path(__file__).with_name("print.css")


def site_only_fetcher(site_dir: Path):
    """A WeasyPrint URL fetcher that reads files below the site and nothing else.

    Building a PDF must not reach the network (a contributor's remote image
    would make the build depend on, and leak to, a third party), nor read
    files outside the built site.
    """
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
    import weasyprint
    from pygments.formatters import HtmlFormatter

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
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()
