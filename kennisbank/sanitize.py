"""The last line of defence: every page's HTML goes through a real sanitizer.

``kennisbank check`` rejects unsafe HTML with a message at the right line
(:mod:`kennisbank.safety`), but a check written by hand can miss a trick. So
the HTML that Markdown produced is cleaned with nh3 (the Rust *ammonia*
sanitizer, built on the html5ever parser browsers' own algorithm) before it
reaches a template: only the tags and attributes that our Markdown extensions
and templates emit survive, URLs must be relative or http(s)/mailto/tel, and
``<iframe>`` keeps its ``src`` only for the embed hosts configured in
``mkdocs.yml``. Whatever a contributor writes, no script can come out.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable
from urllib.parse import urlsplit

import nh3

from .ids import ID_ATTRIBUTES, safe_id

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
    # The knowledge map (kennisbank/knowledge_map.py): shapes, text and tooltips, nothing that runs.
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
IFRAME_SANDBOX = "allow-scripts allow-same-origin allow-presentation allow-popups"
"""An allowed embed still runs sandboxed: it cannot navigate our page or open forms on it. Players need
scripts and their own storage; 'allow-same-origin' is safe here because only https pages of other hosts
keep their src."""
# An iframe whose address was refused would be an empty frame of our own origin: drop it. nh3's output is
# canonical (lower-case names, double-quoted values), so this pattern sees every such frame. Its content is
# raw text a browser never shows; an unclosed '<iframe' in a body can swallow the rest of the page, markup
# of the generated sections included, so the content goes too, whatever it holds.
_EMPTY_IFRAME = re.compile(r'<iframe(?: (?!src=)[a-z-]+="[^"]*")*>.*?</iframe>', re.S)


def host_allowed(url: str, hosts: Iterable[str]) -> bool:
    """``https://www.youtube-nocookie.com/embed/x`` is allowed for host ``www.youtube-nocookie.com``."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    return parts.scheme == "https" and (parts.hostname or "").lower() in {h.lower() for h in hosts}


def sanitize(html: str, embed_hosts: Iterable[str] = ()) -> str:
    """Clean one page's HTML; embeds keep their address only for ``embed_hosts`` (https)."""
    return _cleaner(frozenset(embed_hosts))(html)


@lru_cache(maxsize=8)
def _cleaner(hosts: frozenset[str]):
    def keep(tag: str, attribute: str, value: str) -> str | None:
        if tag == "iframe" and attribute == "src":
            return value if host_allowed(value, hosts) else None
        if attribute in ID_ATTRIBUTES:
            return safe_id(value)  # raw HTML never passed the Markdown tree's renaming (kennisbank.ids)
        return value

    attributes = {tag: set(names) for tag, names in ATTRIBUTES.items()}
    attributes["*"] = set(GLOBAL_ATTRIBUTES)

    def clean(html: str) -> str:
        return _EMPTY_IFRAME.sub("", nh3.clean(
            html,
            tags=set(TAGS),
            clean_content_tags={"script", "style"},
            attributes=attributes,
            attribute_filter=keep,
            strip_comments=True,
            link_rel=None,
            url_schemes=set(URL_SCHEMES),
            filter_style_properties=set(STYLE_PROPERTIES),
            # Task lists need <input type="checkbox">; every input is forced disabled, so no field to phish
            # with. One forced attribute per tag: nh3 orders several at random, which would break
            # reproducible builds.
            tag_attribute_values={"input": {"type": {"checkbox"}}},
            set_tag_attribute_values={"iframe": {"sandbox": IFRAME_SANDBOX}, "input": {"disabled": "disabled"}},
        ))

    return clean
