"""Emoji shortcodes without a third-party request.

Material's ``to_svg`` inlines its own icons (``:material-…:``) but hands real
emoji (``:smile:``) to pymdownx, which links an image on a CDN: every visitor's
browser would then contact that host, which Dutch public-sector privacy rules
do not allow. Here real emoji become the Unicode character (pymdownx's
``to_alt``), drawn by the visitor's own emoji font; icons stay inline SVG.
"""

from __future__ import annotations

from material.extensions.emoji import to_svg
from pymdownx.emoji import to_alt


def to_svg_or_character(index, shortname, alias, uc, alt, title, category, options, md):
    """The ``emoji_generator`` for mkdocs.yml: an icon as inline SVG, an emoji as its character."""
    if uc:
        return to_alt(index, shortname, alias, uc, alt, title, category, options, md)
    return to_svg(index, shortname, alias, uc, alt, title, category, options, md)
