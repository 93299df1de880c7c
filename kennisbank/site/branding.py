"""The house style in the site: a stylesheet of Material's colour variables, and a favicon when none is given.

Material's own mechanism for custom colours is ``palette.primary: custom`` with the CSS custom properties
``--md-primary-fg-color`` and friends set by a stylesheet of the site. That stylesheet is made here from
``extra.kennisbank.huisstijl`` (checked for contrast in :mod:`kennisbank.content.branding`), so no site
edits CSS to change its colours, and every colour the theme paints is one the build has checked.
"""

from __future__ import annotations

import html
from collections.abc import Mapping

from ..content.branding import SLATE, WHITE, Branding, SchemeColours
from ..content.colours import Colour, contrast
from ..index.hub_index import HubIndex
from .pages import GeneratedFile

STYLESHEET = "stylesheets/huisstijl.css"
"""The generated stylesheet; the adapter lists it first under ``extra_css``."""
FAVICON = "assets/kennisbank/favicon.svg"
"""The generated favicon, used when the house style names neither a favicon nor a logo."""

_WHITE = "#ffffff"


def _darker(hex_colour: str) -> str:
    colour = Colour.parse(hex_colour)
    assert colour is not None  # noqa: S101  validated by the settings model
    return colour.with_lightness(colour.lightness * 0.8).hex


def _variables(scheme: SchemeColours, *, dark: bool) -> dict[str, str]:
    """Material's palette variables and the site's own (toegankelijkheid.css) for one palette.

    The pairs here are the pairs :data:`kennisbank.content.branding.CHECKS` measures: in the light palette
    links and the focus ring take the primary colour and reactions (hover, focus) the accent with white
    text; in the dark one links, the ring and reactions take the (light) accent, with dark text on it.
    """
    link = scheme.accent if dark else scheme.primair
    on_accent = SLATE.hex if dark else _WHITE
    return {
        "--md-primary-fg-color": scheme.primair,
        "--md-primary-fg-color--light": scheme.primair,
        # Material paints white text on this shade (the repository box in the phone's menu): darker only adds.
        "--md-primary-fg-color--dark": _darker(scheme.primair),
        "--md-primary-bg-color": _WHITE,
        "--md-primary-bg-color--light": "#ffffffb3",
        "--md-accent-fg-color": scheme.accent,
        "--md-accent-fg-color--transparent": scheme.accent + "1a",
        "--md-accent-bg-color": on_accent,
        "--md-accent-bg-color--light": on_accent + "b3",
        "--md-typeset-a-color": link,
        "--kb-focus-color": link,
        "--kb-button-active-bg": scheme.accent,
        "--kb-button-active-fg": on_accent,
    }


def _rule(selector: str, variables: dict[str, str]) -> str:
    lines = "".join(f"  {name}: {value};\n" for name, value in variables.items())
    return f"{selector} {{\n{lines}}}\n"


def stylesheet(branding: Branding) -> str:
    """The stylesheet of the house style's colours, for both palettes."""
    colours = branding.kleuren
    return ("/* Made by the build from extra.kennisbank.huisstijl in mkdocs.yml (kennisbank/site/branding.py). */\n"
            + _rule(':root,\n[data-md-color-scheme="default"]', _variables(colours.licht, dark=False))
            + _rule('[data-md-color-scheme="slate"]', _variables(colours.donker, dark=True))
            + "/* The Kenniskaart's levels (docs/stylesheets/kenniskaart.css has the empty cell). */\n"
            + _map_rules(branding))


MAP_SHARES = {False: (0.12, 0.3, 0.55, 0.8, 1.0), True: (0.25, 0.45, 0.65, 0.85, 1.0)}
"""How much of the palette's colour each of the Kenniskaart's five levels takes (light, dark)."""
_BLACK = Colour(0, 0, 0)


def map_colours(branding: Branding, dark: bool = False) -> tuple[tuple[str, str], ...]:
    """(fill, count colour) of the Kenniskaart's levels 1-5 (kennisbank.site.knowledge_map): tints of the light
    palette's primary colour over white, or of the dark palette's accent over slate, so the map is in the house
    style. Each count is black or white, whichever contrasts more with its cell: at least 4.58:1 for any
    colour, since the two ratios multiply to 21."""
    base = Colour.parse(branding.kleuren.donker.accent if dark else branding.kleuren.licht.primair)
    assert base is not None  # noqa: S101  validated by the settings model
    levels = []
    for share in MAP_SHARES[dark]:
        fill = base.over(SLATE if dark else WHITE, share)
        text = max((_BLACK, WHITE), key=lambda candidate: contrast(candidate, fill))
        levels.append((fill.hex, text.hex))
    return tuple(levels)


def _map_rules(branding: Branding) -> str:
    rules = []
    for dark, scope in ((False, ""), (True, '[data-md-color-scheme="slate"] ')):
        for step, (fill, text) in enumerate(map_colours(branding, dark), start=1):
            rules.append(f"{scope}.kb-map__cell--{step} {{ fill: {fill}; }}\n"
                         f"{scope}.kb-map__count--{step} {{ fill: {text}; }}\n")
    return "".join(rules)


def favicon(branding: Branding) -> str:
    """A square in the primary colour with the organisation's initial in white (checked at 4.5:1 or more)."""
    initial = html.escape(branding.organisatie.strip()[:1].upper() or "K")
    return ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">'
            f'<rect width="32" height="32" rx="6" fill="{branding.kleuren.licht.primair}"/>'
            '<text x="16" y="23" text-anchor="middle" font-family="sans-serif" font-size="20" font-weight="700" '
            f'fill="#ffffff">{initial}</text></svg>\n')


def branding_files(hub: HubIndex, urls: Mapping[str, str]) -> list[GeneratedFile]:
    """The stylesheet, and the favicon when the house style has neither favicon nor logo."""
    branding = hub.settings.huisstijl
    files = [GeneratedFile(STYLESHEET, stylesheet(branding))]
    if branding.favicon is None and branding.logo is None:
        files.append(GeneratedFile(FAVICON, favicon(branding)))
    return files


def favicon_path(branding: Branding) -> str:
    """The favicon's path below the site root: the house style's favicon, else its logo, else the generated one."""
    return (branding.favicon or branding.logo or FAVICON).strip().lstrip("/")
