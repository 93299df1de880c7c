"""Find raw HTML, images, links and attribute lists in a Markdown body, with positions.

The checks in :mod:`kennisbank.content.safety` and :mod:`kennisbank.content.paths` need the
line and column of every tag, image and URL a contributor wrote, so they work
on the Markdown source rather than on the HTML MkDocs makes (which has no
positions). Code is masked first: a ``<script>`` shown in a fenced code block
or a code span is text, not HTML. The scan is deliberately generous (an
indented block is still scanned, since inside a list it is not code); what it
misses the sanitizer still removes.

HTML is tokenised with the standard library's ``html.parser``, which lower-cases
tag and attribute names and decodes character references in attribute values
(``&#106;avascript:``) the way a browser does.
"""

from __future__ import annotations

import bisect
import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

_FENCE = re.compile(r"^[ \t>]*(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(?<!\\)(`+)(?!`)((?:(?!\n[ \t]*\n).)+?)(?<!`)\1(?!`)", re.S)
_INLINE = re.compile(
    r"(?P<bang>!?)\[(?P<text>(?:[^\[\]\n]|\[[^\[\]\n]*\])*)\]"
    r"\(\s*(?P<url><[^>\n]*>|(?:[^()\s]|\([^()\s]*\))*)(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^()\n]*\)))?\s*\)")
# Only reference-style images matter (their URL is checked); a leading literal lets the regex engine skip ahead.
_REFERENCE_IMAGE = re.compile(r"!\[(?P<text>[^\[\]\n]*)\]\[(?P<ref>[^\[\]\n]*)\]")
_DEFINITION = re.compile(r"^[ \t]{0,3}\[(?P<ref>[^\]\n]+)\]:[ \t]*(?P<url><[^>\n]*>|\S+)", re.M)
_ATTR_LIST = re.compile(r"\{:?[ \t]*(?P<body>[^{}\n]*?)[ \t]*\}")
_ATTR = re.compile(r"""(?P<name>[^\s=#.{}"']+)=(?P<value>"[^"]*"|'[^']*'|[^\s}]*)""")
_TAG_OPEN = re.compile(r"<([a-zA-Z][a-zA-Z0-9:-]*)")
_UNCLOSED = re.compile(r"<[a-zA-Z][^<>]*(?=<|\Z)")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]")  # browsers ignore these inside a scheme
_SCHEME = re.compile(r"([a-z][a-z0-9+.-]*):")
_BACKSLASH_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def mask_code(text: str) -> str:
    """``text`` with fenced code blocks and code spans blanked out; lines and columns stay put."""
    if "`" not in text and "~~~" not in text:  # no code at all: the common case, and a line walk saved
        return text
    lines = text.split("\n")
    fence: str | None = None
    for number, line in enumerate(lines):
        opening = _FENCE.match(line)
        if fence is None and opening:
            fence = opening.group(1)
            lines[number] = _blank(line)
        elif fence is not None:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence) \
                    and not line[opening.end():].strip():
                fence = None
            lines[number] = _blank(line)
    return _CODE_SPAN.sub(lambda m: _blank(m.group(0)), "\n".join(lines))


def _blank(text: str) -> str:
    return re.sub(r"[^\n]", " ", text)


def clean_url(url: str) -> str:
    """The URL a browser will follow: references decoded, Markdown escapes removed, <> unwrapped."""
    url = url.strip()
    if url.startswith("<") and url.endswith(">"):
        url = url[1:-1]
    return html.unescape(_BACKSLASH_ESCAPE.sub(r"\1", url))


def url_scheme(url: str) -> str:
    """Lower-case scheme as a browser sees it: tabs, newlines and control characters don't count."""
    if ":" not in url:  # most links are relative paths: no scheme without a colon
        return ""
    match = _SCHEME.match(_INVISIBLE.sub("", url).lower())
    return match.group(1) if match else ""


@dataclass(frozen=True)
class Reference:
    """A link or image in Markdown syntax."""

    kind: str
    """``link`` or ``image``."""
    url: str
    """As the browser will see it (see :func:`clean_url`)."""
    text: str
    """Link text or the image's alt text."""
    line: int
    column: int


@dataclass(frozen=True)
class Tag:
    """A raw HTML start tag with its (decoded) attributes."""

    name: str
    attrs: tuple[tuple[str, str | None], ...]
    line: int
    column: int

    def get(self, name: str) -> str | None:
        return next((value for key, value in self.attrs if key == name), None)

    def has(self, name: str) -> bool:
        return any(key == name for key, _ in self.attrs)


@dataclass
class Markup:
    """Everything position-bearing found in one body."""

    references: list[Reference] = field(default_factory=list)
    tags: list[Tag] = field(default_factory=list)
    attr_lists: list[Tag] = field(default_factory=list)
    """``{: onclick=… }`` attribute lists, as pseudo-tags named ``{:``."""


class _Positions:
    def __init__(self, text: str, first_line: int):
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.first_line = first_line

    def at(self, offset: int) -> tuple[int, int]:
        index = bisect.bisect_right(self.starts, offset) - 1
        return self.first_line + index, offset - self.starts[index] + 1


class _TagCollector(HTMLParser):
    def __init__(self, first_line: int) -> None:
        super().__init__(convert_charrefs=True)
        self.first_line = first_line
        self.tags: list[Tag] = []

    def handle_starttag(self, tag, attrs):
        line, offset = self.getpos()
        self.tags.append(Tag(tag, tuple(attrs), self.first_line + line - 1, offset + 1))

    handle_startendtag = handle_starttag


def _tags(text: str, first_line: int) -> list[Tag]:
    collector = _TagCollector(first_line)
    collector.feed(text)
    collector.close()
    return collector.tags


def scan(body: str, first_line: int = 1) -> Markup:
    """Find references, raw HTML tags and attribute lists in ``body``, which starts at ``first_line``."""
    text = mask_code(body)
    where = _Positions(text, first_line)
    found = Markup()
    definitions: dict[str, str] = {}
    for match in (_DEFINITION.finditer(text) if "]:" in text else ()):
        definitions[match.group("ref").strip().lower()] = match.group("url")
        line, column = where.at(match.start("url"))
        found.references.append(Reference("link", clean_url(match.group("url")), "", line, column))
    for match in _INLINE.finditer(text):
        line, column = where.at(match.start())
        kind = "image" if match.group("bang") else "link"
        found.references.append(Reference(kind, clean_url(match.group("url")), match.group("text").strip(),
                                          line, column))
    for match in _REFERENCE_IMAGE.finditer(text):
        ref = (match.group("ref") or match.group("text")).strip().lower()
        line, column = where.at(match.start())
        found.references.append(Reference("image", clean_url(definitions.get(ref, "")),
                                          match.group("text").strip(), line, column))
    for match in _ATTR_LIST.finditer(text):
        attrs = tuple((m.group("name").lower(), html.unescape(m.group("value").strip("\"'")))
                      for m in _ATTR.finditer(match.group("body")))
        if attrs:
            found.attr_lists.append(Tag("{:", attrs, *where.at(match.start())))
    found.tags = _tags(text, first_line)
    # html.parser drops a start tag that never closes ('<img src=x onerror=…' at the end); a browser
    # makes a tag of it as soon as any later '>' appears, so such a tag is parsed as if closed.
    for match in _UNCLOSED.finditer(text):
        line, column = where.at(match.start())
        found.tags.extend(Tag(t.name, t.attrs, line, column) for t in _tags(match.group(0) + ">", line)[:1])
    # Mangled tags such as '<scr<script>ipt>' can slip past html.parser's tokenizer; every '<name' it did not
    # report is kept as a bare tag, so a forbidden element name is never missed.
    seen = {(t.line, t.column) for t in found.tags}
    for match in _TAG_OPEN.finditer(text):
        line, column = where.at(match.start())
        if (line, column) not in seen:
            found.tags.append(Tag(match.group(1).lower(), (), line, column))
    found.tags.sort(key=lambda t: (t.line, t.column))
    found.references.sort(key=lambda r: (r.line, r.column))
    return found
