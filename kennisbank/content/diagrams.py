"""Mermaid diagrams that would make a visitor's browser ask another host for something.

A diagram is text until Mermaid draws it in the browser, so the sanitizer never sees what it becomes:
an image shape (``A@{ img: "https://…" }``) or a CSS ``url(…)`` in a ``style``/``classDef`` line or an
``%%{init}%%`` directive is fetched by every visitor (where no Content-Security-Policy stops it: GitHub
Pages, the offline copy). That tells the other host who reads the page, so it is refused like an image
from another website, and as danger (ERROR): the build cannot take it out of the diagram, so a default
build leaves the page out. Script in a label (``<img onerror=…>``, ``javascript:``) is refused the same way,
though Mermaid (``securityLevel: 'strict'``, purifier settings in
``overrides/assets/javascripts/kennisbank/diagrammen.js``) would clean it: the contributor hears of it. A click
callback only warns: strict Mermaid ignores it, and the diagram is fine without it.
"""

from __future__ import annotations

import re

from .fences import fences
from .problems import Problem, Severity
from .urls import leaves_site

# Linear: an event handler attribute is 'on…=' after a '<' on the same line (no pattern spans the tag).
_CODE = re.compile(r"<\s*script\b|\son[a-z]+\s*=|javascript\s*:", re.IGNORECASE)
_CALLBACK = re.compile(r"^\s*click\s+\S+\s+(?:call\b|callback\b|(?![\"']|href\b)[A-Za-z_$][\w$]*\s*(?:\(|$|\s))")
_IMAGE = re.compile(r"""\bimg\s*:\s*["']?([^"',}\s]*)""")
_CSS_URL = re.compile(r"""\burl\s*\(\s*["']?([^"')\s]*)""", re.IGNORECASE)
# Mermaid's CSS statements: a colour function is fine; any other function, an escape ('\75 rl(' is url())
# or an at-rule could fetch something, and a diagram needs none of them.
_CSS_STATEMENT = re.compile(r"^\s*(?:style|classDef|linkStyle)\b")
_CSS_COLOUR_FUNCTION = re.compile(r"\b(?:rgba?|hsla?)\s*\(", re.IGNORECASE)
_CSS_RISK = re.compile(r"[\w-]+\s*\(|\\|@")
ADVICE = ("de browser van elke bezoeker vraagt die website er dan om (en vertelt zo wie de pagina leest); "
          "zet de afbeelding in de repository en laat haar naast het diagram zien, of laat haar weg")


def check_diagrams(path: str, body: str, first_line: int = 1) -> list[Problem]:
    """An error for every reference in a ```` ```mermaid ```` block that the browser would fetch from elsewhere, and
    for script; a warning for a click callback."""
    problems: list[Problem] = []
    for fence in fences(body, first_line):
        if fence.header.group("lang") != "mermaid":
            continue
        for line, text in fence.lines:
            problems.extend(Problem(path, line, column, "diagram", message, severity)
                            for column, message, severity in _line_problems(text))
    return problems


def _line_problems(text: str) -> list[tuple[int, str, Severity]]:
    found: list[tuple[int, str, Severity]] = []
    tag = text.find("<")
    code = next((m for m in _CODE.finditer(text) if not m.group(0)[0].isspace() or -1 < tag < m.start()), None)
    if code is not None:
        shown = code.group(0).strip()
        found.append((code.end() - len(code.group(0).lstrip()) + 1, f"'{shown}' zou code uitvoeren; een diagram "
                      "draait zonder code (Mermaid schoont het op), dus laat het weg", Severity.ERROR))
    if _CALLBACK.match(text):
        found.append((len(text) - len(text.lstrip()) + 1, "een klik-actie met code werkt niet op deze site: "
                      "diagrammen draaien zonder code; laat haar weg, of maak er een link van: "
                      "click A href \"https://…\"", Severity.WARNING))
    for match in _IMAGE.finditer(text):
        if leaves_site(match.group(1)):
            found.append((match.start() + 1, f"afbeelding '{match.group(1)[:80]}' staat op een andere website; "
                          + ADVICE, Severity.ERROR))
    for match in _CSS_URL.finditer(text):
        found.append((match.start() + 1, f"'url({match.group(1)[:80]})' laadt een bestand in de opmaak van het "
                      "diagram; " + ADVICE, Severity.ERROR))
    if _CSS_STATEMENT.match(text) and not any(severity is Severity.ERROR for _, _, severity in found):
        risky = _CSS_RISK.search(_CSS_COLOUR_FUNCTION.sub(lambda m: " " * len(m.group(0)), text))
        if risky is not None:
            found.append((risky.start() + 1, f"opmaak '{risky.group(0)}' is in een diagram niet toegestaan; "
                          "gebruik alleen kleuren (#336699, rgb(…)), lijndiktes en lettergroottes, zoals "
                          "fill:#f9f,stroke:#333", Severity.ERROR))
    return found
