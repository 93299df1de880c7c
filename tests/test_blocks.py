"""Generated HTML blocks skip Markdown and come back intact; contributors cannot summon or fake them."""

import re

from sitebuilder import article, project

from kennisbank.site.blocks import BlockStore


def test_a_block_comes_back_where_its_placeholder_was():
    store = BlockStore()
    placeholder = store.add('<ul>\n<li><a href="a.md">A &amp; B</a></li>\n</ul>')
    assert placeholder == store.add('<ul>\n<li><a href="a.md">A &amp; B</a></li>\n</ul>')  # same HTML, same name
    key = placeholder.strip()
    html = f"<h2>Lijst</h2>\n<p>{key}</p>\n<p>Daarna.</p>"
    assert store.expand(html) == '<h2>Lijst</h2>\n<ul>\n<li><a href="a.md">A &amp; B</a></li>\n</ul>\n<p>Daarna.</p>'
    assert len(store) == 1
    store.clear()
    assert store.expand(html) == html


def test_a_placeholder_written_by_a_contributor_stays_text(tmp_path):
    fake = "kb-blok-" + "0" * 24
    site = project(tmp_path, {"artikelen/a.md": article("Een", body=f"{fake}\n")}).build()
    assert f"<p>{fake}</p>" in site.article_html("artikelen/a/")


def test_item_pages_show_the_generated_facts_and_lists_in_place(tmp_path):
    site = project(tmp_path, {
        "artikelen/a.md": article("Een & ander", themas=["bestaanszekerheid"], gepubliceerd="2024-03-12"),
        "artikelen/b.md": article("Twee", themas=["bestaanszekerheid"]),
    }).build()
    html = site.article_html("artikelen/a/")
    assert "kb-blok-" not in html
    assert re.search(r'<div class="kb-facts">\s*<ul>\s*<li><strong>Soort:</strong> Artikel</li>', html)
    assert '<a href="../../themas/bestaanszekerheid/">Bestaanszekerheid</a>' in html
    listing = site.article_html("themas/bestaanszekerheid/")
    assert "kb-blok-" not in listing
    assert '<a href="../../artikelen/a/">Een &amp; ander</a>' in listing
