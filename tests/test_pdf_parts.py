"""A long PDF rendered in parts and joined reads the same as one rendered in one piece.

The whole-hub PDF of a small hub is made with ``kennisbank pdf``: once in one
piece (``part_items`` larger than the hub) and once forced into parts of two
pages, so that a type's items, a link between articles, the table of contents,
the numbering of the self-check questions and the links between questions and
the answer key all cross a part boundary.
"""

from __future__ import annotations

import logging
import re
import shutil
import subprocess
from pathlib import Path

import pikepdf
import pytest
from click.testing import CliRunner
from pdfs import contents_entries, external_links, internal_links, outline, squeeze, text
from pypdf import PdfReader
from sitebuilder import article, frontmatter, practice, project

from kennisbank.cli import main


def course(title: str) -> str:
    return frontmatter(titel=title, samenvatting="Een cursus.", type="cursus", themas=["leren-van-elkaar"],
                       auteurs=["VNG Academie"], gepubliceerd="2024-01-01", doelgroep=["ambtenaren"],
                       niveau="basis", duur_minuten=90, leerdoelen=["Je kunt iets."]) + "\nOver deze cursus.\n"


def module(order: int, title: str, question: str) -> str:
    return frontmatter(titel=title, samenvatting="Een module.", type="module", volgorde=order, duur_minuten=45,
                       leerdoelen=["Doel"]) + (
        f"\n## Uitleg\n\nTekst van {title.lower()}.\n\n## Toets jezelf\n\n!!! toets \"{question}\"\n"
        "    - [x] Ja\n    - [ ] Nee\n\n    Toelichting: omdat het zo is.\n")


FILES = {
    "artikelen/aardgasvrij.md": article("Aardgasvrije wijken", "## Aanpak\n\nWijk voor wijk.\n\n"
                                        "Zie ook [de warmtevisie](warmtevisie.md#planning).\n"),
    "artikelen/bestaanszekerheid.md": article("Bestaanszekerheid", "## Schulden\n\nVroeg erop af.\n"),
    "artikelen/circulair.md": article("Circulair inkopen", (
        'Tekst over inkopen.\n\n## Toets jezelf\n\n!!! toets "Wat koop je circulair in?"\n'
        "    - [x] Meubilair\n    - [ ] Niets\n")),
    "artikelen/datagedreven.md": article("Datagedreven werken", "Tekst over data.\n"),
    "artikelen/warmtevisie.md": article("Warmtevisie", "## Planning\n\nEerst de wijken met een "
                                        "[aardgasvrije aanpak](aardgasvrij.md).\n"),
    "praktijkvoorbeelden/zwolle.md": practice("Zwolle bespaart energie"),
    "academie/leren/index.md": course("Leren in de regio"),
    "academie/leren/01-begin.md": module(1, "Beginnen", "Begin je klein?"),
    "academie/leren/02-verder.md": module(2, "Verdergaan", "Ga je door?"),
}


def whole(hub, part_items: int, output: Path, cache: Path, caplog) -> tuple[PdfReader, str, str | None]:
    """``kennisbank pdf`` with parts of ``part_items`` pages: the PDF, the build's line about reused PDFs
    and its line about reused parts (None when made in one piece)."""
    config = hub.root / "mkdocs.yml"
    original = config.with_suffix(".orig")
    if not original.exists():
        shutil.copy2(config, original)
    shutil.copy2(original, config)
    with config.open("a", encoding="utf-8") as out:
        out.write(f"\nextra:\n  kennisbank:\n    pdf:\n      part_items: {part_items}\n")
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="mkdocs.kennisbank"):
        result = CliRunner().invoke(main, ["pdf", "-f", str(config), "-o", str(output), "--cache-dir", str(cache)])
    assert result.exit_code == 0, result.output
    lines = [r.getMessage() for r in caplog.records if r.getMessage().startswith("PDF's:")]
    assert len(lines) == 1, lines
    parts = [r.getMessage() for r in caplog.records if r.getMessage().startswith("kennisbank.pdf: ")]
    return PdfReader(output), lines[0], parts[0] if parts else None


def destinations(reader: PdfReader) -> dict[str, int]:
    return {name: reader.get_destination_page_number(dest) for name, dest in reader.named_destinations.items()}


def footers(reader: PdfReader) -> list[str]:
    """The page number printed on each page ('' on the cover)."""
    found = []
    for page in reader.pages:
        numbers = re.findall(r"Pagina \d+ van \d+", page.extract_text() or "")
        found.append(numbers[-1] if numbers else "")
    return found


def pixels(pdf: Path, page: int) -> bytes:
    """One page drawn by poppler at 50 dpi, as raw pixels."""
    return subprocess.run(["pdftoppm", "-r", "50", "-f", str(page), "-l", str(page), "-singlefile", str(pdf)],
                          capture_output=True, check=True).stdout


@pytest.mark.pdf
@pytest.mark.slow
def test_a_pdf_joined_from_parts_reads_like_one_made_in_one_piece_and_reuses_its_parts(tmp_path, caplog):
    hub = project(tmp_path, FILES)
    cache = tmp_path / "cache"
    single, line, parts = whole(hub, 100, tmp_path / "een.pdf", cache, caplog)
    assert (line, parts) == ("PDF's: 1 opnieuw gemaakt, 0 hergebruikt", None)
    joined, line, parts = whole(hub, 2, tmp_path / "delen.pdf", cache, caplog)
    assert line == "PDF's: 1 opnieuw gemaakt, 0 hergebruikt"  # not the one-piece PDF from the cache
    # 9 pages in 5 parts of 2, and the answer key
    assert parts == "kennisbank.pdf: 6 van 6 delen opnieuw gemaakt, 0 hergebruikt"

    assert len(joined.pages) == len(single.pages)
    with pikepdf.open(tmp_path / "delen.pdf") as checked:  # qpdf's structural check of the whole file
        assert checked.check_pdf_syntax() == []
    # Each part carries its own font subsets, but the objects are as compact as WeasyPrint writes them.
    assert (tmp_path / "delen.pdf").stat().st_size < 3 * (tmp_path / "een.pdf").stat().st_size
    assert squeeze(text(joined)) == squeeze(text(single))
    # Drawn the same, page numbers (laid over the parts' pages) included, to the pixel.
    for page in range(1, len(single.pages) + 1):
        assert pixels(tmp_path / "delen.pdf", page) == pixels(tmp_path / "een.pdf", page), page
    assert outline(joined) == outline(single)
    assert outline(joined)[:3] == [(0, "Artikelen"), (1, "Aardgasvrije wijken"), (2, "Aanpak")]
    assert [title for depth, title in outline(joined) if depth == 0] == [
        "Artikelen", "Praktijkvoorbeelden", "Cursussen", "Antwoorden"]
    contents = contents_entries(joined)
    assert contents == contents_entries(single)
    assert [(title, printed) for title, printed, _ in contents][:3] == [
        ("Artikelen", 3), ("Aardgasvrije wijken", 4), ("Bestaanszekerheid", 5)]
    assert all(printed == target for _, printed, target in contents), contents  # each number is where it leads
    total = len(joined.pages)
    assert footers(joined) == footers(single)
    assert footers(joined)[0] == "" and footers(joined)[1:] == [f"Pagina {n} van {total}" for n in range(2, total + 1)]

    # The questions are numbered through the document, whichever part they are in; the answer key holds all three.
    pages = [page.extract_text() for page in joined.pages]
    key = next(n for n, page in enumerate(pages) if page.lstrip().startswith("Antwoorden"))
    questions = "\n".join(pages[:key])
    assert [questions.index(f"Vraag {n}") for n in (1, 2, 3)] == sorted(questions.index(f"Vraag {n}") for n in (1, 2, 3))
    assert "Antwoord: zie antwoord 3 achterin." in questions and "Toelichting:" not in questions
    answers = squeeze("\n".join(pages[key:]))
    for expected in ("Vraag 1: Wat koop je circulair in?", "Meubilair", "Vraag 3: Ga je door?", "Toelichting:"):
        assert squeeze(expected) in answers, expected

    # Every link inside the document leads to the same page as in the one-piece PDF, also across parts.
    links, targets = internal_links(joined), destinations(joined)
    assert sorted(links) == sorted(internal_links(single))
    assert "p5--planning" in links  # aardgasvrij (part 1) to warmtevisie (part 3)
    assert {"antwoorden-1", "antwoorden-3"} <= set(links)  # from a question to its answer in the last part
    assert all(name in targets for name in links)
    assert {name: targets[name] for name in links} == {name: destinations(single)[name] for name in links}
    assert external_links(joined) == external_links(single)

    root = joined.trailer["/Root"]
    assert root["/Lang"] == "nl" and joined.metadata.title == single.metadata.title
    assert bool(root["/MarkInfo"]["/Marked"])
    assert ("/PageLabels" in root) == ("/PageLabels" in single.trailer["/Root"])
    assert structure(joined) == structure(single)  # the same tags, in the same order, on the same pages

    # Nothing changed: the joined PDF comes from the cache as it is.
    again, line, parts = whole(hub, 2, tmp_path / "weer.pdf", cache, caplog)
    assert (line, parts) == ("PDF's: 0 opnieuw gemaakt, 1 hergebruikt", None)
    assert (tmp_path / "weer.pdf").read_bytes() == (tmp_path / "delen.pdf").read_bytes()

    # One article edited: only its part is rendered again (then the front, the page numbers and the join), also
    # when the edit gives it more pages, which moves every page number after it.
    longer = "Tekst over open data.\n\n" + "Een alinea over data die de pagina vult. " * 200 + "\n"
    hub.write({"artikelen/datagedreven.md": FILES["artikelen/datagedreven.md"].replace("Tekst over data.\n", longer)})
    edited, line, parts = whole(hub, 2, tmp_path / "bewerkt.pdf", cache, caplog)
    assert line == "PDF's: 1 opnieuw gemaakt, 0 hergebruikt"
    assert parts == "kennisbank.pdf: 1 van 6 delen opnieuw gemaakt, 5 hergebruikt"
    total = len(edited.pages)
    added = total - len(joined.pages)
    assert added >= 1
    assert squeeze("Tekst over open data.") in squeeze(text(edited))
    assert outline(edited) == outline(joined)
    assert footers(edited)[1:] == [f"Pagina {n} van {total}" for n in range(2, total + 1)]
    contents = contents_entries(edited)
    assert all(printed == target for _, printed, target in contents), contents
    assert [printed for _, printed, _ in contents][-1] == [printed for _, printed, _ in contents_entries(joined)][-1] + added

    # A damaged cache only costs time: every entry is rendered again, never published.
    for entry in (p for p in cache.rglob("*") if p.is_file()):
        entry.write_bytes(entry.read_bytes()[:-100])
    again, line, parts = whole(hub, 2, tmp_path / "weer.pdf", cache, caplog)
    assert line == "PDF's: 1 opnieuw gemaakt, 0 hergebruikt"
    assert parts == "kennisbank.pdf: 6 van 6 delen opnieuw gemaakt, 0 hergebruikt"
    assert squeeze(text(again)) == squeeze(text(edited)) and outline(again) == outline(edited)
    assert contents_entries(again) == contents
    for page in range(1, total + 1):  # made from cached parts or all anew: drawn the same
        assert pixels(tmp_path / "bewerkt.pdf", page) == pixels(tmp_path / "weer.pdf", page), page


@pytest.mark.parametrize("value, message", [
    ("0", "moet minstens 1 zijn"),
    ("veel", "hier hoort een geheel getal, niet 'veel'"),
])
def test_a_wrong_part_size_is_a_dutch_error_naming_the_setting(value, message):
    from kennisbank.content.settings import load_settings

    problems = load_settings({"pdf": {"part_items": value if value == "veel" else int(value)}}, "")[1]
    assert [str(p) for p in problems] == [f"mkdocs.yml:1:1: extra.kennisbank.pdf.part_items: {message}"]


def structure(reader: PdfReader) -> list[tuple[str, int | None]]:
    """The structure tree as (type, page) in reading order, each element checked against the parent tree.

    A viewer finds an element from its content through the page's ``/StructParents`` entry of the parent
    tree: that entry must list, at each marked content's number, an element on that same page.
    """
    pages = {page.indirect_reference.idnum: number for number, page in enumerate(reader.pages)}
    root = reader.trailer["/Root"]["/StructTreeRoot"]
    parent_tree = number_tree(root["/ParentTree"])
    for number, page in enumerate(reader.pages):
        if "/StructParents" in page:
            for element in parent_tree[page["/StructParents"]].get_object():
                if element is not None and "/Pg" in element.get_object():
                    assert pages[element.get_object().raw_get("/Pg").idnum] == number
    found: list[tuple[str, int | None]] = []

    def walk(node) -> None:
        node = node.get_object()
        if not isinstance(node, dict) or "/S" not in node:
            return
        page = node.raw_get("/Pg") if "/Pg" in node else None
        found.append((str(node["/S"]), pages[page.idnum] if page is not None else None))
        kids = node.get("/K", [])
        for kid in kids if isinstance(kids, list) else [kids]:
            walk(kid)

    for top in root["/K"]:
        walk(top)
    assert len(found) > 50 and found[0] == ("/Document", None)
    return found


def number_tree(node) -> dict:
    """A number tree's entries, its kids' included (a long PDF's parent tree has a leaf per part)."""
    node = node.get_object()
    nums = node.get("/Nums", [])
    found = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
    for kid in node.get("/Kids", []):
        found.update(number_tree(kid))
    return found
