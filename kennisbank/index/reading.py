"""Articles and good practices per theme and per set of themes: the data of a module's 'Verder lezen'.

Without it every module page would scan and sort the whole hub for its
reading list, which grows with modules × items.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from itertools import combinations

from ..content.hub import Item
from ..content.model import ItemType
from .rules import Effective

READING_TYPES = (ItemType.ARTIKEL, ItemType.PRAKTIJKVOORBEELD)


@dataclass
class ReadingIndex:
    """Knowledge items by theme as ``(rank, item)``; rank 0 is the newest reading item of the hub."""

    by_theme: dict[str, list[tuple[int, Item]]] = field(default_factory=dict)
    by_themes: dict[frozenset[str], list[tuple[int, Item]]] = field(default_factory=dict)
    """The same per set of themes: under every subset of an item's themes (an item has at most six)."""
    widest: int = 0
    """The most themes of one article or good practice: no item shares more with a module."""

    @classmethod
    def build(cls, newest: list[Item], effective: Mapping[str, Effective]) -> ReadingIndex:
        found = cls()
        reading = [i for i in newest if i.type in READING_TYPES]
        for rank, item in enumerate(reading):
            themes = sorted(set(effective[item.src].themes))
            found.widest = max(found.widest, len(themes))
            for theme in themes:
                found.by_theme.setdefault(theme, []).append((rank, item))
            for size in range(1, len(themes) + 1):
                for subset in combinations(themes, size):
                    found.by_themes.setdefault(frozenset(subset), []).append((rank, item))
        return found
