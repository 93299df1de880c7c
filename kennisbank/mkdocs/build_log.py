"""MkDocs' own link warnings, in Dutch and at the file, line and column of the link.

``kennisbank check`` reports broken links and images itself, before a build;
this is the net for what it does not know (a link MkDocs resolves differently,
a page a plugin removed). MkDocs names only the page (``Doc file 'x.md'
contains a link …``); the link is looked up in the page's source to give its
place, so a contributor reads the same ``pad:regel:kolom: veld: melding`` as
everywhere else.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from pathlib import Path

_DOC = r"Doc file '(?P<src>.+?)' contains "
_SUGGESTION = r"(?: Did you mean '(?P<suggest>.+?)'\?)?$"
_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(_DOC + r"a link '(?P<url>.+?)', but the target(?: '(?P<target>.+?)')? is not found among "
                r"documentation files\." + _SUGGESTION),
     "'{url}' verwijst naar een bestand dat niet op de site staat (gezocht: docs/{target})"),
    (re.compile(_DOC + r"an absolute link '(?P<url>.+?)', it was left as is\." + _SUGGESTION),
     ("'{url}' is een absoluut adres en blijft zoals het is; schrijf het pad in docs/, bijvoorbeeld "
      "'../map/pagina.md'")),
    (re.compile(_DOC + r"an unrecognized relative link '(?P<url>.+?)', it was left as is\." + _SUGGESTION),
     "'{url}' wijst niet naar een bestand; verwijs naar de Markdown-pagina zelf, bijvoorbeeld 'map/index.md'"),
    (re.compile(_DOC + r"a link '(?P<url>.+?)', but the doc '(?P<target>.+?)' does not contain an anchor "
                r"'#(?P<anchor>.+?)'\.$"),
     "'{url}': de pagina docs/{target} heeft geen kop met het anker '#{anchor}'"),
    (re.compile(_DOC + r"a link '(?P<url>.+?)', but there is no such anchor on this page\.(?P<rest>.*)$"),
     "'{url}': deze pagina heeft geen kop met dat anker"),
    (re.compile(_DOC + r"a link to '(?P<target>.+?)' which is excluded from the built site\.$"),
     "verwijst naar docs/{target}, dat niet op de site komt"),
]


def translate(message: str, docs_prefix: str, read: Callable[[str], str | None]) -> str | None:
    """``message`` as ``pad:regel:kolom: link: melding`` in Dutch, or None when it is not a link warning.

    ``read`` gives the Markdown source of a page by ``src`` (None if it has none on disk).
    """
    for pattern, template in _PATTERNS:
        match = pattern.match(message)
        if match is None:
            continue
        values = {k: v or "" for k, v in match.groupdict().items()}
        values["target"] = values.get("target") or values.get("url", "").lstrip("/")
        text = template.format(**values)
        if values.get("suggest"):
            text += f"; bedoelde je '{values['suggest']}'?"
        line, column = _place(read(values["src"]), values.get("url") or values.get("target", ""))
        return f"{docs_prefix}{values['src']}:{line}:{column}: link: {text}"
    return None


def _place(source: str | None, url: str) -> tuple[int, int]:
    """Line and column of the first ``(url`` (a Markdown link) or ``url`` in ``source``; 1:1 if not found."""
    if not source or not url:
        return 1, 1
    offset = source.find(f"({url}")
    offset = offset + 1 if offset >= 0 else source.find(url)
    if offset < 0:
        return 1, 1
    line = source.count("\n", 0, offset) + 1
    return line, offset - (source.rfind("\n", 0, offset) + 1) + 1


class DutchLinkWarnings(logging.Filter):
    """A filter for MkDocs' page logger that rewrites its link warnings (see :func:`translate`)."""

    def __init__(self) -> None:
        super().__init__()
        self.docs_dir: Path | None = None
        self.docs_prefix = "docs/"

    def start(self, docs_dir: Path, docs_prefix: str) -> None:
        """Set the docs folder of the build that is starting."""
        self.docs_dir, self.docs_prefix = docs_dir, docs_prefix

    def filter(self, record: logging.LogRecord) -> bool:
        if self.docs_dir is None or record.levelno < logging.INFO:
            return True
        translated = translate(record.getMessage(), self.docs_prefix, self._read)
        if translated is not None:
            record.msg, record.args = translated, ()
        return True

    def dutch(self, message: str) -> str:
        """``message`` translated like a record of MkDocs' page logger, or unchanged."""
        if self.docs_dir is None:
            return message
        return translate(message, self.docs_prefix, self._read) or message

    def _read(self, src: str) -> str | None:
        assert self.docs_dir is not None
        try:
            return (self.docs_dir / src).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return None


LINK_WARNINGS = DutchLinkWarnings()


def install() -> None:
    """Put the filter on MkDocs' page logger, once per process."""
    logger = logging.getLogger("mkdocs.structure.pages")
    if LINK_WARNINGS not in logger.filters:
        logger.addFilter(LINK_WARNINGS)
