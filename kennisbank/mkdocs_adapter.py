"""The one module that knows MkDocs: it hands each build event to the core.

Keeping MkDocs here (and only here) means a later move to another engine
touches this file and ``hooks/`` alone. Event order in a build:

``on_pre_build`` loads and validates the whole hub *before* MkDocs cleans the
site directory, so a failing build leaves the previous site untouched;
``on_files`` adds the generated pages and drops concept items;
``on_page_markdown`` replaces an item's Markdown with the rendered item page;
``on_page_content`` sanitizes every page's HTML (contributions are untrusted);
``on_post_build`` makes the PDFs from the pages just written (:mod:`kennisbank.pdf`)
and writes the hosting headers (``_headers``).

While serving, :class:`Preview` turns each rebuild into an incremental one
(see its docstring).
"""

from __future__ import annotations

import logging
import posixpath
import re
from contextlib import ExitStack
from pathlib import Path

import jinja2
import mkdocs.contrib.search
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from . import breadcrumbs, features, home, offline, pdf
from .blocks import BLOCKS
from .cache import SourceCache, stamp
from .hub import Hub, load_hub
from .pages import generated_pages
from .problems import ContentError
from .feeds import page_feeds
from .heap import build_collector
from .render import item_page
from .sanitize import sanitize
from .security import netlify_headers
from .search.page import GENERATED_PAGE_SEARCH, LUNR_SRC
from .settings import load_settings
from .tags import item_tag_labels

log = logging.getLogger("mkdocs.kennisbank")
LUNR_JS = Path(mkdocs.contrib.search.__file__).parent / "templates" / "search" / "lunr.js"


class Build:
    """State of one MkDocs build: the loaded hub and its generated pages."""

    def __init__(self) -> None:
        self.hub: Hub | None = None
        self.generated: dict[str, str] = {}
        self.command = "build"
        """MkDocs command of this process ('serve' skips PDFs unless the settings ask for them)."""
        self.pdf_mode = "pages"
        """'pages': a PDF per item, theme and network; 'whole': only the whole-hub PDF."""
        self.pdfs: dict[str, pdf.PdfDocument] = {}
        """PDFs of this build by the ``src`` of the page that links to them."""
        self.files_seen: Files | None = None
        self.preview: Preview | None = None
        """Set while serving: rebuilds re-render only the pages an edit touches."""
        self.collector = ExitStack()
        """Holds the build's garbage-collector settings (kennisbank.heap) from pre_build to the build's end."""

    def startup(self, command: str) -> None:
        self.command = command

    def config(self, config: MkDocsConfig) -> None:
        """Serve the offline plugin's iframe-worker shim from the site, not from unpkg.com."""
        if "polyfills" in config.extra:
            config.extra["polyfills"] = offline.local_polyfills(list(config.extra["polyfills"]))

    def pre_build(self, config: MkDocsConfig) -> None:
        BLOCKS.clear()
        self.collector.close()
        self.collector.enter_context(build_collector())
        docs_dir = Path(config.docs_dir)
        root = Path(config.config_file_path).parent if config.config_file_path else docs_dir.parent
        settings, setting_problems = load_settings(
            config.extra.get("kennisbank"), config.site_url, _relative(config.config_file_path, root))
        if self.preview is not None:
            settings = settings.model_copy(update={"extra_outputs": False})
        hub = load_hub(docs_dir, root, settings, self.preview.cache if self.preview else None)
        hub.problems.extend(setting_problems)
        for warning in hub.problems.warnings():
            log.warning(str(warning))
        errors = hub.problems.errors()
        if errors:
            raise PluginError(str(ContentError(errors)))
        self.hub = hub

    def files(self, files: Files, config: MkDocsConfig) -> Files:
        hub = self._hub()
        for src in sorted(hub.drafts):
            file = files.get_file_from_path(src)
            if file is not None:
                files.remove(file)
        self.generated = {}
        markdown = {}
        for page in generated_pages(hub, features.GENERATORS):
            files.append(File.generated(config, page.src, content=page.markdown))
            self.generated[page.src] = page.source
            markdown[page.src] = page.markdown
        self.pdfs = {}
        if self._pdf_pages_wanted():
            for document in pdf.page_documents(hub):
                self.pdfs[document.page] = document
                # A placeholder makes MkDocs resolve and check the download links; post_build overwrites it.
                files.append(File.generated(config, document.target, content=b""))
        urls = {file.src_uri: file.url for file in files.documentation_pages()}
        for extra in (f for generator in features.FILES for f in generator(hub, urls)):
            files.append(File.generated(config, extra.src, content=extra.content))
        # The search page's lunr.js is the copy MkDocs ships (Material bundles its own into a worker).
        files.append(File.generated(config, LUNR_SRC, abs_src_path=str(LUNR_JS)))
        self.files_seen = files
        if self.preview is not None:
            self.preview.plan(hub, files, config, markdown)
        return files

    def _pdf_pages_wanted(self) -> bool:
        settings = self._hub().settings
        # 'kennisbank serve' turns the extra outputs off; pdf.on_serve is the explicit wish to have PDFs anyway.
        asked = settings.extra_outputs or (self.command == "serve" and settings.pdf.on_serve)
        return self.pdf_mode == "pages" and asked and pdf.pages_wanted(settings.pdf, self.command)

    def page_markdown(self, markdown: str, page: Page, config: MkDocsConfig) -> str:
        hub = self._hub()
        page.meta["kennisbank_feeds"] = page_feeds(hub, page.file.src_uri)  # read by overrides/main.html
        if page.file.src_uri in self.generated:
            page.meta.setdefault("search", dict(GENERATED_PAGE_SEARCH))
        item = hub.items.get(page.file.src_uri)
        document = self.pdfs.get(page.file.src_uri)
        if page.file.src_uri == home.HOME_SRC:
            markdown = self._home(markdown, page.file.content_string)
        if item is None:
            # Readers first: the edit pencil only where a contributor edits the text shown (an item), not on
            # overview pages, the home page or the guide, where it opened a data file or a source folder.
            page.edit_url = None
            return pdf.with_download_link(markdown, page.file.src_uri, document.target) if document else markdown
        # MkDocs read the frontmatter with its own (lenient) reader; ours is authoritative.
        page.meta["title"] = item.title
        page.meta["description"] = item.meta.samenvatting
        page.meta["tags"] = item_tag_labels(hub, item)
        if self.preview is not None and page.file.src_uri in self.preview.rendered:
            markdown = self.preview.rendered[page.file.src_uri]
        else:
            markdown = item_page(hub, item, features.BEFORE_BODY, features.AFTER_BODY)
        return pdf.with_download_link(markdown, item.src, document.target) if document else markdown

    def _home(self, markdown: str, source: str) -> str:
        hub = self._hub()
        # MkDocs hands over the Markdown without its frontmatter: count the lines it took, for messages.
        start = source.find(markdown[:200])
        markdown, problems = home.fill(markdown, hub, hub.rel(home.HOME_SRC),
                                       source.count("\n", 0, start) if start > 0 else 0)
        for problem in problems:
            log.warning(str(problem))  # a strict build fails on it, like any other warning
        return markdown

    def post_build(self, config: MkDocsConfig) -> None:
        # Hosts such as Netlify and Cloudflare Pages read security headers from this file.
        (Path(config.site_dir) / "_headers").write_text(netlify_headers(), encoding="utf-8")
        self._make_pdfs(config)
        if self.preview is not None:
            self.preview.finish(config)
        self.collector.close()

    def _make_pdfs(self, config: MkDocsConfig) -> None:
        """Make the PDFs; a PDF that fails is reported with the page linking to it, the rest still made."""
        hub = self._hub()
        if self.pdf_mode == "whole":
            documents = [pdf.whole_hub_document(hub, config.site_name)]
        else:
            documents = list(self.pdfs.values())
        if not documents or self.files_seen is None:
            return
        pages = {}
        for document in documents:
            for src in document.pages:
                file = self.files_seen.get_file_from_path(src)
                if file is not None:
                    pages[src] = pdf.Page(src, file.dest_uri)
        site_dir = Path(config.site_dir)
        outcomes = pdf.build_pdfs(documents, pages, site_dir, site_dir, config.site_url or "",
                                  workers=hub.settings.pdf.workers)
        report = log.error if config.strict else log.warning
        for outcome in outcomes:
            if outcome.error is None:
                continue
            document = outcome.document
            where = "mkdocs.yml"
            if document.page:
                where = self.generated.get(document.page) or hub.rel(document.page)
            report(f"{where}:1:1: pdf: de PDF '{document.target}' van '{document.title}' kon niet worden gemaakt "
                   f"({outcome.error}); de link 'Download als PDF' op deze pagina werkt niet")

    def nav(self, files: Files) -> None:
        """Hang items and generated pages under their parent pages, so Material's navigation.path shows them."""
        for child, parent in breadcrumbs.parents(self._hub()).items():
            child_file, parent_file = files.get_file_from_path(child), files.get_file_from_path(parent)
            if child_file and parent_file and child_file.page and parent_file.page and child_file.page.parent is None:
                parent = parent_file.page
                section = parent.parent
                if section is not None and section.children and section.children[0] is parent:
                    parent = section  # a section's index page: the path shows the section once, not twice
                child_file.page.parent = parent  # type: ignore[assignment]

    def page_content(self, html: str, page: Page | None = None, files: Files | None = None) -> str:
        """Every page's HTML through the sanitizer, so no contributed markup can run script.

        Raw HTML that the core writes (lists on item and overview pages, the
        knowledge map's SVG) links to pages by their ``.md`` path like Markdown
        does; MkDocs converts only Markdown links, so those are resolved here,
        the same way.
        """
        html = BLOCKS.expand(html)
        if page is not None and files is not None:
            html = _resolve_raw_links(html, page, files)
        return sanitize(html, self._hub().settings.embeds)

    def env(self, env: jinja2.Environment, config: MkDocsConfig, files: Files) -> None:
        if self.preview is not None:
            # MkDocs makes a new theme environment per build; reuse the compiled templates.
            env.bytecode_cache = self.preview.templates
            self.preview.collect(config, files)

    def build_error(self) -> None:
        self.collector.close()
        if self.preview is not None:
            self.preview.forget()

    def _hub(self) -> Hub:
        if self.hub is None:
            raise PluginError("kennisbank: de inhoud is nog niet geladen (on_pre_build is niet uitgevoerd)")
        return self.hub


_RAW_MD_LINK = re.compile(r'href="(?P<path>[^":#?]+\.md)(?P<anchor>#[^"]*)?"')


def _resolve_raw_links(html: str, page: Page, files: Files) -> str:
    def resolve(match: re.Match[str]) -> str:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page.file.src_uri), match.group("path")))
        file = files.get_file_from_path(target)
        if file is None:
            log.warning(f"Doc file '{page.file.src_uri}' contains a link '{match.group('path')}', "
                        "but the target is not found among documentation files.")
            return match.group(0)
        return f'href="{file.url_relative_to(page.file)}{match.group("anchor") or ""}"'

    return _RAW_MD_LINK.sub(resolve, html)


def _relative(path: str | None, root: Path) -> str:
    if not path:
        return "mkdocs.yml"
    try:
        return Path(path).resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return Path(path).name


BUILD = Build()


OFFLINE_SWITCH = "KENNISBANK_OFFLINE"
"""Environment variable that mkdocs.yml reads to enable Material's offline plugin."""


def build_site(config_file: Path, site_dir: Path | None = None, *, strict: bool = True,
               offline: bool = False, whole_pdf: Path | None = None) -> None:
    """Build the site like ``mkdocs build``; raises ``ContentError``/``SystemExit`` on failure.

    The site is built into a sibling temporary folder and moved into place only
    when the build succeeded, so a failed build never leaves a half-built site.
    ``offline`` builds the copy for ``file://`` (Material's offline plugin);
    ``whole_pdf`` makes only the whole-hub PDF and writes it there (the site
    itself is then thrown away).
    """
    import os
    import shutil
    import tempfile

    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    BUILD.preview = None
    previous = os.environ.get(OFFLINE_SWITCH)
    os.environ[OFFLINE_SWITCH] = "true" if offline else "false"
    try:
        config = load_config(str(config_file), strict=strict)
    finally:
        if previous is None:
            del os.environ[OFFLINE_SWITCH]
        else:
            os.environ[OFFLINE_SWITCH] = previous
    target = Path(site_dir) if site_dir else Path(config.site_dir)
    if whole_pdf is not None:
        target = Path(tempfile.mkdtemp(prefix=".kennisbank-pdf-", dir=Path(whole_pdf).resolve().parent))
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".kennisbank-", dir=target.parent))
    config.site_dir = str(staging)
    BUILD.command = "build"
    BUILD.pdf_mode = "whole" if whole_pdf is not None else "pages"
    try:
        build(config)
    except Abort as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise BuildFailed(str(exc)) from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        BUILD.pdf_mode = "pages"
    if whole_pdf is not None:
        made = staging / pdf.WHOLE_HUB
        try:
            if not made.is_file():
                raise BuildFailed(f"de PDF van de hele kennisbank is niet gemaakt ({pdf.WHOLE_HUB} ontbreekt)")
            os.replace(made, whole_pdf)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
            shutil.rmtree(target, ignore_errors=True)
        return
    if offline:
        from .offline import remove_server_only

        remove_server_only(staging)
    if target.exists():
        shutil.rmtree(target)
    staging.rename(target)


def serve_site(config_file: Path, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve with live reload, like ``mkdocs serve``, but rebuild only what an edit touches.

    MkDocs' ``dirty`` build re-renders the pages whose ``File.is_modified()``
    is true; :class:`Preview` sets that to exactly the pages whose content an
    edit changes, so the preview stays as correct as a full build.
    """
    from mkdocs.commands.serve import serve

    BUILD.preview = Preview()
    _quiet_dirty_warning()
    serve(str(config_file), dev_addr=f"{host}:{port}", livereload=True, build_type="dirty")


def preview_build(config_file: Path, site_dir: Path, serve_url: str = "http://127.0.0.1:8000/") -> Preview:
    """One build as ``kennisbank serve`` makes it: the first in a process is full, later ones incremental."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    if BUILD.preview is None:
        BUILD.preview = Preview()
    _quiet_dirty_warning()
    from mkdocs.exceptions import Abort

    config = load_config(str(config_file), site_dir=str(site_dir))
    config.site_url = serve_url
    try:
        build(config, serve_url=serve_url, dirty=True)
    except Abort as exc:
        raise BuildFailed(str(exc)) from None
    return BUILD.preview


class _DirtyWarning(logging.Filter):
    # MkDocs warns that dirty builds give inaccurate pages, which in strict mode
    # aborts the build; Preview marks every affected page, so the warning does not apply.
    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("A 'dirty' build is being performed")


def _quiet_dirty_warning() -> None:
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
    :class:`~kennisbank.cache.SourceCache`), generates every overview page and
    renders every item page's Markdown: that is cheap. The expensive part,
    Markdown to HTML and the theme template, runs only for pages whose
    Markdown differs from the previous build (or whose file is newer than its
    output). Pages that are not re-rendered still pass through every plugin's
    ``on_page_markdown``, so plugins that collect from all pages (Material's
    tags index) see the whole site; the search index keeps the previous
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

    def plan(self, hub: Hub, files: Files, config: MkDocsConfig, generated: dict[str, str]) -> None:
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
                       config.site_dir, tuple(sorted((p.name, stamp(p)) for p in data_dir.glob("*.yml"))))
        previous = self._state
        self._pending = (fingerprint, sources, markdown, tags)
        self.full = previous is None or previous[0] != fingerprint or previous[1] != sources
        if previous is not None and previous[1] != sources:
            from mkdocs.utils import clean_directory

            clean_directory(config.site_dir)  # a removed or renamed page must not stay online
        self.rebuilt = set()
        self._rebuilt_urls = set()
        for file in pages:
            src = file.src_uri
            if self.full:
                modified = True
            elif src in markdown:
                modified = markdown[src] != previous[2].get(src) or (file.generated_by is None and file.is_modified())
            else:  # a page of its own, such as the tags index
                modified = previous[3] != tags or file.is_modified()
            file.is_modified = _fixed(modified)  # type: ignore[method-assign]
            if modified:
                self.rebuilt.add(src)
                # As Page.url, which search entries use: the home page is "" rather than "./".
                self._rebuilt_urls.add("" if file.url in (".", "./") else file.url)

    def collect(self, config: MkDocsConfig, files: Files) -> None:
        """Let plugins see the pages this build does not re-render (run before Material's tags index)."""
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
            config.plugins.on_page_markdown(page.markdown, page=page, config=config, files=files)
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



class BuildFailed(Exception):
    """The MkDocs build stopped; the reasons were logged."""
