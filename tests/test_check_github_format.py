"""`kennisbank check --format github`: contributed names cannot forge workflow commands."""

from click.testing import CliRunner
from sitebuilder import article, project

from kennisbank.cli import main


def test_a_line_break_in_a_key_or_file_name_stays_inside_its_annotation(tmp_path, monkeypatch):
    hub = project(tmp_path, {
        "artikelen/sleutel.md": article().replace("type: artikel", 'type: artikel\n"x\\n::stop-commands::t,a:b": 1'),
        "artikelen/naam\n::error::vals.md": article(),
    })
    monkeypatch.chdir(hub.root)
    result = CliRunner().invoke(main, ["check", "--format", "github"])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "::error file=docs/artikelen/naam%0A%3A%3Aerror%3A%3Avals.md,line=1,col=1,title=bestandsnaam::"
        "'naam%0A::error::vals' is geen geldige naam; gebruik kleine letters, cijfers en streepjes, "
        "bijvoorbeeld 'naam-error-vals'",
        "::error file=docs/artikelen/sleutel.md,line=5,col=1,title=x%0A%3A%3Astop-commands%3A%3At%2Ca%3Ab::"
        "onbekend veld 'x%0A::stop-commands::t,a:b'",
    ]
    # Every annotation is one line that starts a command: nothing a contributor wrote starts another.
    assert all(line.startswith("::error file=") for line in result.stdout.splitlines())
