"""Render a long PDF in parts and join them, so that its memory does not grow with its length.

WeasyPrint keeps every laid-out page of a document until it is written (about
5 MB per item of the whole-hub PDF). Here a document of more than ``part_items``
pages is cut into slices of that many pages, each rendered in a worker process
(whose memory is reused for the next slice), and joined with pypdf:

1. every slice is laid out once to learn its number of pages and the page of
   each heading the table of contents lists (``measure``);
2. every slice is rendered with its first page number and the document's total
   (``render_part``), and the cover with a table of contents whose page numbers
   are printed as text instead of WeasyPrint's ``target-counter()``;
3. the parts are joined (``join``): pages, one outline rebuilt from the
   parts' outlines, named destinations of every part, links between parts, the
   document's metadata and language, and the parts' structure trees merged
   under one ``Document`` element, so the joined PDF stays tagged.

Step 1 costs a second layout of every page; it is what makes the page numbers
continuous without keeping the whole document in memory.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import multiprocessing.context
import os
import re
import tempfile
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import patches
from .compose import Page, TocEntry, body_sections, cover, dates, print_html, toc
from .plan import PdfDocument
from .weasy import font_config, site_only_fetcher, stylesheets

CROSS_PART = "kennisbank-part:"
"""Scheme a link to another part gets while rendered alone: WeasyPrint drops links to anchors it
cannot find, so such a link is rendered as a URI link and turned into a named-destination link on joining."""
_INTERNAL = re.compile(r'href="#([^"]*)"')
_ID = re.compile(r'\sid="([^"]*)"')


@dataclass(frozen=True)
class Slice:
    """Pages ``start`` (exclusive) to ``stop`` (inclusive) of a document, counted from 1."""

    start: int
    stop: int


def slices(document: PdfDocument, part_items: int) -> list[Slice]:
    """The slices of ``document``'s pages, ``part_items`` pages each (the last one may be shorter)."""
    count = len(document.pages)
    return [Slice(start, min(start + part_items, count)) for start in range(0, count, part_items)]


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\A ") + '"'


def _slice_html(document: PdfDocument, pages: dict[str, Page], site_dir: Path, site_url: str, part: Slice,
                today: dt.date, style: str) -> tuple[str, list[TocEntry], list[str]]:
    """A slice's print HTML, its contents lines and the cover's dates from its first page."""
    body, entries, answers = body_sections(document, pages, site_dir, site_url, part.start, part.stop)
    if answers:
        raise OnePiece(document.target)
    text = _cross_part_links("\n".join(str(section) for section in body))
    # Its first page breaks as the document's pages after the contents do, without a blank page first.
    style = ".kb-main > :first-child { break-before: auto; }" + style
    return print_html(document, today, "", [text], style), entries, dates(body)


class OnePiece(Exception):
    """The document has self-check answers, which compose numbers through the whole document and
    gathers in an answer key at its end: not (yet) split into parts, it is made in one piece."""


def _cross_part_links(text: str) -> str:
    """Links of ``text`` to anchors outside it, marked to be joined (see ``CROSS_PART``)."""
    here = set(_ID.findall(text))
    return _INTERNAL.sub(lambda m: m.group(0) if m.group(1) in here else f'href="{CROSS_PART}{m.group(1)}"', text)


def _render_options() -> dict:
    # the same sheets and fonts as a PDF made in one piece
    return {"stylesheets": stylesheets(), "font_config": font_config(os.getpid())}


def _html(text: str, site_dir: Path):
    import weasyprint

    patches.apply()
    return weasyprint.HTML(string=text, base_url=site_dir.resolve().as_uri() + "/",
                           url_fetcher=site_only_fetcher(site_dir))


def measure(document: PdfDocument, pages: dict[str, Page], site_dir: Path, site_url: str, part: Slice,
            today: dt.date) -> tuple[int, list[TocEntry], dict[str, int], list[str]]:
    """Lay out one slice: its number of pages, its contents lines, the page (from 0) of each line's anchor,
    and the cover's dates if it holds the document's first page."""
    text, entries, first_dates = _slice_html(document, pages, site_dir, site_url, part, today, "")
    rendered = _html(text, site_dir).render(**_render_options())
    wanted = {anchor for _, anchor, _ in entries}
    where: dict[str, int] = {}
    for number, page in enumerate(rendered.pages):
        for anchor in wanted.intersection(page.anchors):
            where.setdefault(anchor, number)
    return len(rendered.pages), entries, where, first_dates


def _front(document: PdfDocument, today: dt.date, site_url: str, entries: list[TocEntry],
           cover_dates: list[str], numbers: dict[str, str]) -> str:
    return cover(document, cover_dates, today, site_url) + "\n" + _cross_part_links(toc(entries, numbers))


def front_pages(document: PdfDocument, site_dir: Path, site_url: str, today: dt.date, entries: list[TocEntry],
                cover_dates: list[str], numbers: dict[str, str]) -> int:
    """The number of pages of the cover and contents with the page numbers ``numbers``."""
    text = print_html(document, today, _front(document, today, site_url, entries, cover_dates, numbers), [],
                      _FRONT_STYLE)
    return len(_html(text, site_dir).render(**_render_options()).pages)


_FRONT_STYLE = ('.kb-toc a::after { content: leader(". ") attr(data-page); }'
                ".kb-toc { break-after: auto; }")  # nothing follows it here: no blank page after it


def _numbering(first: int, total: int, title: str, rest: bool) -> str:
    """Page numbers continuing from ``first`` out of ``total``; the running header a part's first page lacks."""
    footer = f'@page {{ @bottom-right {{ content: "Pagina " counter(page) " van {total}"; }} }}'
    if not rest:  # the cover keeps its bare first page
        return footer + "@page :first { @bottom-right { content: none; } }"
    # A part's first page is not the document's cover: it keeps the running header and footer.
    return footer + (
        f"@page :first {{ counter-reset: page {first};"
        f" @top-left {{ content: {_css_string(title)}; }}"
        " @top-right { content: string(kb-chapter); }"
        ' @bottom-left { content: "VNG Kennisbank"; }'
        f' @bottom-right {{ content: "Pagina " counter(page) " van {total}"; }} }}'
        f" @page {{ @top-left {{ content: {_css_string(title)}; }} }}")


def render_part(document: PdfDocument, pages: dict[str, Page], site_dir: Path, site_url: str, part: Slice | None,
                today: dt.date, first: int, total: int, entries: list[TocEntry], cover_dates: list[str],
                numbers: dict[str, str], output: Path) -> list[int]:
    """Render one part to ``output`` (``part`` None: the cover and contents); returns its bookmarks' levels.

    The levels as the headings set them: the part's own outline nests an entry
    under the part's entries only, so an item of a group begun in an earlier
    part would show as a top-level entry.
    """
    style = _numbering(first, total, document.title, part is not None)
    if part is None:
        text = print_html(document, today, _front(document, today, site_url, entries, cover_dates, numbers), [],
                          _FRONT_STYLE + style)
    else:
        text = _slice_html(document, pages, site_dir, site_url, part, today, style)[0]
    rendered = _html(text, site_dir).render(**_render_options())
    rendered.write_pdf(output, pdf_variant="pdf/ua-1", uncompressed_pdf=False)
    return [bookmark[0] for page in rendered.pages for bookmark in page.bookmarks]


def make_in_parts(document: PdfDocument, pages: dict[str, Page], site_dir: Path, site_url: str, output: Path,
                  today: dt.date, part_items: int, workers: int) -> int | None:
    """Render ``document`` in parts of ``part_items`` pages and join them into ``output``; returns its size.

    None when it has to be made in one piece (see :class:`OnePiece`)."""
    parts = slices(document, part_items)
    needed = {src: pages[src] for src in document.pages}
    with ProcessPoolExecutor(max_workers=max(1, min(workers, len(parts))), mp_context=_fresh_processes(),
                             max_tasks_per_child=1) as pool:
        try:
            measured = list(pool.map(measure, *zip(*[(document, needed, site_dir, site_url, part, today)
                                                     for part in parts])))
        except OnePiece:
            return None
        entries = [entry for _, part_entries, _, _ in measured for entry in part_entries]
        body_pages = sum(count for count, _, _, _ in measured)
        cover_dates = measured[0][3]
        # The contents' length depends on its page numbers only through their widths (and rarely at
        # that); its numbers depend on its length: start from numbers of the greatest width, then settle.
        widest = "8" * len(str(body_pages + 1 + len(entries)))  # at most one contents page per line
        front = pool.submit(front_pages, document, site_dir, site_url, today, entries, cover_dates,
                            {anchor: widest for _, anchor, _ in entries}).result()
        for _ in range(3):
            starts, numbers = _numbers_from(front, measured)
            counted = pool.submit(front_pages, document, site_dir, site_url, today, entries, cover_dates,
                                  numbers).result()
            if counted == front:
                break
            front = counted
        total = front + body_pages
        with tempfile.TemporaryDirectory(prefix="kennisbank-parts-") as folder:
            paths = [Path(folder) / f"{n:05d}.pdf" for n in range(len(parts) + 1)]
            jobs = [(None, 1, paths[0])] + [(part, start, path) for part, start, path in zip(parts, starts, paths[1:])]
            levels = list(pool.map(render_part, *zip(*[(document, needed, site_dir, site_url, part, today, start, total,
                                                entries, cover_dates, numbers, path)
                                               for part, start, path in jobs])))
            output.parent.mkdir(parents=True, exist_ok=True)
            join(paths, levels, output)
    return output.stat().st_size


def _fresh_processes() -> multiprocessing.context.BaseContext:
    """Processes that each render one slice and exit, forked from a server that has WeasyPrint loaded.

    A worker that renders slice after slice keeps what Python and Pango do not
    hand back to the system, so its memory would still grow with the document;
    a fresh process per slice returns all of it. Forking from a preloaded
    server makes a fresh process cost a fork, not an import of WeasyPrint
    (the default 'fork' cannot be combined with ``max_tasks_per_child``).
    """
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["weasyprint", __name__])
    return context


def _numbers_from(front: int, measured: list[tuple[int, list[TocEntry], dict[str, int], list[str]]]
                  ) -> tuple[list[int], dict[str, str]]:
    """Each slice's first page number and each contents line's page number, after ``front`` pages."""
    starts, numbers, first = [], {}, front + 1
    for count, _, where, _ in measured:
        starts.append(first)
        numbers.update({anchor: str(first + page) for anchor, page in where.items()})
        first += count
    return starts, numbers


def join(paths: list[Path], levels: list[list[int]], output: Path) -> None:
    """Join rendered parts into one PDF: pages, outline, named destinations, links, metadata and tags."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import ArrayObject, DictionaryObject, FloatObject, NameObject, NumberObject, TextStringObject

    writer = PdfWriter()
    names: dict[str, ArrayObject] = {}
    outline: list[tuple[int, str, int, Any, Any]] = []
    structure = []
    for number, path in enumerate(paths):
        reader = PdfReader(path)
        offset = len(writer.pages)
        for page in reader.pages:
            writer.add_page(page)
        for name, dest in reader.named_destinations.items():
            page_number = reader.get_destination_page_number(dest)
            if page_number is None:  # WeasyPrint names only anchors it placed; nothing to point to otherwise
                continue
            names.setdefault(name, ArrayObject([
                writer.pages[offset + page_number].indirect_reference,
                NameObject("/XYZ"), FloatObject(dest.left or 0), FloatObject(dest.top or 0), NumberObject(0)]))
        part_outline: list[tuple[str, int, Any, Any]] = []
        _flatten(reader, reader.outline, offset, part_outline)
        outline += [(level, *entry) for level, entry in zip(levels[number], part_outline, strict=True)]
        root: Any = reader.trailer["/Root"]
        if number == 0:
            for key in ("/Lang", "/MarkInfo", "/ViewerPreferences", "/Metadata", "/PageMode"):
                if key in root:
                    # raw_get: the XMP metadata is a stream, which must stay an indirect object
                    writer._root_object[NameObject(key)] = root.raw_get(key).clone(writer)
            if reader.metadata:
                writer.add_metadata({key: value for key, value in reader.metadata.items()})
        if "/StructTreeRoot" in root:
            structure.append((offset, len(reader.pages), root["/StructTreeRoot"].clone(writer)))
    for page in writer.pages:
        for annotation in page.get("/Annots", []) or []:
            annotation = annotation.get_object()
            uri = annotation.get("/A", {}).get("/URI", "")
            if isinstance(uri, str) and uri.startswith(CROSS_PART):
                del annotation["/A"]
                annotation[NameObject("/Dest")] = TextStringObject(uri[len(CROSS_PART):])
                annotation[NameObject("/Contents")] = TextStringObject(uri[len(CROSS_PART):])
    tree = ArrayObject()
    for name in sorted(names):
        tree.extend([TextStringObject(name), names[name]])
    writer._root_object[NameObject("/Names")] = DictionaryObject({
        NameObject("/Dests"): writer._add_object(DictionaryObject({NameObject("/Names"): tree}))})
    _outline(writer, outline)
    if structure:
        _merge_structure(writer, structure)
    joined = output.with_name(output.name + ".joined")
    with joined.open("wb") as out:
        writer.write(out)
    _compact(joined, output)
    joined.unlink()


def _compact(source: Path, output: Path) -> None:
    """Write ``source`` again with its objects in compressed object streams, as WeasyPrint writes them.

    pypdf writes every object on its own and uncompressed; a tagged PDF has an
    object per structure element, so the joined file came out ~5 times the size
    of its parts together. qpdf (through pikepdf) regroups them without
    changing any object: measured, a WeasyPrint PDF passed through pypdf and
    this comes back to its original size.
    """
    import pikepdf

    with pikepdf.open(source) as pdf:
        pdf.save(output, object_stream_mode=pikepdf.ObjectStreamMode.generate, compress_streams=True)


def _flatten(reader: Any, items: list, offset: int, into: list) -> None:
    """The outline of a part as (title, page, left, top), in document order."""
    for item in items:
        if isinstance(item, list):
            _flatten(reader, item, offset, into)
        else:
            into.append((item.title, offset + (reader.get_destination_page_number(item) or 0), item.left, item.top))


def _outline(writer: Any, entries: list[tuple[int, str, int, Any, Any]]) -> None:
    """One outline from the parts' flattened ones: an entry goes under the last one of a lower level.

    Rebuilt rather than imported per part, because a part that starts inside a
    group (items of a type) has no entry of that group to hang its items under.
    """
    from pypdf.generic import Fit

    parents: list[tuple[int, Any]] = []
    for level, title, page, left, top in entries:
        while parents and parents[-1][0] >= level:
            parents.pop()
        parent = parents[-1][1] if parents else None
        item = writer.add_outline_item(title=title, page_number=page, parent=parent, fit=Fit.xyz(left, top, 0))
        parents.append((level, item))


def _merge_structure(writer: Any, structure: list) -> None:
    """One structure tree of the parts' trees: their ``Document`` elements' children under one ``Document``.

    Each part numbers its pages' and annotations' entries of the parent tree
    from 0; here they are shifted past the parts before it, so every marked
    content finds its structure element again.
    """
    from pypdf.generic import ArrayObject, DictionaryObject, NameObject, NumberObject

    document = DictionaryObject({NameObject("/Type"): NameObject("/StructElem"),
                                 NameObject("/S"): NameObject("/Document")})
    document_ref = writer._add_object(document)
    kids = ArrayObject()
    nums = ArrayObject()
    role_map = None
    shift = 0
    for offset, count, root in structure:
        next_key = 0
        for key, value in _numbers(root["/ParentTree"].get_object()):
            nums.extend([NumberObject(key + shift), value])
            next_key = max(next_key, key + 1)
        for page in writer.pages[offset:offset + count]:
            if "/StructParents" in page:
                page[NameObject("/StructParents")] = NumberObject(page["/StructParents"] + shift)
            for annotation in page.get("/Annots", []) or []:
                annotation = annotation.get_object()
                if "/StructParent" in annotation:
                    annotation[NameObject("/StructParent")] = NumberObject(annotation["/StructParent"] + shift)
        shift += max(next_key, int(root.get("/ParentTreeNextKey", 0)))
        top = root["/K"]
        top = top if isinstance(top, list) else [top]
        for element in top:
            element = element.get_object()
            children = element.get("/K", []) if element.get("/S") == "/Document" else [element.indirect_reference]
            for child in children if isinstance(children, list) else [children]:
                child_object = child.get_object()
                if isinstance(child_object, DictionaryObject) and "/P" in child_object:
                    child_object[NameObject("/P")] = document_ref
                kids.append(child)
        role_map = role_map or root.get("/RoleMap")
    tree_root = DictionaryObject({
        NameObject("/Type"): NameObject("/StructTreeRoot"),
        NameObject("/K"): ArrayObject([document_ref]),
        NameObject("/ParentTree"): writer._add_object(DictionaryObject({NameObject("/Nums"): nums})),
        NameObject("/ParentTreeNextKey"): NumberObject(shift),
    })
    if role_map is not None:
        tree_root[NameObject("/RoleMap")] = role_map
    root_ref = writer._add_object(tree_root)
    document[NameObject("/P")] = root_ref
    document[NameObject("/K")] = kids
    writer._root_object[NameObject("/StructTreeRoot")] = root_ref


def _numbers(tree: Any) -> list[tuple[int, object]]:
    """The entries of a number tree, its kids' included."""
    found: list[tuple[int, object]] = []
    values = tree.get("/Nums", [])
    found.extend((int(values[i]), values[i + 1]) for i in range(0, len(values), 2))
    for kid in tree.get("/Kids", []):
        found.extend(_numbers(kid.get_object()))
    return found

