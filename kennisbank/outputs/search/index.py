"""The prebuilt lunr index of the search page and the data files that ship it.

The index is computed once per site build (:mod:`.postings`, the numbers
lunr.py's builder computes) and loaded in the browser with ``lunr.Index.load``,
so a visitor's browser never tokenises or stems the corpus. It is shipped as
classic scripts that assign a global (not as JSON fetched with ``fetch()``),
because ``fetch`` of a local file fails when the site is opened from ``file://``.

Size and load time are the constraints (lunr.py's serialisation is 27 MB for
10,000 items, and expanding it in the browser took seconds). What keeps them small:

- no token metadata: snippets are made in the browser from a short stored text;
- term frequencies and field lengths are shipped instead of weights and field
  vectors (:func:`pack`); the browser computes lunr's weights from them;
- two parts (:data:`SHARDS`): titles, keywords and summaries with the stored
  fields first, so first results do not wait for the bodies, the bulk of the index.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Iterable, Sequence

from lunr import __TARGET_JS_VERSION__ as TARGET_VERSION

from .documents import FACETS, SearchDoc
from .postings import K1, B, Postings

FIELDS: list[tuple[str, int]] = [("title", 10), ("keywords", 5), ("summary", 3), ("body", 1)]
"""Indexed fields and their boosts: a word in a title or tag says more than one in the body."""

SHARDS: list[tuple[str, str, list[str]]] = [
    ("zoeken/zoekindex.js", "kennisbankZoekindex", ["title", "keywords", "summary"]),
    ("zoeken/zoekindex-tekst.js", "kennisbankZoekindexTekst", ["body"]),
]
"""The data scripts (site path, global, indexed fields), in load order. The first
holds everything the page needs to show results, with the short fields; the
bodies (most of the index) follow in the second, so first results do not wait for them."""


def build_index(docs: Iterable[SearchDoc]) -> Postings:
    """The postings of the search page's lunr index; refs are the documents' positions."""
    return Postings.build(FIELDS, [[d.title, " ".join(d.keywords), d.summary, d.body] for d in docs])


def pack(postings: Postings, names: Sequence[str]) -> dict[str, Any]:
    """The fields ``names`` of the index as shipped: term frequencies and field lengths, not weights.

    lunr's serialisation writes every posting twice (in the inverted index and
    in the document's field vector) with a 3-decimal weight that gzip cannot
    compress: 27 MB for 10,000 items. A weight is lunr's BM25 formula over the
    term frequency, the field length and the term's document count, so the
    browser recomputes it (``loadIndex`` in ``zoeken.js``) from what is written here:

    - ``lengths``: per field, per document, the field length;
    - ``terms``: the terms with a posting in these fields, sorted as
      JavaScript sorts strings (``lunr.Index.load`` needs them in that order);
    - ``postings``: per term, per field: the number of documents, then per
      document the ref as the difference to the previous ref; a frequency
      above 1 is written as ``-(difference + 1), frequency``.
    """
    columns = [f for f, (name, _) in enumerate(postings.fields) if name in names]
    ordered = sorted(((term, [per_field[f] for f in columns]) for term, per_field in postings.terms.items()
                      if any(per_field[f] for f in columns)), key=lambda entry: entry[0].encode("utf-16-be"))
    flat: list[int] = []
    for _, per_field in ordered:
        for frequencies in per_field:
            flat.append(len(frequencies))
            previous = 0
            for ref in sorted(frequencies):
                tf = frequencies[ref]
                flat.extend((ref - previous,) if tf == 1 else (-(ref - previous) - 1, tf))
                previous = ref
    return {"version": TARGET_VERSION, "pipeline": ["stemmer-nl"], "k1": K1, "b": B,
            "fields": [postings.fields[f][0] for f in columns], "boosts": [postings.fields[f][1] for f in columns],
            "docs": postings.count, "lengths": [postings.lengths[f] for f in columns],
            "terms": [term for term, _ in ordered], "postings": flat}


@dataclass(frozen=True)
class SearchData:
    """Everything the search page loads: the packed index, the stored fields and the facets."""

    docs: list[SearchDoc]

    def shards(self) -> list[dict[str, Any]]:
        """The data of each of :data:`SHARDS`."""
        facet_values = {name: sorted({v for d in self.docs for v in d.facets[name]}, key=_facet_order(name))
                        for name, _ in FACETS}
        positions = {name: {v: i for i, v in enumerate(values)} for name, values in facet_values.items()}
        postings = build_index(self.docs)
        first, text = (pack(postings, names) for _, _, names in SHARDS)
        return [{
            "index": first,
            "facets": [{"name": name, "label": label, "values": facet_values[name]} for name, label in FACETS],
            # Per document: url, title, summary, date, then per facet the value positions.
            "docs": [[d.url, d.title, d.summary, d.date,
                      *[[positions[name][v] for v in d.facets[name]] for name, _ in FACETS]]
                     for d in self.docs],
        }, {
            "index": text,
            "excerpts": [d.excerpt for d in self.docs],
        }]

    def scripts(self) -> dict[str, str]:
        """Site path -> classic script assigning a shard's data: works from ``file://`` where ``fetch`` does not."""
        return {path: data_script(name, data) for (path, name, _), data in zip(SHARDS, self.shards())}


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


def _facet_order(name: str):
    if name == "jaar":
        return lambda value: (-int(value),)
    return lambda value: (value.lower(),)
