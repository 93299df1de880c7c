"""Problems found in contributed content, reported all at once.

Following Pelican, one bad file never stops the run: every problem is recorded
and the caller decides, after everything was read, whether the run fails.
A problem prints as ``pad:regel:kolom: veld: melding`` (Dutch, for contributors).
"""

from __future__ import annotations

import difflib
import enum
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path


def repo_path(path: Path, root: Path) -> str:
    """How messages name a file: relative to the repository root, with forward slashes.

    Both paths as the caller has them (resolve them first where a symlink or ``..`` may differ); a file
    outside the repository keeps its full path.
    """
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


class Severity(enum.Enum):
    """How bad a problem is, and so what a build does with the file it is in.

    ``kennisbank check`` and a strict build (pull requests) fail on ERROR and
    FORM alike. A default build publishes the valid rest: a file with an ERROR
    (danger, or an item that cannot be made) is left out, a FORM problem (a
    broken link, a missing image) is a warning and the page is published.
    """

    ERROR = "fout"
    FORM = "vormfout"
    WARNING = "waarschuwing"

    def is_error(self) -> bool:
        """Fails ``kennisbank check`` and a strict build."""
        return self is not Severity.WARNING

    def leaves_out(self) -> bool:
        """Keeps the file it is in off a default (lenient) build."""
        return self is Severity.ERROR


@dataclass(frozen=True, order=True)
class Problem:
    """One problem at one place in one file."""

    path: str
    """Path relative to the repository root, with forward slashes."""
    line: int
    """1-based line number; 1 when the problem concerns the whole file."""
    column: int
    """1-based column number."""
    field: str
    """Frontmatter field (or a short label such as ``yaml`` or ``link``)."""
    message: str
    """Dutch message for a contributor, with a suggestion where one exists."""
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.field}: {self.message}"

    def as_dict(self) -> dict[str, object]:
        return {
            "pad": self.path,
            "regel": self.line,
            "kolom": self.column,
            "veld": self.field,
            "melding": self.message,
            "ernst": self.severity.value,
        }


@dataclass
class Problems:
    """An ordered collection of problems of one run."""

    items: list[Problem] = field(default_factory=list)

    def add(
        self,
        path: str,
        line: int,
        column: int,
        field: str,
        message: str,
        severity: Severity = Severity.ERROR,
    ) -> None:
        self.items.append(Problem(path, line, column, field, message, severity))

    def extend(self, problems: Iterable[Problem]) -> None:
        self.items.extend(problems)

    def errors(self) -> list[Problem]:
        return [p for p in self.sorted() if p.severity.is_error()]

    def warnings(self) -> list[Problem]:
        return [p for p in self.sorted() if not p.severity.is_error()]

    def sorted(self) -> list[Problem]:
        # Stable, file-then-position order so output is reproducible.
        return sorted(set(self.items))

    def __iter__(self) -> Iterator[Problem]:
        return iter(self.sorted())

    def __len__(self) -> int:
        return len(self.items)

    def __bool__(self) -> bool:
        return bool(self.items)


class ContentError(Exception):
    """Raised at the end of a run that found errors; carries all of them."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        count = len(problems)
        noun = "fout" if count == 1 else "fouten"
        lines = "\n".join(str(p) for p in problems)
        super().__init__(f"De kennisbank bevat {count} {noun}:\n{lines}")


def suggest(value: str, choices: Iterable[str]) -> str:
    """Return ``"; bedoelde je 'x'?"`` for the closest choice, or ``""``."""
    choices = list(choices)
    lowered = {c.lower(): c for c in choices}
    matches = difflib.get_close_matches(value.lower(), list(lowered), n=1, cutoff=0.6)
    if not matches:
        # Prefix matches catch abbreviations such as 'klimaat' for 'klimaat-energie'.
        prefixed = [c for c in choices if c.lower().startswith(value.lower()) and value]
        matches = [prefixed[0].lower()] if prefixed else []
    return f"; bedoelde je '{lowered[matches[0]]}'?" if matches else ""
