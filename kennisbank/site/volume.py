"""Overview pages that stay readable at 10,000 items: bounded lists, counts, and a way on into search.

Today a theme page lists every item of the theme: at 600 items that is a
41,000-pixel page, at 10,000 unusable. Each list on an overview page now shows
at most :data:`LIST_LIMIT` entries (the newest), says how many there are, and
links to the search page with the same filter set, where the rest can be
narrowed down; a type index longer than that is grouped by year.
"""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import quote, urlencode

from ..content.hub import Item
from ..content.text import link

LIST_LIMIT = 30
"""Entries per list on an overview page."""
SEARCH_PAGE = "zoeken/index.md"


def search_link(here: str, filters: Mapping[str, object]) -> str:
    """A Markdown link target from page ``here`` to the search page with ``filters`` set (facet → value)."""
    query = urlencode([(name, str(value)) for name, value in filters.items()], quote_via=quote)
    return f"{link(here, SEARCH_PAGE)}?{query}" if query else link(here, SEARCH_PAGE)


def by_year(items: list[Item]) -> list[tuple[str, list[Item]]]:
    """Items (newest first) grouped by year of publication; undated items last."""
    groups: dict[str, list[Item]] = {}
    for item in items:
        groups.setdefault(str(item.date.year) if item.date else "Zonder datum", []).append(item)
    return list(groups.items())
