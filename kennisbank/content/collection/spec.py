"""The data file of a collection: ``docs/_data/collecties/<slug>.yml``, validated like the taxonomy.

Example::

    naam: Handboek Gegevensmodel
    organisatie: Gemeente Voorbeeldstad
    bron: https://github.com/voorbeeldstad/gegevensmodel
    licentie: CC BY 4.0
    themas: [digitale-overheid]
    netwerken: []
    soort: artikel
    mappen:
      praktijk: praktijkvoorbeeld
    velden:
      samenvatting: description
      concept: draft
"""

from __future__ import annotations

import datetime as dt
import posixpath
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, ValidationError
from pydantic_core import PydanticCustomError

from ..frontmatter import parse_yaml
from ..layout import COLLECTIONS_FOLDER, slugify
from ..messages import problems_from_validation
from ..model import Date, NetworkSlug, ThemeSlug
from ..problems import Problem, suggest
from ..taxonomy import DATA_DIR, Taxonomy
from .history import git_dates

DATA_FOLDER = f"{DATA_DIR}/{COLLECTIONS_FOLDER}"
"""Folder below ``docs/`` with one data file per collection."""

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
PageType = Literal["artikel", "praktijkvoorbeeld"]
# A folder of the collection, relative to it: 'praktijk/', 'praktijk' and '' (the whole collection).
Folder = Annotated[str, StringConstraints(strip_whitespace=True, max_length=300)]
SourceField = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=60)]


def _base_path(value: str) -> str:
    if not value.startswith("/") or any(c.isspace() or c in "?#" for c in value):
        raise PydanticCustomError(
            "basispad", "ongeldige waarde '{value}'; schrijf het begin van de adressen op de bronsite, met een '/' "
            "ervoor, zoals routeBasePath in docusaurus.config.js: bijvoorbeeld '/docs', of '/' als de "
            "documentatie de hele site is", {"value": value[:60]})
    return value


BasePath = Annotated[str, StringConstraints(strip_whitespace=True, max_length=100), AfterValidator(_base_path)]


class FieldMap(BaseModel):
    """Which field of the source's frontmatter fills which field of the hub (``velden``)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    titel: SourceField = Field(default="title", description="Veld met de titel; zonder: de eerste kop (#).")
    samenvatting: SourceField = Field(default="description",
                                      description="Veld met de samenvatting; zonder: de eerste alinea.")
    tags: SourceField = Field(default="tags", description="Veld met trefwoorden.")
    auteurs: SourceField = Field(default="authors", description="Veld met auteurs; zonder: de organisatie.")
    gepubliceerd: SourceField = Field(default="date", description="Veld met de publicatiedatum; zonder: git.")
    bijgewerkt: SourceField = Field(default="last_update", description="Veld met de datum van de laatste wijziging.")
    concept: SourceField = Field(default="draft", description="Veld dat met 'true' een concept aangeeft.")
    themas: SourceField = Field(default="themas", description="Veld met extra thema's (slugs).")


class CollectionSpec(BaseModel):
    """A collection's data file."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    naam: Text = Field(description="Naam van de collectie zoals bezoekers hem zien.")
    organisatie: Text = Field(description="Organisatie die de inhoud beheert.")
    licentie: Text = Field(description="Licentie van de inhoud, bijvoorbeeld 'CC BY 4.0'; staat op elke pagina.")
    bron: Annotated[str, StringConstraints(pattern=r"^https://\S+$")] | None = Field(
        default=None, description="Adres van de bronrepository (https://…).")
    themas: list[ThemeSlug] = Field(min_length=1, max_length=6,
                                    description="Thema's van elke pagina die zelf geen thema's noemt.")
    netwerken: list[NetworkSlug] = Field(default_factory=list, description="Netwerken van elke pagina.")
    soort: PageType = Field(default="artikel", description="Soort van de pagina's: artikel of praktijkvoorbeeld.")
    mappen: dict[Folder, PageType] = Field(
        default_factory=dict, max_length=100,
        description="Soort per map van de collectie (bijvoorbeeld 'praktijk/: praktijkvoorbeeld'); "
        "de diepste passende map telt, '' is de hele collectie.")
    dialect: Literal["mkdocs", "docusaurus"] = Field(
        default="mkdocs", description="Schrijfwijze van de bron: mkdocs (Material) of docusaurus (MDX wordt omgezet).")
    basispad: BasePath = Field(
        default="/docs", description="Docusaurus' routeBasePath: het begin van de adressen van de pagina's op de "
        "bronsite ('/docs', of '/' als de documentatie de hele site is); links als /docs/gids/start werken dan.")
    gepubliceerd: Date | None = Field(
        default=None, description="Datum voor pagina's zonder datum, als de git-geschiedenis die niet geeft.")
    velden: FieldMap = Field(default_factory=FieldMap, description="Velden van de bron en hun betekenis.")
    toon_velden: list[SourceField] = Field(
        default_factory=list, max_length=12, description="Eigen velden van de bron die op de pagina staan.")
    zoek_velden: list[SourceField] = Field(
        default_factory=list, max_length=12,
        description="Eigen velden van de bron waarvan de waarden ook gevonden worden bij zoeken.")


@dataclass(frozen=True)
class Collection:
    """A loaded collection: its slug, data file and specification."""

    slug: str
    data_file: str
    """Repository-relative path of the data file, for messages and the edit link."""
    spec: CollectionSpec
    dates: dict[str, tuple[dt.date, dt.date]]
    """First and last commit date per ``src`` from git, where the folder is in a git repository."""

    @property
    def folder(self) -> str:
        return f"{COLLECTIONS_FOLDER}/{self.slug}"

    def contains(self, src: str) -> bool:
        return src.startswith(f"{self.folder}/")

    def type_of(self, src: str) -> str:
        """The type of the page at ``src``: that of the deepest folder in ``mappen`` holding it, else ``soort``."""
        inside = src[len(self.folder) + 1:]
        best, found = -1, self.spec.soort
        for folder, page_type in self.spec.mappen.items():
            key = folder.strip("/")
            if (not key or inside.startswith(f"{key}/")) and len(key) > best:
                best, found = len(key), page_type
        return found


def collection_of(src: str) -> str | None:
    """The slug of the collection ``src`` lies in (``collecties/<slug>/…``), or None."""
    parts = src.split("/")
    return parts[1] if len(parts) > 2 and parts[0] == COLLECTIONS_FOLDER else None


SECTION_PAGE_NAMES = ("index.md", "index.mdx", "README.md", "README.mdx")
"""The names of a folder's section page, in the order MkDocs prefers them when a folder has several (it
renders ``README`` as ``index``, case-sensitively; a collection's ``.mdx`` pages count like ``.md``)."""


def is_section_page(src: str) -> bool:
    """Whether ``src`` is its folder's section page (published at the folder's own URL)."""
    return posixpath.basename(src) in SECTION_PAGE_NAMES


def page_path(src: str) -> str:
    """Where a collection page is published: its source path slugified below the collection's folder
    (``collecties/x/Handleiding/Eerste Stappen.md`` → ``collecties/x/handleiding/eerste-stappen.md``), so that
    URLs are readable and safe to paste. Other paths, and index pages' names, stay as they are."""
    if collection_of(src) is None:
        return src
    *folders, name = src.split("/")[2:]
    stem, ext = posixpath.splitext(name)
    if name not in SECTION_PAGE_NAMES:
        name = slugify(stem) + ext.lower()
    return "/".join([*src.split("/")[:2], *(slugify(folder) for folder in folders), name])


def load_collections(docs_dir: Path, root: Path, taxonomy: Taxonomy,
                     folders: set[str]) -> tuple[dict[str, Collection], list[Problem]]:
    """Read every data file; a collection folder without one is an error at the folder."""
    problems: list[Problem] = []
    found: dict[str, Collection] = {}
    positions_of: dict[str, dict[Any, tuple[int, int]]] = {}
    data_dir = docs_dir / DATA_FOLDER
    for path in sorted(data_dir.glob("*.yml")) if data_dir.is_dir() else []:
        rel = _rel(path, root)
        spec, positions_of[rel] = _load_spec(path, rel, taxonomy, problems)
        if spec is None:
            continue
        slug = path.stem
        if f"{COLLECTIONS_FOLDER}/{slug}" not in folders:
            problems.append(Problem(rel, 1, 1, "bestand", f"de map docs/{COLLECTIONS_FOLDER}/{slug}/ van deze "
                                    "collectie bestaat niet; geef het bestand de naam van de map"))
            continue
        _check_folders(spec, slug, rel, positions_of[rel], folders, problems)
        found[slug] = Collection(slug, rel, spec, git_dates(docs_dir / COLLECTIONS_FOLDER / slug,
                                                           f"{COLLECTIONS_FOLDER}/{slug}"))
    for folder in sorted(f for f in folders if f.count("/") == 1 and f.startswith(f"{COLLECTIONS_FOLDER}/")):
        slug = folder.split("/")[1]
        if slug not in found and not (data_dir / f"{slug}.yml").is_file():
            problems.append(Problem(
                _rel(docs_dir / folder, root), 1, 1, "collectie",
                f"deze collectie heeft geen beschrijving; maak docs/{DATA_FOLDER}/{slug}.yml met naam, "
                "organisatie, licentie en thema's (of laat 'kennisbank collectie init' dat doen)"))
    return found, problems


def _load_spec(path: Path, rel: str, taxonomy: Taxonomy,
               problems: list[Problem]) -> tuple[CollectionSpec | None, dict[Any, tuple[int, int]]]:
    data, positions, yaml_problems = parse_yaml(path.read_text(encoding="utf-8"), rel)
    problems.extend(yaml_problems)
    if data is None:
        return None, positions
    try:
        return CollectionSpec.model_validate(data, context={"taxonomy": taxonomy}), positions
    except ValidationError as exc:
        problems.extend(problems_from_validation(exc, rel, lambda loc: _position(positions, loc),
                                                 list(CollectionSpec.model_fields)))
        return None, positions


def _check_folders(spec: CollectionSpec, slug: str, rel: str, positions: dict[Any, tuple[int, int]],
                   folders: set[str], problems: list[Problem]) -> None:
    """Every folder in ``mappen`` exists in the collection: a typo would silently give its pages the wrong type."""
    prefix = f"{COLLECTIONS_FOLDER}/{slug}/"
    own = sorted(f[len(prefix):] + "/" for f in folders if f.startswith(prefix))
    for folder in spec.mappen:
        if folder.strip("/") and f"{folder.strip('/')}/" not in own:
            line, column = _position(positions, ("mappen", folder))
            problems.append(Problem(rel, line, column, "mappen",
                                    f"de map '{folder}' bestaat niet in docs/{COLLECTIONS_FOLDER}/{slug}/"
                                    + (suggest(folder.strip("/") + "/", own) or
                                       f"; de mappen zijn: {', '.join(own[:10]) or 'geen'}")))


def _position(positions: dict[Any, tuple[int, int]], loc: Any) -> tuple[int, int]:
    loc = tuple(loc)
    while loc:
        if loc in positions:
            return positions[loc]
        loc = loc[:-1]
    return 1, 1


def _rel(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()
