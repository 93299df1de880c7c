"""What's new: the "Nieuw en bijgewerkt" page and RSS 2.0 / Atom feeds, for the hub and per theme.

Items are ordered by their last change (``bijgewerkt``, else ``gepubliceerd``;
:func:`kennisbank.index.rules.recent`); modules appear through their course. Feeds need
absolute addresses, so they are made only when ``site_url`` is set in
``mkdocs.yml`` (and not while serving: ``extra_outputs``); the page then
links to them.

The XML is built with the standard library's ElementTree, which escapes
everything: contributor titles such as ``<script>`` or ``&`` cannot break a
feed. No feed library is used because the two formats need only a handful of
elements, and the usual one (feedgen) pulls in lxml. Dates come from the
content, never from the clock, so the same content gives the same feed bytes.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import html
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import groupby
from urllib.parse import urljoin

from ..content.hub import Item
from ..content.text import MONTHS
from ..index.hub_index import HubIndex
from ..index.rules import changed, recent
from ..site.pages import GeneratedFile, GeneratedPage
from ..site.render import render

SRC = "nieuw.md"
PAGE_ITEMS = 40
"""Items on the 'Nieuw en bijgewerkt' page."""
FEED_ITEMS = 30
"""Entries per feed; feed readers keep what they saw before."""
HUB_FEEDS = ("nieuw/atom.xml", "nieuw/rss.xml")
ATOM = "http://www.w3.org/2005/Atom"


def theme_feeds(slug: str) -> tuple[str, str]:
    """Atom and RSS file of one theme, beside the theme's page."""
    return f"themas/{slug}/atom.xml", f"themas/{slug}/rss.xml"


def whats_new_page(hub: HubIndex) -> list[GeneratedPage]:
    """The 'Nieuw en bijgewerkt' page: recent changes grouped by month."""
    items = hub.recent[:PAGE_ITEMS]
    months = [(f"{MONTHS[month - 1].capitalize()} {year}", list(group))
              for (year, month), group in groupby(items, key=lambda i: (changed(i).year, changed(i).month))]
    feeds = feeds_wanted(hub)
    themes = [t for t in hub.taxonomy.themes.values() if feeds and t.slug in hub.feed_themes]
    return [GeneratedPage(SRC, render("whats_new.md.j2", here=SRC, months=months, feeds=feeds,
                                      hub_feeds=HUB_FEEDS, themes=[(t, theme_feeds(t.slug)) for t in themes]),
                          "docs/")]


def feeds_wanted(hub: HubIndex) -> bool:
    """Feeds need ``site_url``; they are an extra output, skipped while serving."""
    return bool(hub.settings.site_url) and hub.settings.extra_outputs


def feed_files(hub: HubIndex, urls: Mapping[str, str]) -> list[GeneratedFile]:
    """Atom and RSS for the whole hub and for every theme with items; none without ``site_url``."""
    site = hub.settings.site_url
    if not feeds_wanted(hub):
        return []
    site = site if site.endswith("/") else site + "/"
    files = []
    title = "VNG Kennisbank"
    channels = [(title, "Nieuwe en bijgewerkte kennis van en voor gemeenten.", SRC, HUB_FEEDS,
                 hub.recent)]
    for theme in hub.taxonomy.themes.values():
        if theme.slug in hub.feed_themes:
            items = recent(hub.with_theme(theme.slug))
            channels.append((f"{title}: {theme.naam}", theme.beschrijving, f"themas/{theme.slug}.md",
                             theme_feeds(theme.slug), items))
    for name, description, page, (atom_src, rss_src), items in channels:
        entries = [(item, urljoin(site, urls[item.src])) for item in items[:FEED_ITEMS] if item.src in urls]
        page_url = urljoin(site, urls.get(page, ""))
        files.append(GeneratedFile(atom_src, atom(hub, name, description, page_url, urljoin(site, atom_src),
                                                  entries)))
        files.append(GeneratedFile(rss_src, rss(hub, name, description, page_url, urljoin(site, rss_src),
                                                entries)))
    return files


@dataclass(frozen=True)
class FeedLink:
    """A feed a page announces in its head (``<link rel="alternate">``), so browsers and readers find it."""

    title: str
    type: str
    """MIME type: ``application/atom+xml`` or ``application/rss+xml``."""
    src: str
    """The feed file below the site root, such as ``nieuw/atom.xml``."""


def page_feeds(hub: HubIndex, src: str) -> list[FeedLink]:
    """The feeds page ``src`` announces: the whole hub's on every page, a theme's on its own pages.

    A theme's own pages are its theme page and pair pages, and the items carrying the theme: a reader
    of one item on a theme most likely wants the next one. Nothing without feeds (no ``site_url``, or
    while serving).
    """
    if not feeds_wanted(hub):
        return []
    title = "VNG Kennisbank"
    channels = [(title, HUB_FEEDS)]
    item = hub.items.get(src)
    if item is not None:
        slugs = list(hub.themes(item))
    elif src.startswith("themas/") and src != "themas/index.md":
        slugs = [src.removeprefix("themas/").removesuffix(".md").split("/")[0]]
    else:
        slugs = []
    with_feeds = hub.feed_themes
    for slug in dict.fromkeys(slugs):
        if slug in with_feeds and slug in hub.taxonomy.themes:
            channels.append((f"{title}: {hub.taxonomy.themes[slug].naam}", theme_feeds(slug)))
    return [link for name, (atom_src, rss_src) in channels
            for link in (FeedLink(f"{name} (Atom)", "application/atom+xml", atom_src),
                         FeedLink(f"{name} (RSS)", "application/rss+xml", rss_src))]


def _categories(hub: HubIndex, item: Item) -> list[str]:
    return [hub.taxonomy.themes[t].naam for t in hub.themes(item) if t in hub.taxonomy.themes]


def _authors(item: Item) -> list[str]:
    return list(getattr(item.meta, "auteurs", [])) or ["VNG Kennishub"]


def _timestamp(date: dt.date) -> dt.datetime:
    # Content has dates, feeds want instants: noon in UTC keeps the calendar day in Dutch time.
    return dt.datetime(date.year, date.month, date.day, 12, 0, tzinfo=dt.UTC)


def atom(hub: HubIndex, title: str, subtitle: str, page_url: str, self_url: str,
         entries: list[tuple[Item, str]]) -> str:
    """An Atom 1.0 feed (RFC 4287)."""
    ET.register_namespace("", ATOM)

    def sub(parent, tag, text=None, **attrs):
        element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
        if text is not None:
            element.text = text
        return element

    feed = ET.Element(f"{{{ATOM}}}feed", {"xml:lang": "nl"})
    sub(feed, "id", self_url)
    sub(feed, "title", title)
    sub(feed, "subtitle", " ".join(subtitle.split()))
    newest = max((changed(item) for item, _ in entries), default=dt.date(2000, 1, 1))
    sub(feed, "updated", _timestamp(newest).isoformat())
    sub(feed, "link", rel="self", type="application/atom+xml", href=self_url)
    sub(feed, "link", rel="alternate", type="text/html", href=page_url)
    author = sub(feed, "author")
    sub(author, "name", "VNG Kennishub")
    sub(feed, "generator", "Kennisbank")
    for item, url in entries:
        entry = sub(feed, "entry")
        sub(entry, "id", url)
        sub(entry, "title", item.title)
        sub(entry, "link", rel="alternate", type="text/html", href=url)
        sub(entry, "published", _timestamp(item.date).isoformat())
        sub(entry, "updated", _timestamp(changed(item)).isoformat())
        for name in _authors(item):
            sub(sub(entry, "author"), "name", name)
        for category in _categories(hub, item):
            sub(entry, "category", term=category)
        sub(entry, "summary", item.meta.samenvatting)
    return _xml(feed)


def rss(hub: HubIndex, title: str, description: str, page_url: str, self_url: str,
        entries: list[tuple[Item, str]]) -> str:
    """An RSS 2.0 feed, with the Atom ``self`` link feed validators ask for."""
    ET.register_namespace("atom", ATOM)
    root = ET.Element("rss", {"version": "2.0"})
    channel = ET.SubElement(root, "channel")

    def sub(parent, tag, text=None, **attrs):
        element = ET.SubElement(parent, tag, attrs)
        if text is not None:
            element.text = text
        return element

    sub(channel, "title", title)
    sub(channel, "link", page_url)
    sub(channel, "description", " ".join(description.split()))
    sub(channel, "language", "nl")
    ET.SubElement(channel, f"{{{ATOM}}}link", {"href": self_url, "rel": "self", "type": "application/rss+xml"})
    newest = max((changed(item) for item, _ in entries), default=dt.date(2000, 1, 1))
    sub(channel, "lastBuildDate", email.utils.format_datetime(_timestamp(newest)))
    sub(channel, "generator", "Kennisbank")
    for item, url in entries:
        element = sub(channel, "item")
        sub(element, "title", item.title)
        sub(element, "link", url)
        sub(element, "guid", url, isPermaLink="true")
        sub(element, "pubDate", email.utils.format_datetime(_timestamp(changed(item))))
        # Readers take an RSS description as HTML; the summary is plain text, so it is escaped once more.
        sub(element, "description", html.escape(item.meta.samenvatting, quote=False))
        for category in _categories(hub, item):
            sub(element, "category", category)
    return _xml(root)


def _xml(root: ET.Element) -> str:
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
