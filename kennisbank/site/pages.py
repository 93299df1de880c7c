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
from .collection import section_page
from .render import render
from .volume import PAGE_FOLDER, PagedList, sources, type_lists
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
    parent: str | None = None
    """``src`` of the page it hangs under in the breadcrumbs, when :mod:`.breadcrumbs` does not know it."""


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
    per_page = hub.settings.overview.per_page
    for theme in tax.themes.values():
        src = f"themas/{theme.slug}.md"
        facet = "ontwikkelpunt" if theme.soort is ThemeKind.ONTWIKKELPUNT else "thema"
        items = hub.with_theme(theme.slug)
        lists = type_lists(grouped(items), src, theme.naam, per_page, {facet: theme.naam})
        pages.append(GeneratedPage(src, render(
            "theme.md.j2", here=src, entry=theme, kind="thema", groups=grouped(items), lists=lists,
            sources=_sources(hub, items, {facet: theme.naam}),
            sections=_entry_sections(hub, theme_sections, theme.slug)),
            themes_file))
        pages += archive_pages(lists, themes_file)
    for network in tax.networks.values():
        src = f"netwerken/{network.slug}.md"
        items = hub.with_network(network.slug)
        lists = type_lists(grouped(items), src, network.naam, per_page, {"netwerk": network.naam})
        pages.append(GeneratedPage(src, render(
            "theme.md.j2", here=src, entry=network, kind="netwerk", groups=grouped(items), lists=lists,
            sources=_sources(hub, items, {"netwerk": network.naam}),
            sections=_entry_sections(hub, network_sections, network.slug)), networks_file))
        pages += archive_pages(lists, networks_file)
    for item_type, intro in TYPE_INTROS.items():
        src = f"{item_type.folder}/index.md"
        paged = PagedList(hub.of_type(item_type), src, f"{item_type.folder}/{PAGE_FOLDER}", item_type.plural,
                          per_page, search={"soort": item_type.label}, item_type=item_type, by_year=True,
                          overview=item_type.plural)
        pages.append(GeneratedPage(src, render(
            "type_index.md.j2", here=src, item_type=item_type, intro=intro, items=paged.items, paged=paged),
            f"docs/{item_type.folder}/"))
        pages += archive_pages([paged], f"docs/{item_type.folder}/")
    return pages


def archive_pages(lists: Sequence[PagedList], source: str) -> list[GeneratedPage]:
    """Pages 2 … n of every list longer than a page, each hung under the overview page that shows page 1."""
    return [GeneratedPage(paged.src(number), render("archive.md.j2", here=paged.src(number), paged=paged,
                                                    number=number), source, parent=paged.first)
            for paged in lists for number in range(2, paged.pages + 1)]


def _sources(hub: HubIndex, items: Sequence[Item], search: Mapping[str, str]) -> list[tuple[str, str | None, int, dict]]:
    """The collections among ``items``: (name, ``src`` of its start page or None, count, search filters)."""
    found = []
    for slug, name, count in sources(items):
        collection = hub.hub.collections.get(slug)
        start = section_page(hub, collection.folder) if collection is not None else None
        found.append((name, start.src if start else None, count, {**search, "bron": name}))
    return found


def _entry_sections(hub: HubIndex, sections: Sequence[EntrySection], slug: str) -> str:
    return "\n\n".join(text for section in sections if (text := section(hub, slug).strip()))
