"""Related content: a small inverted index in the style of Hugo's ``related`` package.

Lifecycle ``add → finalize → search``. A :class:`Document` needs only a name,
a date and its keywords per index (themes, networks, tags …), so the index
knows nothing about the hub and is tested on tiny in-memory documents.

Why not compare every pair: with 10,000 items that is 50 million comparisons.
Instead every keyword has a *posting list* of the documents carrying it, in
date order. A document's candidates are the documents on its keywords'
posting lists; a common keyword (a theme carried by 40% of the hub) would
still make that quadratic, so each posting list is read only in a *window*
of the ``window`` documents nearest in date. Those candidates are ranked by
what the keywords that found them add to the score (so a candidate found
through all the keywords it shares ranks by its exact score), and the best
few of each kind are then scored exactly, on all their keywords (in a small
hub, whose posting lists fit in the windows, every candidate is scored
exactly). Cost per document: keywords × window, so the whole index grows
linearly with the number of documents.

Hugo's ``cardinalityThreshold`` is kept as :attr:`IndexConfig.cardinality`:
a keyword carried by more than that percentage of the documents says little
and is dropped from its index altogether.

Score: for each index, the cosine of the two keyword sets
(shared / √(|a|·|b|)), weighted by the index weight, divided by the total
weight of the indices in which the searched document has keywords, as
0–100. Matches below ``threshold`` are dropped. Order: score, then date
(newest first), then name, so every build gives the same lists.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import chain
from typing import NamedTuple


@dataclass(frozen=True)
class IndexConfig:
    """One keyword index: its name, weight and commonness cut-off."""

    name: str
    weight: int
    cardinality: int = 0
    """Drop keywords carried by more than this percentage of documents; 0 keeps all."""


@dataclass(frozen=True)
class Document:
    """What the index needs to know of an item."""

    name: str
    """Unique and stable (the item's ``src``); the last tie-breaker."""
    date: dt.date | None
    keywords: Mapping[str, Sequence[str]]
    """Index name → keywords; indices not configured are ignored."""
    kind: str = ""
    """Free label (the item type) a search can filter on."""
    group: str = ""
    """Documents of one non-empty group are never related to each other (a course and its modules)."""


class Match(NamedTuple):
    """A related document with its score (0–100)."""

    score: int
    name: str


@dataclass
class _Entry:
    document: Document
    order: int
    keys: dict[int, frozenset[str]] = field(default_factory=dict)
    """Index position → keywords after the cut-off."""
    positions: list[tuple[int, list[int], int]] = field(default_factory=list)
    """(index position, a keyword's posting list, this document's place in it) per keyword."""
    norms: list[float] = field(default_factory=list)
    """Index position → 1/√(number of keywords), 0.0 where the document has none."""
    scaled: list[tuple[int, frozenset[str], float, int]] = field(default_factory=list)
    """(index position, keywords, norm, index weight) of the indices where the document has keywords."""
    weight: int = 0
    """Total weight of the indices in which this document has keywords: the score's denominator."""


class RelatedIndex:
    """Hugo-style related-content index; see the module docstring."""

    def __init__(self, indices: Sequence[IndexConfig], threshold: int = 0, window: int = 40,
                 shortlist: int = 15) -> None:
        if not indices:
            raise ValueError("at least one index is needed")
        self.indices = list(indices)
        self.threshold = threshold
        self.window = max(2, window)
        """Documents read per posting list around the searched document."""
        self.shortlist = max(1, shortlist)
        """Candidates scored exactly, per search."""
        self._pending: list[Document] = []
        self._entries: dict[str, _Entry] = {}
        self._order: list[_Entry] = []
        self._finalized = False
        self._searched: dict[tuple[str, int], dict[str, list[Match]]] = {}

    def add(self, *documents: Document) -> None:
        """Add documents; only before :meth:`finalize`."""
        if self._finalized:
            raise RuntimeError("the index is finalized; add documents before finalize()")
        self._pending.extend(documents)

    def finalize(self) -> None:
        """Build the posting lists. Search calls it when needed."""
        if self._finalized:
            return
        documents = sorted(self._pending, key=lambda d: (_ordinal(d.date), d.name))
        for order, document in enumerate(documents):
            if document.name in self._entries:
                raise ValueError(f"duplicate document {document.name!r}")
            self._entries[document.name] = _Entry(document, order)
        self._order = [self._entries[d.name] for d in documents]
        for position, config in enumerate(self.indices):
            # Each document's keywords of this index once, in their order; then the cut-off by commonness.
            keywords: list[Collection[str]] = [dict.fromkeys(e.document.keywords.get(config.name, ()))
                                               for e in self._order]
            counts = Counter(chain.from_iterable(keywords))
            if config.cardinality:
                limit = len(documents) * config.cardinality / 100
                keywords = [[k for k in words if counts[k] <= limit] for words in keywords]
            postings: dict[str, list[int]] = {}
            for entry, words in zip(self._order, keywords):
                if not words:
                    continue
                for word in words:
                    posting = postings.setdefault(word, [])
                    entry.positions.append((position, posting, len(posting)))
                    posting.append(entry.order)
                entry.keys[position] = frozenset(words)
        positions = range(len(self.indices))
        for entry in self._order:
            entry.weight = sum(self.indices[p].weight for p in entry.keys)
            # Cosine per index = shared / (√|a| · √|b|): the square roots are computed once per document.
            entry.norms = [1 / math.sqrt(len(entry.keys[p])) if p in entry.keys else 0.0 for p in positions]
            entry.scaled = [(p, keys, entry.norms[p], self.indices[p].weight) for p, keys in entry.keys.items()]
        self._kinds = [e.document.kind for e in self._order]
        self._kind_count = len(set(self._kinds))
        self._groups = [e.document.group for e in self._order]
        self._dates = [_ordinal(e.document.date) for e in self._order]
        self._names = [e.document.name for e in self._order]
        self._weights = [c.weight for c in self.indices]
        self._norms = [[entry.norms[p] for entry in self._order] for p in positions]
        """Per index position, every document's norm by its order: what a candidate adds in :meth:`_found`."""
        self._pending = []
        self._finalized = True

    def __len__(self) -> int:
        return len(self._entries) + len(self._pending)

    def search(self, name: str, limit: int = 5, kinds: Iterable[str] | None = None) -> list[Match]:
        """The documents most related to ``name``, best first; ``kinds`` limits them to those kinds."""
        entry, found, complete = self._found(name)
        wanted = set(kinds) if kinds is not None else None
        return self._best(entry, [o for o in found if wanted is None or self._kinds[o] in wanted], found, complete,
                          limit)

    def search_by_kind(self, name: str, limit: int = 5) -> dict[str, list[Match]]:
        """Like :meth:`search`, but the best ``limit`` of every kind, in one pass over the posting lists.

        Results are kept: an index can serve several builds (see ``kennisbank.site.crosslinks``).
        """
        known = self._searched.get((name, limit))
        if known is not None:
            return known
        self._searched[(name, limit)] = found_by_kind = self._search_by_kind(name, limit)
        return found_by_kind

    def search_all_by_kind(self, names: Collection[str], limit: int = 5) -> dict[str, dict[str, list[Match]]]:
        """:meth:`search_by_kind` for each of ``names``, in one pass.

        The documents are visited in date order, not in the order asked for: neighbours in date read
        the same windows of the same posting lists, which then are still in the processor's caches.
        Measured at 10,000 documents, that makes the whole related-items phase of a build ~20 % cheaper
        than searching page by page.
        """
        self.finalize()
        wanted = set(names)
        return {entry.document.name: self.search_by_kind(entry.document.name, limit)
                for entry in self._order if entry.document.name in wanted}

    def _search_by_kind(self, name: str, limit: int) -> dict[str, list[Match]]:
        entry, found, complete = self._found(name)
        kinds = self._kinds
        by_kind: dict[str, list[int]] = {}
        if complete:  # a small hub: every candidate of every kind is scored exactly
            for order in found:
                by_kind.setdefault(kinds[order], []).append(order)
        else:
            # Only the best few of each kind by their score so far are scored exactly. One stable
            # sort of all candidates (in C) and a walk that stops once every kind has its shortlist gives
            # the same shortlists as a sort per kind: the relative order within a kind is the same.
            size = max(self.shortlist, limit)
            full = 0
            for order in sorted(found, key=found.__getitem__, reverse=True):
                chosen = by_kind.setdefault(kinds[order], [])
                if len(chosen) < size:
                    chosen.append(order)
                    if len(chosen) == size:
                        full += 1
                        if full == self._kind_count:
                            break
        results = {kind: self._score_best(entry, orders, limit) for kind, orders in sorted(by_kind.items())}
        return {kind: matches for kind, matches in results.items() if matches}

    def score(self, a: str, b: str) -> int:
        """The exact score of ``b`` as related to ``a`` (0–100)."""
        self.finalize()
        return self._score(self._entries[a], self._entries[b])

    def _found(self, name: str) -> tuple[_Entry, dict[int, float], bool]:
        """Candidates of ``name`` from the windows of its posting lists, each with its score so far.

        Every keyword a candidate is found through adds what that keyword adds to the exact score
        (index weight × both documents' norms; the common denominator left out), so a candidate found
        through all the keywords it shares has its exact score, and one that shares a keyword outside
        that keyword's window gets more when scored exactly. The flag says whether the windows held
        the whole lists: then these are all the documents that share a keyword with ``name``.
        """
        self.finalize()
        entry = self._entries[name]
        found: dict[int, float] = {}
        get = found.get
        half = self.window // 2
        complete = True
        own = entry.norms
        for position, postings, where in entry.positions:
            start = max(0, min(where - half, len(postings) - self.window))
            complete = complete and len(postings) <= self.window
            weight = self._weights[position] * own[position]
            norms = self._norms[position]
            for order in postings[start:start + self.window]:
                found[order] = get(order, 0.0) + weight * norms[order]
        found.pop(entry.order, None)
        group = entry.document.group
        if group:
            for order in [o for o in found if self._groups[o] == group]:
                del found[order]
        return entry, found, complete

    def _best(self, entry: _Entry, orders: list[int], found: dict[int, float], complete: bool,
              limit: int) -> list[Match]:
        if limit <= 0 or not orders:
            return []
        size = max(self.shortlist, limit)
        # In a small hub (the windows held whole posting lists) every candidate is scored exactly. In a
        # large one only the best few by their score so far (what heapq.nlargest does, but in C); they
        # come in posting-list order and the sort is stable, so equal scores keep a reproducible order.
        if not complete and len(orders) > size:
            orders = sorted(orders, key=found.__getitem__, reverse=True)[:size]
        return self._score_best(entry, orders, limit)

    def _score_best(self, entry: _Entry, orders: list[int], limit: int) -> list[Match]:
        """The best ``limit`` of ``orders`` by exact score (then date, newest first, then name)."""
        if limit <= 0:
            return []
        scored = []
        for order in orders:
            score = self._score(entry, self._order[order])
            if score >= self.threshold and score > 0:
                scored.append((-score, -self._dates[order], self._names[order]))
        scored.sort()
        return [Match(-score, name) for score, _, name in scored[:limit]]

    def _score(self, entry: _Entry, other: _Entry) -> int:
        if not entry.weight:
            return 0
        total = 0.0
        theirs = other.norms
        for position, keys, norm, weight in entry.scaled:
            found = theirs[position]
            if found:
                shared = len(keys & other.keys[position])
                if shared:
                    total += weight * shared * norm * found
        return int(100 * total / entry.weight + 0.5)


def _ordinal(date: dt.date | None) -> int:
    return date.toordinal() if date else 0
