"""The house style (``extra.kennisbank.huisstijl`` in ``mkdocs.yml``): organisation, logo, favicon and colours.

Another organisation adopts Kennisbank by changing these settings, not templates or stylesheets. Every
colour is checked against each place the theme paints it (:data:`CHECKS`): a colour that would fail WCAG 2.2
AA anywhere is refused with the measured ratio and the nearest colour that passes, so a rebrand can never
make the site unreadable. The stylesheet that applies the colours is made from the same settings
(:mod:`kennisbank.site.branding`).

The logo and favicon are raster images in ``docs/``. An SVG is refused, as it is for contributed images
(:mod:`kennisbank.content.published`): it can hold script, and ``docs/`` is where contributors' pull
requests write, so a logo named by the maintainers' ``mkdocs.yml`` could still be swapped for one that
runs script in the site's origin. A PNG cannot, and its bytes are checked to be what its name says.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field
from pydantic_core import PydanticCustomError

from .colours import Colour, contrast, hsl, nearest_passing, ratio_text
from .published import file_problem

FieldPath = tuple[str, ...]


def _colour(value: Any) -> str:
    if not isinstance(value, str):
        raise PydanticCustomError("kleur", "hier hoort een kleurcode als tekst, bijvoorbeeld '#1f3a68'", {})
    colour = Colour.parse(value)
    if colour is None:
        hint = ("; een kleur met doorzichtigheid past niet: het contrast zou van de achtergrond afhangen"
                if len(value.strip().lstrip("#")) in (4, 8) else "")
        raise PydanticCustomError(
            "kleur", "ongeldige kleur '{value}'; schrijf een hexadecimale kleurcode, bijvoorbeeld '#1f3a68'{hint}",
            {"value": value, "hint": hint})
    return colour.hex


HexColour = Annotated[str, BeforeValidator(_colour)]


def _plain_name(value: Any) -> Any:
    # The name goes into feeds (XML 1.0 cannot hold control characters: the whole feed would be unreadable),
    # PDF metadata and every page's footer.
    if isinstance(value, str):
        for character in value:
            if unicodedata.category(character) == "Cc":
                raise PydanticCustomError(
                    "naam", "de naam bevat het onzichtbare teken U+{code}; verwijder het",
                    {"code": f"{ord(character):04X}"})
        return " ".join(value.split())
    return value


PlainName = Annotated[str, BeforeValidator(_plain_name)]
"""A colour as ``#rrggbb`` (lower case); ``#rgb`` and a missing ``#`` are accepted and normalised."""


class SchemeColours(BaseModel):
    """The colours of one palette (light or dark)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    primair: HexColour = Field(description=(
        "The header, tabs, primary buttons and the home page's search band (white text on it); in the light "
        "palette also links, outlined buttons and the focus ring."))
    accent: HexColour = Field(description=(
        "Light palette: buttons with focus or under the mouse (white text on it) and links under the mouse. "
        "Dark palette: links, outlined buttons, the focus ring, and buttons with focus (dark text on it)."))


# VNG-like: a dark navy blue, like that of VNG's logo and website, with a brighter blue for what reacts to the
# mouse and keyboard. Not taken from a published style guide; an organisation sets its own.
DEFAULT_LIGHT = SchemeColours(primair="#003b70", accent="#0a5aa8")
DEFAULT_DARK = SchemeColours(primair="#003b70", accent="#8ec0f5")


class PaletteColours(BaseModel):
    """``huisstijl.kleuren``: the light and the dark palette; a palette left out keeps the default."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    licht: SchemeColours = Field(default=DEFAULT_LIGHT, description="Colours of the light palette.")
    donker: SchemeColours = Field(default=DEFAULT_DARK, description="Colours of the dark palette.")


class Branding(BaseModel):
    """``extra.kennisbank.huisstijl``: who publishes the site and how it looks."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    organisatie: PlainName = Field(
        default="Vereniging van Nederlandse Gemeenten", min_length=1, max_length=120, description=(
            "The publishing organisation: in the footer, on the home page, on PDF covers and in their "
            "metadata, as the feeds' author, and as the logo's text alternative."))
    logo: str | None = Field(default=None, min_length=1, description=(
        "A PNG, JPG or WebP file below docs/, shown in the header and on PDF covers; none: Material's icon."))
    favicon: str | None = Field(default=None, min_length=1, description=(
        "A PNG, JPG or WebP file below docs/ for the browser tab; none: the logo, else a square in the "
        "primary colour with the organisation's initial."))
    kleuren: PaletteColours = Field(default_factory=PaletteColours)


# The backgrounds the colours are painted on. Light: Material's white page and the grey of code blocks and
# fact boxes. Dark: Material's slate page and code grey (hsla(var(--md-hue), 15%, 14% / 18%), hue 225).
WHITE = Colour(255, 255, 255)
LIGHT_GREY = Colour(0xF5, 0xF5, 0xF5)
SLATE = hsl(225, 15, 14)
SLATE_GREY = hsl(225, 15, 18)
TAB_OPACITY = 0.9
"""Material draws the header tabs' text translucent; docs/stylesheets/toegankelijkheid.css sets 90 %."""

TEXT = 4.5
"""WCAG 2.2 AA, 1.4.3: text of normal size."""
NON_TEXT = 3.0
"""WCAG 2.2 AA, 1.4.11 and 2.4.13's ring: a focus indicator against what is around it."""


@dataclass(frozen=True)
class Check:
    """One place the theme paints a colour of the house style, and the contrast it needs there."""

    key: FieldPath
    """The colour, below ``kleuren``: ``("licht", "primair")``."""
    place: str
    """Where it is painted, in Dutch, as the message names it."""
    pair: Callable[[Colour], tuple[Colour, Colour]]
    """The two colours that meet there, given the colour of ``key``."""
    required: float


def _white_text_on(colour: Colour) -> tuple[Colour, Colour]:
    return WHITE.over(colour, TAB_OPACITY), colour


CHECKS = (
    Check(("licht", "primair"), "witte tekst op de kopbalk, de tabs, de zoekband en primaire knoppen",
          _white_text_on, TEXT),
    Check(("licht", "primair"), "links en omlijnde knoppen op de witte achtergrond",
          lambda colour: (colour, WHITE), TEXT),
    Check(("licht", "primair"), "links in grijze vlakken (feiten, code)",
          lambda colour: (colour, LIGHT_GREY), TEXT),
    Check(("licht", "primair"), "de focusrand op de witte achtergrond", lambda colour: (colour, WHITE), NON_TEXT),
    Check(("licht", "accent"), "witte tekst op knoppen met focus of onder de muis",
          lambda colour: (WHITE, colour), TEXT),
    Check(("licht", "accent"), "links onder de muis of met focus, ook in grijze vlakken",
          lambda colour: (colour, LIGHT_GREY), TEXT),
    Check(("donker", "primair"), "witte tekst op de kopbalk, de tabs, de zoekband en primaire knoppen",
          _white_text_on, TEXT),
    Check(("donker", "accent"), "links, omlijnde knoppen en donkere tekst op knoppen met focus of onder de muis",
          lambda colour: (colour, SLATE), TEXT),
    Check(("donker", "accent"), "links in grijze vlakken (feiten, code)",
          lambda colour: (colour, SLATE_GREY), TEXT),
    Check(("donker", "accent"), "de focusrand op de donkere achtergrond",
          lambda colour: (colour, SLATE), NON_TEXT),
)
"""Every combination the theme paints (docs/stylesheets/toegankelijkheid.css and the stylesheet made by
kennisbank.site.branding use exactly these colours). Black and white pass each check, so a nearest passing
colour always exists."""


def _passes(check: Check, colour: Colour) -> bool:
    return contrast(*check.pair(colour)) >= check.required


def _passes_all(key: FieldPath) -> Callable[[Colour], bool]:
    own = [check for check in CHECKS if check.key == key]
    return lambda colour: all(_passes(check, colour) for check in own)


def contrast_problems(branding: Branding) -> list[tuple[FieldPath, str]]:
    """Each failing combination as (field path below ``huisstijl``, Dutch message), in the order of CHECKS.

    The suggested colour passes every check of its key, so following the suggestion ends the messages.
    """
    problems: list[tuple[FieldPath, str]] = []
    for check in CHECKS:
        scheme, role = check.key
        colour = Colour.parse(getattr(getattr(branding.kleuren, scheme), role))
        assert colour is not None  # noqa: S101  validated by HexColour
        ratio = contrast(*check.pair(colour))
        if ratio >= check.required:
            continue
        nearest = nearest_passing(colour, _passes_all(check.key))
        suggestion = f"; de dichtstbijzijnde kleur die wel voldoet is '{nearest.hex}'" if nearest else ""
        required = f"{check.required:g}".replace(".", ",")
        problems.append((("kleuren", scheme, role),
                         f"'{colour.hex}' geeft {check.place} een contrast van {ratio_text(ratio)}; "
                         f"WCAG 2.2 AA vraagt minstens {required}:1{suggestion}"))
    return problems


IMAGE_SIGNATURES = {
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".webp": (b"RIFF",),
}
"""The raster types a logo or favicon may have, with the bytes such a file starts with."""


def file_problems(branding: Branding, docs_dir: Path) -> list[tuple[FieldPath, str]]:
    """The logo and favicon: files below ``docs/`` that are published, of a raster type, with matching bytes."""
    problems: list[tuple[FieldPath, str]] = []
    for key in ("logo", "favicon"):
        src = getattr(branding, key)
        if src is not None:
            message = _image_problem(src, docs_dir)
            if message:
                problems.append(((key,), message))
    return problems


def _image_problem(src: str, docs_dir: Path) -> str | None:
    name = src.strip().lstrip("/")
    suffix = Path(name).suffix.lower()
    if suffix in (".svg", ".svgz"):
        return (f"'{src}' is een SVG-bestand; dat kan script bevatten en wordt daarom niet gepubliceerd; lever het "
                "als PNG aan, bijvoorbeeld met 'rsvg-convert -h 192 logo.svg -o logo.png'")
    if suffix not in IMAGE_SIGNATURES:
        return f"'{src}' is geen PNG-, JPG- of WebP-afbeelding; lever het bestand in een van die formaten aan"
    path = (docs_dir / name).resolve()
    docs = docs_dir.resolve()
    if docs not in path.parents:
        return f"'{src}' ligt buiten de inhoudsmap; zet het bestand in docs/, bijvoorbeeld in docs/afbeeldingen/"
    if not path.is_file():
        return (f"'{src}' bestaat niet in de inhoudsmap (docs/); geef het pad vanaf docs/ op, bijvoorbeeld "
                "afbeeldingen/logo.png")
    refused = file_problem(path.relative_to(docs).as_posix())
    if refused is not None:
        return f"'{src}' wordt niet gepubliceerd: {refused}"
    with path.open("rb") as stream:
        head = stream.read(12)
    if not head.startswith(IMAGE_SIGNATURES[suffix]) or (suffix == ".webp" and head[8:12] != b"WEBP"):
        return (f"'{src}' heet een {suffix[1:].upper()}-bestand, maar de inhoud is dat niet; sla de afbeelding "
                f"opnieuw op als {suffix[1:].upper()}")
    return None
