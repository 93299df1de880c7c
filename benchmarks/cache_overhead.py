"""What a warm build with PDFs pays per PDF when nothing changed: keys and copies, without rendering.

Run: ``.venv/bin/python benchmarks/cache_overhead.py SITE [--items 1000]``, where SITE is a site built from
the corpus of ``benchmarks/generate.py`` (``kennisbank build -d SITE`` with ``KENNISBANK_PDF=false``).

A cold build with PDFs at 1,000 items costs tens of CPU minutes, which a shared machine does not always
give; the part of a warm build that grows with the hub does not need them. This times, in one process,
the two steps a warm build adds for every PDF (:func:`kennisbank.outputs.pdf.engine.build_pdfs`): the key
(reading the page's built HTML, cutting what is not printed, hashing) and the copy out of the store
(reading the entry, checking its SHA-256, writing the PDF). The store is filled with PDF-sized entries
(``--pdf-bytes``, the median size of the corpus's item PDFs) under the real keys, since only their size
matters to a copy. CPU time of this process, median of ``--repeat`` runs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.run import prepare  # noqa: E402
from kennisbank.content.hub import load_hub  # noqa: E402
from kennisbank.index.hub_index import index_hub  # noqa: E402
from kennisbank.outputs.pdf import Page, page_documents  # noqa: E402
from kennisbank.outputs.pdf.keys import KIND, PageDigests, document_key, renderer_fingerprint  # noqa: E402
from kennisbank.outputs.store import OutputStore  # noqa: E402


def dest(src: str) -> str:
    """Where MkDocs writes a page with directory URLs."""
    stem = src[:-3]
    return f"{stem.removesuffix('index')}index.html" if stem.endswith("index") else f"{stem}/index.html"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--items", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--pdf-bytes", type=int, default=40_000)
    args = parser.parse_args()
    corpus = prepare(args.items, args.seed)
    hub = index_hub(load_hub(corpus.docs, corpus.root))
    documents = page_documents(hub)
    pages = {src: Page(src, dest(src)) for document in documents for src in document.pages}
    renderer_fingerprint()  # once per build, with fc-list: not per PDF
    today = dt.date.today()
    keys_cpu, copy_cpu = [], []
    with tempfile.TemporaryDirectory() as work:
        store = OutputStore(Path(work) / "store")
        payload = os.urandom(args.pdf_bytes)
        for run in range(args.repeat):
            start = time.process_time()
            digests = PageDigests(args.site)
            keys = [document_key(d, pages, digests, "", d.date or today) for d in documents]
            keys_cpu.append(time.process_time() - start)
            missing = [d.target for d, key in zip(documents, keys) if key is None]
            if missing:
                raise SystemExit(f"pages not found in {args.site}: {missing[:3]}")
            if run == 0:
                source = Path(work) / "source.pdf"
                source.write_bytes(payload)
                for key in keys:
                    store.file(KIND, key or "", source)
            out = Path(work) / f"site-{run}"
            start = time.process_time()
            for document, key in zip(documents, keys):
                assert store.fetch(KIND, key or "", out / document.target)
            copy_cpu.append(time.process_time() - start)
    keys_s, copy_s = statistics.median(keys_cpu), statistics.median(copy_cpu)
    print(f"{len(documents)} PDFs, {len(pages)} pages, load {os.getloadavg()[0]:.1f}: keys {keys_s:.2f} s CPU "
          f"({keys_s / len(documents) * 1000:.2f} ms each), copies {copy_s:.2f} s CPU "
          f"({copy_s / len(documents) * 1000:.2f} ms each); runs: keys {[round(c, 2) for c in keys_cpu]}, "
          f"copies {[round(c, 2) for c in copy_cpu]}")


if __name__ == "__main__":
    main()
