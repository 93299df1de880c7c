"""Tags: an A–Z index with counts, a paged page per tag, and the spelling the site shows them in.

Material's tags plugin rendered the index as one page listing every tagged item under every tag (at 10,000
items one enormous page), linked tag chips to anchors on it, and cannot page a listing. So the tag pages are
generated like the theme pages: ``trefwoorden/`` lists the tags from A to Z with their number of publications,
and ``trefwoorden/<slug>/`` lists a tag's publications newest first, paged like every overview list
(:class:`~.volume.PagedList`), with a link into the search page filtered on the tag.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from ..content.hub import Item
from ..index.hub_index import HubIndex
from ..index.tag_labels import LETTER_SLUGS
from .pages import GeneratedPage, archive_pages, grouped
from .render import render
from .volume import PAGE_FOLDER, PagedList

INDEX_SRC = "trefwoorden.md"
"""The tag index; ``trefwoorden.md`` rather than ``trefwoorden/index.md``, so a hub's ``nav`` entry stays valid."""
FOLDER = "trefwoorden"
SEARCH_FACET = "trefwoord"
"""The search page's filter on a tag (kennisbank.outputs.search.documents.FACETS)."""
DIGITS, OTHER = "0–9", "Overig"


@dataclass(frozen=True)
class TagEntry:
    """One tag as the index shows it."""

    key: str
    """Lower case, as tags are compared."""
    label: str
    """As the site shows it: WGR, Wmo."""
    src: str
    count: int


def item_tag_labels(index: HubIndex, item: Item) -> list[str]:
    """The item's tags as the site shows them: WGR, DEGO, Wmo, the same spelling on every page."""
    return [index.tag_labels.get(tag, tag) for tag in item.tags]


def tag_src(index: HubIndex, key: str) -> str | None:
    """``src`` of the page of tag ``key`` (lower case), or None when no published item carries it."""
    slug = index.tag_slugs.get(key)
    return f"{FOLDER}/{slug}.md" if slug is not None else None


def letter_of(label: str) -> str:
    """The heading a tag is listed under: its first letter without accents ('Één' under E), digits together."""
    first = unicodedata.normalize("NFKD", label)[:1].upper()
    if "A" <= first <= "Z":
        return first
    return DIGITS if first.isdigit() else OTHER


def entries(index: HubIndex) -> list[TagEntry]:
    """Every tag of the published items, alphabetically as readers sort (case and accents aside)."""
    found = [TagEntry(key, index.tag_labels.get(key, key), f"{FOLDER}/{index.tag_slugs[key]}.md", len(items))
             for key, items in index.by_tag.items()]
    return sorted(found, key=lambda e: (_sort_key(e.label), e.label))


def _sort_key(label: str) -> str:
    return unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode().casefold() or label.casefold()


def by_letter(found: list[TagEntry]) -> list[tuple[str, list[TagEntry]]]:
    """Tags under their first character: digits, the letters A–Z, then the rest."""
    groups: dict[str, list[TagEntry]] = {}
    for entry in found:
        groups.setdefault(letter_of(entry.label), []).append(entry)
    order = [DIGITS, *(chr(c) for c in range(ord("A"), ord("Z") + 1)), OTHER]
    return [(letter, groups[letter]) for letter in order if letter in groups]


def letter_slug(letter: str) -> str:
    return "0-9" if letter == DIGITS else letter.lower()


def letter_src(letter: str) -> str:
    """The page of one first letter, when the index is split (:data:`INDEX_TAGS_PER_ENTRY`)."""
    slug = f"beginletter-{letter_slug(letter)}"
    assert slug in LETTER_SLUGS  # kept free of tags' pages by the index phase
    return f"{FOLDER}/{slug}.md"


MOST_USED = 20
"""Tags in the index's 'Meest gebruikt' list; shown only when the hub has more tags than this."""
INDEX_TAGS_PER_ENTRY = 10
"""The index lists every tag on one page up to ``overview.per_page`` × this many tags, and beyond that gives each
first letter a page of its own: a tag takes one short line in a column, about a tenth of a list entry (title,
summary and facts across the page), so one page of tags is about as long as one page of a list."""


def tag_pages(hub: HubIndex) -> list[GeneratedPage]:
    """The tag index (one page, or a page per first letter at volume), and every tag's page with the follow-on
    pages of a long tag."""
    found = entries(hub)
    per_page = hub.settings.overview.per_page
    letters = by_letter(found)
    split = len(found) > per_page * INDEX_TAGS_PER_ENTRY
    most_used = sorted(found, key=lambda e: (-e.count, _sort_key(e.label)))[:MOST_USED]
    pages = [GeneratedPage(INDEX_SRC, render(
        "tags_index.md.j2", here=INDEX_SRC, letters=letters, total=len(found), split=split, current=None,
        shown=[] if split else letters, most_used=most_used if len(found) > MOST_USED else [],
        letter_slug=letter_slug, letter_src=letter_src), "docs/")]
    if split:
        pages += [GeneratedPage(letter_src(letter), render(
            "tags_index.md.j2", here=letter_src(letter), letters=letters, total=len(found), split=split,
            current=letter, shown=[(letter, tags)], most_used=[], letter_slug=letter_slug, letter_src=letter_src),
            "docs/", parent=INDEX_SRC) for letter, tags in letters]
    for entry in found:
        folder = entry.src.removesuffix(".md")
        paged = PagedList(hub.with_tag(entry.key), entry.src, f"{folder}/{PAGE_FOLDER}", f"Trefwoord {entry.label}",
                          per_page, search={SEARCH_FACET: entry.label}, overview=entry.label)
        parent = letter_src(letter_of(entry.label)) if split else INDEX_SRC
        pages.append(GeneratedPage(entry.src, render("tag.md.j2", here=entry.src, entry=entry, paged=paged,
                                                     groups=grouped(list(paged.items))), "docs/", parent=parent))
        pages += archive_pages([paged], "docs/")
    return pages
