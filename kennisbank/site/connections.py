"""How themes and networks hang together: sections on their pages and a page per pair.

The counts come from the index (:attr:`kennisbank.index.hub_index.HubIndex.pairs`),
where a module counts with its course's themes and networks.
"""

from __future__ import annotations

from ..content.taxonomy import DATA_DIR, ThemeKind
from ..index.hub_index import HubIndex
from .pages import GeneratedPage, archive_pages, grouped
from .render import render
from .volume import type_lists


def pair_src(theme: str, network: str) -> str:
    """``themas/<theme>/<network>.md``: below the theme's page in URL and breadcrumbs."""
    return f"themas/{theme}/{network}.md"


def theme_sections(hub: HubIndex, slug: str) -> str:
    """On a theme page: the networks active in it and the themes it shares items with."""
    tax = hub.taxonomy
    here = f"themas/{slug}.md"
    return render("theme_connections.md.j2", here=here, theme=tax.themes[slug],
                  networks=[(tax.networks[n], c, pair_src(slug, n)) for n, c in hub.networks_of(slug)],
                  themes=[(tax.themes[t], c) for t, c in hub.related_themes(slug)])


def network_sections(hub: HubIndex, slug: str) -> str:
    """On a network page: its themes, most shared items first."""
    tax = hub.taxonomy
    themes = [(tax.themes[t], c, pair_src(t, slug)) for t, c in hub.themes_of(slug)]
    return render("network_connections.md.j2", here=f"netwerken/{slug}.md", themes=themes)


def pair_pages(hub: HubIndex) -> list[GeneratedPage]:
    """One page per theme × network pair that has items."""
    tax = hub.taxonomy
    pages = []
    for (theme_slug, network_slug), items in sorted(hub.pairs.items()):
        src = pair_src(theme_slug, network_slug)
        theme, network = tax.themes[theme_slug], tax.networks[network_slug]
        facet = "ontwikkelpunt" if theme.soort is ThemeKind.ONTWIKKELPUNT else "thema"
        lists = type_lists(grouped(items), src, f"{theme.naam} bij {network.naam}", hub.settings.overview.per_page,
                           {facet: theme.naam, "netwerk": network.naam})
        pages.append(GeneratedPage(src, render(
            "pair.md.j2", here=src, theme=theme, network=network, groups=grouped(items), lists=lists,
            other_networks=[(tax.networks[n], c, pair_src(theme_slug, n))
                            for n, c in hub.networks_of(theme_slug) if n != network_slug],
            other_themes=[(tax.themes[t], c, pair_src(t, network_slug))
                          for t, c in hub.themes_of(network_slug) if t != theme_slug]),
            f"docs/{DATA_DIR}/themas.yml"))
        pages += archive_pages(lists, f"docs/{DATA_DIR}/themas.yml")
    return pages
