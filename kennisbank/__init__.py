"""Kennisbank: a static site generator for the VNG knowledge hub, in four phases.

1. read (:mod:`.content`): every file in ``docs/`` is read, validated and loaded into one ``Hub``;
   bad input becomes Dutch ``pad:regel:kolom: veld: melding`` problems, never an exception.
2. index (:mod:`.index`): what pages share (effective themes, lists per theme and network,
   related items, backlinks, feed order) is derived once from the hub.
3. render (:mod:`.site`): generated pages and item pages as Markdown from Jinja templates.
4. outputs (:mod:`.outputs`): search index, feeds, PDFs, the offline copy, hosting headers.

:mod:`.academie` is the course feature across the phases; :mod:`.features` wires every
feature into a build. Only :mod:`.mkdocs` (the engine adapter) and :mod:`.cli` sit above;
a package imports only from its own phase or earlier ones (``tests/test_architecture.py``).
"""
