"""The VNG Academie in the site: catalogue page and the course parts of item pages.

Progress and filters run in the browser (``docs/javascripts/academie.js``);
the Markdown made here carries what the script needs as ``data-`` attributes
(module keys, filter values) and stays complete without JavaScript.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..hub import Hub, Item
from ..model import Doelgroep, ItemType, Niveau
from ..pages import GeneratedPage
from ..render import item_themes, render

CATALOGUE = f"{ItemType.CURSUS.folder}/index.md"
FURTHER_READING = 4
"""How many knowledge items a module suggests: a few good leads, not a second index."""
READING_TYPES = (ItemType.ARTIKEL, ItemType.PRAKTIJKVOORBEELD)

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


def progress_keys(modules: list[Item]) -> str:
    """Space-separated module keys, as ``academie.js`` stores them in localStorage."""
    return " ".join(m.slug for m in modules)


@dataclass(frozen=True)
class Filter:
    key: str
    label: str
    all: str
    choices: list[tuple[str, str]]


@dataclass(frozen=True)
class CatalogueEntry:
    item: Item
    modules: list[Item]
    themes: list[object]

    @property
    def doelgroep(self) -> str:
        return " ".join(d.value for d in self.item.meta.doelgroep)

    @property
    def audience(self) -> str:
        return ", ".join(d.value for d in self.item.meta.doelgroep).capitalize()

    @property
    def niveau(self) -> str:
        return self.item.meta.niveau.value

    @property
    def level(self) -> str:
        return self.niveau.capitalize()

    @property
    def themas(self) -> str:
        return " ".join(self.item.themes)

    @property
    def duur(self) -> str:
        return duration_class(self.item.meta.duur_minuten)

    @property
    def keys(self) -> str:
        return progress_keys(self.modules)


def catalogue_pages(hub: Hub) -> list[GeneratedPage]:
    """``academie/index.md``: the "Opleidingsaanbod" with every course and its filters."""
    tax = hub.taxonomy
    courses = sorted(hub.of_type(ItemType.CURSUS), key=lambda c: (c.title.lower(), c.slug))
    entries = [CatalogueEntry(c, hub.modules(c.course or ""), [tax.themes[t] for t in c.themes if t in tax.themes])
               for c in courses]
    audiences = {d for c in courses for d in c.meta.doelgroep}
    levels = {c.meta.niveau for c in courses}
    themes = {t for c in courses for t in c.themes}
    durations = {duration_class(c.meta.duur_minuten) for c in courses}
    filters = [
        Filter("doelgroep", "Doelgroep", "Alle doelgroepen",
               [(d.value, d.value.capitalize()) for d in Doelgroep if d in audiences]),
        Filter("niveau", "Niveau", "Alle niveaus", [(n.value, n.value.capitalize()) for n in Niveau if n in levels]),
        Filter("thema", "Thema", "Alle thema's", [(t.slug, t.naam) for t in tax.themes.values() if t.slug in themes]),
        Filter("duur", "Studieduur", "Elke studieduur",
               [(key, label.capitalize()) for key, label, _, _ in DURATIONS if key in durations]),
    ]
    markdown = render("academie/catalogue.md.j2", here=CATALOGUE, courses=entries, filters=filters)
    return [GeneratedPage(CATALOGUE, markdown, f"docs/{ItemType.CURSUS.folder}/")]


def learning_path(hub: Hub, item: Item) -> str:
    """After a course: its modules with progress; after a module: "afgerond" and the pager."""
    if item.type is ItemType.CURSUS:
        modules = hub.modules(item.course or "")
        if not modules:
            return ""  # a published course without modules fails validation; nothing to show
        return render("academie/course.md.j2", here=item.src, modules=modules, keys=progress_keys(modules))
    if item.type is ItemType.MODULE:
        course = hub.course_of(item)
        modules = hub.modules(item.course or "")
        if course is None or item not in modules:
            return ""
        index = modules.index(item)
        return render("academie/module.md.j2", here=item.src, item=item, course=course,
                      previous=modules[index - 1] if index > 0 else None,
                      next=modules[index + 1] if index + 1 < len(modules) else None)
    return ""


def further_reading(hub: Hub, item: Item) -> str:
    """"Verder lezen" under a module: the newest knowledge items that share its themes."""
    if item.type is not ItemType.MODULE:
        return ""
    items = reading_list(hub, item)
    return render("academie/further_reading.md.j2", here=item.src, items=items) if items else ""


def reading_list(hub: Hub, module: Item, limit: int = FURTHER_READING) -> list[Item]:
    """Articles and good practices sharing the module's themes: most shared themes first, then newest.

    Deliberately simple (the general "related items" index is another feature):
    a module's themes are few and chosen by the course author, so overlap is a
    good enough signal here.
    """
    themes = set(item_themes(hub, module))
    scored = [(len(themes & set(i.themes)), i) for i in hub.newest() if i.type in READING_TYPES]
    # hub.newest() is already newest-first with a stable tie-break; sorted() keeps that order within a score.
    return [i for score, i in sorted(scored, key=lambda pair: -pair[0]) if score][:limit]
