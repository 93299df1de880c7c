"""Make PDFs with WeasyPrint, in parallel, one failure never stopping the others.

WeasyPrint (pure Python on Debian's pango) renders print CSS well, emits
tagged PDF/UA-1 and needs no browser. The maintained MkDocs PDF plugins either
pin an old WeasyPrint or are unmaintained, so the core drives it directly.
Each PDF is composed and rendered in a worker process: WeasyPrint is
single-threaded, so processes are what makes use of every core.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from ..store import OutputStore
from .compose import Page, compose
from .keys import KIND, PageDigests, document_key
from .parts import make_in_parts
from .plan import PdfDocument
from .weasy import font_config, load, site_only_fetcher, stylesheets


@dataclass(frozen=True)
class Outcome:
    """What became of one PDF: its size, or why it failed."""

    document: PdfDocument
    size: int = 0
    error: str | None = None
    reused: bool = False
    """Copied from the output store instead of rendered."""
    parts: tuple[int, int] | None = None
    """Made in parts: how many were rendered and how many reused from the output store."""


def render_pdf(print_html: str, site_dir: Path, output: Path) -> int:
    """Render composed print HTML to a tagged PDF/UA-1 file; returns its size in bytes."""
    document = load().HTML(string=print_html, base_url=site_dir.resolve().as_uri() + "/",
                           url_fetcher=site_only_fetcher(site_dir))
    output.parent.mkdir(parents=True, exist_ok=True)
    document.write_pdf(output, stylesheets=stylesheets(), font_config=font_config(os.getpid()),
                       pdf_variant="pdf/ua-1", uncompressed_pdf=False)
    return output.stat().st_size


def make_pdf(document: PdfDocument, pages: dict[str, Page], site_dir: Path, site_url: str,
             output: Path, today: dt.date | None = None) -> int:
    """Compose and render one PDF (the unit of work of a worker process)."""
    return render_pdf(compose(document, pages, site_dir, site_url, today), site_dir, output)


def _job(document: PdfDocument, pages: dict[str, Page], site_dir: Path, site_url: str,
         output: Path, today: dt.date | None) -> Outcome:
    try:
        return Outcome(document, size=make_pdf(document, pages, site_dir, site_url, output, today))
    except Exception as exc:  # one bad page must not stop the other PDFs
        output.unlink(missing_ok=True)
        return Outcome(document, error=f"{type(exc).__name__}: {exc}")


def build_pdfs(documents: Iterable[PdfDocument], pages: dict[str, Page], site_dir: Path, output_dir: Path,
               site_url: str = "", workers: int = 0, today: dt.date | None = None,
               store: OutputStore | None = None, part_items: int = 0) -> list[Outcome]:
    """Make every PDF below ``output_dir``; all are attempted, failures are returned, not raised.

    With a ``store``, a PDF whose key (:mod:`kennisbank.outputs.pdf.keys`) is stored is
    copied from it, and every PDF rendered is filed in it. ``workers`` = 0 uses
    every core; 1 renders in this process. The largest documents start first so
    that no core idles at the end. A document of more than ``part_items`` pages
    (0: no limit) is rendered in parts and joined (:mod:`.parts`), so that its
    memory does not grow with its length.
    """
    documents = sorted(documents, key=lambda d: (-len(d.pages), d.target))
    today = today or dt.date.today()
    outcomes, todo = [], []
    digests = PageDigests(site_dir)
    for document in documents:
        parted = part_items if part_items and len(document.pages) > part_items else 0
        key = document_key(document, pages, digests, site_url, document.date or today, parted) if store else None
        output = output_dir / document.target
        if store is not None and key is not None and store.fetch(KIND, key, output):
            outcomes.append(Outcome(document, size=output.stat().st_size, reused=True))
        else:
            todo.append((document, key))
    long = [(document, key) for document, key in todo if part_items and len(document.pages) > part_items]
    todo = [entry for entry in todo if entry not in long]
    rendered = [(_in_parts(document, pages, site_dir, site_url, output_dir / document.target, today, part_items,
                           workers, store), key) for document, key in long]
    for outcome, key in rendered + _render(todo, pages, site_dir, output_dir, site_url, workers, today):
        outcomes.append(outcome)
        if store is not None and key is not None and outcome.error is None:
            store.file(KIND, key, output_dir / outcome.document.target)
    return sorted(outcomes, key=lambda o: o.document.target)


def _in_parts(document: PdfDocument, pages: dict[str, Page], site_dir: Path, site_url: str, output: Path,
              today: dt.date, part_items: int, workers: int, store: OutputStore | None) -> Outcome:
    """A PDF made in parts (:mod:`.parts`), each part filed in ``store`` so that an edit re-renders only its own."""
    try:
        parts = make_in_parts(document, pages, site_dir, site_url, output, document.date or today, part_items,
                              workers or os.cpu_count() or 1, store)
        return Outcome(document, size=output.stat().st_size, parts=parts)
    except Exception as exc:  # as for a PDF made in one piece: reported, the other PDFs still made
        output.unlink(missing_ok=True)
        return Outcome(document, error=f"{type(exc).__name__}: {exc}")


def _render(todo: list[tuple[PdfDocument, str | None]], pages: dict[str, Page], site_dir: Path, output_dir: Path,
            site_url: str, workers: int, today: dt.date) -> list[tuple[Outcome, str | None]]:
    """Render ``todo`` (documents with their keys), in worker processes when there is more than one."""
    workers = workers or os.cpu_count() or 1

    def args(document: PdfDocument) -> tuple:
        needed = {src: pages[src] for src in document.pages}
        return document, needed, site_dir, site_url, output_dir / document.target, document.date or today

    if workers == 1 or len(todo) <= 1:
        return [(_job(*args(document)), key) for document, key in todo]
    load()  # imported once here, inherited by forked workers

    done = []
    with ProcessPoolExecutor(max_workers=min(workers, len(todo))) as pool:
        futures = {pool.submit(_job, *args(document)): (document, key) for document, key in todo}
        for future in as_completed(futures):
            document, key = futures[future]
            try:
                done.append((future.result(), key))
            except Exception as exc:  # a crashed worker (e.g. out of memory) fails only its PDFs
                done.append((Outcome(document, error=f"{type(exc).__name__}: {exc}"), key))
    return done
