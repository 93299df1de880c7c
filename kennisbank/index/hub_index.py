"""Phase two: every list the site shows, derived once from the loaded hub.

:func:`index_hub` runs once per build, after loading and before any page is
rendered; pages, search documents, feeds and PDFs read the :class:`HubIndex`
it returns and compute no lists of their own. The rules that decide where an
item appears and in what order are in :mod:`.rules`, each written once.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

from ..content.collection.spec import SECTION_PAGE_NAMES, is_section_page
from ..content.hub import Hub, Item
from ..content.layout import COLLECTIONS_FOLDER
from ..content.links import target_of
from ..content.model import ItemType
from ..content.settings import Settings
from ..content.taxonomy import Taxonomy
from .crosslinks import RelatedLists, related_lists
from .reading import ReadingIndex
from .rules import Effective, effective, module_order, newest_first, read_alone, recent
from .tag_labels import tag_labels, tag_slugs


@dataclass
class HubIndex:
    """The loaded hub and everything derived from it; made by :func:`index_hub`, read by every later phase."""

    hub: Hub
    effective: dict[str, Effective] = field(default_factory=dict)
    """Item ``src`` → its effective themes, networks and date."""
    newest: list[Item] = field(default_factory=list)
    """Every published item, newest first (:func:`newest_first`)."""
    by_slug: dict[str, Item] = field(default_factory=dict)
    by_type: dict[ItemType, list[Item]] = field(default_factory=dict)
    """Items per type, newest first."""
    by_theme: dict[str, list[Item]] = field(default_factory=dict)
    """Items per effective theme, newest first: what a theme page lists and counts."""
    by_network: dict[str, list[Item]] = field(default_factory=dict)
    pairs: dict[tuple[str, str], list[Item]] = field(default_factory=dict)
    """(theme, network) → items carrying both, newest first: the pair pages and the Kenniskaart."""
    theme_pairs: Counter[tuple[str, str]] = field(default_factory=Counter)
    """(theme, theme) → number of items carrying both (both orders stored)."""
    modules: dict[str, list[Item]] = field(default_factory=dict)
    """Course slug → its published modules in :func:`module_order`."""
    chronology: dict[str, list[Item]] = field(default_factory=dict)
    """Theme → its dated items read alone (:func:`~.rules.read_alone`), oldest first: "Meer in dit thema"."""
    positions: dict[str, dict[str, int]] = field(default_factory=dict)
    """Theme → item ``src`` → its place in :attr:`chronology`."""
    backlinks: dict[str, list[Item]] = field(default_factory=dict)
    """Item ``src`` → the items whose Markdown links to it, newest first, without self-links."""
    recent: list[Item] = field(default_factory=list)
    """The hub's feed order (:func:`recent`)."""
    feed_themes: set[str] = field(default_factory=set)
    """Themes with at least one item in :attr:`recent`: the themes that get feeds."""
    related: RelatedLists | None = None
    """'Gerelateerd' lists; None when the settings show none."""
    reading: ReadingIndex = field(default_factory=ReadingIndex)
    """Articles and good practices per (set of) themes, for a module's 'Verder lezen'."""
    collection_folders: dict[str, list[Item]] = field(default_factory=dict)
    """Folder of a collection (``collecties/<slug>/…``, every level) → the items directly in it, newest first:
    the section trees of collection pages (kennisbank.site.collection)."""
    tag_labels: dict[str, str] = field(default_factory=dict)
    """Tag (lower case) → the spelling the site shows (:mod:`.tag_labels`: WGR, Wmo)."""
    by_tag: dict[str, list[Item]] = field(default_factory=dict)
    """Tag (lower case) → its items, newest first: what a tag's page lists and the tag index counts."""
    tag_slugs: dict[str, str] = field(default_factory=dict)
    """Tag (lower case) → the slug of its page (:func:`.tag_labels.tag_slugs`: unique, URL-safe)."""

    @property
    def taxonomy(self) -> Taxonomy:
        return self.hub.taxonomy

    @property
    def settings(self) -> Settings:
        return self.hub.settings

    @property
    def items(self) -> dict[str, Item]:
        return self.hub.items

    def rel(self, src: str) -> str:
        return self.hub.rel(src)

    def themes(self, item: Item) -> tuple[str, ...]:
        return self.effective[item.src].themes

    def networks(self, item: Item) -> tuple[str, ...]:
        return self.effective[item.src].networks

    def date(self, item: Item) -> dt.date | None:
        return self.effective[item.src].date

    def of_type(self, item_type: ItemType) -> list[Item]:
        return self.by_type.get(item_type, [])

    def with_theme(self, slug: str) -> list[Item]:
        return self.by_theme.get(slug, [])

    def with_network(self, slug: str) -> list[Item]:
        return self.by_network.get(slug, [])

    def with_tag(self, tag: str) -> list[Item]:
        return self.by_tag.get(tag, [])

    def course_modules(self, course: str) -> list[Item]:
        return self.modules.get(course, [])

    def course_of(self, module: Item) -> Item | None:
        return self.hub.course_of(module)

    def networks_of(self, theme: str) -> list[tuple[str, int]]:
        """Networks active in a theme, most shared items first, then by slug."""
        found = [(n, len(items)) for (t, n), items in self.pairs.items() if t == theme]
        return sorted(found, key=lambda p: (-p[1], p[0]))

    def themes_of(self, network: str) -> list[tuple[str, int]]:
        """Themes active in a network, most shared items first, then by slug."""
        found = [(t, len(items)) for (t, n), items in self.pairs.items() if n == network]
        return sorted(found, key=lambda p: (-p[1], p[0]))

    def pair_count(self, theme: str, network: str) -> int:
        return len(self.pairs.get((theme, network), ()))

    def related_themes(self, theme: str) -> list[tuple[str, int]]:
        """Themes sharing items with ``theme``, most shared first, then by slug."""
        found = [(b, count) for (a, b), count in self.theme_pairs.items() if a == theme]
        return sorted(found, key=lambda p: (-p[1], p[0]))


def index_hub(hub: Hub) -> HubIndex:
    """Derive every list of the site from the loaded hub, once."""
    index = HubIndex(hub)
    for item in hub.items.values():
        index.effective[item.src] = effective(item, hub.course_of(item) if item.type is ItemType.MODULE else None)
    dates = {src: e.date for src, e in index.effective.items()}
    index.newest = newest_first(hub.items.values(), dates)
    _group(index)
    index.backlinks = _backlinks(hub, index.newest)
    index.recent = recent(hub.items.values())
    index.feed_themes = {slug for item in index.recent for slug in index.themes(item)}
    if hub.settings.related.per_type:
        index.related = related_lists(hub, index.effective)
    index.reading = ReadingIndex.build(index.newest, index.effective)
    index.collection_folders = _collection_folders(index.newest)
    _name_sections(hub)
    index.tag_labels = tag_labels(hub)
    index.tag_slugs = tag_slugs(index.by_tag)
    return index


def _collection_folders(newest: list[Item]) -> dict[str, list[Item]]:
    """Items per collection folder; every folder up to the collection's root is present, also without items."""
    found: dict[str, list[Item]] = {}
    for item in newest:
        if item.collection is None:
            continue
        folder = posixpath.dirname(item.src)
        found.setdefault(folder, []).append(item)
        root = f"{COLLECTIONS_FOLDER}/{item.collection}"
        while folder != root and "/" in folder:
            folder = posixpath.dirname(folder)
            found.setdefault(folder, [])
    return found


def section_page(items: Mapping[str, Item], folder: str) -> Item | None:
    """The section page of a collection folder (its index or README page), if it has one."""
    return next((items[f"{folder}/{name}"] for name in SECTION_PAGE_NAMES if f"{folder}/{name}" in items), None)


def _name_sections(hub: Hub) -> None:
    """Give every collection page the title of the nearest section page above it (:attr:`Item.section`),
    below the collection's own start page."""
    for item in hub.items.values():
        if item.collection is None:
            continue
        root = f"{COLLECTIONS_FOLDER}/{item.collection}"
        folder = posixpath.dirname(item.src)
        if is_section_page(item.src):
            folder = posixpath.dirname(folder)  # a section page's own section is the one above it
        item.section = None
        while folder.startswith(f"{root}/"):
            page = section_page(hub.items, folder)
            if page is not None:
                item.section = page.title
                break
            folder = posixpath.dirname(folder)


def _group(index: HubIndex) -> None:
    """Lists per type, theme, network, pair, tag and course, and the themes' chronology, in one pass (newest first)."""
    tax = index.taxonomy
    for item in index.newest:
        found = index.effective[item.src]
        index.by_slug[item.slug] = item
        index.by_type.setdefault(item.type, []).append(item)
        themes = [t for t in found.themes if t in tax.themes]
        networks = [n for n in found.networks if n in tax.networks]
        for theme in themes:
            index.by_theme.setdefault(theme, []).append(item)
            for network in networks:
                index.pairs.setdefault((theme, network), []).append(item)
            for other in themes:
                if other != theme:
                    index.theme_pairs[(theme, other)] += 1
        for network in networks:
            index.by_network.setdefault(network, []).append(item)
        for tag in item.tags:
            index.by_tag.setdefault(tag, []).append(item)
        if item.type is ItemType.MODULE and item.course:
            index.modules.setdefault(item.course, []).append(item)
    for modules in index.modules.values():
        modules.sort(key=module_order)
    for theme, items in index.by_theme.items():
        dated = [i for i in reversed(items) if read_alone(i) and index.effective[i.src].date is not None]
        if dated:
            index.chronology[theme] = dated
            index.positions[theme] = {i.src: n for n, i in enumerate(dated)}


def _backlinks(hub: Hub, newest: list[Item]) -> dict[str, list[Item]]:
    found: dict[str, dict[str, Item]] = {}
    for item in newest:  # so every list comes out newest first, with no sort per item
        src = item.src
        for ref in hub.links.get(src, ()):
            resolved = hub.resolve(src, ref.url)  # a Docusaurus page's '/docs/gids' (collection.routes)
            target = resolved.target if resolved is not None else target_of(src, ref.url)
            if target is not None and target in hub.items and target != src:
                found.setdefault(target, {})[src] = item
    return {target: list(sources.values()) for target, sources in found.items()}
