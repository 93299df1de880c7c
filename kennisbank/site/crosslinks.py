"""Sections of an item page that link it to the rest of the hub.

"Gerelateerd" (the related index of :mod:`kennisbank.index.related`, one short list
per group so an article also shows good practices and course material),
"Verwijzingen naar deze pagina" (backlinks) and "Meer in dit thema" (the
neighbours in date order within each of the item's themes). Each section is
``(hub, item) -> Markdown`` and returns "" when it has nothing to show, so no
empty heading is ever rendered.
"""

from __future__ import annotations

from functools import lru_cache

from ..content.hub import Hub, Item
from ..content.links import backlinks
from ..content.model import ItemType
from ..index.related import Document, IndexConfig, Match, RelatedIndex
from .render import item_themes, render_macro
from ..content.settings import RelatedSettings

GROUPS = {"artikel": "Artikelen", "praktijkvoorbeeld": "Praktijkvoorbeelden", "academie": "Uit de Academie"}
"""Related items are listed per group, in this order."""


def group_of(item: Item) -> str:
    return "academie" if item.type in (ItemType.CURSUS, ItemType.MODULE) else item.type.value


def _document_key(hub: Hub, item: Item) -> tuple:
    """What the related index sees of an item, as a hashable tuple of :class:`Document`'s fields (a cache key).

    A module takes date and networks from its course.
    """
    course = hub.course_of(item) if item.type is ItemType.MODULE else None
    keywords = (
        ("themas", tuple(item_themes(hub, item))),
        ("netwerken", tuple(item.networks or (course.networks if course else ()))),
        ("tags", tuple(item.tags)),
        ("gemeenten", tuple(item.meta_value("gemeenten", ()))),
    )
    # A course and its modules already link to each other in order: one group, never related.
    return item.src, item.date or (course.date if course else None), keywords, group_of(item), item.course or ""


def related_index(hub: Hub) -> RelatedIndex:
    """The hub's related index, built once per loaded hub, and reused while no item's keywords change."""
    index = hub.derived.get("related")
    if index is None:
        documents = tuple(_document_key(hub, item) for item in hub.items.values())
        index = hub.derived["related"] = _index(hub.settings.related, documents)
    return index  # type: ignore[return-value]


@lru_cache(maxsize=1)
def _index(settings: RelatedSettings, documents: tuple) -> RelatedIndex:
    """The index of ``documents`` (as :func:`_document_key` gives them), kept for the next hub with the same ones.

    The preview server loads the hub again after every edit; an edit to a title or a body leaves every
    item's keywords, and so every related list, as it was, and the index keeps the lists it found.
    """
    # Candidates come ranked by their score so far, which is their exact score unless they share a keyword
    # outside its window; two to spare per list is enough (measured on the 10,000-item benchmark hub: mean
    # score of the shown items 54.0, against 54.3 when scoring six per list).
    index = RelatedIndex([IndexConfig(i.name, i.weight, i.cardinality) for i in settings.indices],
                         threshold=settings.threshold, window=settings.window,
                         shortlist=max(5, settings.per_type + 2))
    index.add(*(Document(name, date, dict(keywords), kind, group) for name, date, keywords, kind, group in documents))
    index.finalize()
    return index


def related(hub: Hub, item: Item) -> list[tuple[str, list[Item]]]:
    """Related items per group (label, items), best first; empty groups left out."""
    per_type = hub.settings.related.per_type
    if not per_type:
        return []
    found = _related_lists(hub).get(item.src)
    if found is None:  # a module: not searched with the rest
        found = related_index(hub).search_by_kind(item.src, per_type)
    return [(label, [hub.items[m.name] for m in found[kind]]) for kind, label in GROUPS.items() if kind in found]


def _related_lists(hub: Hub) -> dict[str, dict[str, list[Match]]]:
    """The related lists of every item that shows them, searched all at once when the first is asked for.

    Every item page of a build (and of every preview rebuild) shows its list, so nothing is searched
    in vain, and one pass in the index's own order is cheaper than one search per page.
    """
    cached = hub.derived.get("related_lists")
    if cached is None:
        shown = [item.src for item in hub.items.values() if item.type is not ItemType.MODULE]
        cached = hub.derived["related_lists"] = related_index(hub).search_all_by_kind(
            shown, hub.settings.related.per_type)
    return cached  # type: ignore[return-value]


def related_section(hub: Hub, item: Item) -> str:
    if item.type is ItemType.MODULE:
        return ""  # a module has the Academie's own "Verder lezen" (kennisbank.academie.pages) instead
    groups = related(hub, item)
    return render_macro("related.md.j2", "section", here=item.src, groups=groups) if groups else ""


def backlinks_section(hub: Hub, item: Item) -> str:
    sources = backlinks(hub).get(item.src)
    return render_macro("backlinks.md.j2", "section", here=item.src, items=sources) if sources else ""


def _chronology(hub: Hub) -> dict[str, tuple[list[Item], dict[str, int]]]:
    """Theme → its dated items oldest first, and each item's position there.

    Modules have no date of their own and are reached through their course.
    """
    cached = hub.derived.get("chronology")
    if cached is None:
        lists: dict[str, list[Item]] = {}
        for entry in reversed(hub.newest()):
            if entry.date is not None:
                for theme in entry.themes:
                    lists.setdefault(theme, []).append(entry)
        cached = {theme: (entries, {e.src: i for i, e in enumerate(entries)}) for theme, entries in lists.items()}
        hub.derived["chronology"] = cached
    return cached  # type: ignore[return-value]


def theme_neighbours(hub: Hub, item: Item) -> list[tuple[object, Item | None, Item | None, int]]:
    """Per theme of the item: (theme, older item, newer item, number of dated items in the theme)."""
    chronology = _chronology(hub)
    rows = []
    for slug in item_themes(hub, item):
        theme = hub.taxonomy.themes.get(slug)
        entries, positions = chronology.get(slug, ([], {}))
        if theme is None or not entries:
            continue
        position = positions.get(item.src)
        if position is None:  # a module, in its course's theme: only the way to the theme
            older = newer = None
        elif len(entries) == 1:
            continue  # the item is the theme's only one
        else:
            older = entries[position - 1] if position > 0 else None
            newer = entries[position + 1] if position + 1 < len(entries) else None
        rows.append((theme, older, newer, len(entries)))
    return rows


def more_in_theme_section(hub: Hub, item: Item) -> str:
    rows = theme_neighbours(hub, item)
    return render_macro("more_in_theme.md.j2", "section", here=item.src, rows=rows) if rows else ""
