"""The search index's fields and the classic scripts that ship its files.

The index is computed once per site build (:mod:`.postings`, the numbers
lunr.py's builder computes) and split into small files by :mod:`.shards`.
Each is a classic script that adds its data to a global (not JSON fetched with
``fetch()``), because ``fetch`` of a local file fails when the site is opened
from ``file://``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any

from .documents import SearchDoc
from .postings import Postings

FIELDS: list[tuple[str, int]] = [("title", 10), ("keywords", 5), ("summary", 3), ("body", 1)]
"""Indexed fields and their boosts: a word in a title or tag says more than one in the body."""


def build_index(docs: Iterable[SearchDoc]) -> Postings:
    """The postings of lunr's analysis alone (no compound parts); refs are the documents' positions."""
    return Postings.build(FIELDS, [[d.title, " ".join(d.keywords), d.summary, d.body] for d in docs])


def data_script(name: str, data: Any) -> str:
    """A classic script setting ``window.<name>`` to ``data``, as ``JSON.parse`` of a string literal.

    V8 scans a string literal and runs its JSON parser far faster than it compiles
    the same data written as an object literal (megabytes of arrays and strings
    become bytecode first): in Chromium at 10,000 items this halved the time from
    the script's arrival to the data being there. A single-quoted literal, so the
    many double quotes of JSON need no escape; line separators are escaped, which
    older engines do not accept raw in a string literal.
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    literal = (text.replace("\\", "\\\\").replace("'", "\\'")
               .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))
    return f"window.{name}=JSON.parse('{literal}');\n"


def facet_order(name: str) -> Callable[[str], tuple]:
    """Years newest first; every other facet's values alphabetically."""
    if name == "jaar":
        return lambda value: (-int(value),)
    return lambda value: (value.lower(),)
