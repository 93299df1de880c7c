"""Join the parts of a long PDF into one file, writing each part's objects as soon as it is read.

qpdf (through pikepdf) joined the parts before, but a qpdf document holds every
object it will write, ~90 per page, most of them PDF/UA structure elements: the
join's memory grew by ~0.16 MB per page (580 MB for 3,000 pages), more than the
rendering of a part. Here only one part is open at a time: its objects are read
with pikepdf, given numbers in the joined file and written out (those without a
stream packed into compressed object streams, as qpdf writes them), and the
part is closed before the next one is opened. What spans the document is
written without holding it:

- the page tree: each part's own tree, hung under one root;
- the structure tree: each part's elements under one ``Document`` element whose
  children are listed in a scratch file, and the parent tree as a number tree
  with one leaf per part (each part's numbers shifted past the parts before it);
- the outline: each entry is written as soon as its next sibling is known
  (:class:`_Outline`), so only the open branch is kept;
- the named destinations: each part's sorted names go to a scratch file and are
  merged into one sorted name tree at the end (:class:`_Names`);
- the cross-reference stream: one entry per object number in a scratch file.

What the join holds is the part being written (qpdf keeps every object of it
that was read) and a few numbers per part; of the parts, only the front (cover
and table of contents) grows with the document. PDF syntax is written by
qpdf's own ``unparse``; only its object references are renumbered (:data:`_TOKEN`).
"""

from __future__ import annotations

import collections
import heapq
import re
import shutil
import struct
import tempfile
import zlib
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

CROSS_PART = "kennisbank-part:"
"""Scheme a link to another part gets while rendered alone: WeasyPrint drops links to anchors it
cannot find, so such a link is rendered as a URI link and turned into a named-destination link on joining."""

_TOKEN = re.compile(rb"\((?:[^\\()]|\\.)*\)|<[0-9A-Fa-f]*>|/[^\s/\[\]()<>{}%]*|(?<![\d.])(\d+) (\d+) R", re.S)
"""An object reference in qpdf's ``unparse`` output, and what may look like one but is not: a string
(qpdf escapes every parenthesis inside one, so none nests), a hex string or a name."""
_PACKED = 100
"""Objects per object stream, as qpdf packs them."""
_XREF = struct.Struct(">BIH")
"""One cross-reference stream entry: type, offset (or object stream), generation (or index)."""
_LEAF = 64
"""Entries per node of the name tree and of the parent tree's upper levels."""


def join(parts: list[tuple[Path, Path | None, list[int]]], output: Path) -> None:
    """Join the parts, each with its page numbers (None: drawn already) and bookmark levels, into one PDF;
    the first part (the cover) gives the document's metadata."""
    with tempfile.TemporaryDirectory(prefix="kennisbank-join-") as scratch, output.open("wb") as file:
        try:
            joined = _Joined(_Output(file, Path(scratch)), Path(scratch))
            for number, (path, footer, levels) in enumerate(parts):
                joined.add(path, footer, levels, first=number == 0)
            joined.finish()
        except BaseException:
            file.close()
            output.unlink(missing_ok=True)
            raise


class _Output:
    """A PDF written object by object in numbers handed out here. Objects without a stream are packed into
    compressed object streams; the cross-reference stream comes last, from its scratch file."""

    def __init__(self, file: IO[bytes], scratch: Path) -> None:
        self.file = file
        self.count = 0
        self.xref = (scratch / "xref").open("w+b")
        self.packed: list[tuple[int, bytes]] = []
        file.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")

    def number(self) -> int:
        self.count += 1
        return self.count

    def _entry(self, number: int, kind: int, first: int, second: int) -> None:
        self.xref.seek(number * _XREF.size)
        self.xref.write(_XREF.pack(kind, first, second))

    def add(self, number: int, body: bytes) -> None:
        """An object without a stream."""
        self.packed.append((number, body))
        if len(self.packed) >= _PACKED:
            self._pack()

    def stream(self, number: int, dictionary: bytes, data: bytes) -> None:
        """A stream object: ``dictionary`` must give ``data``'s /Length and /Filter."""
        self._entry(number, 1, self.file.tell(), 0)
        self.file.write(b"%d 0 obj\n%s\nstream\n%s\nendstream\nendobj\n" % (number, dictionary, data))

    def large(self, number: int, chunks: Iterable[bytes]) -> None:
        """An object without a stream, too large to keep in memory: written as its ``chunks`` come."""
        self._entry(number, 1, self.file.tell(), 0)
        self.file.write(b"%d 0 obj\n" % number)
        for chunk in chunks:
            self.file.write(chunk)
        self.file.write(b"\nendobj\n")

    def _pack(self) -> None:
        if not self.packed:
            return
        number, offsets, bodies, at = self.number(), [], [], 0
        for index, (member, body) in enumerate(self.packed):
            self._entry(member, 2, number, index)
            offsets.append(b"%d %d" % (member, at))
            bodies.append(body)
            at += len(body) + 1
        head = b" ".join(offsets) + b"\n"
        data = zlib.compress(head + b"\n".join(bodies))
        self.stream(number, b"<< /Type /ObjStm /N %d /First %d /Filter /FlateDecode /Length %d >>"
                    % (len(self.packed), len(head), len(data)), data)
        self.packed = []

    def close(self, root: int, info: int | None) -> None:
        """The cross-reference stream and the trailer; every number handed out must have been written."""
        self._pack()
        number, start = self.number(), self.file.tell()
        self._entry(0, 0, 0, 0xFFFF)
        self._entry(number, 1, start, 0)
        self.xref.seek(0)
        packer = zlib.compressobj()
        with tempfile.TemporaryFile() as packed:  # the length comes before the data
            for chunk in iter(lambda: self.xref.read(1 << 16), b""):
                packed.write(packer.compress(chunk))
            packed.write(packer.flush())
            extra = b"" if info is None else b" /Info %d 0 R" % info
            self.file.write(b"%d 0 obj\n<< /Type /XRef /Size %d /W [1 4 2] /Root %d 0 R%s /Filter /FlateDecode "
                            b"/Length %d >>\nstream\n" % (number, number + 1, root, extra, packed.tell()))
            packed.seek(0)
            shutil.copyfileobj(packed, self.file)
        self.file.write(b"\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n" % start)
        self.xref.close()


class _Renumbered:
    """One part's objects in the joined file's numbers: each object reached gets a number and is written."""

    def __init__(self, output: _Output, part: Any) -> None:
        self.output, self.part = output, part
        self.numbers: dict[tuple[int, int], int] = {}
        self.queue: collections.deque[tuple[int, int]] = collections.deque()

    def same(self, obj: Any, number: int) -> None:
        """References to ``obj`` lead to the joined file's object ``number`` (written by the join)."""
        self.numbers[obj.objgen] = number

    def ref(self, obj: Any) -> int:
        """The number of the indirect object ``obj``, written with everything it refers to."""
        return self._number(obj.objgen)

    def _number(self, objgen: tuple[int, int]) -> int:
        number = self.numbers.get(objgen)
        if number is None:
            number = self.numbers[objgen] = self.output.number()
            self.queue.append(objgen)
        return number

    def text(self, unparsed: bytes) -> bytes:
        """``unparsed`` (qpdf's ``unparse``) with its references renumbered."""
        return _TOKEN.sub(self._reference, unparsed)

    def _reference(self, match: re.Match[bytes]) -> bytes:
        if match[1] is None:
            return match[0]
        return b"%d 0 R" % self._number((int(match[1]), int(match[2])))

    def write(self) -> None:
        """Write every object numbered so far, and those they refer to."""
        import pikepdf

        while self.queue:
            objgen = self.queue.popleft()
            obj = self.part.get_object(objgen)
            if isinstance(obj, pikepdf.Stream):
                data = obj.read_raw_bytes()  # as stored: still compressed, its /Filter kept
                obj.stream_dict.Length = len(data)  # the part may give it as an object of its own
                self.output.stream(self.numbers[objgen], self.text(obj.stream_dict.unparse(resolved=True)), data)
            else:
                self.output.add(self.numbers[objgen], self.text(obj.unparse(resolved=True)))


class _Joined:
    """The joined document while its parts are added: numbers of its own objects, and what spans parts."""

    def __init__(self, output: _Output, scratch: Path) -> None:
        self.output = output
        self.pages, self.page_count, self.page_trees = output.number(), 0, b""
        self.outline = _Outline(output)
        self.names = _Names(output, scratch)
        self.catalog: dict[str, bytes] = {}
        self.info: int | None = None
        self.structure: _Structure | None = None
        self.scratch = scratch

    def add(self, path: Path, footer: Path | None, levels: list[int], first: bool) -> None:
        import pikepdf
        from pikepdf import Dictionary, Pdf

        with ExitStack() as open_files:
            part = open_files.enter_context(Pdf.open(path))
            numbered = _Renumbered(self.output, part)
            if footer is not None:
                footers = open_files.enter_context(Pdf.open(footer))
                for page, overlay in zip(part.pages, footers.pages, strict=True):
                    _overlay(part, page, overlay)
            _link_across_parts(part)
            # The part's page tree hangs under the joined one's root.
            root = part.make_indirect(Dictionary())
            numbered.same(root, self.pages)
            part.Root.Pages.Parent = root
            self.page_trees += b"%d 0 R " % numbered.ref(part.Root.Pages)
            on_pages = {page.objgen for page in part.pages}
            self.page_count += len(on_pages)
            if "/StructTreeRoot" in part.Root:
                if self.structure is None:
                    self.structure = _Structure(self.output, self.scratch)
                self.structure.add(part, numbered)
            flat: list[tuple[str, Any]] = []
            _flatten(part.Root.get("/Outlines"), flat)
            for level, (title, dest) in zip(levels, flat, strict=True):
                self.outline.add(level, title, _destination(numbered, dest))
            self.names.add(sorted((bytes(pikepdf.String(name)), _destination(numbered, dest))
                                  for name, dest in _destinations(part) if dest[0].objgen in on_pages))
            if first:
                for key in ("/Lang", "/MarkInfo", "/ViewerPreferences", "/Metadata", "/PageMode"):
                    if key in part.Root:
                        self.catalog[key] = numbered.text(part.Root[key].unparse())
                info = part.trailer.get("/Info")
                if info is not None:
                    self.info = numbered.ref(info if info.is_indirect else part.make_indirect(info))
            numbered.write()

    def finish(self) -> None:
        output = self.output
        output.add(self.pages, b"<< /Type /Pages /Kids [ %s] /Count %d >>" % (self.page_trees, self.page_count))
        catalog = [b"/Type /Catalog /Pages %d 0 R" % self.pages]
        outline = self.outline.finish()
        if outline is not None:
            catalog.append(b"/Outlines %d 0 R" % outline)
        names = self.names.finish()
        if names is not None:
            catalog.append(b"/Names << /Dests %d 0 R >>" % names)
        if self.structure is not None:
            catalog.append(b"/StructTreeRoot %d 0 R" % self.structure.finish())
        catalog += [key.encode() + b" " + value for key, value in self.catalog.items()]
        root = output.number()
        output.add(root, b"<< " + b" ".join(catalog) + b" >>")
        output.close(root, self.info)


class _Structure:
    """One structure tree of the parts' trees: their ``Document`` elements' children under one ``Document``.

    Each part numbers its pages' and annotations' entries of the parent tree
    from 0; here they are shifted past the parts before it, so every marked
    content finds its structure element again.
    """

    def __init__(self, output: _Output, scratch: Path) -> None:
        self.output = output
        self.document, self.root = output.number(), output.number()
        self.children = (scratch / "structure").open("w+b")
        self.leaves: list[tuple[int, int, int]] = []
        self.shift = 0
        self.role_map: bytes | None = None

    def add(self, part: Any, numbered: _Renumbered) -> None:
        from pikepdf import Array, Dictionary, Name

        root = part.Root.StructTreeRoot
        numbered.same(root, self.document)  # elements directly under the root go under the joined Document
        top = root.K
        children: list[Any] = []
        for element in top if isinstance(top, Array) else [top]:
            if isinstance(element, Dictionary) and element.get("/S") == Name.Document:
                numbered.same(element, self.document)
                kids = element.get("/K", Array())
                children.extend(kids if isinstance(kids, Array) else [kids])
            else:
                children.append(element)
        for page in part.pages:
            if "/StructParents" in page.obj:
                page.obj.StructParents = int(page.obj.StructParents) + self.shift
            for annotation in page.get("/Annots", []):
                if "/StructParent" in annotation:
                    annotation.StructParent = int(annotation.StructParent) + self.shift
        entries = _numbers(root.get("/ParentTree", Dictionary()))
        if entries:
            keys = [key + self.shift for key, _ in entries]
            leaf = self.output.number()
            self.output.add(leaf, b"<< /Limits [ %d %d ] /Nums [ %s ] >>" % (min(keys), max(keys), b" ".join(
                b"%d %s" % (key, numbered.text(value.unparse())) for key, (_, value) in zip(keys, entries))))
            self.leaves.append((leaf, min(keys), max(keys)))
        next_key = max((key + 1 for key, _ in entries), default=0)
        self.shift += max(next_key, int(root.get("/ParentTreeNextKey", 0)))
        for child in children:
            self.children.write(numbered.text(child.unparse()) + b" ")
        if self.role_map is None and "/RoleMap" in root:
            self.role_map = numbered.text(root.RoleMap.unparse())

    def finish(self) -> int:
        """The structure tree root's number, once the tree is written."""
        output = self.output
        parent_tree = _tree(output, self.leaves, b"Nums", lambda key: b"%d" % key)
        role_map = b"" if self.role_map is None else b" /RoleMap " + self.role_map
        output.add(self.root, b"<< /Type /StructTreeRoot /K [ %d 0 R ] /ParentTree %d 0 R /ParentTreeNextKey %d%s >>"
                   % (self.document, parent_tree, self.shift, role_map))
        self.children.seek(0)
        output.large(self.document, [b"<< /Type /StructElem /S /Document /P %d 0 R /K [ " % self.root,
                                     *iter(lambda: self.children.read(1 << 16), b""), b"] >>"])
        self.children.close()
        return self.root


def _tree(output: _Output, leaves: list[tuple[int, Any, Any]], kind: bytes, key: Any) -> int:
    """The root of a name or number tree over ``leaves`` (number, lowest key, highest key), in order."""
    while len(leaves) > _LEAF:
        level = []
        for start in range(0, len(leaves), _LEAF):
            group = leaves[start:start + _LEAF]
            number = output.number()
            output.add(number, b"<< /Limits [ %s %s ] /Kids [ %s ] >>" % (
                key(group[0][1]), key(group[-1][2]), b" ".join(b"%d 0 R" % leaf for leaf, _, _ in group)))
            level.append((number, group[0][1], group[-1][2]))
        leaves = level
    root = output.number()
    if leaves:
        output.add(root, b"<< /Kids [ %s ] >>" % b" ".join(b"%d 0 R" % leaf for leaf, _, _ in leaves))
    else:
        output.add(root, b"<< /%s [ ] >>" % kind)
    return root


class _Names:
    """All parts' named destinations as one name tree, sorted by name, the first part's destination kept when
    a name recurs. Each part's names go to a sorted scratch file; the files are merged at the end."""

    def __init__(self, output: _Output, scratch: Path) -> None:
        self.output, self.scratch = output, scratch
        self.runs: list[Path] = []
        self.made = 0
        """Runs written so far: each run's number, also the order of its part."""

    def add(self, names: list[tuple[bytes, bytes]]) -> None:
        """One part's (name, destination), sorted by name."""
        if not names:
            return
        self.made += 1
        run = self.scratch / f"names-{self.made:06d}"
        with run.open("wb") as file:
            for name, destination in names:
                file.write(b"%s\t%06d\t%s\n" % (name.hex().encode(), self.made, destination))
        self.runs.append(run)
        if len(self.runs) == 64:  # a bounded number of files open while merging
            merged = self.scratch / f"names-{self.made:06d}-merged"
            with merged.open("wb") as file:
                file.writelines(self._merged())
            for old in self.runs:
                old.unlink()
            self.runs = [merged]

    def _merged(self) -> Iterator[bytes]:
        with ExitStack() as files:
            # hex keeps the byte order of the names; a name's first part sorts first by its number
            yield from heapq.merge(*(files.enter_context(run.open("rb")) for run in self.runs))

    def finish(self) -> int | None:
        """The name tree's root, or None without names."""
        if not self.runs:
            return None
        leaves: list[tuple[int, bytes, bytes]] = []
        entries: list[tuple[bytes, bytes]] = []
        previous = None
        for line in self._merged():
            name, _, destination = line.rstrip(b"\n").split(b"\t")
            if name != previous:
                entries.append((bytes.fromhex(name.decode()), destination))
                previous = name
            if len(entries) == _LEAF:
                leaves.append(self._leaf(entries))
                entries = []
        if entries:
            leaves.append(self._leaf(entries))
        return _tree(self.output, leaves, b"Names", _string)

    def _leaf(self, entries: list[tuple[bytes, bytes]]) -> tuple[int, bytes, bytes]:
        number = self.output.number()
        self.output.add(number, b"<< /Limits [ %s %s ] /Names [ %s ] >>" % (
            _string(entries[0][0]), _string(entries[-1][0]),
            b" ".join(_string(name) + b" " + destination for name, destination in entries)))
        return number, entries[0][0], entries[-1][0]


def _string(value: bytes | str) -> bytes:
    """A PDF string: text as PDFDocEncoding or UTF-16, as qpdf chooses."""
    import pikepdf

    return pikepdf.String(value).unparse()


@dataclass
class _Entry:
    """An outline entry, kept until its next sibling (or the end of its parent) is known."""

    number: int
    level: int
    title: str = ""
    destination: bytes = b""
    parent: int = 0
    previous: int | None = None
    first: int | None = None
    last: int | None = None
    count: int = 0
    """Its descendants (all shown: every entry is open)."""
    held: _Entry | None = None
    """Its last child so far, closed and waiting for its next sibling."""


class _Outline:
    """One outline from the parts' flattened ones: an entry goes under the last one of a lower level.

    Rebuilt rather than copied per part, because a part that starts inside a
    group (items of a type) has no entry of that group to hang its items under.
    Written as it comes: only the entries on the path to the last one are kept.
    """

    def __init__(self, output: _Output) -> None:
        self.output = output
        self.root = _Entry(0, -1)
        self.open: list[_Entry] = []

    def add(self, level: int, title: str, destination: bytes) -> None:
        while self.open and self.open[-1].level >= level:
            self._close(self.open.pop())
        if self.root.number == 0:
            self.root.number = self.output.number()
        parent = self.open[-1] if self.open else self.root
        entry = _Entry(self.output.number(), level, title, destination, parent.number)
        if parent.held is not None:
            entry.previous = parent.held.number
            self._write(parent.held, entry.number)
        else:
            parent.first = entry.number
        parent.held = None
        self.open.append(entry)

    def _close(self, entry: _Entry) -> None:
        if entry.held is not None:
            self._write(entry.held, None)
        parent = self.open[-1] if self.open else self.root
        parent.count += 1 + entry.count
        parent.held, parent.last = entry, entry.number

    def _write(self, entry: _Entry, following: int | None) -> None:
        fields = [b"/Title " + _string(entry.title), b"/Parent %d 0 R" % entry.parent, b"/Dest " + entry.destination]
        fields += [b"/%s %d 0 R" % (key, value) for key, value in
                   ((b"Prev", entry.previous), (b"Next", following), (b"First", entry.first), (b"Last", entry.last))
                   if value is not None]
        if entry.count:
            fields.append(b"/Count %d" % entry.count)
        self.output.add(entry.number, b"<< " + b" ".join(fields) + b" >>")

    def finish(self) -> int | None:
        """The outline's root, or None without entries."""
        while self.open:
            self._close(self.open.pop())
        root = self.root
        if root.held is None or root.first is None or root.last is None:
            return None
        self._write(root.held, None)
        self.output.add(root.number, b"<< /Type /Outlines /First %d 0 R /Last %d 0 R /Count %d >>"
                        % (root.first, root.last, root.count))
        return root.number


def _destination(numbered: _Renumbered, dest: Any) -> bytes:
    """An explicit destination [page /XYZ left top 0] in the joined file's numbers."""
    from pikepdf import Array

    return b"[ %d 0 R /XYZ %s 0 ]" % (numbered.ref(dest[0]), Array([dest[2], dest[3]]).unparse()[2:-2])


def _flatten(first: Any, into: list[tuple[str, Any]]) -> None:
    """A part's outline as (title, destination), in document order."""
    item = first.get("/First") if first is not None else None
    while item is not None:
        into.append((str(item.Title), item.Dest))
        _flatten(item, into)
        item = item.get("/Next")


def _destinations(part: Any) -> list[tuple[str, Any]]:
    import pikepdf

    if "/Names" not in part.Root or "/Dests" not in part.Root.Names:
        return []
    return [(str(name), dest) for name, dest in pikepdf.NameTree(part.Root.Names.Dests).items()]


def _link_across_parts(part: Any) -> None:
    """Links rendered as ``CROSS_PART`` URIs become links to the named destination."""
    from pikepdf import String

    for page in part.pages:
        for annotation in page.get("/Annots", []):
            action = annotation.get("/A")
            uri = str(action.get("/URI", "")) if action is not None else ""
            if uri.startswith(CROSS_PART):
                del annotation["/A"]
                annotation.Dest = String(uri[len(CROSS_PART):])


def _overlay(part: Any, page: Any, footer: Any) -> None:
    """Draw ``footer`` (a page holding only its number) over ``page``, marked as an artifact for PDF/UA."""
    from pikepdf import Name

    form = part.copy_foreign(footer.as_form_xobject())
    name = page.add_resource(form, Name.XObject, prefix="KbPageNumber")
    # WeasyPrint leaves its page's coordinates flipped: the page's own drawing is put inside q … Q first.
    page.contents_add(part.make_stream(b"q\n"), prepend=True)
    page.contents_add(part.make_stream(b"\nQ /Artifact BMC q " + name.unparse() + b" Do Q EMC"))


def _numbers(tree: Any) -> list[tuple[int, Any]]:
    """The entries of a number tree, its kids' included."""
    values = tree.get("/Nums", [])
    found = [(int(values[i]), values[i + 1]) for i in range(0, len(values), 2)]
    for kid in tree.get("/Kids", []):
        found.extend(_numbers(kid))
    return found
