"""A collection page as a hub item: the hub's fields mapped from the source's frontmatter.

Strict about the hub's own fields (they are validated by the same model as
every article), lenient about the source's form: a missing title comes from
the first heading, a missing summary from the first paragraph, missing dates
from git, and every field the hub does not use is kept as it is
(:attr:`Mapped.source_fields`), never dropped.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import posixpath
import re
from dataclasses import dataclass, field
from typing import Any

from ..frontmatter import Source
from ..problems import Problem, Severity
from ..published import is_mdx
from .dialects import convert_docusaurus
from .spec import Collection

_H1 = re.compile(r"^#[ \t]+(?P<title>.+?)[ \t]*#*[ \t]*$")
_MARKUP = re.compile(r"!\[[^\]]*\]\([^)]*\)|\[([^\]]*)\]\([^)]*\)|[*_`]+|<[^>]+>")
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
MAX_TITLE, MAX_SUMMARY, MAX_TAGS = 150, 300, 12


@dataclass
class Mapped:
    """The outcome of mapping one page."""

    meta: dict[str, Any]
    """Hub frontmatter, ready for the model."""
    body: str
    body_line: int
    origin: dict[str, str] = field(default_factory=dict)
    """Hub field → the source field it came from, so problems point at what the contributor wrote."""
    source_fields: dict[str, Any] = field(default_factory=dict)
    """The source's own fields the hub does not use, kept as they are."""
    problems: list[Problem] = field(default_factory=list)


def map_page(src: str, source: Source, collection: Collection) -> Mapped:
    """Map the frontmatter and body of ``src`` (in ``collection``) onto the hub's fields."""
    spec, names = collection.spec, collection.spec.velden
    fm = source.meta
    used = set()

    def take(hub_field: str, source_field: str) -> Any:
        if source_field in fm and fm[source_field] not in (None, "", []):
            used.add(source_field)
            mapped.origin[hub_field] = source_field
            return fm[source_field]
        used.add(source_field) if source_field in fm else None
        return None

    mapped = Mapped(meta={}, body=source.body, body_line=source.body_line)
    if spec.dialect == "docusaurus" or is_mdx(src):
        converted = convert_docusaurus(source.body, source.path, source.body_line)
        mapped.body = converted.body
        mapped.problems.extend(converted.problems)
    title = take("titel", names.titel)
    heading = first_heading(mapped.body)
    if title is None and heading is not None:
        title = heading[0]
    if heading is not None and same_title(heading[0], str(title)):
        mapped.body, mapped.body_line = _without_line(mapped.body, mapped.body_line, heading[1])
    if title is None:
        title = _from_file_name(src)
    summary = take("samenvatting", names.samenvatting) or first_paragraph(mapped.body) or title
    meta = mapped.meta
    meta["type"] = collection.type_of(src)
    if meta["type"] == "praktijkvoorbeeld":
        # The fields only a good practice has come under the hub's own names; the model checks them strictly.
        for hub_field in ("gemeenten", "contact"):
            value = take(hub_field, hub_field)
            if value is not None:
                meta[hub_field] = value
            else:
                mapped.problems.append(Problem(
                    source.path, 1, 1, hub_field,
                    f"verplicht veld ontbreekt: volgens 'mappen' in {collection.data_file} is deze pagina een "
                    f"praktijkvoorbeeld; voeg '{hub_field}' toe, of geef de map de soort artikel"))
    meta["titel"] = _shorten(str(title), MAX_TITLE, src, source, "titel", mapped)
    meta["samenvatting"] = _shorten(" ".join(str(summary).split()), MAX_SUMMARY, src, source, "samenvatting",
                                    mapped)
    meta["themas"] = list(dict.fromkeys([*spec.themas, *_as_list(take("themas", names.themas))]))
    meta["netwerken"] = list(spec.netwerken)
    tags = [str(t) for t in _as_list(take("tags", names.tags))]
    if len(tags) > MAX_TAGS:
        mapped.problems.append(_warning(source, mapped, "tags", f"{len(tags)} trefwoorden; de eerste {MAX_TAGS} "
                                        "worden gebruikt"))
        tags = tags[:MAX_TAGS]
    meta["tags"] = tags
    meta["auteurs"] = [_author(a) for a in _as_list(take("auteurs", names.auteurs))] or [spec.organisatie]
    first, last = collection.dates.get(src, (None, None))
    published = _valid_day(take("gepubliceerd", names.gepubliceerd), source, mapped, "gepubliceerd") \
        or first or spec.gepubliceerd
    if published is not None:
        meta["gepubliceerd"] = published
    else:
        mapped.problems.append(Problem(
            source.path, 1, 1, names.gepubliceerd,
            f"geen datum: de pagina heeft geen '{names.gepubliceerd}' en de git-geschiedenis geeft er geen; "
            f"voeg 'gepubliceerd: JJJJ-MM-DD' toe aan {collection.data_file}"))
    updated = _valid_day(take("bijgewerkt", names.bijgewerkt), source, mapped, "bijgewerkt") or last
    if updated is not None and published is not None and updated > _as_date(published):
        meta["bijgewerkt"] = updated
    if take("concept", names.concept) is True:
        meta["status"] = "concept"
    mapped.source_fields = {k: v for k, v in fm.items() if k not in used}
    return mapped


def first_heading(body: str) -> tuple[str, int] | None:
    """The first ``# Heading`` if it is the first text of the body: (plain text, index of its line)."""
    for index, line in enumerate(body.split("\n")):
        stripped = line.strip()
        if not stripped or stripped.startswith(("import ", "export ", "<!--")):
            continue  # MDX imports come before the heading
        match = _H1.match(stripped)
        return (_plain(match.group("title")), index) if match else None
    return None


def same_title(heading: str, title: str) -> bool:
    """Equal or near-equal, ignoring case, punctuation and spacing ('Het model' ~ 'Het model.')."""
    a, b = _key(heading), _key(title)
    return a == b or difflib.SequenceMatcher(None, a, b).ratio() >= 0.9


def first_paragraph(body: str) -> str | None:
    """The first paragraph of plain text (no heading, list, table, code or HTML block)."""
    lines: list[str] = []
    for line in body.split("\n"):
        stripped = line.strip()
        if not stripped:
            if lines:
                break
            continue
        if not lines and (stripped[0] in "#>|-*+<!`:[{~=" or re.match(r"^\d+\.", stripped)
                          or stripped.startswith(("import ", "export "))):
            continue
        lines.append(stripped)
    text = _plain(" ".join(lines))
    return text or None


def _key(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.casefold())


def _plain(text: str) -> str:
    return " ".join(_MARKUP.sub(lambda m: m.group(1) or "", text).split())


def _without_line(body: str, body_line: int, index: int) -> tuple[str, int]:
    """``body`` with its line ``index`` blanked: every later line keeps its number for messages."""
    lines = body.split("\n")
    lines[index] = ""
    return "\n".join(lines), body_line


def _from_file_name(src: str) -> str:
    stem = posixpath.splitext(posixpath.basename(src))[0]
    if stem.lower() in ("index", "readme"):
        stem = posixpath.basename(posixpath.dirname(src))
    words = re.sub(r"^\d+[-_. ]+", "", stem).replace("-", " ").replace("_", " ").strip()
    return (words[:1].upper() + words[1:]) or stem


def _shorten(text: str, limit: int, src: str, source: Source, hub_field: str, mapped: Mapped) -> str:
    text = text.strip()
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    mapped.problems.append(_warning(source, mapped, hub_field, f"langer dan {limit} tekens; ingekort tot "
                                    f"'{cut[:40]}…'"))
    return cut


def _warning(source: Source, mapped: Mapped, hub_field: str, message: str) -> Problem:
    name = mapped.origin.get(hub_field, hub_field)
    line, column = source.position((name,))
    return Problem(source.path, line, column, name, message, Severity.WARNING)


def _valid_day(value: Any, source: Source, mapped: Mapped, hub_field: str) -> dt.date | None:
    """A source date, or None with a warning when it is no date: the page then takes its date from git or the
    data file. Lenient about form, since the source was not written for the hub."""
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value
    text = str(_day(value))
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        mapped.problems.append(_warning(source, mapped, hub_field, f"'{text}' is geen bestaande datum "
                                        "(JJJJ-MM-DD); de datum uit git of uit de beschrijving van de collectie "
                                        "is gebruikt"))
        return None


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    return list(value) if isinstance(value, (list, tuple)) else [value]


def _author(value: Any) -> str:
    # Docusaurus writes authors as mappings ({name: …, title: …}); MkDocs blogs as plain names.
    if isinstance(value, dict):
        return str(value.get("name") or value.get("naam") or next(iter(value.values()), ""))
    return str(value)


def _day(value: Any) -> Any:
    """A date field as the model reads it: 'JJJJ-MM-DD', also from a timestamp ('2024-03-01T10:00:00Z')."""
    if value is None or isinstance(value, dt.date):
        return value
    text = str(value).strip()
    return text[:10] if _ISO_DAY.match(text) else text


def _as_date(value: Any) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return dt.date.max  # an invalid date: the model reports it; 'bijgewerkt' is then left out


def source_field_problems(problems: list[Problem], origin: dict[str, str]) -> list[Problem]:
    """Problems of the hub model renamed to the source field they came from (``description: …``)."""
    renamed = []
    for problem in problems:
        head, dot, rest = problem.field.partition(".")
        if head in origin:
            problem = dataclasses.replace(problem, field=origin[head] + dot + rest)
        renamed.append(problem)
    return renamed
