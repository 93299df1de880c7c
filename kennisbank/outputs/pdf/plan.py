"""Which PDFs a hub gets, and what goes in each: pure data, decided from the loaded hub.

A PDF is a list of site pages (by ``src``), optionally grouped into parts with a
heading of their own (the whole-hub PDF groups items by type). Every item,
theme and network page gets a PDF; a course's PDF is its course reader: the
course page followed by all its modules in ``volgorde`` order.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass

from ...content.hub import Item
from ...content.model import ItemType
from ...content.settings import PdfSettings
from ...content.text import link
from ...index.hub_index import HubIndex

WHOLE_HUB = "kennisbank.pdf"
"""Site path of the whole-hub PDF (``kennisbank pdf``)."""


@dataclass(frozen=True)
class Part:
    """Consecutive pages of a PDF, under an optional part heading."""

    heading: str | None
    pages: tuple[str, ...]
    """``src`` of the site pages, in print order."""


@dataclass(frozen=True)
class PdfDocument:
    """One PDF to make: where it goes, its cover and what it contains."""

    target: str
    """Path of the PDF below the site root, e.g. ``artikelen/regie-warmtetransitie.pdf``."""
    title: str
    kind: str
    """What the cover calls it: 'Artikel', 'Thema', 'Cursusreader', …"""
    summary: str
    parts: tuple[Part, ...]
    page: str | None
    """``src`` of the page that links to this PDF (None for the whole hub)."""
    toc_depth: int = 2
    """Heading levels listed in the table of contents, counted from the page titles."""
    date: dt.date | None = None
    """The cover's date: the last change of its items, so that an unchanged PDF stays byte for byte the
    same from day to day (and its cache entry valid); None (nothing dated in it) prints the build's date."""

    @property
    def pages(self) -> list[str]:
        return [src for part in self.parts for src in part.pages]


def pdf_target(src: str) -> str:
    """``artikelen/x.md`` -> ``artikelen/x.pdf``; ``academie/c/index.md`` -> ``academie/c/c.pdf``.

    A PDF sits beside its page's source, so its URL does not depend on
    ``use_directory_urls`` (which the offline build turns off).
    """
    folder, name = posixpath.split(src)
    stem = posixpath.splitext(name)[0]
    if stem == "index":
        stem = posixpath.basename(folder) or "index"
    return posixpath.join(folder, f"{stem}.pdf")


def item_documents(hub: HubIndex) -> list[PdfDocument]:
    """One PDF per item; a course's PDF holds the course page and its modules in order."""
    documents = []
    for item in sorted(hub.items.values(), key=lambda i: i.src):
        pages: tuple[str, ...] = (item.src,)
        kind = item.type.label
        if item.type is ItemType.CURSUS:
            pages += tuple(m.src for m in hub.course_modules(item.course or ""))
            kind = "Cursusreader"
        documents.append(PdfDocument(
            target=pdf_target(item.src), title=item.title, kind=kind, summary=item.meta.samenvatting,
            parts=(Part(None, pages),), page=item.src, toc_depth=2 if len(pages) > 1 else 3,
            date=_last_change([item])))
    return documents


def taxonomy_documents(hub: HubIndex) -> list[PdfDocument]:
    """One PDF per theme and per network: a dossier, its overview page with every item's summary and link.

    Reprinting every item in full made hundreds of pages for a large theme; each item has its own PDF.
    """
    documents = []
    for folder, kind, entries, members in (
            ("themas", "Thema", hub.taxonomy.themes.values(), hub.with_theme),
            ("netwerken", "Netwerk", hub.taxonomy.networks.values(), hub.with_network)):
        for entry in entries:
            src = f"{folder}/{entry.slug}.md"
            documents.append(PdfDocument(
                target=pdf_target(src), title=entry.naam, kind=getattr(entry.soort, "label", kind),
                summary=entry.beschrijving, parts=(Part(None, (src,)),), page=src, toc_depth=2,
                date=_last_change(members(entry.slug))))
    return documents


def whole_hub_document(hub: HubIndex, title: str) -> PdfDocument:
    """Every published item, grouped by type; courses with their modules right after them."""
    parts = []
    for item_type in ItemType:
        if not item_type.has_index():
            continue
        items = sorted(hub.of_type(item_type), key=lambda i: i.title.casefold())
        pages = []
        for item in items:
            pages.append(item.src)
            if item_type is ItemType.CURSUS:
                pages.extend(m.src for m in hub.course_modules(item.course or ""))
        if pages:
            parts.append(Part(item_type.plural, tuple(pages)))
    return PdfDocument(target=WHOLE_HUB, title=title, kind="Alle kennis in één document",
                       summary=f"{len(hub.items)} publicaties: artikelen, praktijkvoorbeelden, cursussen en "
                               "hun modules.",
                       parts=tuple(parts), page=None, toc_depth=1, date=_last_change(hub.items.values()))


def _last_change(items: Iterable[Item]) -> dt.date | None:
    """The latest ``bijgewerkt`` or ``gepubliceerd`` of ``items`` (modules carry no dates)."""
    return max((item.updated for item in items if item.updated is not None), default=None)


def shard(documents: list[PdfDocument], number: int, count: int) -> list[PdfDocument]:
    """The ``number``-th (from 1) of ``count`` slices of ``documents``: every ``count``-th by target.

    Slices by position in target order, so every runner of a CI matrix
    computes the same slices and together they hold every PDF exactly once.
    """
    ordered = sorted(documents, key=lambda d: d.target)
    return ordered[number - 1::count]


def pages_wanted(settings: PdfSettings, command: str) -> bool:
    """PDFs per page on a build; on 'serve' only when the settings ask (they would slow every reload)."""
    return settings.enabled and (command != "serve" or settings.on_serve)


def page_documents(hub: HubIndex) -> list[PdfDocument]:
    """Every PDF the site links to."""
    return item_documents(hub) + taxonomy_documents(hub)


_H1 = re.compile(r"^# .*$", re.MULTILINE)
LINK_CLASS = "kb-pdf-link"


def with_download_link(markdown: str, here: str, target: str) -> str:
    """Put a 'Download als PDF' link right under the page's title.

    Done on the Markdown of every page that has a PDF, so items, themes,
    networks and courses get the same link from one place.
    """
    line = f"[:material-file-pdf-box: Download als PDF]({link(here, target)}){{ .{LINK_CLASS} download }}\n"
    match = _H1.search(markdown)
    if match is None:
        return line + "\n" + markdown
    end = match.end()
    return f"{markdown[:end]}\n\n{line}{markdown[end:]}"
