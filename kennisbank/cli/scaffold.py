"""``kennisbank new``: a new item file that passes the check from the first save.

The answers are validated by the same pydantic models as every contribution,
the file is written from a Jinja template into the folder its type belongs in,
under a slug made from the title, and read back through the normal loader
before the command reports success. Existing files are never overwritten.
"""

from __future__ import annotations

import enum
import json
import posixpath
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import yaml
from pydantic import ValidationError

from ..content.frontmatter import read_source
from ..content.hub import Meta, validate_meta
from ..content.layout import content_files, slug_of, slugify
from ..content.messages import problems_from_validation
from ..content.model import MODELS, ItemType, Module, field_names
from ..content.problems import Problem, Problems, repo_path, suggest
from ..content.taxonomy import Taxonomy
from ..site.render import environment


class ScaffoldError(Exception):
    """The answers cannot make a valid file; carries Dutch problem lines."""

    def __init__(self, problems: list[Problem] | list[str]):
        self.lines = [p if isinstance(p, str) else f"{p.field}: {p.message}" for p in problems]
        super().__init__("\n".join(self.lines))


@dataclass(frozen=True)
class NewItem:
    """What ``kennisbank new`` is about to write."""

    src: str
    """Path below ``docs/``."""
    text: str


def yaml_value(value: Any) -> str:
    """One YAML value in flow style, quoted only where YAML needs it: ``[a, b]``, ``'Ja: nee'``."""
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(yaml_value(v) for v in value) + "]"
    dumped = yaml.safe_dump([value], default_flow_style=True, allow_unicode=True, width=10**6).strip()[1:-1]
    # "'s-Hertogenbosch" reads better than YAML's doubled single quotes; JSON strings are valid YAML.
    return json.dumps(value, ensure_ascii=False) if dumped.startswith("'") and "'" in str(value) else dumped


def course_slugs(docs_dir: Path) -> list[str]:
    folder = ItemType.CURSUS.folder
    return sorted(src.split("/")[1] for src in content_files(docs_dir)
                  if src.startswith(f"{folder}/") and src.count("/") == 2 and src.endswith("/index.md"))


def plan(item_type: ItemType, answers: dict[str, Any], docs_dir: Path, taxonomy: Taxonomy,
         course: str | None = None) -> NewItem:
    """Validate the answers and decide path and text; raises :class:`ScaffoldError` in Dutch."""
    meta = {"type": item_type.value, **{k: v for k, v in answers.items() if v not in (None, [], ())}}
    if item_type is ItemType.MODULE:
        courses = course_slugs(docs_dir)
        if course not in courses:
            hint = suggest(course or "", courses) or (f"; bestaande cursussen: {', '.join(courses)}" if courses
                                                      else "; maak eerst een cursus met 'kennisbank new cursus'")
            raise ScaffoldError([f"cursus: onbekende cursus '{course or ''}'{hint}"])
        meta.setdefault("volgorde", 1 + sum(1 for s in content_files(docs_dir)
                                            if s.startswith(f"{item_type.folder}/{course}/")
                                            and not s.endswith("/index.md")))
    try:
        model = cast(Meta, MODELS[item_type].model_validate(meta, context={"taxonomy": taxonomy}))
    except ValidationError as exc:
        raise ScaffoldError(problems_from_validation(exc, "", lambda loc: (1, 1), field_names(item_type))) from None
    slug = slugify(model.titel)
    if item_type is ItemType.CURSUS:
        src = f"{item_type.folder}/{slug}/index.md"
    elif isinstance(model, Module):
        src = f"{item_type.folder}/{course}/{model.volgorde:02d}-{slug}.md"
    else:
        src = f"{item_type.folder}/{slug}.md"
    if (docs_dir / src).exists():
        raise ScaffoldError([f"bestand: docs/{src} bestaat al; kies een andere titel of bewerk het bestaande "
                             "bestand (dit commando overschrijft nooit iets)"])
    taken = _slugs_in_use(docs_dir)
    name = posixpath.splitext(posixpath.basename(src))[0] if item_type is not ItemType.CURSUS else slug
    if item_type is not ItemType.MODULE and name in taken:
        raise ScaffoldError([f"bestandsnaam: de naam '{name}' wordt al gebruikt door docs/{taken[name]}; "
                             "kies een andere titel"])
    values = model.model_dump(mode="python", exclude_defaults=True)
    values["type"] = item_type
    first = ["titel", "samenvatting", "type"]
    order = first + [f for f in MODELS[item_type].model_fields if f in values and f not in first]
    text = environment().get_template("new.md.j2").render(
        item_type=item_type, fields=[(f, _plain(values[f])) for f in order], yaml=yaml_value)
    return NewItem(src, text)


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items() if v is not None}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value.value if isinstance(value, enum.Enum) else value


def _slugs_in_use(docs_dir: Path) -> dict[str, str]:
    return {slug: src for src in content_files(docs_dir) if (slug := slug_of(src))}


def write(item: NewItem, docs_dir: Path, root: Path, taxonomy: Taxonomy) -> Path:
    """Write the planned file and read it back through the normal loader."""
    path = docs_dir / item.src
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "x", encoding="utf-8", newline="\n") as handle:  # 'x': never overwrite, even in a race
        handle.write(item.text)
    rel = repo_path(path.resolve(), root.resolve())
    source, problems = read_source(path, rel)
    found = Problems(list(problems))
    if source is None or not source.meta_ok or validate_meta(source, taxonomy, found) is None or found.errors():
        path.unlink()
        raise ScaffoldError(found.errors() or ["bestand: het nieuwe bestand kon niet worden gelezen"])
    return path
