"""Synonyms and abbreviations for search: editor data in docs/_data/synoniemen.yml, validated like the taxonomy."""

from pathlib import Path

from click.testing import CliRunner
from sitebuilder import REPO, article, project

from kennisbank.cli import main
from kennisbank.content.synonyms import load_synonyms
from kennisbank.outputs.search.postings import analyse

BROKEN = """\
synoniemen:
  - gelijk: [Wmo]
  - zoekwoord: armoede
    vindt: [schulden]
  - gelijk: [AVG, privacy]
    zoekwoord: avg
    vindt_ook: [privacy]
  - zoekwoord: geldzorgen
    vindt_ook: [schulden]
  - zoekwoord: Geldzorgen
    vindt_ook: [bestaanszekerheid]
  - zoekwoord: ""
    vindt_ook: [x]
"""


def test_every_mistake_is_reported_at_its_line_and_the_build_stops(tmp_path, monkeypatch):
    hub = project(tmp_path, {"_data/synoniemen.yml": BROKEN, "artikelen/a.md": article("Armoede")})
    monkeypatch.chdir(hub.root)
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "docs/_data/synoniemen.yml:2:5: synoniemen.gelijk: vul minstens 2 waarden in",
        "docs/_data/synoniemen.yml:4:5: synoniemen.vindt: onbekend veld 'vindt'; bedoelde je 'vindt_ook'?",
        "docs/_data/synoniemen.yml:5:5: synoniemen: gebruik óf 'gelijk', óf 'zoekwoord' met 'vindt_ook', "
        "niet allebei",
        "docs/_data/synoniemen.yml:10:5: synoniemen.zoekwoord: zoekwoord 'Geldzorgen' staat al op regel 8; "
        "voeg de woorden daar samen",
        "docs/_data/synoniemen.yml:12:5: synoniemen.zoekwoord: mag niet leeg zijn",
    ]
    hub.build_fails()


def test_not_a_list_and_bad_yaml(tmp_path):
    synonyms, problems = load_synonyms(_write(tmp_path / "a", "synoniemen: armoede\n"), "s.yml")
    assert [str(p) for p in problems] == ["s.yml:1:1: synoniemen: hier hoort een lijst, bijvoorbeeld [armoede]"]
    synonyms, problems = load_synonyms(_write(tmp_path / "b", "synoniemen: [armoede\n"), "s.yml")
    assert len(problems) == 1 and str(problems[0]).startswith("s.yml:2:1: yaml: ")
    synonyms, problems = load_synonyms(_write(tmp_path / "c", b"synoniemen: [\xff]\n"), "s.yml")
    assert [str(p) for p in problems] == ["s.yml:1:1: bestand: het bestand is geen leesbare UTF-8-tekst"]


def _write(folder: Path, content) -> Path:
    folder.mkdir(parents=True)
    path = folder / "synoniemen.yml"
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return folder


def test_valid_entries_of_a_broken_file_still_count(tmp_path):
    (tmp_path / "synoniemen.yml").write_text(BROKEN, encoding="utf-8")
    synonyms, problems = load_synonyms(tmp_path, "synoniemen.yml")
    assert len(problems) == 5
    assert synonyms.analysed(analyse) == {"geldzorg": [["schuld"]]}


def test_the_hubs_own_list_is_valid_and_both_directions_work():
    synonyms, problems = load_synonyms(REPO / "docs" / "_data", "docs/_data/synoniemen.yml")
    assert problems == []
    table = synonyms.analysed(analyse)
    assert ["bestaanszeker"] in table["armoed"] and ["schuld"] in table["armoed"]
    assert "bestaanszeker" not in table or ["armoed"] not in table.get("bestaanszeker", [])  # one way only
    assert table["wmo"] == [["maatschapp", "ondersteun"]] and table["maatschapp ondersteun"] == [["wmo"]]
    assert ["privacy"] in table["avg"] and ["avg"] in table["privacy"]


def test_no_file_no_synonyms(tmp_path):
    synonyms, problems = load_synonyms(Path(tmp_path), "x")
    assert synonyms.pairs == [] and problems == []
