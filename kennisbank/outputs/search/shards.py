"""The search index split into small files, so a query loads only what it needs (Pagefind-style).

One prebuilt index answers both the header search box and the search page
(``kennisbank/outputs/search/assets/zoekmachine.js``). Nothing is loaded until someone searches;
then a query loads:

- ``meta``: the first term of every term shard, the synonyms, the themes (a few kB);
- the **term shards** (``t<n>``) holding its terms: sorted term ranges cut at about
  :data:`SHARD_INTS` numbers, each term with, per field, its documents and lunr's
  BM25 weight (computed here, so the browser does no index work at all);
- the **document chunks** (``d<n>``, :data:`DOC_CHUNK` items each) of the results it shows, with all a
  result line shows (themes too, not only positions in ``facetten``);
- for a word the hub does not contain, the **vocabulary** of its first and second letter
  (``v-<letter>``: terms by first letter; ``w-<letter>``: terms by second letter), for typo
  tolerance and "Bedoelde u …?": together they hold every term one edit away at the start of the
  word too ("wnergie", "nergie", "eenergie", "neergie" all lead to energie);
- on the search page only, and after its first results, ``facetten``: date and facet values of every
  item, for the filters and their counts.

So the bytes per query grow with the words it has and the results it shows,
not with the hub. Every file is a classic script that adds its data to
``self.kbZoekdata`` (works in a page, in a Web Worker through ``importScripts``
and from ``file://``, where ``fetch`` is refused).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ...content.synonyms import Synonyms
from ...index.hub_index import HubIndex
from .compounds import Splitter
from .documents import FACETS, OPTIONAL_FACETS, SearchDoc
from .index import FIELDS, data_script, facet_order
from .postings import _SEPARATORS, K1, B, Postings, _term

SHARD_DIR = "zoeken/index"
DATA_GLOBAL = "kbZoekdata"
SHARD_INTS = 12_000
"""Numbers per term shard before a new one starts (about 15 kB gzipped); a term is never split."""
DOC_CHUNK = 5
"""Items per document chunk: a page of results touches a few chunks, not the whole store. Results are spread
over the hub (items are numbered newest first), so each result shown is mostly in a chunk of its own: small
chunks carry little besides it (the search page's first screen at 10,000 items: five chunks of 4 kB instead
of 13 kB, raw)."""
FORMAT = 1


@dataclass(frozen=True)
class Analysed:
    """What analysing the hub's texts once gives: the postings and the words behind each term."""

    postings: Postings
    surface: dict[str, str]
    """Term -> the word it most often comes from, for "Bedoelde u …?" (stems are not words)."""


def analyse_hub(docs: Sequence[SearchDoc]) -> Analysed:
    """Index ``docs`` with lunr's analysis plus the parts of compounds."""
    texts = [[d.title, " ".join(d.keywords), d.summary, d.body] for d in docs]
    splitter = Splitter.from_texts(text for fields in texts for text in fields)
    tokens: Counter[str] = Counter()
    # A hub repeats its words: 1,000 items hold ~700,000 tokens but ~20,000 distinct ones. Each token's term and
    # compound parts are worked out once (the pipeline and the splitter are pure), not at every occurrence.
    analysed: dict[str, tuple[str, tuple[str, ...]] | None] = {}

    def analyse_token(token: str) -> tuple[str, tuple[str, ...]] | None:
        term = _term(token)
        if term is None:
            return None
        parts = (extra for part in splitter.split(token) if (extra := _term(part)) is not None and extra != term)
        return term, tuple(parts)

    def analyser(text: str) -> tuple[list[str], list[str]]:
        found: list[str] = []
        parts: list[str] = []
        for token in _SEPARATORS.split(text.lower()):
            if not token:
                continue
            if token in analysed:
                known = analysed[token]
            else:
                known = analysed[token] = analyse_token(token)
            if known is None:
                continue
            found.append(known[0])
            tokens[token] += 1
            parts.extend(known[1])
        # The parts are not counted in the field length (see kennisbank/outputs/search/postings.py).
        return found, parts

    postings = Postings.build(FIELDS, texts, analyser)
    surface: dict[str, tuple[int, str]] = {}
    for token, count in tokens.items():
        word = _TRIM.sub("", token)
        term = _term(token)
        if term is not None and word and count > surface.get(term, (0, ""))[0]:
            surface[term] = (count, word)
    return Analysed(postings, {term: word for term, (_, word) in surface.items()})


_TRIM = re.compile(r"^\W+|\W+$")


def weights(postings: Postings) -> dict[str, list[list[tuple[int, int]]]]:
    """Term -> per field, (document, lunr's BM25 weight x 1000), in document order.

    The arithmetic of :meth:`Postings.serialise` (lunr.py's), rounded the same way.
    """
    averages = postings.average_lengths()
    result: dict[str, list[list[tuple[int, int]]]] = {}
    for term, per_field in postings.terms.items():
        idf = postings.idf(per_field)
        fields: list[list[tuple[int, int]]] = []
        for f, (_, boost) in enumerate(postings.fields):
            lengths = postings.lengths[f]
            average = averages[f] or 1
            entries = []
            for ref in sorted(per_field[f]):
                tf = per_field[f][ref]
                norm = K1 * (1 - B + B * (lengths[ref] / average)) + tf
                entries.append((ref, round(round(idf * ((K1 + 1) * tf) / norm * boost, 3) * 1000)))
            fields.append(entries)
        result[term] = fields
    return result


def _js_order(term: str) -> bytes:
    """JavaScript compares strings by UTF-16 code units; the browser binary-searches in this order."""
    return term.encode("utf-16-be")


def term_shards(table: Mapping[str, list[list[tuple[int, int]]]]) -> list[dict[str, Any]]:
    """Sorted term ranges; per term and field: count, then (document delta, weight) pairs."""
    shards: list[dict[str, Any]] = []
    terms: list[str] = []
    flat: list[int] = []
    for term in sorted(table, key=_js_order):
        if terms and len(flat) >= SHARD_INTS:
            shards.append({"terms": terms, "postings": flat})
            terms, flat = [], []
        terms.append(term)
        for entries in table[term]:
            flat.append(len(entries))
            previous = 0
            for ref, weight in entries:
                flat.extend((ref - previous, weight))
                previous = ref
    if terms:
        shards.append({"terms": terms, "postings": flat})
    return shards


def letter_of(term: str) -> str:
    """The vocabulary file a term is in: its first letter a-z, or ``_``."""
    first = term[:1]
    return first if "a" <= first <= "z" else "_"


@dataclass(frozen=True)
class ShardedIndex:
    """Every file of the sharded index, as data; :meth:`scripts` writes them."""

    docs: list[SearchDoc]
    synonyms: Synonyms
    themes: list[tuple[str, str, str]]
    """(name, site-relative URL, description) of every theme, for empty results."""
    analyse: Callable[[str], list[str]]
    page: str = "zoeken/"
    """Site-relative URL of the search page (the box links to it)."""
    browse: str = "themas/"
    """Site-relative URL of the themes overview (an empty result links to it)."""

    def files(self) -> dict[str, Any]:
        analysed = analyse_hub(self.docs)
        table = weights(analysed.postings)
        shards = term_shards(table)
        vocabulary: dict[str, list[list[Any]]] = {}
        seconds: dict[str, list[list[Any]]] = {}
        for term in sorted(table, key=_js_order):
            documents = len({ref for entries in table[term] for ref, _ in entries})
            word = analysed.surface.get(term, term)
            entry = [term, documents] + ([word] if word != term else [])
            vocabulary.setdefault(letter_of(term), []).append(entry)
            if len(term) > 1:
                seconds.setdefault(letter_of(term[1:]), []).append(entry)
        facets = self.facets()
        files: dict[str, Any] = {
            "meta": {
                "format": FORMAT,
                "page": self.page,
                "browse": self.browse,
                "fields": [name for name, _ in FIELDS],
                "docs": len(self.docs),
                # The URL parameters that filter: the search page reads them before the facet values are there.
                "facets": [facet["name"] for facet in facets["facets"]],
                "chunk": DOC_CHUNK,
                "shards": [shard["terms"][0] for shard in shards],
                "letters": sorted(vocabulary),
                "seconds": sorted(seconds),
                "synonyms": self.synonyms.analysed(self.analyse),
                "themes": [[name, url, sorted(set(self.analyse(name + " " + description)))]
                           for name, url, description in self.themes],
                # Distinct terms per title: a title that has all the query's terms and no others IS the query.
                "titleTerms": [len(set(self.analyse(d.title))) for d in self.docs],
            },
            "facetten": facets,
        }
        files.update({f"t{n}": shard for n, shard in enumerate(shards)})
        files.update({f"v-{letter}": words for letter, words in vocabulary.items()})
        files.update({f"w-{letter}": words for letter, words in seconds.items()})
        for n in range(0, len(self.docs), DOC_CHUNK):
            files[f"d{n // DOC_CHUNK}"] = [
                [d.url, d.title, d.summary, d.facets["soort"][0], d.date, d.excerpt, d.place, d.line]
                for d in self.docs[n:n + DOC_CHUNK]]
        return files

    def facets(self) -> dict[str, Any]:
        values = {name: sorted({v for d in self.docs for v in d.facets[name]}, key=facet_order(name))
                  for name, _ in FACETS}
        positions = {name: {v: i for i, v in enumerate(vs)} for name, vs in values.items()}
        # 'Bron' only appears when the hub has collections: one value for the whole hub would be noise.
        shown = [(name, label) for name, label in FACETS if values[name] or name not in OPTIONAL_FACETS]
        return {
            "facets": [{"name": name, "label": label, "values": values[name]} for name, label in shown],
            "docs": [[d.date, *[[positions[name][v] for v in d.facets[name]] for name, _ in shown]]
                     for d in self.docs],
        }

    def scripts(self) -> dict[str, str]:
        """Site path -> classic script that adds one file's data to ``self.kbZoekdata``."""
        return {f"{SHARD_DIR}/{key}.js": shard_script(key, data) for key, data in self.files().items()}


def shard_script(key: str, data: Any) -> str:
    body = data_script("__kb", data)  # window.__kb=JSON.parse('…');
    parse = body[len("window.__kb="):].rstrip().rstrip(";")
    return f"(self.{DATA_GLOBAL}=self.{DATA_GLOBAL}||{{}})[\"{key}\"]={parse};\n"


def themes_of(hub: HubIndex, urls: Mapping[str, str]) -> list[tuple[str, str, str]]:
    return [(theme.naam, urls[src], theme.beschrijving) for theme in hub.taxonomy.themes.values()
            if (src := f"themas/{theme.slug}.md") in urls]
