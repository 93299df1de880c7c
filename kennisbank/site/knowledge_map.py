"""The "Kenniskaart": a heat map of themes × networks, drawn as SVG at build time.

Rows are themes, columns networks; a cell's colour says how many items the
pair shares and the number is written in it, so colour is never the only
carrier of the information. Every filled cell links to the pair's page, every
label to its theme or network. The same figures follow as an HTML table, the
text alternative for screen readers and for small screens.

Drawn by hand rather than with a plotting library: a grid of links with
``<title>`` tooltips is a few dozen lines, and a library's SVG would carry
inline styles (refused by the site's Content-Security-Policy) and no links.
Colours come from CSS classes in ``docs/stylesheets/kenniskaart.css``, so the
dark palette has its own; the ``fill`` attributes are the light fallback.
"""

from __future__ import annotations

import math
from html import escape

from ..content.taxonomy import DATA_DIR
from ..content.text import link
from ..index.hub_index import HubIndex
from .connections import pair_src
from .pages import GeneratedPage
from .render import render

SRC = "kenniskaart.md"
CELL = 44
"""Cell size in SVG units: at full width a cell is a comfortable 44 px target (WCAG 2.5.5)."""
GAP = 4
CHAR = 7.4
"""Average width of a 13px system-font character, to size the label areas."""
MAX_LABEL = 42
MAX_COLUMN_LABEL = 28
"""Network names are cut shorter: turned 45°, they would widen the map (the full name is in the tooltip)."""
LEVELS = 5
LIGHT_FILLS = ("#f3f4f8", "#e8eaf6", "#c5cae9", "#7986cb", "#3949ab", "#1a237e")
"""Fallback fills per level (0 = no items); the stylesheet sets the real ones for both palettes."""
LIGHT_TEXT = ("#1f2430", "#1f2430", "#1f2430", "#000000", "#ffffff", "#ffffff")


def level(count: int, highest: int) -> int:
    """0 for no items, else 1–5 in proportion to the busiest pair."""
    if count <= 0 or highest <= 0:
        return 0
    return max(1, min(LEVELS, math.ceil(LEVELS * count / highest)))


def _short(name: str, limit: int = MAX_LABEL) -> str:
    return name if len(name) <= limit else name[:limit - 1].rstrip() + "…"


def svg(hub: HubIndex, here: str = SRC) -> str:
    """The heat map as one ``<svg>`` element; links are relative ``.md`` paths from ``here``."""
    themes = list(hub.taxonomy.themes.values())
    networks = list(hub.taxonomy.networks.values())
    highest = max((len(items) for items in hub.pairs.values()), default=0)
    left = int(max((len(_short(t.naam)) for t in themes), default=10) * CHAR) + 16
    # Column labels are turned 45°: they rise and lean right by about 0.71 × their length.
    extent = int(max((len(_short(n.naam, MAX_COLUMN_LABEL)) for n in networks), default=10) * CHAR * 0.71)
    top = extent + 24
    width = left + len(networks) * CELL + max(24, extent - CELL // 2)
    height = top + len(themes) * CELL + 8
    out = [f'<svg class="kb-map__svg" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
           f'width="{width}" height="{height}" aria-labelledby="kb-map-title">',
           '<title id="kb-map-title">Kenniskaart: aantal gedeelde publicaties per thema en netwerk</title>']
    for column, network in enumerate(networks):
        x = left + column * CELL + CELL / 2
        y = top - 10
        out.append(f'<a href="{escape(link(here, f"netwerken/{network.slug}.md"))}" class="kb-map__label">'
                   f'<title>{escape(network.naam)}</title>'
                   f'<text x="{x:.0f}" y="{y}" transform="rotate(-45 {x:.0f} {y})" font-size="13" '
                   f'fill="currentColor">{escape(_short(network.naam, MAX_COLUMN_LABEL))}</text></a>')
    for row, theme in enumerate(themes):
        y = top + row * CELL
        out.append(f'<a href="{escape(link(here, f"themas/{theme.slug}.md"))}" class="kb-map__label">'
                   f'<title>{escape(theme.naam)}</title>'
                   f'<text x="{left - 10}" y="{y + CELL / 2:.0f}" text-anchor="end" dominant-baseline="central" '
                   f'font-size="13" fill="currentColor">{escape(_short(theme.naam))}</text></a>')
        for column, network in enumerate(networks):
            count = hub.pair_count(theme.slug, network.slug)
            step = level(count, highest)
            x = left + column * CELL
            label = f"{theme.naam} bij {network.naam}: {publications_label(count)}"
            rect = (f'<rect class="kb-map__cell kb-map__cell--{step}" x="{x + GAP / 2:.0f}" y="{y + GAP / 2:.0f}" '
                    f'width="{CELL - GAP}" height="{CELL - GAP}" rx="4" fill="{LIGHT_FILLS[step]}"/>')
            if count == 0:
                out.append(f'<g class="kb-map__empty"><title>{escape(label)}</title>{rect}</g>')
                continue
            out.append(f'<a href="{escape(link(here, pair_src(theme.slug, network.slug)))}" class="kb-map__link" '
                       f'aria-label="{escape(label)}"><title>{escape(label)}</title>{rect}'
                       f'<text class="kb-map__count kb-map__count--{step}" x="{x + CELL / 2:.0f}" '
                       f'y="{y + CELL / 2:.0f}" text-anchor="middle" dominant-baseline="central" font-size="14" '
                       f'font-weight="bold" fill="{LIGHT_TEXT[step]}">{count}</text></a>')
    out.append("</svg>")
    return "".join(out)


def table(hub: HubIndex, here: str = SRC) -> str:
    """The same figures as an HTML table with row and column headers."""
    themes = list(hub.taxonomy.themes.values())
    networks = list(hub.taxonomy.networks.values())
    rows = ['<table class="kb-map__table">',
            "<caption>Aantal gedeelde publicaties per thema (rijen) en netwerk (kolommen)</caption>",
            '<thead><tr><th scope="col">Thema</th>']
    rows += [f'<th scope="col"><a href="{escape(link(here, f"netwerken/{n.slug}.md"))}">{escape(n.naam)}</a></th>'
             for n in networks]
    rows.append("</tr></thead><tbody>")
    for theme in themes:
        cells = [f'<tr><th scope="row"><a href="{escape(link(here, f"themas/{theme.slug}.md"))}">'
                 f'{escape(theme.naam)}</a></th>']
        for network in networks:
            count = hub.pair_count(theme.slug, network.slug)
            if count:
                cells.append(f'<td><a href="{escape(link(here, pair_src(theme.slug, network.slug)))}" '
                             f'title="{escape(theme.naam)} bij {escape(network.naam)}">{count}</a></td>')
            else:
                cells.append('<td><span class="kb-map__none">0</span></td>')
        rows.append("".join(cells) + "</tr>")
    rows.append("</tbody></table>")
    return "\n".join(rows)


def theme_lists(hub: HubIndex, here: str = SRC) -> str:
    """The same figures per theme, as lists of its networks with counts: the map for narrow screens.

    At 320 px the SVG's labels shrink to a few pixels and the table's columns to a letter each; a list
    per theme reads at any width and gives every link a whole line to tap (WCAG 1.4.10, 2.5.8).
    """
    out = ['<div class="kb-map__lists">']
    for theme in hub.taxonomy.themes.values():
        shared = sorted(((hub.pair_count(theme.slug, n.slug), n) for n in hub.taxonomy.networks.values()),
                        key=lambda pair: -pair[0])
        out.append(f'<h3><a href="{escape(link(here, f"themas/{theme.slug}.md"))}">{escape(theme.naam)}</a></h3>')
        entries = [f'<li><a href="{escape(link(here, pair_src(theme.slug, network.slug)))}">{escape(network.naam)}'
                   f'</a> <span class="kb-meta">{publications_label(count)}</span></li>'
                   for count, network in shared if count]
        out.append(f'<ul class="kb-map__list">{"".join(entries)}</ul>' if entries
                   else '<p class="kb-meta">Nog geen netwerk met publicaties bij dit thema.</p>')
    out.append("</div>")
    return "\n".join(out)


def publications_label(count: int) -> str:
    return "geen publicaties" if count == 0 else ("1 publicatie" if count == 1 else f"{count} publicaties")


def strongest(hub: HubIndex, limit: int = 5) -> list[tuple[object, object, int, str]]:
    """The busiest pairs: (theme, network, count, pair page), most items first."""
    tax = hub.taxonomy
    pairs = sorted(hub.pairs.items(), key=lambda p: (-len(p[1]), p[0]))[:limit]
    return [(tax.themes[t], tax.networks[n], len(items), pair_src(t, n)) for (t, n), items in pairs]


def knowledge_map_page(hub: HubIndex) -> list[GeneratedPage]:
    """The Kenniskaart page."""
    highest = max((len(items) for items in hub.pairs.values()), default=0)
    legend = [(step, LIGHT_FILLS[step]) for step in range(LEVELS + 1)]
    return [GeneratedPage(SRC, render(
        "knowledge_map.md.j2", here=SRC, svg=svg(hub), table=table(hub), lists=theme_lists(hub),
        strongest=strongest(hub),
        highest=highest, legend=legend), f"docs/{DATA_DIR}/themas.yml")]
