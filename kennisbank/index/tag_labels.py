"""How tags are shown: one spelling per tag across the hub.

Tags are matched in lower case ('WGR', 'Wgr' and 'wgr' are one tag), but
readers should see acronyms as they are written: WGR, DEGO, Wmo. Of the
spellings contributors used for a tag, the site shows one with capitals if
there is one, the most used first, so every page and the tags index agree.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from ..content.hub import Hub
from ..content.model import normalise_tag


def tag_labels(hub: Hub) -> dict[str, str]:
    """Display spelling per tag, by its lower-case key."""
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    for item in hub.items.values():
        for tag in item.meta.tags:
            spellings[normalise_tag(tag)][tag] += 1
    return {key: min(counts, key=lambda spelling: (spelling == spelling.lower(), -counts[spelling], spelling))
            for key, counts in spellings.items()}
