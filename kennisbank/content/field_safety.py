"""Reject markup in frontmatter: every field is plain text.

Frontmatter values reach many places the body's sanitizer never sees: the
page title in ``<title>`` and the header, the summary in ``<meta
name="description">``, tags on the trefwoorden page, a course title in the
breadcrumbs of every module, search results, feeds. The build escapes all of
them (:mod:`kennisbank.site.escaping`), so a title like ``<img src=x onerror=…>``
shows as text instead of running; this check tells the contributor at the
field, so that a green ``kennisbank check`` also means nothing had to be
neutralised.

Lenient about form: ``<`` followed by a space or a digit (``gemeenten < 10.000
inwoners``), ``&`` and quotes are ordinary text and stay allowed; only what an
HTML parser would read as the start of a tag, comment or declaration is refused.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from .problems import Problem

FieldPath = tuple[str | int, ...]

# What the HTML tokenizer reads as markup after '<': a tag name, an end tag, '<!' (comment, doctype,
# CDATA) or '<?' (a bogus comment). Anything else after '<' is text to the browser too.
_MARKUP = re.compile(r"<[A-Za-z/!?]")


def check_fields(path: str, meta: dict[str, Any], position: Callable[[FieldPath], tuple[int, int]]) -> list[Problem]:
    """An error for every frontmatter string that holds HTML markup, at its own line and column."""
    problems = []
    for loc, value in _strings(meta, ()):
        message = markup_problem(value)
        if message is not None:
            line, column = position(loc)
            problems.append(Problem(path, line, column, _field_name(loc), message))
    return problems


def markup_problem(value: str) -> str | None:
    """The Dutch message when a plain-text value holds HTML markup, else None."""
    match = _MARKUP.search(value)
    if match is None:
        return None
    found = value[match.start(): match.start() + 30]
    if len(value) > match.start() + 30:
        found += "…"
    return (f"HTML is niet toegestaan: dit veld is gewone tekst (gevonden: '{found}'); bedoelt u het teken '<', "
            "zet er dan een spatie achter")


def _strings(value: Any, loc: FieldPath) -> Iterator[tuple[FieldPath, str]]:
    if isinstance(value, str):
        yield loc, value
    elif isinstance(value, dict):
        for key, child in value.items():
            yield from _strings(child, loc + (str(key),))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _strings(child, loc + (index,))


def _field_name(loc: FieldPath) -> str:
    # As messages.problems_from_validation names fields: 'contact.naam', list entries by their list.
    return ".".join(str(part) for part in loc if not isinstance(part, int)) or "frontmatter"
