"""PDF time, CPU cost, memory and size: the starter hub and the shared synthetic corpus of N items.

Run: ``.venv/bin/python benchmarks/pdf_bench.py [--items 1000]``. Prints Markdown tables for
benchmarks/RESULTS.md. The large hub is the corpus of ``benchmarks/generate.py`` (every content type,
courses with modules, realistic bodies; cached in ``benchmarks/.corpus`` like ``benchmarks/run.py``).

Every measurement runs in a fresh child process (``--job``), read with ``wait4``: wall time, CPU time of
the child and of its PDF worker processes together, and the peak resident memory of the largest of
them. The machine's cores are shared with other jobs, so wall time depends on the load (printed with
each row) and CPU time is the load-independent cost of a PDF.

``--parts 100 300 1000 --part-items 50`` measures whole-hub PDFs of the first 100, 300 and 1,000 items
rendered in parts of 50 items (``kennisbank/outputs/pdf/parts.py``), with 2 workers, and the peak of the
*sum* of the resident memory of the child, its fork server and its workers, sampled from ``/proc`` every
50 ms (``wait4`` only gives the largest single process; its CPU time includes the workers, since the
child waits for the fork server that reaped them). Compare with ``--scaling`` at the same sizes (one
WeasyPrint run in one process).

``--scaling 100 200 400`` first measures whole-hub PDFs of the first 100, 200, 400 items, to see
whether WeasyPrint's time or memory grows faster than the document (tables of contents with page
numbers and "Pagina x van y" make it lay out pages more than once).
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import posixpath
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field, replace
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.run import CORPUS_DIR, prepare  # noqa: E402
from kennisbank.outputs.pdf import Page, PdfDocument, build_pdfs, whole_hub_document  # noqa: E402
from kennisbank.outputs.pdf.engine import make_pdf  # noqa: E402
from kennisbank.outputs.pdf.plan import Part, item_documents, taxonomy_documents  # noqa: E402
from kennisbank.outputs.store import OutputStore  # noqa: E402

BIN = Path(sys.executable).parent
BUDGET = 0.5
"""Seconds one item PDF may cost on this machine (issue 6)."""


@dataclass
class Measured:
    wall: float
    cpu: float
    """User + system seconds of the child and every worker process it waited for."""
    peak_mb: float
    """Peak resident memory of the largest single process (the child or one worker)."""
    load: tuple[float, float]
    """1-minute load average before and after."""
    result: dict = field(default_factory=dict)
    log: str = ""
    """The child's standard error (its log)."""


def run_measured(command: list[str], cwd: Path, env: dict | None = None) -> Measured:
    """Run a child process to the end; its rusage comes from ``wait4`` (it includes its reaped workers)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as log:
        before = os.getloadavg()[0]
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=log, env={**os.environ, **(env or {})})
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        after = os.getloadavg()[0]
        if os.waitstatus_to_exitcode(status) != 0:
            log.seek(0)
            raise RuntimeError(f"{' '.join(command)} failed:\n{log.read().decode()[-3000:]}")
        out.seek(0)
        text = out.read().decode().strip()
        log.seek(0)
        logged = log.read().decode(errors="replace")
    result = json.loads(text.splitlines()[-1]) if text.startswith("{") else {}
    return Measured(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, (before, after), result,
                    logged)


def measure_pdfs(documents: list[PdfDocument], pages: dict[str, Page], site: Path, out: Path,
                 workers: int, work: Path, part_items: int = 0, store: Path | None = None) -> Measured:
    """Make ``documents`` in a fresh process (``workers`` = 1: one after the other, each timed)."""
    job = work / "job.pickle"
    job.write_bytes(pickle.dumps({"documents": documents, "pages": pages, "site": site, "out": out,
                                  "workers": workers, "part_items": part_items, "store": store}))
    return run_measured([sys.executable, __file__, "--job", str(job)], REPO)


def run_job(path: Path) -> None:
    """Child side of :func:`measure_pdfs`: prints one JSON line (per-document times, sizes, failures)."""
    job = pickle.loads(path.read_bytes())
    documents, pages, site, out = job["documents"], job["pages"], job["site"], job["out"]
    import weasyprint  # noqa: F401  as in a build, imported before the work starts

    result: dict = {"documents": []}
    if job["part_items"]:
        from multiprocessing import forkserver

        sampler = TreeMemory()
        store = OutputStore(job["store"]) if job["store"] else None
        outcomes = build_pdfs(documents, pages, site, out, workers=job["workers"], part_items=job["part_items"],
                              store=store)
        sampler.stop()
        # The parts' workers are children of the fork server, which reaps them: waiting for it here is what
        # makes wait4 count their CPU time (an un-waited fork server's children are lost to it).
        forkserver._forkserver._stop()  # type: ignore[attr-defined]
        failed = [o for o in outcomes if o.error]
        if failed:
            raise SystemExit(f"{failed[0].document.target}: {failed[0].error}")
        result["documents"] = [{"target": o.document.target, "size": o.size, "parts": o.parts,
                                "pages": _page_count(out / o.document.target)} for o in outcomes]
        result["tree_peak_mb"] = sampler.peak / 1024
        result["own_peak_mb"] = sampler.own_peak / 1024
    elif job["workers"] == 1:
        for document in documents:
            wall, cpu = time.perf_counter(), time.process_time()
            size = make_pdf(document, pages, site, "", out / document.target)
            result["documents"].append({"target": document.target, "wall": time.perf_counter() - wall,
                                        "cpu": time.process_time() - cpu, "size": size,
                                        "pages": _page_count(out / document.target)})
    else:
        outcomes = build_pdfs(documents, pages, site, out, workers=job["workers"])
        result["documents"] = [{"target": o.document.target, "size": o.size, "error": o.error} for o in outcomes]
        failed = [o for o in outcomes if o.error]
        if failed:
            raise SystemExit(f"{len(failed)} PDFs failed, e.g. {failed[0].document.target}: {failed[0].error}")
    print(json.dumps(result))


class TreeMemory:
    """The peak of the summed resident memory of this process and all its descendants, sampled from /proc."""

    def __init__(self, interval: float = 0.05) -> None:
        import threading

        self.peak = 0
        self.own_peak = 0
        """Of this process alone: with parts, the one that joins them."""
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(interval,), daemon=True)
        self._thread.start()

    def _run(self, interval: float) -> None:
        while not self._done.wait(interval):
            self.peak = max(self.peak, sum(_rss_kb(pid) for pid in _tree(os.getpid())))
            self.own_peak = max(self.own_peak, _rss_kb(os.getpid()))

    def stop(self) -> None:
        self._done.set()
        self._thread.join()


def _tree(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        try:
            for task in Path(f"/proc/{current}/task").iterdir():
                todo += [int(child) for child in (task / "children").read_text().split()]
        except OSError:
            continue
    return found


def _rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _page_count(pdf: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(pdf).pages)


def dest_of(src: str) -> str:
    """Where MkDocs writes a page with directory URLs."""
    base = posixpath.splitext(src)[0]
    return (base[: -len("index")] if base.endswith("index") else base + "/") + "index.html"


def size(n_bytes: float) -> str:
    return f"{n_bytes / 1024:,.0f} kB" if n_bytes < 10 * 1024 * 1024 else f"{n_bytes / 1024 / 1024:,.1f} MB"


def load(m: Measured) -> str:
    return f"{min(m.load):.1f}–{max(m.load):.1f}" if abs(m.load[0] - m.load[1]) >= 0.05 else f"{m.load[0]:.1f}"


def row(what: str, m: Measured, per: int | None, extra: str) -> str:
    """One table row: wall, CPU, CPU per item, peak memory, size, load."""
    per_item = f"{m.cpu / per:.2f} s" if per else ""
    return (f"| {what} | {m.wall:.1f} s | {m.cpu:.1f} s | {per_item} | {m.peak_mb:,.0f} MB | {extra} | "
            f"{load(m)} |")


HEADER = ["| Measurement | Wall | CPU (all processes) | CPU per item | Peak memory | Size / pages | Load |",
          "| --- | ---: | ---: | ---: | ---: | --- | --- |"]


def starter(rows: list[str], work: Path) -> None:
    """The starter hub: ``kennisbank build`` without and with the page PDFs, and ``kennisbank pdf``."""
    root = work / "starter"
    root.mkdir()
    for name in ("mkdocs.yml", "hooks", "overrides", "docs"):
        (shutil.copytree if (REPO / name).is_dir() else shutil.copy2)(REPO / name, root / name)
    kb = str(BIN / "kennisbank")
    plain = [run_measured([kb, "build", "-d", str(root / "site")], root, {"KENNISBANK_PDF": "false"})
             for _ in range(3)]
    plain_m = _median(plain)
    with_pdfs = _median([run_measured([kb, "build", "-d", str(root / "site")], root, {"KENNISBANK_PDF": "true"})
                         for _ in range(3)])
    pdfs = list((root / "site").rglob("*.pdf"))
    total = sum(p.stat().st_size for p in pdfs)
    whole = run_measured([kb, "pdf", "-o", str(root / "kennisbank.pdf")], root, {"KENNISBANK_PDF": "true"})
    items = sum(1 for p in (root / "docs").rglob("*.md")
                if p.parts[len(root.parts) + 1] in ("artikelen", "praktijkvoorbeelden", "academie"))
    rows.append(row("Starter: site build without PDFs (median of 3)", plain_m, None, ""))
    rows.append(row(f"Starter: site build with its {len(pdfs)} page PDFs, {os.cpu_count()} workers (median of 3)",
                    with_pdfs, None, f"{size(total)} in total"))
    extra = Measured(with_pdfs.wall - plain_m.wall, with_pdfs.cpu - plain_m.cpu, with_pdfs.peak_mb,
                     with_pdfs.load)
    rows.append(f"| Starter: PDFs' share of that build, per page PDF | {extra.wall / len(pdfs):.2f} s | "
                f"{extra.cpu / len(pdfs):.2f} s | | | {size(total / len(pdfs))} on average | |")
    rows.append(row(f"Starter: `kennisbank pdf` (site build + whole-hub PDF of {items} items)", whole, None,
                    f"{size((root / 'kennisbank.pdf').stat().st_size)}, {_page_count(root / 'kennisbank.pdf')} pages"))
    print("\n".join(rows[-4:]), file=sys.stderr, flush=True)


def _median(runs: list[Measured]) -> Measured:
    return sorted(runs, key=lambda m: m.wall)[len(runs) // 2]


@dataclass
class LargeHub:
    n: int
    site: Path
    items: list[PdfDocument]
    themes: list[PdfDocument]
    whole: PdfDocument
    pages: dict[str, Page]
    build: Measured | None


def large_hub(n: int, seed: int, reuse_site: bool = False) -> LargeHub:
    """The shared corpus of ``n`` items, built once without PDFs; the PDFs it would get."""
    from kennisbank.content.hub import load_hub
    from kennisbank.index.hub_index import index_hub

    corpus = prepare(n, seed)
    site = corpus.root / "site-pdf"
    build = None
    if not (reuse_site and site.is_dir()):
        build = run_measured([str(BIN / "kennisbank"), "build", "-d", str(site)], corpus.root,
                             {"KENNISBANK_PDF": "false"})
    hub = index_hub(load_hub(corpus.docs, corpus.root))
    items = item_documents(hub)
    themes = [d for d in taxonomy_documents(hub) if d.target.startswith("themas/")]
    whole = whole_hub_document(hub, "VNG Kennisbank")
    pages = {src: Page(src, dest_of(src)) for d in items + themes + [whole] for src in d.pages}
    missing = [p.dest for p in pages.values() if not (site / p.dest).is_file()]
    if missing:
        raise RuntimeError(f"pages not where expected: {missing[:3]}")
    return LargeHub(n, site, items, themes, whole, pages, build)


def first_items(whole: PdfDocument, k: int) -> PdfDocument:
    """The whole-hub PDF cut after its first ``k`` pages (items), parts kept."""
    parts, left = [], k
    for part in whole.parts:
        if left <= 0:
            break
        parts.append(Part(part.heading, part.pages[:left]))
        left -= len(part.pages[:left])
    return replace(whole, parts=tuple(parts), target=f"eerste-{k}.pdf", title=f"De eerste {k} items")


def scaling(rows: list[str], hub: LargeHub, sizes: list[int], work: Path) -> None:
    for k in sizes:
        document = first_items(hub.whole, k)
        m = measure_pdfs([document], hub.pages, hub.site, work / "pdf", 1, work)
        info = m.result["documents"][0]
        rows.append(row(f"{hub.n} items: whole-hub PDF cut to its first {k} items (one process)", m, k,
                        f"{size(info['size'])}, {info['pages']} pages"))
        print(rows[-1], file=sys.stderr, flush=True)


def in_parts(rows: list[str], hub: LargeHub, sizes: list[int], part_items: int, work: Path, edit: bool) -> None:
    """Whole-hub PDFs of the first K items rendered in parts: memory must stay flat as K grows.

    With ``edit``, each is made again after one item in its middle changed (a word added to its page, in a
    copy of the site), with the parts of the first run in the output store: only that item's part is
    rendered again, then the front, the page numbers and the join.
    """
    for k in sizes:
        document = first_items(hub.whole, k)
        store = work / f"store-{k}" if edit else None
        m = measure_pdfs([document], hub.pages, hub.site, work / "pdf", 2, work, part_items, store)
        rows.append(_parts_row(f"{hub.n} items: whole-hub PDF cut to its first {k} items, in parts of {part_items}, "
                               "2 workers", m, k))
        if edit:
            site = work / "site-edited"
            shutil.rmtree(site, ignore_errors=True)
            shutil.copytree(hub.site, site)
            page = site / hub.pages[document.pages[len(document.pages) // 2]].dest
            page.write_text(page.read_text(encoding="utf-8").replace("</article>", "<p>Bijgewerkt.</p></article>", 1),
                            encoding="utf-8")
            m = measure_pdfs([document], hub.pages, site, work / "pdf", 2, work, part_items, store)
            rows.append(_parts_row(f"the same after editing one item, its {-(-len(document.pages) // part_items)} "
                                   "parts in the store", m, k))


def _parts_row(what: str, m: Measured, k: int) -> str:
    info = m.result["documents"][0]
    line = row(f"{what} (parts rendered, reused: {info['parts']}; sum of all processes' memory: "
               f"{m.result['tree_peak_mb']:,.0f} MB; the joining process: {m.result['own_peak_mb']:,.0f} MB)", m, k,
               f"{size(info['size'])}, {info['pages']} pages")
    print(line, file=sys.stderr, flush=True)
    return line


def whole_hub(rows: list[str], hub: LargeHub, work: Path) -> None:
    m = measure_pdfs([hub.whole], hub.pages, hub.site, work / "pdf", 1, work)
    info = m.result["documents"][0]
    rows.append(row(f"{hub.n} items: whole-hub PDF ({len(hub.whole.pages)} items, one process)", m,
                    len(hub.whole.pages), f"{size(info['size'])}, {info['pages']} pages"))
    print(rows[-1], file=sys.stderr, flush=True)


def large(rows: list[str], hub: LargeHub, work: Path, whole: bool) -> None:
    n, out = hub.n, work / "pdf"
    if hub.build is not None:
        rows.append(row(f"{n} items: site build without PDFs", hub.build, None, ""))
        print(rows[-1], file=sys.stderr, flush=True)
    sample = random.Random(1).sample(hub.items, 25)
    m = measure_pdfs(sample, hub.pages, hub.site, out, 1, work)
    docs = m.result["documents"]
    walls, cpus = [d["wall"] for d in docs], [d["cpu"] for d in docs]
    rows.append(f"| {n} items: one item PDF, median of 25 (one process; min–max CPU "
                f"{min(cpus):.2f}–{max(cpus):.2f} s) | {statistics.median(walls):.2f} s | "
                f"{statistics.median(cpus):.2f} s | {statistics.median(cpus):.2f} s | {m.peak_mb:,.0f} MB | "
                f"{size(statistics.median(d['size'] for d in docs))}, {statistics.median(d['pages'] for d in docs):.0f}"
                f" pages | {load(m)} |")
    print(rows[-1], file=sys.stderr, flush=True)
    m = measure_pdfs(hub.items, hub.pages, hub.site, out, 2, work)
    total = sum(d["size"] for d in m.result["documents"])
    rows.append(row(f"{n} items: all {len(hub.items)} item PDFs, 2 workers "
                    f"({m.wall / len(hub.items):.2f} s wall per PDF)", m, len(hub.items), f"{size(total)} in total"))
    print(rows[-1], file=sys.stderr, flush=True)
    largest = max(hub.themes, key=lambda d: len(d.pages))
    m = measure_pdfs([largest], hub.pages, hub.site, out, 1, work)
    info = m.result["documents"][0]
    rows.append(row(f"{n} items: largest theme PDF (`{largest.target}`, {len(largest.pages) - 1} items, one "
                    f"process)", m, len(largest.pages) - 1, f"{size(info['size'])}, {info['pages']} pages"))
    print(rows[-1], file=sys.stderr, flush=True)
    in_themes = sum(len(d.pages) - 1 for d in hub.themes)
    m = measure_pdfs(hub.themes, hub.pages, hub.site, out, 2, work)
    rows.append(row(f"{n} items: all {len(hub.themes)} theme PDFs ({in_themes} item pages), 2 workers", m,
                    in_themes, f"{size(sum(d['size'] for d in m.result['documents']))} in total"))
    print(rows[-1], file=sys.stderr, flush=True)
    if whole:
        whole_hub(rows, hub, work)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--scaling", type=int, nargs="*", default=[], metavar="K",
                        help="first measure whole-hub PDFs of the first K items")
    parser.add_argument("--only-scaling", action="store_true", help="stop after --scaling (and --parts)")
    parser.add_argument("--parts", type=int, nargs="*", default=[], metavar="K",
                        help="measure whole-hub PDFs of the first K items rendered in parts")
    parser.add_argument("--part-items", type=int, default=50, help="items per part for --parts")
    parser.add_argument("--edit", action="store_true",
                        help="with --parts: make each again after editing one item, its parts in the store")
    parser.add_argument("--skip-starter", action="store_true")
    parser.add_argument("--skip-whole", action="store_true", help="no whole-hub PDF of all items")
    parser.add_argument("--only-whole", action="store_true", help="only the whole-hub PDF of all items")
    parser.add_argument("--reuse-site", action="store_true",
                        help="use the large hub's site from an earlier run (e.g. while another run reads it)")
    parser.add_argument("--job", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.job:
        run_job(args.job)
        return
    rows = list(HEADER)
    CORPUS_DIR.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="pdf-bench-", dir=CORPUS_DIR) as tmp:
        work = Path(tmp)
        if not args.skip_starter:
            starter(rows, work)
        hub = large_hub(args.items, args.seed, args.reuse_site)
        scaling(rows, hub, args.scaling, work)
        in_parts(rows, hub, args.parts, args.part_items, work, args.edit)
        if args.only_whole:
            whole_hub(rows, hub, work)
        elif not args.only_scaling:
            large(rows, hub, work, whole=not args.skip_whole)
    print(f"Load average at the end: {os.getloadavg()}; {os.cpu_count()} cores")
    print("\n".join(rows))


if __name__ == "__main__":
    main()
