"""What the search page knows about each item: searchable text and facet values.

Built from the loaded hub (phase one), not from rendered HTML: the rendered
item page also holds navigation, facts and links to other items, which would
make every item match the titles of its neighbours.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from dataclasses import dataclass

from ...content.hub import Item
from ...content.taxonomy import ThemeKind
from ...index.hub_index import HubIndex
from ...site.collection import field_text

EXCERPT_CHARS = 280
"""Stored plain text per item for result snippets (the summary is stored as well)."""

# Markdown is reduced to its words with a few substitutions rather than rendered:
# the index needs words, not structure, and rendering every body a second time
# (MkDocs renders it for the page) would double the Markdown work of a build.
_MARKDOWN = [
    (re.compile(r"<!--.*?(?:-->|\Z)", re.S), " "),           # an unclosed comment runs to the end
    (re.compile(r"<[^<>\n]+>"), " "),                       # HTML tags (text between them stays)
    (re.compile(r"!\[([^\[\]]*)\]\([^()]*\)"), r"\1"),       # images -> alt text
    (re.compile(r"\[([^\[\]]*)\]\([^()]*\)"), r"\1"),        # links -> link text
    (re.compile(r"\[([^\[\]]*)\]\[[^\[\]]*\]"), r"\1"),      # reference links
    (re.compile(r"^[ \t]*\[[^\[\]]+\]:[ \t]*\S.*$", re.M), " "),  # link definitions
    (re.compile(r"\{:?[^{}\n]*\}"), " "),                     # attribute lists
    (re.compile(r"^[ \t]*(?:!!!|\?\?\?\+?)[ \t]*\w+(?:[ \t]+\"([^\"\n]*)\")?", re.M), r" \1 "),  # admonitions
    (re.compile(r"^\s{0,3}(?:#{1,6}|>|[-*+]|\d+[.)]|\|)\s?", re.M), " "),  # block markers
    (re.compile(r"[`*_~|=]+|^-{3,}$", re.M), " "),
]


def plain_text(markdown: str) -> str:
    """The words of a Markdown text, without markup, on one line."""
    text = markdown
    for pattern, replacement in _MARKDOWN:
        text = pattern.sub(replacement, text)
    return " ".join(html.unescape(text).split())


@dataclass(frozen=True)
class SearchDoc:
    """One item as the search page sees it."""

    url: str
    """Site-relative URL of the item page."""
    title: str
    summary: str
    body: str
    """Plain text of the body, indexed but not shipped."""
    keywords: list[str]
    """Tags plus the names of themes, networks and municipalities: short, strong words."""
    date: str
    """ISO date used for sorting and the year facet; empty when unknown."""
    facets: dict[str, list[str]]
    """Facet name -> values of this item (see :data:`FACETS`)."""
    place: str = ""
    """Where a collection page sits, shown beside its title: 'Handboek IB › Maatregelen' (as in every list)."""

    @property
    def excerpt(self) -> str:
        if len(self.body) <= EXCERPT_CHARS:
            return self.body
        cut = self.body.rfind(" ", 0, EXCERPT_CHARS)
        return self.body[: cut if cut > 0 else EXCERPT_CHARS] + " …"

    @property
    def line(self) -> list[str]:
        """The themes and development points a result line names (after type and date, before :attr:`place`).
        Stored with the document, so the search page shows its first results without waiting for the facet
        values of every item."""
        return [*self.facets["thema"], *self.facets["ontwikkelpunt"]]


FACETS: list[tuple[str, str]] = [
    ("thema", "Thema"),
    ("ontwikkelpunt", "Ontwikkelpunt"),
    ("soort", "Soort"),
    ("netwerk", "Netwerk"),
    ("gemeente", "Gemeente"),
    ("jaar", "Jaar"),
    ("bron", "Bron"),
    ("trefwoord", "Trefwoord"),
]
"""Facets of the search page: URL parameter and Dutch label, in display order."""
OPTIONAL_FACETS = {"bron", "trefwoord"}
"""Facets left off the search page when no item has a value (a hub without collections or tags)."""


def search_docs(hub: HubIndex, urls: Mapping[str, str]) -> list[SearchDoc]:
    """Every published item with a page, newest first."""
    return [search_doc(hub, item, urls[item.src]) for item in hub.newest if item.src in urls]


def search_doc(hub: HubIndex, item: Item, url: str) -> SearchDoc:
    tax = hub.taxonomy
    themes = [tax.themes[s] for s in hub.themes(item) if s in tax.themes]
    networks = [tax.networks[s].naam for s in hub.networks(item) if s in tax.networks]
    municipalities = list(getattr(item.meta, "gemeenten", []))
    published = hub.date(item)  # a module's is its course's
    date = published.isoformat() if published else ""
    facets = {
        "thema": [t.naam for t in themes if t.soort is ThemeKind.BELEIDSTHEMA],
        "ontwikkelpunt": [t.naam for t in themes if t.soort is ThemeKind.ONTWIKKELPUNT],
        "soort": [item.type.label],
        "netwerk": networks,
        "gemeente": municipalities,
        "jaar": [date[:4]] if date else [],
        "bron": [item.origin] if item.origin else [],  # the collection it comes from
        # As the site shows them: a tag page's "Zoek op dit trefwoord" (kennisbank.site.tags) filters on this.
        "trefwoord": [hub.tag_labels.get(tag, tag) for tag in item.tags],
    }
    return SearchDoc(
        url=url, title=item.title, summary=" ".join(item.meta.samenvatting.split()),
        body=plain_text(item.body),
        keywords=[*item.tags, *(t.naam for t in themes), *networks, *municipalities, *_source_values(hub, item)],
        date=date, facets=facets, place=" › ".join(part for part in (item.origin, item.section) if part))


def _source_values(hub: HubIndex, item: Item) -> list[str]:
    """The values of the source's own fields its collection names under ``zoek_velden``, searchable as keywords."""
    collection = hub.hub.collections.get(item.collection or "")
    names = collection.spec.zoek_velden if collection is not None else []
    return [field_text(item.source_fields[name]) for name in names if name in item.source_fields]
