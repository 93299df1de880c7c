"""How tags are shown: one spelling per tag across the hub.

Tags are matched in lower case ('WGR', 'Wgr' and 'wgr' are one tag), but
readers should see acronyms as they are written: WGR, DEGO, Wmo. Of the
spellings contributors used for a tag, the site shows one with capitals if
there is one, the most used first, so every page and the tags index agree.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from ..content.hub import Hub
from ..content.layout import slugify
from ..content.model import normalise_tag


def tag_labels(hub: Hub) -> dict[str, str]:
    """Display spelling per tag, by its lower-case key."""
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    for item in hub.items.values():
        for tag in item.meta.tags:
            spellings[normalise_tag(tag)][tag] += 1
    return {key: min(counts, key=lambda spelling: (spelling == spelling.lower(), -counts[spelling], spelling))
            for key, counts in spellings.items()}


LETTER_SLUGS = frozenset(f"beginletter-{name}" for name in [*"abcdefghijklmnopqrstuvwxyz", "0-9", "overig"])
"""Slugs of the tag index's pages per first letter (kennisbank.site.tags), never given to a tag's page."""


def tag_slugs(tags: Iterable[str]) -> dict[str, str]:
    """The slug of each tag's page (``trefwoorden/<slug>/``), by its lower-case key.

    Tags are free text, so two may slugify alike ('C++' and 'C', 'Wmo 2015' and 'wmo-2015'): the first in
    alphabetical order keeps the plain slug, the next get '-2', '-3', so every build gives the same URLs.
    """
    slugs: dict[str, str] = {}
    taken: set[str] = set(LETTER_SLUGS)
    for tag in sorted(tags):
        base = slugify(tag)
        if base == "item" != tag:  # slugify's word for text without a letter or digit it can keep ('!!!', '日本')
            base = "trefwoord"
        slug, number = base, 2
        while slug in taken:
            slug, number = f"{base}-{number}", number + 1
        taken.add(slug)
        slugs[tag] = slug
    return slugs
