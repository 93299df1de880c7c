"""Course structure checks that need the whole hub.

A course is a folder: ``academie/<cursus>/index.md`` plus ordered modules.
Messages point at the field that is wrong (``volgorde``, ``voorkennis``) so a
contributor's editor jumps to the right line.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from ..content.model import ItemType
from ..content.problems import suggest

if TYPE_CHECKING:
    from ..content.hub import Hub, Item

FOLDER = ItemType.CURSUS.folder


def check_courses(hub: Hub, slugs: dict[str, str]) -> None:
    """Module order, modules without course, courses without modules, prerequisites.

    ``slugs`` maps every slug (published and concept) to its ``src``.
    """
    courses: dict[str, list[Item]] = defaultdict(list)
    for item in hub.items.values():
        if item.type is ItemType.MODULE and item.course:
            courses[item.course].append(item)
    for course, modules in sorted(courses.items()):
        if hub.course_of(modules[0]) is None:
            _orphans(hub, course, modules)
        _check_order(hub, sorted(modules, key=lambda m: m.module_order))
    for item in _courses(hub):
        if item.course not in courses:
            _empty_course(hub, item)
        _check_prerequisites(hub, item, slugs)
    _check_cycles(hub)


def _courses(hub: Hub) -> list[Item]:
    return sorted((i for i in hub.items.values() if i.type is ItemType.CURSUS), key=lambda i: i.src)


def _position(item: Item, *loc: object) -> tuple[int, int]:
    return item.source.position(loc) if item.source is not None else (1, 1)


def _orphans(hub: Hub, course: str, modules: list[Item]) -> None:
    index = f"{FOLDER}/{course}/index.md"
    if index in hub.drafts:
        message = (f"de cursus docs/{index} is nog concept; zet deze module ook op 'status: concept' "
                   "of publiceer de cursus")
    else:
        message = f"module zonder cursus: docs/{index} met 'type: cursus' ontbreekt"
    for module in modules:
        hub.problems.add(hub.rel(module.src), *_position(module, "type"), "type", message)


def _empty_course(hub: Hub, course: Item) -> None:
    drafts = [src for src in hub.drafts
              if src.startswith(f"{FOLDER}/{course.course}/") and not src.endswith("/index.md")]
    if drafts:
        message = ("alle modules van deze cursus zijn nog concept; publiceer minstens één module "
                   "of zet de cursus op 'status: concept'")
    else:
        message = (f"deze cursus heeft geen modules; voeg er minstens één toe, bijvoorbeeld "
                   f"docs/{FOLDER}/{course.course}/01-inleiding.md met 'type: module' en 'volgorde: 1'")
    hub.problems.add(hub.rel(course.src), *_position(course, "type"), "type", message)


def _check_order(hub: Hub, modules: list[Item]) -> None:
    """Modules are numbered 1, 2, 3 … without gaps or doubles."""
    previous: Item | None = None
    for expected, module in enumerate(modules, start=1):
        order = module.module_meta.volgorde
        where = _position(module, "volgorde")
        if previous is not None and previous.module_meta.volgorde == order:
            hub.problems.add(hub.rel(module.src), *where, "volgorde",
                             f"volgorde {order} wordt ook gebruikt door {hub.rel(previous.src)}; "
                             "geef elke module een eigen nummer")
        elif order != expected:
            hub.problems.add(hub.rel(module.src), *where, "volgorde",
                             f"volgorde {order} sluit niet aan; verwacht {expected} (nummer de modules 1, 2, 3 …)")
        previous = module


def _check_prerequisites(hub: Hub, course: Item, slugs: dict[str, str]) -> None:
    for index, wanted in enumerate(course.course_meta.voorkennis):
        where = (hub.rel(course.src), *_position(course, "voorkennis", index), "voorkennis")
        if wanted == course.slug:
            hub.problems.add(*where, "een cursus kan niet voorkennis van zichzelf zijn")
        elif wanted not in slugs:
            hub.problems.add(*where, f"onbekend item '{wanted}'" + suggest(wanted, slugs))
        elif slugs[wanted] in hub.drafts:
            hub.problems.add(*where, f"'{wanted}' is nog concept en staat niet op de site; "
                                     "publiceer het eerst of haal het hier weg")


def _check_cycles(hub: Hub) -> None:
    """Courses that need each other first can never be started: report each cycle once."""
    courses = {c.slug: c for c in _courses(hub)}
    needs = {slug: [w for w in c.course_meta.voorkennis if w in courses and w != slug] for slug, c in courses.items()}
    reported: set[frozenset[str]] = set()
    for start in sorted(needs):
        path = _cycle_from(start, needs)
        if path and frozenset(path) not in reported:
            reported.add(frozenset(path))
            course = courses[start]
            index = course.course_meta.voorkennis.index(path[1])
            hub.problems.add(hub.rel(course.src), *_position(course, "voorkennis", index), "voorkennis",
                             "voorkennis is rond: " + " → ".join(path)
                             + "; haal één van deze cursussen uit de voorkennis van de andere")


def _cycle_from(start: str, needs: dict[str, list[str]]) -> list[str] | None:
    """A path ``start → … → start`` through prerequisites, or ``None``."""
    stack: list[tuple[str, list[str]]] = [(start, [start])]
    seen: set[str] = set()
    while stack:
        slug, path = stack.pop()
        for wanted in sorted(needs.get(slug, []), reverse=True):
            if wanted == start:
                return [*path, start]
            if wanted not in seen:
                seen.add(wanted)
                stack.append((wanted, [*path, wanted]))
    return None
