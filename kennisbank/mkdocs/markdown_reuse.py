"""One Python-Markdown instance for all pages of a build, reset between pages.

MkDocs' ``Page.render`` makes a new ``markdown.Markdown`` for every page: it imports, configures and
registers every extension again (0.5 ms a page, about 10 % of converting an item page) and leaves the
old instance, a web of cross-references, for the cyclic garbage collector. Python-Markdown's documented
way to convert several documents is one instance and ``reset()`` between them; every extension that
keeps state between documents implements ``reset`` (footnotes, abbr, toc, md_in_html, pymdownx's
superfences, tabbed, details, emoji; the self-check counter of :mod:`kennisbank.academie.markdown_ext`).

So each page of a build gets a render method (:func:`reuse_markdown`) that does what MkDocs' does,
step for step, on the build's one instance: reset it, register MkDocs' four per-page processors under
their own names (which replaces the previous page's), convert. MkDocs' processors are private
classes; ``tests/test_mkdocs_internals.py`` pins them and compares the two renders page by page.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Iterable

import markdown
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure import pages as mkdocs_pages
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

log = logging.getLogger("mkdocs.structure.pages")
"""MkDocs' own logger: it decides, as in ``Page.render``, whether anchor links are collected."""


class SharedMarkdown:
    """The Markdown instance of one build's configuration, made on first use."""

    def __init__(self) -> None:
        self._config: MkDocsConfig | None = None
        self._md: markdown.Markdown | None = None

    def forget(self) -> None:
        """A new build (a serve rebuild may have reloaded mkdocs.yml): make the instance anew."""
        self._config = self._md = None

    def instance(self, config: MkDocsConfig) -> markdown.Markdown:
        if self._md is None or self._config is not config:
            self._md = markdown.Markdown(extensions=config["markdown_extensions"],
                                         extension_configs=config["mdx_configs"] or {})
            self._config = config
        return self._md

    def render(self, page: Page, config: MkDocsConfig, files: Files) -> None:
        """``Page.render`` of MkDocs 1.6 with the shared instance (keep in step with it)."""
        if page.markdown is None:
            raise RuntimeError("`markdown` field hasn't been set (via `read_source`)")
        md = self.instance(config).reset()
        raw_html = mkdocs_pages._RawHTMLPreprocessor()
        raw_html._register(md)
        anchors = mkdocs_pages._ExtractAnchorsTreeprocessor(page.file, files, config)
        anchors._register(md)
        relative_paths = mkdocs_pages._RelativePathTreeprocessor(page.file, files, config)
        relative_paths._register(md)
        title = mkdocs_pages._ExtractTitleTreeprocessor()
        title._register(md)
        page.content = md.convert(page.markdown)
        page.toc = get_toc(getattr(md, "toc_tokens", []))
        page._title_from_render = title.title
        page.present_anchor_ids = anchors.present_anchor_ids | raw_html.present_anchor_ids
        if log.getEffectiveLevel() > logging.DEBUG:
            page.links_to_anchors = relative_paths.links_to_anchors


SHARED = SharedMarkdown()


def reuse_markdown(pages: Iterable[Page], shared: SharedMarkdown = SHARED) -> None:
    """Give each page a render method that uses ``shared``'s instance instead of a new one."""
    for page in pages:
        # An attribute of the instance shadows the class's method: only this build's pages are affected.
        page.render = functools.partial(shared.render, page)  # type: ignore[method-assign]


def skip_source(pages: Iterable[Page]) -> None:
    """Pages whose Markdown and metadata the build writes itself (items): MkDocs need not read their files.

    ``Page.read_source`` reads the file and parses its frontmatter with MkDocs' own YAML reader, which
    ``on_page_markdown`` then replaces as a whole: the hub read and checked every item already.
    """
    for page in pages:
        page.read_source = functools.partial(_no_source, page)  # type: ignore[method-assign]


def _no_source(page: Page, config: MkDocsConfig) -> None:
    page.markdown, page.meta = "", {}
