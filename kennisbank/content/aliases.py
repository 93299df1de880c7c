"""Former places of items (``aliassen``): where redirects go, and which published URLs disappeared.

Officials save links and paste them into memos; moving or renaming an item must
not break them. An item lists its former ``src`` paths; the build writes a
redirect page at each (:mod:`kennisbank.outputs.redirects`). Given the previous
build's ``sitemap.xml``, ``kennisbank check --vorige-site`` warns about every item
URL that is gone without an alias.
"""

from __future__ import annotations

import posixpath
import re
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from .collection.spec import is_section_page, page_path
from .layout import CONTENT_FOLDERS, GENERATED_INDEXES
from .problems import Problem, Severity

if TYPE_CHECKING:
    from .hub import Hub

_LOC = re.compile(r"<loc>\s*([^<\s]+)\s*</loc>")


def url_of(src: str, slugified: bool = True) -> str:
    """The site-relative URL MkDocs gives a page (``use_directory_urls``): ``a/b.md`` → ``a/b/``; a collection
    page's path is slugified first (:func:`.collection.spec.page_path`) unless ``slugified`` is false."""
    src = page_path(src) if slugified else src
    folder, name = posixpath.split(src)
    if is_section_page(name):
        return f"{folder}/" if folder else ""
    return f"{posixpath.splitext(src)[0]}/"


def check_aliases(hub: Hub) -> list[Problem]:
    """An alias may not be a page that exists, nor the alias of another item."""
    problems = []
    pages = set(hub.links) | GENERATED_INDEXES
    owners: dict[str, str] = {}
    for src, item in sorted(hub.items.items()):
        for index, alias in enumerate(getattr(item.meta, "aliassen", [])):
            line, column = item.source.position(("aliassen", index)) if item.source else (1, 1)
            if alias in pages:
                message = f"op '{alias}' staat een pagina; een doorverwijzing kan alleen waar geen pagina meer is"
            elif alias in owners:
                message = f"'{alias}' is al een vroegere plaats van {hub.rel(owners[alias])}"
            else:
                owners[alias] = src
                continue
            problems.append(Problem(hub.rel(src), line, column, "aliassen", message))
    return problems


def disappeared(hub: Hub, sitemap: str, sitemap_path: str, site_url: str) -> list[Problem]:
    """A warning for every item URL of the previous site (its ``sitemap.xml``) that this hub no longer has."""
    base = urlsplit(site_url).path if site_url else "/"
    base = base if base.endswith("/") else base + "/"
    current = {url_of(src) for src in [*hub.items, *hub.drafts]}
    current |= {url_of(alias) for item in hub.items.values() for alias in getattr(item.meta, "aliassen", [])}
    current |= {url_of(src) for src in GENERATED_INDEXES}
    problems = []
    for match in _LOC.finditer(sitemap):
        path = unquote(urlsplit(match.group(1)).path)
        if not path.startswith(base):
            continue
        url = path[len(base):]
        if url.split("/")[0] not in CONTENT_FOLDERS or url in current:
            continue
        line = sitemap.count("\n", 0, match.start()) + 1
        former = url.rstrip("/") + ".md"
        problems.append(Problem(
            sitemap_path, line, 1, "adres",
            f"'{url}' stond op de vorige site en bestaat niet meer; staat het item nu elders, zet dan "
            f"'aliassen: [{former}]' in zijn frontmatter, zodat opgeslagen links blijven werken", Severity.WARNING))
    return problems
