"""The prebuilt lunr index of the search page and the data file that ships it.

The index is built once per site build with lunr.py and loaded in the browser
with ``lunr.Index.load``, so a visitor's browser never tokenises or stems the
corpus. It is shipped as a script that assigns a global (not as JSON fetched
with ``fetch()``), because ``fetch`` of a local file fails when the site is
opened from ``file://``.

Size is the constraint (lunr.py with default settings writes 15 MB of JSON for
1,000 items). What keeps it small:

- no token metadata (``metadataWhitelist`` stays empty): snippets are made in
  the browser from a short stored text, so positions are not needed;
- one body field plus three short fields, document refs "0", "1", …;
- vector weights rounded to 2 decimals (ranking needs only their order);
- the serialised index is written in a transport form without lunr's repeated
  empty objects and refs (:func:`pack`), which ``zoeken.js`` expands back into
  lunr's own serialisation before ``lunr.Index.load``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Iterable

from lunr import __TARGET_JS_VERSION__ as TARGET_VERSION
from lunr.builder import Builder

from .documents import FACETS, SearchDoc
from .dutch import use_dutch

FIELDS: list[tuple[str, int]] = [("title", 10), ("keywords", 5), ("summary", 3), ("body", 1)]
"""Indexed fields and their boosts: a word in a title or tag says more than one in the body."""

GLOBAL = "kennisbankZoekindex"
"""Name of the global the data script assigns."""


def build_index(docs: Iterable[SearchDoc]) -> dict[str, Any]:
    """lunr's serialised index (the form ``lunr.Index.load`` reads) for the documents, refs by position."""
    docs = list(docs)
    builder = Builder()
    use_dutch(builder)
    if not docs:  # lunr.py cannot build an empty index (it divides by the number of documents)
        return {"version": TARGET_VERSION, "fields": [name for name, _ in FIELDS], "fieldVectors": [],
                "invertedIndex": [], "pipeline": builder.search_pipeline.serialize()}
    builder.ref("ref")
    for name, boost in FIELDS:
        builder.field(name, boost=boost)
    for ref, doc in enumerate(docs):
        builder.add({"ref": str(ref), "title": doc.title, "keywords": " ".join(doc.keywords),
                     "summary": doc.summary, "body": doc.body})
    return builder.build().serialize()


def pack(serialised: dict[str, Any]) -> dict[str, Any]:
    """A compact, lossless (up to rounding) transport form of a serialised lunr index.

    lunr writes every posting twice: once in the inverted index
    (``term -> field -> {ref: {}}``) and once in the document's field vector
    (``[termIndex, weight]``). Here each posting is written once, as
    ``term -> [[ref, weight, ref, weight, …] per field]`` with refs as numbers;
    the vectors are rebuilt from it in the browser.
    """
    fields = serialised["fields"]
    weights: dict[tuple[str, int], float] = {}
    for field_ref, elements in serialised["fieldVectors"]:
        field, ref = field_ref.split("/", 1)
        for i in range(0, len(elements), 2):
            weights[(f"{field}/{ref}", elements[i])] = elements[i + 1]
    terms = []
    for term, posting in serialised["invertedIndex"]:
        index = posting["_index"]
        per_field = []
        for field in fields:
            flat: list[float | int] = []
            for ref in sorted(posting[field], key=int):
                flat.append(int(ref))
                flat.append(_round(weights[(f"{field}/{ref}", index)]))
            per_field.append(flat)
        terms.append([term, per_field])
    refs = {int(field_ref.split("/", 1)[1]) for field_ref, _ in serialised["fieldVectors"]}
    return {"version": serialised["version"], "fields": fields, "pipeline": serialised["pipeline"],
            "docs": max(refs, default=-1) + 1, "terms": terms}


def _round(weight: float) -> float | int:
    value = round(weight, 2)
    return int(value) if value == int(value) else value


@dataclass(frozen=True)
class SearchData:
    """Everything the search page loads: the packed index, the stored fields and the facets."""

    docs: list[SearchDoc]

    def as_dict(self) -> dict[str, Any]:
        facet_values = {name: sorted({v for d in self.docs for v in d.facets[name]}, key=_facet_order(name))
                        for name, _ in FACETS}
        positions = {name: {v: i for i, v in enumerate(values)} for name, values in facet_values.items()}
        return {
            "index": pack(build_index(self.docs)),
            "facets": [{"name": name, "label": label, "values": facet_values[name]} for name, label in FACETS],
            # Per document: url, title, summary, excerpt, date, then per facet the value positions.
            "docs": [[d.url, d.title, d.summary, d.excerpt, d.date,
                      *[[positions[name][v] for v in d.facets[name]] for name, _ in FACETS]]
                     for d in self.docs],
        }

    def script(self) -> str:
        """The data as a classic script: works from ``file://`` where ``fetch`` does not."""
        payload = json.dumps(self.as_dict(), ensure_ascii=False, separators=(",", ":"))
        return f"window.{GLOBAL}={payload};\n"


def _facet_order(name: str):
    if name == "jaar":
        return lambda value: (-int(value),)
    return lambda value: (value.lower(),)
