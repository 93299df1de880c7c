"""How themes and networks hang together: counts, sections on their pages and a page per pair.

Everything is counted in one pass over the items (each item adds one to every
theme × network pair it carries), so the cost grows with the number of items,
not with the number of pages. A module counts with its course's themes.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..content.hub import Hub, Item, newest_first
from ..content.model import ItemType
from .pages import GeneratedPage, grouped
from .render import item_themes, render
from ..content.taxonomy import DATA_DIR


@dataclass
class Connections:
    """Counts of shared items between themes and networks."""

    pairs: dict[tuple[str, str], list[Item]] = field(default_factory=dict)
    """(theme, network) → items carrying both, newest first."""
    themes: Counter = field(default_factory=Counter)
    """(theme, theme) → number of items carrying both (both orders stored)."""

    def networks_of(self, theme: str) -> list[tuple[str, int]]:
        """Networks active in a theme, most shared items first, then by slug."""
        found = [(n, len(items)) for (t, n), items in self.pairs.items() if t == theme]
        return sorted(found, key=lambda p: (-p[1], p[0]))

    def themes_of(self, network: str) -> list[tuple[str, int]]:
        found = [(t, len(items)) for (t, n), items in self.pairs.items() if n == network]
        return sorted(found, key=lambda p: (-p[1], p[0]))

    def related_themes(self, theme: str) -> list[tuple[str, int]]:
        found = [(b, count) for (a, b), count in self.themes.items() if a == theme]
        return sorted(found, key=lambda p: (-p[1], p[0]))

    def count(self, theme: str, network: str) -> int:
        return len(self.pairs.get((theme, network), ()))


def connections(hub: Hub) -> Connections:
    """Theme × network and theme × theme counts of the hub, computed once."""
    cached = hub.derived.get("connections")
    if cached is None:
        cached = Connections()
        pairs: dict[tuple[str, str], list[Item]] = {}
        for item in hub.newest():
            themes = [t for t in dict.fromkeys(item_themes(hub, item)) if t in hub.taxonomy.themes]
            networks = [n for n in dict.fromkeys(_networks(hub, item)) if n in hub.taxonomy.networks]
            for theme in themes:
                for network in networks:
                    pairs.setdefault((theme, network), []).append(item)
                for other in themes:
                    if other != theme:
                        cached.themes[(theme, other)] += 1
        cached.pairs = pairs
        hub.derived["connections"] = cached
    return cached  # type: ignore[return-value]


def _networks(hub: Hub, item: Item) -> list[str]:
    if item.type is ItemType.MODULE and not item.networks:
        course = hub.course_of(item)
        return course.networks if course else []
    return item.networks


def pair_src(theme: str, network: str) -> str:
    """``themas/<theme>/<network>.md``: below the theme's page in URL and breadcrumbs."""
    return f"themas/{theme}/{network}.md"


def theme_sections(hub: Hub, slug: str) -> str:
    """On a theme page: the networks active in it and the themes it shares items with."""
    found = connections(hub)
    tax = hub.taxonomy
    here = f"themas/{slug}.md"
    return render("theme_connections.md.j2", here=here, theme=tax.themes[slug],
                  networks=[(tax.networks[n], c, pair_src(slug, n)) for n, c in found.networks_of(slug)],
                  themes=[(tax.themes[t], c) for t, c in found.related_themes(slug)])


def network_sections(hub: Hub, slug: str) -> str:
    """On a network page: its themes, most shared items first."""
    tax = hub.taxonomy
    themes = [(tax.themes[t], c, pair_src(t, slug)) for t, c in connections(hub).themes_of(slug)]
    return render("network_connections.md.j2", here=f"netwerken/{slug}.md", themes=themes)


def pair_pages(hub: Hub) -> list[GeneratedPage]:
    """One page per theme × network pair that has items."""
    found = connections(hub)
    tax = hub.taxonomy
    pages = []
    for (theme_slug, network_slug), items in sorted(found.pairs.items()):
        src = pair_src(theme_slug, network_slug)
        theme, network = tax.themes[theme_slug], tax.networks[network_slug]
        pages.append(GeneratedPage(src, render(
            "pair.md.j2", here=src, theme=theme, network=network, groups=grouped(newest_first(items)),
            other_networks=[(tax.networks[n], c, pair_src(theme_slug, n))
                            for n, c in found.networks_of(theme_slug) if n != network_slug],
            other_themes=[(tax.themes[t], c, pair_src(t, network_slug))
                          for t, c in found.themes_of(network_slug) if t != theme_slug]),
            f"docs/{DATA_DIR}/themas.yml"))
    return pages
