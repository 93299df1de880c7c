"""Bounded work per file: inputs that once hung `check` or the build, or crashed them, get a message in seconds.

Each run is a subprocess with a time limit, so a regression fails the test instead of hanging the suite.
"""

import subprocess
import sys
import time

from sitebuilder import article, project

KB = 80 * 1024
HOSTILE = {
    "artikelen/backticks.md": article(body="Tekst " + "`" * KB + "\n"),
    "artikelen/open-links.md": article(body="<a \n" * (KB // 4)),
    "artikelen/commentaar.md": article(body="<!--" * (KB // 4) + "\n"),
    "artikelen/spaties.md": article(body="[a](" + " " * KB + "\n"),
    "artikelen/afbeeldingen.md": article(body="![\n" * 600),
    "artikelen/diepe-lijst.md": article(body="".join("    " * i + "- a\n" for i in range(600))),
    "artikelen/lijst-op-een-regel.md": article(body="- " * 600 + "a\n"),
    "artikelen/brede-tabel.md": article(body="|a" * 100 + "|\n" + "|-" * 100 + "|\n"),
    "artikelen/lange-kop.md": article(body="## " + "kop " * 100 + "\n"),
    "artikelen/diepe-yaml.md": "---\ntitel: " + "[" * 1000 + "]" * 1000 + "\n---\n\n<script>x</script>\n",
    "artikelen/goed.md": article(title="Een goed artikel"),
}
PARAGRAPH = "deze alinea bevat meer dan 250 keer '{}'; dat maakt het omzetten naar een webpagina onwerkbaar traag; " \
            "splits de alinea op, of zet de tekens in een codeblok tussen ``` en ```"
FLATTER = "maak de opbouw platter, bijvoorbeeld met tussenkoppen"
EXPECTED = [
    "docs/artikelen/afbeeldingen.md:260:1: tekst: " + PARAGRAPH.format("["),
    "docs/artikelen/backticks.md:10:1: tekst: " + PARAGRAPH.format("`"),
    "docs/artikelen/backticks.md:10:1: tekst: het bestand bevat meer dan 5.000 keer '`' buiten codeblokken; "
    "verdeel de tekst over meer pagina's",
    "docs/artikelen/backticks.md:10:20001: tekst: deze regel is te lang (81.926 tekens; maximaal 20.000); zet "
    "witregels tussen de alinea's of verwijder ingeplakte gegevens",
    "docs/artikelen/brede-tabel.md:11:1: tekst: deze tabel heeft 100 kolommen (maximaal 64); splits de tabel, of "
    "voeg de gegevens toe als CSV- of Excel-bestand en link ernaar",
    "docs/artikelen/commentaar.md:10:1: tekst: " + PARAGRAPH.format("<"),
    "docs/artikelen/commentaar.md:10:1: tekst: het bestand bevat meer dan 2.000 keer '<' buiten codeblokken; "
    "verdeel de tekst over meer pagina's",
    "docs/artikelen/commentaar.md:10:20001: tekst: deze regel is te lang (81.920 tekens; maximaal 20.000); zet "
    "witregels tussen de alinea's of verwijder ingeplakte gegevens",
    "docs/artikelen/diepe-lijst.md:36:1: tekst: deze regel springt 104 posities in (maximaal 100); " + FLATTER,
    "docs/artikelen/diepe-yaml.md:2:1: yaml: de frontmatter is te diep genest (meer dan 20 lijsten of velden in "
    "elkaar); zet de waarden plat onder elkaar",
    "docs/artikelen/diepe-yaml.md:5:1: html: <script> is niet toegestaan: code in een bijdrage zou in de browser "
    "van bezoekers draaien; wil je HTML als voorbeeld tonen, zet het dan in een codeblok tussen ``` en ```",
    "docs/artikelen/lange-kop.md:10:1: tekst: deze kop is te lang (403 tekens; maximaal 300); maak hem korter en "
    "zet de rest in de tekst eronder",
    "docs/artikelen/lijst-op-een-regel.md:10:1: tekst: lijsten en citaten zijn hier meer dan 20 niveaus diep in "
    "elkaar gezet; " + FLATTER,
    "docs/artikelen/open-links.md:260:1: tekst: " + PARAGRAPH.format("<"),
    "docs/artikelen/open-links.md:2010:1: tekst: het bestand bevat meer dan 2.000 keer '<' buiten codeblokken; "
    "verdeel de tekst over meer pagina's",
    "docs/artikelen/spaties.md:10:20001: tekst: deze regel is te lang (81.924 tekens; maximaal 20.000); zet "
    "witregels tussen de alinea's of verwijder ingeplakte gegevens",
]
CLI = [sys.executable, "-c", "from kennisbank.cli import main; main()"]


def run(args, cwd, limit=60):
    """Run the command line; the limit guards the suite, the duration is asserted by the caller."""
    started = time.monotonic()
    done = subprocess.run(CLI + args, cwd=cwd, capture_output=True, text=True, timeout=limit)
    return done, time.monotonic() - started


def test_check_reports_every_costly_input_at_once_in_seconds(tmp_path):
    hub = project(tmp_path, HOSTILE)
    done, seconds = run(["check"], hub.root)
    assert done.stdout.splitlines() == EXPECTED
    assert done.stderr == f"{len(EXPECTED)} fouten gevonden.\n"  # no traceback
    assert done.returncode == 1
    assert seconds < 20, f"check took {seconds:.1f} s"  # each input alone took minutes before


def test_the_build_leaves_them_out_in_seconds_and_strict_stops_without_a_traceback(tmp_path):
    hub = project(tmp_path, HOSTILE)
    # The default build publishes the valid rest: each costly file is left out, the one good item published.
    done, seconds = run(["build"], hub.root)
    assert done.returncode == 0
    assert "Traceback" not in done.stderr
    assert f"1 van {len(HOSTILE)} items gepubliceerd; {len(HOSTILE) - 1} overgeslagen" in done.stderr
    assert seconds < 30, f"build took {seconds:.1f} s"
    # A pull request's strict build stops on them, all reported at once.
    done, seconds = run(["build", "--strict"], hub.root)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert f"De kennisbank bevat {len(EXPECTED)} fouten:" in done.stderr
    assert seconds < 30, f"strict build took {seconds:.1f} s"


def test_costly_markup_below_the_caps_is_built_in_seconds(tmp_path):
    # Just below the caps: 240 '![' per paragraph in twenty paragraphs (4,800 of the file's 5,000).
    body = "\n\n".join("![" * 240 for _ in range(20)) + "\n\nEinde van de tekst.\n"
    hub = project(tmp_path, {"artikelen/veel-haken.md": article(title="Veel haken", body=body)})
    done, seconds = run(["check"], hub.root)
    assert done.returncode == 0, done.stdout
    done, seconds = run(["build"], hub.root)
    assert done.returncode == 0, done.stderr
    assert "Einde van de tekst." in (hub.root / "site/artikelen/veel-haken/index.html").read_text()
    assert seconds < 30, f"build took {seconds:.1f} s"
