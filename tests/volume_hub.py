"""A hub of a few hundred items with a small page size: overview pages that need several pages per list.

Shared by the site tests of paged overview pages (tests/test_overview_volume.py), the count tests
(tests/test_counts.py) and the browser gate (tests/test_accessibility.py), so all three look at one hub.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from pathlib import Path

from bs4 import BeautifulSoup
from sitebuilder import Project, Site, article, practice, project

PER_PAGE = 10
"""Entries per page in this hub (the default is 30): several pages per list with few items, so tests stay fast."""
ARTICLES = 230
PRACTICES = 34
COLLECTION_PAGES = 25
"""The start page and three sections of eight pages: the section page, an 'Inleiding' and six steps."""

COLLECTION_SPEC = """naam: Handboek Inkomen
organisatie: Gemeente Voorbeeldstad
licentie: CC BY 4.0
themas: [bestaanszekerheid]
netwerken: [regioberaad]
gepubliceerd: 2023-06-01
"""
SECTIONS = ("aanvragen", "bezwaar", "schulden")


def _date(n: int) -> str:
    # Spread over three years with distinct days, so 'newest first' has one answer and year groups cross pages.
    return (dt.date(2024, 12, 31) - dt.timedelta(days=4 * n)).isoformat()


TOPICS = 80
"""Articles carry one of this many 'Onderwerp NN' tags, and one 'X-dossier' tag per letter: 108 tags in all, more
than ten pages' worth (10 × 10), so the tag index has a page per first letter."""


def article_tags(n: int) -> list[str]:
    """Odd articles share WGR (written two ways), every tenth Wmo (two ways); all have a topic and a letter."""
    tags = [f"Onderwerp {n % TOPICS:02d}", f"{chr(ord('A') + n % 26)}-dossier"]
    if n % 2:
        tags.append("WGR" if n % 4 == 3 else "wgr")
    if n % 10 == 0:
        tags.append("Wmo" if n % 20 else "wmo")
    return tags


def files() -> dict[str, str]:
    found: dict[str, str] = {}
    for n in range(ARTICLES):
        themes = ["bestaanszekerheid"] if n % 3 else ["bestaanszekerheid", "klimaat-energie"]
        networks = ["regioberaad"] if n % 2 else []
        found[f"artikelen/artikel-{n:03d}.md"] = article(
            f"Artikel {n:03d}", gepubliceerd=_date(n), themas=themes, netwerken=networks or None, tags=article_tags(n))
    for n in range(PRACTICES):
        found[f"praktijkvoorbeelden/praktijk-{n:03d}.md"] = practice(
            f"Praktijk {n:03d}", gepubliceerd=_date(n * 7 + 1), themas=["bestaanszekerheid"],
            netwerken=["regioberaad"], tags=["WGR"])
    found["_data/collecties/handboek.yml"] = COLLECTION_SPEC
    found["collecties/handboek/index.md"] = "# Handboek Inkomen\n\nHet handboek van Voorbeeldstad.\n"
    per_section = (COLLECTION_PAGES - 1) // len(SECTIONS)
    for section in SECTIONS:
        found[f"collecties/handboek/{section}/index.md"] = f"# {section.capitalize()}\n\nOver {section}.\n"
        # Every section starts with an 'Inleiding': a bare title that needs its section beside it in lists.
        found[f"collecties/handboek/{section}/inleiding.md"] = "# Inleiding\n\nWaar deze sectie over gaat.\n"
        for n in range(per_section - 2):
            found[f"collecties/handboek/{section}/stap-{n}.md"] = f"# Stap {n} bij {section}\n\nTekst.\n"
    assert sum(1 for src in found if src.startswith("collecties/")) == COLLECTION_PAGES
    return found


def volume_project(tmp_path: Path, per_page: int = PER_PAGE) -> Project:
    hub = project(tmp_path, files())
    config = hub.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("extra:\n  kennisbank:\n",
                                   f"extra:\n  kennisbank:\n    overview:\n      per_page: {per_page}\n", 1),
                      encoding="utf-8")
    return hub


def resolve(url: str, href: str) -> str:
    """The site path of a link on page ``url`` (folder URLs, as the online site writes them)."""
    path = posixpath.normpath(posixpath.join("/" + url, href.split("#")[0].split("?")[0]))
    return path.lstrip("/") + "/"


def walk(site: Site, first: str, heading_id: str | None = None) -> list[tuple[str, list[str]]]:
    """Follow one list's 'Volgende pagina' from its overview page: (page URL, item URLs on it) per page.

    On the overview page only the list under ``heading_id`` counts; a follow-on page holds one list.
    """
    pages, url = [], first
    while True:
        soup = BeautifulSoup(site.article_html(url), "html.parser")
        if heading_id is not None and url == first:
            heading = soup.find(id=heading_id)
            lists, pager = [heading.find_next("ul")], heading.find_next("nav", class_="kb-pages")
        else:
            lists, pager = soup.select("ul:not(nav ul)"), soup.find("nav", class_="kb-pages")
        items = [resolve(url, li.a["href"]) for ul in lists for li in ul.find_all("li", recursive=False)]
        pages.append((url, items))
        following = pager.find("a", string=re.compile("Volgende pagina")) if pager else None
        if following is None:
            return pages
        url = resolve(url, following["href"])
