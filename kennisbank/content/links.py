"""Links between pages, found in the Markdown source: broken item links (backlinks: :mod:`kennisbank.index`).

The links come from :func:`kennisbank.content.markup.scan` (code blocks and code spans
masked, line and column kept), so a link to an item that does not exist is
reported at its place in the file, during loading: ``kennisbank check`` finds
it without building. MkDocs would report it too, but only as a build warning
without a line number or a suggestion.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from .collection.spec import collection_of
from .layout import CONTENT_FOLDERS, GENERATED_INDEXES
from .markup import Markup, Reference, scan, url_scheme
from .problems import Problem, Severity, suggest
from .published import is_mdx, is_page
from .text import link

if TYPE_CHECKING:  # hub imports this module
    from .hub import Hub


def page_links(markup: Markup) -> list[Reference]:
    """The links of one scanned body: Markdown links and raw ``<a href>``, in source order."""
    found = [r for r in markup.references if r.kind == "link"]
    found += [Reference("link", tag.get("href") or "", "", tag.line, tag.column)
              for tag in markup.tags if tag.name == "a" and tag.get("href")]
    # MDX's <Link to> (html.parser's lower case): collection.dialects makes it a Markdown link.
    found += [Reference("link", tag.get("to") or "", "", tag.line, tag.column)
              for tag in markup.tags if tag.name == "link" and tag.get("to")]
    return sorted(found, key=lambda r: (r.line, r.column))


def markdown_links(body: str, first_line: int = 1) -> Iterator[tuple[int, int, str]]:
    """``(line, column, target)`` of every link in a Markdown body, code ignored."""
    for ref in page_links(scan(body, first_line)):
        yield ref.line, ref.column, ref.url


def target_of(src: str, url: str) -> str | None:
    """The ``src`` a relative link points at (``../artikelen/x.md#kop`` → ``artikelen/x.md``), else None.

    External links, in-page anchors, site-absolute paths and links leaving
    ``docs/`` give None: other checks (and MkDocs) deal with those.
    """
    return target_from_folder(src.rpartition("/")[0], url)


@lru_cache(maxsize=1 << 16)
def target_from_folder(folder: str, url: str) -> str | None:
    """:func:`target_of` for a link on any page in ``folder``."""
    # Per folder, not per page: the items of a folder link to one another with the same URLs.
    if not url or url.startswith(("#", "/")) or url_scheme(url):
        return None
    path = unquote(urlsplit(url).path if "?" in url or "#" in url else url)  # (no scheme, checked above)
    if not path:
        return None
    target = posixpath.normpath(posixpath.join(folder, path))
    return None if target == ".." or target.startswith("../") else target


def check_links(hub: Hub) -> list[Problem]:
    """A link to an item page that is not a published item is an error, with 'bedoelde je …?'."""
    problems = []
    pages = set(hub.items) | GENERATED_INDEXES
    on_disk = None
    for src, refs in sorted(hub.links.items()):
        for ref in refs:
            resolved = hub.resolve(src, ref.url)
            if resolved is not None and resolved.target is None:
                # Form: a lenient build publishes the page with the link as plain text (kennisbank.publish).
                problems.append(Problem(hub.rel(src), ref.line, ref.column, "link", resolved.message or "",
                                        Severity.FORM))
                continue
            target = resolved.target if resolved is not None else target_of(src, ref.url)
            if target is None or not is_page(target) or target in pages:
                continue
            if target.split("/")[0] not in CONTENT_FOLDERS:
                continue  # an ordinary page or a generated one: MkDocs checks those
            if target in hub.drafts:
                if src in hub.drafts:
                    continue  # neither page is published, so the link cannot break
                message = (f"'{ref.url}' verwijst naar een concept; dat wordt niet gepubliceerd. "
                           "Verwijder de link of publiceer het item eerst (status: gepubliceerd)")
            else:
                if on_disk is None:
                    on_disk = _pages_on_disk(hub)
                if target in on_disk:
                    continue  # the file exists but did not load; its own problems say why
                candidates = sorted(link(src, other) for other in pages)
                message = (f"'{ref.url}' verwijst naar een item dat niet bestaat (gezocht: docs/{target})"
                           + suggest(ref.url.split("#")[0], candidates))
            # Form: a lenient build publishes the page with the link as plain text (kennisbank.publish).
            problems.append(Problem(hub.rel(src), ref.line, ref.column, "link", message, Severity.FORM))
    return problems


def _pages_on_disk(hub: Hub) -> set[str]:
    found = [*hub.docs_dir.rglob("*.md"), *hub.docs_dir.rglob("*.mdx")]
    return {p.relative_to(hub.docs_dir).as_posix() for p in found}


def converts_mdx(hub: Hub, src: str) -> bool:
    """Whether ``src`` is read as Docusaurus/MDX (collection.dialects): its ``dialect``, or an ``.mdx`` file."""
    collection = hub.collections.get(collection_of(src) or "")
    return collection is not None and (collection.spec.dialect == "docusaurus" or is_mdx(src))
