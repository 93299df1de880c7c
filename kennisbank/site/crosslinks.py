"""Sections of an item page that link it to the rest of the hub.

"Gerelateerd" (the related index of :mod:`kennisbank.index.related`, one short list
per group so an article also shows good practices and course material),
"Verwijzingen naar deze pagina" (backlinks) and "Meer in dit thema" (the
neighbours in date order within each of the item's themes). Each section is
``(hub, item) -> Markdown`` and returns "" when it has nothing to show, so no
empty heading is ever rendered.
"""

from __future__ import annotations

from ..content.hub import Item
from ..content.model import ItemType
from ..content.taxonomy import Theme
from ..index.crosslinks import GROUPS
from ..index.hub_index import HubIndex
from .render import render_macro


def related(hub: HubIndex, item: Item) -> list[tuple[str, list[Item]]]:
    """Related items per group (label, items), best first; empty groups left out."""
    if hub.related is None:
        return []
    found = hub.related.of(item.src)
    return [(label, [hub.items[m.name] for m in found[kind]]) for kind, label in GROUPS.items() if kind in found]


def related_section(hub: HubIndex, item: Item) -> str:
    if item.type is ItemType.MODULE:
        return ""  # a module has the Academie's own "Verder lezen" (kennisbank.academie.pages) instead
    groups = related(hub, item)
    return render_macro("related.md.j2", "section", here=item.src, groups=groups) if groups else ""


def backlinks_section(hub: HubIndex, item: Item) -> str:
    sources = hub.backlinks.get(item.src)
    return render_macro("backlinks.md.j2", "section", here=item.src, items=sources) if sources else ""


def theme_neighbours(hub: HubIndex, item: Item) -> list[tuple[Theme, Item | None, Item | None, int]]:
    """Per theme of the item: (theme, older item, newer item, number of items on the theme's page).

    The steps go through the theme's items read alone (a module's page shows only the way to the
    theme); the number is the theme page's own, so the two never disagree.
    """
    rows = []
    for slug in hub.themes(item):
        theme = hub.taxonomy.themes.get(slug)
        entries = hub.chronology.get(slug, [])
        if theme is None or not entries:
            continue
        position = hub.positions[slug].get(item.src)
        if position is None:  # a module: only the way to the theme
            older = newer = None
        elif len(entries) == 1:
            continue  # the item is the theme's only one
        else:
            older = entries[position - 1] if position > 0 else None
            newer = entries[position + 1] if position + 1 < len(entries) else None
        rows.append((theme, older, newer, len(hub.with_theme(slug))))
    return rows


def more_in_theme_section(hub: HubIndex, item: Item) -> str:
    rows = theme_neighbours(hub, item)
    return render_macro("more_in_theme.md.j2", "section", here=item.src, rows=rows) if rows else ""
