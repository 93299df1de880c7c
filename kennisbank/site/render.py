"""Render Markdown from the hub through Jinja templates (phase two of a build).

Rendering is kept apart from the data it renders, as in Material's tags
plugin: templates in ``kennisbank/site/templates`` produce Markdown that MkDocs then
turns into HTML, so links between pages stay relative ``.md`` links that MkDocs
checks and resolves.

Long generated lists (every item of a theme, related items, the facts of an
item) are HTML the templates escape themselves (``|html``), set aside with
``{% filter html_block %}``: the Markdown holds a placeholder and the HTML
skips Python-Markdown altogether (see :mod:`kennisbank.site.blocks`). Their
``.md`` links are resolved by the adapter exactly as MkDocs resolves
Markdown links.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Callable, Iterable, Sequence

import jinja2

from .blocks import BLOCKS
from .volume import search_link
from ..content.hub import Item
from ..content.model import ItemType
from ..index.hub_index import HubIndex
from ..content.text import dutch_date, duration, html_text, link, link_from_folder, md_escape


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("kennisbank.site", "templates"),
        # Output is Markdown, not HTML: escaping is done explicitly with |md.
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        auto_reload=False,  # templates ship with the package; no stat() per page
    )
    env.filters.update(md=md_escape, html=html_text, html_block=BLOCKS.add, dutch_date=dutch_date, link=link,
                       duration=duration, list_entries=list_entries, search_link=search_link)
    return env


def list_entries(items: Iterable[Item], kind: str, here: str, show_type: bool = False) -> str:
    """``items`` as entries of a list on page ``here``, one per line: the macro ``kind`` of ``_entries.md.j2``.

    A hub lists every item on many pages (its themes, networks and pairs, its type's index, other
    items' related lists and backlinks), and rendering an entry (a dozen Jinja attribute lookups and
    filters) cost more than the rest of those pages together. So each kind of entry is rendered once
    per item, with a marker where the link goes, and kept on the item as the text before and after
    it; a page puts its own relative link in between. A rebuilt hub has new items and no stale entries.
    """
    folder = here.rpartition("/")[0]
    key = (kind, show_type)
    lines = []
    for item in items:
        parts = item.entries.get(key)
        if parts is None:
            entry = render_macro("_entries.md.j2", kind, item=item, href=_HREF, show_type=show_type)
            before, marker, after = entry.partition(_HREF)
            if not marker or _HREF in after:
                raise ValueError(f"_entries.md.j2 {kind}: the link must appear exactly once")
            parts = item.entries[key] = (before, after)
        lines.append(link_from_folder(folder, item.src).join(parts))
    return "\n".join(lines)


_HREF = "<kb-link>"
"""Stands for the link while an entry is rendered: contributor text passes |html, so it cannot contain this."""


def render(template: str, **context: object) -> str:
    return environment().get_template(template).render(**context)


def render_macro(template: str, macro: str, **arguments: object) -> str:
    """Call one macro of a template: for the parts of every item page.

    A template render sets up a fresh context (about 7 µs), a macro call a tenth of that; with
    several sections on each of tens of thousands of item pages, that is most of their cost.
    """
    return str(getattr(_module(template), macro)(**arguments))


@lru_cache(maxsize=None)
def _module(template: str):
    return environment().get_template(template).module


Section = Callable[[HubIndex, Item], str]
"""Renders one part of an item page as Markdown ("" when there is nothing to show)."""


def item_page(hub: HubIndex, item: Item, before: Sequence[Section] = (), after: Sequence[Section] = ()) -> str:
    """The full Markdown of an item page: title, facts and body, with feature sections around it.

    ``before`` sections go between the facts and the body, ``after`` sections
    at the end; :mod:`kennisbank.features` lists them.
    """
    tax = hub.taxonomy
    context: dict[str, object] = {
        "item": item,
        "here": item.src,
        "body": item.body,
        "before_body": _sections(before, hub, item),
        "after_body": _sections(after, hub, item),
        "themes": [tax.themes[s] for s in hub.themes(item) if s in tax.themes],
        "networks": [tax.networks[s] for s in hub.networks(item) if s in tax.networks],
        "module_position": None,
        "course": None,
        "prerequisites": [],
    }
    if item.type is ItemType.CURSUS:
        slugs = hub.by_slug
        context["prerequisites"] = [slugs[s] for s in item.course_meta.voorkennis if s in slugs]
    elif item.type is ItemType.MODULE:
        modules = hub.course_modules(item.course or "")
        context.update(course=hub.course_of(item), module_position=(modules.index(item) + 1, len(modules)))
    return render("item.md.j2", **context)


def _sections(sections: Sequence[Section], hub: HubIndex, item: Item) -> str:
    return "\n\n".join(text for section in sections if (text := section(hub, item).strip()))
