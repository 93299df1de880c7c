"""The labelled Dutch queries (benchmarks/search_queries.py) that must never regress, run by the real engine in Chromium.

Strict: only the labelled items count here (not a query's equally good answers, ``Query.also``), on the
starter hub, where every query finds all of its labelled items in the top 5.
"""

import pytest
from sitebuilder import project

from benchmarks.search_quality import OURS, run
from benchmarks.search_queries import QUERIES, recall_and_rank, url_of

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def found(tmp_path_factory):
    site = project(tmp_path_factory.mktemp("quality"), starter=True).build()
    return dict(zip((q.text for q in QUERIES), run(site.root, OURS, QUERIES)))


@pytest.mark.parametrize("query", QUERIES, ids=lambda q: q.text)
def test_every_expected_item_is_in_the_top_5(found, query):
    recall, rank = recall_and_rank(found[query.text], query.expected)
    assert recall == 1, found[query.text][:5]
    if query.kind == "title":  # a page whose title is the query comes first
        assert found[query.text][0] == url_of(query.expected[0])


def test_equally_good_answers_fill_only_the_places_labelled_items_leave_open():
    labelled = ["artikelen/a.md", "artikelen/b.md"]
    assert recall_and_rank(["artikelen/a/", "x/schulden-zwolle/", "artikelen/b/"], labelled, ("schulden",)) == (1, 1)
    assert recall_and_rank(["x/schulden-1/", "x/schulden-2/", "x/c/"], labelled, ("schulden",)) == (1, 1)
    assert recall_and_rank(["x/schulden-1/", "x/c/", "artikelen/a/"], labelled, ("schulden",)) == (1, 1)
    assert recall_and_rank(["x/schulden-1/", "x/c/"], labelled, ("schulden",)) == (0.5, 1)
    assert recall_and_rank(["x/c/", "x/schulden-1/"], labelled) == (0, 0)
