"""Atom and RSS feeds: parsed back as a feed reader would, with absolute links to real pages."""

import re
import xml.etree.ElementTree as ET
from urllib.parse import urljoin, urlsplit

import feedparser
import pytest
from hostile import checks_switched_off
from sitebuilder import article, project

SITE_URL = "https://kennisbank.example.nl/"
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    hub = project(tmp_path_factory.mktemp("feeds"), {
        "artikelen/vijandig.md": article(title='"<script>alert(1)</script> & ]]> Tom & Jerry"',
                                         samenvatting='"Een <b>samenvatting</b> & meer"',
                                         themas=["leren-van-elkaar"], gepubliceerd="2030-01-01"),
    }, starter=True)
    # check refuses such a title (test_hostile_sinks.py); the feeds must hold when a check misses one.
    with checks_switched_off():
        return hub.build()


def _page_exists(site, url):
    assert url.startswith(SITE_URL), url
    path = site.root / urlsplit(url).path.lstrip("/")
    return (path / "index.html").is_file() if url.endswith("/") else path.is_file()


def _valid_feed(site, path, version):
    """The feed file's bytes and feedparser's reading of it, which must be well-formed and of ``version``."""
    raw = (site.root / path).read_bytes()
    parsed = feedparser.parse(raw)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == version
    return raw, parsed


@pytest.mark.parametrize("path", ["nieuw/atom.xml", "themas/klimaat-energie/atom.xml"])
def test_atom_feeds_are_valid_with_required_elements(site, path):
    raw, parsed = _valid_feed(site, path, "atom10")
    root = ET.fromstring(raw)
    assert root.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated", "author"):
        assert root.find(f"{ATOM}{name}") is not None, name
    assert root.find(f"{ATOM}link[@rel='self']").get("href") == SITE_URL + path
    entries = root.findall(f"{ATOM}entry")
    assert entries
    for entry in entries:
        for name in ("id", "title", "updated", "published", "summary", "author"):
            assert entry.find(f"{ATOM}{name}") is not None, name
        assert _page_exists(site, entry.find(f"{ATOM}link").get("href"))
    assert [e.title for e in parsed.entries] == [e.find(f"{ATOM}title").text for e in entries]


@pytest.mark.parametrize("path", ["nieuw/rss.xml", "themas/klimaat-energie/rss.xml"])
def test_rss_feeds_are_valid_with_required_elements(site, path):
    raw, parsed = _valid_feed(site, path, "rss20")
    channel = ET.fromstring(raw).find("channel")
    for name in ("title", "link", "description", "language", "lastBuildDate"):
        assert channel.find(name) is not None, name
    assert _page_exists(site, channel.find("link").text)
    for item in channel.findall("item"):
        for name in ("title", "link", "guid", "pubDate", "description"):
            assert item.find(name) is not None, name
        assert _page_exists(site, item.find("link").text)
    assert all(e.published_parsed for e in parsed.entries)


def test_newest_change_comes_first_and_contributor_text_stays_text(site):
    parsed = feedparser.parse((site.root / "nieuw/atom.xml").read_bytes())
    first = parsed.entries[0]
    assert first.title == "<script>alert(1)</script> & ]]> Tom & Jerry"
    assert first.link == SITE_URL + "artikelen/vijandig/"
    assert "<b>" in first.summary or "&lt;b&gt;" in first.summary  # text, never markup in the XML tree
    raw = (site.root / "nieuw/atom.xml").read_text(encoding="utf-8")
    assert "<script>" not in raw


def test_a_theme_feed_has_only_that_themes_items(site):
    parsed = feedparser.parse((site.root / "themas/klimaat-energie/atom.xml").read_bytes())
    assert parsed.entries
    for entry in parsed.entries:
        assert "Klimaat & energie" in [tag.term for tag in entry.tags]


HUB_FEEDS = [("application/atom+xml", "VNG Kennisbank (Atom)", "nieuw/atom.xml"),
             ("application/rss+xml", "VNG Kennisbank (RSS)", "nieuw/rss.xml")]
CLIMATE_FEEDS = [("application/atom+xml", "VNG Kennisbank: Klimaat &amp; energie (Atom)",
                  "themas/klimaat-energie/atom.xml"),
                 ("application/rss+xml", "VNG Kennisbank: Klimaat &amp; energie (RSS)",
                  "themas/klimaat-energie/rss.xml")]
LEARNING_FEEDS = [("application/atom+xml", "VNG Kennisbank: Leren van elkaar (Atom)",
                   "themas/leren-van-elkaar/atom.xml"),
                  ("application/rss+xml", "VNG Kennisbank: Leren van elkaar (RSS)",
                   "themas/leren-van-elkaar/rss.xml")]


def announced(site, url):
    """(type, title, feed path from the site root) of each feed the page's head links to."""
    html = site.html(url)
    head = html[:html.index("</head>")]
    found = []
    for tag in re.findall(r'<link [^>]*>', head):
        attrs = dict(re.findall(r'(\w+)="([^"]*)"', tag))
        # Feed discovery reads rel as a list of words (HTML link types), as readers and browsers do.
        if "alternate" in attrs["rel"].split() and attrs.get("type") in ("application/atom+xml",
                                                                          "application/rss+xml"):
            page_url = SITE_URL + url
            found.append((attrs["type"], attrs["title"], urljoin(page_url, attrs["href"])[len(SITE_URL):]))
    return found


@pytest.mark.parametrize("url, feeds", [
    ("", HUB_FEEDS),
    ("zoeken/", HUB_FEEDS),
    ("nieuw/", HUB_FEEDS),
    ("themas/klimaat-energie/", HUB_FEEDS + CLIMATE_FEEDS),
    ("themas/klimaat-energie/netwerk-gezond-leven/", HUB_FEEDS + CLIMATE_FEEDS),
    ("artikelen/datagedreven-werken/", HUB_FEEDS + CLIMATE_FEEDS + LEARNING_FEEDS),
])
def test_pages_announce_the_hub_feeds_and_their_themes_feeds_in_the_head(site, url, feeds):
    found = announced(site, url)
    assert found == feeds
    for kind, _, path in found:
        # The relative link resolves to a feed file of the built site, and that file is that kind of feed.
        parsed = feedparser.parse((site.root / path).read_bytes())
        assert not parsed.bozo, parsed.get("bozo_exception")
        assert parsed.version == {"application/atom+xml": "atom10", "application/rss+xml": "rss20"}[kind]


def test_no_feeds_without_site_url(tmp_path):
    hub = project(tmp_path, {"artikelen/a.md": article()})
    config = hub.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(f"site_url: {SITE_URL}\n", ""), encoding="utf-8")
    site = hub.build()
    assert not (site.root / "nieuw" / "atom.xml").exists()
    assert "Atom" not in site.text("nieuw/")
    assert "Korte samenvatting" in site.text("nieuw/")
    assert "application/atom+xml" not in site.html("")
    assert "application/rss+xml" not in site.html("artikelen/a/")


def test_rss_descriptions_are_plain_text_for_readers_that_read_them_as_html(site):
    channel = ET.fromstring((site.root / "nieuw/rss.xml").read_bytes()).find("channel")
    item = next(i for i in channel.findall("item") if i.find("link").text.endswith("/vijandig/"))
    # A reader takes the description as HTML: it must show the tags as text, not make bold type of them.
    assert item.find("description").text == "Een &lt;b&gt;samenvatting&lt;/b&gt; &amp; meer"


@pytest.mark.parametrize("escape, code", [("\\u000b", "000B"), ("\\u0000", "0000"), ("\\uffff", "FFFF"),
                                          ("\\x1b", "001B"), ("\\U0010FFFE", "10FFFE")])
def test_characters_no_feed_can_hold_are_refused_at_load(tmp_path, escape, code):
    from kennisbank.content.hub import load_hub

    hub = project(tmp_path, {"artikelen/stuurteken.md": article(title=f'"Titel{escape}"', tags=[f'"a{escape}"'])})
    written = f"\\u{code.lower()}" if len(code) == 4 else f"\\U{code.lower():0>8}"
    message = (f"de waarde bevat het onzichtbare teken U+{code}, dat niet in een webpagina of feed kan staan; "
               f"verwijder het (tussen aanhalingstekens kan het er als code staan: {written})")
    assert [str(p) for p in load_hub(hub.docs, hub.root).problems] == [
        f"docs/artikelen/stuurteken.md:2:8: titel: {message}",
        f"docs/artikelen/stuurteken.md:8:8: tags: {message}",
    ]
