"""Split a contributed Markdown file into frontmatter and body, keeping line numbers.

Written by hand on purpose: MkDocs' own meta reader swallows YAML errors, and
python-frontmatter returns plain dicts without positions. Contributors need
``pad:regel:kolom`` for every field, so we compose the YAML node tree with
PyYAML's *safe* loader ourselves and remember where each key and list entry is.

Everything a contributor writes is untrusted: size, encoding, binary content,
YAML aliases ("billion laughs") and duplicate keys are all checked here, and
every failure becomes a :class:`~kennisbank.problems.Problem`, never a traceback.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .problems import Problem, Severity

MAX_BYTES = 2 * 1024 * 1024
"""Largest Markdown file accepted; real articles are far below 100 KB."""

Position = tuple[int, int]
FieldPath = tuple[Any, ...]
_DELIMITER = re.compile(r"^---[ \t]*$")


@dataclass
class Source:
    """A parsed Markdown file: frontmatter, positions and body."""

    path: str
    """Path relative to the repository root, for messages."""
    meta: dict[str, Any]
    """The frontmatter as plain data (dates stay strings; the model parses them)."""
    body: str
    """Markdown after the closing ``---``."""
    body_line: int
    """1-based line number of the first body line in the file."""
    has_frontmatter: bool
    positions: dict[FieldPath, Position] = field(default_factory=dict)
    """Where each key and list entry starts: ``("themas", 1) -> (regel, kolom)``."""
    meta_ok: bool = True
    """False when the frontmatter could not be read: ``meta`` is then empty, but the body is still checked."""

    def position(self, loc: FieldPath) -> Position:
        """Best known position for a field path, falling back to its parents."""
        loc = tuple(loc)
        while loc:
            if loc in self.positions:
                return self.positions[loc]
            loc = loc[:-1]
        return (2, 1) if self.has_frontmatter else (1, 1)


class _AliasFound(Exception):
    def __init__(self, mark: yaml.Mark):
        self.mark = mark


class _Loader(yaml.SafeLoader):
    """Safe loader without aliases and without implicit timestamps."""

    def compose_node(self, parent, index):
        # Aliases let a few lines expand into gigabytes; frontmatter never needs them.
        if self.check_event(yaml.AliasEvent):
            raise _AliasFound(self.peek_event().start_mark)
        return super().compose_node(parent, index)


# Keep dates as text so that a bad date such as 2024-13-45 reaches the model
# (which names the field) instead of failing inside PyYAML's constructor.
_Loader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


try:
    class _CLoader(yaml.CSafeLoader):
        """libyaml's parser with the same resolvers: about ten times faster than the pure-Python one."""

    _CLoader.yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers
except AttributeError:  # PyYAML built without libyaml
    _CLoader = None  # type: ignore[assignment,misc]


def _compose_fast(text: str) -> tuple[Any, Any] | None:
    """``(loader, node)`` composed by libyaml, or None to use the careful pure-Python loader.

    libyaml cannot refuse aliases while composing, so text with a ``*`` takes the
    pure-Python path; so does text libyaml cannot parse, so that contributors
    get the same (translated) PyYAML messages either way.
    """
    if _CLoader is None or "*" in text:
        return None
    loader = _CLoader(text)
    try:
        node = loader.get_single_node()
    except yaml.YAMLError:
        loader.dispose()
        return None
    return loader, node


def read_source(path: Path, rel: str) -> tuple[Source | None, list[Problem]]:
    """Read and split one file; returns ``(None, problems)`` when unreadable."""
    problems: list[Problem] = []

    def fail(line: int, column: int, fieldname: str, message: str) -> tuple[None, list[Problem]]:
        problems.append(Problem(rel, line, column, fieldname, message))
        return None, problems

    size = path.stat().st_size
    if size > MAX_BYTES:
        return fail(
            1, 1, "bestand",
            f"bestand is te groot ({size / 1024 / 1024:.1f} MB; maximaal "
            f"{MAX_BYTES // 1024 // 1024} MB); splits de tekst op of verwijder ingeplakte data",
        )
    data = path.read_bytes()
    if _utf16(data):
        return fail(1, 1, "bestand", "bestand is als UTF-16 opgeslagen (bijvoorbeeld door Kladblok of Word als "
                    "'Unicode'); sla het op als UTF-8")
    if b"\x00" in data:
        return fail(1, 1, "bestand", "dit is geen tekstbestand (binaire inhoud); lever Markdown-tekst aan")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
        problems.append(Problem(
            rel, 1, 1, "bestand",
            "bestand begint met een BOM-teken; dat is verwijderd, sla het bestand op als 'UTF-8 zonder BOM'",
            Severity.WARNING,
        ))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        return fail(
            line, column, "bestand",
            "bestand is niet in UTF-8 opgeslagen (waarschijnlijk Windows-1252, bijvoorbeeld "
            "geplakt uit Word); sla het op als UTF-8",
        )
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    source, more = split_source(text, rel)
    return source, problems + more


def _utf16(data: bytes) -> bool:
    """UTF-16 text: a byte-order mark, or (without one) a zero byte beside every character of Latin text."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    head = data[:64]
    return len(head) >= 8 and (head[1::2].count(0) == len(head) // 2 or head[0::2].count(0) == len(head) // 2)


def split_source(text: str, rel: str) -> tuple[Source | None, list[Problem]]:
    """Split normalised text into frontmatter and body and parse the YAML."""
    lines = text.split("\n")
    if not lines or not _DELIMITER.match(lines[0]):
        return Source(rel, {}, text, 1, has_frontmatter=False), []
    end = next((i for i in range(1, len(lines)) if _DELIMITER.match(lines[i])), None)
    if end is None:
        return None, [Problem(
            rel, 1, 1, "frontmatter",
            "de frontmatter wordt niet afgesloten; zet een regel met alleen '---' onder de laatste eigenschap",
        )]
    yaml_text = "\n".join(lines[1:end])
    body = "\n".join(lines[end + 1 :])
    meta, positions, problems = parse_yaml(yaml_text, rel, line_offset=1)
    if meta is None:
        # A YAML mistake must not hide the body's problems: the body goes on to be checked.
        return Source(rel, {}, body, end + 2, True, positions, meta_ok=False), problems
    return Source(rel, meta, body, end + 2, True, positions), problems


def parse_yaml(
    text: str, rel: str, line_offset: int = 0
) -> tuple[dict[str, Any] | None, dict[FieldPath, Position], list[Problem]]:
    """Parse a YAML mapping; positions are 1-based and shifted by ``line_offset``."""
    raw = _BAD_CHARACTER.search(text)
    if raw:  # typed or pasted as is: PyYAML's reader would refuse it with an English message
        line = text.count("\n", 0, raw.start())
        column = raw.start() - text.rfind("\n", 0, raw.start())
        return None, {}, [Problem(rel, line + 1 + line_offset, column, "yaml", _invisible(raw.group(), False))]
    too_deep = _too_deep(text)
    try:
        if too_deep is None:
            return _parse_yaml(text, rel, line_offset)
    except RecursionError:
        too_deep = 0  # the net under the estimate: PyYAML composes and constructs recursively
    except yaml.YAMLError:  # every other YAML failure: a message for this file, never a traceback
        return None, {}, [Problem(rel, 1 + line_offset, 1, "yaml", _yaml_message(None))]
    return None, {}, [Problem(rel, (too_deep or 0) + 1 + line_offset, 1, "yaml", _TOO_DEEP)]


MAX_YAML_DEPTH = 20
"""Lists and mappings in each other; real frontmatter has two or three levels."""
_TOO_DEEP = (f"de frontmatter is te diep genest (meer dan {MAX_YAML_DEPTH} lijsten of velden in elkaar); "
             "zet de waarden plat onder elkaar")
_FLOW = re.compile(r"[\[\]{}\n]")
_INDENT = re.compile(rf"^ {{{2 * MAX_YAML_DEPTH},}}", re.MULTILINE)


def _too_deep(text: str) -> int | None:
    """The 0-based line where nesting goes beyond :data:`MAX_YAML_DEPTH`, or None.

    An estimate made before parsing, because PyYAML's parser slows down with the square of the depth and its
    composer recurses (a thousand brackets: seconds, then a ``RecursionError``). Brackets inside quotes count
    too; more than twenty of them open in one value is not a real title either.
    """
    indented = _INDENT.search(text)
    if indented:
        return text.count("\n", 0, indented.start())
    depth = line = 0
    for match in _FLOW.finditer(text):
        character = match.group()
        if character == "\n":
            line += 1
        elif character in "[{":
            depth += 1
            if depth > MAX_YAML_DEPTH:
                return line
        else:
            depth = max(depth - 1, 0)
    return None


def _parse_yaml(
    text: str, rel: str, line_offset: int
) -> tuple[dict[str, Any] | None, dict[FieldPath, Position], list[Problem]]:
    fast = _compose_fast(text)
    loader = fast[0] if fast else _Loader(text)
    try:
        try:
            node = fast[1] if fast else loader.get_single_node()
        except _AliasFound as exc:
            return None, {}, [Problem(
                rel, exc.mark.line + 1 + line_offset, exc.mark.column + 1, "yaml",
                "YAML-verwijzingen ('*naam') zijn niet toegestaan; schrijf de waarde voluit",
            )]
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line, column = (mark.line + 1 + line_offset, mark.column + 1) if mark else (1 + line_offset, 1)
            return None, {}, [Problem(rel, line, column, "yaml", _yaml_message(exc))]
        if node is None:
            return {}, {}, []
        if not isinstance(node, yaml.MappingNode):
            return None, {}, [Problem(
                rel, node.start_mark.line + 1 + line_offset, node.start_mark.column + 1, "frontmatter",
                "de frontmatter moet uit regels 'veld: waarde' bestaan",
            )]
        positions: dict[FieldPath, Position] = {}
        problems: list[Problem] = []
        _walk(node, (), positions, problems, rel, line_offset)
        if problems:
            return None, positions, problems
        try:
            data = loader.construct_document(node)
        except yaml.constructor.ConstructorError as exc:
            mark = exc.problem_mark
            return None, positions, [Problem(
                rel, mark.line + 1 + line_offset if mark else 1, mark.column + 1 if mark else 1, "yaml",
                "deze waarde kan niet worden gelezen; gebruik gewone tekst, getallen, datums en lijsten",
            )]
        return data, positions, []
    finally:
        loader.dispose()


def _walk(
    node: yaml.Node,
    path: FieldPath,
    positions: dict[FieldPath, Position],
    problems: list[Problem],
    rel: str,
    offset: int,
) -> None:
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node.start_mark)
            pos = (key_node.start_mark.line + 1 + offset, key_node.start_mark.column + 1)
            if key in seen:
                dotted = ".".join(str(p) for p in (*path, key))
                problems.append(Problem(
                    rel, pos[0], pos[1], dotted,
                    f"veld '{key}' staat twee keer in de frontmatter (eerder op regel {seen[key]}); "
                    "houd er één over",
                ))
                continue
            seen[key] = pos[0]
            positions[(*path, key)] = pos
            if isinstance(key_node, yaml.ScalarNode):
                _check_characters(key_node, (*path, key), problems, rel, offset)
            _walk(value_node, (*path, key), positions, problems, rel, offset)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            positions[(*path, index)] = (item.start_mark.line + 1 + offset, item.start_mark.column + 1)
            _walk(item, (*path, index), positions, problems, rel, offset)
    elif isinstance(node, yaml.ScalarNode):
        _check_characters(node, path, problems, rel, offset)


# What XML 1.0 cannot hold (C0 controls but tab and line break; surrogates; U+FFFE/U+FFFF), plus what no text
# needs: DEL, C1 controls and the other non-characters. YAML's escapes ("\u000b", "\x00") make any of them
# from plain ASCII, and one in a title would make the hub-wide Atom and RSS feeds unreadable for every reader.
_NONCHARACTERS = "".join(chr(plane * 0x10000 + 0xFFFE) + chr(plane * 0x10000 + 0xFFFF) for plane in range(17))
_BAD_CHARACTER = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef" + _NONCHARACTERS + "]")


def _check_characters(node: yaml.ScalarNode, path: FieldPath, problems: list[Problem], rel: str,
                      offset: int) -> None:
    found = _BAD_CHARACTER.search(node.value)
    if found is None:
        return
    dotted = ".".join(str(p) for p in path if not isinstance(p, int)) or "frontmatter"
    problems.append(Problem(rel, node.start_mark.line + 1 + offset, node.start_mark.column + 1, dotted,
                            _invisible(found.group(), True)))


def _invisible(character: str, escaped: bool) -> str:
    code = ord(character)
    message = (f"de waarde bevat het onzichtbare teken U+{code:04X}, dat niet in een webpagina of feed kan "
               "staan; verwijder het")
    if not escaped:
        return message
    written = f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"
    return f"{message} (tussen aanhalingstekens kan het er als code staan: {written})"


_INVALID = "ongeldige YAML: "
_YAML_MESSAGES = [
    # (words of PyYAML's English problem, Dutch message); the first match wins.
    (("'\\t'", "tab"), "tabs zijn in de frontmatter niet toegestaan; gebruik spaties om in te springen"),
    (("mapping values are not allowed",),
     _INVALID + "een dubbele punt in een waarde; zet de waarde tussen aanhalingstekens"),
    (("could not find expected ':'",), _INVALID + "ontbrekende dubbele punt; schrijf 'veld: waarde'"),
    (("found unexpected end",), _INVALID + "een aanhalingsteken of haakje wordt niet gesloten"),
    (("unknown escape character",), _INVALID + "tussen dubbele aanhalingstekens begint \\ een code; gebruik "
     "enkele aanhalingstekens ('…') of schrijf \\\\"),
    (("expected ',' or ']'",), _INVALID + "een lijst tussen [ ] is niet goed afgesloten; scheid de waarden met "
     "komma's"),
    (("expected ',' or '}'",), _INVALID + "velden tussen { } zijn niet goed afgesloten; scheid ze met komma's"),
    (("sequence entries are not allowed",),
     _INVALID + "hier mag geen lijstregel ('- …') staan; zet de lijst ingesprongen onder een veld"),
    (("expected alphabetic or numeric character", "tag"),
     _INVALID + "'&', '*' en '!' hebben in YAML een eigen betekenis; zet de waarde tussen aanhalingstekens"),
    (("expected <block end>", "did not find expected"),
     _INVALID + "controleer het inspringen en de streepjes van lijsten"),
]
_CANNOT_START = re.compile(r"found character '(.)' that cannot start any token")


def _yaml_message(exc: yaml.MarkedYAMLError | None) -> str:
    """PyYAML's English problem as a Dutch sentence that says what to do; never the English text itself."""
    problem = (exc.problem or "") if exc is not None else ""
    start = _CANNOT_START.search(problem)
    if start and start.group(1) != "\t":  # a tab has a message of its own
        return _INVALID + f"een waarde kan niet beginnen met '{start.group(1)}'; zet de waarde tussen aanhalingstekens"
    for words, message in _YAML_MESSAGES:
        if any(word in problem for word in words):
            return message
    return "ongeldige YAML; controleer op deze regel de aanhalingstekens, haakjes, dubbele punten en het inspringen"
