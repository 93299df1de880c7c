"""What a Kennisbank build is made of: one list per extension point.

Features live in modules of their own; this is the one place that wires them
into a build, so adding a feature is one line here and no change to the adapter.
"""

from __future__ import annotations

from typing import Callable

from .academie.pages import catalogue_pages, further_reading, learning_path
from .collection.sections import origin_section, tree_section
from .connections import network_sections, pair_pages, theme_sections
from .crosslinks import backlinks_section, more_in_theme_section, related_section
from .feeds import feed_files, whats_new_page
from .hub import Hub
from .knowledge_map import knowledge_map_page
from .pages import FileGenerator, Generator, overview_pages
from .render import Section
from .search.page import search_files, search_page

GENERATORS: list[Generator] = [overview_pages, search_page, catalogue_pages, pair_pages, knowledge_map_page,
                               whats_new_page]
"""Groups of generated pages, in order."""

FILES: list[FileGenerator] = [search_files, feed_files]
"""Build-only files other than pages (scripts, data), made once all pages are known."""

BEFORE_BODY: list[Section] = [origin_section]
"""Item-page sections between the facts and the body, in order."""

AFTER_BODY: list[Section] = [tree_section, learning_path, further_reading, related_section, backlinks_section,
                             more_in_theme_section]
"""Item-page sections after the body, in order."""

EntrySection = Callable[[Hub, str], str]
"""Renders part of a theme or network page from its slug ("" when there is nothing to show)."""

THEME_SECTIONS: list[EntrySection] = [theme_sections]
"""Sections on each theme page, between its introduction and its items."""

NETWORK_SECTIONS: list[EntrySection] = [network_sections]
"""Sections on each network page, between its introduction and its items."""
