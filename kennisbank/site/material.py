"""Every assumption Kennisbank makes about the HTML and assets of Material for MkDocs, in one place.

The core writes Markdown; Material turns it into pages. Whatever reads those
pages back (the PDF composer, the search page, the hooks) or leans on Material's
assets and page metadata names it here, so a move to another theme or engine
(Material's support ends in May 2027) starts from this list. Outside this module:
the template overrides in ``overrides/`` (Material templates), the
``data-search-exclude`` attribute the item-page sections carry (Material's quick
search skips them; :mod:`kennisbank.content.html_policy` keeps it), Material's
emoji functions in :mod:`.emoji`, and ``docs/javascripts/`` (Material's
``document$`` observable and ``md-button`` class).
"""

from __future__ import annotations

import re

_ARTICLE_START = re.compile(r'<article class="md-content__inner[^"]*">')


def article(page_html: str) -> str | None:
    """A built page's main content: what Material's ``<article>`` holds up to the first ``</article>``.

    Found with ``str.find`` rather than one lazy ``(.*?)</article>`` pattern: the PDF keys read every
    page of the site on every build, and the lazy pattern tries ``</article>`` at each of the article's
    characters (0.14 s at 1,000 items, against 0.01 s).
    """
    start = _ARTICLE_START.search(page_html)
    end = page_html.find("</article>", start.end()) if start else -1
    return page_html[start.end():end] if start and end >= 0 else None

SCREEN_ONLY = ["a.headerlink", "a.md-content__button", "aside.md-source-file"]
"""Parts of Material's article that make sense only on screen: permalink anchors, the edit button,
the 'last updated' footer."""

TABS = ("div.tabbed-set", ":scope > .tabbed-labels > label", ":scope > .tabbed-content > .tabbed-block")
"""Content tabs (pymdownx.tabbed with Material's alternate style): the set, its labels, its blocks."""

LUNR_LANGUAGES = ["assets/javascripts/lunr/min/lunr.stemmer.support.min.js",
                  "assets/javascripts/lunr/min/lunr.nl.min.js"]
"""Material's lunr-languages files (Dutch stemmer and stop words), which the build bundles after lunr.js
into the search engine (``zoeken/zoekmachine.js``)."""

QUICK_SEARCH_BOOST = {"boost": 0.2}
"""Page metadata ``search`` for generated overview pages: Material's quick search weight. They repeat the
titles and summaries of many items, so without a lower weight they would push the items themselves down."""

NOT_IN_MATERIAL_INDEX = {"exclude": True}
"""Page metadata ``search`` that makes Material's search plugin skip a page: it then does not parse the
page's HTML into sections. Set on every page when the build makes its own index and empties Material's
(:mod:`kennisbank.outputs.search.stub`): that parse cost 2.7 of 21.9 s CPU at 1,000 items, for nothing."""
