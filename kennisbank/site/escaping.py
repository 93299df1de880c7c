"""Escaping by construction for everything the theme's templates print.

MkDocs creates its Jinja environment with autoescape off, so every
``{{ page.meta.title }}``, tag name, breadcrumb or table-of-contents entry in
Material's templates is printed as raw HTML, and the sanitizer
(:mod:`kennisbank.site.sanitize`) only ever sees the page content. Hugo's
``html/template`` shows the way out: escape every value unless it is known to
be safe HTML. So the build turns autoescape on and marks as
:class:`~markupsafe.Markup` only the values that are HTML made by the build
itself and already cleaned: the sanitized page content, and titles that
Python-Markdown rendered (which are passed through nh3 first, so even those
cannot carry a tag). A template, ours or Material's, can then not print a
contributed value unescaped by accident.

One catch in Jinja: ``striptags`` on a plain string *unescapes* it, so with
autoescape off ``{{ page.title | striptags }}`` (Material's ``<title>``) turned
``&lt;/title&gt;`` back into markup. With autoescape on, its result is escaped
again.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import jinja2
import nh3
from markupsafe import Markup, escape

SEARCH_TITLE_TAGS = frozenset({"code", "sub", "sup"})
"""Inline markup that Material's search parser keeps in section titles; nothing else survives there."""


def autoescape(env: jinja2.Environment) -> None:
    """Escape every printed value of the theme's templates unless it is ``Markup``.

    Must run before the first template is loaded: Jinja decides at compile time.
    """
    env.autoescape = True


def html_text(html: str) -> Markup:
    """The text of an HTML fragment, still escaped, safe to print: every tag is dropped."""
    return Markup(nh3.clean(html, tags=set()))


def page_content(html: str) -> Markup:
    """Page content has passed the sanitizer (``on_page_content``) and Material's tag listings."""
    return Markup(html)


def toc_titles(anchors: Iterable[Any]) -> None:
    """Python-Markdown's table of contents holds each heading's HTML text: mark it, after cleaning."""
    for anchor in anchors:
        if not isinstance(anchor.title, Markup):
            anchor.title = html_text(anchor.title)
        toc_titles(anchor.children)


def search_entry(entry: dict[str, Any]) -> dict[str, Any]:
    """One entry of Material's search index, made safe for its results list.

    Material's search results put titles and tags in the page with
    ``innerHTML``. Section titles from its HTML parser are escaped, but a page
    whose content does not start with a heading gets its frontmatter title raw,
    and tags are always raw: so titles are cleaned to the few inline tags the
    parser keeps, and tags are escaped.
    """
    if isinstance(entry.get("title"), str):
        entry["title"] = nh3.clean(entry["title"], tags=set(SEARCH_TITLE_TAGS), attributes={})
    if isinstance(entry.get("tags"), list):
        entry["tags"] = [str(escape(tag)) if isinstance(tag, str) else tag for tag in entry["tags"]]
    return entry
