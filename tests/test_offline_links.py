"""Every link of the offline copy works from file://: it names a file, never a folder.

A folder link ('toegankelijkheid/') works on a web server, which answers with
the folder's index.html; opened from disk, the browser shows a file listing or
nothing. So every relative href, src and form action in every page of the
offline copy must name an existing file.
"""

from __future__ import annotations

import html.parser
import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from sitebuilder import project

from kennisbank.mkdocs.commands import build_site


class _Links(html.parser.HTMLParser):
    ATTRIBUTES = frozenset({"href", "src", "action"})

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in {"link"} and ("rel", "canonical") in attrs:
            return  # the canonical address is the online one, by design
        self.found.extend(value for name, value in attrs if name in self.ATTRIBUTES and value)


def broken_links(site: Path) -> list[str]:
    broken = []
    for page in sorted(site.rglob("*.html")):
        parser = _Links()
        parser.feed(page.read_text(encoding="utf-8"))
        for link in parser.found:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or not parts.path:
                continue  # another site, mail, or an anchor on the same page
            target = Path(posixpath.normpath(posixpath.join(page.parent.as_posix(), unquote(parts.path))))
            if not target.is_file():
                broken.append(f"{page.relative_to(site)}: {link}")
    return broken


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory):
    hub = project(tmp_path_factory.mktemp("offline-links"), starter=True)
    site = hub.root / "site-offline"
    build_site(hub.root / "mkdocs.yml", site, offline=True)
    return site


def test_the_offline_copy_has_no_broken_link(offline_site):
    assert broken_links(offline_site) == []


def test_footer_and_home_search_name_files(offline_site):
    page = (offline_site / "artikelen" / "regie-warmtetransitie.html").read_text(encoding="utf-8")
    assert '<a href="../toegankelijkheid.html">Toegankelijkheid</a>' in page
    assert '<a href="../privacy.html">Privacy</a>' in page
    home = (offline_site / "index.html").read_text(encoding="utf-8")
    assert 'action="zoeken/index.html" method="get"' in home
    assert not (offline_site / "404.html").exists()  # only a server shows it; its links start at '/'
