"""The search page's index: Dutch analysis, plain text of bodies, the direct build and the packed parts."""

import ast
import json
import math
from pathlib import Path

import pytest
from lunr.builder import Builder
from lunr.index import Index

from kennisbank.content.hub import load_hub
from kennisbank.outputs.search.documents import plain_text, search_docs
from kennisbank.outputs.search.dutch import STOP_WORDS, stem, trim, use_dutch
from kennisbank.outputs.search.index import FIELDS, SHARDS, SearchData, build_index, data_script, pack
from kennisbank.outputs.search.postings import analyse
from kennisbank.index.hub_index import index_hub

REPO = Path(__file__).resolve().parents[1]
QUERIES = ["woningen", "gemeente", "wijk", "jeugdzorg regio", "warmtenet", "schulden", "wijk*", "regio~1"]


def test_inflections_share_a_stem():
    assert stem("gemeente") == stem("gemeenten") == "gemeent"
    assert stem("woning") == stem("woningen") == "woning"
    assert stem("wijk") == stem("wijken") == "wijk"


def test_terms_trim_drop_stop_words_and_stem():
    assert trim("«warmtenet»,") == "warmtenet"
    assert "de" in STOP_WORDS
    assert analyse("De wijken van Zwolle: warmte-netten!") == ["wijk", "zwoll", "warmt", "net"]


def test_plain_text_keeps_words_not_markup():
    markdown = ("## Aanpak\n\nZie [de **handreiking**](https://example.nl) en ![kaart](k.png).\n\n"
                "!!! note \"Let op\"\n\n    Tekst <em>hier</em>.\n{: .klein }\n\n| a | b |\n")
    assert plain_text(markdown) == "Aanpak Zie de handreiking en kaart. Let op Tekst hier . a b"


@pytest.fixture(scope="module")
def starter_docs():
    hub = index_hub(load_hub(REPO / "docs"))
    return search_docs(hub, {src: src for src in hub.items})


def lunr_py_index(docs):
    """The index as lunr.py's own Builder makes it: the reference for the direct build."""
    builder = Builder()
    use_dutch(builder)
    builder.ref("ref")
    for name, boost in FIELDS:
        builder.field(name, boost=boost)
    for ref, doc in enumerate(docs):
        builder.add({"ref": str(ref), "title": doc.title, "keywords": " ".join(doc.keywords),
                     "summary": doc.summary, "body": doc.body})
    return builder.build().serialize()


def test_direct_build_equals_lunr_py(starter_docs):
    # Also odd input: an empty field, a token the trimmer empties, a hyphenated word, a non-breaking space.
    odd = starter_docs[0].__class__(url="x/", title="— Warmte-netten\xa0wijk —", summary="", body="",
                                    keywords=[], date="", facets={})
    docs = [*starter_docs, odd]
    assert build_index(docs).serialise() == lunr_py_index(docs)


def unpack(parts):
    """The Python counterpart of loadIndex() in zoeken.js: lunr's serialised index from packed parts."""
    fields = [name for part in parts for name in part["fields"]]
    lengths = [values for part in parts for values in part["lengths"]]
    boosts = [boost for part in parts for boost in part["boosts"]]
    count, k1, b = parts[0]["docs"], parts[0]["k1"], parts[0]["b"]
    postings = {}  # term -> field -> {ref: tf}
    for part in parts:
        flat = iter(part["postings"])
        for term in part["terms"]:
            for field in part["fields"]:
                ref, found = 0, {}
                for _ in range(next(flat)):
                    value, tf = next(flat), 1
                    if value < 0:
                        value, tf = -value - 1, next(flat)
                    ref += value
                    found[ref] = tf
                postings.setdefault(term, {})[field] = found
    averages = [sum(values) / max(count, 1) for values in lengths]
    vectors, inverted = {}, []
    for index, term in enumerate(sorted(postings, key=lambda t: t.encode("utf-16-be"))):
        per_field = postings[term]
        with_term = sum(len(found) for found in per_field.values())
        idf = math.log(1 + abs((count - with_term + 0.5) / (with_term + 0.5)))
        inverted.append([term, {"_index": index, **{f: {str(r): {} for r in per_field.get(f, {})} for f in fields}}])
        for f, field in enumerate(fields):
            for ref, tf in per_field.get(field, {}).items():
                norm = k1 * (1 - b + b * (lengths[f][ref] / averages[f])) + tf
                weight = round(idf * ((k1 + 1) * tf) / norm * boosts[f], 3)
                vectors.setdefault(f"{field}/{ref}", []).extend([index, weight])
    return {"version": parts[0]["version"], "fields": fields, "pipeline": parts[0]["pipeline"],
            "fieldVectors": list(vectors.items()), "invertedIndex": inverted}


def results(index, query):
    return {r["ref"]: r["score"] for r in index.search(query)}


def test_packed_parts_give_the_same_results_and_scores(starter_docs):
    postings = build_index(starter_docs)
    full = Index.load(postings.serialise())
    shipped = Index.load(unpack([pack(postings, names) for _, _, names in SHARDS]))
    for query in QUERIES:
        expected = results(full, query)
        assert expected, query
        assert results(shipped, query) == expected, query


def test_the_first_part_finds_words_of_titles_keywords_and_summaries(starter_docs):
    """First results come from the short fields alone; every item with the word there is among them."""
    first = Index.load(unpack([pack(build_index(starter_docs), SHARDS[0][2])]))

    def found(term):  # the stem itself, as zoeken.js queries it (not stemmed again)
        query = first.create_query()
        query.term(term, use_pipeline=False)
        return {r["ref"] for r in first.query(query)}

    for ref, doc in enumerate(starter_docs):
        for text in (doc.title, doc.summary, " ".join(doc.keywords)):
            for term in [t for t in analyse(text) if t][:3]:
                assert str(ref) in found(term), (doc.title, term)


def test_data_scripts(starter_docs):
    scripts = SearchData(starter_docs).scripts()
    assert list(scripts) == ["zoeken/zoekindex.js", "zoeken/zoekindex-tekst.js"]
    assert scripts["zoeken/zoekindex.js"].startswith("window.kennisbankZoekindex=JSON.parse('{")
    assert scripts["zoeken/zoekindex-tekst.js"].startswith("window.kennisbankZoekindexTekst=JSON.parse('{")


def test_data_script_is_json_in_a_string_literal_that_survives_quotes_and_backslashes():
    data = {"title": "Dit 'is' een \"titel\" met \\n, \\' en \u2028\u2029 </script>", "n": [1, -2]}
    script = data_script("x", data)
    assert script.startswith("window.x=JSON.parse('") and script.endswith("');\n")
    # A Python string literal reads these escapes (\\, \', \u2028) exactly as JavaScript does.
    literal = script[len("window.x=JSON.parse("):-len(");\n")]
    assert "\u2028" not in literal and json.loads(ast.literal_eval(literal)) == data


def test_an_empty_hub_has_an_empty_index_that_loads():
    parts = [pack(build_index([]), names) for _, _, names in SHARDS]
    assert Index.load(unpack(parts)).search("gemeente") == []
