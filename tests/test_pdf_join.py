"""Joining a long PDF's parts: every name, bookmark, link and structure element survives, in bounded memory.

``tests/test_pdf_parts.py`` compares a real hub's PDF joined from parts with one made in one piece. Here the
parts are made with pikepdf (no WeasyPrint, so they can be many): enough of them that the name tree and the
parent tree need more than one level, names whose order interleaves across parts, outlines that continue a
group begun in an earlier part, and links to other parts.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pikepdf
from pikepdf import Array, Dictionary, Name, String
from pypdf import PdfReader
from test_pdf_parts import number_tree

from kennisbank.outputs.pdf.join import CROSS_PART, join

NAMES_PER_PAGE = 5
ELEMENTS_PER_PAGE = 4
TRICKY = "Zie 3 0 R (of <4 0 R>) \\ en /5 0 R, café 6 0 R"
"""Text from a contributor that looks like PDF syntax: the join renumbers references, never text."""
EMOJI = "☕ 7 0 R"
"""The same in a string qpdf writes as UTF-16, in hex."""


def name(page: int, index: int) -> str:
    """A name whose sort order has nothing to do with its page, so each part's names interleave."""
    return f"{hashlib.sha256(f'{page}-{index}'.encode()).hexdigest()[:6]}-{page}-{index}"


def make_part(path: Path, first: int, pages: int, elements: int = ELEMENTS_PER_PAGE) -> list[int]:
    """Pages ``first``… of a tagged document as WeasyPrint writes a part: a ``Document`` element, a parent tree
    numbered from 0 (pages, then link annotations), named destinations, a link to the next page by
    ``CROSS_PART``, one bookmark per page. Returns the bookmarks' levels: a group (level 0) every 7 pages,
    so most parts begin inside one."""
    pdf = pikepdf.new()
    font = pdf.make_indirect(Dictionary(Type=Name.Font, Subtype=Name.Type1, BaseFont=Name.Helvetica))
    document = pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name.Document, K=Array()))
    root = pdf.make_indirect(Dictionary(Type=Name.StructTreeRoot, K=Array([document])))
    document.P = root
    page_nums, link_nums, names, levels = Array(), Array(), {}, []
    for number in range(first, first + pages):
        page = pdf.add_blank_page(page_size=(595, 842))
        content = b"".join(b"/P <</MCID %d>> BDC BT /F1 12 Tf 72 %d Td (Pagina %d regel %d) Tj ET EMC\n"
                           % (mcid, 800 - 20 * mcid, number, mcid) for mcid in range(elements))
        page.obj.Contents = pdf.make_stream(content)
        page.obj.Resources = Dictionary(Font=Dictionary(F1=font))
        page.obj.StructParents = number - first
        found = Array()
        for mcid in range(elements):
            element = pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name.P, P=document, Pg=page.obj, K=mcid,
                                                   Alt=String(f"{TRICKY} {number}"),
                                                   ActualText=String(EMOJI)))
            document.K.append(element)
            found.append(element)
        page_nums.extend([number - first, found])
        link = pdf.make_indirect(Dictionary(
            Type=Name.Annot, Subtype=Name.Link, Rect=[72, 100, 200, 120], StructParent=pages + number - first,
            A=Dictionary(S=Name.URI, URI=String(f"{CROSS_PART}{name(number + 1, 0)}"))))
        page.obj.Annots = Array([link])
        element = pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name.Link, P=document, Pg=page.obj,
                                               K=Dictionary(Type=Name.OBJR, Obj=link)))
        document.K.append(element)
        link_nums.extend([pages + number - first, element])  # after the pages, as WeasyPrint numbers them
        for index in range(NAMES_PER_PAGE):
            names[name(number, index)] = Array([page.obj, Name.XYZ, 0, 842 - 100 * index, 0])
        levels.append(0 if number % 7 == 0 else 1)
    root.ParentTree = pdf.make_indirect(Dictionary(Nums=Array(list(page_nums) + list(link_nums))))
    root.ParentTreeNextKey = 2 * pages
    pdf.Root.StructTreeRoot = root
    pdf.Root.Lang = String("nl")
    pdf.Root.MarkInfo = Dictionary(Marked=True)
    tree = pikepdf.NameTree.new(pdf)
    for key in sorted(names):
        tree[key] = names[key]
    pdf.Root.Names = Dictionary(Dests=tree.obj)
    with pdf.open_outline() as outline:
        for offset, page in enumerate(pdf.pages):
            outline.root.append(pikepdf.OutlineItem(f"Kop {first + offset} {TRICKY}",
                                                    Array([page.obj, Name.XYZ, 0, 842, 0])))
    pdf.docinfo.Title = "Alle items"
    pdf.save(path)
    return levels


def parts(folder: Path, count: int, pages: int) -> list[tuple[Path, None, list[int]]]:
    made = []
    for number in range(count):
        path = folder / f"{number:05d}.pdf"
        made.append((path, None, make_part(path, number * pages, pages)))
    return made


def test_a_join_of_many_parts_keeps_every_name_bookmark_link_and_structure_element(tmp_path):
    count, pages = 72, 12  # 4,320 names: a name tree of two levels below its root
    joined = tmp_path / "joined.pdf"
    join(parts(tmp_path, count, pages), joined)
    total = count * pages

    with pikepdf.open(joined) as pdf:
        assert pdf.check_pdf_syntax() == []
        tree = pikepdf.NameTree(pdf.Root.Names.Dests)
        expected = sorted(name(page, index) for page in range(total) for index in range(NAMES_PER_PAGE))
        assert list(tree.keys()) == expected  # one sorted tree; qpdf checks each node's limits as it reads it
        assert "/Kids" in tree.obj and "/Kids" in tree.obj.Kids[0]
        assert int(tree[name(500, 3)][3]) == 842 - 300  # found through the limits
        assert str(pdf.Root.Lang) == "nl" and bool(pdf.Root.MarkInfo.Marked)
        assert str(pdf.docinfo.Title) == "Alle items"

    reader = PdfReader(joined)
    assert len(reader.pages) == total
    where = {key: reader.get_destination_page_number(dest) for key, dest in reader.named_destinations.items()}
    assert where == {name(page, index): page for page in range(total) for index in range(NAMES_PER_PAGE)}

    # Every link to another part leads to the next page's first name, the last one nowhere.
    for number, page in enumerate(reader.pages):
        link = page["/Annots"][0].get_object()
        assert "/A" not in link and link["/Dest"] == name(number + 1, 0)

    # One outline: a group every 7 pages, the pages between under it, also across parts.
    groups = [entry for entry in reader.outline if not isinstance(entry, list)]
    assert [entry.title for entry in groups] == [f"Kop {page} {TRICKY}" for page in range(0, total, 7)]
    nested = [entry for entry in reader.outline if isinstance(entry, list)]
    assert [[child.title for child in group] for group in nested] == [
        [f"Kop {page} {TRICKY}" for page in range(start + 1, min(start + 7, total))] for start in range(0, total, 7)]
    assert reader.trailer["/Root"]["/Outlines"]["/Count"] == total

    # One structure tree: each page's marked content and link find their elements on that page again.
    root = reader.trailer["/Root"]["/StructTreeRoot"]
    parent_tree = number_tree(root["/ParentTree"])
    page_of = {page.indirect_reference.idnum: number for number, page in enumerate(reader.pages)}
    for number, page in enumerate(reader.pages):
        elements = [element.get_object() for element in parent_tree[page["/StructParents"]]]
        assert [int(element["/K"]) for element in elements] == list(range(ELEMENTS_PER_PAGE))
        assert {(element["/Alt"], element["/ActualText"]) for element in elements} == {(f"{TRICKY} {number}", EMOJI)}
        assert {page_of[element.raw_get("/Pg").idnum] for element in elements} == {number}
        link = parent_tree[page["/Annots"][0].get_object()["/StructParent"]].get_object()
        assert link["/K"]["/Obj"].get_object() == page["/Annots"][0].get_object()
    document = root["/K"][0].get_object()
    assert document["/S"] == "/Document" and len(document["/K"]) == total * (ELEMENTS_PER_PAGE + 1)
    assert all(kid.get_object()["/P"].get_object() == document for kid in document["/K"])
    assert root["/ParentTreeNextKey"] == 2 * total


MEASURE = """
import json, sys
from pathlib import Path
from kennisbank.outputs.pdf.join import join

part, levels, copies, output = Path(sys.argv[1]), json.loads(sys.argv[2]), int(sys.argv[3]), Path(sys.argv[4])
join([(part, None, levels)] * copies, output)
status = dict(line.split(":", 1) for line in Path("/proc/self/status").read_text().splitlines())
print(int(status["VmHWM"].split()[0]))
"""


def peak_kb(part: Path, levels: list[int], copies: int, output: Path) -> int:
    """The peak resident memory of a fresh process joining ``copies`` copies of ``part``."""
    done = subprocess.run([sys.executable, "-c", MEASURE, str(part), json.dumps(levels), str(copies), str(output)],
                          capture_output=True, text=True, check=True, timeout=600)
    return int(done.stdout.split()[-1])


def test_the_joins_memory_does_not_grow_with_the_number_of_pages(tmp_path):
    # ~100 objects per page, as a real part has (most of them structure elements)
    part = tmp_path / "part.pdf"
    levels = make_part(part, 0, 10, elements=90)
    small, large = peak_kb(part, levels, 20, tmp_path / "200.pdf"), peak_kb(part, levels, 200, tmp_path / "2000.pdf")
    reader = PdfReader(tmp_path / "2000.pdf")
    assert len(reader.pages) == 2000
    # a name every copy has leads to the first copy's page
    assert {key: reader.get_destination_page_number(dest) for key, dest in reader.named_destinations.items()} == {
        name(page, index): page for page in range(10) for index in range(NAMES_PER_PAGE)}
    # qpdf held every object: ~0.16 MB more per page, ~290 MB more for these 1,800 pages
    assert large - small < 20 * 1024, f"{small} kB for 200 pages, {large} kB for 2,000"
