"""Reuse parsed and validated content between builds of one process (``kennisbank serve``).

Reading and validating a file is the core's main cost. While serving, one
edit should not make every other file pay it again, so :func:`load_hub` asks
this cache first: a file whose modification time and size are unchanged gets
its previous outcome (item, draft or nothing, and the problems found) replayed
instead of being read again. What else an outcome depends on (the taxonomy,
the list of files that links are checked against, the settings) is the
cache's context: when it changes, everything is read again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .problems import Problem
from .taxonomy import DATA_DIR

if TYPE_CHECKING:
    from .hub import Hub, Item

Stamp = tuple[int, int]


def stamp(path: Path) -> Stamp | None:
    """``(mtime_ns, size)`` of a file, or None when it cannot be read."""
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_mtime_ns, info.st_size


@dataclass
class _Entry:
    stamp: Stamp
    item: Item | None
    problems: list[Problem]
    links: list | None = None
    """The file's Markdown links (``hub.links``), for backlinks and link checks."""
    draft: bool = False
    """A concept, also when its frontmatter did not validate (``hub.drafts``)."""


@dataclass
class SourceCache:
    """Outcomes of :func:`kennisbank.content.hub.load_file` by ``src``, for one docs folder."""

    context: object = None
    entries: dict[str, _Entry] = field(default_factory=dict)
    hits: int = 0
    misses: int = 0

    def start(self, hub: Hub, files: frozenset[str]) -> None:
        """Begin a load of ``files`` (every path below ``docs/``): drop everything if the context changed."""
        data = hub.docs_dir / DATA_DIR
        taxonomy = tuple(sorted((p.name, stamp(p)) for p in data.rglob("*.yml"))) if data.is_dir() else ()
        context = (hub.docs_dir, hub.root, taxonomy, files, hub.settings)
        if context != self.context:
            self.entries.clear()
        self.context = context
        self.hits = self.misses = 0

    def load(self, hub: Hub, src: str, load_file: Callable[[Hub, str], Item | None]) -> None:
        """Add ``src`` to the hub like ``load_file`` does, from the cache when the file is unchanged."""
        current = stamp(hub.docs_dir / src)
        entry = self.entries.get(src)
        if entry is not None and current is not None and entry.stamp == current:
            self.hits += 1
            hub.problems.extend(entry.problems)
            if entry.links is not None:
                hub.links[src] = entry.links
            if entry.item is not None:
                hub.add(entry.item)
            elif entry.draft:
                hub.drafts.add(src)
            return
        self.misses += 1
        before = len(hub.problems.items)
        item = load_file(hub, src)
        if current is not None:
            self.entries[src] = _Entry(current, item, hub.problems.items[before:], hub.links.get(src),
                                       src in hub.drafts)

    def forget_missing(self, present: set[str]) -> None:
        """Drop entries of files that no longer exist."""
        for src in set(self.entries) - present:
            del self.entries[src]
