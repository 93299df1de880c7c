"""PDFs of the starter hub: one per item, theme, network and course, and one of the whole hub.

The starter hub is built once for this module (with PDFs) and its whole-hub
PDF made once through the command line; the tests open the PDFs with pypdf.
"""

from __future__ import annotations

import io
import os
import posixpath
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner
from pdfs import contents_entries, external_links, internal_links, outline, pdfs_on, render_page, squeeze, text
from pypdf import PdfReader
from sitebuilder import project
from test_site_starter import url_of

from kennisbank.cli.commands import main
from kennisbank.content.hub import load_hub
from kennisbank.content.model import ItemType
from kennisbank.content.settings import PdfSettings
from kennisbank.content.text import dutch_date
from kennisbank.index.hub_index import index_hub
from kennisbank.outputs.pdf.compose import WEB_SECTIONS
from kennisbank.outputs.pdf.plan import pages_wanted, pdf_target

pytestmark = [pytest.mark.pdf, pytest.mark.slow]


@pytest.fixture(scope="module")
def starter(tmp_path_factory):
    hub_project = project(tmp_path_factory.mktemp("pdf"), starter=True)
    with pdfs_on():
        site = hub_project.build()
    whole = hub_project.root / "kennisbank.pdf"
    result = CliRunner().invoke(main, ["pdf", "-f", str(hub_project.root / "mkdocs.yml"), "-o", str(whole)])
    assert result.exit_code == 0, result.output
    return index_hub(load_hub(hub_project.docs, hub_project.root)), site, whole


def _printed(article: BeautifulSoup) -> BeautifulSoup:
    """The article without what stays on the web: generated link lists, the Academie's buttons, answers."""
    for heading in article.find_all(re.compile(r"^h[1-6]$"), id=sorted(WEB_SECTIONS)):
        level = int(heading.name[1])
        for sibling in list(heading.find_next_siblings()):
            if re.fullmatch(r"h[1-6]", sibling.name) and int(sibling.name[1]) <= level \
                    or "footnote" in (sibling.get("class") or []):
                break
            sibling.decompose()
        heading.decompose()
    # The self-checks' labels become "Vraag 1", "Vraag 2" … in a PDF.
    for tag in article.select("p:has(> a.kb-continue), details.kb-toets__answer, .kb-toets__label"):
        tag.decompose()
    return article


def body_paragraphs(site, url: str) -> list[str]:
    """Paragraphs a reader sees on the item page and in its PDF, screen-only navigation left out."""
    article = _printed(BeautifulSoup(site.article_html(url), "html.parser"))
    return [p.get_text(" ", strip=True) for p in article.find_all("p")
            if not p.find_parent("nav") and not p.select("a.kb-pdf-link") and p.get_text(strip=True)]


def headings(site, url: str, levels=("h1", "h2")) -> list[tuple[int, str]]:
    article = _printed(BeautifulSoup(site.article_html(url), "html.parser"))
    for anchor in article.select("a.headerlink"):
        anchor.decompose()
    return [(int(h.name[1]) - 1, h.get_text(" ", strip=True)) for h in article.find_all(levels)]


def pdf_link(site, url: str) -> str:
    """The PDF that the page's 'Download als PDF' link points to, as a path below the site."""
    article = BeautifulSoup(site.article_html(url), "html.parser")
    link = article.select_one("a.kb-pdf-link")
    assert link is not None and link.get_text(strip=True) == "Download als PDF", url
    return posixpath.normpath(posixpath.join(url, link["href"]))


def test_every_item_theme_network_and_course_page_links_to_its_pdf(starter):
    hub, site, _ = starter
    pages = [url_of(i.src) for i in hub.items.values()]
    pages += [f"themas/{slug}/" for slug in hub.taxonomy.themes]
    pages += [f"netwerken/{slug}/" for slug in hub.taxonomy.networks]
    for url in pages:
        target = site.root / pdf_link(site, url)
        assert target.read_bytes().startswith(b"%PDF-"), url
    assert "kb-pdf-link" not in site.html("")  # the home page has no PDF of its own


def test_article_pdf_is_a_tagged_dutch_document_with_cover_toc_and_bookmarks(starter):
    hub, site, _ = starter
    item = hub.items["artikelen/regie-warmtetransitie.md"]
    pdf = site.root / pdf_target(item.src)
    reader = PdfReader(pdf)
    assert reader.metadata.title == "Regie warmtetransitie"
    assert reader.trailer["/Root"]["/Lang"] == "nl"
    assert reader.trailer["/Root"]["/MarkInfo"]["/Marked"] == True  # noqa: E712 (a pypdf BooleanObject)
    assert "/StructTreeRoot" in reader.trailer["/Root"]
    assert 'pdfuaid:part="1"' in reader.xmp_metadata.rdf_root.toxml()
    width, height = (float(v) for v in reader.pages[0].mediabox[2:])
    assert (round(width), round(height)) == (595, 842)  # A4 in points
    cover = reader.pages[0].extract_text()
    assert "VNG Kennisbank" in cover and "Regie warmtetransitie" in cover and "ARTIKEL" in cover
    assert f"Gepubliceerd {dutch_date(item.date)}" in cover
    assert dutch_date(item.updated) in cover  # the last change, not the day of the build: unchanged PDFs stay valid
    assert "Inhoud" in reader.pages[1].extract_text()
    # h3 too: the bookmarks follow all levels (the related lists' h3 headings stay on the web).
    assert outline(reader) == headings(site, url_of(item.src), levels=("h1", "h2", "h3"))
    last = reader.pages[-1].extract_text()
    assert f"Pagina {len(reader.pages)} van {len(reader.pages)}" in last
    assert "Regie warmtetransitie" in last.splitlines()[0] or "Regie warmtetransitie" in last  # running header
    document = squeeze(text(reader))
    for paragraph in body_paragraphs(site, url_of(item.src)):
        assert squeeze(paragraph) in document, paragraph
    render_page(pdf, 1, "pdf-article-cover")
    render_page(pdf, 3, "pdf-article-page")


def test_course_reader_holds_the_course_and_its_modules_in_order(starter):
    hub, site, _ = starter
    course = hub.items["academie/datagedreven-werken-voor-gemeenten/index.md"]
    modules = hub.course_modules(course.course)
    pdf = site.root / pdf_link(site, url_of(course.src))
    assert pdf.name == "datagedreven-werken-voor-gemeenten.pdf"
    reader = PdfReader(pdf)
    assert "CURSUSREADER" in reader.pages[0].extract_text()
    top = [title for depth, title in outline(reader) if depth == 0]
    assert top == [course.title] + [m.title for m in modules] + ["Antwoorden"]
    document = squeeze(text(reader))
    positions = [document.index(squeeze(body_paragraphs(site, url_of(m.src))[-1])) for m in modules]
    assert positions == sorted(positions)
    render_page(pdf, 3, "pdf-course-reader")


def test_theme_pdf_is_a_dossier_of_summaries_with_links(starter):
    hub, site, _ = starter
    pdf = site.root / "themas/klimaat-energie.pdf"
    reader = PdfReader(pdf)
    items = hub.with_theme("klimaat-energie")
    top = [title for depth, title in outline(reader) if depth == 0]
    assert top == ["Klimaat & energie"]  # one chapter: the theme page, not every item reprinted
    document = squeeze(text(reader))
    for item in items:
        assert squeeze(item.title) in document and squeeze(item.meta.samenvatting) in document, item.src
    # A collection's cover dates it by its newest change (the same day in every build until something changes).
    newest = max(i.updated for i in items if i.updated is not None)
    assert "Stand van zaken: " + dutch_date(newest) in reader.pages[0].extract_text()
    # Each summary links to the item on the public site, where its own PDF is.
    uris = set(external_links(reader))
    assert {f"https://kennisbank.example.nl/{url_of(i.src)}" for i in items} <= uris
    assert len(reader.pages) < len(items)
    render_page(pdf, 3, "pdf-theme")


def test_pdfs_hold_no_web_navigation_and_a_course_reader_keeps_its_answers_for_the_end(starter):
    hub, site, _ = starter
    article = PdfReader(site.root / pdf_target("artikelen/regie-warmtetransitie.md"))
    on_the_web = site.text("artikelen/regie-warmtetransitie/")
    assert "Gerelateerd" in on_the_web and "Meer in dit thema" in on_the_web and "Eerder:" in on_the_web
    bookmarks = [title for _, title in outline(article)]
    assert "Gerelateerd" not in bookmarks and "Verwijzingen naar deze pagina" not in bookmarks
    for web_only in ("Meer in dit thema", "← Eerder:", "Later:"):
        assert web_only not in text(article), web_only
    course = hub.items["academie/samenwerken-in-de-regio/index.md"]
    reader = PdfReader(site.root / pdf_target(course.src))
    pages = [page.extract_text() for page in reader.pages]
    document = "\n".join(pages)
    for web_only in ("Begin met module 1", "Verder lezen in de kennisbank", "Volgende module", "Markeer als afgerond",
                     "Bekijk het goede antwoord", "Bekijk het modelantwoord"):
        assert squeeze(web_only) not in squeeze(document), web_only
    assert [title for depth, title in outline(reader) if depth == 0][-1] == "Antwoorden"
    key = next(n for n, page in enumerate(pages) if page.lstrip().startswith("Antwoorden"))
    questions = "\n".join(pages[:key])
    assert "Vraag 1" in questions and "Antwoord: zie antwoord 1 achterin." in questions
    assert "Toelichting:" not in questions and "Modelantwoord:" not in questions
    answers = squeeze("\n".join(pages[key:]))
    assert squeeze("Vraag 1:") in answers and squeeze("Toelichting:") in answers
    assert set(internal_links(reader)) >= {"antwoorden-1"}
    render_page(site.root / pdf_target(course.src), len(pages), "pdf-course-answers")


def test_network_pdf(starter):
    hub, site, _ = starter
    slug = next(iter(hub.taxonomy.networks))
    reader = PdfReader(site.root / f"netwerken/{slug}.pdf")
    assert reader.metadata.title == hub.taxonomy.networks[slug].naam
    document = squeeze(text(reader))
    assert all(squeeze(i.title) in document for i in hub.with_network(slug))
    render_page(site.root / f"netwerken/{slug}.pdf", 1, "pdf-network-cover")


def test_whole_hub_pdf_has_every_item_parts_and_resolving_links(starter):
    hub, site, whole = starter
    reader = PdfReader(whole)
    entries = outline(reader)
    assert [t for d, t in entries if d == 0] == ["Artikelen", "Praktijkvoorbeelden", "Cursussen", "Antwoorden"]
    articles = sorted((i.title for i in hub.of_type(ItemType.ARTIKEL)), key=str.casefold)
    first_part = entries[1: entries.index((0, "Praktijkvoorbeelden"))]
    assert [t for d, t in first_part if d == 1] == articles
    assert len(reader.pages) > len(hub.items) + 2  # cover, contents, every item on a page of its own
    document = squeeze(text(reader))
    for item in hub.items.values():
        paragraphs = body_paragraphs(site, url_of(item.src))
        for expected in (item.title, paragraphs[0], paragraphs[-1]):
            assert squeeze(expected) in document, f"{item.src}: {expected}"
    links = internal_links(reader)
    assert links and set(links) <= set(reader.named_destinations)
    # Links to pages outside the PDF go to the public site, never to a local path.
    assert all(uri.startswith(("https://", "http://", "mailto:")) for uri in external_links(reader))
    render_page(whole, 2, "pdf-whole-hub-contents")


def test_table_of_contents_gives_the_page_each_heading_is_on(starter):
    hub, site, whole = starter
    course = hub.items["academie/datagedreven-werken-voor-gemeenten/index.md"]
    article = site.root / pdf_target("artikelen/regie-warmtetransitie.md")
    for pdf in (article, site.root / pdf_link(site, url_of(course.src)), whole):
        reader = PdfReader(pdf)
        contents = contents_entries(reader)
        assert len(contents) >= 3, pdf.name
        assert all(page > 2 for _, _, page in contents), pdf.name  # past the cover and the contents
        for title, printed, page in contents:
            assert printed == page, f"{pdf.name}: '{title}' leads to page {page}, the contents say {printed}"
        # Spot check the page itself: the first entry's heading is on the page the contents give.
        title, printed, _ = contents[0]
        assert squeeze(title) in squeeze(reader.pages[printed - 1].extract_text()), pdf.name


def _serve_and_read(root, *paths: str) -> list[tuple[int, bytes]]:
    """Start `kennisbank serve` with PDFs switched on, wait for the first page, read ``paths``."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    process = subprocess.Popen([str(Path(sys.executable).parent / "kennisbank"), "serve", "-a", f"127.0.0.1:{port}"],
                               cwd=root, env={**os.environ, "KENNISBANK_PDF": "true"},
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        results = []
        deadline = time.monotonic() + 180
        for path in paths:
            while True:
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}/{path}", timeout=10) as response:
                        results.append((response.status, response.read()))
                    break
                except urllib.error.HTTPError as error:
                    results.append((error.code, b""))
                    break
                except (urllib.error.URLError, ConnectionError):
                    assert process.poll() is None and time.monotonic() < deadline, "serve did not start"
                    time.sleep(0.3)
        return results
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_serve_makes_no_pdfs_unless_the_settings_ask(tmp_path):
    from sitebuilder import article

    hub_project = project(tmp_path, {"artikelen/een.md": article("Een")})
    (page, html), (pdf, _) = _serve_and_read(hub_project.root, "artikelen/een/", "artikelen/een.pdf")
    assert page == 200 and b"<h1" in html and b"Download als PDF" not in html
    assert pdf == 404

    with open(hub_project.root / "mkdocs.yml", "a", encoding="utf-8") as config:
        config.write("\nextra:\n  kennisbank:\n    pdf:\n      on_serve: true\n")
    (page, html), (pdf, data) = _serve_and_read(hub_project.root, "artikelen/een/", "artikelen/een.pdf")
    assert b"Download als PDF" in html
    assert pdf == 200 and data.startswith(b"%PDF-")


def test_pdfs_are_skipped_on_serve_unless_asked():
    assert pages_wanted(PdfSettings(), "build")
    assert not pages_wanted(PdfSettings(), "serve")
    assert pages_wanted(PdfSettings(on_serve=True), "serve")
    assert not pages_wanted(PdfSettings(enabled=False), "build")


def test_cached_page_references_follow_added_pages():
    import pydyf

    from kennisbank.outputs.pdf.patches import cache_page_references

    cache_page_references()
    cache_page_references()  # idempotent: the cache is not wrapped twice
    pdf = pydyf.PDF()
    for _ in range(3):
        pdf.add_page(pydyf.Dictionary({"Type": "/Page"}))
    first = pdf.page_references
    assert pdf.page_references is first  # read again: the same tuple, not one built anew
    pdf.add_page(pydyf.Dictionary({"Type": "/Page"}))
    assert pdf.page_references == tuple(f"{number} 0 R".encode() for number in pdf.pages["Kids"][::3])
    assert len(pdf.page_references) == 4


def test_a_contents_page_is_laid_out_twice_with_the_right_numbers(monkeypatch):
    """First with the targets not yet placed, then with their pages; WeasyPrint alone does it three times."""
    import weasyprint
    import weasyprint.layout.page as layout_page

    from kennisbank.outputs.pdf.patches import refresh_target_counters_once

    refresh_target_counters_once()
    refresh_target_counters_once()  # idempotent: not wrapped twice
    made = []
    original = layout_page.remake_page
    monkeypatch.setattr(layout_page, "remake_page", lambda index, *args: made.append(index) or original(index, *args))
    chapters = "".join(f'<h1 id="c{n}" style="break-before: page">Hoofdstuk {n}</h1>' for n in range(1, 4))
    html = ('<style>a::after { content: " " target-counter(attr(href url), page) }'
            '@page { @bottom-right { content: counter(page) "/" counter(pages) } }</style>'
            '<nav>' + "".join(f'<p><a href="#c{n}">Hoofdstuk {n}</a></p>' for n in range(1, 4)) + f"</nav>{chapters}")
    document = weasyprint.HTML(string=html).render()
    assert made == [0, 1, 2, 3, 0]
    reader = PdfReader(io.BytesIO(document.write_pdf()))
    assert [line.strip() for line in reader.pages[0].extract_text().splitlines()][:3] == [
        "Hoofdstuk 1 2", "Hoofdstuk 2 3", "Hoofdstuk 3 4"]


def test_without_pdfs_there_is_no_download_link(tmp_path):
    from sitebuilder import article

    site = project(tmp_path, {"artikelen/een.md": article("Een")}).build()  # conftest turns PDFs off
    assert "Download als PDF" not in site.text("artikelen/een/")
    assert not list(site.root.rglob("*.pdf"))
