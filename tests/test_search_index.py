"""The search page's index: Dutch analysis, plain text of bodies, and the packed transport form."""

from pathlib import Path

from lunr.index import Index

from kennisbank.hub import load_hub
from kennisbank.search.documents import plain_text, search_docs
from kennisbank.search.dutch import STOP_WORDS, stem, terms, trim
from kennisbank.search.index import build_index, pack

REPO = Path(__file__).resolve().parents[1]


def test_inflections_share_a_stem():
    assert stem("gemeente") == stem("gemeenten") == "gemeent"
    assert stem("woning") == stem("woningen") == "woning"
    assert stem("wijk") == stem("wijken") == "wijk"


def test_terms_trim_drop_stop_words_and_stem():
    assert trim("«warmtenet»,") == "warmtenet"
    assert "de" in STOP_WORDS
    assert terms("De wijken van Zwolle: warmte-netten!") == ["wijk", "zwoll", "warmt", "net"]


def test_plain_text_keeps_words_not_markup():
    markdown = ("## Aanpak\n\nZie [de **handreiking**](https://example.nl) en ![kaart](k.png).\n\n"
                "!!! note \"Let op\"\n\n    Tekst <em>hier</em>.\n{: .klein }\n\n| a | b |\n")
    assert plain_text(markdown) == "Aanpak Zie de handreiking en kaart. Let op Tekst hier . a b"


def unpack(packed):
    """The Python counterpart of expand() in zoeken.js, to prove the packing loses nothing."""
    vectors = {}
    inverted = []
    for index, (term, per_field) in enumerate(packed["terms"]):
        posting = {"_index": index}
        for field, flat in zip(packed["fields"], per_field):
            posting[field] = {str(ref): {} for ref in flat[0::2]}
            for ref, weight in zip(flat[0::2], flat[1::2]):
                vectors.setdefault(f"{field}/{ref}", []).extend([index, weight])
        inverted.append([term, posting])
    return {"version": packed["version"], "fields": packed["fields"], "pipeline": packed["pipeline"],
            "fieldVectors": list(vectors.items()), "invertedIndex": inverted}


def test_packed_index_finds_what_the_full_index_finds():
    hub = load_hub(REPO / "docs")
    docs = search_docs(hub, {src: src for src in hub.items})
    serialised = build_index(docs)
    assert serialised["pipeline"] == ["stemmer-nl"]
    full = Index.load(serialised)
    packed = Index.load(unpack(pack(serialised)))
    for query in ["woningen", "gemeente", "wijk", "jeugdzorg regio", "warmtenet", "schulden"]:
        expected = {r["ref"]: r["score"] for r in full.search(query)}
        assert expected, query
        found = {r["ref"]: r["score"] for r in packed.search(query)}
        assert found.keys() == expected.keys()
        # Weights are rounded to 2 decimals: scores move a little, never much.
        assert all(abs(found[ref] - score) <= 0.03 * score for ref, score in expected.items())


def test_an_empty_hub_has_an_empty_index_that_loads():
    serialised = build_index([])
    assert Index.load(unpack(pack(serialised))).search("gemeente") == []
