"""Search at scale: bytes and time to first results on a throttled line, beside Pagefind.

For each hub size (default 1,000 and 10,000 items from ``benchmarks/generate.py``) this

1. times building the sharded index in-process (median of 3, CPU and wall seconds),
2. builds the site (no PDFs) and measures the index on disk: every file of ``zoeken/index/``, raw and gzip,
3. copies the built site and runs Pagefind on the copy (the anchor to beat, not a dependency:
   ``--pagefind`` names its executable, installed in its own environment, e.g.
   ``python3 -m venv /tmp/pf && /tmp/pf/bin/pip install 'pagefind[extended]'`` and
   ``--pagefind "/tmp/pf/bin/python -m pagefind"``),
4. in Chromium, cold cache, throttled to 10 Mbit/s and 40 ms through the DevTools protocol
   (``Network.emulateNetworkConditions``), median of ``--runs``:

   - a first page view without searching: bytes (gzip, as hosts send text), and whether any search index came;
   - the header box: from typing the query to its first results, and the bytes that took;
   - the search page ``zoeken/?zoekterm=…``: from navigation to the first result, bytes of the
     whole page and of the search files alone (and when its script started, from its ``performance.mark``);
   - Pagefind on its copy: from the query to the data of its first five results, and the bytes.

Run: ``.venv/bin/python benchmarks/search_bench.py [--sizes 1000 10000] [--runs 3] [--pagefind CMD]
[--work DIR [--built]]``.
Wall-clock times on a shared machine: medians, with the load average printed beside them.
"""

from __future__ import annotations

import argparse
import gzip
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from browser import browser, serve  # noqa: E402

from benchmarks.generate import copy_skeleton, generate  # noqa: E402
from kennisbank.content.hub import load_hub  # noqa: E402
from kennisbank.content.synonyms import Synonyms  # noqa: E402
from kennisbank.index.hub_index import index_hub  # noqa: E402
from kennisbank.mkdocs.commands import build_site  # noqa: E402
from kennisbank.outputs.search.documents import search_docs  # noqa: E402
from kennisbank.outputs.search.postings import analyse  # noqa: E402
from kennisbank.outputs.search.shards import SHARD_DIR, ShardedIndex  # noqa: E402

QUERY = "warmtetransitie"
LINE = {"offline": False, "latency": 40, "downloadThroughput": 10_000_000 / 8, "uploadThroughput": 10_000_000 / 8}
"""An ordinary office line: 10 Mbit/s both ways, 40 ms."""
SEARCH_FILES = ("zoeken/", "pagefind/")

# Records when the first result of the box or the search page enters the DOM. In the box, a result links
# with the query's words for highlighting (h=…); the box's own links (all results, themes) have an empty h=.
FIRST_RESULT = """
new MutationObserver(function () {
  if (window.__firstResult === undefined &&
      document.querySelector('.kb-search__result, .md-search-result__item a[href*="h="]:not([href$="h="])')) {
    window.__firstResult = performance.now();
  }
}).observe(document, {childList: true, subtree: true});
"""

PAGEFIND = """
async (query) => {
  const start = performance.now();
  const pagefind = await import(new URL("/pagefind/pagefind.js", location.href).href);  // served at the root
  await pagefind.init();
  const search = await pagefind.search(query);
  const results = await Promise.all(search.results.slice(0, 5).map(result => result.data()));
  return [performance.now() - start, search.results.length, results.map(r => r.meta.title)];
}
"""

BOX = """
(query) => {
  const field = document.querySelector(".md-search__input");
  field.focus();
  field.value = query;
  window.__typed = performance.now();
  field.dispatchEvent(new KeyboardEvent("keyup", {key: "s"}));  // Material reads the box on keyup
}
"""


class Wire:
    """A cold, throttled tab; bytes are counted from what the server sent (a Web Worker's requests too, which
    the page's DevTools session does not report), as gzip would send each file: hosts compress text."""

    def __init__(self, chromium, site: Path, log: list[str]):
        self.site = site
        self.log = log
        self.context = chromium.new_context(viewport={"width": 1280, "height": 900})
        self.page = self.context.new_page()
        self.page.set_default_timeout(120_000)  # a throttled page on a loaded 2-core machine
        self.page.add_init_script(FIRST_RESULT)
        self.cdp = self.context.new_cdp_session(self.page)
        self.cdp.send("Network.enable")
        self.cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
        self.cdp.send("Network.emulateNetworkConditions", LINE)  # applies to the page's workers too

    def mark(self) -> int:
        return len(self.log)

    def bytes_since(self, mark: int, only: tuple[str, ...] = ()) -> int:
        return sum(gzip_size(self.site, path) for path in self.log[mark:]
                   if not only or any(part in path for part in only))

    def urls_since(self, mark: int) -> list[str]:
        return self.log[mark:]

    def close(self) -> None:
        self.context.close()


_GZIP: dict[Path, int] = {}


def gzip_size(site: Path, url_path: str) -> int:
    path = site / url_path.split("?")[0].lstrip("/")
    if path.is_dir():
        path = path / "index.html"
    if path not in _GZIP:
        _GZIP[path] = len(gzip.compress(path.read_bytes(), 6)) if path.is_file() else 0
    return _GZIP[path]


def page_view(chromium, base: str, site: Path, log: list[str]) -> tuple[int, bool]:
    wire = Wire(chromium, site, log)
    mark = wire.mark()
    wire.page.goto(base + "artikelen/")
    wire.page.wait_for_load_state("networkidle")
    index = any("zoeken/index/" in url or "pagefind" in url for url in wire.urls_since(mark))
    total = wire.bytes_since(mark)
    wire.close()
    return total, index


def header_box(chromium, base: str, site: Path, log: list[str]) -> tuple[float, int]:
    wire = Wire(chromium, site, log)
    wire.page.goto(base + "artikelen/")
    wire.page.wait_for_load_state("networkidle")
    wire.page.wait_for_function("() => /Typ om/.test(document.querySelector('.md-search-result__meta').textContent)")
    mark = wire.mark()
    wire.page.evaluate(BOX, QUERY)
    wire.page.wait_for_function("window.__firstResult !== undefined", timeout=300_000)
    ms = wire.page.evaluate("window.__firstResult - window.__typed")
    wire.page.wait_for_load_state("networkidle")
    total = wire.bytes_since(mark)
    wire.close()
    return ms, total


def search_page(chromium, base: str, site: Path, log: list[str]) -> tuple[float, int, int, float]:
    wire = Wire(chromium, site, log)
    mark = wire.mark()
    wire.page.goto(f"{base}zoeken/?zoekterm={QUERY}")
    wire.page.wait_for_function("window.__firstResult !== undefined", timeout=300_000)
    ms = wire.page.evaluate("window.__firstResult")
    started = wire.page.evaluate("(performance.getEntriesByName('kb-search:start')[0] || {startTime: NaN}).startTime")
    wire.page.wait_for_load_state("networkidle")
    result = ms, wire.bytes_since(mark), wire.bytes_since(mark, SEARCH_FILES), started
    wire.close()
    return result


def pagefind(chromium, base: str, site: Path, log: list[str]) -> tuple[float, int, int]:
    wire = Wire(chromium, site, log)
    wire.page.goto(base + "artikelen/")
    wire.page.wait_for_load_state("networkidle")
    mark = wire.mark()
    ms, count, _ = wire.page.evaluate(PAGEFIND, QUERY)
    wire.page.wait_for_load_state("networkidle")
    total = wire.bytes_since(mark)
    wire.close()
    return ms, total, count


def folder_size(folder: Path) -> tuple[int, int, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    raw = sum(p.stat().st_size for p in files)
    packed = sum(len(gzip.compress(p.read_bytes(), 6)) for p in files)
    return len(files), raw, packed


def index_build_seconds(docs_dir: Path) -> tuple[float, float]:
    hub = index_hub(load_hub(docs_dir))
    docs = search_docs(hub, {src: src for src in hub.items})
    cpu, wall = [], []
    for _ in range(3):
        c, w = time.process_time(), time.perf_counter()
        ShardedIndex(docs, Synonyms([]), [], analyse).scripts()
        cpu.append(time.process_time() - c)
        wall.append(time.perf_counter() - w)
    return statistics.median(cpu), statistics.median(wall)


def bench(count: int, runs: int, pagefind_cmd: str | None, work: Path, built: bool = False,
          compress: bool = False) -> dict:
    root = work / f"hub-{count}"
    if not (root / "docs").is_dir():
        generate(count, 2026, root)
    else:
        copy_skeleton(REPO, root)  # a reused corpus gets this checkout's configuration, hooks and overrides
    cpu, wall = index_build_seconds(root / "docs")
    os.environ["KENNISBANK_PDF"] = "false"
    site = root / "site"
    site_seconds = float("nan")
    if not (built and (site / SHARD_DIR).is_dir()):
        start = time.perf_counter()
        build_site(root / "mkdocs.yml", site)
        site_seconds = time.perf_counter() - start
    ours = folder_size(site / SHARD_DIR)
    result: dict = {"items": count, "index_cpu_s": cpu, "index_wall_s": wall, "site_build_s": site_seconds,
                    "ours_files": ours[0], "ours_raw": ours[1], "ours_gzip": ours[2]}
    copy = None
    if pagefind_cmd:
        copy = root / "site-pagefind"
        shutil.rmtree(copy, ignore_errors=True)
        shutil.copytree(site, copy)
        start = time.perf_counter()
        subprocess.run([*shlex.split(pagefind_cmd), "--site", str(copy)], check=True, capture_output=True)
        result["pagefind_build_s"] = time.perf_counter() - start
        files, raw, packed = folder_size(copy / "pagefind")
        result.update(pagefind_files=files, pagefind_raw=raw, pagefind_gzip=packed)
    samples: dict[str, list] = {"view": [], "box": [], "page": [], "pagefind": []}
    load = [os.getloadavg()[0]]
    log: list[str] = []
    with browser() as chromium:
        with serve(site, log=log, compress=compress) as base:
            for _ in range(runs):
                for key, measure in (("view", page_view), ("box", header_box), ("page", search_page)):
                    try:
                        samples[key].append(measure(chromium, base, site, log))
                    except Exception as error:  # one stalled load on a busy machine: say so, keep the others
                        print(f"  {count:,} {key}: run failed: {str(error).splitlines()[0]}", flush=True)
                load.append(os.getloadavg()[0])
        if copy is not None:
            with serve(copy, log=log, compress=compress) as base:
                for _ in range(runs):
                    try:
                        samples["pagefind"].append(pagefind(chromium, base, copy, log))
                    except Exception as error:
                        print(f"  {count:,} pagefind: run failed: {str(error).splitlines()[0]}", flush=True)
                    load.append(os.getloadavg()[0])

    def median(key: str, at: int) -> float:
        return statistics.median(sample[at] for sample in samples[key]) if samples[key] else float("nan")

    result.update(view_bytes=median("view", 0), view_index=any(s[1] for s in samples["view"]),
                  box_ms=median("box", 0), box_bytes=median("box", 1),
                  page_ms=median("page", 0), page_bytes=median("page", 1), page_search_bytes=median("page", 2),
                  pagefind_ms=median("pagefind", 0), pagefind_bytes=median("pagefind", 1),
                  samples=samples, load=(min(load), max(load)))
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pagefind", help="command that runs Pagefind, e.g. '/tmp/pf/bin/python -m pagefind'")
    parser.add_argument("--work", type=Path, help="keep generated hubs and sites here (default: a temporary folder)")
    parser.add_argument("--built", action="store_true",
                        help="measure the sites already built in --work instead of building them again "
                             "(a 10,000-item build takes minutes; rebuild after changing the code)")
    parser.add_argument("--gzip", action="store_true",
                        help="serve text files gzipped, as hosts do (times then match the bytes counted)")
    args = parser.parse_args()
    kb = 1000
    sent = "text gzipped" if args.gzip else "files sent uncompressed (bytes below: as gzip would send them)"
    print(f"Query '{QUERY}', cold cache, 10 Mbit/s and 40 ms, {sent}, median of {args.runs}.")
    print("| items | index build CPU / wall (s) | site build (s) | index on disk: files, raw / gzip (kB) "
          "| page view, no search (kB; index?) | header box: ms, kB | search page: ms, kB (search files kB) "
          "| Pagefind: ms, kB | Pagefind index: build (s), files, raw / gzip (kB) | load |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory(prefix="kb-search-bench-") as tmp:
        work = args.work or Path(tmp)
        for count in args.sizes:
            r = bench(count, args.runs, args.pagefind, work, args.built, args.gzip)
            pagefind_index = (f"{r['pagefind_build_s']:.1f}, {r['pagefind_files']:,}, {r['pagefind_raw'] / kb:,.0f} / "
                              f"{r['pagefind_gzip'] / kb:,.0f}") if "pagefind_files" in r else "–"
            print(f"| {count:,} | {r['index_cpu_s']:.1f} / {r['index_wall_s']:.1f} | {r['site_build_s']:.0f} "
                  f"| {r['ours_files']:,}, {r['ours_raw'] / kb:,.0f} / {r['ours_gzip'] / kb:,.0f} "
                  f"| {r['view_bytes'] / kb:,.0f}; {'yes' if r['view_index'] else 'no'} "
                  f"| {r['box_ms']:.0f}, {r['box_bytes'] / kb:,.0f} "
                  f"| {r['page_ms']:.0f}, {r['page_bytes'] / kb:,.0f} ({r['page_search_bytes'] / kb:,.0f}) "
                  f"| {r['pagefind_ms']:.0f}, {r['pagefind_bytes'] / kb:,.0f} | {pagefind_index} "
                  f"| {r['load'][0]:.1f}–{r['load'][1]:.1f} |", flush=True)
            print("  samples:", {k: [[round(x) if isinstance(x, (int, float)) else x for x in s] for s in v]
                                 for k, v in r["samples"].items()}, flush=True)


if __name__ == "__main__":
    main()
