"""Ordinary pages (outside the content folders) may set only a few frontmatter fields: no open redirect."""

import pytest
from click.testing import CliRunner
from hostile import checks_switched_off
from sitebuilder import project

from kennisbank.cli import main

REDIRECT = ("---\ntitle: Over ons\ntemplate: redirect.html\nlocation: https://evil.example/\nauthor: Iemand\n"
            "hide: [navigation, sidebar]\nsearch:\n  boost: .nan\n---\n\n# Over ons\n\nTekst.\n")


def test_check_refuses_template_location_and_unknown_fields_of_an_ordinary_page(tmp_path, monkeypatch):
    hub = project(tmp_path, {"over-ons.md": REDIRECT})
    monkeypatch.chdir(hub.root)
    result = CliRunner().invoke(main, ["check"])
    assert result.stdout.splitlines() == [
        "docs/over-ons.md:3:1: template: 'template' is niet toegestaan: het geeft de pagina een ander sjabloon, "
        "bijvoorbeeld een doorverwijzing naar een andere website; sjablonen beheert de redactie in overrides/",
        "docs/over-ons.md:4:1: location: 'location' is niet toegestaan: met een doorverwijs-sjabloon stuurt het "
        "bezoekers naar een ander adres; link in de tekst naar de pagina die je bedoelt",
        "docs/over-ons.md:5:1: author: onbekend veld 'author'; op een gewone pagina zijn toegestaan: title, "
        "description, hide, search, tags",
        "docs/over-ons.md:6:20: hide: ongeldige waarde 'sidebar'; kies uit navigation, toc, footer, path, tags, "
        "feedback",
        "docs/over-ons.md:8:3: search.boost: hier hoort een getal, niet 'nan'",
    ]
    assert result.exit_code == 1


def test_a_build_that_publishes_anyway_does_not_redirect(tmp_path):
    hub = project(tmp_path, {"over-ons.md": REDIRECT})
    with checks_switched_off(), pytest.MonkeyPatch.context() as patch:
        patch.setattr("kennisbank.content.hub.check_page_meta", lambda *args: [])
        page = hub.build(strict=False).html("over-ons/")
    assert "evil.example" not in page and 'http-equiv="refresh"' not in page
    assert "<h1 id=\"over-ons\">Over ons" in page or ">Over ons</h1>" in page
