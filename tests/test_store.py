"""The output store (kennisbank.outputs.store): what it hands out is always what was filed, or nothing."""

from __future__ import annotations

import multiprocessing
import os
import time
from pathlib import Path

from kennisbank.outputs.store import OutputStore


def filed(store: OutputStore, tmp_path: Path, key: str, payload: bytes) -> Path:
    source = tmp_path / f"bron-{key}"
    source.write_bytes(payload)
    assert store.file("pdf", key, source)
    return store.path("pdf", key)


def test_what_is_filed_comes_back_and_nothing_else(tmp_path):
    store = OutputStore(tmp_path / "cache")
    filed(store, tmp_path, "ab" * 32, b"%PDF-1.7 inhoud")
    out = tmp_path / "site/artikelen/een.pdf"
    assert store.fetch("pdf", "ab" * 32, out)
    assert out.read_bytes() == b"%PDF-1.7 inhoud"
    assert not store.fetch("pdf", "cd" * 32, tmp_path / "ander.pdf")
    assert not (tmp_path / "ander.pdf").exists()
    assert [p.name for p in (tmp_path / "cache").rglob("*") if p.is_file()] == ["ab" * 32]  # no temporary files


def test_a_truncated_or_altered_entry_is_refused_and_removed(tmp_path):
    store = OutputStore(tmp_path / "cache")
    for key, damage in (("a1" * 32, lambda b: b[:-3]), ("b2" * 32, lambda b: b[:-1] + b"X"),
                        ("c3" * 32, lambda b: b[:10]), ("d4" * 32, lambda b: b"")):
        entry = filed(store, tmp_path, key, b"%PDF-1.7 " + b"x" * 1000)
        entry.write_bytes(damage(entry.read_bytes()))
        out = tmp_path / f"{key}.pdf"
        assert not store.fetch("pdf", key, out)
        assert not out.exists() and not entry.exists()


def test_prune_removes_the_least_recently_used_entries(tmp_path):
    store = OutputStore(tmp_path / "cache", max_bytes=2 * (1000 + 100))
    entries = [filed(store, tmp_path, key * 32, b"x" * 1000) for key in ("01", "02", "03")]
    for age, entry in zip((300, 200, 100), entries):
        os.utime(entry, (time.time() - age, time.time() - age))
    assert store.fetch("pdf", "01" * 32, tmp_path / "oud.pdf")  # the oldest is read, so used recently
    stale = entries[0].parent / ".tmp-verlaten"
    stale.write_bytes(b"half")
    os.utime(stale, (time.time() - 7200, time.time() - 7200))
    fresh = entries[0].parent / ".tmp-bezig"
    fresh.write_bytes(b"half")
    assert store.prune() == 1
    assert [e.exists() for e in entries] == [True, False, True]
    assert not stale.exists() and fresh.exists()  # another process may still be writing the fresh one


def test_a_store_that_cannot_be_written_is_no_error(tmp_path):
    (tmp_path / "cache").write_text("een bestand, geen map")
    store = OutputStore(tmp_path / "cache")
    source = tmp_path / "een.pdf"
    source.write_bytes(b"%PDF")
    assert not store.file("pdf", "ab" * 32, source)
    assert not store.fetch("pdf", "ab" * 32, tmp_path / "uit.pdf")
    assert store.prune() == 0


def _write_many(root: str, payload: bytes) -> None:
    store = OutputStore(Path(root))
    source = Path(root).parent / f"bron-{os.getpid()}"
    source.write_bytes(payload)
    for _ in range(50):
        store.file("pdf", "ee" * 32, source)


def test_parallel_writers_of_one_key_never_leave_a_broken_entry(tmp_path):
    root = tmp_path / "cache"
    payload = os.urandom(200_000)
    context = multiprocessing.get_context("fork")
    writers = [context.Process(target=_write_many, args=(str(root), payload)) for _ in range(3)]
    for writer in writers:
        writer.start()
    store = OutputStore(root)
    reads = 0
    while any(w.is_alive() for w in writers) or reads == 0:
        out = tmp_path / "gelezen.pdf"
        if store.fetch("pdf", "ee" * 32, out):
            assert out.read_bytes() == payload
            reads += 1
    for writer in writers:
        writer.join()
        assert writer.exitcode == 0
    assert [p.name for p in root.rglob("*") if p.is_file()] == ["ee" * 32]
