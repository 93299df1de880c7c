"""The PDF key hashes what a PDF prints: the parts of a page that composition drops are cut from it first.

Each case is a built page's ``<article>`` as the sanitizer writes it. What is cut must never change the
print HTML (composed from the whole page and from the cut page alike), and what is printed must stay.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kennisbank.outputs.pdf.compose import Page, compose
from kennisbank.outputs.pdf.keys import printed_part
from kennisbank.outputs.pdf.plan import Part, PdfDocument
from kennisbank.site.material import article as material_article

BODY = '<h1 id="titel">Titel</h1>\n<p>Tekst met <a href="../twee/">een link</a>.</p>\n'
RELATED = ('<h2 data-search-exclude="" id="gerelateerd">Gerelateerd</h2>\n'
           '<h3 data-search-exclude="" id="gerelateerd-1">Artikelen</h3>\n'
           '<ul>\n<li><a href="../drie/">Drie</a><br>\n<span class="kb-meta">Artikel</span></li>\n</ul>\n')
THEME_NAV = ('<nav aria-label="Meer in dit thema" class="kb-theme-nav" data-search-exclude="">\n'
             '<p><strong>Meer in dit thema</strong></p>\n<ul>\n<li><a href="../../themas/x/">X</a> '
             '<span class="kb-meta">11 publicaties</span></li>\n</ul>\n</nav>\n')
FOOTNOTES = '<div class="footnote">\n<hr>\n<ol>\n<li id="fn:1"><p>Een voetnoot.</p></li>\n</ol>\n</div>\n'

CASES = {
    "related items and theme navigation": (BODY + RELATED + THEME_NAV, BODY),
    "footnotes after the related items stay": (BODY + RELATED + FOOTNOTES, BODY + FOOTNOTES),
    "a heading as high ends the section": (
        BODY + RELATED + '<h2 id="slot">Slot</h2>\n<p>Gedrukt.</p>\n', BODY + '<h2 id="slot">Slot</h2>\n<p>Gedrukt.</p>\n'),
    "a module's pager and further reading": (
        BODY + '<nav aria-label="Modules van deze cursus" class="kb-pager">\n<p><a href="../02/">Volgende</a></p>\n'
               '</nav>\n<h2 id="verder-lezen">Verder lezen</h2>\n<p>Bij deze module:</p>\n<ul>\n<li>a</li>\n</ul>\n',
        BODY + "\n"),
    "a web heading inside a block ends with the block": (
        '<div class="admonition">\n<h2 id="verwijzingen">Verwijzingen</h2>\n<p>weg</p>\n</div>\n<p>Gedrukt.</p>\n',
        '<div class="admonition">\n</div>\n<p>Gedrukt.</p>\n'),
    "a class list with more than the theme navigation is kept": (
        BODY + '<nav class="kb-theme-nav extra">\n<p>x</p>\n</nav>\n', BODY + '<nav class="kb-theme-nav extra">\n<p>x</p>\n</nav>\n'),
    "attribute values with angle brackets": (
        BODY + RELATED.replace('href="../drie/"', 'href="../drie/" title="a > b </h2> <h1>"') + '<p>Na.</p>\n', BODY),
    "HTML the key does not expect is hashed whole": (BODY + RELATED + "<p>1 < 2</p>\n", BODY + RELATED + "<p>1 < 2</p>\n"),
}


@pytest.mark.parametrize("article, printed", CASES.values(), ids=CASES.keys())
def test_the_key_reads_what_is_printed(article, printed):
    assert printed_part(article) == printed


@pytest.mark.parametrize("article", [article for article, _ in CASES.values()], ids=CASES.keys())
def test_what_the_key_leaves_out_is_never_printed(article, tmp_path):
    def composed(content: str, name: str) -> str:
        page = Path(tmp_path, name, "index.html")
        page.parent.mkdir(parents=True)
        page.write_text(f'<html><body><article class="md-content__inner md-typeset">{content}</article></body></html>',
                        encoding="utf-8")
        document = PdfDocument(target="x.pdf", title="X", kind="Artikel", summary="S",
                               parts=(Part(None, ("x.md",)),), page="x.md")
        html = compose(document, {"x.md": Page("x.md", f"{name}/index.html")}, tmp_path, "https://example.org/")
        return re.sub(r"\s+", " ", html.replace(name, "PAGE"))

    assert composed(printed_part(article), "cut") == composed(article, "whole")


PAGES = {
    "Material's article, whatever its other classes": (
        '<body><div class="md-content"><article class="md-content__inner md-typeset">\n<p>Tekst.</p>\n</article>'
        '</div><footer><article class="md-content__inner">voet</article></footer></body>', "\n<p>Tekst.</p>\n"),
    "up to its first end tag": (
        '<article class="md-content__inner"><article><p>a</p></article><p>b</p></article>', "<article><p>a</p>"),
    "another article before it is not it": (
        '<article class="kb-card">x</article><article class="md-content__inner">y</article>', "y"),
    "an article that never ends": ('<article class="md-content__inner"><p>a</p>', None),
    "no article": ("<main><p>a</p></main>", None),
}


@pytest.mark.parametrize("page, content", PAGES.values(), ids=PAGES.keys())
def test_the_key_and_the_print_read_the_same_article_of_a_page(page, content):
    assert material_article(page) == content
