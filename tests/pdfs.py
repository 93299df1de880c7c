"""Reading PDFs in tests: outline, text, links and a page rendered to PNG (kept in test-artifacts/)."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"


@contextlib.contextmanager
def pdfs_on() -> Iterator[None]:
    """Builds inside make PDFs (tests/conftest.py turns them off for every other test)."""
    previous = os.environ.get("KENNISBANK_PDF")
    os.environ["KENNISBANK_PDF"] = "true"
    try:
        yield
    finally:
        os.environ["KENNISBANK_PDF"] = previous if previous is not None else "false"


def outline(reader: PdfReader) -> list[tuple[int, str]]:
    """Bookmarks as (depth, title), depth 0 at the top."""
    found: list[tuple[int, str]] = []

    def walk(entries, depth):
        for entry in entries:
            if isinstance(entry, list):
                walk(entry, depth + 1)
            else:
                found.append((depth, entry.title))

    walk(reader.outline, 0)
    return found


def contents_entries(reader: PdfReader) -> list[tuple[str, int, int]]:
    """The table of contents: (title, page number printed beside it, page its link leads to), pages from 1."""
    destinations = {name: reader.get_destination_page_number(target) + 1
                    for name, target in reader.named_destinations.items()}
    entries: list[tuple[str, int, int]] = []
    for page in reader.pages[1:]:
        lines = (page.extract_text() or "").splitlines()
        if not entries and (not lines or lines[0].strip() != "Inhoud"):
            break
        printed, title = [], ""
        for line in lines[1:] if not entries else lines:  # the first page opens with the title "Inhoud"
            match = re.fullmatch(r"(.*?)\s*(?:\.\s*)+(\d+)", line.strip())
            if match is None:
                title = f"{title} {line}".strip()  # a long title wraps onto the next line
            else:
                printed.append((f"{title} {match[1]}".strip(), int(match[2])))
                title = ""
        if not printed:
            break
        links = []  # top to bottom; an entry wrapped over two lines has a link on each
        for annotation in sorted((a.get_object() for a in page.get("/Annots") or []),
                                 key=lambda a: -float(a["/Rect"][3])):
            name = str(annotation["/Dest"]) if "/Dest" in annotation else str(annotation["/A"]["/D"])
            if not links or links[-1] != name:
                links.append(name)
        assert len(links) == len(printed), f"{len(printed)} entries but {len(links)} links"
        entries += [(title, number, destinations[name]) for (title, number), name in zip(printed, links)]
    return entries


def squeeze(text: str) -> str:
    """Letters and digits only, lower case: hyphenation and line breaks no longer matter."""
    return re.sub(r"[\W_]+", "", text.casefold())


def text(reader: PdfReader) -> str:
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def internal_links(reader: PdfReader) -> list[str]:
    """Destination names of every link annotation that points inside the PDF."""
    names = []
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            if annotation.get("/Subtype") != "/Link":
                continue
            action = annotation.get("/A")
            if "/Dest" in annotation:
                names.append(str(annotation["/Dest"]))
            elif action is not None and action.get("/S") == "/GoTo":
                names.append(str(action["/D"]))
    return names


def external_links(reader: PdfReader) -> list[str]:
    uris = []
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A")
            if action is not None and action.get("/S") == "/URI":
                uris.append(str(action["/URI"]))
    return uris


def render_page(pdf: Path, page: int, name: str) -> Path:
    """Render one page to ``test-artifacts/<name>.png`` with pdftoppm, for people to look at."""
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm not found; install Debian's poppler-utils (scripts/ensure-system-deps)")
    ARTIFACTS.mkdir(exist_ok=True)
    target = ARTIFACTS / name
    subprocess.run(["pdftoppm", "-png", "-r", "70", "-singlefile", "-f", str(page), "-l", str(page),
                    str(pdf), str(target)], check=True)
    return target.with_suffix(".png")


def text_by_font(reader: PdfReader) -> dict[str, str]:
    """The text drawn in each font (subset prefix removed: ``DejaVu-Sans``, ``Noto-Color-Emoji``)."""
    drawn: dict[str, str] = {}

    def visit(chunk, matrix, text_matrix, font, size):
        if font is not None and chunk.strip():
            name = str(font.get("/BaseFont", "")).lstrip("/").split("+", 1)[-1]
            drawn[name] = drawn.get(name, "") + chunk

    for page in reader.pages:
        page.extract_text(visitor_text=visit)
    return drawn


def word_boxes(pdf: Path) -> list[tuple[int, float, float, float, str]]:
    """Every word as (page number, left x, right x, page width, text), in points, from pdftotext -bbox."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext not found; install Debian's poppler-utils (scripts/ensure-system-deps)")
    xhtml = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True,
                           text=True).stdout
    boxes = []
    for number, page in enumerate(re.findall(r"<page (.*?)</page>", xhtml, re.S), start=1):
        width = float(re.search(r'width="([\d.]+)"', page).group(1))
        for left, right, word in re.findall(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" '
                                            r'yMax="[\d.]+">([^<]*)</word>', page):
            boxes.append((number, float(left), float(right), width, word))
    return boxes
