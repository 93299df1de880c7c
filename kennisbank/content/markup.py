"""Find raw HTML, images, links and attribute lists in a Markdown body, with positions.

The checks in :mod:`kennisbank.content.safety` and :mod:`kennisbank.content.paths` need the
line and column of every tag, image and URL a contributor wrote, so they work
on the Markdown source rather than on the HTML MkDocs makes (which has no
positions). Code is masked first: a ``<script>`` shown in a fenced code block
or a code span is text, not HTML; so are closed HTML comments. The scan is deliberately generous (an
indented block is still scanned, since inside a list it is not code); what it
misses the sanitizer still removes.

HTML is tokenised the way a browser's tokenizer reads it (:func:`_tags`): tag and attribute names
lower-cased, character references in attribute values decoded (``&#106;avascript:``). Every scan here is
linear in the length of the body, so no contribution can make the check hang.
"""

from __future__ import annotations

import bisect
import html
import re
from dataclasses import dataclass, field

_FENCE = re.compile(r"^[ \t>]*(`{3,}|~{3,})")
_BACKTICKS = re.compile(r"`+")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
# Possessive quantifiers (*+, ?+): no backtracking, so '[a](' followed by 80 KB of spaces fails in one pass.
# The URL may hold spaces, as Python-Markdown allows ('[Plan](../bijlagen/plan 2024.pdf)' is a working link
# there), but a run of spaces before a quote or parenthesis ends it: that is where a title starts.
_INLINE = re.compile(
    r"(?P<bang>!?)\[(?P<text>(?:[^\[\]\n]|\[[^\[\]\n]*+\])*+)\]"
    r"\(\s*+(?P<url><[^>\n]*+>|(?:[^()\s]|\([^()\s]*+\))(?:[^()\s]|\([^()\s]*+\)|[ \t]++(?![\s\"'(]))*+)"
    r"(?:\s++(?:\"[^\"\n]*+\"|'[^'\n]*+'|\([^()\n]*+\)))?+"
    r"\s*+\)")
# Only reference-style images matter (their URL is checked); a leading literal lets the regex engine skip ahead.
_REFERENCE_IMAGE = re.compile(r"!\[(?P<text>[^\[\]\n]*)\]\[(?P<ref>[^\[\]\n]*)\]")
# Not footnotes ('[^1]: tekst'): their text is no URL.
_DEFINITION = re.compile(r"^[ \t]{0,3}\[(?P<ref>[^\]\n^][^\]\n]*)\]:[ \t]*(?P<url><[^>\n]*>|\S+)", re.M)
_ATTR_LIST = re.compile(r"\{:?[ \t]*+(?P<body>[^{}\n]*+)\}")
_ATTR = re.compile(r"""(?P<name>[^\s=#.{}"']+)=(?P<value>"[^"]*"|'[^']*'|[^\s}]*)""")
_ATTR_ID = re.compile(r"(?:^|\s)#([^\s{}]+)")
_TAG_OPEN = re.compile(r"<([a-zA-Z][a-zA-Z0-9:-]*)")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]")  # browsers ignore these inside a scheme
_SCHEME = re.compile(r"([a-z][a-z0-9+.-]*):")
_BACKSLASH_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def in_fenced_code(lines: list[str]) -> list[bool]:
    """For each line: whether it belongs to a fenced code block (its fences included).

    The one reading of fences that the checks (:func:`mask_code`) and the self-check
    parser share, so what one skips as code the other skips too.
    """
    found = []
    fence: str | None = None
    for line in lines:
        opening = _FENCE.match(line)
        if fence is None and opening:
            fence = opening.group(1)
            found.append(True)
        elif fence is not None:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence) \
                    and not line[opening.end():].strip():
                fence = None
            found.append(True)
        else:
            found.append(False)
    return found


def mask_code(text: str) -> str:
    """``text`` with fenced code blocks and code spans blanked out; lines and columns stay put."""
    if "`" not in text and "~~~" not in text:  # no code at all: the common case, and a line walk saved
        return text
    lines = text.split("\n")
    for number, code in enumerate(in_fenced_code(lines)):
        if code:
            lines[number] = _blank(lines[number])
    return _mask_code_spans("\n".join(lines))


def code_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every code span, as CommonMark finds them, in linear time.

    A span opens with a run of backticks (not preceded by a backslash) and closes at the next run of
    exactly the same length in the same paragraph. A regular expression that searches ahead from every
    run is quadratic: 80 KB of unmatched backticks took minutes. Here each paragraph's runs are listed
    once, and the next run of a given length is found by bisection.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for end in [m.start() for m in _BLANK_LINE.finditer(text)] + [len(text)]:
        runs = [(m.start(), m.end()) for m in _BACKTICKS.finditer(text, start, end)]
        by_length: dict[int, list[int]] = {}
        for index, (first, last) in enumerate(runs):
            by_length.setdefault(last - first, []).append(index)
        index = 0
        while index < len(runs):
            first, last = runs[index]
            if first > 0 and text[first - 1] == "\\":
                first += 1  # an escaped backtick is text; the rest of the run may still open a span
            candidates = by_length.get(last - first, [])
            closing = bisect.bisect_right(candidates, index)
            if last > first and closing < len(candidates):
                spans.append((first, runs[candidates[closing]][1]))
                index = candidates[closing] + 1
            else:
                index += 1
        start = end
    return spans


def _mask_code_spans(text: str) -> str:
    if "`" not in text:
        return text
    parts, done = [], 0
    for start, end in code_spans(text):
        parts += [text[done:start], _blank(text[start:end])]
        done = end
    return "".join([*parts, text[done:]])


def mask_comments(text: str) -> str:
    """``text`` with closed HTML comments blanked out: nothing in them reaches a visitor as markup.

    Contributors comment out draft paragraphs (``<!-- <img …> -->``); those are not live HTML or
    links, so the checks must not report them. A comment ends where a browser ends it ('<!-->' and
    '<!--->' are whole comments, otherwise the first '-->' or '--!>'), never later, so whatever follows
    stays live for the checks. An unclosed ``<!--`` is blanked by itself: Python-Markdown prints it as
    text and what follows as live HTML, which html.parser would otherwise swallow. Linear time: once no
    end is left, every later opener is unclosed too.
    """
    if "<!--" not in text:
        return text
    parts: list[str] = []
    done, start = 0, text.find("<!--")
    while start >= 0:
        body = start + 4
        if text.startswith(">", body) or text.startswith("->", body):
            end = body + (1 if text[body] == ">" else 2)
        else:
            ends = [found + size for found, size in ((text.find("-->", body), 3), (text.find("--!>", body), 4))
                    if found >= 0]
            if not ends:
                return "".join([*parts, text[done:].replace("<!--", "    ")])
            end = min(ends)
        parts += [text[done:start], _blank(text[start:end])]
        done = end
        start = text.find("<!--", done)
    return "".join([*parts, text[done:]])


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


_REQUIRE = re.compile(r"""^\{\s*require\(\s*(['"])(?P<path>[^'"]*)\1\s*\)(?:\.default)?\s*\}$""")
PATHNAME = "pathname://"
"""Docusaurus' prefix for a URL it must not process: its site writes what follows as the link."""


def final_url(url: str) -> str:
    """The URL a link leads to once its source site (Docusaurus/MDX) has read it: JSX's
    ``{require('./a.png').default}`` is ``./a.png``, ``pathname:///docs/x`` is ``/docs/x``. The safety checks
    judge this URL, so ``pathname://javascript:…`` is refused like ``javascript:…``."""
    url = required(url)
    return url[len(PATHNAME):] if url.lower().startswith(PATHNAME) else url


def required(url: str) -> str:
    """The path in JSX's ``{require('./a.png').default}`` (collection.dialects writes it as ``"./a.png"``),
    else ``url`` as it is."""
    match = _REQUIRE.match(url.strip())
    return match.group("path") if match else url


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


_SPACE = " \t\n\r\f"


def _tags(text: str, where: _Positions) -> list[Tag]:
    """Every start tag in ``text`` with its decoded attributes, read the way a browser's tokenizer reads them.

    Written by hand because ``html.parser`` looks ahead from every ``<`` for the end of its tag: 80 KB of
    ``<a `` or ``<!--`` without a closing ``>`` took minutes. Here every character is read once: a tag
    runs to its ``>`` (quotes included) as in the WHATWG tokenizer, comments to ``-->``, end tags and
    ``<!…>``/``<?…>`` to ``>``. Unlike a browser, a tag that the text ends in is still reported.
    """
    tags: list[Tag] = []
    size = len(text)
    i = text.find("<")
    while 0 <= i < size - 1:
        following = text[i + 1]
        if text.startswith("<!--", i):
            close = text.find("-->", i + 2 if text.startswith("<!-->", i) or text.startswith("<!--->", i) else i + 4)
            i = -1 if close < 0 else text.find("<", close + 3)
        elif following in "!?/" and (following != "/" or text[i + 2: i + 3].isascii() and text[i + 2: i + 3].isalpha()):
            close = text.find(">", i + 2)
            i = -1 if close < 0 else text.find("<", close + 1)
        elif following.isascii() and following.isalpha():
            tag, i = _start_tag(text, i, where)
            tags.append(tag)
            i = text.find("<", i)
        else:
            i = text.find("<", i + 1)
    return tags


def _start_tag(text: str, start: int, where: _Positions) -> tuple[Tag, int]:
    """The start tag at ``text[start] == '<'`` and the offset after it."""
    size = len(text)
    i = start + 1
    while i < size and text[i] not in _SPACE and text[i] not in "/>":
        i += 1
    name = text[start + 1: i].lower()
    attrs: list[tuple[str, str | None]] = []
    while i < size:
        while i < size and (text[i] in _SPACE or text[i] == "/"):
            i += 1
        if i >= size or text[i] == ">":
            break
        first = i
        i += 1  # a name may start with '=' (WHATWG: "unexpected-equals-sign-before-attribute-name")
        while i < size and text[i] not in _SPACE and text[i] not in "/>=":
            i += 1
        attribute = text[first:i].lower()
        after = i
        while i < size and text[i] in _SPACE:
            i += 1
        if i >= size or text[i] != "=":
            attrs.append((attribute, None))
            i = after
            continue
        i += 1
        while i < size and text[i] in _SPACE:
            i += 1
        if i < size and text[i] in "\"'":
            close = text.find(text[i], i + 1)
            close = size if close < 0 else close
            value, i = text[i + 1: close], close + 1
        else:
            begin = i
            while i < size and text[i] not in _SPACE and text[i] != ">":
                i += 1
            value = text[begin:i]
        attrs.append((attribute, html.unescape(value)))
    return Tag(name, tuple(attrs), *where.at(start)), min(i + 1, size)


def inline_links(body: str) -> list[tuple[int, int, str, str]]:
    """``(start, end, text, url)`` of every inline Markdown link (not image) in ``body``, code ignored."""
    return [(m.start(), m.end(), body[m.start("text"):m.end("text")], clean_url(m.group("url")))
            for m in _INLINE.finditer(mask_comments(mask_code(body))) if not m.group("bang")]


@dataclass(frozen=True)
class UrlSpan:
    """Where a link's or image's URL is written in a body, for rewriting it in place."""

    start: int
    end: int
    url: str
    """As the browser will see it (see :func:`clean_url`)."""
    kind: str
    """``link`` or ``image`` (a reference definition counts as a link)."""
    html: bool
    """In a raw HTML tag (``<a href>``, ``<img src>``), which MkDocs does not resolve."""


_HTML_URL = re.compile(r"""<(?P<tag>a|img)\b[^<>]*?\s(?:href|src)\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)')""",
                       re.I)


def url_spans(body: str, html_only: bool = False) -> list[UrlSpan]:
    """Every inline link and image, reference definition and raw ``<a href>``/``<img src>`` URL in ``body``
    (``html_only``: only the raw HTML ones), code and comments ignored, in source order."""
    if html_only and "<" not in body:
        return []
    text = mask_comments(mask_code(body))
    spans = []
    for match in (() if html_only else _INLINE.finditer(text)):
        spans.append(UrlSpan(match.start("url"), match.end("url"), clean_url(match.group("url")),
                             "image" if match.group("bang") else "link", False))
    for match in (_DEFINITION.finditer(text) if "]:" in text and not html_only else ()):
        spans.append(UrlSpan(match.start("url"), match.end("url"), clean_url(match.group("url")), "link", False))
    for match in (_HTML_URL.finditer(text) if "<" in text else ()):
        group = "dq" if match.group("dq") is not None else "sq"
        spans.append(UrlSpan(match.start(group), match.end(group), html.unescape(match.group(group)),
                             "image" if match.group("tag").lower() == "img" else "link", True))
    spans.sort(key=lambda s: s.start)
    # A link written inside another's URL (<a href="[x](y)">) is one URL, not two.
    return [s for i, s in enumerate(spans) if i == 0 or s.start >= spans[i - 1].end]


_REFERENCE_USE = re.compile(r"(?<![!\]\\])\[(?P<text>[^\[\]\n]+)\](?:\[(?P<ref>[^\[\]\n]*)\]|(?![\[(:]))")


def reference_links(body: str) -> list[tuple[int, int, str, str]]:
    """``(start, end, text, url)`` of every reference-style link (``[text][ref]``, ``[ref][]``, ``[ref]``)
    whose definition is in ``body``, code and comments ignored; images are not links."""
    if "]:" not in body:  # no definition, so no reference link: the common case, and a masking saved
        return []
    text = mask_comments(mask_code(body))
    definitions = {m.group("ref").strip().lower(): clean_url(m.group("url")) for m in _DEFINITION.finditer(text)}
    found = []
    for match in _REFERENCE_USE.finditer(text):
        ref = (match.group("ref") or match.group("text")).strip().lower()
        if ref in definitions:
            found.append((match.start(), match.end(), body[match.start("text"):match.end("text")], definitions[ref]))
    return found


def scan(body: str, first_line: int = 1) -> Markup:
    """Find references, raw HTML tags and attribute lists in ``body``, which starts at ``first_line``."""
    text = mask_comments(mask_code(body))
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
        if kind == "link" and "![" in match.group("text"):  # a linked image: [![Logo](logo.png)](https://…)
            for inner in _INLINE.finditer(text, match.start("text"), match.end("text")):
                if inner.group("bang"):
                    found.references.append(Reference("image", clean_url(inner.group("url")),
                                                      inner.group("text").strip(), *where.at(inner.start())))
    for match in _REFERENCE_IMAGE.finditer(text):
        ref = (match.group("ref") or match.group("text")).strip().lower()
        line, column = where.at(match.start())
        found.references.append(Reference("image", clean_url(definitions.get(ref, "")),
                                          match.group("text").strip(), line, column))
    for match in _ATTR_LIST.finditer(text):
        attrs = tuple((m.group("name").lower(), html.unescape(m.group("value").strip("\"'")))
                      for m in _ATTR.finditer(match.group("body")))
        # attr_list's short form '#kop' sets the id as well.
        attrs += tuple(("id", m.group(1)) for m in _ATTR_ID.finditer(_ATTR.sub("", match.group("body"))))
        if attrs:
            found.attr_lists.append(Tag("{:", attrs, *where.at(match.start())))
    found.tags = _tags(text, where)
    # Mangled tags such as '<scr<script>ipt>' hide a name inside another tag's; every '<name' the tokenizer
    # did not report is kept as a bare tag, so a forbidden element name is never missed.
    seen = {(t.line, t.column) for t in found.tags}
    for match in _TAG_OPEN.finditer(text):
        line, column = where.at(match.start())
        if (line, column) not in seen:
            found.tags.append(Tag(match.group(1).lower(), (), line, column))
    found.tags.sort(key=lambda t: (t.line, t.column))
    found.references.sort(key=lambda r: (r.line, r.column))
    return found
