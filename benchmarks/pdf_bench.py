"""PDF time and size: the starter hub, and a synthetic hub of N items (whole hub, per theme, per item).

Run: ``.venv/bin/python benchmarks/pdf_bench.py [--items 1000]``. Prints a
Markdown table for benchmarks/RESULTS.md. Medians of several runs where a run
is short; the machine has 2 noisy cores, so read ratios rather than seconds.

The synthetic hub is generated here with a small self-contained generator
(articles of ~700 words with headings, a list, a table, an admonition and
links); when the shared corpus generator (benchmarks/generate.py) is present,
this benchmark should use that instead.
"""

from __future__ import annotations

import argparse
import os
import posixpath
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from kennisbank.hub import load_hub  # noqa: E402
from kennisbank.mkdocs_adapter import build_site  # noqa: E402
from kennisbank.pdf import Page, build_pdfs, whole_hub_document  # noqa: E402
from kennisbank.pdf.engine import make_pdf  # noqa: E402
from kennisbank.pdf.plan import item_documents, taxonomy_documents  # noqa: E402
from kennisbank.taxonomy import load_taxonomy  # noqa: E402

SKELETON = ["mkdocs.yml", "hooks", "overrides", "docs/_data", "docs/stylesheets", "docs/index.md",
            "docs/trefwoorden.md", "docs/bijdragen"]
WORDS = ("gemeente regio inwoners beleid uitvoering wethouder raad samenwerking wijk zorg jeugd woningbouw "
         "energie warmtenet data dashboard ketenpartners budget begroting participatie verordening subsidie "
         "opgave maatschappelijk netwerk toezicht kwaliteit").split()


def copy_skeleton(target: Path, with_content: bool) -> None:
    for name in SKELETON + (["docs/artikelen", "docs/praktijkvoorbeelden", "docs/academie"] if with_content else []):
        source, dest = REPO / name, target / name
        dest.parent.mkdir(parents=True, exist_ok=True)
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, dest)


def synthetic(target: Path, n: int, seed: int = 7) -> None:
    """``n`` valid articles spread over every theme, each ~700 words."""
    copy_skeleton(target, with_content=False)
    themes = sorted(load_taxonomy(target / "docs", target)[0].themes)
    rng = random.Random(seed)

    def sentence(k: int = 14) -> str:
        return " ".join(rng.choice(WORDS) for _ in range(k)).capitalize() + "."

    folder = target / "docs" / "artikelen"
    folder.mkdir(parents=True)
    for i in range(n):
        chosen = rng.sample(themes, 2)
        sections = []
        for s in range(5):
            paragraphs = "\n\n".join(" ".join(sentence() for _ in range(5)) for _ in range(2))
            sections.append(f"## Onderdeel {s + 1}\n\n{paragraphs}\n\n- {sentence(6)}\n- {sentence(6)}\n")
        other = f"artikel-{(i + 1) % n:04d}.md"
        body = (f"{sentence()} Zie ook [een ander artikel]({other}).\n\n" + "\n".join(sections)
                + "\n| Jaar | Aantal | Bedrag |\n| --- | --- | --- |\n"
                + "".join(f"| {2020 + r} | {rng.randint(1, 900)} | € {rng.randint(1, 99)}.000 |\n" for r in range(6))
                + f"\n!!! tip \"Tip\"\n\n    {sentence()}\n")
        (folder / f"artikel-{i:04d}.md").write_text(
            f"---\ntitel: Artikel {i} over {rng.choice(WORDS)}\nsamenvatting: {sentence(10)}\ntype: artikel\n"
            f"themas: [{', '.join(chosen)}]\nauteurs: [VNG Kennishub]\ngepubliceerd: 2024-{1 + i % 12:02d}-"
            f"{1 + i % 28:02d}\n---\n\n{body}", encoding="utf-8")


def dest_of(src: str) -> str:
    """Where MkDocs writes a page with directory URLs."""
    base = posixpath.splitext(src)[0]
    return (base[: -len("index")] if base.endswith("index") else base + "/") + "index.html"


def timed(action) -> tuple[float, object]:
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result


def kb(size: int) -> str:
    return f"{size / 1024:,.0f} kB" if size < 10 * 1024 * 1024 else f"{size / 1024 / 1024:,.1f} MB"


def starter(rows: list[str], work: Path) -> None:
    root = work / "starter"
    copy_skeleton(root, with_content=True)
    os.environ["KENNISBANK_PDF"] = "false"
    plain = statistics.median(timed(lambda: build_site(root / "mkdocs.yml", root / "site"))[0] for _ in range(3))
    os.environ["KENNISBANK_PDF"] = "true"
    with_pdfs = statistics.median(timed(lambda: build_site(root / "mkdocs.yml", root / "site"))[0] for _ in range(2))
    pdfs = list((root / "site").rglob("*.pdf"))
    total = sum(p.stat().st_size for p in pdfs)
    whole_time, _ = timed(lambda: build_site(root / "mkdocs.yml", whole_pdf=root / "kennisbank.pdf"))
    rows.append(f"| Starter hub: site build without PDFs | {plain:.1f} s | | |")
    rows.append(f"| Starter hub: site build with all {len(pdfs)} page PDFs ({os.cpu_count()} workers) | "
                f"{with_pdfs:.1f} s | ×{with_pdfs / plain:.1f} | {kb(total)} in total |")
    rows.append(f"| Starter hub: PDF cost per page PDF (wall, parallel) | {(with_pdfs - plain) / len(pdfs):.2f} s | | "
                f"{kb(total // len(pdfs))} on average |")
    rows.append(f"| Starter hub: `kennisbank pdf` (site build + whole-hub PDF) | {whole_time:.1f} s | | "
                f"{kb((root / 'kennisbank.pdf').stat().st_size)} |")


def large(rows: list[str], work: Path, n: int, all_items: bool) -> None:
    root = work / f"hub-{n}"
    synthetic(root, n)
    os.environ["KENNISBANK_PDF"] = "false"
    site_time, _ = timed(lambda: build_site(root / "mkdocs.yml", root / "site"))
    site = root / "site"
    hub = load_hub(root / "docs", root)
    items = item_documents(hub)
    themes = [d for d in taxonomy_documents(hub) if d.target.startswith("themas/")]
    pages = {src: Page(src, dest_of(src)) for d in items + themes for src in d.pages}
    out = work / "pdf"
    rows.append(f"| {n} items: site build without PDFs | {site_time:.1f} s | | |")
    sample = random.Random(1).sample(items, 25)
    times = []
    for document in sample:
        seconds, size = timed(lambda: make_pdf(document, pages, site, "", out / document.target))
        times.append(seconds)
    rows.append(f"| {n} items: one item PDF (median of 25, one core) | {statistics.median(times):.2f} s | | "
                f"{kb(size)} |")
    if all_items:
        seconds, outcomes = timed(lambda: build_pdfs(items, pages, site, out))
        total = sum(o.size for o in outcomes)
        rows.append(f"| {n} items: all {len(items)} item PDFs in parallel ({os.cpu_count()} workers) | "
                    f"{seconds:.1f} s | {seconds / len(items):.2f} s per item | {kb(total)} in total |")
    largest = max(themes, key=lambda d: len(d.pages))
    seconds, size = timed(lambda: make_pdf(largest, pages, site, "", out / largest.target))
    rows.append(f"| {n} items: largest theme PDF ({len(largest.pages) - 1} items, one core) | {seconds:.1f} s | "
                f"{seconds / len(largest.pages):.2f} s per item | {kb(size)} |")
    seconds, outcomes = timed(lambda: build_pdfs(themes, pages, site, out))
    rows.append(f"| {n} items: all {len(themes)} theme PDFs in parallel | {seconds:.1f} s | | "
                f"{kb(sum(o.size for o in outcomes))} in total |")
    whole = whole_hub_document(hub, "VNG Kennisbank")
    seconds, size = timed(lambda: make_pdf(whole, pages, site, "", out / whole.target))
    rows.append(f"| {n} items: whole-hub PDF (one core) | {seconds:.1f} s | {seconds / n:.2f} s per item | "
                f"{kb(size)} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=1000)
    parser.add_argument("--skip-all-items", action="store_true", help="do not build every item PDF of the large hub")
    args = parser.parse_args()
    rows = ["| Measurement | Time | Ratio / per item | Size |", "| --- | --- | --- | --- |"]
    with tempfile.TemporaryDirectory(prefix="pdf-bench-") as tmp:
        starter(rows, Path(tmp))
        large(rows, Path(tmp), args.items, not args.skip_all_items)
    print("\n".join(rows))


if __name__ == "__main__":
    main()
