"""Options in the header of a fenced code block that the site's Markdown does not know.

pymdownx.superfences (with ``relaxed_headers``, see ``mkdocs.yml``) drops an
option it does not know and keeps the block: the code is shown, but a title or
line numbers the contributor asked for are missing without a word. Source trees
from other generators are full of such options (Docusaurus' ``showLineNumbers``
and ``{1,3}``), so each one is a warning at its line, with the option that
does the same here where there is one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from pymdownx.superfences import RE_HL_LINES, RE_LINENUMS, RE_NESTED_FENCE_START

from .problems import Problem, Severity

KNOWN = 'bekend zijn title="…", linenums="1" en hl_lines="2 3"'
_VALIDATORS: dict[str, re.Pattern[str] | None] = {
    "hl_lines": RE_HL_LINES, "linenums": RE_LINENUMS, "title": None, "title_mode": None}
_PREFIX = re.compile(r"^[ \t>]*")
_OPTION = re.compile(r"""(?P<key>[a-zA-Z][a-zA-Z0-9_-]*)(?:=(?P<quot>"|')(?P<value>.*?)(?P=quot))?""")
_BRACE_TOKEN = re.compile(r"""[.#][\w-]+|[a-zA-Z][\w-]*=(?:"[^"]*"|'[^']*'|\S+)|\S+""")
_LINE_RANGES = re.compile(r"^\d+(?:-\d+)?(?:,\d+(?:-\d+)?)*$")
_SUGGESTIONS = {"showLineNumbers": 'schrijf linenums="1"', "showlinenumbers": 'schrijf linenums="1"'}


@dataclass(frozen=True)
class Fence:
    """One fenced code block of a body: its header and the lines inside it."""

    line: int
    """Line of the header, counted from ``first_line``."""
    column: int
    """0-based column where the header starts (after list or quote indentation)."""
    header: re.Match[str]
    """The header as superfences reads it (groups ``fence``, ``lang``, ``options`` …)."""
    lines: list[tuple[int, str]] = field(default_factory=list)
    """``(line, text)`` of each line inside the block, up to its closing fence."""


def fences(body: str, first_line: int = 1) -> Iterator[Fence]:
    """Every fenced code block of ``body``, found as superfences finds them (also inside lists and quotes)."""
    current: Fence | None = None
    for number, line in enumerate(body.split("\n")):
        prefix = _PREFIX.match(line).end()  # type: ignore[union-attr]  # the pattern matches any line
        header = line[prefix:]
        if current is not None:
            fence = current.header.group("fence")
            stripped = header.strip()
            if stripped.startswith(fence[0] * len(fence)) and not stripped.strip(fence[0]):
                yield current
                current = None
            else:
                current.lines.append((first_line + number, line))
            continue
        match = RE_NESTED_FENCE_START.match(header)
        if match is not None:
            current = Fence(first_line + number, prefix, match)
    if current is not None:
        yield current  # an unclosed block runs to the end of the page


def check_fences(path: str, body: str, first_line: int = 1) -> list[Problem]:
    """A warning for every option in a code block header that would be ignored."""
    problems: list[Problem] = []
    for fence in fences(body, first_line):
        for column, option, hint in _unknown(fence.header):
            message = f"optie '{option}' van dit codeblok wordt niet herkend en genegeerd; " + (hint or KNOWN)
            problems.append(Problem(path, fence.line, fence.column + column + 1, "codeblok", message,
                                    Severity.WARNING))
    return problems


def _unknown(match: re.Match[str]) -> list[tuple[int, str, str | None]]:
    """``(column, option, suggestion)`` of each option superfences would drop."""
    found: list[tuple[int, str, str | None]] = []
    if match.group("options"):
        start = match.start("options")
        for option in _OPTION.finditer(match.group("options")):
            key, value = option.group("key"), option.group("value")
            if not _known(key, value):
                found.append((start + option.start(), option.group(0), _SUGGESTIONS.get(key)))
    elif match.group("attrs") is not None:
        start = match.start("attrs")
        for token in _BRACE_TOKEN.finditer(match.group("attrs")):
            text = token.group(0)
            key, _, value = text.partition("=")
            if text.startswith((".", "#")) or _known(key, value.strip("\"'") if value else None):
                continue
            hint = f'schrijf hl_lines="{_ranges(text)}"' if _LINE_RANGES.match(text) else None
            found.append((start + token.start(), text, hint))
    elif match.group("unrecognized"):
        text = match.group("unrecognized").strip()
        found.append((match.start("unrecognized") + match.group("unrecognized").index(text), text, None))
    return found


def _known(key: str, value: str | None) -> bool:
    if key.startswith("data-"):
        return True
    if key not in _VALIDATORS or value is None:
        return False
    validator = _VALIDATORS[key]
    return validator is None or validator.match(value) is not None


def _ranges(text: str) -> str:
    """Docusaurus' '{1,3-5}' as superfences' '1 3-5'."""
    return " ".join(text.split(","))
