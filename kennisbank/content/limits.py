"""Caps on what one Markdown body may ask of the build, each with a Dutch message at its line.

Our own scanning is linear (:mod:`kennisbank.markup`), but Python-Markdown, which renders the pages, is not:
its inline patterns search ahead from every ``[``, ``<`` and backtick of a paragraph, so a few thousand of
them in one paragraph take minutes, and a list nested a few hundred levels deep ends in a ``RecursionError``.
Neither occurs in real writing, so the check refuses them before the build starts rendering. The caps sit
far above real articles and far below where the cost grows: at the caps Python-Markdown's worst case is well
under a second per file (``benchmarks/hostile_bench.py``, figures in ``benchmarks/RESULTS.md``).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .markup import mask_code
from .problems import Problem

MAX_LINE = 20_000
"""Characters per line; a long paragraph from a word processor is a few thousand."""
MAX_INDENT = 100
"""Columns of indentation (tab = 4); 25 levels of a list nested by four spaces."""
MAX_DEPTH = 20
"""List and quote markers at the start of one line ('> - > 1. …')."""
MAX_HEADING = 300
"""Characters in a heading line."""
MAX_COLUMNS = 64
"""Cells in a table's delimiter row."""
MAX_PER_PARAGRAPH = 250
"""Of each of '[', '<' and '`' outside code, per paragraph (Python-Markdown's cost grows with its square)."""
MAX_PER_FILE = {"[": 5_000, "<": 2_000, "`": 5_000}
"""Of each of those characters outside code in the whole file. Fewer '<': an unclosed tag costs
Python-Markdown time that grows with the square of their number in the whole file, not per paragraph."""
COSTLY = "[<`"

# Possessive quantifiers throughout: a line of thousands of spaces must not make a pattern backtrack.
_MARKER = re.compile(r"[ \t]*+(?:>|(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$))")
_THEMATIC_BREAK = re.compile(r"^ {0,3}([-*_])(?:[ \t]*+\1){2,}+[ \t]*+$")
_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}(?:[ \t]|$)")
_DELIMITER_ROW = re.compile(r"^[ \t>]*+\|?+(?:[ \t]*+:?+-++:?+[ \t]*+\|)++(?:[ \t]*+:?+-++:?+[ \t]*+)?+$")
_NEW_BLOCK = re.compile(r"^[ \t>]*+(?:[-+*]|\d{1,9}[.)]|[|#])")
_FIX_NESTING = "maak de opbouw platter, bijvoorbeeld met tussenkoppen"
_FIX_CODE = "splits de alinea op, of zet de tekens in een codeblok tussen ``` en ```"


def check_limits(path: str, body: str, first_line: int) -> list[Problem]:
    """The first line that breaks each cap; code blocks and code spans are not counted."""
    found: dict[str, Problem] = {}

    def add(kind: str, number: int, column: int, message: str) -> None:
        found.setdefault(kind, Problem(path, first_line + number, column, "tekst", message))

    in_paragraph = dict.fromkeys(COSTLY, 0)
    in_file = dict.fromkeys(COSTLY, 0)
    for number, line in enumerate(mask_code(body).split("\n")):
        if len(line) > MAX_LINE:
            add("line", number, MAX_LINE + 1,
                f"deze regel is te lang ({_number(len(line))} tekens; maximaal {_number(MAX_LINE)}); zet "
                "witregels tussen de alinea's of verwijder ingeplakte gegevens")
        stripped = line.lstrip(" \t")
        if not stripped:
            in_paragraph = dict.fromkeys(COSTLY, 0)
            continue
        _check_nesting(line, stripped, number, add)
        if _HEADING.match(line) and len(stripped) > MAX_HEADING:
            add("heading", number, 1, f"deze kop is te lang ({len(stripped)} tekens; maximaal {MAX_HEADING}); "
                "maak hem korter en zet de rest in de tekst eronder")
        if _DELIMITER_ROW.match(line):
            columns = len([cell for cell in line.strip(" \t>|").split("|")])
            if columns > MAX_COLUMNS:
                add("table", number, 1, f"deze tabel heeft {columns} kolommen (maximaal {MAX_COLUMNS}); splits "
                    "de tabel, of voeg de gegevens toe als CSV- of Excel-bestand en link ernaar")
        if _NEW_BLOCK.match(line):
            in_paragraph = dict.fromkeys(COSTLY, 0)  # list items, table rows and headings are rendered apart
        for character in COSTLY:
            count = line.count(character)
            in_paragraph[character] += count
            in_file[character] += count
            if in_paragraph[character] > MAX_PER_PARAGRAPH:
                add(f"paragraph{character}", number, 1,
                    f"deze alinea bevat meer dan {MAX_PER_PARAGRAPH} keer '{character}'; dat maakt het omzetten "
                    f"naar een webpagina onwerkbaar traag; {_FIX_CODE}")
            if in_file[character] > MAX_PER_FILE[character]:
                add(f"file{character}", number, 1,
                    f"het bestand bevat meer dan {_number(MAX_PER_FILE[character])} keer '{character}' buiten "
                    "codeblokken; verdeel de tekst over meer pagina's")
    return sorted(found.values())


def _number(value: int) -> str:
    return f"{value:,}".replace(",", ".")  # Dutch thousands separator


def _check_nesting(line: str, stripped: str, number: int, add: Callable[[str, int, int, str], None]) -> None:
    indent = len(line[: len(line) - len(stripped)].expandtabs(4))
    if indent > MAX_INDENT:
        add("indent", number, 1,
            f"deze regel springt {indent} posities in (maximaal {MAX_INDENT}); {_FIX_NESTING}")
    if _THEMATIC_BREAK.match(line):
        return
    depth, position = 0, 0
    while depth <= MAX_DEPTH and (marker := _MARKER.match(line, position)):
        depth, position = depth + 1, marker.end()
    if depth > MAX_DEPTH:
        add("depth", number, 1, f"lijsten en citaten zijn hier meer dan {MAX_DEPTH} niveaus diep in elkaar "
            f"gezet; {_FIX_NESTING}")
