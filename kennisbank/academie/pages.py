"""The VNG Academie in the site: catalogue page and the course parts of item pages.

Progress and filters run in the browser (``docs/javascripts/academie.js``).
The Markdown made here is a complete document without JavaScript, and tells
the script what it needs through classes and links only (module links are the
progress keys, facet classes the filter values): no form controls and no
``data-`` attributes, so the pages pass an HTML sanitizer unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations
from math import comb

from ..content.hub import Item
from ..content.model import Doelgroep, ItemType, Niveau
from ..content.taxonomy import Theme
from ..index.hub_index import HubIndex
from ..index.reading import ReadingIndex
from ..site.pages import GeneratedPage
from ..site.render import render, render_macro

CATALOGUE = f"{ItemType.CURSUS.folder}/index.md"
FURTHER_READING = 4
"""How many knowledge items a module suggests: a few good leads, not a second index."""
SUBSET_LOOKUPS = 300
"""Above this many theme subsets (a module with ten or more themes) "Verder lezen" counts instead."""

DURATIONS = (
    ("kort", "korter dan 2 uur", 0, 120),
    ("middel", "2 tot 4 uur", 120, 240),
    ("lang", "4 uur of langer", 240, None),
)
"""Duration classes of the catalogue filter: key, label, from (inclusive), to (exclusive)."""


def duration_class(minutes: int) -> str:
    """The catalogue's duration class of a course: ``kort``, ``middel`` or ``lang``."""
    for key, _, low, high in DURATIONS:
        if minutes >= low and (high is None or minutes < high):
            return key
    raise ValueError(minutes)  # unreachable: the classes cover every length


@dataclass(frozen=True)
class CatalogueEntry:
    """One course on the catalogue, with its facets as ``(value, order)`` pairs.

    The order is the value's place in its closed list (enum or taxonomy), so
    the browser can list filter choices in that order.
    """

    item: Item
    modules: list[Item]
    audiences: list[tuple[Doelgroep, int]]
    level: tuple[Niveau, int]
    duration: tuple[str, int, str]
    """Duration class: key, order, label."""
    themes: list[tuple[Theme, int]]


def catalogue_pages(hub: HubIndex) -> list[GeneratedPage]:
    """``academie/index.md``: the "Opleidingsaanbod" with every course."""
    theme_order = {slug: n for n, slug in enumerate(hub.taxonomy.themes)}
    audience_order = {d: n for n, d in enumerate(Doelgroep)}
    level_order = {n: i for i, n in enumerate(Niveau)}
    durations = {key: (key, n, label) for n, (key, label, _, _) in enumerate(DURATIONS)}
    courses = sorted(hub.of_type(ItemType.CURSUS), key=lambda c: (c.title.lower(), c.slug))
    entries = [
        CatalogueEntry(
            item=c,
            modules=hub.course_modules(c.course or ""),
            audiences=[(d, audience_order[d]) for d in c.course_meta.doelgroep],
            level=(c.course_meta.niveau, level_order[c.course_meta.niveau]),
            duration=durations[duration_class(c.course_meta.duur_minuten)],
            themes=[(hub.taxonomy.themes[t], theme_order[t]) for t in c.themes if t in hub.taxonomy.themes],
        )
        for c in courses
    ]
    markdown = render("academie/catalogue.md.j2", here=CATALOGUE, courses=entries)
    return [GeneratedPage(CATALOGUE, markdown, f"docs/{ItemType.CURSUS.folder}/")]


def learning_path(hub: HubIndex, item: Item) -> str:
    """After a course: its modules with progress; after a module: "afgerond" and the pager."""
    if item.type is ItemType.CURSUS:
        modules = hub.course_modules(item.course or "")
        if not modules:
            return ""  # a published course without modules fails validation; nothing to show
        return render("academie/course.md.j2", here=item.src, modules=modules)
    if item.type is ItemType.MODULE:
        course = hub.course_of(item)
        modules = hub.course_modules(item.course or "")
        if course is None or item not in modules:
            return ""
        place = modules.index(item)
        return render("academie/module.md.j2", here=item.src, item=item, course=course,
                      previous=modules[place - 1] if place > 0 else None,
                      next=modules[place + 1] if place + 1 < len(modules) else None)
    return ""


def further_reading(hub: HubIndex, item: Item) -> str:
    """"Verder lezen" under a module: the newest knowledge items that share its themes."""
    if item.type is not ItemType.MODULE:
        return ""
    items = reading_list(hub, item)
    if not items:
        return ""
    return render_macro("academie/further_reading.md.j2", "section", here=item.src, items=items)


def reading_list(hub: HubIndex, module: Item, limit: int = FURTHER_READING) -> list[Item]:
    """Articles and good practices sharing the module's themes: most shared themes first, then newest.

    Deliberately simple (the general "related items" index is another feature):
    a module's themes are few and chosen by the course author, so overlap is a
    good enough signal here.
    """
    index = hub.reading
    themes = sorted({t for t in hub.themes(module) if t in index.by_theme})
    if limit <= 0 or not themes:
        return []
    widest = min(len(themes), index.widest)
    if sum(comb(len(themes), size) for size in range(1, widest + 1)) > SUBSET_LOOKUPS:
        return _reading_list_by_counting(index, themes, limit)
    # Level by level, from the most shared themes down. The items listed under a set of `size` of the
    # module's themes share at least `size` of them; any that share more were all chosen at an earlier
    # level (else the list would be full), so a level needs only the newest few not yet chosen of each
    # set. Cost per module: a few items per subset of its themes, whatever the size of the hub.
    chosen: dict[int, Item] = {}
    for size in range(widest, 0, -1):
        wanted = limit - len(chosen)
        level: dict[int, Item] = {}
        for subset in combinations(themes, size):
            taken = 0
            for rank, item in index.by_themes.get(frozenset(subset), ()):
                if taken == wanted:
                    break
                if rank not in chosen:
                    level[rank] = item
                    taken += 1
        chosen.update((rank, level[rank]) for rank in sorted(level)[:wanted])  # rank order = newest first
        if len(chosen) == limit:
            break
    return list(chosen.values())


def _reading_list_by_counting(index: ReadingIndex, themes: list[str], limit: int) -> list[Item]:
    """The same list by counting shared themes over every item of the module's themes.

    Used for a module with so many themes that looking up every subset would cost more; the
    reference the level-by-level search is tested against.
    """
    shared: dict[int, list] = {}
    for theme in themes:
        for rank, item in index.by_theme.get(theme, []):
            shared.setdefault(rank, [0, item])[0] += 1
    # Rank is the place in the index's newest-first list of reading items, ties by slug, so builds are reproducible.
    best = sorted(shared.items(), key=lambda entry: (-entry[1][0], entry[0]))[:limit]
    return [item for _, (_, item) in best]
