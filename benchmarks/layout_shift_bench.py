"""Layout shift of the search page with results, for each part that may arrive last.

Builds the starter hub (PDFs off) into a temporary folder, serves it on a free loopback port with the site's
security headers, and loads ``zoeken/?zoekterm=gemeente`` in Debian's Chromium at 320 and 1280 pixels: once
as served, and once with each part of the page held back by one second (the search index, the engine, the
page script, its stylesheet). Reports the median and the largest summed layout shift over N loads (the gate in
``tests/test_accessibility.py`` allows 0.05), with the CPU time of this process and the load average.

Usage: ``python benchmarks/layout_shift_bench.py [--runs 5]``
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))
os.environ.setdefault("KENNISBANK_PDF", "false")

from browser import browser  # noqa: E402
from test_accessibility import LATE, search_page_shift  # noqa: E402

from kennisbank.mkdocs.commands import build_site  # noqa: E402

PARTS = ["mkdocs.yml", "hooks", "overrides", "docs"]


def build_starter(root: Path) -> Path:
    for name in PARTS:
        source = REPO / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, root / name)
    build_site(root / "mkdocs.yml", root / "site", strict=True)
    return root / "site"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        site = build_starter(Path(folder))
        start = time.process_time()
        print(f"load average before: {os.getloadavg()[0]:.1f}")
        print("| Arrives last | Width | Median shift | Largest shift |")
        print("| --- | ---: | ---: | ---: |")
        with browser() as chromium:
            for late in [None, *LATE]:
                for width in (320, 1280):
                    shifts = [search_page_shift(chromium, site, late, width)[0] for _ in range(args.runs)]
                    print(f"| {late or '(as served)'} | {width} | {statistics.median(shifts):.3f} | "
                          f"{max(shifts):.3f} |", flush=True)
        print(f"CPU time of this process: {time.process_time() - start:.1f} s; "
              f"load average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
