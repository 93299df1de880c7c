"""Garbage-collector settings for the length of one build.

A build makes hundreds of thousands of small objects that live until it ends
(the hub's items, the related index, list entries kept for reuse) and many
more that die young (Markdown trees, strings). With CPython's default
thresholds (700, 10, 10) the collector runs a full collection again and again
over the growing heap of the first kind while freeing next to nothing:
measured with ``benchmarks/related_bench.py`` at 10,000 items, the full
collections cost 0.45 s of 3 s. Raising the first threshold makes collections
rare without letting garbage pile up (reference counting frees almost all of
it); mypy does the same for its builds. The old thresholds come back when the
build ends, so a preview server or a test process runs as before between
builds.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

BUILD_THRESHOLDS = (50_000, 10, 10)
"""Allocations between young collections, then as CPython: 10 of each before the next generation's."""


@contextmanager
def build_collector(thresholds: tuple[int, int, int] = BUILD_THRESHOLDS) -> Iterator[None]:
    """Run the body with the build's collector thresholds; restore the previous ones afterwards."""
    previous = gc.get_threshold()
    gc.set_threshold(*thresholds)
    try:
        yield
    finally:
        gc.set_threshold(*previous)
