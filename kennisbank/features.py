"""What a Kennisbank build is made of: one list per extension point.

Features live in modules of their own; this is the one place that wires them
into a build, so adding a feature is one line here and no change to the adapter.
It sits above the phases (it names site pages and outputs alike); only the
engine adapter (:mod:`kennisbank.mkdocs`) reads it.
"""

from __future__ import annotations

from functools import partial

from .academie.pages import catalogue_pages, further_reading, learning_path
from .outputs.feeds import feed_files, whats_new_page
from .outputs.redirects import redirect_files
from .outputs.search.page import search_files, search_page
from .site.branding import branding_files
from .site.collection import origin_section, tree_section
from .site.connections import network_sections, pair_pages, theme_sections
from .site.contribution import contribution_files
from .site.crosslinks import backlinks_section, more_in_theme_section, related_section
from .site.knowledge_map import knowledge_map_page
from .site.pages import EntrySection, FileGenerator, Generator, overview_pages
from .site.render import Section
from .site.tags import tag_pages

THEME_SECTIONS: list[EntrySection] = [theme_sections]
"""Sections on each theme page, between its introduction and its items."""

NETWORK_SECTIONS: list[EntrySection] = [network_sections]
"""Sections on each network page, between its introduction and its items."""

GENERATORS: list[Generator] = [
    partial(overview_pages, theme_sections=THEME_SECTIONS, network_sections=NETWORK_SECTIONS),
    search_page, catalogue_pages, pair_pages, knowledge_map_page, whats_new_page, tag_pages,
]
"""Groups of generated pages, in order."""

FILES: list[FileGenerator] = [branding_files, search_files, feed_files, redirect_files, contribution_files]
"""Build-only files other than pages (scripts, data), made once all pages are known."""

BEFORE_BODY: list[Section] = [origin_section]
"""Item-page sections between the facts and the body, in order."""

AFTER_BODY: list[Section] = [tree_section, learning_path, further_reading, related_section, backlinks_section,
                             more_in_theme_section]
"""Item-page sections after the body, in order."""
