"""Material's own search index, emptied: the header box answers from the sharded index instead.

Material's bundle downloads ``search/search_index.json`` on every page view
(from ``file://``: ``search/search_index.js``, written by the offline plugin)
and hands it to its search worker: 10 MB at 10,000 items, whether the visitor
searches or not. Its search plugin must stay (the header's search box is only
rendered with it), so after it wrote the index the build replaces the index by
one without documents, keeping Material's ``config`` so the bundle is content.
Our worker (``kennisbank/outputs/search/assets/zoekwerker.js``) ignores it and loads the
sharded index when someone types.
"""

from __future__ import annotations

import json
from pathlib import Path

INDEX_JSON = "search/search_index.json"
INDEX_SCRIPT = "search/search_index.js"
"""Written by Material's offline plugin for ``file://``: ``var __index = <the JSON>``."""


def empty_material_index(site_dir: Path) -> None:
    """Replace Material's search index (and its offline script) by an index without documents."""
    path = site_dir / INDEX_JSON
    if not path.is_file():
        return
    config = json.loads(path.read_text(encoding="utf-8")).get("config", {})
    stub = json.dumps({"config": config, "docs": []}, ensure_ascii=False, separators=(",", ":"))
    path.write_text(stub, encoding="utf-8")
    script = site_dir / INDEX_SCRIPT
    if script.is_file():
        script.write_text(f"var __index = {stub}", encoding="utf-8")
