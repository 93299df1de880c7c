"""Broken and hostile files: a clear message each, bounded memory, and no effect on the other items."""

import tracemalloc

from click.testing import CliRunner
from sitebuilder import article, practice, project

from kennisbank.cli.commands import main
from kennisbank.content.hub import load_hub

BOMB = ("---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
        "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n---\n")
HOSTILE = {
    "artikelen/alias-bom.md": BOMB,
    "artikelen/binair.md": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    "artikelen/word-plak.md": article(title="Caf\xe9 \u2018slim\u2019").encode("cp1252"),
    "artikelen/met-bom.md": "\ufeff" + article(title="Met BOM"),
    "artikelen/windows-regels.md": article(title="Windows-regels").replace("\n", "\r\n"),
    "artikelen/tabs.md": article().replace("themas: [bestaanszekerheid]", "themas:\n\t- bestaanszekerheid"),
    "artikelen/dubbele-sleutel.md": article().replace("type: artikel", "type: artikel\ntitel: Nog een titel"),
    "artikelen/niet-afgesloten.md": "---\ntitel: Vergeten\ntype: artikel\n\nTekst zonder afsluitende streepjes.\n",
    "artikelen/script.md": article(body="Tekst.\n\n<script>alert(1)</script>\n"),
    "artikelen/goed.md": article(title="Een goed artikel"),
    "praktijkvoorbeelden/ook-goed.md": practice(title="Een goed voorbeeld"),
}


def hostile_hub(tmp_path):
    hub = project(tmp_path, HOSTILE)
    with open(hub.docs / "artikelen" / "vijftig-mb.md", "wb") as big:
        big.truncate(50 * 1024 * 1024)  # sparse: 50 MB on paper, nothing to write
    return hub


def test_each_hostile_file_gets_one_clear_message(tmp_path, monkeypatch):
    hub = hostile_hub(tmp_path)
    monkeypatch.chdir(hub.root)
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 1 and result.exception is not None and isinstance(result.exception, SystemExit)
    assert result.stdout.splitlines() == [
        "docs/artikelen/alias-bom.md:3:8: yaml: YAML-verwijzingen ('*naam') zijn niet toegestaan; "
        "schrijf de waarde voluit",
        "docs/artikelen/binair.md:1:1: bestand: dit is geen tekstbestand (binaire inhoud); lever Markdown-tekst aan",
        "docs/artikelen/dubbele-sleutel.md:5:1: titel: veld 'titel' staat twee keer in de frontmatter "
        "(eerder op regel 2); houd er één over",
        "docs/artikelen/met-bom.md:1:1: bestand: bestand begint met een BOM-teken; dat is verwijderd, sla het "
        "bestand op als 'UTF-8 zonder BOM'",
        "docs/artikelen/niet-afgesloten.md:1:1: frontmatter: de frontmatter wordt niet afgesloten; zet een regel "
        "met alleen '---' onder de laatste eigenschap",
        "docs/artikelen/script.md:12:1: html: <script> is niet toegestaan: code in een bijdrage zou in de browser "
        "van bezoekers draaien; wil je HTML als voorbeeld tonen, zet het dan in een codeblok tussen ``` en ```",
        "docs/artikelen/tabs.md:6:1: yaml: tabs zijn in de frontmatter niet toegestaan; gebruik spaties om in "
        "te springen",
        "docs/artikelen/vijftig-mb.md:1:1: bestand: bestand is te groot (50.0 MB; maximaal 2 MB); splits de tekst "
        "op of verwijder ingeplakte data",
        "docs/artikelen/word-plak.md:2:11: bestand: bestand is niet in UTF-8 opgeslagen (waarschijnlijk "
        "Windows-1252, bijvoorbeeld geplakt uit Word); sla het op als UTF-8",
    ]


def test_broken_files_never_remove_valid_items_and_memory_stays_small(tmp_path):
    hub = hostile_hub(tmp_path)
    tracemalloc.start()
    loaded = load_hub(hub.docs, hub.root)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 30 * 1024 * 1024  # neither the alias bomb nor the 50 MB file is ever expanded or read
    # Every file whose frontmatter is valid is still an item; the unsafe body fails the build, not the loading.
    assert sorted(loaded.items) == ["artikelen/goed.md", "artikelen/met-bom.md", "artikelen/script.md",
                                    "artikelen/windows-regels.md", "praktijkvoorbeelden/ook-goed.md"]
    assert "\r" not in loaded.items["artikelen/windows-regels.md"].body
