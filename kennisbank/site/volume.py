"""Overview pages that stay readable at 10,000 items: paged lists, counts, groups, and a way on into search.

A theme page once listed every item of the theme: at 600 items a 41,000-pixel
page, at 10,000 unusable. Each list on an overview page (theme, network, pair,
type index) now shows at most ``overview.per_page`` entries (the newest), and a
longer list goes on over static follow-on pages (``themas/<slug>/artikelen/pagina/2/``)
with a pager, so every item stays reachable by browsing: without JavaScript,
from the offline copy and for crawlers. Each list also links to the search page
with the same filter set, where it can be narrowed down.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import quote, urlencode

from ..content.hub import Item
from ..content.model import ItemType
from ..content.text import link

SEARCH_PAGE = "zoeken/index.md"
PAGE_FOLDER = "pagina"
"""Follow-on pages of a list live in ``<list folder>/pagina/<n>.md``."""


def search_link(here: str, filters: Mapping[str, object]) -> str:
    """A Markdown link target from page ``here`` to the search page with ``filters`` set (facet → value)."""
    query = urlencode([(name, str(value)) for name, value in filters.items()], quote_via=quote)
    return f"{link(here, SEARCH_PAGE)}?{query}" if query else link(here, SEARCH_PAGE)


@dataclass(frozen=True)
class PagedList:
    """One list of an overview page, cut into pages of ``per_page`` entries.

    Page 1 is the overview page itself (``first``, the list under the heading ``anchor``); pages 2 … n are
    generated pages of their own in ``folder``.
    """

    items: Sequence[Item]
    """Newest first, as the index keeps them."""
    first: str
    """``src`` of the overview page, which shows page 1."""
    folder: str
    """Folder of the follow-on pages' ``src``: ``themas/<slug>/artikelen/pagina``."""
    title: str
    """What the list is, for the follow-on pages' titles: 'Sociaal domein: artikelen'."""
    per_page: int
    anchor: str = ""
    """Id of the list's heading on the overview page ("" when the list is the whole page)."""
    search: Mapping[str, str] | None = None
    """The search page's filters that give the same items (facet → value)."""
    item_type: ItemType | None = None
    by_year: bool = False
    """Year headings within each page (a type index: one long list of one type)."""
    overview: str = ""
    """Name of the overview page, for the way back from a follow-on page: 'Sociaal domein'."""

    @property
    def show_type(self) -> bool:
        """A list of several types (a tag's) says each entry's type."""
        return self.item_type is None

    def noun(self, count: int) -> str:
        """What ``count`` entries of this list are called: '1 artikel', '412 publicaties'."""
        if self.item_type is None:
            return "publicatie" if count == 1 else "publicaties"
        return (self.item_type.label if count == 1 else self.item_type.plural).lower()

    @property
    def pages(self) -> int:
        return max(1, math.ceil(len(self.items) / self.per_page))

    def src(self, number: int) -> str:
        return self.first if number == 1 else f"{self.folder}/{number}.md"

    def href(self, here: str, number: int) -> str:
        """A link from page ``here`` to page ``number`` of this list (to its heading on the overview page)."""
        target = link(here, self.src(number))
        return f"{target}#{self.anchor}" if number == 1 and self.anchor else target

    def entries(self, number: int) -> Sequence[Item]:
        return self.items[(number - 1) * self.per_page: number * self.per_page]

    def span(self, number: int) -> tuple[int, int]:
        """Positions (from 1) of the first and last entry on page ``number``."""
        start = (number - 1) * self.per_page
        return start + 1, min(start + self.per_page, len(self.items))

    def page_title(self, number: int) -> str:
        return f"{self.title} – pagina {number} van {self.pages}"

    def years(self, number: int) -> list[tuple[str, bool, list[Item]]]:
        """Page ``number``'s entries by year: (year, whether the year began on an earlier page, entries)."""
        start = (number - 1) * self.per_page
        # Newest first, so only the page's first year can have begun before it: where the previous page ended.
        went_on = year_of(self.items[start - 1]) if start else None
        groups: dict[str, list[Item]] = {}
        for item in self.entries(number):
            groups.setdefault(year_of(item), []).append(item)
        return [(year, year == went_on, items) for year, items in groups.items()]

    def year_index(self) -> list[tuple[str, int, int]]:
        """Every year of the list: (year, number of entries, the page where it begins)."""
        found: dict[str, list[int]] = {}
        for position, item in enumerate(self.items):
            found.setdefault(year_of(item), [0, position // self.per_page + 1])[0] += 1
        return [(year, count, page) for year, (count, page) in found.items()]


def year_of(item: Item) -> str:
    return str(item.date.year) if item.date else "Zonder datum"


def type_lists(groups: Sequence[tuple[ItemType, Sequence[Item]]], first: str, title: str, per_page: int,
               search: Mapping[str, str] | None) -> list[PagedList]:
    """The lists of a theme, network or pair page (``first``, named ``title``): one per type, each going on
    below the page's own URL (``themas/<slug>/artikelen/pagina/2.md``)."""
    folder = first.removesuffix(".md")
    return [PagedList(items, first, f"{folder}/{type_segment(item_type)}/{PAGE_FOLDER}",
                      f"{title}: {item_type.plural.lower()}", per_page, anchor=type_anchor(item_type),
                      search=dict(search, soort=item_type.label) if search is not None else None,
                      item_type=item_type, overview=title)
            for item_type, items in groups]


def type_segment(item_type: ItemType) -> str:
    """'artikelen', 'cursussen', 'cursusmodules': courses and modules share a folder, not a segment."""
    return item_type.plural.lower()


def type_anchor(item_type: ItemType) -> str:
    return f"{item_type.folder}-{item_type.value}"


def sources(items: Sequence[Item]) -> list[tuple[str, str, int]]:
    """Collections that contribute to ``items``: (slug, name, count), most items first, then by name."""
    found: dict[str, list] = {}
    for item in items:
        if item.collection is not None and item.origin:
            found.setdefault(item.collection, [item.origin, 0])[1] += 1
    return sorted(((slug, name, count) for slug, (name, count) in found.items()), key=lambda s: (-s[2], s[1]))
