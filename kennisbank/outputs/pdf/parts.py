"""Render a long PDF in parts and join them, so that its memory does not grow with its length.

WeasyPrint keeps every laid-out page of a document until it is written (about
5 MB per item of the whole-hub PDF). Here a document of more than ``part_items``
pages is cut into slices of that many pages, each rendered once, in a fresh
worker process, and the parts are joined (:mod:`.join`):

1. every slice is rendered to a PDF of its own (:func:`render_part`), which
   reports its number of pages, the page of each heading the table of contents
   lists, its bookmarks' levels and the self-check answers it took out. Its
   pages carry no page number: "Pagina x van y" depends on every part before it
   and on the document's total, so it is drawn afterwards (step 3), and a part
   depends on its own pages only. That is what lets a part be rendered once,
   and be reused from the output store when only another part changed;
2. the answers of all slices become the answer key, rendered as the last part;
   the cover and contents are rendered with the page numbers now known;
3. the page numbers are rendered as pages holding only their footer
   (:func:`render_footers`, cheap: nothing else is laid out) and laid over the
   parts' pages as artifacts while joining (:func:`join`).

The join keeps one outline (rebuilt from the parts' bookmarks and the levels
their headings set), every named destination, links between parts (see
``CROSS_PART``), the front's metadata, ``/Lang`` and viewer settings, and one
structure tree (the parts' trees under one ``Document`` element, the parent
tree renumbered). It holds one part at a time, so its memory does not grow
with the document either.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import multiprocessing
import multiprocessing.context
import os
import re
import tempfile
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..store import OutputStore
from .compose import (
    ANSWER_KEY_ENTRY,
    Page,
    TocEntry,
    answer_key,
    body_sections,
    cover,
    dates,
    print_html,
    questions,
    toc,
)
from .join import CROSS_PART, join
from .keys import PageDigests, renderer_fingerprint
from .plan import PdfDocument
from .weasy import font_config, load, site_only_fetcher, stylesheets

PART_KIND = "pdf-part"
"""The store's folder for rendered parts; each has an entry in ``PART_KIND + '-info'`` beside it."""
_INTERNAL = re.compile(r'href="#([^"]*)"')
_ID = re.compile(r'\sid="([^"]*)"')


@dataclass(frozen=True)
class Slice:
    """Pages ``start`` (exclusive) to ``stop`` (inclusive) of a document, counted from 1."""

    start: int
    stop: int


@dataclass
class Rendered:
    """What a rendered part tells the join, filed in the store beside the part."""

    pages: int
    entries: list[TocEntry]
    """Its lines of the table of contents."""
    where: dict[str, int]
    """The page (from 0) of each contents line's anchor."""
    levels: list[int]
    """Its bookmarks' levels as the headings set them, in order (see :func:`join`)."""
    answers: list[str] = dataclasses.field(default_factory=list)
    """The answer-key entries of its self-checks (HTML)."""
    dates: list[str] = dataclasses.field(default_factory=list)
    """The cover's dates, when it holds the document's first page."""


def slices(document: PdfDocument, part_items: int) -> list[Slice]:
    """The slices of ``document``'s pages, ``part_items`` pages each (the last one may be shorter)."""
    count = len(document.pages)
    return [Slice(start, min(start + part_items, count)) for start in range(0, count, part_items)]


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\A ") + '"'


def _cross_part_links(text: str) -> str:
    """Links of ``text`` to anchors outside it, marked to be joined (see ``CROSS_PART``)."""
    here = set(_ID.findall(text))
    return _INTERNAL.sub(lambda m: m.group(0) if m.group(1) in here else f'href="{CROSS_PART}{m.group(1)}"', text)


def _render_options() -> dict:
    # the same sheets and fonts as a PDF made in one piece
    return {"stylesheets": stylesheets(), "font_config": font_config(os.getpid())}


def _html(text: str, site_dir: Path):
    return load().HTML(string=text, base_url=site_dir.resolve().as_uri() + "/",
                       url_fetcher=site_only_fetcher(site_dir))


def _part_style(document: PdfDocument, last: bool) -> str:
    """A part's pages: the running header and footer of the document's pages, but no page number
    (laid over later, see :func:`render_footers`). Its first page is not the document's cover, and
    breaks as the document's pages after the contents do: without a blank page first, and without the
    body's margins, which in the whole document lie on the cover and after its last page only."""
    title, site_name = document.title, document.brand.site_name
    return (".kb-main > :first-child { break-before: auto; }"
            f"body {{ margin-top: 0; {'' if last else 'margin-bottom: 0;'} }}"
            # The site's name is set by the cover, which a part has not: it is given here, on every page.
            f"@page {{ @top-left {{ content: {_css_string(title)}; }} @bottom-right {{ content: none; }}"
            f" @bottom-left {{ content: {_css_string(site_name)}; }} }}"
            f"@page :first {{ @top-left {{ content: {_css_string(title)}; }}"
            " @top-right { content: string(kb-chapter); }"
            f" @bottom-left {{ content: {_css_string(site_name)}; }} }}")


def _write(text: str, site_dir: Path, output: Path, entries: list[TocEntry]) -> Rendered:
    rendered = _html(text, site_dir).render(**_render_options())
    rendered.write_pdf(output, pdf_variant="pdf/ua-1", uncompressed_pdf=False)
    wanted = {anchor for _, anchor, _ in entries}
    where: dict[str, int] = {}
    for number, page in enumerate(rendered.pages):
        for anchor in wanted.intersection(page.anchors):
            where.setdefault(anchor, number)
    levels = [bookmark[0] for page in rendered.pages for bookmark in page.bookmarks]
    return Rendered(len(rendered.pages), entries, where, levels)


def render_part(document: PdfDocument, pages: dict[str, Page], site_dir: Path, site_url: str, part: Slice,
                first_question: int, last: bool, today: dt.date, output: Path) -> Rendered:
    """Render one slice of the document's pages to ``output`` (the unit of work of a worker process)."""
    body, entries, answers = body_sections(document, pages, site_dir, site_url, part.start, part.stop,
                                           first_question)
    text = _cross_part_links("\n".join(str(section) for section in body))
    done = _write(print_html(document, today, "", [text], _part_style(document, last)), site_dir, output,
                  entries)
    return dataclasses.replace(done, answers=[str(answer) for answer in answers], dates=dates(body))


def render_answer_key(document: PdfDocument, site_dir: Path, answers: list[str], today: dt.date,
                      output: Path) -> Rendered:
    """The answer key as the last part; its links back to the questions are links to other parts."""
    text = _cross_part_links(answer_key(answers))
    return _write(print_html(document, today, "", [text], _part_style(document, True)), site_dir, output,
                  [ANSWER_KEY_ENTRY])


_FRONT_STYLE = ('.kb-toc a::after { content: leader(". ") attr(data-page); }'
                ".kb-toc { break-after: auto; }")  # nothing follows it here: no blank page after it


def _front(document: PdfDocument, today: dt.date, site_url: str, entries: list[TocEntry],
           cover_dates: list[str], numbers: dict[str, str], total: int | None) -> str:
    front = cover(document, cover_dates, today, site_url) + "\n" + _cross_part_links(toc(entries, numbers))
    no_number = "@page :first { @bottom-right { content: none; } }"  # on the cover
    footer = "" if total is None else f"@page {{ {_number(total)} }} {no_number}"
    return print_html(document, today, front, [], _FRONT_STYLE + footer)


def front_pages(document: PdfDocument, site_dir: Path, site_url: str, today: dt.date, entries: list[TocEntry],
                cover_dates: list[str], numbers: dict[str, str]) -> int:
    """The number of pages of the cover and contents with the page numbers ``numbers``."""
    text = _front(document, today, site_url, entries, cover_dates, numbers, None)
    return len(_html(text, site_dir).render(**_render_options()).pages)


def render_front(document: PdfDocument, site_dir: Path, site_url: str, today: dt.date, entries: list[TocEntry],
                 cover_dates: list[str], numbers: dict[str, str], total: int, output: Path) -> Rendered:
    """The cover and contents, numbered "Pagina 2 van ``total``" on (the cover has no number)."""
    return _write(_front(document, today, site_url, entries, cover_dates, numbers, total), site_dir, output, [])


def _number(total: int) -> str:
    """print.css's page number, with the document's total (a part alone knows only its own pages)."""
    return f'@bottom-right {{ content: "Pagina " counter(page) " van {total}"; }}'


def render_footers(site_dir: Path, jobs: list[tuple[int, int, int, Path]]) -> None:
    """For each (first, count, total, output): ``count`` pages holding only "Pagina n van ``total``",
    numbered from ``first``, placed where print.css puts the page number.

    The same stylesheet lays them out, so the number sits exactly where a
    PDF made in one piece has it. Not tagged: the join lays them over the
    parts' pages as artifacts, as a page number is.
    """
    for first, count, total, output in jobs:
        style = ("@page { @top-left { content: none; } @top-right { content: none; }"
                 f" @bottom-left {{ content: none; }} {_number(total)} }}"
                 f" @page :first {{ counter-reset: page {first}; {_number(total)} }}"
                 ".kb-blank { break-after: page; height: 1px; }")
        text = ('<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8">'
                f"<style>{style}</style></head><body>" + '<div class="kb-blank"></div>' * count + "</body></html>")
        rendered = _html(text, site_dir).render(**_render_options())
        if len(rendered.pages) != count:
            raise RuntimeError(f"{len(rendered.pages)} pagina's met een paginanummer gemaakt in plaats van {count}")
        rendered.write_pdf(output, uncompressed_pdf=False)


def _fresh_processes() -> multiprocessing.context.BaseContext:
    """Processes that each render one slice and exit, forked from a server that has WeasyPrint loaded.

    A worker that renders slice after slice keeps what Python and Pango do not
    hand back to the system, so its memory would still grow with the document;
    a fresh process per slice returns all of it. Forking from a preloaded
    server makes a fresh process cost a fork, not an import of WeasyPrint
    (the default 'fork' cannot be combined with ``max_tasks_per_child``).
    """
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([f"{__package__}.loaded", __name__])
    return context


class _Parts:
    """The parts of one document in a temporary folder, each fetched from the store or rendered."""

    def __init__(self, folder: Path, store: OutputStore | None, pool: ProcessPoolExecutor) -> None:
        self.folder, self.store, self.pool = folder, store, pool
        self.reused = self.rendered = 0

    def path(self, name: str) -> Path:
        return self.folder / f"{name}.pdf"

    def get(self, name: str, key: str | None, render: Callable[..., Rendered], *args: Any) -> Future:
        """The part ``name`` (a future of its :class:`Rendered`): from the store under ``key``, or rendered."""
        output = self.path(name)
        if self.store is not None and key is not None:
            info = self.folder / f"{name}.json"
            if self.store.fetch(PART_KIND + "-info", key, info) and self.store.fetch(PART_KIND, key, output):
                self.reused += 1
                done: Future = Future()
                done.set_result(Rendered(**json.loads(info.read_text(encoding="utf-8"))))
                return done
        self.rendered += 1
        future = self.pool.submit(render, *args, output)
        if self.store is not None and key is not None:
            future.add_done_callback(lambda f: self._file(key, name, f))
        return future

    def _file(self, key: str, name: str, future: Future) -> None:
        if future.exception() is not None:
            return
        info = self.folder / f"{name}.json"
        info.write_text(json.dumps(dataclasses.asdict(future.result())), encoding="utf-8")
        assert self.store is not None
        # the part first: an info entry without its part is a miss, never a wrong page count
        if self.store.file(PART_KIND, key, self.path(name)):
            self.store.file(PART_KIND + "-info", key, info)


def _key(*fields: object) -> str:
    digest = hashlib.sha256(renderer_fingerprint().encode())
    for value in fields:
        digest.update(b"\0" + str(value).encode())
    return digest.hexdigest()


def part_key(document: PdfDocument, pages: dict[str, Page], digests: PageDigests, site_url: str, part: Slice,
             first_question: int, last: bool) -> str | None:
    """What a part's bytes depend on: its pages, its place (page ids are numbered through the document),
    the document's title (its header) and the questions before it; not the date or the page numbers."""
    try:
        content = [f"{src} {pages[src].dest} {digests.page(pages[src])}"
                   for src in document.pages[part.start:part.stop]]
    except (KeyError, OSError, ValueError):
        return None  # rendered, and the renderer reports what is missing
    ends = last and part.stop == len(document.pages)
    return _key("part", repr(dataclasses.replace(document, date=None)), site_url, part, first_question, ends, content)


def make_in_parts(document: PdfDocument, pages: dict[str, Page], site_dir: Path, site_url: str, output: Path,
                  today: dt.date, part_items: int, workers: int, store: OutputStore | None = None) -> tuple[int, int]:
    """Render ``document`` in parts of ``part_items`` pages and join them into ``output``.

    Returns how many parts were rendered and how many reused from ``store``.
    """
    parts = slices(document, part_items)
    needed = {src: pages[src] for src in document.pages}
    digests = PageDigests(site_dir)
    counts = [questions(site_dir, needed[src]) for src in document.pages]
    firsts = [1 + sum(counts[:part.start]) for part in parts]
    with ProcessPoolExecutor(max_workers=max(1, min(workers, len(parts))), mp_context=_fresh_processes(),
                             max_tasks_per_child=1) as pool, \
            tempfile.TemporaryDirectory(prefix="kennisbank-parts-") as folder:
        made = _Parts(Path(folder), store, pool)
        # The last slice ends the document only when no answer key follows it.
        last = sum(counts) == 0
        futures = [made.get(f"{number:05d}", part_key(document, needed, digests, site_url, part, first, last),
                            render_part, document, needed, site_dir, site_url, part, first,
                            last and number == len(parts), today)
                   for number, (part, first) in enumerate(zip(parts, firsts), start=1)]
        body = [future.result() for future in futures]
        names = [f"{number:05d}" for number in range(1, len(parts) + 1)]
        answers = [answer for rendered in body for answer in rendered.answers]
        if answers:
            key = _key("answer key", document.title, answers)
            body.append(made.get("answers", key, render_answer_key, document, site_dir, answers, today).result())
            names.append("answers")
        entries = [entry for rendered in body for entry in rendered.entries]
        cover_dates = body[0].dates
        # The contents' length depends on its page numbers only through their widths (and rarely at
        # that); its numbers depend on its length: start from numbers of the greatest width, then settle.
        body_pages = sum(rendered.pages for rendered in body)
        widest = "8" * len(str(body_pages + 1 + len(entries)))  # at most one contents page per line
        front = pool.submit(front_pages, document, site_dir, site_url, today, entries, cover_dates,
                            {anchor: widest for _, anchor, _ in entries}).result()
        for _ in range(3):
            starts, numbers = _numbers_from(front, body)
            counted = pool.submit(front_pages, document, site_dir, site_url, today, entries, cover_dates,
                                  numbers).result()
            if counted == front:
                break
            front = counted
        total = front + body_pages
        front_path = made.path("00000")
        front_levels = pool.submit(render_front, document, site_dir, site_url, today, entries, cover_dates, numbers,
                                   total, front_path).result().levels
        footers = [made.folder / f"{name}.footer.pdf" for name in names]
        pool.submit(render_footers, site_dir, [(start, rendered.pages, total, path) for start, rendered, path
                                               in zip(starts, body, footers)]).result()
        output.parent.mkdir(parents=True, exist_ok=True)
        join([(front_path, None, front_levels)] + [(made.path(name), footer, rendered.levels)
                                                   for name, footer, rendered in zip(names, footers, body)], output)
        return made.rendered, made.reused


def _numbers_from(front: int, body: list[Rendered]) -> tuple[list[int], dict[str, str]]:
    """Each part's first page number and each contents line's page number, after ``front`` pages."""
    starts, numbers, first = [], {}, front + 1
    for rendered in body:
        starts.append(first)
        numbers.update({anchor: str(first + page) for anchor, page in rendered.where.items()})
        first += rendered.pages
    return starts, numbers
