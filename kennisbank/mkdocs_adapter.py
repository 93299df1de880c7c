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
"""

from __future__ import annotations

import logging
from pathlib import Path

import mkdocs.contrib.search
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from . import features, offline, pdf
from .hub import Hub, load_hub
from .pages import generated_pages
from .problems import ContentError
from .render import item_page
from .sanitize import sanitize
from .security import netlify_headers
from .search.page import GENERATED_PAGE_SEARCH, LUNR_SRC
from .settings import load_settings

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

    def startup(self, command: str) -> None:
        self.command = command

    def config(self, config: MkDocsConfig) -> None:
        """Serve the offline plugin's iframe-worker shim from the site, not from unpkg.com."""
        if "polyfills" in config.extra:
            config.extra["polyfills"] = offline.local_polyfills(list(config.extra["polyfills"]))

    def pre_build(self, config: MkDocsConfig) -> None:
        docs_dir = Path(config.docs_dir)
        root = Path(config.config_file_path).parent if config.config_file_path else docs_dir.parent
        settings, setting_problems = load_settings(
            config.extra.get("kennisbank"), config.site_url, _relative(config.config_file_path, root))
        hub = load_hub(docs_dir, root, settings)
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
        docs_prefix = _relative(config.docs_dir, hub.root).rstrip("/") + "/"
        for page in generated_pages(hub, features.GENERATORS):
            file = File.generated(config, page.src, content=page.markdown)
            if page.source.startswith(docs_prefix) and not page.source.endswith("/"):
                # MkDocs makes the 'edit' link from edit_uri + this path: the data file the page comes from.
                file.edit_uri = page.source[len(docs_prefix):]
            files.append(file)
            self.generated[page.src] = page.source
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
        return files

    def _pdf_pages_wanted(self) -> bool:
        return self.pdf_mode == "pages" and pdf.pages_wanted(self._hub().settings.pdf, self.command)

    def page_markdown(self, markdown: str, page: Page, config: MkDocsConfig) -> str:
        hub = self._hub()
        source = self.generated.get(page.file.src_uri)
        if source and source.endswith("/"):
            page.edit_url = _folder_url(config, source)
        if page.file.src_uri in self.generated:
            page.meta.setdefault("search", dict(GENERATED_PAGE_SEARCH))
        item = hub.items.get(page.file.src_uri)
        document = self.pdfs.get(page.file.src_uri)
        if item is None:
            return pdf.with_download_link(markdown, page.file.src_uri, document.target) if document else markdown
        # MkDocs read the frontmatter with its own (lenient) reader; ours is authoritative.
        page.meta["title"] = item.title
        page.meta["description"] = item.meta.samenvatting
        page.meta["tags"] = item.tags
        markdown = item_page(hub, item, features.BEFORE_BODY, features.AFTER_BODY)
        return pdf.with_download_link(markdown, item.src, document.target) if document else markdown

    def post_build(self, config: MkDocsConfig) -> None:
        # Hosts such as Netlify and Cloudflare Pages read security headers from this file.
        (Path(config.site_dir) / "_headers").write_text(netlify_headers(), encoding="utf-8")
        self._make_pdfs(config)

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

    def page_content(self, html: str) -> str:
        """Every page's HTML through the sanitizer, so no contributed markup can run script."""
        return sanitize(html, self._hub().settings.embeds)

    def _hub(self) -> Hub:
        if self.hub is None:
            raise PluginError("kennisbank: de inhoud is nog niet geladen (on_pre_build is niet uitgevoerd)")
        return self.hub


def _folder_url(config: MkDocsConfig, folder: str) -> str | None:
    """A folder has no edit page; GitHub and GitLab show it under 'tree' where 'edit' would be."""
    edit_uri = config.edit_uri or ""
    if not config.repo_url or not edit_uri.startswith("edit/"):
        return None
    branch = edit_uri.split("/")[1]
    return f"{config.repo_url.rstrip('/')}/tree/{branch}/{folder.rstrip('/')}"


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
    if target.exists():
        shutil.rmtree(target)
    staging.rename(target)


def serve_site(config_file: Path, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve with live reload, like ``mkdocs serve``."""
    from mkdocs.commands.serve import serve

    serve(str(config_file), dev_addr=f"{host}:{port}", livereload=True)


class BuildFailed(Exception):
    """The MkDocs build stopped; the reasons were logged."""
