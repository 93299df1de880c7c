"""The generated search page "Zoeken in de kennisbank" and the files it loads.

The page is plain HTML inside generated Markdown; ``docs/javascripts/zoeken.js``
(loaded on every page, tiny) finds its container and only then loads lunr.js,
the Dutch language support and the index, so other pages do not pay for them.
"""

from __future__ import annotations

from typing import Mapping

from ...index.hub_index import HubIndex
from ...site import material
from ...site.pages import GeneratedFile, GeneratedPage
from ...site.render import render
from .documents import search_docs
from .index import SHARDS, SearchData

PAGE_SRC = "zoeken/index.md"
LUNR_SRC = "zoeken/lunr.js"
"""Where the engine must put lunr.js (2.3.9, the version lunr.py serialises for).
``zoeken.js`` names these paths (and Material's lunr-languages) relative to the site root."""

PRELOAD = [LUNR_SRC, *material.LUNR_LANGUAGES, SHARDS[0][0]]
"""What ``zoeken.js`` needs before first results, preloaded from the page head (``overrides/main.html``):
the script itself only runs after Material's bundle at the end of the body. Not the bodies' part:
it is wanted only after first results, and would compete with them for the network and the CPU."""

def search_page(hub: HubIndex) -> list[GeneratedPage]:
    """The search page: an empty container that ``zoeken.js`` fills.

    The form is built by the script, not written here: every page's HTML goes
    through the content sanitizer, which rightly keeps no forms, selects or
    ``data-`` attributes, and without JavaScript the form would not work anyway.
    """
    markdown = render("search_page.md.j2", here=PAGE_SRC, count=len(hub.items), index=hub.settings.extra_outputs,
                      preload=PRELOAD)
    return [GeneratedPage(PAGE_SRC, markdown, "kennisbank/outputs/search/")]


def search_files(hub: HubIndex, urls: Mapping[str, str]) -> list[GeneratedFile]:
    """The index data scripts; ``urls`` maps each page's ``src`` to its site-relative URL.

    The index is an extra output: building it takes about a second per thousand items,
    too much for every edit while serving (the page then says so).
    """
    if not hub.settings.extra_outputs:
        return []
    return [GeneratedFile(path, script) for path, script in SearchData(search_docs(hub, urls)).scripts().items()]
