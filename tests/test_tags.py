"""Tags match in lower case but show as written: WGR, DEGO, Wmo, the same spelling on every page."""

import re

from sitebuilder import article, project


def test_one_spelling_per_tag_on_every_page_and_in_the_index(tmp_path):
    site = project(tmp_path, {
        "artikelen/a.md": article("A", tags=["wgr", "Warmte"]),
        "artikelen/b.md": article("B", tags=["WGR", "warmte"]),
        "artikelen/c.md": article("C", tags=["Wgr"]),
        "artikelen/d.md": article("D", tags=["wmo", "Wmo", "WMO "]),
        "artikelen/e.md": article("E", tags=["Wmo"]),
    }).build()
    shown = {url: re.findall(r'class="md-tag(?: [^"]*)?"[^>]*>([^<]+)<', site.html(url))
             for url in ("artikelen/a/", "artikelen/b/", "artikelen/c/", "artikelen/d/")}
    # A spelling with capitals wins over lower case; between WGR and Wgr (once each) the first in
    # alphabetical order; an item that repeats a tag in other spellings shows it once.
    assert shown == {"artikelen/a/": ["WGR", "Warmte"], "artikelen/b/": ["WGR", "Warmte"],
                     "artikelen/c/": ["WGR"], "artikelen/d/": ["Wmo"]}
    index = site.text("trefwoorden/")
    assert "WGR" in index and "Wmo" in index and "wgr" not in index and "WMO" not in index
