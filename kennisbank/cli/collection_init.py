"""``kennisbank collectie init``: a collection's data file, proposed from what is in its tree."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import click
import yaml
from pydantic import ValidationError

from ..content.collection.inspect import Inspection, inspect_tree
from ..content.collection.spec import DATA_FOLDER, CollectionSpec, FieldMap
from ..content.layout import COLLECTIONS_FOLDER, SLUG, slugify
from ..content.taxonomy import load_taxonomy


@dataclass
class Plan:
    target: Path
    text: str
    summary: list[str]


def plan_data_file(folder: Path, docs_dir: Path, root: Path, name: str | None, organisation: str | None,
                   licence: str | None, ask: Callable[[str], str]) -> Plan:
    """The data file for the collection in ``folder``; raises ``ClickException`` with a Dutch reason."""
    collections = (docs_dir / COLLECTIONS_FOLDER).resolve()
    folder = folder.resolve()
    if folder.parent != collections:
        raise click.ClickException(f"zet de map eerst in {docs_dir.as_posix()}/{COLLECTIONS_FOLDER}/<naam>/ "
                                   "en geef die map op")
    slug = folder.name
    if not SLUG.match(slug):
        raise click.ClickException(f"'{slug}' is geen geldige naam voor een collectie; hernoem de map naar "
                                   f"'{slugify(slug)}' (kleine letters, cijfers en streepjes)")
    target = docs_dir / DATA_FOLDER / f"{slug}.yml"
    if target.exists():
        raise click.ClickException(f"{target.as_posix()} bestaat al; het bestand is niet overschreven")
    taxonomy, _ = load_taxonomy(docs_dir.resolve(), root.resolve())
    found = inspect_tree(folder, taxonomy)
    if not found.pages:
        raise click.ClickException(f"in {folder.name}/ staan geen Markdown-pagina's (.md)")
    themes = [slug for slug, score in found.themes[:2] if score > 0] or [found.themes[0][0]]
    data: dict[str, object] = {
        "naam": name or found.title or slug.replace("-", " ").capitalize(),
        "organisatie": organisation or ask("Organisatie die de inhoud beheert"),
        "licentie": licence or found.licence or ask("Licentie van de inhoud (bijvoorbeeld CC BY 4.0)"),
        "themas": themes,
        "dialect": found.dialect,
        "gepubliceerd": dt.date.today().isoformat(),
    }
    defaults = FieldMap()
    fields = {k: v for k, v in found.fields.items() if getattr(defaults, k) != v}
    if fields:
        data["velden"] = fields
    try:
        CollectionSpec.model_validate(data, context={"taxonomy": taxonomy})
    except ValidationError as exc:
        raise click.ClickException(f"het gegevensbestand zou niet kloppen: {exc.errors()[0]['msg']}") from None
    return Plan(target, _yaml(data, found), _summary(found, themes))


def _yaml(data: dict[str, object], found: Inspection) -> str:
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=120)
    scores = ", ".join(f"{slug} ({score})" for slug, score in found.themes[:4])
    return ("# Gemaakt door 'kennisbank collectie init'; controleer vooral de thema's.\n"
            f"# Thema's naar overeenkomst met de tekst: {scores}.\n"
            "# 'gepubliceerd' geldt voor pagina's zonder datum in de bron of in de git-geschiedenis.\n" + text)


def _summary(found: Inspection, themes: list[str]) -> list[str]:
    lines = [f"Gevonden: {found.pages} pagina's, schrijfwijze {found.dialect}."]
    if found.fields:
        mapped = ", ".join(f"{hub} ← {source} ({found.field_counts[source]}×)" for hub, source in found.fields.items())
        lines.append(f"Velden van de bron: {mapped}.")
    lines.append(f"Voorgestelde thema's: {', '.join(themes)}.")
    if found.conversions:
        converted = ", ".join(f"{count} {kind}" for kind, count in found.conversions.items())
        lines.append(f"Wordt omgezet: {converted}.")
    if found.left_out:
        lines.append(f"Wordt overgeslagen (gevaarlijke inhoud): {', '.join(found.left_out)}.")
    if found.unreadable:
        lines.append(f"Niet te lezen: {', '.join(found.unreadable)}.")
    return lines
