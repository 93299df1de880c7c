"""The one HTML policy: what contributed and generated HTML may contain.

Both halves of the defence read it: :mod:`.safety` (``kennisbank check``,
friendly messages at the contributor's line) and :mod:`kennisbank.site.sanitize`
(nh3 on every built page, whatever the check missed).
"""

from __future__ import annotations

from collections.abc import Iterable

from .urls import browser_host, scheme_of

URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
"""Schemes a link or image may use; ``javascript:``, ``data:``, ``vbscript:`` … are dropped."""

CONTRIBUTED_TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "col", "colgroup", "dd", "del", "details", "div",
    "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img",
    "ins", "kbd", "label", "li", "mark", "nav", "ol", "p", "pre", "q", "s", "samp", "small", "span", "strong",
    "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul", "var",
    # Only from the embed hosts in mkdocs.yml (host_allowed), and always sandboxed.
    "iframe",
})
"""Tags a contribution may hold: what Python-Markdown and the enabled extensions (admonition, details,
tables, footnotes, def_list, abbr, superfences/highlight, toc permalinks, md_in_html, attr_list) produce
from Markdown, and what a contributor may write as HTML."""
GENERATED_TAGS = frozenset({
    "svg", "path",  # Material's twemoji icons (:material-…:) and the Kenniskaart
    "g", "rect", "text", "title",  # the Kenniskaart (kennisbank/site/knowledge_map.py): shapes and tooltips
    "input",  # task lists: a checkbox the sanitizer forces disabled
})
"""Tags only the site's own code writes. The sanitizer keeps them in built pages; a contributor
writing ``<svg>`` or ``<input>`` gets :data:`FORBIDDEN_TAGS`' message from ``kennisbank check``."""
TAGS = CONTRIBUTED_TAGS | GENERATED_TAGS
"""What the sanitizer keeps in a built page."""
FORBIDDEN_TAGS = {
    "script": "<script> is niet toegestaan: code in een bijdrage zou in de browser van bezoekers draaien",
    "style": "<style> is niet toegestaan: de opmaak komt uit het thema van de site",
    "object": "<object> is niet toegestaan; verwijs met een link naar het bestand",
    "embed": "<embed> is niet toegestaan; verwijs met een link naar het bestand",
    "applet": "<applet> is niet toegestaan",
    "svg": "SVG-code in de tekst is niet toegestaan (SVG kan script bevatten); "
           "neem een afbeelding op met ![beschrijving](bestand.png)",
    "math": "<math> is niet toegestaan in de tekst",
    "base": "<base> is niet toegestaan: het verandert waar alle links van de pagina heen gaan",
    "meta": "<meta> is niet toegestaan in de tekst",
    "link": "<link> is niet toegestaan in de tekst; gebruik een gewone link [tekst](adres)",
    "form": "formulieren zijn niet toegestaan in de tekst; link naar een formulier op de site van de gemeente",
    "input": "formuliervelden zijn niet toegestaan in de tekst",
    "button": "knoppen zijn niet toegestaan in de tekst; gebruik een gewone link",
    "textarea": "formuliervelden zijn niet toegestaan in de tekst",
    "select": "formuliervelden zijn niet toegestaan in de tekst",
    "frame": "<frame> is niet toegestaan",
    "frameset": "<frameset> is niet toegestaan",
    "template": "<template> is niet toegestaan in de tekst",
    "noscript": "<noscript> is niet toegestaan in de tekst",
    "portal": "<portal> is niet toegestaan",
}
"""Tags ``kennisbank check`` rejects in a contribution, with the Dutch reason. None of them is in
:data:`CONTRIBUTED_TAGS`; the sanitizer drops the rest and keeps :data:`GENERATED_TAGS` for the site's own
output (tests/test_html_policy.py)."""
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
    """``https://www.youtube-nocookie.com/embed/x`` is allowed for host ``www.youtube-nocookie.com``.

    The host is the one a browser contacts (:mod:`.urls`), not the one ``urlsplit`` finds.
    """
    return scheme_of(url) == "https" and browser_host(url) in {h.lower() for h in hosts}
