"""What the VNG Academie costs a build, on a synthetic hub that grows.

Writes N courses of 6 modules (each with three self-checks) and 20 articles
per course into a temporary docs folder, then times, as medians of 5 runs:

- loading the hub (parsing, validation, self-check validation, course checks);
- the Academie's own work: the catalogue plus the course sections of every
  course and module page (``learning_path`` and ``further_reading``);
- the existing overview pages (themes, networks, types) as the reference.

Usage: ``python benchmarks/academie_bench.py [--courses 10 50 200]``
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from kennisbank.academie.pages import catalogue_pages, further_reading, learning_path  # noqa: E402
from kennisbank.content.hub import load_hub  # noqa: E402
from kennisbank.content.model import ItemType  # noqa: E402
from kennisbank.index.hub_index import index_hub  # noqa: E402
from kennisbank.site.pages import overview_pages  # noqa: E402

THEMES = ["bestaanszekerheid", "kansengelijkheid", "gezond-leven", "klimaat-energie", "fysieke-leefomgeving",
          "sterke-bestuurslaag", "leren-van-elkaar", "knooppunt-van-netwerken", "regionale-samenwerking"]
CHECK = '''
!!! toets "Vraag {n}?"
    - [ ] fout
    - [x] goed
    - [ ] ook fout

    Toelichting: uitleg.
'''


def write_hub(root: Path, courses: int) -> Path:
    docs = root / "docs"
    shutil.copytree(REPO / "docs" / "_data", docs / "_data")
    for c in range(courses):
        folder = docs / "academie" / f"cursus-{c}"
        folder.mkdir(parents=True)
        themes = f"[{THEMES[c % 9]}, {THEMES[(c + 3) % 9]}]"
        (folder / "index.md").write_text(
            f"---\ntitel: Cursus {c}\nsamenvatting: S\ntype: cursus\nthemas: {themes}\nauteurs: [A]\n"
            f"gepubliceerd: 2024-01-01\ndoelgroep: [ambtenaren]\nniveau: basis\nduur_minuten: 270\n"
            f"leerdoelen: [Doel]\n---\n\nTekst.\n", encoding="utf-8")
        for m in range(1, 7):
            body = "Tekst.\n" * 20 + "".join(CHECK.format(n=n) for n in range(3))
            (folder / f"0{m}-module.md").write_text(
                f"---\ntitel: Module {m}\nsamenvatting: S\ntype: module\nvolgorde: {m}\nduur_minuten: 45\n"
                f"leerdoelen: [Doel]\n---\n\n{body}", encoding="utf-8")
        articles = docs / "artikelen"
        articles.mkdir(exist_ok=True)
        for a in range(20):
            (articles / f"artikel-{c}-{a}.md").write_text(
                f"---\ntitel: Artikel {c} {a}\nsamenvatting: S\ntype: artikel\nthemas: [{THEMES[(c + a) % 9]}]\n"
                f"auteurs: [A]\ngepubliceerd: 2024-0{1 + a % 9}-01\n---\n\nTekst.\n", encoding="utf-8")
    return docs


def median_time(action, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def academie_work(hub) -> None:
    catalogue_pages(hub)
    for item in hub.items.values():
        if item.type in (ItemType.CURSUS, ItemType.MODULE):
            learning_path(hub, item)
            further_reading(hub, item)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--courses", type=int, nargs="+", default=[10, 50, 200])
    args = parser.parse_args()
    print("| Courses | Items | Load hub | Academie pages + sections | Overview pages | Academie / overview |")
    print("| --- | --- | --- | --- | --- | --- |")
    for courses in args.courses:
        with tempfile.TemporaryDirectory() as tmp:
            docs = write_hub(Path(tmp), courses)
            loaded = load_hub(docs)
            assert not loaded.problems.errors(), loaded.problems.errors()[:3]
            hub = index_hub(loaded)
            load = median_time(lambda docs=docs: load_hub(docs))
            academie = median_time(lambda hub=hub: academie_work(hub))
            overview = median_time(lambda hub=hub: overview_pages(hub))
            print(f"| {courses} | {len(hub.items)} | {load:.2f} s | {academie:.2f} s | {overview:.2f} s "
                  f"| ×{academie / overview:.2f} |")


if __name__ == "__main__":
    main()
