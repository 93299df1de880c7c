"""Load every content file into one in-memory hub: phase one of every build.

Everything is read and validated before anything is derived or rendered (as
in Pelican), because overview pages and cross-links need the whole hub; the
index phase (:mod:`kennisbank.index`) then derives every list from it. A bad
file is recorded in :attr:`Hub.problems` and the others go on loading.
"""

from __future__ import annotations

import dataclasses
import posixpath
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError

from ..academie.checks import check_courses
from ..academie.selfcheck import check_text as check_selfchecks
from .aliases import check_aliases, url_of
from .cache import SourceCache
from .collection.dialects import is_mdx_link
from .collection.mapping import map_page, source_field_problems
from .collection.routes import Resolution, SourceSite, is_docusaurus_form, may_need_source_site, rewrite
from .collection.spec import SECTION_PAGE_NAMES, Collection, collection_of, is_section_page, load_collections
from .diagrams import check_diagrams
from .fences import check_fences
from .field_safety import check_fields
from .frontmatter import Source, read_source
from .layout import (
    COLLECTIONS_FOLDER,
    CONTENT_FOLDERS,
    GENERATED_INDEXES,
    SLUG,
    content_files,
    course_of,
    slug_of,
    slugify,
)
from .limits import check_limits
from .links import check_links, converts_mdx, page_links
from .markup import Reference, scan
from .messages import problems_from_validation
from .model import MODELS, Artikel, Cursus, ItemType, Module, Praktijkvoorbeeld, field_names, normalise_tag
from .page_meta import check_page_meta
from .paths import DocsTree, check_references, check_tree
from .problems import Problem, Problems, Severity, repo_path, suggest
from .published import check_published
from .safety import check_body
from .settings import Settings, theme_files_of
from .synonyms import SYNONYMS_FILE, load_synonyms
from .taxonomy import DATA_DIR, Taxonomy, load_taxonomy
from .urls import leaves_site

Meta = Artikel | Praktijkvoorbeeld | Cursus | Module
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
    collection: str | None = None
    """For a page of a collection: the collection's slug (kennisbank.collection)."""
    origin: str | None = None
    """For a page of a collection: the collection's name, beside its title in lists (bare titles such as
    'Inleiding' then say where they are from)."""
    section: str | None = None
    """For a collection page below a section of its collection: that section page's title, beside the
    collection's name in lists ('Handboek › Aanvragen'), so three pages called 'Inleiding' differ. Set by the
    index phase (:func:`kennisbank.index.hub_index.index_hub`), which knows every page's title."""
    source_fields: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)
    """A collection page's own frontmatter fields that the hub does not use, kept as they are."""
    entries: dict[tuple, tuple[str, str]] = field(default_factory=dict, init=False, repr=False, compare=False)
    """How other pages list this item: per list kind, the text before and after the link (render.list_entries)."""

    @_cached
    def type(self) -> ItemType:  # cached: asked for every item in every list a build makes
        return self.meta.type

    @_cached
    def slug(self) -> str:
        if self.collection is not None:  # unique by its path: collections repeat names such as index.md
            return posixpath.splitext(self.src)[0]
        if self.type in (ItemType.CURSUS, ItemType.MODULE) and self.course:
            stem = posixpath.splitext(posixpath.basename(self.src))[0]
            return self.course if self.type is ItemType.CURSUS else f"{self.course}/{stem}"
        return posixpath.splitext(posixpath.basename(self.src))[0]

    @property
    def title(self) -> str:
        return self.meta.titel

    @_cached
    def date(self):
        """The item's own publication date (None for a module: see :func:`kennisbank.index.rules.effective`)."""
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
        networks = self.meta_value("netwerken", ())
        return list(networks) if isinstance(networks, (list, tuple)) else []

    @_cached
    def tags(self) -> list[str]:
        # Compared in lower case: 'WGR' and 'wgr' are one tag (kennisbank.tags chooses how it is shown).
        return list(dict.fromkeys(normalise_tag(tag) for tag in self.meta.tags))

    @property
    def course_meta(self) -> Cursus:
        """The frontmatter of a course; asking it of another type is a programming error."""
        if not isinstance(self.meta, Cursus):
            raise TypeError(f"{self.src} is een {self.type.value}, geen cursus")
        return self.meta

    @property
    def module_meta(self) -> Module:
        """The frontmatter of a module; asking it of another type is a programming error."""
        if not isinstance(self.meta, Module):
            raise TypeError(f"{self.src} is een {self.type.value}, geen module")
        return self.meta

    @property
    def module_order(self) -> tuple[int, str]:
        """Where a module stands in its course: by ``volgorde``, then file name (``academie.checks`` reports doubles).

        The one ordering rule, used by the course checks and the index alike.
        """
        return self.module_meta.volgorde, self.src

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
    links: dict[str, list[Reference]] = field(default_factory=dict)
    """Markdown links of every file read (items and ordinary pages), by ``src``; see :mod:`kennisbank.content.links`."""
    collections: dict[str, Collection] = field(default_factory=dict)
    """Collections by slug (``docs/collecties/<slug>/``), with their data files."""
    source_sites: dict[str, SourceSite] = field(default_factory=dict)
    """Per collection slug, its pages by their URLs on the Docusaurus source site (collection.routes)."""

    def resolve(self, src: str, url: str) -> Resolution | None:
        """Where a link on a Docusaurus/MDX page leads as its source site reads it (collection.routes), or None
        when the link is not in a form only that site resolves."""
        site = self.source_sites.get(collection_of(src) or "")
        return site.resolve(src, url, docusaurus=converts_mdx(self, src)) if site is not None else None

    def rel(self, src: str) -> str:
        """Repository-relative path of a docs file, for messages."""
        return repo_path(self.docs_dir / src, self.root)

    def add(self, item: Item) -> None:
        """Add a loaded item: published items to :attr:`items`, concepts to :attr:`drafts`."""
        if item.meta.status.is_published():
            self.items[item.src] = item
        else:
            self.drafts.add(item.src)

    def remove(self, src: str) -> None:
        """Take an item off the hub: a lenient build leaving it out (kennisbank.content.publish)."""
        self.items.pop(src, None)

    def course_of(self, module: Item) -> Item | None:
        return self.items.get(f"{ItemType.CURSUS.folder}/{module.course}/index.md")


@cache
def _fields(model: type[BaseModel]) -> frozenset[str]:
    return frozenset(model.model_fields)  # asking the class each time is slow as well (a deprecated descriptor)


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
    hub.problems.extend(synonym_problems(docs_dir, root))
    tree = DocsTree(docs_dir)
    if cache is not None:
        cache.start(hub, frozenset(tree.files | tree.folders | tree.links))
    sources = content_files(docs_dir)
    hub.collections, collection_problems = load_collections(docs_dir, root, taxonomy, tree.folders)
    hub.problems.extend(collection_problems)
    hub.problems.extend(check_tree(tree, hub.rel, {s for s in sources if s.split("/")[0] in CONTENT_FOLDERS}))
    theme_files = hub.settings.theme_files
    if theme_files is None:
        theme_files = theme_files_of(root / "mkdocs.yml")
    hub.problems.extend(check_published(tree.files, hub.rel, theme_files, skip_folder=DATA_DIR))
    for src in sources:
        if src in GENERATED_INDEXES:
            hub.problems.add(hub.rel(src), 1, 1, "bestand",
                             "deze pagina wordt automatisch gemaakt; verwijder dit bestand")
        elif cache is not None:
            cache.load(hub, src, lambda hub, src: load_guarded(hub, src, tree))
        else:
            load_guarded(hub, src, tree)
    if cache is not None:
        cache.forget_missing(set(sources))
    hub.problems.extend(_url_collisions(hub, sources))
    _resolve_source_links(hub, tree)
    check_hub(hub)
    hub.problems.extend(check_links(hub))
    return hub


def _site_absolute(url: str) -> bool:
    return url.strip().startswith("/") and not leaves_site(url.strip())  # '/\\host/x' is another site


def _resolve_source_links(hub: Hub, tree: DocsTree) -> None:
    """Docusaurus pages link as their source site resolves (collection.routes): each such link and image is
    written as a link to its file, read from the page's folder as check reads it (links.check_links); MkDocs
    would read a URL path from the page's URL, one folder too deep. Images that lead nowhere are reported
    here (links: :func:`.links.check_links`)."""
    if not hub.collections:
        return
    items: dict[str, list[Item]] = {}
    for item in hub.items.values():
        if item.collection is not None:
            items.setdefault(item.collection, []).append(item)
    files: dict[str, list[str]] = {}
    for src in tree.files:
        slug = collection_of(src)
        if slug is not None and src.endswith((".md", ".mdx")):
            files.setdefault(slug, []).append(src)
    for slug, collection in hub.collections.items():
        own = items.get(slug, [])
        meta = {item.src: item.source.meta for item in own if item.source is not None}
        site = SourceSite(collection.folder, collection.spec.basispad, tree.files, meta, files.get(slug, []))
        hub.source_sites[slug] = site
        for item in own:
            body = rewrite(item.body, item.src, site, converts_mdx(hub, item.src))
            if body != item.body:
                # A copy: the preview's cache holds the loaded item and must keep its original body.
                hub.items[item.src] = dataclasses.replace(item, body=body)
            if item.source is not None:
                hub.problems.extend(_image_problems(hub, item, site))


def _image_problems(hub: Hub, item: Item, site: SourceSite) -> list[Problem]:
    assert item.source is not None
    if not may_need_source_site(item.source.body, converts_mdx(hub, item.src)):
        return []  # relative images are checked with every page's (paths.check_references)
    markup = scan(item.source.body, item.source.body_line)
    images = [ref for ref in markup.references if ref.kind == "image"]
    images += [Reference("image", tag.get("src") or "", "", tag.line, tag.column)
               for tag in markup.tags if tag.name == "img" and tag.get("src")]
    problems = []
    for ref in images:
        found = site.resolve(item.src, ref.url, "image", docusaurus=converts_mdx(hub, item.src))
        if found is not None and found.message is not None:
            problems.append(Problem(hub.rel(item.src), ref.line, ref.column, "afbeelding", found.message,
                                    Severity.FORM))
    return problems


def _url_collisions(hub: Hub, sources: list[str]) -> list[Problem]:
    """Two collection pages whose slugified paths are the same would overwrite each other on the site."""
    first: dict[str, str] = {}
    problems = []
    # A folder's section pages in MkDocs' order of preference, so the one MkDocs would keep is the first.
    for src in sorted(sources, key=lambda s: (url_of(s), _section_rank(s), s)):
        if collection_of(src) is None:
            continue
        target = url_of(src)
        if target not in first:
            first[target] = src
        elif is_section_page(src):
            problems.append(Problem(hub.rel(src), 1, 1, "bestand",
                                    f"de map heeft al een startpagina: {hub.rel(first[target])}; beide krijgen "
                                    f"het adres {target}; voeg deze pagina samen met die andere, of geef haar "
                                    "een eigen naam"))
        else:
            problems.append(Problem(hub.rel(src), 1, 1, "bestand",
                                    f"deze pagina krijgt hetzelfde adres ({target}) als {hub.rel(first[target])}, "
                                    "want hoofdletters, spaties en leestekens vallen weg; geef een van beide "
                                    "een andere naam"))
    return problems


def _section_rank(src: str) -> int:
    name = posixpath.basename(src)
    return SECTION_PAGE_NAMES.index(name) if name in SECTION_PAGE_NAMES else len(SECTION_PAGE_NAMES)


def load_guarded(hub: Hub, src: str, tree: DocsTree | None = None) -> Item | None:
    """:func:`load_file`, with a message instead of a traceback when a file nests deeper than Python's stack.

    The caps of :mod:`.limits` and the YAML reader refuse deep nesting first; this is the net under
    them, so that one file can never stop the loading of the others.
    """
    try:
        return load_file(hub, src, tree)
    except RecursionError:
        hub.problems.add(hub.rel(src), 1, 1, "bestand", "dit bestand is te diep genest om te lezen (lijsten, "
                         "citaten of velden in elkaar); maak de opbouw platter")
        return None


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
    hub.problems.extend(check_limits(rel, source.body, source.body_line))
    markup = scan(source.body, source.body_line)
    body_problems = check_body(rel, source.body, source.body_line, hub.settings.embeds, markup)
    if _converts_fences(hub, src):
        body_problems = [p for p in body_problems if not is_mdx_link(p, source.body, source.body_line)]
    hub.problems.extend(body_problems)
    # A collection page's site-absolute links ('/docs/gids', '@site/…' on Docusaurus, '/gids/start.md' on
    # MkDocs) are read from its source site's docs folder: collection.routes.
    claimed = None
    if _converts_fences(hub, src):
        claimed = is_docusaurus_form
    elif collection_of(src) in hub.collections:
        claimed = _site_absolute
    hub.problems.extend(check_references(rel, src, markup, tree, claimed))
    if not _converts_fences(hub, src):
        hub.problems.extend(check_fences(rel, source.body, source.body_line))
    hub.problems.extend(check_diagrams(rel, source.body, source.body_line))
    hub.problems.extend(check_fields(rel, source.meta, source.position))
    hub.links[src] = page_links(markup)
    in_content_folder = src.split("/")[0] in CONTENT_FOLDERS
    if not source.meta_ok:
        return None  # the YAML problem is reported; the model would only add 'verplicht veld ontbreekt'
    if src.startswith(f"{COLLECTIONS_FOLDER}/"):
        return _load_collection_page(hub, src, source, tree)
    if not in_content_folder and "type" not in source.meta:
        hub.problems.extend(check_page_meta(source))
        return None  # an ordinary page such as the home page or the guide
    if not source.has_frontmatter:
        hub.problems.add(rel, 1, 1, "frontmatter",
                         "frontmatter ontbreekt; begin het bestand met '---', de velden en weer '---'")
        return None
    if source.meta.get("status") == "concept":
        # Known as a concept even when the rest of its frontmatter is wrong: a broken concept is never
        # published, so a lenient build does not count it as left out (kennisbank.publish).
        hub.drafts.add(src)
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


def _converts_fences(hub: Hub, src: str) -> bool:
    """Docusaurus collections have their code-fence options converted (collection.dialects), not reported."""
    return converts_mdx(hub, src)


def _load_collection_page(hub: Hub, src: str, source: Source, tree: DocsTree) -> Item | None:
    """A page of a collection: its fields mapped from the source's own frontmatter (kennisbank.collection)."""
    slug = collection_of(src)
    collection = hub.collections.get(slug or "")
    if collection is None:
        return None  # a collection without (valid) data file: reported once, at the folder or the data file
    mapped = map_page(src, source, collection)
    hub.problems.extend(mapped.problems)
    if mapped.meta.get("status") == "concept":
        hub.drafts.add(src)
        return None
    problems = Problems()
    mapped_source = dataclasses.replace(source, meta=mapped.meta)
    meta = validate_meta(mapped_source, hub.taxonomy, problems)
    if meta is None:
        # A missing date was reported by map_page, with what to do about it.
        # So were the fields only a good practice has, with the folder type that asks for them.
        told = {p.field for p in mapped.problems if p.field not in mapped.meta} & {"gemeenten", "contact"}
        model_problems = [p for p in problems.items if p.field not in told
                          and ("gepubliceerd" in mapped.meta or p.field != "gepubliceerd")]
        hub.problems.extend(source_field_problems(_at_source_fields(model_problems, source, mapped.origin),
                                                  mapped.origin))
        return None
    item = Item(src=src, meta=meta, body=mapped.body, body_line=mapped.body_line, source=source,
                collection=collection.slug, origin=collection.spec.naam, source_fields=mapped.source_fields)
    hub.add(item)
    return item


def _at_source_fields(problems: list[Problem], source: Source, origin: dict[str, str]) -> list[Problem]:
    """Positions in the source file for problems of mapped fields; the page's first line for filled-in ones."""
    placed = []
    for problem in problems:
        name = problem.field.split(".")[0]
        line, column = source.position((origin[name],)) if name in origin else (1, 1)
        placed.append(dataclasses.replace(problem, line=line, column=column))
    return placed


def validate_meta(source: Source, taxonomy: Taxonomy, problems: Problems) -> Meta | None:
    """Validate frontmatter against the model of its ``type``."""
    raw_type = source.meta.get("type")
    if raw_type is None:
        line, column = source.position(())
        problems.add(source.path, line, column, "type",
                     f"verplicht veld ontbreekt; kies uit {', '.join(t.value for t in ItemType)}")
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
    if not item.src.endswith(".md"):
        # Links, overview pages and course folders name items by their .md file; other extensions are read
        # and checked like .md (MkDocs renders them too), but an item must use the one the hub links to.
        hub.problems.add(rel, 1, 1, "bestandsnaam", f"gebruik de extensie .md: hernoem het bestand naar "
                         f"docs/{posixpath.splitext(item.src)[0]}.md")
        return False
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
    hub.problems.extend(check_aliases(hub))


def synonym_problems(docs_dir: Path, root: Path) -> list[Problem]:
    """Problems of the search synonyms (``docs/_data/synoniemen.yml``), reported with the taxonomy's."""
    return load_synonyms(docs_dir / DATA_DIR, repo_path(docs_dir / DATA_DIR / SYNONYMS_FILE, root))[1]
