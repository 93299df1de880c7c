"""The engine adapter: the only package that imports MkDocs or knows Material's internals.

- :mod:`.events`: the build events ``hooks/kennisbank_hooks.py`` hands on, one call each;
- :mod:`.preview`: incremental rebuilds for ``kennisbank serve``;
- :mod:`.commands`: ``build_site``, ``serve_site`` and ``preview_build`` for the CLI and tests;
- :mod:`.options`: what a command asks of one build, carried on the loaded configuration;
- :mod:`.heap`: the garbage-collector settings of one build;
- :mod:`.markdown_reuse`, :mod:`.nav_reuse`: engine work done once per build instead of once per page.

Imports nothing itself, so ``kennisbank.mkdocs.heap`` stays cheap to import.
"""
