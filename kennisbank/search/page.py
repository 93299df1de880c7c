"""The generated search page "Zoeken in de kennisbank" and the files it loads.

The page is plain HTML inside generated Markdown; ``docs/javascripts/zoeken.js``
(loaded on every page, tiny) finds its container and only then loads lunr.js,
the Dutch language support and the index, so other pages do not pay for them.
"""

from __future__ import annotations

import posixpath
from typing import Mapping

from ..hub import Hub
from ..pages import GeneratedFile, GeneratedPage
from ..render import render
from .documents import search_docs
from .index import SearchData

PAGE_SRC = "zoeken/index.md"
DATA_SRC = "zoeken/zoekindex.js"
LUNR_SRC = "zoeken/lunr.js"
"""Where the engine must put lunr.js (2.3.9, the version lunr.py serialises for)."""
# lunr-languages as Material ships and serves them for its own quick search.
LANGUAGE_SCRIPTS = ["assets/javascripts/lunr/min/lunr.stemmer.support.min.js",
                    "assets/javascripts/lunr/min/lunr.nl.min.js"]

GENERATED_PAGE_SEARCH = {"boost": 0.2}
"""Material quick search weight of generated overview pages: they repeat the titles and
summaries of many items, so without a lower weight they would push the items themselves down."""


def search_page(hub: Hub) -> list[GeneratedPage]:
    """The search page; its scripts are named relative to the page's folder."""
    root = posixpath.relpath(".", posixpath.dirname(PAGE_SRC)) + "/"
    scripts = [posixpath.relpath(s, posixpath.dirname(PAGE_SRC)) for s in
               [LUNR_SRC, *LANGUAGE_SCRIPTS, DATA_SRC]]
    markdown = render("search_page.md.j2", here=PAGE_SRC, count=len(hub.items), root=root, scripts=scripts)
    return [GeneratedPage(PAGE_SRC, markdown, "kennisbank/search/")]


def search_files(hub: Hub, urls: Mapping[str, str]) -> list[GeneratedFile]:
    """The index data script; ``urls`` maps each page's ``src`` to its site-relative URL."""
    return [GeneratedFile(DATA_SRC, SearchData(search_docs(hub, urls)).script())]
