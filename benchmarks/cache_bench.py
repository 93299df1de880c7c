"""What the PDF cache saves: full builds with PDFs, cold and warm, against the build without PDFs.

Run: ``.venv/bin/python benchmarks/cache_bench.py [--items 200] [--repeat 3]``. Prints Markdown rows for
benchmarks/RESULTS.md. The hub is the shared corpus of ``benchmarks/generate.py`` (as ``run.py`` and
``pdf_bench.py``); every build is ``kennisbank build`` in a fresh process, read with ``wait4`` (CPU time
of the build and its PDF workers together, the steadier figure on this shared machine).

Measured, in this order: the build without PDFs (``KENNISBANK_PDF=false``, the baseline of the targets);
a cold build with PDFs (empty cache); warm builds with nothing changed; warm builds after editing the
body of one article (a new sentence each time); warm builds after adding one article (a copy of it under
a new title, removed again before the next), the commonest pull request, which changes its themes'
dossiers and, on screen only, every page of those themes. Targets (issue 19): nothing changed <= 1.1x
the baseline, one edit <= 1.2x. ``--skip-cold`` reuses the cache a previous run filled.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.pdf_bench import BIN, Measured, load, run_measured  # noqa: E402
from benchmarks.run import prepare  # noqa: E402

_COUNTS = re.compile(r"PDF's: (\d+) opnieuw gemaakt, (\d+) hergebruikt")


def build(root: Path, pdfs: bool) -> Measured:
    return run_measured([str(BIN / "kennisbank"), "build", "-d", str(root / "site-cache"),
                         "--cache-dir", str(root / ".cache-bench")], root,
                        {"KENNISBANK_PDF": "true" if pdfs else "false"})


def _median(runs: list[Measured]) -> Measured:
    """The run of median CPU time (the figure the targets compare)."""
    return sorted(runs, key=lambda m: m.cpu)[len(runs) // 2]


def counts(m: Measured) -> str:
    found = _COUNTS.findall(m.log)
    return f"{found[-1][0]} rendered, {found[-1][1]} reused" if found else "no PDFs"


def add(article: Path, round_: int) -> Path:
    """A new article: a copy of ``article`` under another file name and title."""
    text = article.read_text(encoding="utf-8")
    new = article.with_name(f"nieuw-in-ronde-{round_}.md")
    new.write_text(re.sub(r'^titel: ".*"$', f'titel: "Nieuw artikel uit ronde {round_}"', text, count=1,
                          flags=re.M), encoding="utf-8")
    return new


def edit(article: Path, round_: int) -> None:
    with article.open("a", encoding="utf-8") as out:
        out.write(f"\nEen nieuwe zin in ronde {round_} van de meting.\n")


def row(what: str, m: Measured, base: Measured | None, extra: str) -> str:
    ratio = f"{m.cpu / base.cpu:.2f}x" if base else ""
    return f"| {what} | {m.wall:.1f} s | {m.cpu:.1f} s | {ratio} | {m.peak_mb:,.0f} MB | {extra} | {load(m)} |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=200)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--skip-cold", action="store_true", help="keep the cache of a previous run")
    args = parser.parse_args()
    corpus = prepare(args.items, args.seed)
    root = corpus.root
    if not args.skip_cold:
        shutil.rmtree(root / ".cache-bench", ignore_errors=True)
    article = sorted((root / "docs" / "artikelen").glob("*.md"))[0]
    original = article.read_bytes()
    rows = ["| Build | Wall | CPU (all processes) | CPU / no-PDF build | Peak memory (one process) | PDFs | Load |",
            "| --- | ---: | ---: | ---: | ---: | --- | --- |"]
    try:
        base = _median([build(root, pdfs=False) for _ in range(args.repeat)])
        rows.append(row(f"{args.items} items without PDFs (median of {args.repeat})", base, None, "none"))
        print(rows[-1], flush=True)
        if not args.skip_cold:
            cold = build(root, pdfs=True)
            rows.append(row("cold: with PDFs, empty cache", cold, base, counts(cold)))
            print(rows[-1], flush=True)
        warm = _median([build(root, pdfs=True) for _ in range(args.repeat)])
        rows.append(row(f"warm, nothing changed (median of {args.repeat})", warm, base, counts(warm)))
        print(rows[-1], flush=True)
        edited = []
        for round_ in range(args.repeat):
            edit(article, round_)
            edited.append(build(root, pdfs=True))
        one = _median(edited)
        rows.append(row(f"warm, one article edited (`{article.name}`, median of {args.repeat})", one, base,
                        counts(one)))
        print(rows[-1], flush=True)
        added = []
        for round_ in range(args.repeat):
            new = add(article, round_)
            added.append(build(root, pdfs=True))
            new.unlink()
        one = _median(added)
        rows.append(row(f"warm, one article added (median of {args.repeat})", one, base, counts(one)))
        print(rows[-1], flush=True)
    finally:
        article.write_bytes(original)
        for new in article.parent.glob("nieuw-in-ronde-*.md"):
            new.unlink()
    print("\n".join(["", *rows]))


if __name__ == "__main__":
    main()
