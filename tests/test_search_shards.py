"""The sharded search index: lunr's weights, term ranges, document chunks, compounds and the Python reader.

``read`` below is the Python counterpart of ``shard()`` and ``documents()`` in
``kennisbank/outputs/search/assets/zoekmachine.js``; the browser tests check the JavaScript itself.
"""

import ast
import json
import re
from dataclasses import replace

import pytest
from sitebuilder import REPO

from kennisbank.content.hub import load_hub
from kennisbank.content.synonyms import Synonyms
from kennisbank.index.hub_index import index_hub
from kennisbank.outputs.search.compounds import Splitter
from kennisbank.outputs.search.documents import search_docs
from kennisbank.outputs.search.postings import analyse
from kennisbank.outputs.search.shards import DOC_CHUNK, SHARD_INTS, ShardedIndex, analyse_hub, shard_script


@pytest.fixture(scope="module")
def starter_docs():
    hub = index_hub(load_hub(REPO / "docs"))
    return search_docs(hub, {src: src for src in hub.items})


@pytest.fixture(scope="module")
def starter_files(starter_docs):
    synonyms = Synonyms([("armoede", ["schulden", "bestaanszekerheid"]), ("Wmo", ["maatschappelijke ondersteuning"])])
    return ShardedIndex(starter_docs, synonyms, [("Bestaanszekerheid", "themas/b/", "Inkomen en schulden")],
                        analyse).files()


def read(files):
    """Term -> per field {ref: weight}, from the term shards as the browser decodes them."""
    fields = len(files["meta"]["fields"])
    table = {}
    for n, first in enumerate(files["meta"]["shards"]):
        shard = files[f"t{n}"]
        assert shard["terms"][0] == first
        flat, k = shard["postings"], 0
        for term in shard["terms"]:
            per_field = []
            for _ in range(fields):
                size, ref, entries = flat[k], 0, {}
                k += 1
                for _ in range(size):
                    ref += flat[k]
                    entries[ref] = flat[k + 1] / 1000
                    k += 2
                per_field.append(entries)
            table[term] = per_field
        assert k == len(flat)
    return table


def test_shipped_weights_are_lunrs(starter_docs, starter_files):
    """Every weight in the shards is the one lunr's serialised index has for that term, field and document."""
    serialised = analyse_hub(starter_docs).postings.serialise()
    names = serialised["fields"]
    terms = [term for term, _ in sorted(serialised["invertedIndex"], key=lambda entry: entry[1]["_index"])]
    expected = {}
    for field_ref, elements in serialised["fieldVectors"]:
        name, ref = field_ref.split("/")
        for term_index, weight in zip(elements[::2], elements[1::2]):
            expected.setdefault(terms[term_index], [{} for _ in names])[names.index(name)][int(ref)] = weight
    assert read(starter_files) == expected


def test_terms_are_in_javascript_order_in_shards_of_bounded_size(starter_files):
    shards = [starter_files[f"t{n}"] for n in range(len(starter_files["meta"]["shards"]))]
    terms = [term for shard in shards for term in shard["terms"]]
    assert terms == sorted(terms, key=lambda t: t.encode("utf-16-be")) and len(set(terms)) == len(terms)
    # A shard closes once it passes the bound: it holds at most the bound plus its last term's postings.
    for shard in shards[:-1]:
        assert len(shard["postings"]) < SHARD_INTS + 2 * 4 * 60


def test_document_chunks_vocabulary_and_meta(starter_docs, starter_files):
    chunks = [key for key in starter_files if re.fullmatch(r"d\d+", key)]
    assert len(chunks) == -(-len(starter_docs) // DOC_CHUNK)
    first = starter_files["d0"][0]
    assert first[:5] == [starter_docs[0].url, starter_docs[0].title, starter_docs[0].summary,
                         starter_docs[0].facets["soort"][0], starter_docs[0].date]
    # What a result line names comes with the document: the first results need no facet values.
    facets = starter_docs[0].facets
    assert first[7] == facets["thema"] + facets["ontwikkelpunt"] and first[7]
    meta = starter_files["meta"]
    assert meta["synonyms"] == {"armoed": [["schuld"], ["bestaanszeker"]], "wmo": [["maatschapp", "ondersteun"]]}
    assert meta["themes"] == [["Bestaanszekerheid", "themas/b/", ["bestaanszeker", "inkom", "schuld"]]]
    assert len(meta["titleTerms"]) == len(starter_docs)
    # "Bedoelde u …?" shows a word, not a stem: the word the hub most often writes for it.
    vocabulary = {entry[0]: entry for entry in starter_files["v-g"]}
    assert vocabulary["gemeent"][2] in ("gemeenten", "gemeente") and vocabulary["gemeent"][1] > 20
    assert starter_files["facetten"]["facets"][2]["name"] == "soort"
    # The same terms again by their second letter, so a typo in the first letter still finds its word.
    by_second = {entry[0]: entry for entry in starter_files["w-e"]}
    assert by_second["gemeent"] == vocabulary["gemeent"]
    assert all(entry[0][1] == "e" for entry in by_second.values())
    assert meta["seconds"] == sorted(key[2:] for key in starter_files if key.startswith("w-"))


def test_compound_parts_are_indexed_too(starter_files):
    table = read(starter_files)
    # "transitie" never stands alone in the starter hub, only in warmte-, energietransitie and transitievisie.
    assert "transitie" in table and "warmtetransitie" in table
    with_compound = {ref for per_field in table["warmtetransitie"] for ref in per_field}
    assert with_compound <= {ref for per_field in table["transitie"] for ref in per_field}


def test_compound_parts_do_not_lengthen_a_field(starter_docs):
    """A field is as long as the words written in it: its compound parts are found, not counted (Lucene's
    discountOverlaps). Else a title with a compound weighs less for every other word in it."""
    docs = [replace(starter_docs[0], url=f"{n}/", title=title, summary="", body="", keywords=[])
            for n, title in enumerate(["Warmtetransitie en regels", "Bestuur en regels", "Warmte en transitie"])]
    analysed = analyse_hub(docs)
    assert analysed.postings.lengths[0] == [2, 2, 2]
    table = read(ShardedIndex(docs, Synonyms([]), [], analyse).files())
    assert table["regel"][0] == {0: table["regel"][0][1], 1: table["regel"][0][1]}
    assert set(table["transitie"][0]) == {0, 2}  # and the parts are still found


@pytest.mark.parametrize("word, parts", [
    ("warmtetransitie", ["warmte", "transitie"]),
    ("bestaanszekerheid", ["bestaan", "zekerheid"]),   # linking -s-
    ("wijkenaanpak", ["wijk", "aanpak"]),               # linking -en-
    ("energietransitievisie", ["energie", "transitievisie", "transitie", "visie"]),  # the tail is a word too
    ("gemeenten", []),                                  # no split into gemeen + ten
    ("onderwijs", []),                                  # parts shorter than four letters are not words here
])
def test_compound_splitting(word, parts):
    splitter = Splitter(["warmte", "transitie", "bestaan", "zekerheid", "wijk", "aanpak", "energie", "visie",
                         "gemeen", "onder", "wijs"])
    assert splitter.split(word) == parts


def test_parts_learned_from_several_compounds():
    splitter = Splitter.from_texts(["warmtetransitie energietransitie transitievisie warmte energie visie"])
    assert splitter.split("warmtetransitie") == ["warmte", "transitie"]
    lonely = Splitter.from_texts(["warmteplan warmte"])
    assert lonely.split("warmteplan") == []  # "plan" is too short to take as a word from one compound


@pytest.mark.parametrize("text, word, parts", [
    # The hub writes "signalering" and "zorgspiegel" only inside these compounds: a long rest after a known word.
    ("vroegsignalering vroeg", "vroegsignalering", ["vroeg", "signalering"]),
    ("gemeentezorgspiegel gemeente zorg", "gemeentezorgspiegel", ["gemeente", "zorgspiegel"]),
    ("overeenkomst over", "overeenkomst", []),        # "over" is a prefix here, not a word
    ("vroegplan vroeg", "vroegplan", []),             # a rest that short is too often an ending
])
def test_a_long_rest_after_a_known_word_is_a_part(text, word, parts):
    assert Splitter.from_texts([text]).split(word) == parts


def test_shard_script_adds_its_data_to_the_shared_global():
    script = shard_script("t3", {"terms": ["a'b"], "postings": [1, 2]})
    prefix = '(self.kbZoekdata=self.kbZoekdata||{})["t3"]=JSON.parse('
    assert script.startswith(prefix) and script.endswith(");\n")
    assert json.loads(ast.literal_eval(script[len(prefix):-len(");\n")])) == {"terms": ["a'b"], "postings": [1, 2]}


def test_an_empty_hub_has_an_index_that_loads():
    files = ShardedIndex([], Synonyms([]), [], analyse).files()
    assert files["meta"]["docs"] == 0 and files["meta"]["shards"] == [] and read(files) == {}
