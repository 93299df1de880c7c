"""A content-addressed store of built outputs (PDFs), shared by builds, workers and CI runs.

An output is filed under a key: the hash of everything that determines it
(see :mod:`kennisbank.outputs.pdf.keys`). A build asks the store before rendering and
files what it rendered, so an unchanged output costs a file copy instead of a
WeasyPrint run. The store is only ever an optimisation:

- safe to delete at any moment: a missing entry is rendered again;
- never trusted blindly: every entry carries the SHA-256 of its bytes, checked
  on every read, so a truncated or damaged entry is deleted and rebuilt, never
  published;
- written atomically (a temporary file in the same folder, then ``os.replace``),
  so parallel workers, shards or builds that file the same key never leave a
  half-written entry; the last writer wins with identical bytes;
- bounded: :meth:`OutputStore.prune` removes the least recently used entries
  (a read refreshes an entry's modification time) beyond ``max_bytes``;
- never a reason for a build to fail: a store that cannot be written (read-only
  disk, disk full) only means nothing is reused next time.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

MAGIC = b"kennisbank-store-1 "
"""First bytes of every entry, then the hex SHA-256 of the payload and a newline."""
_HEADER = len(MAGIC) + 64 + 1
_TEMP_PREFIX = ".tmp-"
_STALE_TEMP_SECONDS = 3600
"""A temporary file older than this belongs to a process that died; younger ones may still be written."""


@dataclass(frozen=True)
class OutputStore:
    """Entries below ``root``: ``<kind>/<key[:2]>/<key>``."""

    root: Path
    max_bytes: int = 2 << 30

    def path(self, kind: str, key: str) -> Path:
        return self.root / kind / key[:2] / key

    def fetch(self, kind: str, key: str, output: Path) -> bool:
        """Write the stored output of ``key`` to ``output``; False when there is none or it is damaged."""
        entry = self.path(kind, key)
        try:
            data = entry.read_bytes()
        except OSError:
            return False
        payload = _verified(data)
        if payload is None:
            entry.unlink(missing_ok=True)  # damaged: rebuilt by the caller, and filed again
            return False
        try:
            output.parent.mkdir(parents=True, exist_ok=True)
            output.write_bytes(payload)
            os.utime(entry)  # least recently used is what prune removes first
        except OSError:
            return False
        return True

    def file(self, kind: str, key: str, source: Path) -> bool:
        """File the bytes of ``source`` under ``key``; False (and nothing filed) when the store cannot be written."""
        entry = self.path(kind, key)
        temp = None
        try:
            payload = source.read_bytes()
            entry.parent.mkdir(parents=True, exist_ok=True)
            handle, temp = tempfile.mkstemp(prefix=_TEMP_PREFIX, dir=entry.parent)
            with os.fdopen(handle, "wb") as out:
                out.write(MAGIC + hashlib.sha256(payload).hexdigest().encode() + b"\n")
                out.write(payload)
            os.replace(temp, entry)
        except OSError:
            if temp is not None:
                Path(temp).unlink(missing_ok=True)
            return False
        return True

    def prune(self) -> int:
        """Remove least recently used entries until the store holds at most ``max_bytes``; returns how many."""
        entries = []
        now = time.time()
        for path in self.root.glob("*/*/*"):
            try:
                info = path.stat()
            except OSError:
                continue
            if path.name.startswith(_TEMP_PREFIX):
                if now - info.st_mtime > _STALE_TEMP_SECONDS:
                    path.unlink(missing_ok=True)
                continue
            entries.append((info.st_mtime, info.st_size, path))
        total = sum(size for _, size, _ in entries)
        removed = 0
        for _, size, path in sorted(entries):
            if total <= self.max_bytes:
                break
            path.unlink(missing_ok=True)
            total -= size
            removed += 1
        return removed


def _verified(data: bytes) -> bytes | None:
    """The payload of an entry, or None when its header is missing or its digest does not match."""
    if len(data) < _HEADER or not data.startswith(MAGIC) or data[_HEADER - 1:_HEADER] != b"\n":
        return None
    payload = data[_HEADER:]
    if hashlib.sha256(payload).hexdigest().encode() != data[len(MAGIC):_HEADER - 1]:
        return None
    return payload
