"""Every assumption about Material for MkDocs' HTML and assets, in one place.

NOTE (collections branch): this file is imported on main since 5742daa but was never committed there
(the old .gitignore entry 'site/' hid new files in kennisbank/site/). It is reconstructed here from the
definitions that commit moved out of outputs/pdf/compose.py, outputs/search/page.py and mkdocs/events.py;
prefer the arch branch's own copy when it is committed.

- :data:`ARTICLE`: the ``<article>`` of a built page, which the PDF composer reads;
- :data:`SCREEN_ONLY`: parts of an article that make no sense on paper;
- :data:`TABS`: content tabs (set, its labels, its blocks), printed one after another;
- :data:`LUNR_LANGUAGES`: Material's lunr-languages files the search page preloads;
- :data:`QUICK_SEARCH_BOOST`: the quick-search weight of generated overview pages.
"""

from __future__ import annotations

import re

ARTICLE = re.compile(r'<article class="md-content__inner[^"]*">(.*?)</article>', re.DOTALL)
SCREEN_ONLY = ["a.headerlink", "a.md-content__button", "aside.md-source-file"]
TABS = ("div.tabbed-set", ":scope > .tabbed-labels > label", ":scope > .tabbed-content > .tabbed-block")
LUNR_LANGUAGES = ["assets/javascripts/lunr/min/lunr.stemmer.support.min.js",
                  "assets/javascripts/lunr/min/lunr.nl.min.js"]
QUICK_SEARCH_BOOST = {"boost": 0.2}
