"""Accessibility and privacy in the built HTML: what holds without a browser.

The browser gate (tests/test_accessibility.py) runs axe-core; these tests pin the
parts of the theme overrides and the hosting headers that must not drift.
"""

from __future__ import annotations

import html.parser
import re
from importlib.metadata import files as package_files
from pathlib import Path

import pytest
from sitebuilder import REPO, frontmatter, project

from kennisbank.outputs.security import CONTENT_SECURITY_POLICY, HEADERS, netlify_headers

MATERIAL = Path(str(next(f for f in package_files("mkdocs-material") if f.name == "base.html"
                          and f.parent.name == "templates").locate())).parent


@pytest.fixture(scope="module")
def starter_site(starter):
    return starter.site  # built once per session (conftest.py); these tests only read it


def html_pages(site) -> list[Path]:
    return sorted(site.root.rglob("*.html"))


class _Scan(html.parser.HTMLParser):
    """Collects what a strict CSP forbids and the heading levels of the content."""

    def __init__(self) -> None:
        super().__init__()
        self.inline_scripts: list[str] = []
        self.handlers: list[str] = []
        self.styles: list[str] = []
        self.headings: list[int] = []
        self._script: dict | None = None
        self._article = 0

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.handlers += [f"<{tag} {name}>" for name, _ in attrs if name.startswith("on")]
        self.handlers += [f"<{tag} {name}>" for name, value in attrs
                          if name in ("href", "src") and (value or "").strip().lower().startswith("javascript:")]
        if "style" in attributes or tag == "style":
            self.styles.append(tag)
        if tag == "script" and "src" not in attributes and attributes.get("type") != "application/json":
            self._script = attributes
        if tag == "article":
            self._article += 1
        if self._article and re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))

    def handle_endtag(self, tag):
        if tag == "article":
            self._article -= 1

    def handle_data(self, data):
        if self._script is not None:
            self.inline_scripts.append(data.strip()[:80])
            self._script = None


def scan(path: Path) -> _Scan:
    parser = _Scan()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_no_page_needs_unsafe_inline(starter_site):
    """Every page works under script-src 'self' and style-src 'self': no inline script, handler or style."""
    found = {}
    for path in html_pages(starter_site):
        result = scan(path)
        if result.inline_scripts or result.handlers or result.styles:
            found[path.relative_to(starter_site.root).as_posix()] = (result.inline_scripts, result.handlers, result.styles)
    assert found == {}


def test_headings_on_every_page_start_at_h1_and_skip_no_level(starter_site):
    wrong = {}
    for path in html_pages(starter_site):
        levels = scan(path).headings
        skips = [(a, b) for a, b in zip(levels, levels[1:]) if b > a + 1]
        if not levels or levels[0] != 1 or levels.count(1) != 1 or skips:
            wrong[path.relative_to(starter_site.root).as_posix()] = levels
    assert wrong == {}


def test_lang_search_dialog_and_dutch_landmark_names(starter_site):
    page = starter_site.html("artikelen/regie-warmtetransitie/")
    assert '<html lang="nl"' in page
    assert 'role="dialog" aria-label="Zoeken"' in page
    assert 'aria-label="Paginakop"' in page
    assert 'aria-label="Hoofdmenu"' in page
    assert 'aria-label="Vorige en volgende pagina"' in starter_site.html("themas/")
    assert not re.search(r'aria-label="(Header|Footer|Tabs)"', page)
    assert '<a href="#regie-warmtetransitie" class="md-skip">' in page
    assert "Ga naar inhoud" in page


def test_footer_links_to_the_statements_on_every_page(starter_site):
    for url in ["", "artikelen/regie-warmtetransitie/", "academie/samenwerken-in-de-regio/"]:
        footer = starter_site.html(url).split('<footer class="md-footer">')[1]
        depth = "../" * url.count("/")
        assert f'<a href="{depth}toegankelijkheid/">Toegankelijkheid</a>' in footer
        assert f'<a href="{depth}privacy/">Privacy</a>' in footer
    assert starter_site.text("toegankelijkheid/").startswith("Toegankelijkheidsverklaring")
    assert starter_site.text("privacy/").startswith("Privacyverklaring")


def test_accessibility_statement_follows_the_dutch_model(starter_site):
    from axe_playwright_python.base import AXE_SCRIPT

    text = starter_site.text("toegankelijkheid/")
    for part in ["Verklaring", "Status: eerste maatregelen genomen (C)", "Wat we controleren",
                 "Bekende beperkingen", "Contact", "Handhavingsprocedure", "29 november 2026"]:
        assert part in text
    # The statement names the axe-core version the gate really runs.
    version = re.search(r"axe v(\d+\.\d+)", AXE_SCRIPT).group(1)
    assert f"axe-core {version}" in text
    for tag in ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]:
        assert tag in text


def test_not_found_page_is_dutch(starter_site):
    page = starter_site.html("404.html")
    assert "Pagina niet gevonden" in page and "Not found" not in page
    assert '<a href="/.">startpagina</a>' in page  # absolute: the 404 page is served at any depth


def test_task_list_checkbox_is_labelled_by_its_text(tmp_path):
    site = project(tmp_path, {"artikelen/lijst.md": frontmatter(
        titel="Lijst", samenvatting="Korte samenvatting.", type="artikel", themas=["bestaanszekerheid"],
        auteurs=["VNG Kennishub"], gepubliceerd="2024-03-12")
        + "\nVragen:\n\n- [x] Schuldhulp *vroeg* inzetten\n- [ ] Wachten\n    - [ ] Genest\n"}).build()
    # The sanitizer rewrites the attributes; what matters is what the label holds.
    body = re.sub(r"<input [^>]*>", "[]", site.article_html("artikelen/lijst/"))
    assert "<label>[] Schuldhulp <em>vroeg</em> inzetten</label>" in body
    assert '<label>[] Wachten</label>\n<ul class="task-list">' in body
    assert "<label>[] Genest</label>" in body


def test_build_writes_the_security_headers_for_netlify_style_hosts(starter_site):
    assert (starter_site.root / "_headers").read_text(encoding="utf-8") == netlify_headers()
    assert netlify_headers().startswith("/*\n  Content-Security-Policy: default-src 'self'; script-src 'self';")


@pytest.mark.parametrize("snippet", ["deploy/nginx.conf", "deploy/apache.conf"])
def test_server_snippets_send_exactly_the_tested_headers(snippet):
    text = (REPO / snippet).read_text(encoding="utf-8")
    sent = dict(re.findall(r'(?:add_header|Header always set) (\S+) "([^"]*)"', text))
    assert sent == HEADERS
    assert "'unsafe-eval'" not in CONTENT_SECURITY_POLICY
    # Inline styles are allowed for Mermaid's SVGs (kennisbank/outputs/security.py); inline script never.
    directives = dict(d.split(" ", 1) for d in CONTENT_SECURITY_POLICY.split("; "))
    assert directives["script-src"] == "'self'" and directives["default-src"] == "'self'"
    assert [d for d, sources in directives.items() if "'unsafe-inline'" in sources] == ["style-src"]


@pytest.mark.parametrize("partial, copy, index", [
    ("base.html", "md-base.js", -1),
    ("palette.html", "md-palette.js", -1),
    ("content.html", "md-content.js", -1),
    ("content.html", "md-content-tabs.js", 0),
])
def test_copied_material_scripts_match_the_installed_material(partial, copy, index):
    """Our files replace Material's inline scripts; a Material upgrade that changes one must be followed."""
    original = re.findall(r"<script>(.*?)</script>", (MATERIAL / "partials/javascripts" / partial).read_text(),
                          re.S)[index]
    original = original.replace('"{{ config.extra.scope | d(base_url) }}"', "document.currentScript.dataset.scope")
    ours = (REPO / "overrides/assets/javascripts/kennisbank" / copy).read_text(encoding="utf-8")
    assert ours.split("*/\n", 1)[1].strip() == original.strip()


def test_no_material_partial_with_an_inline_script_is_left_unreplaced():
    """Partials Kennisbank does not use (announce, consent, outdated) are fine only while unused."""
    with_scripts = {p.name for p in (MATERIAL / "partials/javascripts").glob("*.html") if "<script>" in p.read_text()}
    replaced = {p.name for p in (REPO / "overrides/partials/javascripts").glob("*.html")}
    unused = {"announce.html", "consent.html", "outdated.html"}
    assert with_scripts - replaced == unused
