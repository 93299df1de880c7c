"""The taxonomy as data: themes, development points, networks and municipalities.

The data lives in ``docs/_data/*.yml`` so the web team edits YAML, not Python.
It is validated by pydantic models like the content, and its problems are
reported in the same ``pad:regel:kolom: veld: melding`` form.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from .field_safety import check_fields
from .frontmatter import parse_yaml
from .messages import problems_from_validation
from .problems import Problem, repo_path

SlugStr = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Colour = Annotated[str, StringConstraints(pattern=r"^#[0-9a-fA-F]{6}$")]

DATA_DIR = "_data"
"""Folder inside ``docs/`` that holds the taxonomy; excluded from the site."""


class ThemeKind(str, enum.Enum):
    """The two groups of the VNG strategy."""

    BELEIDSTHEMA = "beleidsthema"
    ONTWIKKELPUNT = "ontwikkelpunt"

    @property
    def label(self) -> str:
        return {"beleidsthema": "Beleidsthema", "ontwikkelpunt": "Ontwikkelpunt"}[self.value]

    @property
    def plural(self) -> str:
        return {"beleidsthema": "Beleidsthema's", "ontwikkelpunt": "Ontwikkelpunten"}[self.value]


class NetworkKind(str, enum.Enum):
    VAKVERENIGING = "vakvereniging"
    BESTUURLIJK = "bestuurlijk-netwerk"
    AMBTELIJK = "ambtelijk-netwerk"
    WERKGEVER = "werkgeversorganisatie"
    KENNISCENTRUM = "kenniscentrum"
    STEDENNETWERK = "stedennetwerk"

    @property
    def label(self) -> str:
        return self.value.replace("-", " ").capitalize()


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    slug: SlugStr = Field(description="Korte naam in URL's en in de frontmatter van items.")
    naam: Text = Field(description="Naam zoals bezoekers hem zien.")
    beschrijving: Text = Field(description="Eén alinea die het onderwerp uitlegt.")
    icoon: Text = Field(description="Naam van een Material-icoon, bijvoorbeeld 'material/leaf'.")
    kleur: Colour = Field(description="Kleur (hex) voor de kenniskaart; contrast 4,5:1 met wit.")


class Theme(_Entry):
    """A policy theme or development point."""

    soort: ThemeKind


class Network(_Entry):
    """A network: vakvereniging, regioberaad, werkgroep …"""

    soort: NetworkKind


class Municipality(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    code: Annotated[str, StringConstraints(pattern=r"^GM\d{4}$")]
    naam: Text
    provincie: Text


class _ThemesFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    themas: list[Theme] = Field(min_length=1)


class _NetworksFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    netwerken: list[Network] = Field(min_length=1)


class _MunicipalitiesFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    peiljaar: int = Field(ge=2000, le=2100)
    bron: Text
    gemeenten: list[Municipality] = Field(min_length=1)


@dataclass
class Taxonomy:
    """Everything an item may refer to, looked up by slug or name."""

    themes: dict[str, Theme] = field(default_factory=dict)
    networks: dict[str, Network] = field(default_factory=dict)
    municipalities: dict[str, Municipality] = field(default_factory=dict)
    """Keyed by lower-case name."""
    municipality_year: int = 0
    municipality_source: str = ""

    def municipality(self, name_or_code: str) -> Municipality | None:
        key = name_or_code.strip().lower()
        if key in self.municipalities:
            return self.municipalities[key]
        return next((m for m in self.municipalities.values() if m.code.lower() == key), None)

    def themes_of_kind(self, kind: ThemeKind) -> list[Theme]:
        return [t for t in self.themes.values() if t.soort is kind]


def load_taxonomy(docs_dir: Path, root: Path) -> tuple[Taxonomy, list[Problem]]:
    """Read the three taxonomy files below ``docs_dir/_data``."""
    data_dir = docs_dir / DATA_DIR
    problems: list[Problem] = []
    tax = Taxonomy()

    themes = _load(data_dir / "themas.yml", _ThemesFile, root, problems)
    networks = _load(data_dir / "netwerken.yml", _NetworksFile, root, problems)
    municipalities = _load(data_dir / "gemeenten.yml", _MunicipalitiesFile, root, problems)
    if themes:
        tax.themes = _unique(themes.themas, data_dir / "themas.yml", "themas", root, problems)
    if networks:
        tax.networks = _unique(networks.netwerken, data_dir / "netwerken.yml", "netwerken", root, problems)
    if municipalities:
        tax.municipalities = {m.naam.lower(): m for m in municipalities.gemeenten}
        tax.municipality_year = municipalities.peiljaar
        tax.municipality_source = municipalities.bron
    return tax, problems


def _load(path: Path, model: type[BaseModel], root: Path, problems: list[Problem]) -> Any:
    rel = repo_path(path, root)
    if not path.is_file():
        problems.append(Problem(rel, 1, 1, "bestand", "taxonomiebestand ontbreekt"))
        return None
    data, positions, yaml_problems = parse_yaml(path.read_text(encoding="utf-8"), rel)
    problems.extend(yaml_problems)
    if data is None:
        return None
    if isinstance(data, dict):  # names and descriptions are printed on every page that lists a theme or network
        problems.extend(check_fields(rel, data, lambda loc: positions.get(tuple(loc), (1, 1))))
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems.extend(problems_from_validation(exc, rel, lambda loc: positions.get(tuple(loc), (1, 1))))
        return None


def _unique(entries, path: Path, key: str, root: Path, problems: list[Problem]) -> dict:
    result = {}
    for index, entry in enumerate(entries):
        if entry.slug in result:
            problems.append(Problem(repo_path(path, root), 1, 1, f"{key}.{index}.slug",
                                    f"slug '{entry.slug}' komt twee keer voor"))
        result[entry.slug] = entry
    return result
