"""What a Mermaid diagram costs a reader and a build: bytes per page, time to draw, check time.

Builds the handbook fixture (``tests/fixtures/handboek-informatiebeveiliging``, whose
``incidenten/afhandeling.md`` holds a flowchart and a sequence diagram) and measures:

- the bytes a first visit fetches for the diagram page and for a page of the same collection without
  one (HTML, scripts, stylesheets; raw and gzip -6, as a server would send them), from the request log
  of a real Chromium load;
- the time from navigation to both diagrams drawn, in Chromium at 1280 px (median of ``--repeat``);
- ``check_diagrams`` on a body of ``--lines`` diagram lines (linear: it must stay far below a second).

Example::

    python benchmarks/diagram_bench.py               # 7 page loads, 20,000 diagram lines
    python benchmarks/diagram_bench.py --repeat 3
"""

from __future__ import annotations

import argparse
import gzip
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parents[1]
for path in (REPO, REPO / "tests"):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

DIAGRAM_PAGE = "collecties/handboek-ib/incidenten/afhandeling/"
PLAIN_PAGE = "collecties/handboek-ib/incidenten/meldprocedure/"
DRAWN = "() => document.querySelectorAll('div.mermaid').length === 2"


def fetched(site: Path, paths: list[str]) -> tuple[int, int]:
    """Raw and gzipped bytes of the site files a page load asked for."""
    raw = packed = 0
    for path in paths:
        file = site / path.lstrip("/")
        if file.is_dir():
            file = file / "index.html"
        if file.is_file() and file.suffix in (".html", ".js", ".css"):
            data = file.read_bytes()
            raw += len(data)
            packed += len(gzip.compress(data, 6))
    return raw, packed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--lines", type=int, default=20_000)
    args = parser.parse_args()
    os.environ.setdefault("KENNISBANK_PDF", "false")
    from browser import browser, serve
    from sitebuilder import project

    from kennisbank.content.diagrams import check_diagrams

    print(f"load average: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    with tempfile.TemporaryDirectory() as tmp:
        hub = project(Path(tmp))
        shutil.copytree(REPO / "tests/fixtures/handboek-informatiebeveiliging/docs", hub.docs, dirs_exist_ok=True)
        site = hub.build().root
        with browser() as chromium:
            for label, url in (("with diagrams", DIAGRAM_PAGE), ("without", PLAIN_PAGE)):
                log: list[str] = []
                with serve(site, log=log) as base:
                    page = chromium.new_page(viewport={"width": 1280, "height": 900})
                    page.goto(base + url, wait_until="networkidle")
                    page.close()
                raw, packed = fetched(site, [urlsplit(p).path for p in log])
                print(f"{label:14} {url}: {len(log)} requests, {raw / 1024:.0f} kB raw, {packed / 1024:.0f} kB gzip")
            times = []
            with serve(site) as base:
                for _ in range(args.repeat):
                    context = chromium.new_context(viewport={"width": 1280, "height": 900})
                    page = context.new_page()
                    start = time.perf_counter()
                    page.goto(base + DIAGRAM_PAGE)
                    page.wait_for_function(DRAWN, timeout=60_000)
                    times.append(time.perf_counter() - start)
                    context.close()
            print(f"navigation to both diagrams drawn: median {statistics.median(times):.2f} s "
                  f"(min {min(times):.2f}, max {max(times):.2f}, {args.repeat} loads, cold cache each)")
    line = '    A["<b>Stap</b>"] --> B{Keuze} --> C@{ img: "foto.png" }\n'
    body = "```mermaid\nflowchart LR\n" + line * args.lines + "```\n"
    cpu, wall = time.process_time(), time.perf_counter()
    problems = check_diagrams("docs/x.md", body)
    print(f"check_diagrams, {args.lines} lines: {time.perf_counter() - wall:.3f} s wall, "
          f"{time.process_time() - cpu:.3f} s CPU, {len(problems)} problems")
    print(f"load average: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
