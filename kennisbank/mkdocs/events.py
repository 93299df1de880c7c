"""The MkDocs build events: each hands its work to the core. Event order in a build:

``on_pre_build`` loads and validates the whole hub *before* MkDocs cleans the
site directory, so a failing build leaves the previous site untouched, then
derives the index (:func:`kennisbank.index.hub_index.index_hub`) every later event reads;
``on_files`` adds the generated pages and drops concept items;
``on_page_markdown`` replaces an item's Markdown with the rendered item page;
``on_page_content`` sanitizes every page's HTML (contributions are untrusted);
``on_post_build`` makes the PDFs from the pages just written (:mod:`kennisbank.outputs.pdf`)
and writes the hosting headers (``_headers``).

While serving, :class:`~kennisbank.mkdocs.preview.Preview` turns each rebuild
into an incremental one (see its docstring).
"""

from __future__ import annotations

import logging
import posixpath
import re
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

import jinja2
import material as material_theme
import mkdocs.contrib.search
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Section
from mkdocs.structure.pages import Page

from .. import features
from ..content.collection.spec import page_path
from ..content.hub import Hub, load_hub
from ..content.model import normalise_tag
from ..content.page_meta import allowed_meta
from ..content.problems import ContentError, repo_path
from ..content.publish import Publication, publish, unlink
from ..content.published import file_problem, is_mdx
from ..content.settings import Settings, cache_dir_problems, load_settings
from ..index.hub_index import HubIndex, index_hub
from ..outputs import offline, pdf
from ..outputs.feeds import page_feeds
from ..outputs.search.page import BUNDLE_SRC, ENGINE, PAGE_SCRIPT, PAGE_SCRIPT_SRC, WORKER, WORKER_SRC, engine_bundle
from ..outputs.search.stub import empty_material_index
from ..outputs.security import netlify_headers
from ..outputs.store import OutputStore
from ..site import branding as site_branding
from ..site import breadcrumbs, diagrams, escaping, home, material
from ..site.blocks import BLOCKS
from ..site.pages import generated_pages
from ..site.render import item_page
from ..site.safe_ids import SafeIdsExtension
from ..site.sanitize import sanitize
from ..site.tags import item_tag_labels, tag_src
from . import build_log, nav_reuse
from .heap import build_collector
from .markdown_reuse import SHARED as SHARED_MARKDOWN
from .markdown_reuse import reuse_markdown, skip_source
from .options import BuildOptions, options_of
from .preview import Preview
from .preview_errors import ERRORS

log = logging.getLogger("mkdocs.kennisbank")
LUNR_JS = Path(mkdocs.contrib.search.__file__).parent / "templates" / "search" / "lunr.js"
MATERIAL_TEMPLATES = Path(material_theme.__file__).parent / "templates"


class Build:
    """State of one MkDocs build: the indexed hub and its generated pages."""

    def __init__(self) -> None:
        self.hub: HubIndex | None = None
        self.generated: dict[str, str] = {}
        self.parents: dict[str, str] = {}
        """Generated pages that say which page they hang under (a list's follow-on pages), for breadcrumbs."""
        self.command = "build"
        """MkDocs command of this process, from ``on_startup`` ('serve' skips PDFs unless the settings ask)."""
        self.options = BuildOptions()
        """What the command asked of this build (:mod:`.options`), read from the configuration in ``on_config``."""
        self.pdfs: dict[str, pdf.PdfDocument] = {}
        """PDFs of this build by the ``src`` of the page that links to them."""
        self.files_seen: Files | None = None
        self.preview: Preview | None = None
        """Set by ``on_startup`` of a dirty serve (``kennisbank serve``): rebuilds re-render only the pages an
        edit touches. Kept for the life of the process, as MkDocs keeps this module."""
        self.publication: Publication | None = None
        """Set in a default (lenient) build: what was published and what was left out (kennisbank.content.publish)."""
        self.collector = ExitStack()
        """Holds the build's garbage-collector settings (kennisbank.mkdocs.heap) from pre_build to the build's end."""

    def startup(self, command: str, dirty: bool) -> None:
        """MkDocs starts a command; ``mkdocs serve --dirty`` runs once per process, then rebuilds on every edit."""
        self.command = command
        if command == "serve" and dirty:
            self.preview = self.preview or Preview()
        else:
            self.preview = None  # a full build (also a serve without --dirty): every page rendered

    def config(self, config: MkDocsConfig) -> None:
        """Read the command's options; safe ids in every page (not left to a line in mkdocs.yml); serve the
        offline plugin's iframe-worker shim from the site, not unpkg.com."""
        self.options = options_of(config)
        config.markdown_extensions.append(SafeIdsExtension())  # type: ignore[arg-type]
        if site_branding.STYLESHEET not in config.extra_css:
            # First, so that a maintainer's own stylesheet can still build on the house style's variables.
            config.extra_css.insert(0, site_branding.STYLESHEET)
        if "polyfills" in config.extra:
            config.extra["polyfills"] = offline.local_polyfills(list(config.extra["polyfills"]))

    def pre_build(self, config: MkDocsConfig) -> None:
        BLOCKS.clear()
        SHARED_MARKDOWN.forget()
        self.collector.close()
        self.collector.enter_context(build_collector())
        docs_dir = Path(config.docs_dir)
        root = Path(config.config_file_path).parent if config.config_file_path else docs_dir.parent
        source = Path(config.config_file_path).read_text(encoding="utf-8") if config.config_file_path else None
        settings, setting_problems = load_settings(
            config.extra.get("kennisbank"), config.site_url, _relative(config.config_file_path, root),
            [*(f for f in config.extra_css if f != site_branding.STYLESHEET), *config.extra_javascript],
            site_name=config.site_name, docs_dir=docs_dir, source=source)
        _apply_branding(config, settings)
        setting_problems += cache_dir_problems(settings.cache, root, docs_dir,
                                               _relative(config.config_file_path, root))
        if self.preview is not None:
            settings = settings.model_copy(update={"extra_outputs": False})
        hub = load_hub(docs_dir, root, settings, self.preview.cache if self.preview else None)
        hub.problems.extend(setting_problems)
        build_log.install()
        build_log.LINK_WARNINGS.start(hub.docs_dir, hub.rel("x")[:-1])
        self.publication = None
        if not config.strict:
            self.publication = self._publish_valid_rest(hub)
            self.hub = index_hub(hub)
            return
        for warning in hub.problems.warnings():
            # INFO, not WARNING: MkDocs' strict mode stops on any warning, and a strict build must pass
            # whenever 'kennisbank check' does (which fails on errors only).
            log.info(f"{warning} (waarschuwing)")
        errors = hub.problems.errors()
        if errors:
            if self.preview is not None:
                ERRORS.set(errors)  # kennisbank serve shows them in the browser (mkdocs/preview_errors.py)
            raise PluginError(str(ContentError(errors)))
        self.hub = index_hub(hub)  # phase two: every later event reads the index

    def _publish_valid_rest(self, hub: Hub) -> Publication:
        """A default build: leave out what has errors, report everything, stop only on configuration errors."""
        publication = publish(hub)
        if publication.fatal:
            raise PluginError(str(ContentError(publication.fatal)))
        for problem in publication.problems:
            log.warning(str(problem))
        for src in publication.left_out_pages:
            log.warning(f"{hub.rel(src)}: niet gepubliceerd vanwege de fouten hierboven")
        log.info(publication.summary())
        return publication

    def files(self, files: Files, config: MkDocsConfig) -> Files:
        hub = self._hub()
        for src in sorted(hub.hub.drafts):
            file = files.get_file_from_path(src)
            if file is not None:
                files.remove(file)
        if self.publication is not None:
            _remove_left_out(files, self.publication)
        docs_dir = Path(config.docs_dir).resolve()
        for file in list(files):
            # Whatever the check let through (a lenient build), a file type or place that is not published
            # (kennisbank.content.published) never reaches the site.
            in_docs = file.abs_src_path is not None and Path(file.abs_src_path).resolve().is_relative_to(docs_dir)
            if in_docs and file_problem(file.src_uri, hub.settings.theme_files or ()) is not None:
                files.remove(file)
        self.generated = {}
        self.parents = {}
        markdown = {}
        for page in generated_pages(hub, features.GENERATORS):
            files.append(File.generated(config, page.src, content=page.markdown))
            self.generated[page.src] = page.source
            if page.parent is not None:
                self.parents[page.src] = page.parent
            markdown[page.src] = page.markdown
        self.pdfs = {}
        if self._pdf_pages_wanted():
            for document in pdf.page_documents(hub):
                if document.page is None:  # only the whole-hub PDF has no page, and it is not a page document
                    continue
                self.pdfs[document.page] = document
                # A placeholder makes MkDocs resolve and check the download links; post_build writes the PDF.
                files.append(_PdfPlaceholder.generated(config, document.target, content=b""))
        _mdx_as_pages(files, config)
        _slugify_collection_urls(files, config)
        urls = {file.src_uri: file.url for file in files.documentation_pages()}
        # The header box uses our worker only where the sharded index is built (overrides/main.html).
        config.extra["kennisbank_zoekvak"] = bool(hub.settings.extra_outputs)
        for extra in (f for generator in features.FILES for f in generator(hub, urls)):
            files.append(File.generated(config, extra.src, content=extra.content))
        # The search engine with its libraries: the lunr.js MkDocs ships (Material bundles its own into its
        # worker) and Material's Dutch lunr-languages files.
        engine = engine_bundle([LUNR_JS, *(MATERIAL_TEMPLATES / path for path in material.LUNR_LANGUAGES), ENGINE])
        files.append(File.generated(config, BUNDLE_SRC, content=engine))
        files.append(File.generated(config, WORKER_SRC, abs_src_path=str(WORKER)))
        files.append(File.generated(config, PAGE_SCRIPT_SRC, abs_src_path=str(PAGE_SCRIPT)))
        self.files_seen = files
        if self.preview is not None:
            self.preview.plan(hub, files, config, markdown)
        return files

    def _pdf_pages_wanted(self) -> bool:
        settings = self._hub().settings
        # 'kennisbank serve' turns the extra outputs off; pdf.on_serve is the explicit wish to have PDFs anyway.
        asked = settings.extra_outputs or (self.command == "serve" and settings.pdf.on_serve)
        return not self.options.whole_pdf and asked and pdf.pages_wanted(settings.pdf, self.command)

    def page_markdown(self, markdown: str, page: Page, config: MkDocsConfig) -> str:
        hub = self._hub()
        if page.file.src_uri not in self.generated and page.file.src_uri not in hub.items:
            page.meta = allowed_meta(page.meta)  # no 'template: redirect.html' on a contributed page
        page.meta["kennisbank_feeds"] = page_feeds(hub, page.file.src_uri)  # read by overrides/main.html
        if hub.settings.extra_outputs:
            page.meta["search"] = dict(material.NOT_IN_MATERIAL_INDEX)  # its index is emptied after the build
        if page.file.src_uri in self.generated:
            page.meta.setdefault("search", dict(material.QUICK_SEARCH_BOOST))
            self._pager_urls(page)
        item = hub.items.get(page.file.src_uri)
        document = self.pdfs.get(page.file.src_uri)
        if page.file.src_uri == home.HOME_SRC:
            # The home page's template is the build's choice, not the page's: contributed frontmatter may not
            # name a template (kennisbank.content.page_meta).
            page.meta["template"] = home.TEMPLATE
            markdown = self._home(markdown, page.file.content_string)
        if item is None and self.publication is not None:
            markdown = unlink(markdown, page.file.src_uri, self.publication.unpublished)
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

    def _pager_urls(self, page: Page) -> None:
        """A paged list names its neighbours by ``src``; the head's rel=prev/next (overrides/main.html) needs
        their URLs, which differ between the online site and the offline copy."""
        pager = page.meta.get("kennisbank_pager")
        if isinstance(pager, dict) and self.files_seen is not None:
            files = {rel: self.files_seen.get_file_from_path(str(src)) for rel, src in pager.items()}
            page.meta["kennisbank_pager"] = {rel: file.url for rel, file in files.items() if file is not None}

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
        _clean_search_index(config)
        # Hosts such as Netlify and Cloudflare Pages read security headers from this file.
        (Path(config.site_dir) / "_headers").write_text(netlify_headers(), encoding="utf-8")
        self._make_pdfs(config)
        if self.preview is not None:
            self.preview.finish(config)
        self.collector.close()

    def empty_material_search(self, config: MkDocsConfig) -> None:
        """With the sharded index built, Material's own index is not needed: empty it (see search.stub)."""
        if self._hub().settings.extra_outputs:
            empty_material_index(Path(config.site_dir))

    def _make_pdfs(self, config: MkDocsConfig) -> None:
        """Make the PDFs; a PDF that fails is reported with the page linking to it, the rest still made."""
        hub = self._hub()
        if self.options.whole_pdf:
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
        if self.options.shard is not None:
            documents = pdf.shard(documents, *self.options.shard)
        site_dir = Path(config.site_dir)
        store = self._store(config)
        outcomes = pdf.build_pdfs(documents, pages, site_dir, site_dir, config.site_url or "",
                                  workers=hub.settings.pdf.workers, store=store,
                                  part_items=hub.settings.pdf.part_items)
        reused = sum(1 for o in outcomes if o.reused)
        log.info(f"PDF's: {len(outcomes) - reused} opnieuw gemaakt, {reused} hergebruikt")
        for outcome in outcomes:
            if outcome.parts is not None:
                made, kept = outcome.parts
                log.info(f"{outcome.document.target}: {made} van {made + kept} delen opnieuw gemaakt, "
                         f"{kept} hergebruikt")
        if store is not None:
            store.prune()
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

    def _store(self, config: MkDocsConfig) -> OutputStore | None:
        """The output store of this build: the command line's folder, else the settings' (relative to mkdocs.yml)."""
        settings = self._hub().settings.cache
        if self.options.cache_dir is not None:
            return OutputStore(self.options.cache_dir, settings.max_mb << 20)
        if not settings.enabled:
            return None
        root = Path(config.config_file_path).parent if config.config_file_path else Path.cwd()
        return OutputStore(root / settings.dir, settings.max_mb << 20)

    def nav(self, files: Files) -> None:
        """Hang items and generated pages under their parent pages, so Material's navigation.path shows them;
        give every page the build's one Markdown instance (:mod:`.markdown_reuse`)."""
        for child, parent in {**breadcrumbs.parents(self._hub()), **self.parents}.items():
            child_file, parent_file = files.get_file_from_path(child), files.get_file_from_path(parent)
            if child_file and parent_file and child_file.page and parent_file.page and child_file.page.parent is None:
                parent_page: Page | Section = parent_file.page
                section = parent_page.parent
                if section is not None and section.children and section.children[0] is parent_page:
                    parent_page = section  # a section's index page: the path shows the section once, not twice
                child_file.page.parent = parent_page  # type: ignore[assignment]
        pages = [file.page for file in files.documentation_pages() if file.page is not None]
        reuse_markdown(pages)
        skip_source(page for page in pages if page.file.src_uri in self._hub().items)

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
        html = sanitize(html, self._hub().settings.embeds)
        if page is not None:
            page.meta[diagrams.META_KEY] = diagrams.has_diagram(html)
        return html

    def env(self, env: jinja2.Environment, config: MkDocsConfig, files: Files) -> None:
        """Turn on autoescape, and mark the titles that are HTML (see :mod:`kennisbank.escaping`)."""
        escaping.autoescape(env)
        nav_reuse.install(env)
        if self.preview is not None:
            # MkDocs makes a new theme environment per build; reuse the compiled templates.
            env.bytecode_cache = self.preview.templates
            self.preview.collect(config, files)
        for file in files.documentation_pages():
            if file.page is not None:
                _escape_titles(file.page)

    def page_context(self, context: dict, page: Page) -> None:
        """The page content is sanitized HTML: the only page value the templates print as is. The tag chips
        under the title link to the tags' pages (kennisbank.site.tags)."""
        if page.content is not None:
            page.content = escaping.page_content(page.content)
        tags = page.meta.get("tags")
        if tags and isinstance(tags, list):
            context["tags"] = [self._tag_chip(str(tag)) for tag in tags]

    def _tag_chip(self, label: str) -> TagChip:
        """A chip as Material's partials/tags.html reads it (its tags plugin used to make them); a tag no
        published item carries (on a guide page) has no page and stays a plain chip."""
        src = tag_src(self._hub(), normalise_tag(label))
        # src_uris, not get_file_from_path, which makes a PurePath per call (some 45,000 chips at 10,000 items).
        file = self.files_seen.src_uris.get(src) if src is not None and self.files_seen is not None else None
        return TagChip(label, file.url if file is not None else None)

    def build_error(self) -> None:
        self.collector.close()
        if self.preview is not None:
            self.preview.forget()

    def _hub(self) -> HubIndex:
        if self.hub is None:
            raise PluginError("kennisbank: de inhoud is nog niet geladen (on_pre_build is niet uitgevoerd)")
        return self.hub


@dataclass(frozen=True)
class TagChip:
    """What Material's ``partials/tags.html`` reads from each entry of the template's ``tags``."""

    name: str
    url: str | None
    hidden: bool = False


def _apply_branding(config: MkDocsConfig, settings: Settings) -> None:
    """The house style through Material's and MkDocs' own settings: logo, favicon, author, and the 'custom'
    palette whose colours the generated stylesheet sets (kennisbank.site.branding); the templates read the
    organisation's name."""
    branding = settings.huisstijl
    if branding.logo:
        config.theme["logo"] = branding.logo.strip().lstrip("/")
    config.theme["favicon"] = site_branding.favicon_path(branding)
    palette = config.theme.get("palette") or {}
    for scheme in palette if isinstance(palette, list) else [palette]:
        if isinstance(scheme, dict):
            scheme["primary"] = scheme["accent"] = "custom"
    config.extra["kennisbank_huisstijl"] = {"organisatie": branding.organisatie}
    if not config.site_author:  # Material's <meta name="author">: who publishes the site, unless said otherwise
        config.site_author = branding.organisatie


def _remove_left_out(files: Files, publication: Publication) -> None:
    """Files a lenient build leaves out, and everything below a left-out folder (a symbolic link, say)."""
    folders = tuple(f"{src}/" for src in publication.left_out)
    for file in list(files):
        if file.src_uri in publication.left_out or file.src_uri.startswith(folders):
            files.remove(file)


def _escape_titles(page: Page) -> None:
    # MkDocs gives titles in two forms: plain text (the nav in mkdocs.yml, set on the Page object, then
    # frontmatter, then the file name), which autoescape escapes, and the HTML text of the page's first
    # '# heading', which it would escape twice. Only the latter is replaced, on this build's Page object;
    # a page not rendered in this build keeps MkDocs' own lookup.
    rendered = getattr(page, "_title_from_render", None)
    if rendered and "title" not in vars(page) and "title" not in page.meta:
        page.title = escaping.html_text(rendered)
    escaping.toc_titles(page.toc)


def _clean_search_index(config: MkDocsConfig) -> None:
    """Material's search results print titles and tags as HTML (run before the search plugin writes)."""
    search = config.plugins.get("material/search") or config.plugins.get("search")
    index = getattr(search, "search_index", None)
    for entry in getattr(index, "entries", None) or []:
        escaping.search_entry(entry)


_RAW_MD_LINK = re.compile(r'href="(?P<path>[^":#?]+\.mdx?)(?P<anchor>#[^"]*)?"')


def _resolve_raw_links(html: str, page: Page, files: Files) -> str:
    def resolve(match: re.Match[str]) -> str:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page.file.src_uri), match.group("path")))
        # The mapping itself, not get_file_from_path: that makes a PurePath of every link (25,000 at 1,000
        # items), and normpath already gave the posix path it would look up.
        file = files.src_uris.get(target)
        if file is None:
            # Worded as MkDocs words it, so the same filter gives it in Dutch at the link's line (build_log).
            message = (f"Doc file '{page.file.src_uri}' contains a link '{match.group('path')}', "
                       "but the target is not found among documentation files.")
            log.warning(build_log.LINK_WARNINGS.dutch(message))
            return match.group(0)
        return f'href="{file.url_relative_to(page.file)}{match.group("anchor") or ""}"'

    html = _RAW_FILE.sub(lambda match: _docs_absolute(match, page, files), html)
    return _RAW_MD_LINK.sub(resolve, html)


# A raw <a href>/<img src> naming a file by its docs-absolute path, as collection.routes writes the links of a
# Docusaurus page's raw HTML (mkdocs.yml's absolute_links: relative_to_docs, which MkDocs applies to Markdown).
_RAW_FILE = re.compile(r'(?P<attr>href|src)="/(?P<path>[^"#?/][^"#?]*)(?P<rest>[#?][^"]*)?"')


def _docs_absolute(match: re.Match[str], page: Page, files: Files) -> str:
    file = files.src_uris.get(unquote(match.group("path")))
    if file is None:
        return match.group(0)
    return f'{match.group("attr")}="{file.url_relative_to(page.file)}{match.group("rest") or ""}"'


def _relative(path: str | None, root: Path) -> str:
    return repo_path(Path(path).resolve(), root.resolve()) if path else "mkdocs.yml"


BUILD = Build()


def _slugify_collection_urls(files: Files, config: MkDocsConfig) -> None:
    """Publish collection pages at their slugified paths (``Eerste Stappen.md`` → ``eerste-stappen/``).

    Only the destination changes: the page keeps its ``src_uri``, so the source's relative links
    (``[x](Eerste%20Stappen.md)``) still resolve through MkDocs and are written with the new URL.
    """
    for file in files.documentation_pages():
        target = page_path(file.src_uri)
        if target != file.src_uri:
            kind = _MdxPage if is_mdx(target) else File
            file.dest_uri = kind(target, config.docs_dir, config.site_dir, config.use_directory_urls).dest_uri
            for derived in ("url", "abs_dest_path"):  # cached from the old destination, if already read
                file.__dict__.pop(derived, None)


class _PdfPlaceholder(File):
    """A PDF among the site's files, for MkDocs to resolve and check the links to it; ``on_post_build`` writes
    it, so MkDocs writes nothing here (an empty file per PDF, 1,022 at 1,000 items, each written twice)."""

    def copy_file(self, dirty: bool = False) -> None:
        pass


class _MdxPage(File):
    """A collection's ``.mdx`` file as a page: MkDocs only renders its own Markdown extensions, and the page's
    Markdown comes from the hub item (converted MDX) anyway, see ``page_markdown``."""

    def is_documentation_page(self) -> bool:
        return True


def _mdx_as_pages(files: Files, config: MkDocsConfig) -> None:
    for file in [f for f in files if is_mdx(f.src_uri) and not f.is_documentation_page()]:
        files.remove(file)
        files.append(_MdxPage(file.src_uri, config.docs_dir, config.site_dir, config.use_directory_urls))
