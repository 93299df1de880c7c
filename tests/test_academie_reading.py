""""Verder lezen" on a large hub: the level-by-level search gives exactly the counted list.

The site test (test_academie_site.py) pins the order on a small hub; this one
compares the fast search with the plain count on a seeded synthetic hub of a
few thousand items, for modules with one to eight themes and several lengths.
"""

from __future__ import annotations

import random

from benchmarks.related_bench import synthetic_hub
from kennisbank.academie.pages import _reading_list_by_counting, reading_list
from kennisbank.content.hub import Item
from kennisbank.content.model import ItemType, Module
from kennisbank.index.hub_index import index_hub


def test_reading_lists_match_counting_shared_themes():
    hub = synthetic_hub(3000)
    rng = random.Random(7)
    themes = sorted(hub.taxonomy.themes)
    course = next(i for i in hub.items.values() if i.type is ItemType.CURSUS)
    for n in range(40):  # modules with themes of their own, beside those taking their course's
        src = f"academie/{course.course}/{50 + n}-eigen.md"
        meta = Module.model_validate({"type": "module", "titel": f"Eigen {n}", "samenvatting": "Een module.",
                                      "volgorde": 50 + n, "duur_minuten": 30, "leerdoelen": ["Leren"],
                                      "themas": rng.sample(themes, 1 + n % 8)},
                                     context={"taxonomy": hub.taxonomy})
        hub.items[src] = Item(src, meta, "", 1, course=course.course)
    indexed = index_hub(hub)
    index = indexed.reading
    modules = [i for i in hub.items.values() if i.type is ItemType.MODULE]
    levels = set()
    for module in modules:
        own = sorted({t for t in (module.themes or course_themes(hub, module)) if t in index.by_theme})
        for limit in (1, 4, 7):
            expected = _reading_list_by_counting(index, own, limit)
            assert reading_list(indexed, module, limit) == expected, (module.src, limit)
        shared = [len(set(i.themes) & set(own)) for i in expected]
        levels.add(tuple(shared))
    assert len(modules) > 500
    # Compared were lists led by items sharing three themes, and lists mixing levels.
    assert any(s[0] >= 3 for s in levels) and any(len(set(s)) >= 2 for s in levels)


def course_themes(hub, module):
    return hub.course_of(module).themes
