"""The related-content index on tiny in-memory documents: weights, cut-off, threshold, order."""

import datetime as dt

import pytest

from kennisbank.index.related import Document, IndexConfig, Match, RelatedIndex

INDICES = [IndexConfig("themas", 100), IndexConfig("netwerken", 60), IndexConfig("tags", 40)]


def doc(name, themas=(), netwerken=(), tags=(), date="2024-01-01", kind="artikel", group=""):
    return Document(name, dt.date.fromisoformat(date) if date else None,
                    {"themas": list(themas), "netwerken": list(netwerken), "tags": list(tags)}, kind, group)


def index(*documents, indices=INDICES, **options):
    found = RelatedIndex(indices, **options)
    found.add(*documents)
    return found


def test_a_shared_theme_outweighs_a_shared_network_and_a_shared_tag():
    found = index(
        doc("a", themas=["wonen", "zorg"], netwerken=["g40"], tags=["data"]),
        doc("theme", themas=["wonen", "zorg"]),
        doc("network", netwerken=["g40"]),
        doc("tag", tags=["data"]),
        doc("nothing", themas=["klimaat"]),
    )
    assert [m.name for m in found.search("a", 10)] == ["theme", "network", "tag"]
    # Score: weights of the shared indices over the weights of the indices 'a' uses (100 + 60 + 40).
    assert found.search("a", 10) == [Match(50, "theme"), Match(30, "network"), Match(20, "tag")]


def test_score_is_the_weighted_cosine_of_keyword_sets_normalised_to_100():
    found = index(doc("a", themas=["x", "y"]), doc("b", themas=["x"]), doc("c", themas=["x", "y"]))
    assert found.score("a", "c") == 100
    assert found.score("a", "b") == 71  # 1 / sqrt(2 * 1)
    assert found.score("b", "a") == 71  # symmetric within one index


def test_threshold_drops_weak_matches():
    documents = [doc("a", themas=["x"], tags=["t"]), doc("b", tags=["t"]), doc("c", themas=["x"])]
    assert [m.name for m in index(*documents).search("a")] == ["c", "b"]
    assert [m.name for m in index(*documents, threshold=50).search("a")] == ["c"]


def test_ties_are_ordered_by_date_newest_first_then_name():
    found = index(
        doc("a", themas=["x"]),
        doc("old", themas=["x"], date="2020-01-01"),
        doc("new-b", themas=["x"], date="2024-06-01"),
        doc("new-a", themas=["x"], date="2024-06-01"),
    )
    assert [m.name for m in found.search("a")] == ["new-a", "new-b", "old"]


def test_the_same_documents_in_any_order_give_the_same_lists():
    documents = [doc(f"d{i}", themas=[f"t{i % 3}", f"t{i % 5}"], tags=[f"k{i % 7}"], date=f"2024-01-{i % 28 + 1:02d}")
                 for i in range(60)]
    forward = index(*documents)
    backward = index(*reversed(documents))
    for d in documents:
        assert forward.search(d.name) == backward.search(d.name)


def test_cardinality_drops_keywords_carried_by_too_many_documents():
    documents = [doc(f"d{i}", tags=["gemeente"] + (["rare"] if i < 2 else [])) for i in range(10)]
    plain = index(*documents, indices=[IndexConfig("tags", 40)])
    assert len(plain.search("d5", 20)) == 9
    cut = index(*documents, indices=[IndexConfig("tags", 40, cardinality=50)])
    assert cut.search("d5", 20) == []  # 'gemeente' is on 100% of the documents
    assert [m.name for m in cut.search("d0", 20)] == ["d1"]


def test_a_document_is_never_related_to_itself_or_its_group():
    found = index(
        doc("course", themas=["x"], kind="academie", group="c"),
        doc("module", themas=["x"], kind="academie", group="c"),
        doc("article", themas=["x"]),
    )
    assert [m.name for m in found.search("module")] == ["article"]
    assert [m.name for m in found.search("article")] == ["course", "module"]


def test_search_by_kind_gives_the_best_of_every_kind():
    found = index(
        doc("a", themas=["x"]),
        *[doc(f"art{i}", themas=["x"], date=f"2024-02-{i + 1:02d}") for i in range(5)],
        doc("practice", themas=["x"], tags=["t"], kind="praktijkvoorbeeld"),
        doc("module", themas=["x"], kind="academie", date=None),
    )
    by_kind = found.search_by_kind("a", 2)
    assert {k: [m.name for m in v] for k, v in by_kind.items()} == {
        "academie": ["module"], "artikel": ["art4", "art3"], "praktijkvoorbeeld": ["practice"]}
    assert [m.name for m in found.search("a", 3, kinds=["praktijkvoorbeeld", "academie"])] == ["practice", "module"]


def test_a_document_without_keywords_has_no_related_documents_and_no_heading_to_fill():
    found = index(doc("lonely"), doc("b", themas=["x"]))
    assert found.search("lonely") == []
    assert found.search_by_kind("lonely") == {}


def test_candidates_come_from_a_window_in_date_order_so_cost_stays_linear():
    # 'common' is carried by all 200 documents; with a window of 10 only the documents nearest in date are read.
    documents = [doc(f"d{i:03d}", tags=["common"], date=(dt.date(2020, 1, 1) + dt.timedelta(days=i)).isoformat())
                 for i in range(200)]
    documents.append(doc("far", tags=["common", "rare"], date="2019-01-01"))
    documents[150] = doc("d150", tags=["common", "rare"], date="2020-05-30")
    found = index(*documents, window=10, indices=[IndexConfig("tags", 40)])
    names = [m.name for m in found.search("d100", 200)]
    assert len(names) == 9 and all(95 <= int(n[1:]) <= 105 for n in names)  # the window holds d100 itself
    # A rare keyword's list is short, so its documents are always candidates, however far in time.
    assert found.search("d150", 1) == [Match(100, "far")]


def test_searching_many_at_once_gives_each_the_lists_of_its_own_search():
    kinds = ["artikel", "praktijkvoorbeeld", "academie"]
    documents = [doc(f"d{i:03d}", themas=[f"t{i % 3}", f"t{i % 5}"], tags=[f"k{i % 7}"], kind=kinds[i % 3],
                     date=(dt.date(2020, 1, 1) + dt.timedelta(days=(i * 37) % 300)).isoformat())
                 for i in range(120)]
    asked = [d.name for d in documents if d.name.endswith(("1", "4", "8"))]
    together = index(*documents, window=8, shortlist=3).search_all_by_kind(reversed(asked), 2)
    alone = index(*documents, window=8, shortlist=3)
    assert together == {name: alone.search_by_kind(name, 2) for name in asked}
    assert set(together) == set(asked) and all(together.values())


def test_lifecycle_errors():
    found = index(doc("a"), doc("a"))
    with pytest.raises(ValueError, match="duplicate document 'a'"):
        found.finalize()
    ready = index(doc("b"))
    ready.finalize()
    with pytest.raises(RuntimeError):
        ready.add(doc("c"))
    with pytest.raises(ValueError):
        RelatedIndex([])
