"""What the PDF cache saves: full builds with PDFs, cold and warm, against the build without PDFs.

Run: ``.venv/bin/python benchmarks/cache_bench.py [--items 200] [--repeat 3]``. Prints Markdown rows for
benchmarks/RESULTS.md. The hub is the shared corpus of ``benchmarks/generate.py`` (as ``run.py`` and
``pdf_bench.py``); every build is ``kennisbank build`` in a fresh process, read with ``wait4`` (CPU time
of the build and its PDF workers together, the steadier figure on this shared machine).

First a cold build with PDFs (empty cache), then ``--repeat`` rounds of four builds, interleaved so that
the load of this shared machine, which drifts over minutes and raises CPU time with it, weighs on the
baseline and the warm builds alike (measured one kind after the other, as before 2026-12-06, the
baseline ran at a lower load than the warm builds it was compared with): the
build without PDFs (``KENNISBANK_PDF=false``, the baseline of the targets); a warm build with nothing
changed; a warm build after editing the body of one article (a new sentence each round); a warm build
after adding one article (a copy of it under a new title, removed again before the next round), the
commonest pull request, which changes its themes' dossiers and, on screen only, every page of those
themes. Targets (issue 19): nothing changed <= 1.1x the baseline, one edit <= 1.2x, compared as medians
of CPU time; each row also gives every run's CPU time and the ratio within each round.
``--skip-cold`` reuses the cache a previous run filled.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.pdf_bench import BIN, Measured, run_measured  # noqa: E402
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


def add(article: Path, round_: str) -> Path:
    """A new article: a copy of ``article`` under another file name and title."""
    text = article.read_text(encoding="utf-8")
    new = article.with_name(f"nieuw-in-ronde-{round_.replace(' ', '-')}.md")
    new.write_text(re.sub(r'^titel: ".*"$', f'titel: "Nieuw artikel uit ronde {round_}"', text, count=1,
                          flags=re.M), encoding="utf-8")
    return new


def edit(article: Path, round_: str) -> None:
    with article.open("a", encoding="utf-8") as out:
        out.write(f"\nEen nieuwe zin in ronde {round_} van de meting.\n")


def row(what: str, runs: list[Measured], base: list[Measured] | None, extra: str) -> str:
    """One table row: the run of median CPU time, every run's CPU time and, against the baseline, the ratio
    of the medians and the ratio within each round."""
    m = _median(runs)
    ratio = ""
    if base:
        rounds = ", ".join(f"{run.cpu / b.cpu:.2f}" for run, b in zip(runs, base, strict=True))
        ratio = f"**{m.cpu / _median(base).cpu:.2f}x** ({rounds})"
    cpus = ", ".join(f"{run.cpu:.1f}" for run in runs)
    loads = f"{min(min(r.load) for r in runs):.1f}–{max(max(r.load) for r in runs):.1f}"
    return f"| {what} | {m.wall:.1f} s | {m.cpu:.2f} s | {cpus} | {ratio} | {m.peak_mb:,.0f} MB | {extra} | {loads} |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=200)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--skip-cold", action="store_true", help="keep the cache of a previous run")
    args = parser.parse_args()
    corpus = prepare(args.items, args.seed)
    root = corpus.root
    article = sorted((root / "docs" / "artikelen").glob("*.md"))[0]
    original = article.read_bytes()
    rows = ["| Build | Wall | CPU (median) | CPU of each run (s) | CPU / no-PDF (per round) | Peak memory "
            "(one process) | PDFs | Load |",
            "| --- | ---: | ---: | --- | --- | ---: | --- | --- |"]
    kinds: dict[str, list[Measured]] = {"base": [], "warm": [], "edited": [], "added": []}
    try:
        if not args.skip_cold:
            shutil.rmtree(root / ".cache-bench", ignore_errors=True)
            cold = build(root, pdfs=True)
            print(row("cold: with PDFs, empty cache", [cold], None, counts(cold)), flush=True)
            rows.append(row("cold: with PDFs, empty cache", [cold], None, counts(cold)))
        # Each round's edit and new title name the moment of the run: the cache is content-addressed, so a rerun
        # (--skip-cold) that made the same edits again would find their PDFs stored and render nothing.
        run = time.strftime("%Y%m%d-%H%M%S")
        for number in range(args.repeat):
            round_ = f"{number + 1} van {run}"
            kinds["base"].append(build(root, pdfs=False))
            kinds["warm"].append(build(root, pdfs=True))
            edit(article, round_)
            kinds["edited"].append(build(root, pdfs=True))
            new = add(article, round_)
            kinds["added"].append(build(root, pdfs=True))
            new.unlink()
            print(f"round {round_}: " + ", ".join(f"{kind} {runs[-1].cpu:.2f} s ({counts(runs[-1])})"
                                                     for kind, runs in kinds.items()), flush=True)
    finally:
        article.write_bytes(original)
        for new in article.parent.glob("nieuw-in-ronde-*.md"):
            new.unlink()
    n = args.repeat
    base = kinds["base"]
    rows += [row(f"{args.items} items without PDFs (median of {n})", base, None, "none"),
             row(f"warm, nothing changed (median of {n})", kinds["warm"], base, counts(_median(kinds["warm"]))),
             row(f"warm, one article's body edited (`{article.name}`, median of {n})", kinds["edited"], base,
                 counts(_median(kinds["edited"]))),
             row(f"warm, one article added (median of {n})", kinds["added"], base, counts(_median(kinds["added"])))]
    print("\n".join(["", *rows]))


if __name__ == "__main__":
    main()
