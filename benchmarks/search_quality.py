"""Search quality: recall@5 and MRR of the labelled Dutch queries, our engine beside Material's quick search.

Over the starter hub, and over a larger fixture: the starter items among
``--large`` synthetic items (``benchmarks/generate.py``), so every labelled item
must still rise above hundreds of others that share its themes and words.
Both engines run in Chromium on builds of the same content:

- ours: ``zoekmachine.js`` on the sharded index (what the header box and the search page use);
- Material's: its own search worker with its own index, as on a site built without
  the sharded index (``extra_outputs: false``), given the same queries.

Run: ``.venv/bin/python benchmarks/search_quality.py [--large 1000] [--verbose]``.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from browser import browser, serve  # noqa: E402

from benchmarks.generate import generate  # noqa: E402
from benchmarks.search_queries import QUERIES, Query, recall_and_rank  # noqa: E402
from kennisbank.mkdocs.commands import build_site  # noqa: E402

CONTENT = ["artikelen", "praktijkvoorbeelden", "academie"]

# Our engine, as both doors use it: top 10 URLs per query, whole words (not the prefix of a word being typed).
OURS = """
async (queries) => {
  const root = new URL("./", location.href).href;
  const load = (urls) => Promise.all(urls.map(url => new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = url; script.async = false; script.onload = resolve; script.onerror = reject;
    document.head.appendChild(script);
  })));
  await load([root + "zoeken/zoekmachine.js"]);
  const engine = KennisbankZoekmachine.create({root, load});
  const found = [];
  for (const query of queries) {
    const result = await engine.search(query, {typing: false});
    const docs = await engine.documents(result.hits.slice(0, 10).map(hit => hit.ref));
    found.push(docs.map(doc => doc.url));
  }
  return found;
}
"""

# Material's search worker with Material's index, spoken to in its own protocol (SETUP, READY, QUERY, RESULT).
MATERIAL = """
async (queries) => {
  const config = JSON.parse(document.getElementById("__config").textContent);
  const worker = new Worker(new URL(config.search, location.href));
  const index = await (await fetch(new URL("search/search_index.json", location.href))).json();
  const next = (type) => new Promise(resolve => {
    const listener = (event) => {
      if (event.data.type === type) { worker.removeEventListener("message", listener); resolve(event.data.data); }
    };
    worker.addEventListener("message", listener);
  });
  const ready = next(1);
  worker.postMessage({type: 0, data: {config: index.config, docs: index.docs, options: {suggest: false}}});
  await ready;
  const found = [];
  for (const query of queries) {
    const answer = next(3);
    worker.postMessage({type: 2, data: query});
    const result = await answer;
    const urls = [];
    for (const group of result.items) {
      const url = group[0].location.split("#")[0];
      if (!urls.includes(url)) urls.push(url);
    }
    found.push(urls.slice(0, 10));
  }
  worker.terminate();
  return found;
}
"""


def starter_project(target: Path, synthetic: int = 0) -> Path:
    """The repository's project with its starter content, plus ``synthetic`` generated items."""
    if synthetic:
        generate(synthetic, 2026, target)
    else:
        target.mkdir(parents=True)
        for name in ["mkdocs.yml", "hooks", "overrides", "docs"]:
            source = REPO / name
            (shutil.copytree if source.is_dir() else shutil.copy2)(source, target / name)
    for folder in CONTENT:
        shutil.copytree(REPO / "docs" / folder, target / "docs" / folder, dirs_exist_ok=True)
    return target


def build_both(project: Path) -> tuple[Path, Path]:
    """The site as built (our index) and as plain Material's search sees it (no sharded index)."""
    ours = project / "site"
    build_site(project / "mkdocs.yml", ours)
    (project / "material.yml").write_text(
        "INHERIT: mkdocs.yml\nextra:\n  kennisbank:\n    extra_outputs: false\n    pdf:\n      enabled: false\n",
        encoding="utf-8")
    material = project / "site-material"
    build_site(project / "material.yml", material)
    return ours, material


def run(site: Path, script: str, queries: list[Query]) -> list[list[str]]:
    with serve(site) as base, browser() as chromium:
        page = chromium.new_page()
        page.goto(base)
        return page.evaluate(script, [q.text for q in queries])


def score(queries: list[Query], found: list[list[str]], strict: bool = False) -> tuple[float, float, dict[str, float]]:
    """Recall@5, MRR and recall per kind; ``strict``: only the labelled items count (with :attr:`Query.titled`),
    not :attr:`Query.also`."""
    pairs = [recall_and_rank(urls, q.expected, q.titled if strict else q.titled + q.also)
             for q, urls in zip(queries, found)]
    kinds: dict[str, list[float]] = {}
    for q, (recall, _) in zip(queries, pairs):
        kinds.setdefault(q.kind, []).append(recall)
    return (statistics.mean(r for r, _ in pairs), statistics.mean(m for _, m in pairs),
            {kind: statistics.mean(values) for kind, values in kinds.items()})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--large", type=int, default=1000, help="synthetic items beside the starter items (0: none)")
    parser.add_argument("--verbose", action="store_true", help="print each query that misses")
    args = parser.parse_args()
    fixtures = [("starter hub", 0)] + ([(f"starter + {args.large:,} items", args.large)] if args.large else [])
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, synthetic in fixtures:
            project = starter_project(Path(tmp) / f"hub-{synthetic}", synthetic)
            ours_site, material_site = build_both(project)
            results = {"Kennisbank": run(ours_site, OURS, QUERIES), "Material": run(material_site, MATERIAL, QUERIES)}
            for engine, found in results.items():
                recall, mrr, kinds = score(QUERIES, found)
                strict, _, strict_kinds = score(QUERIES, found, strict=True)
                # The figure on the labels as they were before the label audit of 2026-12-06 (Query.titled).
                before = score([q._replace(titled=()) for q in QUERIES], found, strict=True)[0]
                rows.append((name, engine, recall, strict, before, mrr, kinds, strict_kinds))
                if args.verbose:
                    for q, urls in zip(QUERIES, found):
                        if recall_and_rank(urls, q.expected, q.titled)[0] < 1:
                            print(f"  {name} / {engine}: miss {q.text!r} ({q.kind}): {urls[:5]}")
    kinds = list(dict.fromkeys(q.kind for q in QUERIES))
    print(f"{len(QUERIES)} labelled queries")
    print("| fixture | engine | recall@5 | recall@5, labelled items only | the same, labels before the audit | MRR | "
          + " | ".join(kinds) + " |")
    print("|---|---|---:|---:|---:|---:|" + "---:|" * len(kinds))
    for name, engine, recall, strict, before, mrr, per_kind, _ in rows:
        print(f"| {name} | {engine} | {recall:.2f} | {strict:.2f} | {before:.2f} | {mrr:.2f} | "
              + " | ".join(f"{per_kind[k]:.2f}" for k in kinds) + " |")
    print("\nPer kind, labelled items only:")
    print("| fixture | engine | " + " | ".join(kinds) + " |")
    print("|---|---|" + "---:|" * len(kinds))
    for name, engine, *_, strict_kinds in rows:
        print(f"| {name} | {engine} | " + " | ".join(f"{strict_kinds[k]:.2f}" for k in kinds) + " |")


if __name__ == "__main__":
    main()
