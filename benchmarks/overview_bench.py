"""Overview pages at volume: the largest overview page, what the overview pages reach, and what paging costs.

For each size N, the synthetic hub of ``benchmarks/generate.py`` is built (``kennisbank build``, extra
outputs off as in ``benchmarks/run.py``) by this tree and, with ``--before REV``, by the Kennisbank of
another commit (``git archive``; its package first on ``PYTHONPATH``, its configuration, hooks and
overrides in the project), each ``--repeat`` times. It reports per build: wall and CPU time (median), the
number of pages and of follow-on pages (``…/pagina/N/``), the largest overview page (theme, network,
pair or type page) by HTML bytes and its height in Chromium at 1280 and 320 pixels, and how many of the
published items the overview pages list (every page of every list followed, no JavaScript needed).

Example::

    python benchmarks/overview_bench.py --sizes 1000 3000 --before main
"""

from __future__ import annotations

import argparse
import io
import os
import re
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.generate import copy_skeleton, generate  # noqa: E402
from benchmarks.run import BENCH_CONFIG, BIN, timed  # noqa: E402

OVERVIEWS = re.compile(r"^(themas|netwerken)/.+|^(artikelen|praktijkvoorbeelden)/(index\.html|pagina/.+)")
"""Pages (below the site) that are overview pages or their follow-on pages."""
_HREF = re.compile(r'href="([^"#?]+)')


@dataclass
class Result:
    wall: float
    cpu: float
    pages: int
    follow_on: int
    largest: str
    largest_kb: float
    height_1280: int
    height_320: int
    listed: int
    items: int


def checkout(rev: str, target: Path) -> Path:
    """The tree of commit ``rev`` in ``target`` (git archive: the repository is not touched)."""
    data = subprocess.run(["git", "archive", rev], cwd=REPO, check=True, capture_output=True).stdout
    with tarfile.open(fileobj=io.BytesIO(data)) as archive:
        archive.extractall(target, filter="data")
    return target


def project(corpus: Path, source: Path, root: Path) -> Path:
    """The corpus's content with ``source``'s configuration, hooks, overrides and other docs files."""
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(corpus / "docs", root / "docs")
    copy_skeleton(source, root)
    (root / "bench.yml").write_text(BENCH_CONFIG)
    return root


def build(root: Path, source: Path, repeat: int) -> tuple[float, float]:
    env_path = os.environ.get("PYTHONPATH", "")
    walls, cpus = [], []
    for _ in range(repeat):
        site = root / "site"
        shutil.rmtree(site, ignore_errors=True)
        os.environ["PYTHONPATH"] = f"{source}{os.pathsep}{env_path}" if source != REPO else env_path
        try:
            wall, cpu, _ = timed([str(BIN / "kennisbank"), "build", "-f", "bench.yml", "-d", str(site)], root)
        finally:
            os.environ["PYTHONPATH"] = env_path
        walls.append(wall)
        cpus.append(cpu)
    return statistics.median(walls), statistics.median(cpus)


def listed_items(site: Path, item_urls: set[str]) -> int:
    """Items linked from any overview page or follow-on page."""
    found = set()
    for page in site.rglob("index.html"):
        rel = page.relative_to(site).as_posix()
        if not OVERVIEWS.match(rel):
            continue
        folder = page.parent
        for href in _HREF.findall(page.read_text(encoding="utf-8")):
            if "://" in href:
                continue
            target = os.path.normpath(folder / href).removeprefix(str(site) + "/").rstrip("/") + "/"
            if target in item_urls:
                found.add(target)
    return len(found)


def heights(page: Path) -> tuple[int, int]:
    from playwright.sync_api import sync_playwright

    from tests.browser import CHROMIUM, CHROMIUM_ARGS

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        found = []
        for width in (1280, 320):
            tab = browser.new_page(viewport={"width": width, "height": 800})
            tab.goto(page.as_uri())
            found.append(tab.evaluate("document.documentElement.scrollHeight"))
            tab.close()
        browser.close()
    return found[0], found[1]


def measure(corpus: Path, items: list[str], source: Path, root: Path, repeat: int) -> Result:
    project(corpus, source, root)
    wall, cpu = build(root, source, repeat)
    site = root / "site"
    pages = [p.relative_to(site).as_posix() for p in site.rglob("*.html")]
    overviews = [p for p in pages if OVERVIEWS.match(p) and "/pagina/" not in p]
    largest = max(overviews, key=lambda p: (site / p).stat().st_size)
    item_urls = {os.path.splitext(src)[0].removesuffix("/index") + "/" for src in items}
    return Result(wall, cpu, len(pages), sum(1 for p in pages if "/pagina/" in p), largest,
                  (site / largest).stat().st_size / 1024, *heights(site / largest), listed_items(site, item_urls),
                  len(item_urls))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 3000])
    parser.add_argument("--repeat", type=int, default=1, help="builds per variant; the median is reported")
    parser.add_argument("--before", help="also build with the Kennisbank of this commit (e.g. main)")
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kb-overview-") as temp:
        work = Path(temp)
        variants = [("this tree", REPO)]
        if args.before:
            variants.insert(0, (args.before, checkout(args.before, work / "before")))
        print("| Items | Kennisbank | Build wall / CPU | Pages (follow-on) | Largest overview page | HTML | "
              "Height 1280 / 320 px | Items listed on overview pages |")
        print("| ---: | --- | ---: | ---: | --- | ---: | ---: | ---: |")
        for size in args.sizes:
            corpus = generate(size, args.seed, work / f"hub-{size}")
            for name, source in variants:
                r = measure(corpus.root, corpus.items, source, work / "build", args.repeat)
                print(f"| {size:,} | {name} | {r.wall:.1f} s / {r.cpu:.1f} s | {r.pages:,} ({r.follow_on:,}) | "
                      f"`{r.largest}` | {r.largest_kb:.0f} kB | {r.height_1280:,} / {r.height_320:,} | "
                      f"{r.listed:,} of {r.items:,} |", flush=True)


if __name__ == "__main__":
    main()
