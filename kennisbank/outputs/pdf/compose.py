"""Compose one print document (HTML) from pages the site build already rendered.

Why from the built HTML and not from the Markdown: the pages are already
rendered by MkDocs with every Markdown extension of ``mkdocs.yml``
(admonitions, footnotes, tabs, emoji, attribute lists) and with the item-page
templates; rendering the Markdown a second time would duplicate that
configuration and drift from the site. Here each page's ``<article>`` is
taken, made self-contained (ids made unique per page, links between pages of
the same PDF turned into internal links, other site links made absolute) and
put after a cover and a table of contents.
"""

from __future__ import annotations

import datetime as dt
import html
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup, Tag

from ...content.text import dutch_date
from ...site import material
from .plan import LINK_CLASS, PdfDocument

SITE_NAME = "VNG Kennisbank"
# Screen-only parts of an article: Material's (material.SCREEN_ONLY), the PDF link itself, the module pager.
_DROP = [*material.SCREEN_ONLY, f"a.{LINK_CLASS}", "nav.kb-pager", "input", "form", "script", "button"]


@dataclass(frozen=True)
class Page:
    """One built page: its ``src``, where its HTML lies below the site root, its title."""

    src: str
    dest: str
    """Path of the built HTML below the site root, e.g. ``artikelen/x/index.html``."""


def article_html(site_dir: Path, dest: str) -> str:
    """The main content of a built page (Material's ``<article>``)."""
    text = (site_dir / dest).read_text(encoding="utf-8")
    match = material.ARTICLE.search(text)
    if match is None:
        raise ValueError(f"{dest}: geen <article> gevonden in de gebouwde pagina")
    return match.group(1)


def compose(document: PdfDocument, pages: dict[str, Page], site_dir: Path, site_url: str,
            today: dt.date | None = None) -> str:
    """The print HTML of ``document``: cover, table of contents, then every page in order."""
    body, entries = body_sections(document, pages, site_dir, site_url)
    return print_html(document, today, cover(document, today or dt.date.today(), site_url) + "\n" + toc(entries), body)


def print_html(document: PdfDocument, today: dt.date | None, front: str, body: list[str], style: str = "") -> str:
    """A print document: its metadata, then ``front`` (cover, contents) and the ``body`` sections."""
    lines = [
        "<!DOCTYPE html>",
        '<html lang="nl"><head><meta charset="utf-8">',
        f"<title>{html.escape(document.title)}</title>",
        f'<meta name="author" content="{SITE_NAME}">',
        f'<meta name="description" content="{html.escape(document.summary)}">',
        '<meta name="generator" content="Kennisbank">',
        f'<meta name="dcterms.created" content="{(today or dt.date.today()).isoformat()}">',
        *([f"<style>{style}</style>"] if style else []),
        "</head><body>",
        front,
        # No empty <main> when there is no body (a cover and contents rendered alone): it would be tagged.
        *(['<main class="kb-main">', *body, "</main></body></html>"] if body else ["</body></html>"]),
    ]
    return "\n".join(lines)


TocEntry = tuple[int, str, str]
"""Level, anchor and text of a line of the table of contents."""


def body_sections(document: PdfDocument, pages: dict[str, Page], site_dir: Path, site_url: str,
                  start: int = 0, stop: int | None = None) -> tuple[list[str], list[TocEntry]]:
    """The sections of pages ``start`` to ``stop`` (positions in ``document.pages``) and their contents lines.

    A part's heading goes with its first page. Ids and internal links are the
    same whichever slice is composed, so slices rendered apart join into the
    document that :func:`compose` makes in one piece.
    """
    soup = BeautifulSoup("", "html.parser")
    body: list[str] = []
    in_document = {pages[src].dest: f"p{n}" for n, src in enumerate(document.pages, start=1)}
    toc: list[TocEntry] = []
    counter = 0
    stop = len(document.pages) if stop is None else stop
    for part_number, part in enumerate(document.parts, start=1):
        shift = 1 if part.heading else 0
        for index, src in enumerate(part.pages):
            counter += 1
            if not start < counter <= stop:
                continue
            if part.heading and index == 0:
                part_id = f"part{part_number}"
                heading = soup.new_tag("h1", id=part_id, attrs={"class": "kb-part"})
                heading.string = part.heading
                body.append(str(heading))
                toc.append((1, part_id, part.heading))
            section = _page_section(pages[src], f"p{counter}", site_dir, site_url, in_document, shift)
            body.append(str(section))
            for tag in section.find_all(re.compile(r"^h[1-6]$")):
                level = int(tag.name[1])
                if level <= document.toc_depth + shift and tag.get("id"):
                    toc.append((level, tag["id"], tag.get_text(" ", strip=True)))
    return body, toc


def cover(document: PdfDocument, today: dt.date, site_url: str) -> str:
    address = urljoin(site_url, document.target) if site_url else ""
    return (
        '<section class="kb-cover">'
        f'<p class="kb-cover-brand">{SITE_NAME}</p>'
        f'<p class="kb-cover-kind">{html.escape(document.kind)}</p>'
        f'<h1 class="kb-cover-title">{html.escape(document.title)}</h1>'
        f'<p class="kb-cover-summary">{html.escape(document.summary)}</p>'
        f'<p class="kb-cover-date">{dutch_date(today)}</p>'
        + (f'<p class="kb-cover-url">{html.escape(address)}</p>' if address else "")
        + "</section>")


def toc(entries: list[TocEntry], page_numbers: dict[str, str] | None = None) -> str:
    """The table of contents; with ``page_numbers`` (by anchor) printed as given instead of looked up by WeasyPrint."""
    if len(entries) < 2:
        return ""
    top = min(level for level, _, _ in entries)
    numbers = page_numbers or {}

    def number(anchor: str) -> str:
        return f' data-page="{html.escape(numbers[anchor])}"' if anchor in numbers else ""

    items = "".join(
        f'<li class="kb-toc-{level - top + 1}"><a href="#{html.escape(anchor)}"{number(anchor)}>'
        f'{html.escape(text)}</a></li>'
        for level, anchor, text in entries)
    return f'<nav class="kb-toc" aria-label="Inhoudsopgave"><h2 class="kb-toc-title">Inhoud</h2><ol>{items}</ol></nav>'


def _page_section(page: Page, page_id: str, site_dir: Path, site_url: str,
                  in_document: dict[str, str], shift: int) -> Tag:
    fragment = BeautifulSoup(article_html(site_dir, page.dest), "html.parser")
    for selector in _DROP:
        for tag in fragment.select(selector):
            tag.decompose()
    _flatten_tabs(fragment)
    for details in fragment.find_all("details"):
        details["open"] = ""
    for tag in fragment.find_all(id=True):
        tag["id"] = f"{page_id}--{tag['id']}"
    base = posixpath.dirname(page.dest)
    for anchor in fragment.find_all("a", href=True):
        href = _print_href(anchor["href"], base, page_id, site_url, in_document)
        if href is None:
            del anchor["href"]
        else:
            anchor["href"] = href
    for image in fragment.find_all("img", src=True):
        image["src"] = _site_path(image["src"], base) or image["src"]
        if not image.get("alt"):
            image["alt"] = ""  # decorative unless the author says otherwise; PDF/UA needs the attribute
    if shift:
        for heading in fragment.find_all(re.compile(r"^h[1-6]$")):
            heading.name = f"h{min(6, int(heading.name[1]) + shift)}"
    section = fragment.new_tag("section", id=page_id, attrs={"class": "kb-page"})
    first = fragment.find(re.compile(r"^h[1-6]$"))
    if isinstance(first, Tag):
        first["id"] = page_id + "--title"
        first["class"] = [*first.get("class", []), "kb-title"]
    section.extend(list(fragment.contents))
    return section


def _site_path(url: str, base: str) -> str | None:
    """A relative site URL as a path below the site root; None for absolute URLs."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or url.startswith("/"):
        return None
    return posixpath.normpath(posixpath.join(base, parts.path)) if parts.path else base


def _print_href(href: str, base: str, page_id: str, site_url: str, in_document: dict[str, str]) -> str | None:
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return href
    if not parts.path:
        return f"#{page_id}--{parts.fragment}" if parts.fragment else f"#{page_id}"
    path = _site_path(href, base)
    if path is None:
        return urljoin(site_url, href) if site_url else None
    dest = path if path.endswith(".html") else posixpath.join(path, "index.html")
    if path == ".":
        dest = "index.html"
    target = in_document.get(dest)
    if target is not None:
        return f"#{target}--{parts.fragment}" if parts.fragment else f"#{target}"
    if not site_url:
        return None
    address = path if path.endswith((".html", ".pdf")) or "." in posixpath.basename(path) else path + "/"
    return urljoin(site_url, address + (f"#{parts.fragment}" if parts.fragment else ""))


def _flatten_tabs(fragment: BeautifulSoup) -> None:
    """Content tabs become a labelled block per tab: on paper every tab is shown."""
    sets, labels_of, blocks_of = material.TABS
    for tabs in fragment.select(sets):
        labels = [label.get_text(" ", strip=True) for label in tabs.select(labels_of)]
        blocks = tabs.select(blocks_of)
        flat = fragment.new_tag("div", attrs={"class": "kb-tabs"})
        for label, block in zip(labels, blocks):
            title = fragment.new_tag("p", attrs={"class": "kb-tab-label"})
            title.string = label
            block.name = "div"
            block["class"] = ["kb-tab"]
            flat.append(title)
            flat.append(block.extract())
        tabs.replace_with(flat)
