"""What escaping by construction costs a build: the same Kennisbank build with and without it.

"Without" switches off, in the child process, everything issue #15's sinks part added to a build: Jinja
autoescape for the theme, the cleaning of rendered titles and table-of-contents entries
(``kennisbank/site/escaping.py``), the cleaning of Material's search entries, and the renaming of unsafe
ids (``kennisbank/site/safe_ids.py`` and the sanitizer's id filter). Both variants run the same script, on
the synthetic hub of ``benchmarks/run.py`` with its ``bench.yml`` (extra outputs off), alternately, and the
medians of wall and CPU time are printed.

Example::

    python benchmarks/escaping_bench.py            # 1,000 items, 3 builds per variant
    python benchmarks/escaping_bench.py 5000 --repeat 5
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.run import prepare, timed  # noqa: E402

CHILD = """\
import sys
if sys.argv[1] == "off":
    from kennisbank.site import escaping, safe_ids, sanitize
    escaping.autoescape = lambda env: None
    escaping.html_text = lambda html: html
    escaping.toc_titles = lambda anchors: None
    escaping.page_content = lambda html: html
    escaping.search_entry = lambda entry: entry
    safe_ids.SafeIds.run = lambda self, root: None
    sanitize.safe_id = lambda value: value
from kennisbank.cli import main
main(args=sys.argv[2:])
"""


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", nargs="?", type=int, default=1000, help="items in the synthetic hub")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    corpus = prepare(args.n, args.seed)
    runs: dict[str, list[tuple[float, float, float]]] = {"on": [], "off": []}
    for _ in range(args.repeat):
        for variant in ("on", "off"):
            site = corpus.root / f"site-escaping-{variant}"
            shutil.rmtree(site, ignore_errors=True)
            command = [sys.executable, "-c", CHILD, variant, "build", "-f", "bench.yml", "-d", str(site)]
            runs[variant].append(timed(command, corpus.root))
    print(f"{args.n} items, median of {args.repeat} builds per variant")
    print("| escaping | wall | CPU | peak memory |")
    print("| --- | --- | --- | --- |")
    for variant, label in (("on", "with (this branch)"), ("off", "switched off")):
        wall, cpu, memory = (statistics.median(values) for values in zip(*runs[variant], strict=True))
        print(f"| {label} | {wall:.2f} s | {cpu:.2f} s | {memory:.1f} MB |")


if __name__ == "__main__":
    main()
