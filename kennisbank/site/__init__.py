"""Phase three, render: the site's pages from the loaded hub.

Generated pages (:mod:`.pages`, :mod:`.knowledge_map`, :mod:`.connections`, the home page's sections in
:mod:`.home`), item pages through Jinja templates (:mod:`.render`, ``templates/``), the HTML blocks that skip
Markdown (:mod:`.blocks`), breadcrumbs, tag spellings (:mod:`.tags`), Markdown extensions and the
sanitizer every page passes. Imports from the read and index phases only.
"""
