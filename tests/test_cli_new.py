"""`kennisbank new`: a contributor's first file, valid from the first save; and help for every command."""

import datetime as dt
import re

import pytest
from click.testing import CliRunner
from sitebuilder import project

from kennisbank.cli.commands import main
from kennisbank.content.hub import load_hub

TODAY = dt.date.today().isoformat()


@pytest.fixture
def hub(tmp_path, monkeypatch):
    hub = project(tmp_path)
    monkeypatch.chdir(hub.root)
    return hub


def run(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input)


def test_new_article_from_options_is_written_and_passes_the_check(hub):
    result = run("new", "artikel", "--titel", "Regie op de wärmtetransitie: zo doet u dat", "--samenvatting",
                 "Hoe gemeenten regie nemen.", "--thema", "klimaat-energie", "--netwerk", "regionale-warmtetafels",
                 "--tag", "Warmtenet", "--auteur", "VNG Kennishub")
    assert result.exit_code == 0, result.output
    assert result.stdout == "Geschreven: docs/artikelen/regie-op-de-warmtetransitie-zo-doet-u-dat.md\n"
    text = (hub.docs / "artikelen" / "regie-op-de-warmtetransitie-zo-doet-u-dat.md").read_text(encoding="utf-8")
    assert text.startswith(
        "---\ntitel: 'Regie op de wärmtetransitie: zo doet u dat'\nsamenvatting: Hoe gemeenten regie nemen.\n"
        "type: artikel\nthemas: [klimaat-energie]\nnetwerken: [regionale-warmtetafels]\ntags: [Warmtenet]\n"
        f"auteurs: [VNG Kennishub]\ngepubliceerd: {TODAY}\n---\n\n")
    loaded = load_hub(hub.docs, hub.root)
    assert list(loaded.problems) == []
    assert loaded.items["artikelen/regie-op-de-warmtetransitie-zo-doet-u-dat.md"].title == \
        "Regie op de wärmtetransitie: zo doet u dat"


def test_new_practice_asks_for_what_is_missing(hub):
    answers = "Schulden vroeg zien\nZwolle signaleert betalingsachterstanden.\nbestaanszekerheid\n" \
              "Gemeente Zwolle\n's-Hertogenbosch, zwolle\nTeam Schulden\n"
    result = run("new", "praktijkvoorbeeld", input=answers)
    assert result.exit_code == 0, result.output
    text = (hub.docs / "praktijkvoorbeelden" / "schulden-vroeg-zien.md").read_text(encoding="utf-8")
    assert 'gemeenten: ["\'s-Hertogenbosch", Zwolle]\ncontact:\n  naam: Team Schulden\n---' in text
    assert "Titel: " in result.stderr and "Gemeente(n) (gescheiden door komma's): " in result.stderr
    assert list(load_hub(hub.docs, hub.root).problems) == []


def test_wrong_answers_write_nothing_and_say_why_in_dutch(hub):
    result = run("new", "artikel", "--titel", "X", "--samenvatting", "Y", "--thema", "klimaat", "--auteur", "A")
    assert result.exit_code == 1
    assert result.stderr == ("Error: het bestand is niet gemaakt:\n"
                             "  themas: onbekend thema 'klimaat'; bedoelde je 'klimaat-energie'?\n")
    assert not (hub.docs / "artikelen").exists()


def test_never_overwrites_and_keeps_names_unique(hub):
    args = ["--titel", "Dubbel", "--samenvatting", "Y", "--thema", "bestaanszekerheid", "--auteur", "A"]
    assert run("new", "artikel", *args).exit_code == 0
    before = (hub.docs / "artikelen" / "dubbel.md").read_text()
    again = run("new", "artikel", *args)
    assert again.exit_code == 1 and "docs/artikelen/dubbel.md bestaat al" in again.stderr
    assert (hub.docs / "artikelen" / "dubbel.md").read_text() == before
    practice = run("new", "praktijkvoorbeeld", *args, "--gemeente", "Zwolle", "--contact", "Team")
    assert practice.exit_code == 1
    assert "de naam 'dubbel' wordt al gebruikt door docs/artikelen/dubbel.md" in practice.stderr


def test_course_and_numbered_modules(hub):
    assert run("new", "cursus", "--titel", "Werken met data", "--samenvatting", "S", "--thema", "leren-van-elkaar",
               "--auteur", "VNG Academie", "--doelgroep", "raadsleden", "--niveau", "basis", "--duur", "90",
               "--leerdoel", "Je kunt data lezen.").exit_code == 0
    for title in ("Eerste stap", "Tweede stap"):
        result = run("new", "module", "--cursus", "werken-met-data", "--titel", title, "--samenvatting", "S",
                     "--duur", "45", "--leerdoel", "Doel")
        assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (hub.docs / "academie" / "werken-met-data").iterdir()) == [
        "01-eerste-stap.md", "02-tweede-stap.md", "index.md"]
    assert list(load_hub(hub.docs, hub.root).problems) == []
    unknown = run("new", "module", "--cursus", "werken-met-dat", "--titel", "T", "--samenvatting", "S",
                  "--duur", "5", "--leerdoel", "D")
    assert unknown.exit_code == 1 and "onbekende cursus 'werken-met-dat'; bedoelde je 'werken-met-data'?" in \
        unknown.stderr


def test_every_command_has_an_example_in_its_help():
    for name in main.commands:
        result = run(name, "--help")
        assert result.exit_code == 0
        assert re.search(rf"Example:\n\s+kennisbank {name}\b", result.stdout), name
