"""The last line of defence: every page's HTML goes through a real sanitizer.

``kennisbank check`` rejects unsafe HTML with a message at the right line
(:mod:`kennisbank.content.safety`), but a check written by hand can miss a trick. So
the HTML that Markdown produced is cleaned with nh3 (the Rust *ammonia*
sanitizer, built on the html5ever parser browsers' own algorithm) before it
reaches a template: only the tags and attributes that our Markdown extensions
and templates emit survive, URLs must be relative or http(s)/mailto/tel, and
``<iframe>`` keeps its ``src`` only for the embed hosts configured in
``mkdocs.yml``. Whatever a contributor writes, no script can come out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

import nh3

from ..content.html_policy import ATTRIBUTES, GLOBAL_ATTRIBUTES, STYLE_PROPERTIES, TAGS, URL_SCHEMES, host_allowed
from ..content.ids import ID_ATTRIBUTES, safe_id
from ..content.urls import leaves_site

IFRAME_SANDBOX = "allow-scripts allow-same-origin allow-presentation allow-popups"
"""An allowed embed still runs sandboxed: it cannot navigate our page or open forms on it. Players need
scripts and their own storage; 'allow-same-origin' is safe here because only https pages of other hosts
keep their src."""
# An iframe whose address was refused would be an empty frame of our own origin: drop it. nh3's output is
# canonical (lower-case names, double-quoted values), so this pattern sees every such frame. Its content is
# raw text a browser never shows; an unclosed '<iframe' in a body can swallow the rest of the page, markup
# of the generated sections included, so the content goes too, whatever it holds.
_EMPTY_IFRAME = re.compile(r'<iframe(?: (?!src=)[a-z-]+="[^"]*")*>.*?</iframe>', re.S)


def sanitize(html: str, embed_hosts: Iterable[str] = ()) -> str:
    """Clean one page's HTML; embeds keep their address only for ``embed_hosts`` (https)."""
    return _cleaner(frozenset(embed_hosts))(html)


@lru_cache(maxsize=8)
def _cleaner(hosts: frozenset[str]):
    def keep(tag: str, attribute: str, value: str) -> str | None:
        if tag == "iframe" and attribute == "src":
            return value if host_allowed(value, hosts) else None
        if tag == "img" and attribute == "src" and leaves_site(value):
            return None  # an image from another host tells that host who reads the page: no request at all
        if attribute in ID_ATTRIBUTES:
            return safe_id(value)  # raw HTML never passed the Markdown tree's renaming (kennisbank.site.safe_ids)
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
