"""The parts of a collection page: where it comes from (licence), its own fields and its section tree.

The section tree is bounded: the path up to the collection's start page, the
pages beside this one and the sections below it, at most :data:`MAX_ENTRIES`
of each, so a page's size does not grow with the collection (the global
navigation stays short for the same reason, see README).
"""

from __future__ import annotations

import posixpath
from typing import Any

from ..content.collection.spec import is_section_page
from ..content.hub import Item
from ..content.layout import COLLECTIONS_FOLDER
from ..content.text import html_text, link
from ..index.hub_index import HubIndex
from ..index.hub_index import section_page as section_page_of
from .blocks import BLOCKS

MAX_ENTRIES = 25
"""Pages and sections listed per group in a page's section tree."""


def origin_section(hub: HubIndex, item: Item) -> str:
    """'Uit de collectie … van …; licentie …; bron' above the body of every page of a collection."""
    collection = hub.hub.collections.get(item.collection or "")
    if collection is None:
        return ""
    spec = collection.spec
    source = f' · <a href="{html_text(spec.bron)}">Bron</a>' if spec.bron else ""
    home = section_page(hub, collection.folder)
    name = html_text(spec.naam)
    if home is not None and home.src != item.src:
        name = f'<a href="{link(item.src, home.src)}">{name}</a>'
    properties = _properties(item, list(spec.toon_velden))
    return BLOCKS.add(f'<p class="kb-collection">Uit de collectie {name} van {html_text(spec.organisatie)} · '
                      f"Licentie: {html_text(spec.licentie)}{source}</p>" + properties)


def tree_section(hub: HubIndex, item: Item) -> str:
    """The page's place in its collection: path, pages beside it and sections below it (bounded)."""
    if item.collection is None:
        return ""
    folders = hub.collection_folders
    folder = posixpath.dirname(item.src)
    is_index = is_section_page(item.src)
    here = folder
    pages = [i for i in folders.get(here, []) if i.src != item.src and not is_section_page(i.src)]
    below = sorted((f for f in folders if posixpath.dirname(f) == here and f != here), key=str.lower)
    sections = [s for s in (section_page(hub, f) for f in below) if s is not None]
    if not pages and not sections:
        return ""
    parts = ['<nav class="kb-collection-tree" aria-label="In deze collectie" data-search-exclude>',
             "<h2>In deze collectie</h2>"]
    parts += _group("Secties", sections, item)
    parts += _group("Pagina's hier" if is_index else "Ook in deze sectie", pages, item)
    parts.append("</nav>")
    return BLOCKS.add("\n".join(parts))


def _group(label: str, items: list[Item], here: Item) -> list[str]:
    if not items:
        return []
    shown = sorted(items, key=lambda i: i.title.lower())[:MAX_ENTRIES]
    lines = [f"<h3>{label}</h3>", "<ul>"]
    lines += [f'<li><a href="{link(here.src, i.src)}">{html_text(i.title)}</a></li>' for i in shown]
    lines.append("</ul>")
    if len(items) > len(shown):
        lines.append(f"<p>En nog {len(items) - len(shown)} andere pagina's.</p>")
    return lines


def _properties(item: Item, names: list[str]) -> str:
    rows = [(name, item.source_fields[name]) for name in names if name in item.source_fields]
    if not rows:
        return ""
    cells = "".join(f"<tr><th scope=\"row\">{html_text(name)}</th><td>{html_text(field_text(value))}</td></tr>"
                    for name, value in rows)
    return f'<table class="kb-collection-fields"><caption>Eigenschappen</caption><tbody>{cells}</tbody></table>'


def field_text(value: Any) -> str:
    """A source field's value as one line of text, whatever its YAML shape."""
    if isinstance(value, (list, tuple)):
        return ", ".join(field_text(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {field_text(v)}" for k, v in value.items())
    return str(value)


def section_page(hub: HubIndex, folder: str) -> Item | None:
    """The section page of a collection folder (its index or README page), if it has one."""
    return section_page_of(hub.items, folder)


def collection_parent(hub: HubIndex, item: Item) -> str | None:
    """The nearest section page above ``item`` in its collection (for breadcrumbs), or None at the top."""
    root = f"{COLLECTIONS_FOLDER}/{item.collection}"
    folder = posixpath.dirname(item.src)
    if is_section_page(item.src):
        if folder == root:
            return None
        folder = posixpath.dirname(folder)
    while True:
        index = section_page(hub, folder)
        if index is not None:
            return index.src
        if folder == root or "/" not in folder:
            return None
        folder = posixpath.dirname(folder)
