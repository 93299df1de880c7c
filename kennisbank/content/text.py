"""Small text helpers shared by the renderers: escaping, Dutch dates, links."""

from __future__ import annotations

import datetime as dt
import html
import re
from functools import lru_cache

MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli",
          "augustus", "september", "oktober", "november", "december")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}()#+\-.!|~^])")


@lru_cache(maxsize=1 << 16)  # the same titles recur on every page that lists the item
def html_text(text: str) -> str:
    """Make contributor text inert inside a raw HTML block of generated Markdown.

    Python-Markdown passes a raw HTML block through untouched, so only HTML
    needs escaping there; whitespace is folded as Markdown would show it.
    """
    return html.escape(" ".join(str(text).split()), quote=True)


@lru_cache(maxsize=1 << 16)  # the same titles recur on every overview page that lists the item
def md_escape(text: str) -> str:
    """Make contributor text inert inside generated Markdown.

    Titles and summaries are plain text by contract; escaping both HTML and
    Markdown syntax keeps a title like ``<script>`` or ``[x](javascript:…)``
    from becoming markup on an overview page.
    """
    # Quotes stay as they are: Markdown text is no attribute, and Python-Markdown escapes the '&' of an
    # entity such as '&#x27;' once more in the page title it takes from a heading ("regio&#x27;s").
    return _MD_SPECIAL.sub(r"\\\1", html.escape(" ".join(str(text).split()), quote=False))


def dutch_date(date: dt.date | None) -> str:
    """``2024-03-12`` -> ``12 maart 2024``."""
    if date is None:
        return ""
    return f"{date.day} {MONTHS[date.month - 1]} {date.year}"


def link(from_src: str, to_src: str) -> str:
    """Relative Markdown link from one docs file to another; MkDocs resolves it to a URL.

    Both paths are clean ``docs/``-relative paths (no empty or ``.`` parts),
    so plain string work does what ``posixpath.relpath`` does without its two
    ``abspath`` calls (which ask the OS for the working directory), hundreds
    of thousands of times a build.
    """
    return link_from_folder(from_src.rpartition("/")[0], to_src)


def link_from_folder(folder: str, to_src: str) -> str:
    """:func:`link` from any page in ``folder`` (``""`` for the top of ``docs/``)."""
    # Most links leave the folder's top-level section (an item page to a theme, an article to a
    # good practice): up to the top, then down. Worked out here without a cache, since a big hub
    # has more (folder, item) pairs than any cache should hold.
    if not folder:
        return to_src or "."
    if folder.partition("/")[0] != to_src.partition("/")[0]:
        return "../" * (folder.count("/") + 1) + to_src
    return _link_within_section(folder, to_src)


@lru_cache(maxsize=1 << 16)
def _link_within_section(folder: str, to_src: str) -> str:
    start = folder.split("/")
    target = to_src.split("/")
    common = 0
    while common < min(len(start), len(target)) and start[common] == target[common]:
        common += 1
    return "/".join([".."] * (len(start) - common) + target[common:]) or "."


def plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def duration(minutes: int) -> str:
    """``135`` -> ``2 uur 15 min``."""
    hours, rest = divmod(int(minutes), 60)
    if hours and rest:
        return f"{hours} uur {rest} min"
    return f"{hours} uur" if hours else f"{rest} min"
