"""Compose one print document (HTML) from pages the site build already rendered.

Why from the built HTML and not from the Markdown: the pages are already
rendered by MkDocs with every Markdown extension of ``mkdocs.yml``
(admonitions, footnotes, tabs, emoji, attribute lists) and with the item-page
templates; rendering the Markdown a second time would duplicate that
configuration and drift from the site. Here each page's ``<article>`` is
taken, made self-contained (ids made unique per page, links between pages of
the same PDF turned into internal links, other site links made absolute) and
put after a cover and a table of contents.
"""

from __future__ import annotations

import datetime as dt
import html
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urljoin, urlsplit

from bs4 import BeautifulSoup, Tag

from ...content.text import dutch_date
from ...site import material
from .plan import LINK_CLASS, PdfDocument

# Screen-only parts of an article: Material's (material.SCREEN_ONLY), the PDF link itself, the module pager,
# and the web's ways on (neighbours in a theme, the Academie's progress, filters and "Begin met module 1"
# button): on paper they are pages of links nobody can follow.
_DROP = [*material.SCREEN_ONLY, f"a.{LINK_CLASS}", "nav.kb-pager", "nav.kb-theme-nav", ".kb-module-done",
         ".kb-progress", ".kb-progress-reset", ".kb-filters", "p:has(> a.kb-continue)", "input", "form", "script",
         "button"]
WEB_SECTIONS = frozenset({"gerelateerd", "verwijzingen", "verder-lezen"})
"""Ids of the headings of generated link lists (related items, backlinks, further reading): the heading
and everything under it stay on the web."""


@dataclass(frozen=True)
class Page:
    """One built page: its ``src``, where its HTML lies below the site root, its title."""

    src: str
    dest: str
    """Path of the built HTML below the site root, e.g. ``artikelen/x/index.html``."""


def article_html(site_dir: Path, dest: str) -> str:
    """The main content of a built page (Material's ``<article>``)."""
    text = (site_dir / dest).read_text(encoding="utf-8")
    article = material.article(text)
    if article is None:
        raise ValueError(f"{dest}: geen <article> gevonden in de gebouwde pagina")
    return article


def compose(document: PdfDocument, pages: dict[str, Page], site_dir: Path, site_url: str,
            today: dt.date | None = None) -> str:
    """The print HTML of ``document``: cover, table of contents, then every page in order."""
    body_parts, entries, answers = body_sections(document, pages, site_dir, site_url)
    body = [str(part) for part in body_parts]
    if answers:
        body.append(answer_key([str(answer) for answer in answers]))
        entries.append(ANSWER_KEY_ENTRY)
    front = cover(document, dates(body_parts), today or dt.date.today(), site_url) + "\n" + toc(entries)
    return print_html(document, today, front, body)


def print_html(document: PdfDocument, today: dt.date | None, front: str, body: list[str], style: str = "") -> str:
    """A print document: its metadata, then ``front`` (cover, contents) and the ``body`` sections."""
    brand = document.brand
    lines = [
        "<!DOCTYPE html>",
        '<html lang="nl"><head><meta charset="utf-8">',
        f"<title>{html.escape(document.title)}</title>",
        f'<meta name="author" content="{html.escape(brand.organisation or brand.site_name)}">',
        f'<meta name="description" content="{html.escape(document.summary)}">',
        '<meta name="generator" content="Kennisbank">',
        f'<meta name="dcterms.created" content="{(today or dt.date.today()).isoformat()}">',
        # The colour is a validated '#rrggbb' (kennisbank.content.branding); print.css reads it as --kb-brand.
        f"<style>:root {{ --kb-brand: {brand.colour}; }}</style>",
        *([f"<style>{style}</style>"] if style else []),
        "</head><body>",
        front,
        # No empty <main> when there is no body (a cover and contents rendered alone): it would be tagged.
        *(['<main class="kb-main">', *body, "</main></body></html>"] if body else ["</body></html>"]),
    ]
    return "\n".join(lines)


TocEntry = tuple[int, str, str]
"""Level, anchor and text of a line of the table of contents."""


def body_sections(document: PdfDocument, pages: dict[str, Page], site_dir: Path, site_url: str,
                  start: int = 0, stop: int | None = None, first_question: int = 1
                  ) -> tuple[list[Tag], list[TocEntry], list[Tag]]:
    """The sections of pages ``start`` to ``stop`` (positions in ``document.pages``), their contents
    lines, and the self-check answers taken out of them, numbered from ``first_question`` (the number of
    questions on the pages before ``start``, plus one: see :func:`questions`).

    A part's heading goes with its first page. Ids and internal links are the
    same whichever slice is composed, so slices rendered apart join into the
    document that :func:`compose` makes in one piece.
    """
    soup = BeautifulSoup("", "html.parser")
    body: list[Tag] = []
    in_document = {pages[src].dest: f"p{n}" for n, src in enumerate(document.pages, start=1)}
    entries: list[TocEntry] = []
    answers: list[Tag] = []
    counter = 0
    stop = len(document.pages) if stop is None else stop
    for part_number, part in enumerate(document.parts, start=1):
        shift = 1 if part.heading else 0
        for index, src in enumerate(part.pages):
            counter += 1
            if not start < counter <= stop:
                continue
            if part.heading and index == 0:
                part_id = f"part{part_number}"
                heading = soup.new_tag("h1", id=part_id, attrs={"class": "kb-part"})
                heading.string = part.heading
                body.append(heading)
                entries.append((1, part_id, part.heading))
            section = _page_section(pages[src], f"p{counter}", site_dir, site_url, in_document, shift)
            _collect_answers(soup, section, answers, first_question)
            body.append(section)
            for tag in section.find_all(re.compile(r"^h[1-6]$")):
                level = int(tag.name[1])
                if level <= document.toc_depth + shift and tag.get("id"):
                    entries.append((level, tag["id"], tag.get_text(" ", strip=True)))
    return body, entries, answers


def dates(parts: list[Tag]) -> list[str]:
    """'Gepubliceerd …' and 'Bijgewerkt …' of the document's first page, as its facts show them."""
    first = next((part for part in parts if "kb-page" in part.get("class", [])), None)
    if first is None:
        return []
    found = []
    for css, label in (("kb-date-published", "Gepubliceerd"), ("kb-date-updated", "Bijgewerkt")):
        date = first.select_one(f".kb-facts .{css}")
        if date is not None:
            found.append(f"{label} {date.get_text(strip=True)}")
    return found


def cover(document: PdfDocument, dates: list[str], today: dt.date, site_url: str) -> str:
    """Logo, site and publisher, title, summary and dates: an item's publication and update date, or for a
    collection the day it was made."""
    address = urljoin(site_url, document.target) if site_url else ""
    lines = dates or [f"Stand van zaken: {dutch_date(today)}"]
    brand = document.brand
    # The logo's path is relative to the site root, which is the base URL of the print document (engine.py).
    logo = (f'<img class="kb-cover-logo" src="{html.escape(quote(brand.logo))}" '
            f'alt="{html.escape(brand.organisation)}">' if brand.logo else "")
    publisher = (f'<p class="kb-cover-publisher">Uitgever: {html.escape(brand.organisation)}</p>'
                 if brand.organisation else "")
    return (
        '<section class="kb-cover">'
        + logo
        + f'<p class="kb-cover-brand">{html.escape(brand.site_name)}</p>'
        + publisher
        + f'<p class="kb-cover-kind">{html.escape(document.kind)}</p>'
        f'<h1 class="kb-cover-title">{html.escape(document.title)}</h1>'
        f'<p class="kb-cover-summary">{html.escape(document.summary)}</p>'
        + "".join(f'<p class="kb-cover-date">{html.escape(line)}</p>' for line in lines)
        + (f'<p class="kb-cover-url">{html.escape(address)}</p>' if address else "")
        + "</section>")


def toc(entries: list[TocEntry], page_numbers: dict[str, str] | None = None) -> str:
    """The table of contents; with ``page_numbers`` (by anchor) printed as given instead of looked up by WeasyPrint."""
    if len(entries) < 2:
        return ""
    top = min(level for level, _, _ in entries)
    numbers = page_numbers or {}

    def number(anchor: str) -> str:
        return f' data-page="{html.escape(numbers[anchor])}"' if anchor in numbers else ""

    items = "".join(
        f'<li class="kb-toc-{level - top + 1}"><a href="#{html.escape(anchor)}"{number(anchor)}>'
        f'{html.escape(text)}</a></li>'
        for level, anchor, text in entries)
    return f'<nav class="kb-toc" aria-label="Inhoudsopgave"><h2 class="kb-toc-title">Inhoud</h2><ol>{items}</ol></nav>'


def _page_section(page: Page, page_id: str, site_dir: Path, site_url: str,
                  in_document: dict[str, str], shift: int) -> Tag:
    fragment = BeautifulSoup(article_html(site_dir, page.dest), "html.parser")
    for selector in _DROP:
        for tag in fragment.select(selector):
            tag.decompose()
    _drop_web_sections(fragment)
    _flatten_tabs(fragment)
    _diagram_fallbacks(fragment, _page_address(page.dest, site_url))
    for details in fragment.find_all("details"):
        details["open"] = ""
    for tag in fragment.find_all(id=True):
        tag["id"] = f"{page_id}--{tag['id']}"
    base = posixpath.dirname(page.dest)
    for anchor in fragment.find_all("a", href=True):
        href = _print_href(anchor["href"], base, page_id, site_url, in_document)
        if href is None:
            del anchor["href"]
        else:
            anchor["href"] = href
    for image in fragment.find_all("img", src=True):
        image["src"] = _site_path(image["src"], base) or image["src"]
        if not image.get("alt"):
            image["alt"] = ""  # decorative unless the author says otherwise; PDF/UA needs the attribute
    if shift:
        for heading in fragment.find_all(re.compile(r"^h[1-6]$")):
            heading.name = f"h{min(6, int(heading.name[1]) + shift)}"
    section = fragment.new_tag("section", id=page_id, attrs={"class": "kb-page"})
    first = fragment.find(re.compile(r"^h[1-6]$"))
    if isinstance(first, Tag):
        first["id"] = page_id + "--title"
        first["class"] = [*first.get("class", []), "kb-title"]
    section.extend(list(fragment.contents))
    return section


ANSWER_KEY_ID = "antwoorden"
_SELF_CHECK = "kb-toets"
"""The class of a self-check block as the Academie's Markdown extension renders it."""


def _collect_answers(soup: BeautifulSoup, section: Tag, answers: list[Tag], first: int) -> None:
    """Move the answers of the self-checks to the answer key, so a printed reader can be used to test oneself.

    Each question is numbered through the whole document and points to its answer ("Antwoord: zie
    antwoord 3 achterin"); the answer, behind a fold on the web, is taken out of the question.
    """
    for box in section.select(f"div.{_SELF_CHECK}"):
        number = first + len(answers)
        label = box.select_one(".kb-toets__label")
        if label is not None:
            label.string = f"Vraag {number}"
        question = box.select_one(".kb-toets__text")
        entry = soup.new_tag("li", id=f"{ANSWER_KEY_ID}-{number}")
        title = soup.new_tag("p", attrs={"class": "kb-answer-question"})
        link = soup.new_tag("a", href=f"#{box.get('id', '')}")
        link.string = f"Vraag {number}"
        title.append(link)
        title.append(": " + (question.get_text(" ", strip=True) if question is not None else ""))
        entry.append(title)
        for details in box.select("details.kb-toets__answer"):
            summary = details.find("summary")
            if isinstance(summary, Tag):
                summary.decompose()
            for child in list(details.contents):
                entry.append(child.extract())
            pointer = soup.new_tag("p", attrs={"class": "kb-answer-pointer"})
            to_answer = soup.new_tag("a", href=f"#{ANSWER_KEY_ID}-{number}")
            to_answer.string = f"antwoord {number}"
            pointer.append("Antwoord: zie ")
            pointer.append(to_answer)
            pointer.append(" achterin.")
            details.replace_with(pointer)
        answers.append(entry)


ANSWER_KEY_ENTRY: TocEntry = (1, ANSWER_KEY_ID, "Antwoorden")


def answer_key(answers: list[str]) -> str:
    """The answer key after the last page: the answers (``<li>`` entries) in question order."""
    return (f'<section class="kb-answers"><h1 id="{ANSWER_KEY_ID}" class="kb-part">Antwoorden</h1>'
            f'<ol>{"".join(answers)}</ol></section>')


def questions(site_dir: Path, page: Page) -> int:
    """How many self-check questions a page holds, i.e. how far it moves the answer key's numbering.

    Read without composing the page: only a page that mentions the class at all is parsed.
    """
    article = article_html(site_dir, page.dest)
    if _SELF_CHECK not in article:
        return 0
    return len(BeautifulSoup(article, "html.parser").select(f"div.{_SELF_CHECK}"))


def _drop_web_sections(fragment: BeautifulSoup) -> None:
    """Remove each generated link list: its heading and what follows, up to the next heading as high.

    The footnotes, which Markdown puts after everything else on the page, stay.
    """
    for heading in fragment.find_all(re.compile(r"^h[1-6]$"), id=sorted(WEB_SECTIONS)):
        if not isinstance(heading, Tag):
            continue
        level = int(heading.name[1])
        sibling = heading.next_sibling
        while sibling is not None and not (isinstance(sibling, Tag) and _ends_web_section(sibling, level)):
            following = sibling.next_sibling
            sibling.extract()
            sibling = following
        heading.decompose()


def _ends_web_section(tag: Tag, level: int) -> bool:
    if "footnote" in (tag.get("class") or []):
        return True
    return bool(re.fullmatch(r"h[1-6]", tag.name)) and int(tag.name[1]) <= level


def _site_path(url: str, base: str) -> str | None:
    """A relative site URL as a path below the site root; None for absolute URLs."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or url.startswith("/"):
        return None
    return posixpath.normpath(posixpath.join(base, parts.path)) if parts.path else base


def _print_href(href: str, base: str, page_id: str, site_url: str, in_document: dict[str, str]) -> str | None:
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return href
    if not parts.path:
        return f"#{page_id}--{parts.fragment}" if parts.fragment else f"#{page_id}"
    path = _site_path(href, base)
    if path is None:
        return urljoin(site_url, href) if site_url else None
    dest = path if path.endswith(".html") else posixpath.join(path, "index.html")
    if path == ".":
        dest = "index.html"
    target = in_document.get(dest)
    if target is not None:
        return f"#{target}--{parts.fragment}" if parts.fragment else f"#{target}"
    if not site_url:
        return None
    address = path if path.endswith((".html", ".pdf")) or "." in posixpath.basename(path) else path + "/"
    return urljoin(site_url, address + (f"#{parts.fragment}" if parts.fragment else ""))


def _flatten_tabs(fragment: BeautifulSoup) -> None:
    """Content tabs become a labelled block per tab: on paper every tab is shown."""
    sets, labels_of, blocks_of = material.TABS
    for tabs in fragment.select(sets):
        labels = [label.get_text(" ", strip=True) for label in tabs.select(labels_of)]
        blocks = tabs.select(blocks_of)
        flat = fragment.new_tag("div", attrs={"class": "kb-tabs"})
        for label, block in zip(labels, blocks):
            title = fragment.new_tag("p", attrs={"class": "kb-tab-label"})
            title.string = label
            block.name = "div"
            block["class"] = ["kb-tab"]
            flat.append(title)
            flat.append(block.extract())
        tabs.replace_with(flat)


def _page_address(dest: str, site_url: str) -> str:
    """The web address of a built page (``artikelen/x/index.html`` → ``{site_url}artikelen/x/``), or ''."""
    if not site_url:
        return ""
    path = dest[: -len("index.html")] if dest.endswith("index.html") else dest
    return urljoin(site_url, path)


def _diagram_fallbacks(fragment: BeautifulSoup, address: str) -> None:
    """A Mermaid diagram becomes a box that says where to see it, with its source below.

    The site draws diagrams in the browser (Material with the vendored Mermaid); WeasyPrint runs no
    script, so on paper the source would stand there unexplained as a code block.
    """
    for diagram in fragment.select("pre.mermaid"):
        box = fragment.new_tag("div", attrs={"class": "kb-diagram"})
        note = fragment.new_tag("p", attrs={"class": "kb-diagram-note"})
        label = fragment.new_tag("strong")
        label.string = "Diagram:"
        note.append(label)
        note.append(" zie de online versie")
        if address:
            note.append(" op ")
            link = fragment.new_tag("a", href=address)
            link.string = address
            note.append(link)
        note.append(". Hieronder staat de beschrijving van het diagram in Mermaid-code.")
        source = fragment.new_tag("pre", attrs={"class": "kb-diagram-source"})
        code = fragment.new_tag("code")
        code.string = diagram.get_text()
        source.append(code)
        box.append(note)
        box.append(source)
        diagram.replace_with(box)
