"""Self-check blocks ("Toets jezelf") in plain Markdown: parse and validate.

The syntax follows admonitions, so a Markdown editor shows it sensibly::

    !!! toets "Vraag?"
        - [ ] een fout antwoord
        - [x] een goed antwoord

        Toelichting: waarom dit het goede antwoord is.

    !!! toets "Open vraag?"
        Modelantwoord: wat een goed antwoord bevat.

Written by hand because no Markdown library knows quiz blocks, and contributors
need a ``pad:regel:kolom`` message for every mistake, at load time, before any
page is rendered. The same parser feeds the renderer
(:mod:`kennisbank.academie.markdown_ext`), so what validates is what renders.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..content.markup import in_fenced_code
from ..content.problems import Problem

HEADER = re.compile(r"^!!! toets(?:[ \t]+(?P<rest>.*?))?[ \t]*$")
"""The opening line; the question follows in double quotes as an admonition title."""
_QUOTED = re.compile(r'^"(?P<question>.*)"$')
# Trailing space is cut with rstrip, not with a lazy '.*?' before '\s*$', which is quadratic on long spaces.
_OPTION = re.compile(r"^[-*+][ \t]+\[(?P<mark>[ xX])\][ \t]+(?P<text>\S.*)$")
_EMPTY_OPTION = re.compile(r"^[-*+][ \t]+\[[ xX]\][ \t]*$")
_LIST_ITEM = re.compile(r"^(?:[-*+]|\d+[.)])(?:[ \t]|$)")
_KEY = re.compile(r"^(?P<key>toelichting|modelantwoord)[ \t]*:[ \t]*(?P<text>.*)$", re.IGNORECASE)

FIELD = "toets"
"""The ``veld`` part of a problem about a self-check."""
EXPLANATION = "Toelichting"
MODEL_ANSWER = "Modelantwoord"
SYNTAX_HINT = "!!! toets \"Vraag?\""


@dataclass(frozen=True)
class Option:
    """One answer of a multiple-choice question."""

    text: str
    """Markdown (inline) of the answer."""
    correct: bool
    line: int


@dataclass
class SelfCheck:
    """One parsed ``!!! toets`` block."""

    question: str
    """Markdown (inline) of the question."""
    line: int
    """Line of the ``!!! toets`` header."""
    options: list[Option] = field(default_factory=list)
    explanation: str | None = None
    """Markdown (blocks) shown with the right answer; multiple choice only."""
    model_answer: str | None = None
    """Markdown (blocks) of the model answer; open questions only."""

    @property
    def kind(self) -> str:
        """``open``, ``single`` (one right answer: radio buttons) or ``multiple`` (checkboxes)."""
        if not self.options:
            return "open"
        return "single" if sum(o.correct for o in self.options) == 1 else "multiple"

    @property
    def correct_options(self) -> list[Option]:
        return [o for o in self.options if o.correct]


@dataclass(frozen=True)
class Issue:
    """A mistake in a self-check block, before it knows its file."""

    line: int
    column: int
    message: str


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


def _dedent(line: str) -> str:
    if line.startswith("\t"):
        return line[1:]
    return line[4:] if line.startswith("    ") else line.lstrip(" ")


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def block_extent(lines: list[str], header: int) -> int:
    """Index just past the body of the block whose header is ``lines[header]``.

    The body is every following line that is blank or indented (four spaces
    or a tab), as for admonitions; trailing blank lines are not part of it.
    """
    end = header + 1
    last = header + 1
    while end < len(lines) and (not lines[end].strip() or lines[end].startswith(("    ", "\t"))):
        end += 1
        if lines[end - 1].strip():
            last = end
    return last


def parse(rest: str | None, body: list[str], line: int) -> tuple[SelfCheck | None, list[Issue]]:
    """Parse one block: ``rest`` is what follows ``!!! toets`` on the header line ``line``.

    ``body`` are the (still indented) lines after the header. Returns the
    self-check, or ``None`` with the reasons when it cannot be shown.
    """
    issues: list[Issue] = []
    question = _question(rest, line, issues)
    check = SelfCheck(question=question or "", line=line)
    sections: dict[str, tuple[int, list[str]]] = {}
    current: str | None = None
    continuing = False  # the previous content line was an option (or its continuation)
    malformed = False  # a broken option makes counting options meaningless
    blank_before = True
    for offset, raw in enumerate(body, start=1):
        number, column = line + offset, _indent(raw) + 1
        text = _dedent(raw)
        stripped = text.strip()
        key = _KEY.match(text) if (blank_before or current is None) else None
        blank_before = not stripped
        if key:
            name = EXPLANATION if key["key"].lower() == "toelichting" else MODEL_ANSWER
            if name in sections:
                issues.append(Issue(number, column, f"'{name}:' staat er twee keer; schrijf één {name.lower()}"))
            sections[name] = (number, [key["text"]])
            current, continuing = name, False
            continue
        if current is not None:
            sections[current][1].append(text)
            continue
        if not stripped:
            continue
        option = _OPTION.match(text)
        if option:
            check.options.append(Option(option["text"].rstrip(), option["mark"] != " ", number))
            continuing = True
        elif _EMPTY_OPTION.match(text):
            malformed = True
            issues.append(Issue(number, column, "lege keuze; schrijf de tekst van de keuze na '- [ ]' of '- [x]'"))
        elif _LIST_ITEM.match(text):
            malformed = True
            issues.append(Issue(number, column, f"ongeldige keuze '{_short(stripped)}'; begin elke keuze met "
                                                "'- [ ] ' (fout antwoord) of '- [x] ' (goed antwoord)"))
        elif continuing and text.startswith(("  ", "\t")) and check.options:
            last = check.options.pop()
            check.options.append(Option(f"{last.text} {stripped}", last.correct, last.line))
        else:
            issues.append(Issue(number, column, f"onverwachte tekst '{_short(stripped)}'; een toets bevat alleen "
                                                "keuzes ('- [ ] ' en '- [x] '), een 'Toelichting:' of een "
                                                "'Modelantwoord:'"))
            continuing = False
    for name, (number, lines) in sections.items():
        content = "\n".join(lines).strip()
        if not content:
            empty = "de toelichting is leeg" if name == EXPLANATION else "het modelantwoord is leeg"
            issues.append(Issue(number, 5, empty))
        elif name == EXPLANATION:
            check.explanation = content
        else:
            check.model_answer = content
    if not malformed:
        issues.extend(_structure(check, sections, line))
    if issues or question is None:
        return None, issues
    return check, issues


def _question(rest: str | None, line: int, issues: list[Issue]) -> str | None:
    rest = (rest or "").strip()
    if not rest:
        issues.append(Issue(line, 1, f"de vraag ontbreekt; schrijf de vraag tussen aanhalingstekens: {SYNTAX_HINT}"))
        return None
    quoted = _QUOTED.match(rest)
    if not quoted:
        issues.append(Issue(line, 10, f"zet de vraag tussen dubbele aanhalingstekens: {SYNTAX_HINT}"))
        return None
    if not quoted["question"].strip():
        issues.append(Issue(line, 10, "de vraag is leeg; schrijf de vraag tussen de aanhalingstekens"))
        return None
    return quoted["question"].strip()


def _structure(check: SelfCheck, sections: dict[str, tuple[int, list[str]]], line: int) -> Iterator[Issue]:
    """Rules about the block as a whole: which answers it has."""
    if check.options and MODEL_ANSWER in sections:
        yield Issue(sections[MODEL_ANSWER][0], 5, "een toets heeft keuzes óf een modelantwoord, niet allebei")
    elif not check.options and EXPLANATION in sections:
        yield Issue(sections[EXPLANATION][0], 5, "een 'Toelichting:' hoort bij keuzes; zet bij een open vraag "
                                                 "alles in het 'Modelantwoord:'")
    elif not check.options and MODEL_ANSWER not in sections:
        yield Issue(line, 1, "deze toets heeft geen antwoorden; geef keuzes ('- [ ] ' en '- [x] ') of een "
                             "'Modelantwoord:', vier spaties ingesprongen onder de vraag")
    if len(check.options) == 1:
        yield Issue(check.options[0].line, 5, "een meerkeuzevraag heeft minstens twee keuzes")
    if check.options and not check.correct_options:
        yield Issue(check.options[0].line, 5, "geen goed antwoord; markeer minstens één keuze met '- [x]'")


def find(text: str, first_line: int = 1) -> Iterator[tuple[SelfCheck | None, list[Issue]]]:
    """Every self-check block of a Markdown text, outside fenced code.

    ``first_line`` is the file line of ``text``'s first line, so issues carry
    real line numbers.
    """
    if "!!! toets" not in text:  # most pages have none; skip the line-by-line walk
        return
    lines = text.splitlines()
    code = in_fenced_code(lines)
    index = 0
    while index < len(lines):
        current = lines[index]
        if code[index]:
            index += 1
            continue
        header = HEADER.match(current)
        if header:
            end = block_extent(lines, index)
            yield parse(header["rest"], lines[index + 1:end], first_line + index)
            index = end
            continue
        index += 1


def check_text(text: str, path: str, first_line: int = 1) -> list[Problem]:
    """Problems in the self-checks of one file's Markdown body."""
    return [Problem(path, issue.line, issue.column, FIELD, issue.message)
            for _, issues in find(text, first_line) for issue in issues]
