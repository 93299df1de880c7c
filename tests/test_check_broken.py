"""Broken contributions: `kennisbank check` and the build report every problem, in Dutch, at once."""

import json

import pytest
from click.testing import CliRunner
from sitebuilder import article, practice, project

from kennisbank.cli.commands import main

BROKEN = {
    "artikelen/kapotte-yaml.md": "---\ntitel: Warmte: een aanpak\ntype: artikel\n---\nTekst\n",
    "artikelen/zonder-titel.md": article(titel=None),
    "artikelen/onbekend-thema.md": article(themas=["klimaat", "bestaanszekerheid"]),
    "artikelen/verkeerd-type.md": article(type="blog"),
    "artikelen/slechte-datum.md": article(gepubliceerd="12-03-2024"),
    "artikelen/dubbel.md": article(),
    "praktijkvoorbeelden/dubbel.md": practice(),
    "praktijkvoorbeelden/verkeerde-gemeente.md": practice(gemeenten=["Zwole"]),
    "artikelen/goed.md": article(title="Een goed artikel"),
}

EXPECTED = [
    "docs/artikelen/kapotte-yaml.md:2:14: yaml: ongeldige YAML: een dubbele punt in een waarde; "
    "zet de waarde tussen aanhalingstekens",
    "docs/artikelen/onbekend-thema.md:5:10: themas: onbekend thema 'klimaat'; bedoelde je 'klimaat-energie'?",
    "docs/artikelen/slechte-datum.md:7:1: gepubliceerd: ongeldige datum '12-03-2024'; "
    "schrijf JJJJ-MM-DD, bijvoorbeeld 2024-03-12",
    "docs/artikelen/verkeerd-type.md:4:1: type: onbekend type 'blog'; kies uit artikel, praktijkvoorbeeld, "
    "cursus, module",
    "docs/artikelen/zonder-titel.md:2:1: titel: verplicht veld ontbreekt",
    "docs/praktijkvoorbeelden/dubbel.md:1:1: bestandsnaam: de naam 'dubbel' wordt al gebruikt door "
    "docs/artikelen/dubbel.md; kies een andere bestandsnaam",
    "docs/praktijkvoorbeelden/verkeerde-gemeente.md:8:13: gemeenten: onbekende gemeente 'Zwole'; "
    "bedoelde je 'Zwolle'?",
]


@pytest.fixture
def broken(tmp_path, monkeypatch):
    hub = project(tmp_path, BROKEN)
    monkeypatch.chdir(hub.root)
    return hub


def test_check_reports_every_problem_with_position(broken):
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == EXPECTED
    assert result.stderr.strip() == "7 fouten gevonden."


def test_check_paths_limits_the_report(broken):
    result = CliRunner().invoke(main, ["check", "docs/artikelen/onbekend-thema.md"])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [EXPECTED[1]]


def test_check_formats_for_github_and_json(broken):
    github = CliRunner().invoke(main, ["check", "--format", "github", "docs/artikelen/zonder-titel.md"])
    assert github.stdout.splitlines() == [
        "::error file=docs/artikelen/zonder-titel.md,line=2,col=1,title=titel::verplicht veld ontbreekt"]
    data = json.loads(CliRunner().invoke(main, ["check", "--format", "json"]).stdout)
    assert data[4] == {"pad": "docs/artikelen/zonder-titel.md", "regel": 2, "kolom": 1, "veld": "titel",
                       "melding": "verplicht veld ontbreekt", "ernst": "fout"}


def test_build_fails_with_the_same_messages_and_writes_no_site(broken):
    (broken.root / "site").mkdir()
    (broken.root / "site" / "vorige.html").write_text("vorige site")
    message = broken.build_fails()
    assert message == "Aborted with a BuildError!"
    # The previous site is left untouched.
    assert [p.name for p in (broken.root / "site").iterdir()] == ["vorige.html"]


def test_build_log_lists_all_errors(broken, caplog):
    broken.build_fails()
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "De kennisbank bevat 7 fouten:" in logged
    for line in EXPECTED:
        assert line in logged


def test_clean_content_passes(tmp_path, monkeypatch):
    hub = project(tmp_path, {"artikelen/goed.md": article()})
    monkeypatch.chdir(hub.root)
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 0, result.output
    assert result.stderr.strip() == "Geen fouten gevonden in 1 items."
