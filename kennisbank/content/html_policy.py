"""The one HTML policy: what contributed and generated HTML may contain.

Both halves of the defence read it: :mod:`.safety` (``kennisbank check``,
friendly messages at the contributor's line) and :mod:`kennisbank.site.sanitize`
(nh3 on every built page, whatever the check missed).
"""

from __future__ import annotations

from typing import Iterable
from urllib.parse import urlsplit

URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
"""Schemes a link or image may use; ``javascript:``, ``data:``, ``vbscript:`` … are dropped."""

# What Python-Markdown, the enabled extensions (admonition, details, tables,
# footnotes, def_list, abbr, tasklist, superfences/highlight, toc permalinks,
# md_in_html, attr_list, twemoji SVG icons) and our own templates produce.
TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "col", "colgroup", "dd", "del", "details", "div",
    "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "input",
    "ins", "kbd", "label", "li", "mark", "nav", "ol", "p", "pre", "q", "s", "samp", "small", "span", "strong",
    "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul", "var",
    "svg", "path", "iframe",
    # The knowledge map (kennisbank/site/knowledge_map.py): shapes, text and tooltips, nothing that runs.
    "g", "rect", "text", "title",
})
GLOBAL_ATTRIBUTES = frozenset({"class", "id", "title", "lang", "dir", "style", "aria-label", "aria-hidden",
                               "aria-describedby", "role",
                               # Material's quick search skips such an element (or a heading's section).
                               "data-search-exclude"})
ATTRIBUTES = {
    "a": {"href", "name"},
    "abbr": {"title"},
    "img": {"src", "alt", "width", "height", "loading"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "align", "scope"},
    "col": {"span"},
    "ol": {"start", "type", "reversed"},
    "li": {"value"},
    "details": {"open"},
    "input": {"checked"},
    "label": {"for"},
    "q": {"cite"},
    "blockquote": {"cite"},
    "svg": {"xmlns", "viewBox", "width", "height", "fill", "aria-labelledby"},
    "g": {"fill"},
    "rect": {"x", "y", "width", "height", "rx", "fill", "stroke"},
    "text": {"x", "y", "fill", "text-anchor", "dominant-baseline", "font-size", "font-weight", "transform"},
    "path": {"d", "fill", "fill-rule", "clip-rule"},
    "iframe": {"src", "width", "height", "allow", "allowfullscreen", "loading", "referrerpolicy"},
}
STYLE_PROPERTIES = frozenset({"text-align"})
"""Tables align columns with ``style="text-align: …"``; no other CSS from content."""

def host_allowed(url: str, hosts: Iterable[str]) -> bool:
    """``https://www.youtube-nocookie.com/embed/x`` is allowed for host ``www.youtube-nocookie.com``."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    return parts.scheme == "https" and (parts.hostname or "").lower() in {h.lower() for h in hosts}
