"""Load every content file into one in-memory hub: phase one of every build.

Everything is read, validated and indexed before anything is rendered (as in
Pelican), because overview pages and cross-links need the whole hub. A bad file
is recorded in :attr:`Hub.problems` and the others go on loading.
"""

from __future__ import annotations

import posixpath
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Generic, Iterable, TypeVar, Union

from pydantic import BaseModel, ValidationError

from ..academie.checks import check_courses
from ..academie.selfcheck import check_text as check_selfchecks
from .cache import SourceCache
from .frontmatter import Source, read_source
from .layout import CONTENT_FOLDERS, GENERATED_INDEXES, SLUG, content_files, course_of, slug_of, slugify
from .links import check_links, page_links
from .markup import Reference, scan
from .messages import problems_from_validation
from .model import MODELS, Artikel, Cursus, ItemType, Module, Praktijkvoorbeeld, field_names, normalise_tag
from .paths import DocsTree, check_references, check_tree
from .problems import Problems, suggest
from .safety import check_body
from .settings import Settings
from .taxonomy import Taxonomy, load_taxonomy

Meta = Union[Artikel, Praktijkvoorbeeld, Cursus, Module]
T = TypeVar("T")


class _cached(Generic[T]):
    """``functools.cached_property`` without its lock.

    Before Python 3.12 the first read of a ``cached_property`` takes a lock,
    which made computing an item's fields (type, date, themes …) cost more
    than the fields themselves: 66,000 first reads at 10,000 items. A build
    reads items from one thread, so a plain descriptor does; drop this once
    Python 3.12 is the oldest supported version (it removed the lock).
    """

    def __init__(self, compute: Callable[[Any], T]) -> None:
        self.compute = compute
        self.name = compute.__name__
        self.__doc__ = compute.__doc__

    def __get__(self, item: Any, owner: type | None = None) -> T:
        if item is None:
            return self  # type: ignore[return-value]  # read on the class, as for a property
        value = item.__dict__[self.name] = self.compute(item)
        return value


@dataclass
class Item:
    """One published (or archived) content item."""

    src: str
    """Path below ``docs/`` with forward slashes, e.g. ``artikelen/datagedreven-werken.md``."""
    meta: Meta
    body: str
    body_line: int
    """Line in the file where ``body`` starts, so body problems get real line numbers."""
    course: str | None = None
    """For modules and courses: the course slug (its folder name)."""
    source: Source | None = field(default=None, repr=False, compare=False)
    """The parsed file, for positions of fields in later checks."""
    entries: dict[tuple, tuple[str, str]] = field(default_factory=dict, init=False, repr=False, compare=False)
    """How other pages list this item: per list kind, the text before and after the link (render.list_entries)."""

    @_cached
    def type(self) -> ItemType:  # cached: asked for every item in every list a build makes
        return self.meta.type

    @_cached
    def slug(self) -> str:
        if self.type in (ItemType.CURSUS, ItemType.MODULE) and self.course:
            stem = posixpath.splitext(posixpath.basename(self.src))[0]
            return self.course if self.type is ItemType.CURSUS else f"{self.course}/{stem}"
        return posixpath.splitext(posixpath.basename(self.src))[0]

    @property
    def title(self) -> str:
        return self.meta.titel

    @_cached
    def date(self):
        """Publication date; modules inherit nothing here and sort by order instead."""
        return getattr(self.meta, "gepubliceerd", None)

    @_cached
    def updated(self):
        return getattr(self.meta, "bijgewerkt", None) or self.date

    # The keyword lists are cached like the fields above: every list, index and feed of a build asks for
    # them, and an item does not change during a build (a preview rebuild loads new items).
    @_cached
    def themes(self) -> list[str]:
        return list(self.meta.themas)

    @_cached
    def networks(self) -> list[str]:
        return list(self.meta_value("netwerken", ()))

    @_cached
    def tags(self) -> list[str]:
        # Compared in lower case: 'WGR' and 'wgr' are one tag (kennisbank.tags chooses how it is shown).
        return list(dict.fromkeys(normalise_tag(tag) for tag in self.meta.tags))

    def meta_value(self, name: str, default: object = None) -> object:
        """Frontmatter field ``name`` if this item's type has it (``gemeenten``, ``netwerken`` …), else ``default``.

        Not ``getattr(meta, name, default)``: pydantic answers a missing attribute slowly (about
        15 µs), and cross-links ask it for every item on a hub of tens of thousands.
        """
        return getattr(self.meta, name) if name in _fields(type(self.meta)) else default


@dataclass
class Hub:
    """The whole hub after loading: taxonomy, items and the problems found."""

    root: Path
    docs_dir: Path
    taxonomy: Taxonomy
    items: dict[str, Item] = field(default_factory=dict)
    """Published items by ``src``."""
    drafts: set[str] = field(default_factory=set)
    """``src`` of concept items: valid, but not published."""
    problems: Problems = field(default_factory=Problems)
    settings: Settings = field(default_factory=Settings)
    _index: "_Index | None" = field(default=None, repr=False, compare=False)
    links: dict[str, list[Reference]] = field(default_factory=dict)
    """Markdown links of every file read (items and ordinary pages), by ``src``; see :mod:`kennisbank.content.links`."""
    derived: dict[str, object] = field(default_factory=dict, repr=False, compare=False)
    """Data computed once from the loaded hub (related index, backlinks …), by the module that made it."""

    def rel(self, src: str) -> str:
        """Repository-relative path of a docs file, for messages."""
        return _relpath(self.docs_dir / src, self.root)

    def of_type(self, item_type: ItemType) -> list[Item]:
        return list(self.index.by_type.get(item_type, []))

    def newest(self) -> list[Item]:
        return list(self.index.newest)

    def with_theme(self, slug: str) -> list[Item]:
        """Items tagged with a theme; a module counts only with themes of its own."""
        return list(self.index.by_theme.get(slug, []))

    def with_network(self, slug: str) -> list[Item]:
        return list(self.index.by_network.get(slug, []))

    def modules(self, course: str) -> list[Item]:
        return list(self.index.modules.get(course, []))

    def add(self, item: Item) -> None:
        """Add a loaded item: published items to :attr:`items`, concepts to :attr:`drafts`."""
        if item.meta.status.is_published():
            self.items[item.src] = item
            self._index = None
        else:
            self.drafts.add(item.src)

    def course_of(self, module: Item) -> Item | None:
        return self.items.get(f"{ItemType.CURSUS.folder}/{module.course}/index.md")

    def by_slug(self) -> dict[str, Item]:
        return dict(self.index.by_slug)

    @property
    def index(self) -> "_Index":
        """Lookups built once per set of items, instead of a sort of the whole hub per theme page."""
        if self._index is None or self._index.size != len(self.items):
            self._index = _Index(self.items.values())
        return self._index


class _Index:
    """Items sorted and grouped once; rebuilt when items are added (see :attr:`Hub.index`)."""

    def __init__(self, items: Iterable[Item]):
        self.newest = newest_first(items)
        self.size = len(self.newest)
        self.by_type: dict[ItemType, list[Item]] = defaultdict(list)
        self.by_theme: dict[str, list[Item]] = defaultdict(list)
        self.by_network: dict[str, list[Item]] = defaultdict(list)
        self.modules: dict[str, list[Item]] = defaultdict(list)
        self.by_slug = {i.slug: i for i in self.newest}
        for item in self.newest:
            self.by_type[item.type].append(item)
            for theme in dict.fromkeys(item.themes):
                self.by_theme[theme].append(item)
            for network in dict.fromkeys(item.networks):
                self.by_network[network].append(item)
            if item.type is ItemType.MODULE and item.course:
                self.modules[item.course].append(item)
        for modules in self.modules.values():
            modules.sort(key=lambda i: (i.meta.volgorde, i.src))


@lru_cache(maxsize=None)
def _fields(model: type[BaseModel]) -> frozenset[str]:
    return frozenset(model.model_fields)  # asking the class each time is slow as well (a deprecated descriptor)


def newest_first(items: Iterable[Item]) -> list[Item]:
    """Newest publication first; ties by slug so builds are reproducible."""
    return sorted(items, key=lambda i: (-(i.date.toordinal() if i.date else 0), i.slug))


def _relpath(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def load_hub(docs_dir: Path, root: Path | None = None, settings: Settings | None = None,
             cache: SourceCache | None = None) -> Hub:
    """Read taxonomy and content of ``docs_dir``; never raises for bad content.

    With a ``cache`` (kept by ``kennisbank serve`` between rebuilds), unchanged
    files are not read and validated again.
    """
    docs_dir = docs_dir.resolve()
    root = (root or docs_dir.parent).resolve()
    taxonomy, tax_problems = load_taxonomy(docs_dir, root)
    hub = Hub(root=root, docs_dir=docs_dir, taxonomy=taxonomy, settings=settings or Settings())
    hub.problems.extend(tax_problems)
    tree = DocsTree(docs_dir)
    if cache is not None:
        cache.start(hub, frozenset(tree.files | tree.folders | tree.links))
    sources = content_files(docs_dir)
    hub.problems.extend(check_tree(tree, hub.rel, {s for s in sources if s.split("/")[0] in CONTENT_FOLDERS}))
    for src in sources:
        if src in GENERATED_INDEXES:
            hub.problems.add(hub.rel(src), 1, 1, "bestand",
                             "deze pagina wordt automatisch gemaakt; verwijder dit bestand")
        elif cache is not None:
            cache.load(hub, src, lambda hub, src: load_file(hub, src, tree))
        else:
            load_file(hub, src, tree)
    if cache is not None:
        cache.forget_missing(set(sources))
    check_hub(hub)
    hub.problems.extend(check_links(hub))
    return hub


def load_file(hub: Hub, src: str, tree: DocsTree | None = None) -> Item | None:
    """Read, validate and add one file; problems go to ``hub.problems``."""
    rel = hub.rel(src)
    tree = tree or DocsTree(hub.docs_dir)
    if any(src == link or src.startswith(f"{link}/") for link in tree.links):
        return None  # never read through a symbolic link; check_tree reports it
    source, problems = read_source(hub.docs_dir / src, rel)
    hub.problems.extend(problems)
    if source is None:
        return None
    # The body is checked whatever the frontmatter says, so one mistake never hides another.
    markup = scan(source.body, source.body_line)
    hub.problems.extend(check_body(rel, source.body, source.body_line, hub.settings.embeds, markup))
    hub.problems.extend(check_references(rel, src, markup, tree))
    hub.links[src] = page_links(markup)
    in_content_folder = src.split("/")[0] in CONTENT_FOLDERS
    if not in_content_folder and "type" not in source.meta:
        return None  # an ordinary page such as the home page or the guide
    if not source.has_frontmatter:
        hub.problems.add(rel, 1, 1, "frontmatter",
                         "frontmatter ontbreekt; begin het bestand met '---', de velden en weer '---'")
        return None
    hub.problems.extend(check_selfchecks(source.body, rel, source.body_line))
    meta = validate_meta(source, hub.taxonomy, hub.problems)
    if meta is None:
        return None
    item = Item(src=src, meta=meta, body=source.body, body_line=source.body_line, course=course_of(src),
                source=source)
    if not check_location(hub, item, source):
        return None
    hub.add(item)
    return item


def validate_meta(source: Source, taxonomy: Taxonomy, problems: Problems) -> Meta | None:
    """Validate frontmatter against the model of its ``type``."""
    raw_type = source.meta.get("type")
    if raw_type is None:
        line, column = source.position(())
        choices = ", ".join(t.value for t in ItemType)
        problems.add(source.path, line, column, "type", f"verplicht veld ontbreekt; kies uit {choices}")
        return None
    try:
        item_type = ItemType(raw_type)
    except ValueError:
        line, column = source.position(("type",))
        choices = [t.value for t in ItemType]
        problems.add(source.path, line, column, "type",
                     f"onbekend type '{raw_type}'" + (suggest(str(raw_type), choices)
                                                      or f"; kies uit {', '.join(choices)}"))
        return None
    model: type[BaseModel] = MODELS[item_type]
    try:
        return model.model_validate(source.meta, context={"taxonomy": taxonomy})  # type: ignore[return-value]
    except ValidationError as exc:
        problems.extend(problems_from_validation(exc, source.path, source.position, field_names(item_type)))
        return None


def check_location(hub: Hub, item: Item, source: Source) -> bool:
    """Folder and file name decide the URL, so they must match the type."""
    rel = source.path
    stem = posixpath.splitext(posixpath.basename(item.src))[0]
    parts = item.src.split("/")
    if item.type in (ItemType.ARTIKEL, ItemType.PRAKTIJKVOORBEELD):
        expected = f"{item.type.folder}/{stem}.md"
        if item.src != expected:
            line, column = source.position(("type",))
            hub.problems.add(rel, line, column, "type",
                             f"een {item.type.label.lower()} hoort in de map docs/{item.type.folder}/; "
                             f"verplaats het bestand naar docs/{expected}")
            return False
    elif item.type is ItemType.CURSUS and (len(parts) != 3 or parts[0] != "academie" or parts[2] != "index.md"):
        line, column = source.position(("type",))
        hub.problems.add(rel, line, column, "type",
                         "een cursus is een map: zet de cursuspagina in docs/academie/<cursus>/index.md")
        return False
    elif item.type is ItemType.MODULE and (item.course is None or parts[2] == "index.md"):
        line, column = source.position(("type",))
        hub.problems.add(rel, line, column, "type",
                         "een module hoort in de map van een cursus: docs/academie/<cursus>/<nn-naam>.md")
        return False
    name = stem if item.type is not ItemType.CURSUS else parts[1]
    if not SLUG.match(name):
        hub.problems.add(rel, 1, 1, "bestandsnaam",
                         f"'{name}' is geen geldige naam; gebruik kleine letters, cijfers en streepjes, "
                         f"bijvoorbeeld '{slugify(name)}'")
        return False
    return True


def check_hub(hub: Hub) -> None:
    """Checks that need the whole hub: unique slugs and course structure."""
    seen: dict[str, str] = {}
    for src in sorted([*hub.items, *hub.drafts]):
        item_slug = slug_of(src)
        if item_slug is None:
            continue
        if item_slug in seen:
            hub.problems.add(hub.rel(src), 1, 1, "bestandsnaam",
                             f"de naam '{item_slug}' wordt al gebruikt door {hub.rel(seen[item_slug])}; "
                             "kies een andere bestandsnaam")
        else:
            seen[item_slug] = src
    check_courses(hub, seen)

