"""Redirect pages at the former places of items (``aliassen``, see :mod:`kennisbank.content.aliases`).

A static HTML page with a zero-second refresh and a visible link, as
mkdocs-redirects writes them, but from the items' own frontmatter rather than
a map in ``mkdocs.yml`` (contributors move files; maintainers should not have
to keep a list). No script: the site's CSP forbids inline script, and a
refresh works without JavaScript.
"""

from __future__ import annotations

import html
import posixpath
from collections.abc import Mapping

from ..content.aliases import url_of
from ..index.hub_index import HubIndex
from ..site.pages import GeneratedFile


def redirect_files(hub: HubIndex, urls: Mapping[str, str]) -> list[GeneratedFile]:
    """One ``index.html`` per alias, pointing at the item's current page."""
    files = []
    pages = {url.casefold() for url in urls.values()}
    for src, item in sorted(hub.items.items()):
        target = urls.get(src)
        if target is None:
            continue
        # A collection page also answers at its source path as written (``Eerste Stappen/``), where the
        # source site had it: links and bookmarks from before the collection joined the hub keep working.
        # Not where only the case differs: on a case-insensitive disk the redirect would overwrite the page.
        heres = [url_of(alias) for alias in getattr(item.meta, "aliassen", [])]
        unslugified = url_of(src, slugified=False)
        if unslugified.casefold() != url_of(src).casefold() and unslugified.casefold() not in pages:
            heres.append(unslugified)
        for here in heres:
            href = posixpath.relpath(target.rstrip("/") or ".", here.rstrip("/") or ".") + "/"
            files.append(GeneratedFile(f"{here}index.html", _page(item.title, href)))
    return files


def _page(title: str, href: str) -> str:
    title, href = html.escape(title), html.escape(href)
    return (f'<!doctype html>\n<html lang="nl">\n<head>\n<meta charset="utf-8">\n'
            f"<title>Verplaatst: {title}</title>\n"
            f'<meta name="robots" content="noindex">\n<link rel="canonical" href="{href}">\n'
            f'<meta http-equiv="refresh" content="0; url={href}">\n</head>\n'
            f'<body>\n<p>Deze pagina is verplaatst naar <a href="{href}">{title}</a>.</p>\n</body>\n</html>\n')
