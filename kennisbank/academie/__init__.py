"""VNG Academie: courses as learning paths.

- :mod:`.selfcheck` parses and validates "Toets jezelf" blocks (``!!! toets``);
- :mod:`.markdown_ext` renders them as accessible HTML (a Python-Markdown extension);
- :mod:`.checks` validates course structure (module order, prerequisites);
- :mod:`.pages` makes the catalogue and the course sections of item pages.

This ``__init__`` imports nothing, so that :mod:`kennisbank.content.hub` can use the
checks without importing the renderers (which import the hub).
"""
