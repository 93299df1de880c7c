"""PDFs survive bad input: missing and remote images, enormous tables, long words, emoji, tabs;
and one PDF that fails is reported with its page while every other PDF is still made."""

from __future__ import annotations

import logging
import os

import pytest
from hostile import checks_switched_off
from pdfs import outline, pdfs_on, render_page, squeeze, text, text_by_font, word_boxes
from pypdf import PdfReader
from sitebuilder import article, project

import kennisbank.outputs.pdf.engine as engine
from kennisbank.content.hub import load_hub
from kennisbank.index.hub_index import index_hub
from kennisbank.outputs.pdf import Page, PdfDocument, build_pdfs, page_documents
from kennisbank.outputs.pdf.plan import Part

pytestmark = [pytest.mark.pdf, pytest.mark.slow]

LONG_WORD = "Gemeentelijkeherindelingsadviescommissievergadering" * 6
LONG_URL = "https://www.voorbeeld.nl/" + "heel-lang-pad/" * 30 + "einde"
TABLE = "| " + " | ".join(f"Kolom {c}" for c in range(14)) + " |\n" + "| --- " * 14 + "|\n" + "".join(
    "| " + " | ".join(f"r{r}c{c} waarde" for c in range(14)) + " |\n" for r in range(150)) + (
    "| " + " | ".join([LONG_URL] + [f"laatste{c}" for c in range(1, 14)]) + " |\n")
A4_WIDTH = 595.28
LEFT_MARGIN, RIGHT_MARGIN = 62.36, 56.69  # print.css: @page margin 22mm 20mm 22mm 22mm, in points
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
    # (A page break may fall between two tabs, never between a label and its content.)
    first, second = squeeze("Gemeente Inhoud voor de gemeente"), squeeze("Provincie Inhoud voor de provincie")
    assert first in document and second in document and document.index(first) < document.index(second)
    titles = [t for _, t in outline(reader)]
    assert titles[:2] == ["Rommelig", "Afbeeldingen"] and "Tabel" in titles
    for page in reader.pages:  # nothing made the pages wider than A4
        assert round(float(page.mediabox[2])) == 595
    render_page(pdf, 4, "pdf-bad-input")


def test_missing_and_remote_images_leave_their_alt_text(messy):
    document = squeeze(text(PdfReader(messy.root / "artikelen/rommelig.pdf")))
    assert squeeze("Kaart van de regio") in document  # the image file does not exist
    assert squeeze("Logo op een andere site") in document  # the PDF never fetches from another host


def test_long_words_and_urls_wrap_inside_the_page(messy):
    boxes = word_boxes(messy.root / "artikelen/rommelig.pdf")
    # Every word, in the text, the code and the table, lies between the page margins: nothing is cut off.
    outside = [(page, word) for page, left, right, width, word in boxes
               if left < LEFT_MARGIN - 1 or right > width - RIGHT_MARGIN + 1]
    assert not outside
    assert {round(width) for *_, width, _ in boxes} == {round(A4_WIDTH)}
    # The 306-letter word is broken over several lines (with a hyphen), and all of it is printed.
    pieces = [word for *_, word in boxes if "herindelings" in word or "commissie" in word]
    assert len(pieces) >= 6
    assert squeeze(LONG_WORD) in squeeze(" ".join(word for *_, word in boxes))
    url_lines = [word for *_, word in boxes if "heel-lang-pad" in word]
    assert len(url_lines) >= 4 and any(word.endswith("einde") for word in url_lines)


def test_emoji_are_drawn_with_the_emoji_font(messy):
    reader = PdfReader(messy.root / "artikelen/rommelig.pdf")
    document = text(reader)
    # Typed emoji, and :smile: as its character (kennisbank.site.emoji: no twemoji picture from a CDN).
    for emoji in ("🎉", "😄", "✅"):
        assert emoji in document, emoji
    drawn = text_by_font(reader)
    if "Noto-Color-Emoji" not in drawn and os.environ.get("CI") != "true":
        pytest.skip("Noto Color Emoji not installed; install Debian's fonts-noto-color-emoji "
                    "(scripts/ensure-system-deps)")
    # The emoji font draws the emoji and nothing else: not digits or letters (as bitmaps) beside them.
    assert set(drawn["Noto-Color-Emoji"]) == {"🎉", "😄", "✅"}
    assert "Feest" in drawn["DejaVu-Sans"] and "2" in drawn["DejaVu-Sans"]


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


def test_pdfs_render_in_parallel_worker_processes_and_a_failure_stays_with_its_pdf(messy, tmp_path, monkeypatch):
    pools = []

    class Recording(engine.ProcessPoolExecutor):
        def __init__(self, max_workers=None, **kwargs):
            pools.append(max_workers)
            super().__init__(max_workers=max_workers, **kwargs)

    monkeypatch.setattr(engine, "ProcessPoolExecutor", Recording)
    monkeypatch.setattr(engine.os, "cpu_count", lambda: 2)
    hub = index_hub(load_hub(messy.root.parent / "docs", messy.root.parent))
    documents = [d for d in page_documents(hub) if d.page in ("artikelen/gewoon.md", "themas/bestaanszekerheid.md")]
    # A PDF of a page that is not there: composing it fails inside a worker process.
    documents.append(PdfDocument("artikelen/kapot.pdf", "Kapot", "Artikel", "", (Part(None, ("artikelen/kapot.md",)),),
                                 "artikelen/kapot.md"))
    pages = {src: Page(src, src[:-3] + "/index.html") for d in documents for src in d.pages}
    outcomes = build_pdfs(documents, pages, messy.root, tmp_path)  # workers=0: one per core
    assert pools == [2]
    by_target = {o.document.target: o for o in outcomes}
    assert sorted(by_target) == ["artikelen/gewoon.pdf", "artikelen/kapot.pdf", "themas/bestaanszekerheid.pdf"]
    assert by_target["artikelen/kapot.pdf"].error.startswith("FileNotFoundError: ")
    assert not (tmp_path / "artikelen/kapot.pdf").exists()
    for target in ("artikelen/gewoon.pdf", "themas/bestaanszekerheid.pdf"):
        assert by_target[target].error is None and by_target[target].size > 0
        assert squeeze("Gewoon") in squeeze(text(PdfReader(tmp_path / target)))
