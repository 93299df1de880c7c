"""Every message a contributor sees is Dutch, names file, line and field, and says what to do."""

from click.testing import CliRunner
from sitebuilder import article, project

from kennisbank.cli import main
from kennisbank.content.messages import dutch_message

COURSE = ("---\ntitel: Cursus\nsamenvatting: Over de cursus.\ntype: cursus\nthemas: [bestaanszekerheid]\n"
          "auteurs: [VNG]\ngepubliceerd: 2024-01-01\ndoelgroep: [ambtenaren]\nniveau: basis\n"
          "duur_minuten: .inf\nleerdoelen: [Iets leren]\n---\nTekst.\n")
FILES = {
    "artikelen/trefwoorden.md": article(tags=["~", "123", "true"]),
    "artikelen/apenstaart.md": article(titel="@gemeente"),
    "artikelen/backslash.md": article(titel='"C:\\q"'),
    "artikelen/accolade.md": article(titel="{a: 1"),
    "artikelen/haak.md": article(titel="[a, b"),
    "artikelen/lijstregel.md": article(extra="- x"),
    "artikelen/onleesbaar.md": article(titel="{a: [}"),
    "artikelen/stuurteken.md": article(titel="a\x01b"),
    "artikelen/kladblok.md": article().encode("utf-16"),
    "artikelen/yaml-en-tekst.md": "---\ntitel: Warmte: een aanpak\n---\n\n<script>alert(1)</script>\n",
    "academie/oneindig/index.md": COURSE,
}
INVALID = "ongeldige YAML"


def test_yaml_pydantic_and_encoding_problems_are_explained_in_dutch(tmp_path, monkeypatch):
    hub = project(tmp_path, FILES)
    monkeypatch.chdir(hub.root)
    result = CliRunner().invoke(main, ["check"])
    assert result.stdout.splitlines() == [
        "docs/academie/oneindig/index.md:10:1: duur_minuten: hier hoort een getal, niet 'inf'",
        f"docs/artikelen/accolade.md:3:13: yaml: {INVALID}: velden tussen {{ }} zijn niet goed afgesloten; scheid "
        "ze met komma's",
        f"docs/artikelen/apenstaart.md:2:8: yaml: {INVALID}: een waarde kan niet beginnen met '@'; zet de waarde "
        "tussen aanhalingstekens",
        f"docs/artikelen/backslash.md:2:12: yaml: {INVALID}: tussen dubbele aanhalingstekens begint \\ een code; "
        "gebruik enkele aanhalingstekens ('…') of schrijf \\\\",
        f"docs/artikelen/haak.md:3:13: yaml: {INVALID}: een lijst tussen [ ] is niet goed afgesloten; scheid de "
        "waarden met komma's",
        "docs/artikelen/kladblok.md:1:1: bestand: bestand is als UTF-16 opgeslagen (bijvoorbeeld door Kladblok of "
        "Word als 'Unicode'); sla het op als UTF-8",
        f"docs/artikelen/lijstregel.md:8:8: yaml: {INVALID}: hier mag geen lijstregel ('- …') staan; zet de lijst "
        "ingesprongen onder een veld",
        f"docs/artikelen/onleesbaar.md:2:13: yaml: {INVALID}; controleer op deze regel de aanhalingstekens, "
        "haakjes, dubbele punten en het inspringen",
        "docs/artikelen/stuurteken.md:2:9: yaml: de waarde bevat het onzichtbare teken U+0001, dat niet in een "
        "webpagina of feed kan staan; verwijder het",
        "docs/artikelen/trefwoorden.md:8:8: tags: een lege waarde is geen trefwoord; verwijder hem of vul hem in",
        "docs/artikelen/trefwoorden.md:8:11: tags: een trefwoord is tekst, niet '123'; bedoel je de tekst, zet "
        'hem dan tussen aanhalingstekens: "123"',
        "docs/artikelen/trefwoorden.md:8:16: tags: een trefwoord is tekst, niet 'true'; bedoel je de tekst, zet "
        'hem dan tussen aanhalingstekens: "true"',
        # A YAML mistake does not hide the body's problems.
        f"docs/artikelen/yaml-en-tekst.md:2:14: yaml: {INVALID}: een dubbele punt in een waarde; zet de waarde "
        "tussen aanhalingstekens",
        "docs/artikelen/yaml-en-tekst.md:5:1: html: <script> is niet toegestaan: code in een bijdrage zou in de "
        "browser van bezoekers draaien; wil je HTML als voorbeeld tonen, zet het dan in een codeblok tussen ``` "
        "en ```",
    ]
    assert result.exit_code == 1


def test_no_pydantic_error_type_falls_through_to_english():
    for kind in ("finite_number", "date_from_datetime_inexact", "url_parsing", "uuid_type", "json_invalid"):
        message = dutch_message({"type": kind, "loc": ("veld",), "msg": "Input should be …", "input": "x"})
        assert "Input" not in message and message.startswith(("ongeldige waarde 'x'", "hier hoort"))
