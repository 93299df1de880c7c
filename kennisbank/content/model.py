"""The content model: frontmatter of knowledge items as pydantic v2 models.

One model per content type, joined in a discriminated union on ``type`` so
that editors get a precise JSON Schema and contributors a precise error.
Field names are Dutch because contributors type them; descriptions are
Dutch because editors show them while typing.

Slugs of themes, networks and municipalities are data (see
:mod:`kennisbank.content.taxonomy`), so they are checked against the taxonomy passed
in the validation context rather than frozen into ``Literal`` types.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
import unicodedata
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    TypeAdapter,
    ValidationInfo,
    model_validator,
)
from pydantic_core import PydanticCustomError

from .problems import suggest
from .taxonomy import Taxonomy


class ItemType(str, enum.Enum):
    """The content types of the hub."""

    ARTIKEL = "artikel"
    PRAKTIJKVOORBEELD = "praktijkvoorbeeld"
    CURSUS = "cursus"
    MODULE = "module"

    @property
    def label(self) -> str:
        return _TYPE_LABELS[self][0]

    @property
    def plural(self) -> str:
        return _TYPE_LABELS[self][1]

    @property
    def folder(self) -> str:
        """Folder below ``docs/`` whose overview page lists this type."""
        return _TYPE_LABELS[self][2]

    def has_index(self) -> bool:
        """Modules have no overview page of their own: their course lists them."""
        return self is not ItemType.MODULE


_TYPE_LABELS = {
    ItemType.ARTIKEL: ("Artikel", "Artikelen", "artikelen"),
    ItemType.PRAKTIJKVOORBEELD: ("Praktijkvoorbeeld", "Praktijkvoorbeelden", "praktijkvoorbeelden"),
    ItemType.CURSUS: ("Cursus", "Cursussen", "academie"),
    ItemType.MODULE: ("Cursusmodule", "Cursusmodules", "academie"),
}


class Status(str, enum.Enum):
    """Publication status; concept items are left out of the site."""

    CONCEPT = "concept"
    GEPUBLICEERD = "gepubliceerd"
    GEARCHIVEERD = "gearchiveerd"

    def is_published(self) -> bool:
        return self is not Status.CONCEPT


class Doelgroep(str, enum.Enum):
    RAADSLEDEN = "raadsleden"
    WETHOUDERS = "wethouders"
    BURGEMEESTERS = "burgemeesters"
    GRIFFIERS = "griffiers"
    GEMEENTESECRETARISSEN = "gemeentesecretarissen"
    AMBTENAREN = "ambtenaren"
    MANAGERS = "managers"


class Niveau(str, enum.Enum):
    BASIS = "basis"
    GEVORDERD = "gevorderd"
    EXPERT = "expert"


def _taxonomy(info: ValidationInfo) -> Taxonomy | None:
    return (info.context or {}).get("taxonomy")


def _slug_checker(kind: str, attribute: str, noun: str) -> Any:
    """A validator that checks a slug against one part of the taxonomy in the context."""

    def check(value: str, info: ValidationInfo) -> str:
        tax = _taxonomy(info)
        known = getattr(tax, attribute) if tax is not None else None
        if known is not None and value not in known:
            raise PydanticCustomError(
                f"onbekend_{kind}", f"onbekend {kind} '{{value}}'{{hint}}",
                {"value": value, "hint": suggest(value, known) or f"; zie de lijst van {noun} in de handleiding"},
            )
        return value

    return check


_check_theme = _slug_checker("thema", "themes", "thema's")
_check_network = _slug_checker("netwerk", "networks", "netwerken")


def _check_municipality(value: str, info: ValidationInfo) -> str:
    tax = _taxonomy(info)
    if tax is None:
        return value
    found = tax.municipality(value)
    if found is None:
        names = [m.naam for m in tax.municipalities.values()]
        raise PydanticCustomError(
            "onbekende_gemeente", "onbekende gemeente '{value}'{hint}",
            {"value": value, "hint": suggest(value, names)
             or f"; gebruik de naam zoals het CBS die schrijft (gemeentelijke indeling {tax.municipality_year})"},
        )
    return found.naam


def _parse_date(value: Any) -> Any:
    # Only ISO dates: pydantic would otherwise read a bare number such as 2024
    # as seconds since 1970, which silently gives 1 January 1970.
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise PydanticCustomError(
            "datum", "ongeldige datum '{value}'; schrijf JJJJ-MM-DD, bijvoorbeeld 2024-03-12", {"value": text})
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise PydanticCustomError(
            "datum", "ongeldige datum '{value}': deze dag bestaat niet; schrijf JJJJ-MM-DD", {"value": text}
        ) from None


def normalise_tag(value: str) -> str:
    """Tags are compared case- and space-insensitively: 'Warmte  Net ' -> 'warmte net'."""
    return " ".join(unicodedata.normalize("NFC", str(value)).lower().split())


def _tag_text(value: Any) -> str:
    # YAML reads ~, 123 and true as null, a number and a boolean; as tags they would silently become
    # 'none', '123' and 'true'. Only text is a tag; a number meant as text can be quoted.
    if value is None:
        raise PydanticCustomError("tag_leeg", "een lege waarde is geen trefwoord; verwijder hem of vul hem in")
    if not isinstance(value, str):
        shown = str(value).lower() if isinstance(value, bool) else str(value)
        raise PydanticCustomError(
            "tag_tekst", "een trefwoord is tekst, niet '{value}'; bedoel je de tekst, zet hem dan tussen "
            "aanhalingstekens: \"{value}\"", {"value": shown})
    # Kept as written ('WGR', 'Wmo'); compared in lower case (normalise_tag).
    return " ".join(unicodedata.normalize("NFC", value).split())


def _dedupe(values: list[str]) -> list[str]:
    return list(dict.fromkeys(values))


def _dedupe_tags(values: list[str]) -> list[str]:
    """One spelling per tag: 'WGR' and 'wgr' are the same tag; the first spelling is kept."""
    kept: dict[str, str] = {}
    for value in values:
        kept.setdefault(normalise_tag(value), value)
    return list(kept.values())


Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Email = Annotated[str, StringConstraints(strip_whitespace=True,
                                         pattern=r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$")]
Title = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=150)]
Summary = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
ThemeSlug = Annotated[str, AfterValidator(_check_theme)]
NetworkSlug = Annotated[str, AfterValidator(_check_network)]
MunicipalityName = Annotated[str, AfterValidator(_check_municipality)]
Tag = Annotated[str, BeforeValidator(_tag_text), StringConstraints(min_length=1, max_length=40)]
Date = Annotated[dt.date, BeforeValidator(_parse_date)]
Minutes = Annotated[int, Field(ge=1, le=10_000)]


def _check_alias(value: str) -> str:
    path = value.strip().lstrip("/")
    parts = path.split("/")
    if not path.endswith(".md") or any(p in ("", ".", "..") for p in parts) or not re.fullmatch(r"[\w./ -]+", path):
        raise PydanticCustomError(
            "alias", "'{value}' is geen vroegere plaats in docs/; schrijf het pad van het oude bestand, bijvoorbeeld "
            "artikelen/oude-naam.md", {"value": value})
    return path


Alias = Annotated[str, AfterValidator(_check_alias)]
"""A former ``src`` of an item, where the build writes a redirect (kennisbank.outputs.redirects)."""


class _Frontmatter(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, use_enum_values=False)

    titel: Title = Field(description="Titel van de pagina, zonder opmaak. Maximaal 150 tekens.")
    samenvatting: Summary = Field(
        description="Eén tot drie zinnen: waar gaat het over? Verschijnt in overzichten en zoekresultaten.")
    themas: list[ThemeSlug] = Field(
        min_length=1, max_length=6, description="Eén of meer thema's of ontwikkelpunten (slugs uit de taxonomie).")
    netwerken: list[NetworkSlug] = Field(
        default_factory=list, max_length=8, description="Netwerken die betrokken zijn (slugs uit de taxonomie).")
    tags: list[Tag] = Field(default_factory=list, max_length=12, description=(
        "Vrije trefwoorden; afkortingen zoals ze gewoonlijk geschreven worden (WGR, Wmo). Hoofdletters tellen "
        "niet mee bij het vergelijken."))
    auteurs: list[Text] = Field(min_length=1, description="Namen van auteurs of de afdeling.")
    gepubliceerd: Date = Field(description="Datum van publicatie, JJJJ-MM-DD.")
    bijgewerkt: Date | None = Field(default=None, description="Datum van de laatste inhoudelijke wijziging.")
    status: Status = Field(default=Status.GEPUBLICEERD, description="concept (niet gepubliceerd), "
                           "gepubliceerd of gearchiveerd.")
    voorbeeld: bool = Field(default=False, description="true als personen, gemeenten of cijfers verzonnen zijn.")
    aliassen: list[Alias] = Field(default_factory=list, max_length=20, description=(
        "Vroegere plaatsen van dit bestand in docs/ (bijvoorbeeld artikelen/oude-naam.md); "
        "daar komt een doorverwijzing, zodat opgeslagen links blijven werken."))
    uitgelicht: bool = Field(default=False, description="true om dit op de startpagina uit te lichten "
                             "(de drie laatst bijgewerkte uitgelichte publicaties verschijnen daar).")

    @model_validator(mode="after")
    def _normalise(self) -> _Frontmatter:
        for name in ("themas", "netwerken"):
            object.__setattr__(self, name, _dedupe(getattr(self, name)))
        object.__setattr__(self, "tags", _dedupe_tags(self.tags))
        if self.bijgewerkt and self.gepubliceerd and self.bijgewerkt < self.gepubliceerd:
            raise PydanticCustomError(
                "datumvolgorde", "bijgewerkt ({b}) ligt vóór gepubliceerd ({g})",
                {"b": self.bijgewerkt.isoformat(), "g": self.gepubliceerd.isoformat()})
        return self


class Contact(BaseModel):
    """Who to ask about a good practice."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    naam: Text = Field(description="Naam van de contactpersoon of afdeling.")
    functie: Text | None = Field(default=None, description="Functie of afdeling.")
    email: Email | None = Field(
        default=None, description="E-mailadres.")
    telefoon: Annotated[str, StringConstraints(pattern=r"^[0-9 +()-]{6,20}$")] | None = Field(
        default=None, description="Telefoonnummer.")


class Artikel(_Frontmatter):
    """A knowledge article."""

    type: Literal[ItemType.ARTIKEL] = Field(description="Soort inhoud.")


class Praktijkvoorbeeld(_Frontmatter):
    """A good practice from one or more municipalities."""

    type: Literal[ItemType.PRAKTIJKVOORBEELD] = Field(description="Soort inhoud.")
    gemeenten: list[MunicipalityName] = Field(
        min_length=1, description="Gemeente(n) van dit voorbeeld, zoals het CBS ze schrijft.")
    contact: Contact = Field(description="Contactpersoon voor vragen over dit voorbeeld.")

    @model_validator(mode="after")
    def _unique_municipalities(self) -> Praktijkvoorbeeld:
        object.__setattr__(self, "gemeenten", _dedupe(self.gemeenten))
        return self


class Cursus(_Frontmatter):
    """A VNG Academie course: ``academie/<cursus>/index.md``."""

    type: Literal[ItemType.CURSUS] = Field(description="Soort inhoud.")
    doelgroep: list[Doelgroep] = Field(min_length=1, description="Voor wie de cursus bedoeld is.")
    niveau: Niveau = Field(description="basis, gevorderd of expert.")
    duur_minuten: Minutes = Field(description="Totale studieduur in minuten.")
    leerdoelen: list[Text] = Field(min_length=1, description="Wat de deelnemer na afloop kan.")
    voorkennis: list[Text] = Field(default_factory=list, description="Slugs van items of cursussen om eerst te kennen.")
    docenten: list[Text] = Field(default_factory=list, description="Docenten of contactpersonen.")


class Module(BaseModel):
    """One ordered module of a course: ``academie/<cursus>/<NN-naam>.md``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    type: Literal[ItemType.MODULE] = Field(description="Soort inhoud.")
    titel: Title = Field(description="Titel van de module.")
    samenvatting: Summary = Field(description="Eén tot drie zinnen over de module.")
    volgorde: int = Field(ge=1, le=99, description="Plaats van de module in de cursus: 1, 2, 3 …")
    duur_minuten: Minutes = Field(description="Studieduur in minuten.")
    leerdoelen: list[Text] = Field(min_length=1, description="Wat de deelnemer na deze module kan.")
    themas: list[ThemeSlug] = Field(default_factory=list, description="Thema's; leeg = die van de cursus.")
    tags: list[Tag] = Field(default_factory=list, max_length=12, description="Vrije trefwoorden.")
    status: Status = Field(default=Status.GEPUBLICEERD, description="concept, gepubliceerd of gearchiveerd.")
    aliassen: list[Alias] = Field(default_factory=list, max_length=20, description=(
        "Vroegere plaatsen van dit bestand in docs/; daar komt een doorverwijzing."))


Frontmatter = Annotated[Artikel | Praktijkvoorbeeld | Cursus | Module, Field(discriminator="type")]
FRONTMATTER = TypeAdapter(Frontmatter)
MODELS: dict[ItemType, type[BaseModel]] = {
    ItemType.ARTIKEL: Artikel,
    ItemType.PRAKTIJKVOORBEELD: Praktijkvoorbeeld,
    ItemType.CURSUS: Cursus,
    ItemType.MODULE: Module,
}


def field_names(item_type: Any) -> list[str]:
    """Allowed keys for a type (all keys when the type is unknown), for suggestions."""
    try:
        models = [MODELS[ItemType(item_type)]]
    except ValueError:
        models = list(MODELS.values())
    return sorted({name for model in models for name in model.model_fields})


def json_schema(tax: Taxonomy | None = None) -> dict[str, Any]:
    """JSON Schema of the frontmatter, with the taxonomy's slugs as enums for editors."""
    schema = FRONTMATTER.json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Kennisbank frontmatter"
    if tax is not None:
        enums = {
            "themas": sorted(tax.themes),
            "netwerken": sorted(tax.networks),
            "gemeenten": sorted(m.naam for m in tax.municipalities.values()),
        }
        for definition in schema.get("$defs", {}).values():
            for name, prop in definition.get("properties", {}).items():
                if name in enums and prop.get("type") == "array":
                    prop["items"] = {"type": "string", "enum": enums[name]}
    return schema
