"""The benchmark corpus is valid content, reproducible, and the benchmark script runs end to end.

Benchmarks are not tests: no timing is asserted here, only that the tools work.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner
from sitebuilder import REPO

from benchmarks.generate import generate
from kennisbank.cli.commands import main
from kennisbank.content.hub import load_hub
from kennisbank.content.model import ItemType


def test_generated_hub_passes_kennisbank_check(tmp_path, monkeypatch):
    corpus = generate(40, 2026, tmp_path / "hub")
    monkeypatch.chdir(corpus.root)

    result = CliRunner().invoke(main, ["check"])

    assert result.exit_code == 0, result.output
    assert "Geen fouten gevonden in 40 items." in result.output


def test_generated_hub_uses_the_whole_content_model(tmp_path):
    corpus = generate(40, 2026, tmp_path / "hub")
    hub = load_hub(corpus.docs)

    assert {item.type for item in hub.items.values()} == set(ItemType)
    assert any(item.meta.gemeenten for item in hub.items.values() if item.type is ItemType.PRAKTIJKVOORBEELD)
    body = hub.items[corpus.items[0]].body
    assert 600 <= len(body.split()) <= 1000
    assert "](../" in "".join(item.body for item in hub.items.values())  # links between items


def test_same_seed_gives_the_same_corpus(tmp_path):
    first = generate(20, 7, tmp_path / "a")
    second = generate(20, 7, tmp_path / "b")
    other = generate(20, 8, tmp_path / "c")

    def text(corpus):
        return [(corpus.docs / src).read_text(encoding="utf-8") for src in corpus.items]

    assert text(first) == text(second)
    assert text(first) != text(other)


@pytest.mark.slow
def test_benchmark_script_runs_end_to_end(tmp_path):
    result = subprocess.run(
        [sys.executable, str(REPO / "benchmarks/run.py"), "--quick", "--no-serve", "--corpus-dir", str(tmp_path)],
        capture_output=True, text=True, timeout=600)

    assert result.returncode == 0, result.stderr
    assert "| 30 | (a) plain Material |" in result.stdout
    assert "| 30 | (b) Kennisbank |" in result.stdout
    assert "Per 1,000 items (s)" in result.stdout


@pytest.mark.slow
def test_step_timer_accounts_for_the_build_per_step(tmp_path):
    result = subprocess.run(
        [sys.executable, str(REPO / "benchmarks/site_steps.py"), "--items", "30", "--build", "default",
         "--corpus-dir", str(tmp_path), "--json", str(tmp_path / "steps.json")],
        capture_output=True, text=True, timeout=600)

    assert result.returncode == 0, result.stderr
    figures = json.loads((tmp_path / "steps.json").read_text())
    seconds, calls = figures["seconds"], figures["calls"]
    assert calls["Markdown convert (items)"] == 30
    assert calls["event page_content: hooks/kennisbank_hooks.py"] == calls["theme template + write (items)"] + \
        calls["theme template + write (generated)"] + calls["theme template + write (other)"]
    # Each step's own time, so the steps add up to the build (the collector's rows run inside the others).
    steps = sum(value for name, value in seconds.items() if not name.startswith(("total", "garbage", "  of which")))
    assert 0.8 * seconds["total (process CPU of the build)"] <= steps <= seconds["total (process CPU of the build)"]
