"""Synonyms and abbreviations for search, maintained by editors in ``docs/_data/synoniemen.yml``.

Officials type everyday words ("armoede") where the hub says something else
("bestaanszekerheid", "schulden"), and abbreviations ("Wmo") where texts spell
them out. The list is data, validated like the taxonomy (Dutch messages with
line and column), and applied at query time by ``kennisbank/outputs/search/assets/zoekmachine.js``:
a query word also finds the words it stands for, ranked below the word itself.

Two kinds of entry::

    - gelijk: [Wmo, maatschappelijke ondersteuning]      # each finds the others
    - zoekwoord: armoede                                 # one way: armoede also finds …
      vindt_ook: [bestaanszekerheid, geldzorgen, schulden]
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError, model_validator
from pydantic_core import PydanticCustomError

from .frontmatter import parse_yaml
from .messages import problems_from_validation
from .problems import Problem

SYNONYMS_FILE = "synoniemen.yml"
"""In ``docs/_data/``; optional: a hub without it simply has no synonyms."""

Phrase = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=80)]


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    gelijk: list[Phrase] | None = Field(
        default=None, min_length=2, description="Woorden die elkaar vinden, in beide richtingen.")
    zoekwoord: Phrase | None = Field(default=None, description="Wat bezoekers typen.")
    vindt_ook: list[Phrase] | None = Field(
        default=None, min_length=1, description="Wat het zoekwoord ook vindt (alleen in deze richting).")

    @model_validator(mode="after")
    def _one_kind(self) -> _Entry:
        if self.gelijk is not None and (self.zoekwoord is not None or self.vindt_ook is not None):
            raise PydanticCustomError(
                "synoniemen", "gebruik óf 'gelijk', óf 'zoekwoord' met 'vindt_ook', niet allebei")
        if self.gelijk is None and (self.zoekwoord is None or self.vindt_ook is None):
            raise PydanticCustomError(
                "synoniemen", "geef 'gelijk: [woord, woord]', of 'zoekwoord' samen met 'vindt_ook'")
        return self

    def directions(self) -> list[tuple[str, list[str]]]:
        """(query phrase, phrases it also finds) pairs."""
        if self.gelijk is not None:
            return [(word, [other for other in self.gelijk if other != word]) for word in self.gelijk]
        assert self.zoekwoord is not None and self.vindt_ook is not None
        return [(self.zoekwoord, list(self.vindt_ook))]


_KEYS = list(_Entry.model_fields)


class _SynonymsFile(BaseModel):
    """The file's shape only; each entry is validated on its own (:func:`load_synonyms`)."""

    model_config = ConfigDict(extra="forbid")
    synoniemen: list[dict[str, Any]]


@dataclass(frozen=True)
class Synonyms:
    """Query phrase -> phrases it also finds, as editors wrote them."""

    pairs: list[tuple[str, list[str]]]

    def analysed(self, analyse: Callable[[str], list[str]]) -> dict[str, list[list[str]]]:
        """Keyed by the query phrase's terms joined with a space; per alternative its terms.

        Terms, not words: the browser looks a query up after the same analysis
        (stemming, stop words), so "schuld" and "schulden" are one key.
        """
        table: dict[str, list[list[str]]] = {}
        for phrase, others in self.pairs:
            key = " ".join(analyse(phrase))
            if not key:
                continue
            alternatives = table.setdefault(key, [])
            for other in others:
                terms = analyse(other)
                if terms and terms != key.split(" ") and terms not in alternatives:
                    alternatives.append(terms)
        return {key: value for key, value in table.items() if value}


def load_synonyms(data_dir: Path, rel: str) -> tuple[Synonyms, list[Problem]]:
    """Read ``synoniemen.yml``; every problem is reported at its line, none raises."""
    path = data_dir / SYNONYMS_FILE
    if not path.is_file():
        return Synonyms([]), []
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return Synonyms([]), [Problem(rel, 1, 1, "bestand", "het bestand is geen leesbare UTF-8-tekst")]
    data, positions, problems = parse_yaml(text, rel)
    if data is None:
        return Synonyms([]), problems
    try:
        listed = _SynonymsFile.model_validate(data).synoniemen
    except ValidationError as exc:
        return Synonyms([]), problems_from_validation(exc, rel, lambda loc: _position(positions, loc))
    # Each entry on its own: a mistake in one is reported and the others still count.
    found: list[Problem] = []
    entries: list[_Entry] = []
    seen: dict[str, int] = {}
    for index, raw in enumerate(listed):
        try:
            entry = _Entry.model_validate(raw)
        except ValidationError as exc:
            found.extend(_entry_problems(exc, rel, positions, index))
            continue
        if entry.zoekwoord is not None:
            key = entry.zoekwoord.lower()
            line, column = _position(positions, ("synoniemen", index, "zoekwoord"))
            if key in seen:
                found.append(Problem(rel, line, column, "synoniemen.zoekwoord",
                                     f"zoekwoord '{entry.zoekwoord}' staat al op regel {seen[key]}; "
                                     "voeg de woorden daar samen"))
                continue
            seen[key] = line
        entries.append(entry)
    return Synonyms([pair for entry in entries for pair in entry.directions()]), found


def _entry_problems(exc: ValidationError, rel: str, positions: dict, index: int) -> list[Problem]:
    """The problems of entry ``index``, named as fields of ``synoniemen``."""

    def position_of(loc: tuple) -> tuple[int, int]:
        return _position(positions, ("synoniemen", index, *loc))

    problems = problems_from_validation(exc, rel, position_of, known_fields=_KEYS)
    return [replace(p, field="synoniemen" if p.field == "frontmatter" else f"synoniemen.{p.field}") for p in problems]


def _position(positions: dict, loc: tuple) -> tuple[int, int]:
    """The position of ``loc`` or of the nearest enclosing field that has one."""
    loc = tuple(loc)
    while loc:
        if loc in positions:
            return positions[loc]
        loc = loc[:-1]
    return (1, 1)
