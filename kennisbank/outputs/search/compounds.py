"""Dutch compound splitting at index time, from the hub's own vocabulary.

Dutch writes compounds as one word: an item about "warmtetransitie" is not
found by "transitie" unless the parts are indexed too. A word is split when it
is a head and a tail that both occur as words of their own in the hub, with the
linking sounds -s-, -e- and -en- allowed between them (bestaan-s-zekerheid,
pann-en-koek). The dictionary is the hub's own words rather than a general word
list: a split is only useful when its parts lead to other items, and the hub's
words are exactly those (no word list to maintain, none to ship).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .dutch import STOP_WORDS, trim

MIN_PART = 4
"""Shortest head or tail: shorter parts ("ver", "aan") are prefixes more often than words."""
MIN_COMPOUND = 2 * MIN_PART
MIN_LEARNED = 6
"""Shortest part learned from compounds alone; shorter leftovers are too often endings ("heden")."""
LEARN_FROM = 3
MIN_TAIL = 8
"""Longest-known-head fallback: a word the hub writes only inside one compound is still found when it is
this long ("signalering" only in vroegsignalering, "zorgspiegel" only in gemeentezorgspiegel)."""
MIN_TAIL_HEAD = 5
"""Shortest head for that fallback: "over", "voor", "mede" are prefixes ("overeenkomst"), not words."""
LINKS = ("s", "en", "e")
"""Linking sounds between the parts, tried after the bare tail."""

_WORD = re.compile(r"[^\W\d_]+")


class Splitter:
    """Splits words into parts that are words of the hub; remembers every answer."""

    def __init__(self, words: Iterable[str]):
        self.words = frozenset(w for w in words if len(w) >= MIN_PART and w not in STOP_WORDS)
        self._parts: dict[str, list[str]] = {}

    @classmethod
    def from_texts(cls, texts: Iterable[str]) -> Splitter:
        """The dictionary of every lower-case word in ``texts``, and the parts it implies.

        A part may never occur alone ("transitie" only in warmtetransitie,
        energietransitie, transitievisie): a string left over next to a known word
        in at least :data:`LEARN_FROM` different compounds is taken as a word too.
        """
        words: set[str] = set()
        for text in texts:
            words.update(_WORD.findall(text.lower()))
        known = cls(words)
        return cls(words | known.implied_parts())

    def implied_parts(self) -> set[str]:
        seen: dict[str, set[str]] = {}
        for word in self.words:
            if len(word) < MIN_PART + MIN_LEARNED:
                continue
            for cut in range(MIN_PART, len(word) - MIN_PART + 1):
                head, rest = word[:cut], word[cut:]
                if head in self.words and len(rest) >= MIN_LEARNED and rest not in self.words:
                    seen.setdefault(rest, set()).add(word)
                if rest in self.words and len(head) >= MIN_LEARNED and head not in self.words:
                    seen.setdefault(head, set()).add(word)
        # A leftover with a linking s ("szekerheid", "arbeids") is a known word and its link, not a new word.
        return {part for part, compounds in seen.items() if len(compounds) >= LEARN_FROM
                and not (part[0] == "s" and part[1:] in self.words)
                and not (part[-1] == "s" and part[:-1] in self.words)}

    def split(self, word: str) -> list[str]:
        """The parts of a compound (two or more), or ``[]`` when ``word`` is not one."""
        found = self._parts.get(word)
        if found is None:
            trimmed = trim(word)
            found = self._split(trimmed) or self._tail(trimmed) if len(word) >= MIN_COMPOUND else []
            self._parts[word] = found
        return found

    def _tail(self, word: str) -> list[str]:
        # Dutch puts the meaning in the last part of a compound (vroeg-signalering is a kind of signalering), so
        # a long rest after a known word is worth finding even when the hub never writes it alone.
        for cut in range(len(word) - MIN_TAIL, MIN_TAIL_HEAD - 1, -1):
            if word[:cut] in self.words:
                return [word[:cut], word[cut:]]
        return []

    def _split(self, word: str) -> list[str]:
        # The longest head first: "warmtetransitie" is warmte + transitie, not warm + tetransitie.
        for cut in range(len(word) - MIN_PART, MIN_PART - 1, -1):
            head = word[:cut]
            if head not in self.words:
                continue
            rest = word[cut:]
            for tail in (rest, *(rest[len(link):] for link in LINKS if rest.startswith(link))):
                if len(tail) < MIN_PART:
                    continue
                if tail in self.words:
                    return [head, tail]
                deeper = self._split(tail) if len(tail) >= MIN_COMPOUND else []
                if deeper:
                    # The tail is a word too: gemeente-zorgspiegel is found by "zorgspiegel", not only by
                    # "zorg" and "spiegel".
                    return [head, tail, *deeper]
        return []
