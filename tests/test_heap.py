"""A build runs with fewer garbage collections, and leaves the process's collector as it found it."""

import gc

import pytest
from sitebuilder import article, project

from kennisbank.mkdocs import events as mkdocs_events
from kennisbank.mkdocs.heap import BUILD_THRESHOLDS, build_collector


def test_the_build_thresholds_hold_inside_and_the_old_ones_come_back_even_after_an_error():
    before = gc.get_threshold()
    with pytest.raises(RuntimeError):
        with build_collector((12_345, 7, 3)):
            assert gc.get_threshold() == (12_345, 7, 3)
            raise RuntimeError("stop")
    assert gc.get_threshold() == before


def test_pages_render_with_the_build_thresholds_and_the_process_gets_its_own_back(tmp_path, monkeypatch):
    seen = []
    render = mkdocs_events.item_page

    def watched(*args, **kwargs):
        seen.append(gc.get_threshold())
        return render(*args, **kwargs)

    monkeypatch.setattr(mkdocs_events, "item_page", watched)
    before = gc.get_threshold()
    gc.set_threshold(1_000, 11, 12)
    try:
        project(tmp_path, {"artikelen/a.md": article("Een")}).build()
        assert seen == [BUILD_THRESHOLDS]
        assert gc.get_threshold() == (1_000, 11, 12)
        failing = project(tmp_path / "kapot", {"artikelen/b.md": article("Twee", themas=["geen-thema"])})
        failing.build_fails()
        assert gc.get_threshold() == (1_000, 11, 12)
    finally:
        gc.set_threshold(*before)
