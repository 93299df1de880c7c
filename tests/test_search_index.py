"""The search index: Dutch analysis, plain text of bodies, the direct build equal to lunr.py's, the data scripts."""

import ast
import json
from pathlib import Path

import pytest
from lunr.builder import Builder

from kennisbank.content.hub import load_hub
from kennisbank.index.hub_index import index_hub
from kennisbank.outputs.search.documents import plain_text, search_docs
from kennisbank.outputs.search.dutch import STOP_WORDS, stem, trim, use_dutch
from kennisbank.outputs.search.index import FIELDS, build_index, data_script
from kennisbank.outputs.search.postings import analyse

REPO = Path(__file__).resolve().parents[1]


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


def test_data_script_is_json_in_a_string_literal_that_survives_quotes_and_backslashes():
    data = {"title": "Dit 'is' een \"titel\" met \\n, \\' en \u2028\u2029 </script>", "n": [1, -2]}
    script = data_script("x", data)
    assert script.startswith("window.x=JSON.parse('") and script.endswith("');\n")
    # A Python string literal reads these escapes (\\, \', \u2028) exactly as JavaScript does.
    literal = script[len("window.x=JSON.parse("):-len(");\n")]
    assert "\u2028" not in literal and json.loads(ast.literal_eval(literal)) == data
