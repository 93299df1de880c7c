"""Generated overview pages: themes, networks and one index per content type.

The course catalogue (``academie/index.md``) is made by :mod:`kennisbank.academie.pages`.

Each page is a ``src -> Markdown`` pair; the adapter hands them to MkDocs as
generated files, so nothing is ever written into ``docs/``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Mapping, Sequence

from ..content.hub import Item
from ..content.model import ItemType
from ..index.hub_index import HubIndex
from .render import render
from ..content.taxonomy import DATA_DIR, ThemeKind

TYPE_INTROS = {
    ItemType.ARTIKEL: "Kennisartikelen over de opgaven van gemeenten: wat speelt er, wat doet de VNG "
                      "en hoe ga je als gemeente zelf aan de slag.",
    ItemType.PRAKTIJKVOORBEELD: "Goede praktijken: hoe gemeenten een opgave aanpakken, wat het opleverde "
                                "en welke lessen zij delen.",
}


@dataclass(frozen=True)
class GeneratedPage:
    """A page that exists only in the build."""

    src: str
    """Path below ``docs/`` the page pretends to have."""
    markdown: str
    source: str
    """Repository file the page is made from, for the 'bewerk' link."""


@dataclass(frozen=True)
class GeneratedFile:
    """A file other than a page (a script, data) that exists only in the build."""

    src: str
    content: str


FileGenerator = Callable[[HubIndex, Mapping[str, str]], list[GeneratedFile]]
"""Makes build-only files from the hub and the site-relative URL of every page (by ``src``)."""


def grouped(items: list[Item]) -> list[tuple[ItemType, list[Item]]]:
    """Items grouped by type in a fixed order, empty groups left out."""
    # One pass over the items: every theme, network and pair page groups its items, so a pass per type
    # would read the whole hub several times over.
    by_type: dict[ItemType, list[Item]] = {}
    for item in items:
        by_type.setdefault(item.type, []).append(item)
    return [(t, by_type[t]) for t in ItemType if t in by_type]


Generator = Callable[[HubIndex], list[GeneratedPage]]
"""Makes a group of generated pages from the loaded hub."""


def generated_pages(hub: HubIndex, generators: Sequence[Generator]) -> list[GeneratedPage]:
    """Every generated page of the hub, in a stable order."""
    return [page for generator in generators for page in generator(hub)]


EntrySection = Callable[[HubIndex, str], str]
"""Renders part of a theme or network page from its slug ("" when there is nothing to show)."""


def overview_pages(hub: HubIndex, theme_sections: Sequence[EntrySection] = (),
                   network_sections: Sequence[EntrySection] = ()) -> list[GeneratedPage]:
    """Theme, network and content-type overviews; :mod:`kennisbank.features` passes the sections."""
    tax = hub.taxonomy
    themes_file = f"docs/{DATA_DIR}/themas.yml"
    networks_file = f"docs/{DATA_DIR}/netwerken.yml"
    pages = [
        GeneratedPage("themas/index.md", render(
            "themes_index.md.j2", here="themas/index.md",
            kinds=[(kind, [(t, grouped(hub.with_theme(t.slug))) for t in tax.themes_of_kind(kind)])
                   for kind in ThemeKind]), themes_file),
        GeneratedPage("netwerken/index.md", render(
            "networks_index.md.j2", here="netwerken/index.md",
            networks=[(n, grouped(hub.with_network(n.slug))) for n in tax.networks.values()]), networks_file),
    ]
    for theme in tax.themes.values():
        src = f"themas/{theme.slug}.md"
        pages.append(GeneratedPage(src, render(
            "theme.md.j2", here=src, entry=theme, kind="thema", groups=grouped(hub.with_theme(theme.slug)),
            sections=_entry_sections(hub, theme_sections, theme.slug)),
            themes_file))
    for network in tax.networks.values():
        src = f"netwerken/{network.slug}.md"
        pages.append(GeneratedPage(src, render(
            "theme.md.j2", here=src, entry=network, kind="netwerk",
            groups=grouped(hub.with_network(network.slug)),
            sections=_entry_sections(hub, network_sections, network.slug)), networks_file))
    for item_type, intro in TYPE_INTROS.items():
        src = f"{item_type.folder}/index.md"
        pages.append(GeneratedPage(src, render(
            "type_index.md.j2", here=src, item_type=item_type, intro=intro, items=hub.of_type(item_type)),
            f"docs/{item_type.folder}/"))
    return pages


def _entry_sections(hub: HubIndex, sections: Sequence[EntrySection], slug: str) -> str:
    return "\n\n".join(text for section in sections if (text := section(hub, slug).strip()))
