"""The search page is generated with its index; Material's quick search weighs pages sensibly."""

import ast
import json
import re

from kennisbank.mkdocs.commands import build_site
from sitebuilder import Site, article, practice, project


def search_data(site, name="zoekindex.js", variable="kennisbankZoekindex"):
    script = (site.root / "zoeken" / name).read_text(encoding="utf-8")
    # window.<variable>=JSON.parse('<JSON>'); a Python string literal reads its escapes as JavaScript does.
    prefix, suffix = f"window.{variable}=JSON.parse(", ");\n"
    assert script.startswith(prefix) and script.endswith(suffix)
    return json.loads(ast.literal_eval(script[len(prefix):-len(suffix)]))


def text_data(site):
    return search_data(site, "zoekindex-tekst.js", "kennisbankZoekindexTekst")


def test_search_page_and_index_are_built(tmp_path):
    site = project(tmp_path, {
        "artikelen/wijken.md": article("Wijken versterken", body="Werken in de wijk.\n",
                                       themas=["klimaat-energie", "regionale-samenwerking"], tags=["wijkaanpak"]),
        "praktijkvoorbeelden/zwolle.md": practice("Zwolse woningen", gemeenten=["Zwolle"], gepubliceerd="2023-02-01"),
    }).build()
    assert site.text("zoeken/").startswith("Zoeken in de kennisbank ¶ Zoek in 2 artikelen, praktijkvoorbeelden")
    html = site.html("zoeken/")
    # The sanitizer keeps the container that zoeken.js fills (the script finds its files from its own URL).
    assert '<div class="kb-search" id="kb-search">' in html
    assert '<script src="../javascripts/zoeken.js"></script>' in html
    for script in ["zoeken/lunr.js", "assets/javascripts/lunr/min/lunr.nl.min.js", "javascripts/zoeken.js"]:
        assert (site.root / script).is_file(), script
    assert "../themas/" in site.links("zoeken/")
    # What first results need is preloaded from the head (zoeken.js runs only at the end of the body), not the bodies.
    preloaded = re.findall(r'<link rel="preload" href="([^"]+)" as="script">', html)
    assert preloaded == ["lunr.js", "../assets/javascripts/lunr/min/lunr.stemmer.support.min.js",
                         "../assets/javascripts/lunr/min/lunr.nl.min.js", "zoekindex.js"]
    assert all((site.root / "zoeken" / path).resolve().is_file() for path in preloaded)
    # ...which are exactly the scripts zoeken.js loads before first results.
    script = (site.root / "javascripts" / "zoeken.js").read_text(encoding="utf-8")
    loaded = re.findall(r'"([^"]+\.js)"', re.search(r"var SCRIPTS = \[(.*?)\];", script, re.S).group(1))
    assert [f"../{path}" if not path.startswith("zoeken/") else path[len("zoeken/"):] for path in loaded] == preloaded
    assert html.index("zoekindex.js") < html.index("</head>")
    assert 'rel="preload"' not in site.html("artikelen/wijken/")
    data = search_data(site)
    assert data["index"]["pipeline"] == ["stemmer-nl"]
    assert [f["name"] for f in data["facets"]] == ["thema", "ontwikkelpunt", "soort", "netwerk", "gemeente", "jaar"]
    docs = {d[1]: d for d in data["docs"]}
    wijken = docs["Wijken versterken"]
    assert wijken[0] == "artikelen/wijken/"
    facets = {f["name"]: f["values"] for f in data["facets"]}
    assert [facets["thema"][v] for v in wijken[4]] == ["Klimaat & energie"]
    assert [facets["ontwikkelpunt"][v] for v in wijken[5]] == ["Regionale samenwerking"]
    assert [facets["gemeente"][v] for v in docs["Zwolse woningen"][8]] == ["Zwolle"]
    assert facets["jaar"] == ["2024", "2023"]
    # Titles, keywords and summaries come first; the bodies (with "werken") in the second script.
    assert {"wijk", "woning", "wijkaanpak", "zwoll"} <= set(data["index"]["terms"])
    assert data["index"]["fields"] == ["title", "keywords", "summary"]
    text = text_data(site)
    assert text["index"]["fields"] == ["body"] and "werk" in text["index"]["terms"]
    assert "werk" not in data["index"]["terms"]
    assert text["excerpts"][list(docs).index("Wijken versterken")] == "Werken in de wijk."


def test_contributor_text_in_the_index_is_data_not_markup(tmp_path):
    site = project(tmp_path, {
        "artikelen/x.md": article("Titel </script><script>alert(1)</script>", body="Tekst met <b>vet</b> en <!-- een opmerking -->.\n"),
    }).build()
    data = search_data(site)
    assert data["docs"][0][1] == "Titel </script><script>alert(1)</script>"
    # The body's HTML is reduced to words; the page only ever inserts text nodes (zoeken.js).
    assert text_data(site)["excerpts"][0] == "Tekst met vet en ."


def test_quick_search_lowers_overviews_and_skips_the_search_page(tmp_path):
    site = project(tmp_path, {"artikelen/a.md": article("Warmtenet in de wijk")}).build()
    index = json.loads((site.root / "search" / "search_index.json").read_text(encoding="utf-8"))
    boosts = {d["location"]: d.get("boost") for d in index["docs"]}
    assert not any(location.startswith("zoeken/") for location in boosts)
    assert boosts["themas/"] == 0.2 and boosts["artikelen/"] == 0.2
    assert boosts["artikelen/a/"] is None  # items keep Material's full weight
    assert index["config"]["lang"] == ["nl"]


def test_without_extra_outputs_the_search_page_says_it_has_no_index(tmp_path):
    # As in the preview of `kennisbank serve` and the benchmark run against plain Material.
    hub = project(tmp_path, {"artikelen/a.md": article("Wijken versterken")})
    (hub.root / "bench.yml").write_text("INHERIT: mkdocs.yml\nextra:\n  kennisbank:\n    extra_outputs: false\n",
                                        encoding="utf-8")
    site_dir = hub.root / "site"
    build_site(hub.root / "bench.yml", site_dir)
    site = Site(site_dir)
    assert not (site.root / "zoeken" / "zoekindex.js").exists()
    assert 'id="kb-search"' not in site.html("zoeken/")
    assert 'rel="preload"' not in site.html("zoeken/")
    assert ("Zoeken met filters is hier niet beschikbaar Deze versie van de site is gemaakt zonder zoekindex, "
            "zoals de voorvertoning van kennisbank serve . Gebruik het zoekvak bovenaan of blader via de thema's."
            ) in site.text("zoeken/")
    assert "Wijken versterken" in site.text("artikelen/")


def test_quick_search_finds_an_item_by_its_own_page_not_by_the_lists_of_others(tmp_path):
    site = project(tmp_path, {
        "artikelen/a.md": article("Warmtenet in de wijk", themas=["klimaat-energie"], tags=["warmte"],
                                  body="Over [het andere artikel](b.md).\n"),
        "artikelen/b.md": article("Aardgasvrije buurten", themas=["klimaat-energie"], tags=["warmte"]),
    }).build()
    # The related list, backlinks and 'meer in dit thema' of b mention a; they stay on the page ...
    page = site.text("artikelen/b/")
    assert "Gerelateerd" in page and "Verwijzingen naar deze pagina" in page and "Warmtenet in de wijk" in page
    # ... but Material's quick search indexes only an item's own text: 'Warmtenet' finds page a (and the
    # overview pages that list it, with their low boost), not page b.
    index = json.loads((site.root / "search" / "search_index.json").read_text(encoding="utf-8"))
    hits = {d["location"].split("#")[0] for d in index["docs"] if "Warmtenet" in d["title"] + d["text"]}
    assert "artikelen/a/" in hits and "artikelen/b/" not in hits
    assert not [d for d in index["docs"] if d["title"] in ("Gerelateerd", "Verwijzingen naar deze pagina")]
