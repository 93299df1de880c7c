"""The data of the 'Gerelateerd' lists: the related index over every item, and each shown item's lists.

What the index sees of an item comes from its effective themes, networks and
date (:func:`kennisbank.index.hub_index.effective`), so a module is related
through its course's keywords, as it is listed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from ..content.hub import Hub, Item
from ..content.model import ItemType
from ..content.settings import RelatedSettings
from .related import Document, IndexConfig, Match, RelatedIndex
from .rules import Effective

GROUPS = {"artikel": "Artikelen", "praktijkvoorbeeld": "Praktijkvoorbeelden", "academie": "Uit de Academie"}
"""Related items are listed per group, in this order."""

DocumentKey = tuple[str, "dt.date | None", tuple[tuple[str, tuple[str, ...]], ...], str, str]


def group_of(item: Item) -> str:
    return "academie" if item.type in (ItemType.CURSUS, ItemType.MODULE) else item.type.value


@dataclass
class RelatedLists:
    """The hub's related index and the lists of every item that shows one (all but modules)."""

    index: RelatedIndex
    per_type: int
    lists: dict[str, dict[str, list[Match]]] = field(default_factory=dict)

    def of(self, src: str) -> dict[str, list[Match]]:
        """Matches per group of one item; a module (not searched with the rest) is searched now."""
        found = self.lists.get(src)
        return found if found is not None else self.index.search_by_kind(src, self.per_type)


def document_key(item: Item, found: Effective) -> DocumentKey:
    """What the related index sees of an item, as a hashable tuple of :class:`Document`'s fields (a cache key)."""
    gemeenten: tuple[str, ...] = tuple(item.meta_value("gemeenten", ()))  # type: ignore[arg-type]
    keywords: tuple[tuple[str, tuple[str, ...]], ...] = (
        ("themas", found.themes),
        ("netwerken", found.networks),
        ("tags", tuple(item.tags)),
        ("gemeenten", gemeenten),
    )
    # A course and its modules already link to each other in order: one group, never related.
    return item.src, found.date, keywords, group_of(item), item.course or ""


def related_lists(hub: Hub, effective: Mapping[str, Effective]) -> RelatedLists:
    """Index every item, then search the lists of all items that show one in a single pass."""
    settings = hub.settings.related
    documents = tuple(document_key(item, effective[item.src]) for item in hub.items.values())
    index = related_index(settings, documents)
    shown = [item.src for item in hub.items.values() if item.type is not ItemType.MODULE]
    return RelatedLists(index, settings.per_type, index.search_all_by_kind(shown, settings.per_type))


@lru_cache(maxsize=1)
def related_index(settings: RelatedSettings, documents: tuple[DocumentKey, ...]) -> RelatedIndex:
    """The index of ``documents`` (as :func:`document_key` gives them), kept for the next hub with the same ones.

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
