"""Cross-links at scale, core only (no MkDocs): related index, item sections and generated pages.

For each size a seeded synthetic hub is built in memory (real taxonomy, every
content type, skewed themes so the biggest carry ~40% of the items, Zipf-like
tags, links between items), then timed:

- ``index``: the related index (add + finalize);
- ``sections``: every item's cross-link sections, as its page gets them (related lists, backlinks,
  more in this theme, and "Verder lezen" under a module);
- ``pages``: all generated pages (overviews, search page, pairs, map, what's new) and the feeds.

Seconds are wall time per phase and, for the whole, CPU time of this one
process: on the shared 2-core machine other jobs stretch wall time, and CPU
time is what "one core" means in the target. Peak memory is measured in a second run under tracemalloc
(which slows Python down, so it is not timed). Usage::

    .venv/bin/python benchmarks/related_bench.py                 # 1,000 / 10,000 / 50,000 items
    .venv/bin/python benchmarks/related_bench.py 1000 --repeat 5
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import random
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from kennisbank import features  # noqa: E402
from kennisbank.academie.pages import further_reading  # noqa: E402
from kennisbank.content import text  # noqa: E402
from kennisbank.content.hub import Hub, Item  # noqa: E402
from kennisbank.content.links import target_from_folder  # noqa: E402
from kennisbank.content.markup import Reference  # noqa: E402
from kennisbank.content.model import Artikel, Cursus, Module, Praktijkvoorbeeld  # noqa: E402
from kennisbank.content.settings import Settings  # noqa: E402
from kennisbank.content.taxonomy import load_taxonomy  # noqa: E402
from kennisbank.content.text import html_text, md_escape  # noqa: E402
from kennisbank.index import crosslinks  # noqa: E402
from kennisbank.index.hub_index import index_hub  # noqa: E402
from kennisbank.mkdocs.heap import build_collector  # noqa: E402
from kennisbank.outputs.feeds import feed_files  # noqa: E402
from kennisbank.site.crosslinks import backlinks_section, more_in_theme_section, related_section  # noqa: E402
from kennisbank.site.pages import generated_pages  # noqa: E402

CROSSLINK_SECTIONS = (related_section, backlinks_section, more_in_theme_section, further_reading)
"""The item-page sections that link an item to the rest of the hub (the Academie's "Verder lezen" under a
module included); other sections of features.AFTER_BODY show only the item's own course and are not timed."""
TARGETS = {10_000: 2.0, 50_000: 15.0}
"""Seconds on one core for index + related + sections + pages (issue 3)."""


def synthetic_hub(count: int, seed: int = 3) -> Hub:
    """A valid in-memory hub of about ``count`` items; the same seed gives the same hub."""
    rng = random.Random(seed)
    taxonomy, problems = load_taxonomy(REPO / "docs", REPO)
    assert not problems, problems
    themes = sorted(taxonomy.themes)
    networks = sorted(taxonomy.networks)
    places = sorted(m.naam for m in taxonomy.municipalities.values())
    tags = [f"trefwoord-{n}" for n in range(400)]
    theme_weights = [1 / (rank + 1) ** 0.6 for rank in range(len(themes))]
    hub = Hub(root=REPO, docs_dir=REPO / "docs", taxonomy=taxonomy,
              settings=Settings(site_url="https://kennisbank.example.nl/"))
    context = {"taxonomy": taxonomy}
    start = dt.date(2016, 1, 1)

    def common(number: int) -> dict:
        published = start + dt.timedelta(days=rng.randrange(3650))
        picked = set(rng.choices(themes, theme_weights, k=rng.randint(1, 3)))
        return {
            "titel": f"Synthetisch item {number}",
            "samenvatting": "Een synthetisch item voor de benchmark van de kruisverwijzingen.",
            "themas": sorted(picked),
            "netwerken": rng.sample(networks, rng.randint(0, 2)),
            "tags": sorted({tags[min(len(tags), int(rng.paretovariate(1.1))) - 1] for _ in range(rng.randint(1, 5))}),
            "auteurs": ["VNG Kennishub"],
            "gepubliceerd": published,
            "bijgewerkt": published + dt.timedelta(days=rng.randrange(400)) if rng.random() < 0.3 else None,
        }

    number = 0
    while len(hub.items) < count:
        number += 1
        kind = rng.random()
        if kind < 0.5:
            src = f"artikelen/artikel-{number}.md"
            meta = Artikel.model_validate({**common(number), "type": "artikel"}, context=context)
            hub.items[src] = Item(src, meta, "", 1)
        elif kind < 0.85:
            src = f"praktijkvoorbeelden/voorbeeld-{number}.md"
            meta = Praktijkvoorbeeld.model_validate({
                **common(number), "type": "praktijkvoorbeeld", "gemeenten": rng.sample(places, rng.randint(1, 2)),
                "contact": {"naam": "Team"}}, context=context)
            hub.items[src] = Item(src, meta, "", 1)
        else:
            course = f"cursus-{number}"
            src = f"academie/{course}/index.md"
            meta = Cursus.model_validate({**common(number), "type": "cursus", "doelgroep": ["ambtenaren"],
                                          "niveau": "basis", "duur_minuten": 120, "leerdoelen": ["Leren"]},
                                         context=context)
            hub.items[src] = Item(src, meta, "", 1, course=course)
            for order in range(1, 5):
                module_src = f"academie/{course}/{order:02d}-module.md"
                module = Module.model_validate({"type": "module", "titel": f"Module {order}",
                                                "samenvatting": "Een module.", "volgorde": order,
                                                "duur_minuten": 30, "leerdoelen": ["Leren"]}, context=context)
                hub.items[module_src] = Item(module_src, module, "", 1, course=course)
    sources = sorted(hub.items)
    for src in sources:  # three links per item, for the backlinks
        hub.links[src] = [Reference("link", "../" + rng.choice(sources), "", 5 + n, 1) for n in range(3)]
    return hub


def urls_of(hub: Hub, pages) -> dict[str, str]:
    srcs = list(hub.items) + [p.src for p in pages]
    return {src: (src[:-len("index.md")] if src.endswith("index.md") else src[:-3] + "/") for src in srcs}


def cold() -> None:
    """Forget what an earlier run left in the process-wide caches, so every run is a first build."""
    for cached in (md_escape, html_text, text._link_within_section, target_from_folder, crosslinks.related_index):
        cached.cache_clear()
    gc.collect()


def run(hub: Hub) -> dict[str, float]:
    """One timed pass over a freshly made hub (nothing derived or rendered yet); returns seconds per phase."""
    cold()
    with build_collector():  # as a build runs (the adapter sets it from on_pre_build to the build's end)
        return _phases(hub)


def _phases(hub: Hub) -> dict[str, float]:
    times = {}
    cpu = time.process_time()
    begin = time.perf_counter()
    indexed = index_hub(hub)  # the whole index phase, related lists included
    times["index"] = time.perf_counter() - begin
    mark = time.perf_counter()
    for item in hub.items.values():
        for section in CROSSLINK_SECTIONS:
            section(indexed, item)
    times["sections"] = time.perf_counter() - mark
    mark = time.perf_counter()
    pages = generated_pages(indexed, features.GENERATORS)
    feed_files(indexed, urls_of(hub, pages))
    times["pages"] = time.perf_counter() - mark
    times["total"] = time.perf_counter() - begin
    times["cpu"] = time.process_time() - cpu
    return times


def peak_memory(hub: Hub) -> int:
    cold()
    tracemalloc.start()
    run(hub)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1_000, 10_000, 50_000])
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per size; the median is printed")
    args = parser.parse_args()
    print(f"{'items':>7} {'index':>7} {'sections':>9} {'pages':>7} {'wall':>7} {'cpu':>7} {'target':>7} "
          f"{'peak MB':>8}")
    failed = False
    for size in args.sizes:
        runs = [run(synthetic_hub(size)) for _ in range(args.repeat)]
        median = {key: statistics.median(r[key] for r in runs) for key in runs[0]}
        hub = synthetic_hub(size)
        peak = peak_memory(hub) / 1e6
        target = TARGETS.get(size)
        ok = target is None or median["cpu"] < target
        failed |= not ok
        print(f"{len(hub.items):>7,} {median['index']:>7.2f} {median['sections']:>9.2f} "
              f"{median['pages']:>7.2f} {median['total']:>7.2f} {median['cpu']:>7.2f} "
              f"{(f'<{target:.0f} s' if target else '-'):>7} {peak:>8.1f}{'' if ok else '  TARGET MISSED'}")
        del hub
        gc.collect()
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
