"""PDFs survive bad input: missing and remote images, enormous tables, long words, emoji, tabs;
and one PDF that fails is reported with its page while every other PDF is still made."""

from __future__ import annotations

import logging

import pytest
from pypdf import PdfReader

import kennisbank.pdf.engine as engine
from hostile import checks_switched_off
from pdfs import outline, pdfs_on, render_page, squeeze, text
from sitebuilder import article, project

LONG_WORD = "Gemeentelijkeherindelingsadviescommissievergadering" * 6
LONG_URL = "https://www.voorbeeld.nl/" + "heel-lang-pad/" * 30 + "einde"
TABLE = "| " + " | ".join(f"Kolom {c}" for c in range(14)) + " |\n" + "| --- " * 14 + "|\n" + "".join(
    "| " + " | ".join(f"r{r}c{c} waarde" for c in range(14)) + " |\n" for r in range(150))
MESSY = f"""
## Afbeeldingen

![Kaart van de regio](ontbreekt.png)

![Logo op een andere site](https://example.org/logo.png)

## Lang

{LONG_WORD} en {LONG_URL} en `{LONG_WORD}`.

## Tabel

{TABLE}

## Emoji

Feest 🎉 en :smile: en ✅ klaar.

## Tabs

=== "Gemeente"

    Inhoud voor de gemeente.

=== "Provincie"

    Inhoud voor de provincie.

## Blokken

!!! note "Let op"

    Een opmerking met een voetnoot[^1].

```python
def hallo():
    return "wereld"
```

[^1]: De voetnoot zelf.
"""


def pdf_settings(workers: int) -> str:
    return f"\nextra:\n  kennisbank:\n    pdf:\n      workers: {workers}\n"


@pytest.fixture(scope="module")
def messy(tmp_path_factory):
    hub_project = project(tmp_path_factory.mktemp("messy"), {
        "artikelen/rommelig.md": article("Rommelig", body=MESSY),
        "artikelen/gewoon.md": article("Gewoon"),
    })
    # `kennisbank check` rejects the missing image; the PDF engine must still cope if one slips through.
    with pdfs_on(), checks_switched_off():
        return hub_project.build(strict=False)  # strict MkDocs refuses the missing image itself


def test_messy_item_still_gets_a_readable_pdf(messy):
    pdf = messy.root / "artikelen/rommelig.pdf"
    reader = PdfReader(pdf)
    document = squeeze(text(reader))
    for expected in (LONG_WORD, "Inhoud voor de provincie", "De voetnoot zelf",
                     "Kaart van de regio", "return wereld", "Feest"):
        assert squeeze(expected) in document, expected
    # The 150-row table wraps into the page width and runs over several pages, repeating its header.
    assert document.count(squeeze("Kolom 13")) >= 3
    # Both tabs are printed, each under its label; the tabs' radio buttons are not.
    assert squeeze("Gemeente Inhoud voor de gemeente Provincie Inhoud voor de provincie") in document
    titles = [t for _, t in outline(reader)]
    assert titles[:2] == ["Rommelig", "Afbeeldingen"] and "Tabel" in titles
    for page in reader.pages:  # nothing made the pages wider than A4
        assert round(float(page.mediabox[2])) == 595
    render_page(pdf, 4, "pdf-bad-input")


def test_one_failing_pdf_is_reported_and_the_others_are_still_made(tmp_path, monkeypatch, caplog):
    real = engine.make_pdf

    def failing(document, *args, **kwargs):
        if document.title == "Kapot":
            raise RuntimeError("kapot gemaakt voor de test")
        return real(document, *args, **kwargs)

    monkeypatch.setattr(engine, "make_pdf", failing)
    hub_project = project(tmp_path, {"artikelen/kapot.md": article("Kapot"), "artikelen/heel.md": article("Heel")})
    with open(hub_project.root / "mkdocs.yml", "a", encoding="utf-8") as config:
        config.write(pdf_settings(workers=1))  # render in this process, where the test replaced make_pdf
    message = ("docs/artikelen/kapot.md:1:1: pdf: de PDF 'artikelen/kapot.pdf' van 'Kapot' kon niet worden "
               "gemaakt (RuntimeError: kapot gemaakt voor de test); de link 'Download als PDF' op deze pagina "
               "werkt niet")
    with pdfs_on(), caplog.at_level(logging.WARNING, logger="mkdocs.kennisbank"):
        site = hub_project.build(strict=False)
    assert [(r.levelname, r.getMessage()) for r in caplog.records if r.name == "mkdocs.kennisbank"] == [
        ("WARNING", message)]
    assert not (site.root / "artikelen/kapot.pdf").exists()
    assert (site.root / "artikelen/heel.pdf").read_bytes().startswith(b"%PDF-")
    assert (site.root / "themas/bestaanszekerheid.pdf").read_bytes().startswith(b"%PDF-")

    caplog.clear()
    with pdfs_on(), caplog.at_level(logging.WARNING, logger="mkdocs.kennisbank"):
        failure = hub_project.build_fails()
    assert "strict" in failure
    assert [(r.levelname, r.getMessage()) for r in caplog.records if r.name == "mkdocs.kennisbank"] == [
        ("ERROR", message)]
