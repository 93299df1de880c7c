"""Overview pages at volume: the largest overview page, what the overview pages reach, and what paging costs.

For each size N, the synthetic hub of ``benchmarks/generate.py`` is built (``kennisbank build``, extra
outputs off as in ``benchmarks/run.py``) by this tree and, with ``--before REV``, by the Kennisbank of
another commit (``git archive``; its package first on ``PYTHONPATH``, its configuration, hooks and
overrides in the project), each ``--repeat`` times. It reports per build: wall and CPU time (median), the
number of pages and of follow-on pages (``…/pagina/N/``), the largest overview page (theme, network,
pair, type or tag page) by HTML bytes and its height in Chromium at 1280 and 320 pixels, the same for the tag
index (``trefwoorden/``), and how many of the published items the overview pages list (every page of every
list followed, no JavaScript needed).

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

OVERVIEWS = re.compile(r"^(themas|netwerken|trefwoorden)/.+|^(artikelen|praktijkvoorbeelden)/(index\.html|pagina/.+)")
"""Pages (below the site) that are overview pages or their follow-on pages."""
TAG_INDEX = "trefwoorden/index.html"
LETTER_PAGES = re.compile(r"^trefwoorden/beginletter-[^/]+/index\.html$")
"""A tag index split by first letter (more tags than ``per_page`` × 10): one page per letter."""
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
    tags_kb: float
    tags_1280: int
    tags_320: int
    tags: int
    letter: str
    """The largest page of the tag index per first letter ("" when the index is one page)."""
    letter_kb: float
    letter_1280: int
    letter_320: int


def checkout(rev: str, target: Path) -> Path:
    """The tree of commit ``rev`` in ``target`` (git archive: the repository is not touched)."""
    data = subprocess.run(["git", "archive", rev], cwd=REPO, check=True, capture_output=True).stdout
    with tarfile.open(fileobj=io.BytesIO(data)) as archive:
        archive.extractall(target, filter="data")
    return target


def project(corpus: Path, source: Path, root: Path, tail_tags: int = 0, spread: bool = False) -> Path:
    """The corpus's content with ``source``'s configuration, hooks, overrides and other docs files."""
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(corpus / "docs", root / "docs")
    if tail_tags:
        add_tail_tags(root / "docs", tail_tags, spread=spread)
    copy_skeleton(source, root)
    (root / "bench.yml").write_text(BENCH_CONFIG)
    return root


_TAGS_LINE = re.compile(r"^tags: \[(.*)\]$", re.M)


def add_tail_tags(docs: Path, vocabulary: int, seed: int = 2026, spread: bool = False) -> None:
    """One to three more tags per item from ``vocabulary`` tags of falling frequency (Pareto, as free tags are:
    a few on thousands of items, most on a handful). The generator's own 80 topic tags are a small, even set;
    this gives the tag index the long tail a real hub has. Same seed, same tags, for every variant built.

    ``spread``: log-uniform instead (as many tags used 1–10 times as 10–100 times …), so most of the vocabulary
    is used, and the tags are words with varied first letters instead of 'Term NNNN' (all under T)."""
    import random

    rng = random.Random(seed)
    letters = "abcdefghijklmnopqrstuvwxyz"

    def tag(number: int) -> str:
        if not spread:
            return f"Term {number:04d}"
        word, rest = "", number
        for _ in range(3):  # a pronounceable-enough word per number, its first letter spread over a–z
            word += letters[rest % 26] + "aeiou"[rest % 5]
            rest //= 7
        return f"{word.capitalize()} {number}"

    def draw() -> int:
        return int(vocabulary ** rng.random()) if spread else min(vocabulary, int(rng.paretovariate(1.0)))

    for page in sorted(docs.rglob("*.md")):
        text = page.read_text(encoding="utf-8")
        extra = ", ".join(sorted({tag(draw()) for _ in range(rng.randint(1, 3))}))
        new = _TAGS_LINE.sub(lambda m, more=extra: f"tags: [{m.group(1)}, {more}]", text, count=1)
        if new != text:
            page.write_text(new, encoding="utf-8")


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


def measure(corpus: Path, items: list[str], source: Path, root: Path, repeat: int, tail_tags: int = 0,
            spread: bool = False) -> Result:
    project(corpus, source, root, tail_tags, spread)
    wall, cpu = build(root, source, repeat)
    site = root / "site"
    pages = [p.relative_to(site).as_posix() for p in site.rglob("*.html")]
    overviews = [p for p in pages if OVERVIEWS.match(p) and "/pagina/" not in p]
    largest = max(overviews, key=lambda p: (site / p).stat().st_size)
    item_urls = {os.path.splitext(src)[0].removesuffix("/index") + "/" for src in items}
    letters = [p for p in pages if LETTER_PAGES.match(p)]
    letter = max(letters, key=lambda p: (site / p).stat().st_size) if letters else ""
    letter_figures = ((site / letter).stat().st_size / 1024, *heights(site / letter)) if letter else (0.0, 0, 0)
    tags = sum(1 for p in pages if p.startswith("trefwoorden/") and "/pagina/" not in p
               and not LETTER_PAGES.match(p) and p != TAG_INDEX)
    return Result(wall, cpu, len(pages), sum(1 for p in pages if "/pagina/" in p), largest,
                  (site / largest).stat().st_size / 1024, *heights(site / largest), listed_items(site, item_urls),
                  len(item_urls), (site / TAG_INDEX).stat().st_size / 1024, *heights(site / TAG_INDEX), tags, letter,
                  *letter_figures)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 3000])
    parser.add_argument("--repeat", type=int, default=1, help="builds per variant; the median is reported")
    parser.add_argument("--before", help="also build with the Kennisbank of this commit (e.g. main)")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--tail-tags", type=int, default=0,
                        help="add a long tail of this many rarer tags to the items (see add_tail_tags)")
    parser.add_argument("--tail-spread", action="store_true", help="the tail log-uniform, over varied letters")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kb-overview-") as temp:
        work = Path(temp)
        variants = [("this tree", REPO)]
        if args.before:
            variants.insert(0, (args.before, checkout(args.before, work / "before")))
        print("| Items | Kennisbank | Build wall / CPU | Pages (follow-on) | Largest overview page | HTML | "
              "Height 1280 / 320 px | Tags (pages) | Tag index HTML | Tag index height 1280 / 320 px | "
              "Largest letter page | HTML | Height 1280 / 320 px | Items listed on overview pages |")
        print("| ---: | --- | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: |")
        for size in args.sizes:
            corpus = generate(size, args.seed, work / f"hub-{size}")
            for name, source in variants:
                r = measure(corpus.root, corpus.items, source, work / "build", args.repeat, args.tail_tags,
                            args.tail_spread)
                print(f"| {size:,} | {name} | {r.wall:.1f} s / {r.cpu:.1f} s | {r.pages:,} ({r.follow_on:,}) | "
                      f"`{r.largest}` | {r.largest_kb:.0f} kB | {r.height_1280:,} / {r.height_320:,} | "
                      f"{r.tags:,} | {r.tags_kb:.0f} kB | {r.tags_1280:,} / {r.tags_320:,} | "
                      f"{f'`{r.letter}`' if r.letter else 'none'} | {r.letter_kb:.0f} kB | "
                      f"{r.letter_1280:,} / {r.letter_320:,} | {r.listed:,} of {r.items:,} |", flush=True)


if __name__ == "__main__":
    main()
