"""Every page that counts the starter hub's items agrees: theme, network and pair pages, their indexes,
the Kenniskaart, "Meer in dit thema" and the search page's facets; at volume, over every page of a paged list.

What an item is listed under is worked out here from the frontmatter alone, by the rule the site
promises (a module takes its course's networks, and its course's themes when it has none of its own),
so the test does not lean on the index it checks.
"""

from __future__ import annotations

import ast
import json
import posixpath
import re
from collections import Counter

import pytest
import yaml
from bs4 import BeautifulSoup
from sitebuilder import Site
from test_site_starter import url_of
from volume_hub import COLLECTION_SPEC, PER_PAGE, resolve, walk
from volume_hub import files as volume_files

from kennisbank.content.hub import Item
from kennisbank.content.model import ItemType


def promised(starter) -> dict[str, tuple[set[str], set[str]]]:
    """Item ``src`` → (themes, networks) it must be listed under, from the frontmatter."""
    items = starter.hub.items
    found = {}
    for item in items.values():
        meta = item.meta
        if item.type is ItemType.MODULE:
            course = items[f"academie/{item.course}/index.md"].meta
            found[item.src] = (set(meta.themas or course.themas), set(course.netwerken))
        else:
            found[item.src] = (set(meta.themas), set(meta.netwerken))
    return found


def members(starter, kind: str) -> dict[str, set[str]]:
    """Theme (kind 0) or network (kind 1) slug → ``src`` of the items it must list."""
    found: dict[str, set[str]] = {}
    for src, keys in promised(starter).items():
        for slug in keys[kind]:
            found.setdefault(slug, set()).add(src)
    return found


def pairs(starter) -> dict[tuple[str, str], set[str]]:
    found: dict[tuple[str, str], set[str]] = {}
    for src, (themes, networks) in promised(starter).items():
        for theme in themes:
            for network in networks:
                found.setdefault((theme, network), set()).add(src)
    return found


def soup(site: Site, url: str) -> BeautifulSoup:
    return BeautifulSoup(site.article_html(url), "html.parser")


def target(url: str, href: str) -> str:
    """The site path a link on page ``url`` points to, as ``url_of`` writes it."""
    path = posixpath.normpath(posixpath.join("/" + url, href.split("#")[0]))
    return path.lstrip("/") + "/"


def listed(site: Site, url: str, item_urls: dict[str, str]) -> set[str]:
    """``src`` of the items whose pages are linked from page ``url``."""
    return {item_urls[t] for a in soup(site, url).find_all("a", href=True)
            if (t := target(url, a["href"])) in item_urls}


def total(text: str, lead: str) -> int:
    """The sum of the counts after the pattern ``lead``: 'Bij dit thema: 2 artikelen, 1 cursus.' → 3."""
    match = re.search(lead + r"([^.]*)\.", text)
    assert match, f"'{lead}' not found"
    return sum(int(n) for n in re.findall(r"\d+", match.group(1)))


def card_total(site: Site, url: str, href_end: str, container: str) -> int:
    """The counts beside the link ending in ``href_end`` on an index page (its card or table row)."""
    link = soup(site, url).find("a", href=re.compile(re.escape(href_end) + "$"))
    return sum(int(n) for n in re.findall(r"\d+", link.find_parent(container).find_all(["span", "td"])[-1]
                                          .get_text()))


def section_counts(site: Site, url: str, heading_id: str) -> dict[str, int]:
    """Link target → the number beside it, in the list under heading ``heading_id``."""
    heading = soup(site, url).find(id=heading_id)
    assert heading is not None, f"{url}: no #{heading_id}"
    return {target(url, li.a["href"]): int(li.find(class_="kb-meta").get_text().split()[0])
            for li in heading.find_next("ul").find_all("li")}


@pytest.fixture(scope="module")
def item_urls(starter) -> dict[str, str]:
    return {url_of(src): src for src in starter.hub.items}


def test_every_item_is_on_each_of_its_theme_and_network_pages_and_no_other(starter, item_urls):
    for folder, kind, taxonomy in (("themas", 0, starter.hub.taxonomy.themes),
                                   ("netwerken", 1, starter.hub.taxonomy.networks)):
        expected = members(starter, kind)
        for slug in taxonomy:
            assert listed(starter.site, f"{folder}/{slug}/", item_urls) == expected.get(slug, set()), slug


def test_a_module_is_listed_with_its_course_themes_and_networks(starter, item_urls):
    # The rule the other tests assume, on a real module: it has no networks of its own.
    module = next(i for i in starter.hub.items.values() if i.type is ItemType.MODULE and not i.meta.themas)
    course = starter.hub.course_of(module)
    for theme in course.themes:
        assert module.src in listed(starter.site, f"themas/{theme}/", item_urls)
    for network in course.networks:
        assert module.src in listed(starter.site, f"netwerken/{network}/", item_urls)
    assert course.networks, "the starter course should have networks for this test to mean something"


def test_theme_and_network_counts_agree_with_their_lists_and_indexes(starter):
    site = starter.site
    for slug in starter.hub.taxonomy.themes:
        count = len(members(starter, 0).get(slug, ()))
        assert total(site.text(f"themas/{slug}/"), "Bij dit thema:") == count, slug
        assert card_total(site, "themas/", f"{slug}/", "li") == count, slug
    for slug in starter.hub.taxonomy.networks:
        count = len(members(starter, 1).get(slug, ()))
        assert total(site.text(f"netwerken/{slug}/"), "Bij dit netwerk:") == count, slug
        assert card_total(site, "netwerken/", f"{slug}/", "tr") == count, slug


def test_pair_counts_agree_on_pair_theme_and_network_pages_and_the_knowledge_map(starter, item_urls):
    site = starter.site
    expected = pairs(starter)
    table = soup(site, "kenniskaart/").find("table", class_="kb-map__table")
    map_cells = {target("kenniskaart/", a["href"]): int(a.get_text()) for a in table.select("td a")}
    assert map_cells == {f"themas/{t}/{n}/": len(srcs) for (t, n), srcs in expected.items()}
    for (theme, network), srcs in expected.items():
        pair = f"themas/{theme}/{network}/"
        assert listed(site, pair, item_urls) == srcs, pair
        assert total(site.text(pair), "deelt over het [^:]*:") == len(srcs), pair
        assert section_counts(site, f"themas/{theme}/", "netwerken-in-dit-thema")[pair] == len(srcs), pair
        assert section_counts(site, f"netwerken/{network}/", "themas-van-dit-netwerk")[pair] == len(srcs), pair


def test_more_in_theme_says_what_the_theme_page_says(starter):
    site = starter.site
    counts = {f"themas/{slug}/": len(srcs) for slug, srcs in members(starter, 0).items()}
    seen = 0
    for src in starter.hub.items:
        nav = soup(site, url_of(src)).find("nav", class_="kb-theme-nav")
        if nav is None:
            continue
        for li in nav.find_all("li"):
            theme_url = target(url_of(src), li.a["href"])
            assert int(li.find(class_="kb-meta").get_text().split()[0]) == counts[theme_url], (src, theme_url)
            seen += 1
    assert seen > 30


def search_facets(site: Site) -> dict:
    """The search index's facet table (``zoeken/index/facetten.js``): facet values, and per document the
    positions of its values, one list per facet after the document's own number."""
    script = (site.root / "zoeken" / "index" / "facetten.js").read_text(encoding="utf-8")
    literal = script[script.index("JSON.parse(") + len("JSON.parse("):script.rindex(")")]
    return json.loads(ast.literal_eval(literal))


def facet_counts(site: Site) -> Counter[tuple[str, str]]:
    """(facet, value) → the number of documents the search page counts for it."""
    data = search_facets(site)
    facets = [f["name"] for f in data["facets"]]
    values = {f["name"]: f["values"] for f in data["facets"]}
    counted: Counter[tuple[str, str]] = Counter()
    for doc in data["docs"]:
        for name, positions in zip(facets, doc[1:]):
            counted.update((name, values[name][p]) for p in positions)
    return counted


def test_search_facets_count_what_theme_and_network_pages_list(starter):
    counted = facet_counts(starter.site)
    tax = starter.hub.taxonomy
    for slug, srcs in members(starter, 0).items():
        theme = tax.themes[slug]
        name = "thema" if theme.soort.value == "beleidsthema" else "ontwikkelpunt"
        assert counted[(name, theme.naam)] == len(srcs), slug
    for slug, srcs in members(starter, 1).items():
        assert counted[("netwerk", tax.networks[slug].naam)] == len(srcs), slug


def test_the_index_and_the_promise_agree(starter):
    # One check that the fixtures above read the rule the index implements, item by item.
    hub = starter.hub
    for src, (themes, networks) in promised(starter).items():
        item: Item = hub.items[src]
        assert (set(hub.themes(item)), set(hub.networks(item))) == (themes, networks), src


# At volume: the hub of tests/volume_hub.py has 10 entries per page, so every list of its theme, network, pair
# and type pages runs over follow-on pages. Together the pages of a list must hold what the frontmatter promises,
# each item once, and agree with the headings' counts, the collections' counts and the search facets.

def volume_promised() -> dict[str, tuple[str, set[str], set[str], str | None]]:
    """Item URL → (type, themes, networks, collection name), read from the files the hub is made of."""
    spec = yaml.safe_load(COLLECTION_SPEC)
    found = {}
    for src, text in volume_files().items():
        if not src.endswith(".md"):
            continue
        if src.startswith("collecties/"):  # no frontmatter of their own: the data file's defaults
            found[url_of(src)] = ("Artikel", set(spec["themas"]), set(spec["netwerken"]), spec["naam"])
            continue
        meta = yaml.safe_load(text.split("---")[1])
        found[url_of(src)] = (meta["type"].capitalize(), set(meta["themas"]), set(meta.get("netwerken") or ()), None)
    return found


def volume_lists() -> dict[tuple[str, str], set[str]]:
    """(overview page URL, type) → item URLs its list of that type must hold over all its pages."""
    lists: dict[tuple[str, str], set[str]] = {}
    for url, (kind, themes, networks, _) in volume_promised().items():
        pages = [{"Artikel": "artikelen/", "Praktijkvoorbeeld": "praktijkvoorbeelden/"}[kind]]
        pages += [f"themas/{t}/" for t in themes] + [f"netwerken/{n}/" for n in networks]
        pages += [f"themas/{t}/{n}/" for t in themes for n in networks]
        for page in pages:
            lists.setdefault((page, kind), set()).add(url)
    return lists


def test_every_page_of_every_paged_list_together_holds_what_the_frontmatter_promises(volume):
    anchors = {"Artikel": "artikelen-artikel", "Praktijkvoorbeeld": "praktijkvoorbeelden-praktijkvoorbeeld"}
    lists = volume_lists()
    assert len(lists) == 10 and max(len(urls) for urls in lists.values()) > 20 * PER_PAGE
    for (page, kind), expected in lists.items():
        type_index = page in ("artikelen/", "praktijkvoorbeelden/")
        pages = walk(volume, page, None if type_index else anchors[kind])
        listed = [item for _, items in pages for item in items]
        assert sorted(listed) == sorted(expected), (page, kind)  # each exactly once
        assert len(pages) == -(-len(expected) // PER_PAGE), (page, kind)
        if not type_index:
            plural = "Artikelen" if kind == "Artikel" else "Praktijkvoorbeelden"
            assert f"{plural} ({len(expected)}) ¶" in volume.text(page), (page, kind)
        last = volume.text(pages[-1][0])
        assert f"Pagina {len(pages)} van {len(pages)}" in last or len(pages) == 1, (page, kind)


def test_search_facets_count_what_the_paged_lists_and_the_collections_line_say(volume):
    counted = facet_counts(volume)
    lists = volume_lists()
    theme = sum(len(urls) for (page, _), urls in lists.items() if page == "themas/bestaanszekerheid/")
    network = sum(len(urls) for (page, _), urls in lists.items() if page == "netwerken/regioberaad/")
    assert (counted[("thema", "Bestaanszekerheid")], counted[("netwerk", "Regioberaad")]) == (theme, network)
    assert counted[("soort", "Artikel")] == len(lists[("artikelen/", "Artikel")])
    from_collection = sum(1 for *_, name in volume_promised().values() if name == "Handboek Inkomen")
    assert counted[("bron", "Handboek Inkomen")] == from_collection
    for page in ("themas/bestaanszekerheid/", "netwerken/regioberaad/"):
        assert f"Uit collecties: Handboek Inkomen ( {from_collection} publicaties )." in volume.text(page)


def test_every_tag_counts_the_same_on_the_index_its_page_and_the_search_page(volume):
    counted = facet_counts(volume)
    listed = {}
    letters = BeautifulSoup(volume.article_html("trefwoorden/"), "html.parser").select("nav.kb-letters a")
    for letter in letters:  # the volume hub has so many tags that each first letter has a page of its own
        url = resolve("trefwoorden/", letter["href"])
        for li in BeautifulSoup(volume.article_html(url), "html.parser").select("ul.kb-tag-index > li"):
            listed[li.a.get_text()] = (resolve(url, li.a["href"]), int(li.find(class_="kb-meta").get_text().strip("()")))
    assert len(listed) == len([key for key, _ in counted if key == "trefwoord"]) > 100
    for label, (url, count) in listed.items():
        assert counted[("trefwoord", label)] == count, label
        noun = "publicatie" if count == 1 else "publicaties"
        assert re.match(fr"Trefwoord {count} {noun} met dit trefwoord( \(.*\))?, nieuwste eerst",
                        volume.text(url).split(" ¶ ", 1)[1]), label
        assert sum(len(items) for _, items in walk(volume, url)) == count, label
