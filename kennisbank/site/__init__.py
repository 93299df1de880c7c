"""Phase three, render: generated pages and item pages as Markdown from Jinja templates.

Overview pages (:mod:`.pages`, bounded at volume by :mod:`.volume`), item pages (:mod:`.render`), the
parts of a collection's pages (:mod:`.collection`), breadcrumbs, the knowledge map, and the sanitizer
every page's HTML passes. Imports only the read and index phases.
"""
