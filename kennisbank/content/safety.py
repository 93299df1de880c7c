"""Reject contributed Markdown that could run script in a visitor's browser.

Every finding is an error at the line and column where the contributor wrote
it, with a Dutch explanation and what to do instead. This is the friendly half
of the defence; :mod:`kennisbank.site.sanitize` is the strict half that cleans the
built HTML whatever this module misses.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .field_safety import markup_problem
from .html_policy import FORBIDDEN_TAGS, host_allowed
from .ids import ID_ATTRIBUTES, id_problem
from .markup import Markup, Tag, final_url, scan, url_scheme
from .problems import Problem

UNSAFE_SCHEMES = {
    "javascript": "een 'javascript:'-adres voert code uit in de browser van de bezoeker; "
                  "link naar een gewone webpagina (https://…)",
    "vbscript": "een 'vbscript:'-adres voert code uit; link naar een gewone webpagina (https://…)",
    "data": "een 'data:'-adres kan code bevatten; voeg het bestand toe aan de map docs/ en verwijs ernaar",
}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "background",
                  "srcset", "lowsrc", "dynsrc", "codebase", "cite", "longdesc", "usemap", "manifest", "ping",
                  "values", "to", "from", "by"}
CODE_BLOCK_HINT = "; wil je HTML als voorbeeld tonen, zet het dan in een codeblok tussen ``` en ```"
_RISKY_CSS = ("url(", "expression(", "javascript:", "@import", "behavior", "-moz-binding")
_CSS_ESCAPE = re.compile(r"\\([0-9a-fA-F]{1,6})\s?|\\(.)")
# An unclosed comment runs to the end (as in CSS); the alternative '\Z' keeps a value full of '/*' linear.
_CSS_COMMENT = re.compile(r"/\*.*?(?:\*/|\Z)", re.S)


def _css_plain(value: str) -> str:
    """CSS as the browser reads it: escapes (\\0075rl) decoded, comments and spaces gone."""
    def decode(match: re.Match[str]) -> str:
        if match.group(1):
            code = int(match.group(1), 16)
            return chr(code) if 0 < code < 0x110000 else ""
        return match.group(2)

    return re.sub(r"\s", "", _CSS_COMMENT.sub("", _CSS_ESCAPE.sub(decode, value))).lower()


def check_body(path: str, body: str, first_line: int, embed_hosts: Iterable[str] = (),
               markup: Markup | None = None) -> list[Problem]:
    """Every unsafe construct in one Markdown body, as errors with positions."""
    markup = markup or scan(body, first_line)
    hosts = tuple(embed_hosts)
    problems: list[Problem] = []

    def add(line: int, column: int, field: str, message: str) -> None:
        problems.append(Problem(path, line, column, field, message))

    for ref in markup.references:
        scheme = url_scheme(final_url(ref.url))
        if scheme in UNSAFE_SCHEMES:
            add(ref.line, ref.column, "afbeelding" if ref.kind == "image" else "link", UNSAFE_SCHEMES[scheme])
    for tag in markup.tags:
        for message in _tag_problems(tag, hosts):
            add(tag.line, tag.column, "html", message)
    for attributes in markup.attr_lists:
        for message in _attribute_problems(attributes):
            add(attributes.line, attributes.column, "attributen", message)
    return problems


def _tag_problems(tag: Tag, hosts: tuple[str, ...]) -> list[str]:
    problems: list[str] = []
    if tag.name in FORBIDDEN_TAGS:
        problems.append(FORBIDDEN_TAGS[tag.name] + (CODE_BLOCK_HINT if tag.name in ("script", "style") else ""))
    elif tag.name == "iframe":
        src = (tag.get("src") or "").strip()
        if not host_allowed(src, hosts):
            allowed = ", ".join(hosts) if hosts else "nog geen enkele"
            problems.append(f"<iframe> met adres '{src[:80]}' is niet toegestaan; ingesloten inhoud mag alleen "
                            f"via https van deze hosts komen: {allowed} (de redactie beheert de lijst onder "
                            "extra.kennisbank.embeds in mkdocs.yml)")
    return problems + _attribute_problems(tag)


def _attribute_problems(tag: Tag) -> list[str]:
    problems = []
    for name, value in tag.attrs:
        value = value or ""
        if name.startswith("on"):
            problems.append(f"het attribuut '{name}' is niet toegestaan: het voert code uit in de browser")
        elif name in URL_ATTRIBUTES and url_scheme(final_url(value)) in UNSAFE_SCHEMES:
            problems.append(f"{name}: " + UNSAFE_SCHEMES[url_scheme(final_url(value))])
        elif name == "style" and any(risk in _css_plain(value) for risk in _RISKY_CSS):
            problems.append("dit style-attribuut is niet toegestaan: het laadt of voert iets uit; "
                            "de opmaak komt uit het thema van de site")
        elif name in ("srcdoc", "xmlns:xlink") or name.startswith("xlink:"):
            problems.append(f"het attribuut '{name}' is niet toegestaan")
        elif name in ID_ATTRIBUTES and (message := id_problem(value)):
            problems.append(f"{name}: {message}")
        elif name == "data-toc-label" and (message := markup_problem(value)):
            problems.append(f"{name}: {message}")  # the table of contents shows it as text
    return problems
