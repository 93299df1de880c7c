"""Golden file: the related lists of the starter hub, so a change in scoring is a visible diff.

Regenerate after an intended change (and review the diff of tests/golden/related.json):

    KENNISBANK_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_related_golden.py
"""

import json
import os
from pathlib import Path

from kennisbank.content.hub import load_hub
from kennisbank.content.settings import read_settings
from kennisbank.index.hub_index import index_hub
from kennisbank.site.crosslinks import related

REPO = Path(__file__).resolve().parents[1]
GOLDEN = Path(__file__).parent / "golden" / "related.json"


def starter_related() -> dict[str, dict[str, list[str]]]:
    settings, problems = read_settings(REPO / "mkdocs.yml")
    assert problems == []
    loaded = load_hub(REPO / "docs", REPO, settings)
    assert loaded.problems.errors() == []
    hub = index_hub(loaded)
    assert hub.related is not None
    index = hub.related.index
    return {src: {label: [f"{index.score(src, other.src):3d} {other.src}" for other in items]
                  for label, items in related(hub, hub.items[src])}
            for src in sorted(hub.items)}


def test_related_lists_of_the_starter_hub_match_the_golden_file():
    found = starter_related()
    if os.environ.get("KENNISBANK_UPDATE_GOLDEN"):
        GOLDEN.write_text(json.dumps(found, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    assert found == json.loads(GOLDEN.read_text(encoding="utf-8"))


def test_every_starter_item_has_related_items_of_another_type():
    for src, groups in starter_related().items():
        assert groups, f"{src} has no related items"
        if src.startswith("artikelen/"):
            assert set(groups) - {"Artikelen"}, f"{src} shows only articles"
