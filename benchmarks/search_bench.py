"""Search at scale: index build time, index size and time to first results in Chromium.

For each corpus size (default 1,000 and 10,000 synthetic items) this

1. writes a hub of seeded synthetic items (sentences of the starter hub, with
   made-up compound words so the vocabulary grows like a real corpus),
2. times building the search page's index data in-process (median of 3),
3. builds the whole site with MkDocs and measures our two data scripts
   (``zoeken/zoekindex.js``, ``zoeken/zoekindex-tekst.js``) and Material's
   ``search/search_index.json``, raw and gzip,
4. in Chromium, measures from navigation start to the first result shown,
   for our page (``zoeken/?zoekterm=…``) and for Material's quick search
   (``?q=…`` opens Material's search with that query), same corpus, same run,
   alternating, median of ``--runs``; for our page also until the full index
   (bodies included) is loaded and the results are final.

Run: ``.venv/bin/python benchmarks/search_bench.py [--sizes 1000 10000] [--runs 3]``.
Timings are wall-clock on a shared machine: compare the ratios, not the absolutes.
"""

from __future__ import annotations

import argparse
import gzip
import os
import random
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from browser import browser, serve  # noqa: E402

from kennisbank.content.hub import load_hub  # noqa: E402
from kennisbank.index.hub_index import index_hub  # noqa: E402
from kennisbank.mkdocs.commands import build_site  # noqa: E402
from kennisbank.outputs.search.documents import plain_text, search_docs  # noqa: E402
from kennisbank.outputs.search.index import SHARDS, SearchData  # noqa: E402

SKELETON = ["mkdocs.yml", "hooks", "overrides", "docs/_data", "docs/stylesheets", "docs/javascripts",
            "docs/index.md", "docs/trefwoorden.md", "docs/bijdragen"]
QUERY = "woningen"

# Records when the first search result of either page enters the DOM, and when our page's index is complete.
FIRST_RESULT = """
new MutationObserver(function (changes, observer) {
  if (window.__firstResult === undefined && document.querySelector('.kb-search__result, .md-search-result__item')) {
    window.__firstResult = performance.now();
  }
  if (document.querySelector('.kb-search--ready')) {
    window.__complete = performance.now();
  }
  if (window.__firstResult !== undefined && (window.__complete !== undefined || !document.getElementById('kb-search'))) {
    observer.disconnect();
  }
}).observe(document, {childList: true, subtree: true, attributes: true, attributeFilter: ['class']});
"""


def starter_material() -> tuple[list[str], list[str], list[str]]:
    hub = load_hub(REPO / "docs")
    sentences, words, tags = [], set(), set()
    for item in hub.items.values():
        text = plain_text(item.body)
        sentences += [s for s in re.split(r"(?<=[.!?])\s+", text) if len(s.split()) > 4]
        words.update(w.lower() for w in re.findall(r"[A-Za-zà-ÿ]{4,}", text))
        tags.update(item.tags)
    return sentences, sorted(words), sorted(tags)


def write_corpus(root: Path, count: int, seed: int = 4) -> None:
    """A hub with ``count`` items (3 articles to 1 good practice), deterministic per seed."""
    rng = random.Random(seed)
    sentences, words, tags = starter_material()
    hub = load_hub(REPO / "docs")
    themes = sorted(hub.taxonomy.themes)
    networks = sorted(hub.taxonomy.networks)
    municipalities = sorted(m.naam for m in hub.taxonomy.municipalities.values())

    def sentence() -> str:
        parts = rng.choice(sentences).split()
        if rng.random() < 0.4:  # a made-up compound keeps the vocabulary growing with the corpus
            parts[rng.randrange(len(parts))] = rng.choice(words) + rng.choice(words)
        return " ".join(parts)

    for n in range(count):
        practice = n % 4 == 3
        folder = "praktijkvoorbeelden" if practice else "artikelen"
        title = " ".join(rng.sample(words, rng.randint(3, 6))).capitalize() + f" {n}"
        body = []
        for _ in range(3):
            body.append("## " + " ".join(rng.sample(words, 3)).capitalize())
            body.append(" ".join(sentence() for _ in range(rng.randint(5, 9))))
        fields = [
            f"titel: \"{title}\"",
            f"samenvatting: \"{sentence().replace(chr(34), '')[:290]}\"",
            f"type: {'praktijkvoorbeeld' if practice else 'artikel'}",
            f"themas: [{', '.join(rng.sample(themes, rng.randint(1, 3)))}]",
            f"netwerken: [{', '.join(rng.sample(networks, rng.randint(0, 2)))}]",
            f"tags: [{', '.join(rng.sample(tags, 3))}]",
            "auteurs: [VNG Kennishub]",
            f"gepubliceerd: {rng.randint(2019, 2026)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        ]
        if practice:
            chosen = [f'"{m}"' for m in rng.sample(municipalities, rng.randint(1, 2))]
            fields += [f"gemeenten: [{', '.join(chosen)}]", "contact:", "  naam: Team Kennis"]
        path = root / "docs" / folder / f"item-{n:05d}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("---\n" + "\n".join(fields) + "\n---\n\n" + "\n\n".join(body) + "\n", encoding="utf-8")


def make_project(root: Path, count: int) -> None:
    """The starter's configuration with ``count`` synthetic items. Item PDFs are switched off
    (``KENNISBANK_PDF``): they do not touch search and would dominate the build time."""
    for name in SKELETON:
        source, target = REPO / name, root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, target)
    write_corpus(root, count)


def sizes(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    return len(data), len(gzip.compress(data, 6))


def first_result_ms(chromium, url: str, complete: bool = False) -> tuple[float, float | None, float | None]:
    """Milliseconds from navigation start to the first result (and to our complete index, and to when
    ``zoeken.js`` starts: the part of the time that is Material's page before our script runs)."""
    page = chromium.new_page()
    page.add_init_script(FIRST_RESULT)
    page.goto(url)
    page.wait_for_function("window.__firstResult !== undefined", timeout=300_000)
    if complete:
        page.wait_for_function("window.__complete !== undefined", timeout=300_000)
    value = page.evaluate("[window.__firstResult, window.__complete === undefined ? null : window.__complete, "
                          "(performance.getEntriesByName('kb-search:start')[0] || {}).startTime || null]")
    page.close()
    return value[0], value[1], value[2]


def bench(count: int, runs: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="kb-search-bench-") as tmp:
        root = Path(tmp)
        make_project(root, count)
        hub = load_hub(root / "docs")
        urls = {src: src for src in hub.items}
        build_times = []
        for _ in range(3):
            start = time.perf_counter()
            SearchData(search_docs(index_hub(hub), urls)).scripts()
            build_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        os.environ["KENNISBANK_PDF"] = "false"
        build_site(root / "mkdocs.yml", root / "site")
        site_seconds = time.perf_counter() - start
        parts = [sizes(root / "site" / path) for path, _, _ in SHARDS]
        material = sizes(root / "site" / "search" / "search_index.json")
        ours_ms, complete_ms, material_ms, script_ms = [], [], [], []
        load = [os.getloadavg()[0]]
        with serve(root / "site") as base, browser() as chromium:
            for _ in range(runs):  # alternating, so the machine's load hits both alike
                first, complete, script = first_result_ms(chromium, f"{base}zoeken/?zoekterm={QUERY}", complete=True)
                ours_ms.append(first)
                complete_ms.append(complete)
                script_ms.append(script)
                material_ms.append(first_result_ms(chromium, f"{base}?q={QUERY}")[0])
                load.append(os.getloadavg()[0])
        return {"items": count, "index_build_s": statistics.median(build_times), "site_build_s": site_seconds,
                "ours_raw": sum(raw for raw, _ in parts), "ours_gzip": sum(gz for _, gz in parts),
                "first_gzip": parts[0][1], "material_raw": material[0], "material_gzip": material[1],
                "ours_ms": statistics.median(ours_ms), "complete_ms": statistics.median(complete_ms),
                "material_ms": statistics.median(material_ms), "runs": [ours_ms, complete_ms, material_ms, script_ms],
                "load": (min(load), max(load))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    mb = 1_000_000
    print("| items | index build (s) | site build (s) | our index raw / gzip (MB), first part gzip "
          "| Material index raw / gzip (MB) | first results, ours (ms) | full index, ours (ms) "
          "| first results, Material (ms) | ours / Material | load average |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for count in args.sizes:
        r = bench(count, args.runs)
        print(f"| {r['items']:,} | {r['index_build_s']:.1f} | {r['site_build_s']:.0f} "
              f"| {r['ours_raw'] / mb:.1f} / {r['ours_gzip'] / mb:.2f}, {r['first_gzip'] / mb:.2f} "
              f"| {r['material_raw'] / mb:.1f} / {r['material_gzip'] / mb:.2f} "
              f"| {r['ours_ms']:.0f} | {r['complete_ms']:.0f} | {r['material_ms']:.0f} "
              f"| {r['ours_ms'] / r['material_ms']:.2f} | {r['load'][0]:.1f}–{r['load'][1]:.1f} |", flush=True)
        print("  runs (ms) ours / complete / Material / zoeken.js starts:", [[round(x) for x in xs] for xs in r["runs"]], flush=True)


if __name__ == "__main__":
    main()
