"""What a Kennisbank build is made of: one list per extension point.

Features live in modules of their own; this is the one place that wires them
into a build, so adding a feature is one line here and no change to the adapter.
"""

from __future__ import annotations

from .academie.pages import catalogue_pages, further_reading, learning_path
from .pages import FileGenerator, Generator, overview_pages
from .render import Section
from .search.page import search_files, search_page

GENERATORS: list[Generator] = [overview_pages, search_page, catalogue_pages]
"""Groups of generated pages, in order."""

FILES: list[FileGenerator] = [search_files]
"""Build-only files other than pages (scripts, data), made once all pages are known."""

BEFORE_BODY: list[Section] = []
"""Item-page sections between the facts and the body, in order."""

AFTER_BODY: list[Section] = [learning_path, further_reading]
"""Item-page sections after the body, in order."""
