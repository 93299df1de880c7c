"""Peak memory and CPU of joining a long PDF's parts, against the number of pages joined.

Run: ``.venv/bin/python benchmarks/join_bench.py [--pages 1000 3000 6000] [--repeat 3]``. Prints a Markdown
table for benchmarks/RESULTS.md.

The parts are real: the whole-hub PDF of the first ``--items`` items of the shared corpus
(``benchmarks/generate.py``, seed 2026) is rendered once in slices of ``--part-items`` items, with its front
and its page-number pages, exactly as :func:`kennisbank.outputs.pdf.parts.make_in_parts` renders them (kept
in ``benchmarks/.corpus/join-parts-N`` for the next run). A document of P pages is then the front followed
by those slices over and over until it has P pages, so that a join of thousands of pages costs minutes of
rendering once, not hours. Repeated slices repeat named destinations (the join keeps the first of each
name); everything else a join does per page (objects, structure tree, outline, links, page numbers) is done
for every page.

Each join runs in a fresh process (``--job``): its peak resident memory is that process's ``VmHWM`` (qpdf's C++
heap included, which ``tracemalloc`` does not see; not ``ru_maxrss``, which Linux carries over ``exec`` from
the process that rendered the parts), beside its resident memory just before the join (the interpreter,
pikepdf and the package), and its CPU time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.pdf_bench import CORPUS_DIR, large_hub  # noqa: E402


def render(items: int, part_items: int, seed: int) -> Path:
    """The parts of the first ``items`` items' whole-hub PDF, their page numbers and a front, with a list."""
    from kennisbank.outputs.pdf.compose import questions
    from kennisbank.outputs.pdf.parts import render_footers, render_front, render_part, slices

    folder = CORPUS_DIR / f"join-parts-{items}-{part_items}-{seed}"
    listing = folder / "parts.json"
    if listing.is_file():
        return listing
    folder.mkdir(parents=True, exist_ok=True)
    hub = large_hub(items, seed, reuse_site=True)
    document, today = hub.whole, dt.date(2026, 12, 6)
    needed = {src: hub.pages[src] for src in document.pages}
    counts = [questions(hub.site, needed[src]) for src in document.pages]
    body = []
    for number, part in enumerate(slices(document, part_items), start=1):
        path = folder / f"{number:05d}.pdf"
        rendered = render_part(document, needed, hub.site, "", part, 1 + sum(counts[:part.start]), False, today,
                               path)
        body.append((path, rendered))
    entries = [entry for _, rendered in body for entry in rendered.entries]
    numbers = {anchor: "1" for _, anchor, _ in entries}  # only their widths matter to the front's size
    front = folder / "00000.pdf"
    front_levels = render_front(document, hub.site, "", today, entries, body[0][1].dates, numbers, 99999,
                                front).levels
    jobs, first = [], 2
    for path, rendered in body:
        jobs.append((first, rendered.pages, 99999, path.with_suffix(".footer.pdf")))
        first += rendered.pages
    render_footers(hub.site, jobs)
    listing.write_text(json.dumps({
        "front": [str(front), front_levels],
        "body": [[str(path), str(path.with_suffix(".footer.pdf")), rendered.levels, rendered.pages]
                 for path, rendered in body]}), encoding="utf-8")
    return listing


def plan(listing: Path, pages: int) -> tuple[list, int]:
    """The front, then the body's parts over and over until ``pages`` pages: the join's arguments."""
    parts = json.loads(listing.read_text(encoding="utf-8"))
    joined = [(Path(parts["front"][0]), None, parts["front"][1])]
    total = 0
    while total < pages:
        for path, footer, levels, count in parts["body"]:
            joined.append((Path(path), Path(footer), levels))
            total += count
            if total >= pages:
                break
    return joined, total


def job(listing: Path, pages: int, output: Path, function: str) -> None:
    """Child side: one join, then one JSON line."""
    import importlib

    module, name = function.split(":")
    join = getattr(importlib.import_module(module), name)
    parts, total = plan(listing, pages)
    before = _status("VmRSS")
    cpu = time.process_time()
    join(parts, output)
    print(json.dumps({"pages": total, "parts": len(parts), "before_kb": before, "cpu": time.process_time() - cpu,
                      "size": output.stat().st_size, "peak_kb": _status("VmHWM")}))


def _status(field: str) -> int:
    """A figure of this process's /proc status, in kB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise KeyError(field)


def measure(listing: Path, pages: int, output: Path, function: str) -> dict:
    load = os.getloadavg()[0]
    process = subprocess.Popen([sys.executable, __file__, "--job", str(listing), str(pages), str(output), function],
                               stdout=subprocess.PIPE, text=True)
    out = process.stdout.read() if process.stdout else ""
    if process.wait() != 0:
        raise SystemExit(f"the join of {pages} pages failed")
    return {**json.loads(out.splitlines()[-1]), "load": (load, os.getloadavg()[0])}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, nargs="+", default=[1000, 3000, 6000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--items", type=int, default=100)
    parser.add_argument("--part-items", type=int, default=50)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--join", default="kennisbank.outputs.pdf.join:join", metavar="MODULE:FUNCTION",
                        help="the join to measure, e.g. an earlier one copied into the package to compare")
    parser.add_argument("--job", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.job:
        job(Path(args.job[0]), int(args.job[1]), Path(args.job[2]), args.job[3])
        return
    listing = render(args.items, args.part_items, args.seed)
    print("| Pages joined | Parts | Peak RSS of the joining process (median) | Before the join | Growth per 1,000 "
          "pages | CPU (median) | Size | Load |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
    previous = None
    for pages in args.pages:
        runs = [measure(listing, pages, listing.parent / "joined.pdf", args.join) for _ in range(args.repeat)]
        peak = statistics.median(r["peak_kb"] for r in runs) / 1024
        growth = "" if previous is None else f"{(peak - previous[1]) / (runs[0]['pages'] - previous[0]) * 1000:,.1f} MB"
        loads = [value for r in runs for value in r["load"]]
        print(f"| {runs[0]['pages']:,} | {runs[0]['parts']} | {peak:,.0f} MB | "
              f"{statistics.median(r['before_kb'] for r in runs) / 1024:,.0f} MB | {growth} | "
              f"{statistics.median(r['cpu'] for r in runs):.1f} s | {runs[0]['size'] / 1024 / 1024:.1f} MB | "
              f"{min(loads):.1f}–{max(loads):.1f} |", flush=True)
        previous = (runs[0]["pages"], peak)


if __name__ == "__main__":
    main()
