"""Collections at real volume: items published vs left out, check time and build time per fixture.

Each fixture of ``tests/fixtures/`` (a municipal MkDocs handbook, an EA-exported data
model, two Docusaurus developer portals) is dropped into a fresh project as a collection, once clean and once with its
dangerous pages and broken links (``kapot/``) added; ``--scale N`` also copies the
broken tree N times under different collection names, so a run sees hundreds of pages
of which a known share is left out. For each it runs ``kennisbank check`` (load and
validate, in this process) and a default build (``kennisbank build``: the valid rest
published, PDFs off), each ``--repeat`` times, and prints medians of CPU and wall time
(CPU time is the steadier figure on a shared machine).

Example::

    python benchmarks/collections_bench.py               # each fixture, clean and broken, and x40 broken
    python benchmarks/collections_bench.py --scale 10 --repeat 1
    python benchmarks/collections_bench.py --fixtures catalogus-handleidingen
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures"
NAMES = ["handboek-informatiebeveiliging", "gegevensmodel-zaken", "ontwikkelaarsportaal", "catalogus-handleidingen"]
SKELETON = ["mkdocs.yml", "hooks", "overrides", "docs/_data", "docs/stylesheets", "docs/index.md",
            "docs/bijdragen", "docs/javascripts", "docs/toegankelijkheid.md", "docs/privacy.md"]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))


def make_project(root: Path, name: str, broken: bool, copies: int) -> Path:
    """A project with the real configuration and taxonomy and the fixture as ``copies`` collections."""
    for part in SKELETON:
        source, target = REPO / part, root / part
        target.parent.mkdir(parents=True, exist_ok=True)
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, target)
    layers = [FIXTURES / name / "docs"] + ([FIXTURES / name / "kapot"] if broken else [])
    slug = next((FIXTURES / name / "docs" / "_data" / "collecties").glob("*.yml")).stem
    for copy in range(copies):
        new = slug if copy == 0 else f"{slug}-{copy}"
        for layer in layers:
            shutil.copytree(layer / "collecties" / slug, root / "docs" / "collecties" / new, dirs_exist_ok=True)
        data = (FIXTURES / name / "docs" / "_data" / "collecties" / f"{slug}.yml").read_text(encoding="utf-8")
        (root / "docs" / "_data" / "collecties").mkdir(parents=True, exist_ok=True)
        (root / "docs" / "_data" / "collecties" / f"{new}.yml").write_text(data, encoding="utf-8")
    return root


def _cpu() -> float:
    """CPU time of this process and its finished children (git, for the collections' dates)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def timed(action) -> tuple[float, float, object]:
    wall, cpu = time.perf_counter(), _cpu()
    outcome = action()
    return time.perf_counter() - wall, _cpu() - cpu, outcome


def measure(name: str, broken: bool, copies: int, repeat: int) -> dict[str, object]:
    from kennisbank.content.hub import load_hub
    from kennisbank.mkdocs.commands import build_site

    checks, builds, summary, errors = [], [], "", 0
    for _ in range(repeat):
        with tempfile.TemporaryDirectory(prefix="kb-collections-") as tmp:
            root = make_project(Path(tmp) / "hub", name, broken, copies)
            wall, cpu, hub = timed(lambda root=root: load_hub(root / "docs", root))
            checks.append((wall, cpu))
            errors = len(hub.problems.errors())  # type: ignore[attr-defined]
            wall, cpu, publication = timed(
                lambda root=root: build_site(root / "mkdocs.yml", root / "site", strict=False))
            builds.append((wall, cpu))
            summary = publication.summary()  # type: ignore[attr-defined]
    return {"fixture": name + (" + kapot" if broken else "") + (f" ×{copies}" if copies > 1 else ""),
            "summary": summary, "errors": errors,
            "check": tuple(statistics.median(x[i] for x in checks) for i in (0, 1)),
            "build": tuple(statistics.median(x[i] for x in builds) for i in (0, 1))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--scale", type=int, default=40, help="copies of each broken fixture in the volume run")
    parser.add_argument("--fixtures", nargs="+", choices=NAMES, default=NAMES, help="fixtures to measure")
    args = parser.parse_args()
    os.environ["KENNISBANK_PDF"] = "false"
    import logging

    logging.getLogger("mkdocs").setLevel(logging.ERROR)  # thousands of expected warnings would drown the table
    load = os.getloadavg()[0]
    rows = [measure(name, broken, 1, args.repeat) for name in args.fixtures for broken in (False, True)]
    rows += [measure(name, True, args.scale, args.repeat) for name in args.fixtures]
    print(f"load average {load:.1f} at the start, {os.getloadavg()[0]:.1f} at the end")
    print("| Fixture | Outcome | check: errors | check wall / CPU | build wall / CPU |")
    print("| --- | --- | ---: | ---: | ---: |")
    for row in rows:
        check, build = row["check"], row["build"]
        print(f"| {row['fixture']} | {row['summary']} | {row['errors']} | {check[0]:.2f} s / {check[1]:.2f} s | "
              f"{build[0]:.2f} s / {build[1]:.2f} s |")


if __name__ == "__main__":
    main()
