"""Incremental rebuilds for ``kennisbank serve``: re-render only the pages an edit touches.

Leans on MkDocs internals: ``File.is_modified`` deciding what a dirty build renders,
``Page.markdown``/``Page.content`` read by plugins in ``on_env``, the search plugin's
``search_index.entries`` and Material's ``search_index_prev``, and the
``mkdocs.commands.build`` logger's dirty-build warning.
"""

from __future__ import annotations

import logging
from pathlib import Path

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.utils import clean_directory

from .. import features
from ..content.cache import SourceCache, stamp
from ..index.hub_index import HubIndex
from ..site import home
from ..site.render import item_page
from ..site.tags import item_tag_labels


class _DirtyWarning(logging.Filter):
    # MkDocs warns that dirty builds give inaccurate pages, which in strict mode
    # aborts the build; Preview marks every affected page, so the warning does not apply.
    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("A 'dirty' build is being performed")


def quiet_dirty_warning() -> None:
    logger = logging.getLogger("mkdocs.commands.build")
    if not any(isinstance(f, _DirtyWarning) for f in logger.filters):
        logger.addFilter(_DirtyWarning())


def _fixed(value: bool):
    return lambda: value


class _CompiledTemplates(jinja2.BytecodeCache):
    """Compiled theme templates kept in memory between rebuilds.

    Compiling Material's templates takes about a second per build; Jinja's
    bytecode cache is keyed by template name and source checksum, so an edited
    template is still recompiled.
    """

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


class Preview:
    """Incremental rebuilds while serving, as correct as a full build.

    Every rebuild still loads the hub (unchanged files come from the
    :class:`~kennisbank.content.cache.SourceCache`), derives its index again
    (the related index is reused while no item's keywords change), generates
    every overview page and renders every item page's Markdown from that index:
    that is cheap, and no page can miss a change to a list it shows. The expensive part,
    Markdown to HTML and the theme template, runs only for pages whose
    Markdown differs from the previous build (or whose file is newer than its
    output). Pages that are not re-rendered still pass through every plugin's
    ``on_page_markdown``, so plugins that collect from all pages (such as
    Material's tags plugin, if a hub still lists it) see the whole site; the search index keeps the previous
    entries of pages that were not re-rendered. A change to the set of pages,
    to ``mkdocs.yml`` or to the taxonomy, or a failed build, makes the next
    build a full one.
    """

    def __init__(self) -> None:
        self.cache = SourceCache()
        self.templates = _CompiledTemplates()
        self.rendered: dict[str, str] = {}
        """Item Markdown of the current build, by ``src``."""
        self.rebuilt: set[str] = set()
        """``src`` of the pages re-rendered in the current build."""
        self.full = True
        self._state: tuple | None = None
        self._pending: tuple | None = None
        self._search_entries: list | None = None
        self._rebuilt_urls: set[str] = set()

    def plan(self, hub: HubIndex, files: Files, config: MkDocsConfig, generated: dict[str, str]) -> None:
        """Decide which pages this build re-renders, by setting ``File.is_modified``."""
        self.rendered = {src: item_page(hub, item, features.BEFORE_BODY, features.AFTER_BODY)
                         for src, item in hub.items.items()}
        # The home page lists the newest and featured items: it changes when its generated sections do.
        markdown = {**generated, **self.rendered, home.HOME_SRC: home.sections(hub)}
        tags = {src: tuple(item_tag_labels(hub, item)) for src, item in hub.items.items()}
        pages = files.documentation_pages()
        sources = frozenset(f.src_uri for f in pages)
        data_dir = Path(config.docs_dir) / "_data"
        fingerprint = (config.config_file_path, stamp(Path(config.config_file_path or ".")), config.docs_dir,
                       config.site_dir, tuple(sorted((p.name, stamp(p)) for p in data_dir.rglob("*.yml"))))
        previous = self._state
        self._pending = (fingerprint, sources, markdown, tags)
        self.full = previous is None or previous[0] != fingerprint or previous[1] != sources
        if previous is not None and previous[1] != sources:
            clean_directory(config.site_dir)  # a removed or renamed page must not stay online
        self.rebuilt = set()
        self._rebuilt_urls = set()
        for file in pages:
            src = file.src_uri
            if self.full or previous is None:
                modified = True
            elif src in markdown:
                modified = markdown[src] != previous[2].get(src) or (file.generated_by is None and file.is_modified())
            else:  # a page of its own (the guide), whose tag chips follow the hub's tags
                modified = previous[3] != tags or file.is_modified()
            file.is_modified = _fixed(modified)  # type: ignore[method-assign]
            if modified:
                self.rebuilt.add(src)
                # As Page.url, which search entries use: the home page is "" rather than "./".
                self._rebuilt_urls.add("" if file.url in (".", "./") else file.url)

    def collect(self, config: MkDocsConfig, files: Files) -> None:
        """Let plugins see the pages this build does not re-render (run before plugins render in ``on_env``)."""
        if self.full:
            return
        for file in files.documentation_pages():
            page = file.page
            if page is None or file.src_uri in self.rebuilt:
                continue
            if page.markdown is None:
                if file.src_uri in self.rendered:
                    page.markdown = ""  # on_page_markdown puts the rendered item page in its place
                else:
                    page.read_source(config)
            config.plugins.on_page_markdown(page.markdown or "", page=page, config=config, files=files)
            if page.content is None:
                page.content = ""  # plugins that fill listings into page content expect a string; not written

    def finish(self, config: MkDocsConfig) -> None:
        """Complete the search index with the pages not re-rendered (run before the search plugin writes it)."""
        search = config.plugins.get("material/search") or config.plugins.get("search")
        index = getattr(search, "search_index", None)
        if index is not None and hasattr(index, "entries"):
            if not self.full and self._search_entries is not None:
                kept = [e for e in self._search_entries
                        if e.get("location", "").split("#")[0] not in self._rebuilt_urls]
                index.entries = kept + index.entries
            search.search_index_prev = None  # type: ignore[union-attr]  # we merged; Material's merge assumes one page
            self._search_entries = index.entries
        self._state = self._pending

    def forget(self) -> None:
        """After a failed build the output is unknown: make the next build a full one."""
        self._state = None
        self._search_entries = None
