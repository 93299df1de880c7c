"""The search page's lunr index, computed directly rather than through ``lunr.Builder``.

lunr.py's builder keeps a dict per posting, a ``defaultdict`` per document
field, a ``Vector`` with list inserts per field and a ``TokenSet`` the
serialisation never uses: 182 s and gigabytes for 10,000 items. The numbers in
a lunr index are simple (term frequencies, field lengths, BM25 weights), so
they are computed here with plain counters, with lunr.py's own arithmetic:
:meth:`Postings.serialise` gives exactly what ``Builder().build().serialize()``
gives for the same documents (``tests/test_search_index.py`` compares them),
and that is what ``lunr.Index.load`` reads in the browser.

Analysis is lunr.py's: its tokenizer (lower case, split on white space and
hyphens) and then the Dutch pipeline of :mod:`.dutch`. Like lunr, a token that
the trimmer empties stays as the term ``""`` and counts in the field length.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from lunr import __TARGET_JS_VERSION__ as TARGET_VERSION
from lunr.tokenizer import SEPARATOR_CHARS

from .dutch import STOP_WORDS, stem, trim

K1 = 1.2
B = 0.75
"""lunr's BM25 parameters (``Builder._k1``, ``Builder._b``), unchanged."""

_SEPARATORS = re.compile("[" + re.escape(SEPARATOR_CHARS) + "]+")


@lru_cache(maxsize=500_000)
def _term(token: str) -> str | None:
    """A lower-case token through lunr.nl's pipeline: trimmer, stop word filter, stemmer."""
    word = trim(token)
    return None if word in STOP_WORDS else stem(word)


def analyse(text: str) -> list[str]:
    """The terms lunr.py would index for a field value (tokenizer, then the Dutch pipeline)."""
    found = []
    for token in _SEPARATORS.split(text.lower()):
        if token and (term := _term(token)) is not None:
            found.append(term)
    return found


@dataclass
class Postings:
    """Term frequencies per term, field and document: everything a lunr index is computed from."""

    fields: list[tuple[str, int]]
    """Field names and boosts, in index order."""
    count: int
    """Number of documents; their refs are "0", "1", …"""
    lengths: list[list[int]]
    """Per field, per document: the number of terms (lunr's field length)."""
    terms: dict[str, list[dict[int, int]]]
    """Term -> per field {document: term frequency}, in order of first occurrence (lunr's term index)."""

    @classmethod
    def build(cls, fields: Sequence[tuple[str, int]], docs: Sequence[Sequence[str]],
              analyser: Callable[[str], list[str]] = analyse) -> Postings:
        """Index ``docs``: per document, the text of each field in the order of ``fields``.

        ``analyser`` turns a field value into terms; the default is lunr's analysis, exactly.
        """
        lengths: list[list[int]] = [[] for _ in fields]
        terms: dict[str, list[dict[int, int]]] = {}
        for ref, values in enumerate(docs):
            for f, value in enumerate(values):
                found = analyser(value)
                lengths[f].append(len(found))
                for term in found:
                    per_field = terms.get(term)
                    if per_field is None:
                        per_field = terms[term] = [{} for _ in fields]
                    frequencies = per_field[f]
                    frequencies[ref] = frequencies.get(ref, 0) + 1
        return cls(list(fields), len(docs), lengths, terms)

    def idf(self, per_field: list[dict[int, int]]) -> float:
        """lunr's idf: ``documents_with_term`` counts each field a document has the term in."""
        with_term = sum(len(frequencies) for frequencies in per_field)
        x = (self.count - with_term + 0.5) / (with_term + 0.5)
        return math.log(1 + abs(x))

    def average_lengths(self) -> list[float]:
        return [sum(lengths) / max(self.count, 1) for lengths in self.lengths]

    def serialise(self) -> dict[str, Any]:
        """lunr's serialised index, equal to lunr.py's ``Builder().build().serialize()``.

        Kept for tests and as the reference for the weights the site ships (:func:`.shards.weights`).
        """
        names = [name for name, _ in self.fields]
        averages = self.average_lengths()
        vectors: dict[tuple[int, int], list[tuple[int, float]]] = {}
        inverted = []
        for term_index, (term, per_field) in enumerate(self.terms.items()):
            idf = self.idf(per_field)
            posting: dict[str, Any] = {}
            for f, (name, boost) in enumerate(self.fields):
                posting[name] = {str(ref): {} for ref in per_field[f]}
                for ref, tf in per_field[f].items():
                    norm = K1 * (1 - B + B * (self.lengths[f][ref] / averages[f])) + tf
                    weight = round(idf * ((K1 + 1) * tf) / norm * boost, 3)
                    vectors.setdefault((ref, f), []).append((term_index, weight))
            posting["_index"] = term_index
            inverted.append([term, posting])
        field_vectors = []
        for ref in range(self.count):
            for f, name in enumerate(names):
                elements = [x for pair in sorted(vectors.get((ref, f), [])) for x in pair]
                field_vectors.append([f"{name}/{ref}", elements])
        return {"version": TARGET_VERSION, "fields": names, "fieldVectors": field_vectors,
                "invertedIndex": sorted(inverted, key=lambda entry: entry[0]),
                "pipeline": ["stemmer-nl"]}
