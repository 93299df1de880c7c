"""Tags as the site shows them: one spelling per tag (chosen in :mod:`kennisbank.index.tag_labels`)."""

from __future__ import annotations

from ..content.hub import Item
from ..index.hub_index import HubIndex


def item_tag_labels(index: HubIndex, item: Item) -> list[str]:
    """The item's tags as the site shows them: WGR, DEGO, Wmo, the same spelling on every page."""
    return [index.tag_labels.get(tag, tag) for tag in item.tags]
