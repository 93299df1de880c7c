"""The home page's generated parts: featured items, the newest items and the themes with counts.

The home page itself is ``docs/index.md``, written by editors in plain
Markdown. Where it holds a marker such as ``<!-- kennisbank: nieuw -->`` on a
line of its own, the build puts the generated section; editors choose the
order and the words around it, the build keeps the lists current. A marker
the build does not know is reported with its line and left as an invisible
comment, so a typo never shows on the site.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from ..content.hub import Item
from ..content.model import ItemType
from ..content.problems import Problem, Severity, suggest
from ..content.taxonomy import ThemeKind
from ..index.hub_index import HubIndex
from .render import render_macro

HOME_SRC = "index.md"
TEMPLATE = "home.html"
"""The theme template of the home page (overrides/home.html): the search band above the page's Markdown."""
FEATURED_MAX = 3
"""Featured cards shown: one row on a laptop; older featured items give way to newer ones."""
NEWEST_COUNT = 3

_MARKER = re.compile(r"^<!--\s*kennisbank:\s*(?P<name>[\w-]+)\s*-->\s*$", re.MULTILINE)


@dataclass(frozen=True)
class ThemeCount:
    """A theme or development point with the number of publications that carry it."""

    slug: str
    name: str
    description: str
    count: int


def changed(item: Item) -> dt.date:
    return item.updated or dt.date.min


def featured(hub: HubIndex) -> list[Item]:
    """Items editors marked ``uitgelicht: true``, most recently changed first."""
    return [item for item in hub.recent if item.meta_value("uitgelicht", False)][:FEATURED_MAX]


def newest(hub: HubIndex) -> list[Item]:
    """The most recently published or updated articles, good practices and courses (the feeds' order)."""
    return hub.recent[:NEWEST_COUNT]


def theme_counts(hub: HubIndex) -> list[tuple[ThemeKind, list[ThemeCount]]]:
    """Every theme per kind with its number of publications (course modules count with their course)."""
    return [(kind, [ThemeCount(t.slug, t.naam, t.beschrijving,
                               sum(1 for i in hub.with_theme(t.slug) if i.type is not ItemType.MODULE))
                    for t in hub.taxonomy.themes_of_kind(kind)])
            for kind in ThemeKind]


def _cards(items: list[Item], heading: str) -> str:
    return render_macro("home.md.j2", "cards", items=items, heading=heading, changed=changed)


SECTIONS: dict[str, Callable[[HubIndex], str]] = {
    "uitgelicht": lambda hub: _cards(featured(hub), "Uitgelicht"),
    "nieuw": lambda hub: _cards(newest(hub), "Nieuw en bijgewerkt"),
    "themas": lambda hub: render_macro("home.md.j2", "themes", kinds=theme_counts(hub)),
}
"""Marker name -> the Markdown of its section ("" when there is nothing to show)."""


def sections(hub: HubIndex) -> str:
    """All generated sections together: what the home page shows of the hub (the preview compares it)."""
    return "\n".join(section(hub) for section in SECTIONS.values())


def fill(markdown: str, hub: HubIndex, path: str, first_line: int = 0) -> tuple[str, list[Problem]]:
    """The home page's Markdown with every known marker replaced; unknown markers as problems at their line.

    ``first_line`` is the number of file lines before ``markdown`` (its frontmatter).
    """
    problems: list[Problem] = []

    def replace(match: re.Match[str]) -> str:
        name = match.group("name")
        section = SECTIONS.get(name)
        if section is None:
            line = first_line + markdown.count("\n", 0, match.start()) + 1
            hint = suggest(name, list(SECTIONS)) or f"; bekende namen: {', '.join(SECTIONS)}"
            problems.append(Problem(path, line, 1, "kennisbank", f"onbekend onderdeel '{name}'{hint}",
                                    severity=Severity.WARNING))
            return match.group(0)
        return section(hub)

    return _MARKER.sub(replace, markdown), problems
