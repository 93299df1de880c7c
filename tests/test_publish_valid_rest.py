"""A default build publishes the valid rest; a strict build (pull requests) fails on any error."""

import json

import pytest
from click.testing import CliRunner
from sitebuilder import Site, article, project

from kennisbank.cli import main
from kennisbank.mkdocs.commands import BuildFailed, build_site

PNG = b"\x89PNG\r\n\x1a\n"

GOOD = """Lees ook [het gevaarlijke artikel](gevaarlijk.md), [het kapotte artikel](kapot.md#inleiding),
[een concept](concept.md) en [iets dat niet bestaat](bestaat-niet.md).

Dit blijft een link: [de wiki](https://example.org/wiki).

```markdown
[een voorbeeld in code](gevaarlijk.md)
```

![Klassendiagram van het gegevensmodel](../afbeeldingen/EAID_1A2B3C4D_5E6F.png)

![Foto van het gemeentehuis](../afbeeldingen/Foto Gemeentehuis.JPG)
"""

FILES = {
    "artikelen/goed.md": article("Goed artikel", body=GOOD),
    "artikelen/gevaarlijk.md": article("Gevaarlijk artikel",
                                       body='Tekst.\n\n<img src="../afbeeldingen/EAID_1A2B3C4D_5E6F.png" alt="x" onerror="alert(1)">\n'),
    "artikelen/kapot.md": article("Kapot artikel", samenvatting=None),
    "artikelen/concept.md": article("Concept", status="concept", body="Zie [het andere concept](concept-twee.md).\n"),
    "artikelen/concept-twee.md": article("Concept twee", status="concept", body="Nog niet af.\n"),
    "artikelen/concept-kapot.md": article("Kapot concept", status="concept", themas=["bestaat-niet"]),
    "afbeeldingen/EAID_1A2B3C4D_5E6F.png": PNG,
    "afbeeldingen/Foto Gemeentehuis.JPG": PNG,
}

SKIPPED_DANGER = ("docs/artikelen/gevaarlijk.md:12:1: html: het attribuut 'onerror' is niet toegestaan: "
                  "het voert code uit in de browser")
SKIPPED_FIELD = "docs/artikelen/kapot.md:2:1: samenvatting: verplicht veld ontbreekt"


@pytest.fixture(scope="module")
def lenient(tmp_path_factory):
    hub = project(tmp_path_factory.mktemp("lenient"), FILES)
    publication = build_site(hub.root / "mkdocs.yml", hub.root / "site", strict=False)
    return hub, publication


def test_valid_items_are_published_and_items_with_errors_left_out(lenient):
    hub, publication = lenient
    site = hub.root / "site"
    assert (site / "artikelen/goed/index.html").is_file()
    for left_out in ("gevaarlijk", "kapot", "concept", "concept-twee", "concept-kapot"):
        assert not (site / f"artikelen/{left_out}").exists(), left_out
    assert publication.summary() == "1 van 3 items gepubliceerd; 2 overgeslagen"


def test_links_to_pages_that_are_not_published_become_plain_text(lenient):
    hub, _ = lenient
    site = Site(hub.root / "site")
    text = site.text("artikelen/goed/")
    assert ("Lees ook het gevaarlijke artikel, het kapotte artikel, een concept en iets dat niet bestaat."
            in text)
    links = site.links("artikelen/goed/")
    assert "https://example.org/wiki" in links
    assert not [link for link in links if "gevaarlijk" in link or "kapot" in link or "concept" in link]
    assert "gevaarlijk.md" in text.split("de wiki")[1]  # code is shown as written


def test_harmless_image_names_are_published(lenient):
    hub, _ = lenient
    html = (hub.root / "site/artikelen/goed/index.html").read_text(encoding="utf-8")
    assert 'src="../../afbeeldingen/EAID_1A2B3C4D_5E6F.png"' in html
    assert 'src="../../afbeeldingen/Foto%20Gemeentehuis.JPG"' in html
    assert (hub.root / "site/afbeeldingen/Foto Gemeentehuis.JPG").is_file()


def test_left_out_items_are_not_listed_anywhere(lenient):
    hub, _ = lenient
    site = Site(hub.root / "site")
    theme = site.text("themas/bestaanszekerheid/")
    assert "Goed artikel" in theme
    assert "Gevaarlijk artikel" not in theme and "Kapot artikel" not in theme
    index = "".join(p.read_text(encoding="utf-8") for p in (hub.root / "site/zoeken/index").glob("d*.js"))
    assert "Goed artikel" in index and "Gevaarlijk artikel" not in index and "Kapot concept" not in index


def test_report_names_every_left_out_file_with_its_reasons(lenient):
    _, publication = lenient
    report = publication.report()
    assert report["samenvatting"] == "1 van 3 items gepubliceerd; 2 overgeslagen"
    assert report["gepubliceerd"] == 1
    assert [(entry["pad"], [p["melding"] for p in entry["fouten"]]) for entry in report["overgeslagen"]] == [
        ("docs/artikelen/gevaarlijk.md", ["het attribuut 'onerror' is niet toegestaan: het voert code uit in de "
                                          "browser"]),
        ("docs/artikelen/kapot.md", ["verplicht veld ontbreekt"]),
    ]
    messages = [f"{p['pad']}:{p['regel']}:{p['kolom']}: {p['veld']}: {p['melding']} ({p['ernst']})"
                for p in report["meldingen"]]
    good = "docs/artikelen/goed.md"
    assert f"{good}:10:10: link: 'gevaarlijk.md' verwijst naar docs/artikelen/gevaarlijk.md, dat wegens fouten " \
           "niet is gepubliceerd; de linktekst staat als gewone tekst op de pagina (waarschuwing)" in messages
    assert f"{good}:11:1: link: 'concept.md' verwijst naar een concept; dat wordt niet gepubliceerd. " \
           "Verwijder de link of publiceer het item eerst (status: gepubliceerd) (vormfout)" in messages
    assert not [m for m in messages if m.startswith("docs/artikelen/concept.md")]  # concept to concept is fine


def test_strict_build_fails_on_every_error(tmp_path, caplog):
    project(tmp_path, FILES).build_fails()
    failure = "\n".join(r.getMessage() for r in caplog.records)
    assert SKIPPED_DANGER in failure
    assert SKIPPED_FIELD in failure
    assert "docs/artikelen/goed.md:11:1: link: 'concept.md' verwijst naar een concept" in failure
    assert "docs/artikelen/concept-kapot.md" in failure  # a strict build (a pull request) checks concepts too


def test_cli_build_writes_the_summary_and_the_report(tmp_path, monkeypatch):
    hub = project(tmp_path, FILES)
    monkeypatch.chdir(hub.root)
    result = CliRunner().invoke(main, ["build", "--site-dir", "site", "--rapport", "rapport.json"])
    assert result.exit_code == 0, result.output
    assert "1 van 3 items gepubliceerd; 2 overgeslagen" in result.stderr
    report = json.loads((hub.root / "rapport.json").read_text(encoding="utf-8"))
    assert [entry["pad"] for entry in report["overgeslagen"]] == ["docs/artikelen/gevaarlijk.md",
                                                                 "docs/artikelen/kapot.md"]
    strict = CliRunner().invoke(main, ["build", "--strict", "--site-dir", "site"])
    assert strict.exit_code == 1 and SKIPPED_DANGER in strict.output
    assert (hub.root / "site/artikelen/goed/index.html").is_file()  # the failed build left the site alone


def test_a_configuration_error_still_stops_a_default_build(tmp_path, caplog):
    hub = project(tmp_path, {"artikelen/goed.md": article("Goed artikel")})
    config = hub.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("extra:\n  kennisbank:\n", "extra:\n  kennisbank:\n    onbekend: 1\n")
    config.write_text(text, encoding="utf-8")
    with pytest.raises(BuildFailed):
        hub.build(strict=False)
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "mkdocs.yml:" in logged and "onbekend" in logged
    assert not (hub.root / "site").exists()


def test_symbolic_links_are_never_published(tmp_path):
    outside = tmp_path / "buiten"
    outside.mkdir()
    (outside / "geheim.txt").write_text("GEHEIM-BUITEN-DE-REPO", encoding="utf-8")
    hub = project(tmp_path, {"artikelen/goed.md": article("Goed artikel")})
    (hub.docs / "gekoppeld").symlink_to(outside, target_is_directory=True)
    (hub.docs / "wachtwoord.txt").symlink_to(outside / "geheim.txt")
    publication = build_site(hub.root / "mkdocs.yml", hub.root / "site", strict=False)
    assert sorted(publication.left_out) == ["gekoppeld", "wachtwoord.txt"]
    assert (hub.root / "site/artikelen/goed/index.html").is_file()
    published = [p for p in (hub.root / "site").rglob("*") if p.is_file()]
    assert not [p for p in published if "GEHEIM" in p.read_text(encoding="utf-8", errors="replace")]
