"""Where a page sits: the parent of every item and generated page, for breadcrumbs.

Items are not in the (deliberately short) navigation, so Material's
``navigation.path`` would show no path for them. The core says which page is
each page's parent; the adapter hangs the pages under those parents, and
Material draws the path: Start › Academie › Cursus for a module.
"""

from __future__ import annotations

from ..content.model import ItemType
from ..index.hub_index import HubIndex
from .collection import collection_parent
from .connections import pair_src


def parents(hub: HubIndex) -> dict[str, str]:
    """Page ``src`` → its parent's ``src``; pages without an entry hang where the navigation puts them."""
    found: dict[str, str] = {}
    for item in hub.items.values():
        if item.collection is not None:
            parent = collection_parent(hub, item)
            if parent is not None:
                found[item.src] = parent
        elif item.type is ItemType.MODULE:
            course = hub.course_of(item)
            found[item.src] = course.src if course else f"{ItemType.CURSUS.folder}/index.md"
        else:
            found[item.src] = f"{item.type.folder}/index.md"
    for slug in hub.taxonomy.themes:
        found[f"themas/{slug}.md"] = "themas/index.md"
    for slug in hub.taxonomy.networks:
        found[f"netwerken/{slug}.md"] = "netwerken/index.md"
    for theme, network in hub.pairs:
        found[pair_src(theme, network)] = f"themas/{theme}.md"
    return found
