"""The search page and the sharded index are built; Material's own index is emptied; the box uses our worker."""

import ast
import json
import re

from hostile import checks_switched_off
from sitebuilder import Site, article, practice, project

from kennisbank.mkdocs.commands import build_site
from kennisbank.outputs.search.page import PRELOAD


def shard(site, key):
    script = (site.root / "zoeken" / "index" / f"{key}.js").read_text(encoding="utf-8")
    # (self.kbZoekdata=self.kbZoekdata||{})["key"]=JSON.parse('<JSON>'); a Python string literal reads
    # its escapes as JavaScript does.
    prefix, suffix = f'(self.kbZoekdata=self.kbZoekdata||{{}})["{key}"]=JSON.parse(', ");\n"
    assert script.startswith(prefix) and script.endswith(suffix)
    return json.loads(ast.literal_eval(script[len(prefix):-len(suffix)]))


def refs_with(site, term):
    """The documents a term is in, read from its shard as the browser does."""
    meta = shard(site, "meta")
    n = max(i for i, first in enumerate(meta["shards"]) if first <= term)
    data, k, found = shard(site, f"t{n}"), 0, set()
    for name in data["terms"]:
        for _ in meta["fields"]:
            size, ref = data["postings"][k], 0
            k += 1
            for _ in range(size):
                ref += data["postings"][k]
                k += 2
                if name == term:
                    found.add(ref)
    return found


def test_search_page_and_index_are_built(tmp_path):
    site = project(tmp_path, {
        "artikelen/wijken.md": article("Wijken versterken", body="Werken in de wijk.\n",
                                       themas=["klimaat-energie", "regionale-samenwerking"], tags=["wijkaanpak"]),
        "praktijkvoorbeelden/zwolle.md": practice("Zwolse woningen", gemeenten=["Zwolle"], gepubliceerd="2023-02-01"),
    }).build()
    assert site.text("zoeken/").startswith("Zoeken in de kennisbank ¶ Zoek in 2 artikelen, praktijkvoorbeelden")
    html = site.html("zoeken/")
    # The sanitizer keeps the container that zoekpagina.js fills (the script finds its files from its own URL).
    assert '<div class="kb-search" id="kb-search">' in html
    assert "../themas/" in site.links("zoeken/")
    # The page's script starts from the head, async, not after Material's bundle at the end of the body; what
    # every query needs is preloaded beside it, and the facet values of every item are not (they come after
    # the first results).
    head = html[:html.index("</head>")]
    assert re.findall(r'<script src="([^"]+)" async fetchpriority="high"></script>', head) == ["zoekpagina.js"]
    assert html.count("zoekpagina.js") == 1 and (site.root / "zoeken" / "zoekpagina.js").is_file()
    preloaded = re.findall(r'<link rel="preload" href="([^"]+)" as="script">', head)
    assert preloaded == ["zoekmachine.js", "index/meta.js"]
    assert all((site.root / "zoeken" / path).resolve().is_file() for path in preloaded)
    assert len(preloaded) == len(PRELOAD)
    # Other pages do not load it at all.
    assert "zoekpagina.js" not in site.html("artikelen/wijken/")
    # One script: lunr.js, then Material's Dutch stemmer support and stop words, then the engine.
    engine = (site.root / "zoeken" / "zoekmachine.js").read_text(encoding="utf-8")
    assert engine.index("lunr.Index = function") < engine.index("r.stemmerSupport=") < engine.index(
        "Lunr languages, `Dutch` language") < engine.index("KennisbankZoekmachine")
    assert 'rel="preload"' not in site.html("artikelen/wijken/")
    meta = shard(site, "meta")
    assert meta["docs"] == 2 and meta["page"] == "zoeken/" and meta["browse"] == "themas/"
    # No 'bron': the hub has no collections; 'trefwoord': the article has a tag.
    assert meta["facets"] == ["thema", "ontwikkelpunt", "soort", "netwerk", "gemeente", "jaar", "trefwoord"]
    assert meta["fields"] == ["title", "keywords", "summary", "body"]
    facets = shard(site, "facetten")
    assert [f["name"] for f in facets["facets"]] == meta["facets"]
    docs = {d[1]: (ref, d) for ref, d in enumerate(shard(site, "d0"))}
    ref, wijken = docs["Wijken versterken"]
    # With what its result line names, so the first results need no facet values.
    assert wijken == ["artikelen/wijken/", "Wijken versterken", "Korte samenvatting.", "Artikel", "2024-03-12",
                      "Werken in de wijk.", "", ["Klimaat & energie", "Regionale samenwerking"]]
    values = {f["name"]: f["values"] for f in facets["facets"]}
    assert [values["thema"][v] for v in facets["docs"][ref][1]] == ["Klimaat & energie"]
    assert [values["ontwikkelpunt"][v] for v in facets["docs"][ref][2]] == ["Regionale samenwerking"]
    assert [values["gemeente"][v] for v in facets["docs"][docs["Zwolse woningen"][0]][5]] == ["Zwolle"]
    assert values["jaar"] == ["2024", "2023"]
    assert [values["trefwoord"][v] for v in facets["docs"][ref][7]] == ["wijkaanpak"]
    assert refs_with(site, "wijk") == {ref} and refs_with(site, "zwoll") == {docs["Zwolse woningen"][0]}
    # Compounds are split only into words the hub has: no "aanpak" here, so wijkaanpak stays whole.
    assert refs_with(site, "wijkaanpak") == {ref}


def test_contributor_text_in_the_index_is_data_not_markup(tmp_path):
    # check refuses such a title (test_hostile_sinks.py); the index must hold when a check misses one.
    with checks_switched_off():
        site = project(tmp_path, {
            "artikelen/x.md": article("Titel </script><script>alert(1)</script>", body="Tekst met <b>vet</b> en <!-- een opmerking -->.\n"),
        }).build()
    doc = shard(site, "d0")[0]
    assert doc[1] == "Titel </script><script>alert(1)</script>"
    # The body's HTML is reduced to words; the page inserts text nodes, the box's worker escapes (zoekwerker.js).
    assert doc[5] == "Tekst met vet en ."


def test_material_index_is_emptied_and_the_box_asks_our_worker(tmp_path):
    site = project(tmp_path, {"artikelen/a.md": article("Warmtenet in de wijk")}).build()
    index = json.loads((site.root / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index == {"config": index["config"], "docs": []} and index["config"]["lang"] == ["nl"]
    config = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>',
                                  site.html("artikelen/a/"), re.S).group(1))
    assert config["search"] == "../../zoeken/zoekwerker.js"
    assert config["translations"]["search.result.other"] == "Beste resultaten"
    assert (site.root / "zoeken" / "zoekwerker.js").is_file()


def test_without_extra_outputs_the_search_page_says_it_has_no_index(tmp_path):
    # As in the preview of `kennisbank serve` and the benchmark run against plain Material.
    hub = project(tmp_path, {"artikelen/a.md": article("Wijken versterken")})
    (hub.root / "bench.yml").write_text("INHERIT: mkdocs.yml\nextra:\n  kennisbank:\n    extra_outputs: false\n",
                                        encoding="utf-8")
    site_dir = hub.root / "site"
    build_site(hub.root / "bench.yml", site_dir)
    site = Site(site_dir)
    assert not (site.root / "zoeken" / "index").exists()
    # Then Material's quick search keeps its own index and worker, so the box still answers.
    index = json.loads((site.root / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert "Wijken versterken" in [doc["title"] for doc in index["docs"]]
    assert "zoekwerker.js" not in site.html("artikelen/a/")
    assert 'id="kb-search"' not in site.html("zoeken/")
    assert 'rel="preload"' not in site.html("zoeken/") and "zoekpagina.js" not in site.html("zoeken/")
    assert ("Zoeken met filters is hier niet beschikbaar Deze versie van de site is gemaakt zonder zoekindex, "
            "zoals de voorvertoning van kennisbank serve . Gebruik het zoekvak bovenaan of blader via de thema's."
            ) in site.text("zoeken/")
    assert "Wijken versterken" in site.text("artikelen/")


def test_an_item_is_found_by_its_own_text_not_by_the_lists_of_others(tmp_path):
    site = project(tmp_path, {
        "artikelen/a.md": article("Warmtenet in de wijk", themas=["klimaat-energie"], tags=["warmte"],
                                  body="Over [het andere artikel](b.md).\n"),
        "artikelen/b.md": article("Aardgasvrije buurten", themas=["klimaat-energie"], tags=["warmte"]),
    }).build()
    # The related list, backlinks and 'meer in dit thema' of b mention a; they stay on the page ...
    page = site.text("artikelen/b/")
    assert "Gerelateerd" in page and "Verwijzingen naar deze pagina" in page and "Warmtenet in de wijk" in page
    # ... but the index holds an item's own text: 'warmtenet' finds a, not b (nor overview pages).
    titles = [doc[1] for doc in shard(site, "d0")]
    assert [titles[ref] for ref in refs_with(site, "warmtenet")] == ["Warmtenet in de wijk"]
