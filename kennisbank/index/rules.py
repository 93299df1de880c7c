"""The rules that decide where an item is listed and in what order, each written once.

- :func:`effective`: a module takes its course's networks and date, and its
  themes when it has none of its own. So a module appears on its course's
  theme, network and pair pages, in their counts, on the Kenniskaart and in
  the search facets alike.
- :func:`module_order`: a course's modules by ``volgorde``, then file name.
- :func:`newest_first`: newest (effective) date first, ties by slug.
- :func:`read_alone`: a module is read in its course, so feeds and the
  older/newer steps of "Meer in dit thema" pass over it (it still counts).
- :func:`recent`: feed order: dated items read alone, last change first.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..content.hub import Item
from ..content.model import ItemType


@dataclass(frozen=True)
class Effective:
    """An item's themes, networks and date as every list, count and facet of the site uses them."""

    themes: tuple[str, ...]
    networks: tuple[str, ...]
    date: dt.date | None


def effective(item: Item, course: Item | None) -> Effective:
    """The one inheritance rule: a module takes its course's networks and date, and its themes if it has none."""
    if item.type is ItemType.MODULE and course is not None:
        return Effective(tuple(dict.fromkeys(item.themes or course.themes)), tuple(dict.fromkeys(course.networks)),
                         course.date)
    return Effective(tuple(dict.fromkeys(item.themes)), tuple(dict.fromkeys(item.networks)), item.date)


def module_order(module: Item) -> tuple[int, str]:
    """Where a module stands in its course (:attr:`Item.module_order`, the rule the course checks use too)."""
    return module.module_order


def newest_first(items: Iterable[Item], dates: Mapping[str, dt.date | None]) -> list[Item]:
    """Newest (effective) date first; ties by slug so builds are reproducible."""
    def key(item: Item) -> tuple[int, str]:
        date = dates.get(item.src)
        return -(date.toordinal() if date else 0), item.slug

    return sorted(items, key=key)


def changed(item: Item) -> dt.date:
    """The date a feed orders by: the last change, else the publication."""
    return item.updated or dt.date.min


def read_alone(item: Item) -> bool:
    """Whether an item is read on its own; a module is read in its course, between its neighbours."""
    return item.type is not ItemType.MODULE


def recent(items: Iterable[Item]) -> list[Item]:
    """Feed order: dated items read alone (:func:`read_alone`), last changed first."""
    dated = [i for i in items if read_alone(i) and i.date is not None]
    return sorted(dated, key=lambda i: (-changed(i).toordinal(), i.slug))
