"""Element ids and names from content: safe characters, and none of the theme's.

Two dangers. An id is printed in places that the sanitizer never sees (the
table of contents of Material's sidebar builds ``href="#…"`` from it), so an id
such as ``x" autofocus onfocus="…`` is only harmless as long as every one of
those places escapes it. And an element's id or name becomes a property of
``window`` and ``document`` (DOM clobbering): ``id="__config"`` would replace
Material's configuration, and our own scripts find their elements by id.

So ``kennisbank check`` refuses such ids with a message (:func:`id_problem`),
and the build renames whatever reaches it anyway (:func:`safe_id`), in the
Markdown tree before the table of contents is made
(:mod:`kennisbank.site.safe_ids`) and in the sanitizer for raw HTML, so that
page and table of contents agree.
"""

from __future__ import annotations

import re

THEME_PREFIX = "__"
"""Material names its own elements ``__config``, ``__search``, ``__drawer``, ``__palette_0``, ``__toc`` …"""
OWN_PREFIX = "kb-"
"""Kennisbank's templates and scripts (``kb-search``, ``kb-map-title`` …); refused by ``check`` in content."""
ID_ATTRIBUTES = ("id", "name", "for")
"""Attributes that name an element (``for`` points a label at one, so it is renamed alike)."""
RENAMED_PREFIX = "inhoud-"
"""What a refused id is renamed to in the build: visibly the content's, never the theme's."""

# '/' is harmless in an id, and Material's tags plugin marks where its listing goes with 'page.md:1-22/slug'.
_SAFE = re.compile(r"[\w.:/-]+")
# pymdownx.tabbed numbers its radio buttons __tabbed_1_1 (name __tabbed_1): made by the build, not written.
_GENERATED = re.compile(r"__tabbed_\d+(?:_\d+)*")
_UNSAFE_CHARACTERS = re.compile(r"[^\w.:/-]+")


def id_problem(value: str) -> str | None:
    """A Dutch message when a contributor's id or name may not be used, else None."""
    suggestion = _suggestion(value)
    if not _SAFE.fullmatch(value):
        return (f"de naam '{value[:60]}' bevat tekens die niet in een id horen (spaties, aanhalingstekens, "
                f"<, > …); gebruik alleen letters, cijfers, '-' en '_', bijvoorbeeld '{suggestion}'")
    if value.startswith(THEME_PREFIX):
        return (f"de naam '{value}' is gereserveerd voor het thema van de site (namen die met '__' beginnen); "
                f"kies een andere, bijvoorbeeld '{suggestion}'")
    if value.lower().startswith(OWN_PREFIX):
        return (f"de naam '{value}' is gereserveerd voor de onderdelen van de kennisbank zelf (namen die met "
                f"'kb-' beginnen); kies een andere, bijvoorbeeld '{suggestion}'")
    return None


def safe_id(value: str) -> str:
    """``value`` if it is safe in the built page, else a renamed one that cannot reach the theme's."""
    if _GENERATED.fullmatch(value) or (_SAFE.fullmatch(value) and not value.startswith(THEME_PREFIX)):
        return value
    return RENAMED_PREFIX + (_UNSAFE_CHARACTERS.sub("-", value).strip("-_") or "id")


def _suggestion(value: str) -> str:
    cleaned = _UNSAFE_CHARACTERS.sub("-", value).strip("-_").lower()
    cleaned = cleaned.removeprefix(OWN_PREFIX)
    return cleaned or "mijn-kop"
