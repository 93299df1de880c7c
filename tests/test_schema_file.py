"""The committed JSON Schema (schema/kennisbank.schema.json, which editors use) is the one the models make now."""

from __future__ import annotations

from click.testing import CliRunner
from sitebuilder import REPO

from kennisbank.cli import main


def test_the_committed_schema_equals_the_generated_one(monkeypatch):
    monkeypatch.chdir(REPO)
    result = CliRunner().invoke(main, ["schema", "-o", "-"])
    assert result.exit_code == 0, result.output
    committed = (REPO / "schema" / "kennisbank.schema.json").read_text(encoding="utf-8")
    assert result.output == committed, "schema/kennisbank.schema.json is stale: run 'make schema' and commit it"

