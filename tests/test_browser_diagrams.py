"""Mermaid diagrams in Chromium: drawn as SVG by the vendored Mermaid, online and from file://, in both
palettes, with no request leaving the site, no CSP violation and no axe violation.

Material draws each diagram into a *closed* shadow root; the tests open it (``OPEN_SHADOW``, in the test
browser only) so they can read the SVG and axe can audit it. The site itself is unchanged.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from browser import browser, serve
from click.testing import CliRunner
from sitebuilder import project
from test_accessibility import RECORD_CSP, audit_axe, violations_report

from kennisbank.cli.commands import main
from kennisbank.outputs.security import HEADERS

pytestmark = pytest.mark.browser
FIXTURES = Path(__file__).parent / "fixtures"
PAGE = "collecties/handboek-ib/incidenten/afhandeling/"
OPEN_SHADOW = """Element.prototype.attachShadow = new Proxy(Element.prototype.attachShadow,
  {apply: (attach, element, [options]) => attach.call(element, {...options, mode: "open"})});"""
DRAWN = "() => document.querySelectorAll('div.mermaid').length === 2"
SVG_TEXTS = """() => [...document.querySelectorAll('div.mermaid')].map(d => d.shadowRoot.querySelector('svg').textContent)"""


LABEL_COLOURS = """() => {
  const probe = document.createElement("span");
  probe.style.color = "var(--md-mermaid-label-fg-color)";
  document.body.append(probe);
  const label = document.querySelector("div.mermaid").shadowRoot.querySelector(".nodeLabel");
  const found = [getComputedStyle(label).color, getComputedStyle(probe).color,
                 getComputedStyle(document.body).backgroundColor];
  probe.remove();
  return found;
}"""
colours: dict[int, dict[str, str]] = {}
"""Label colour per width and scheme, to show that light and dark differ."""


def contrast(foreground: str, background: str) -> float:
    """WCAG contrast of two CSS colours (rgb/rgba; a translucent foreground mixed onto the background)."""
    def channels(colour: str) -> list[float]:
        values = [float(v) for v in colour[colour.index("(") + 1:-1].split(",")]
        return values + [1.0] * (4 - len(values))

    *fg, alpha = channels(foreground)
    bg = channels(background)[:3]
    mixed = [alpha * f + (1 - alpha) * b for f, b in zip(fg, bg)]

    def luminance(rgb: list[float]) -> float:
        linear = [c / 255 / 12.92 if c / 255 <= 0.03928 else ((c / 255 + 0.055) / 1.055) ** 2.4 for c in rgb]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    high, low = sorted((luminance(mixed), luminance(bg)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    hub = project(tmp_path_factory.mktemp("diagrammen"))
    shutil.copytree(FIXTURES / "handboek-informatiebeveiliging" / "docs", hub.docs, dirs_exist_ok=True)
    return hub


@pytest.fixture(scope="module")
def site(hub):
    return hub.build()


def assert_drawn(page) -> None:
    page.wait_for_function(DRAWN, timeout=30_000)
    assert page.locator("pre.mermaid").count() == 0  # each source block was replaced by its drawing
    flow, sequence = page.evaluate(SVG_TEXTS)
    for label in ("Melding bij servicedesk", "Persoonsgegevens betrokken?", "Binnen 72 uur melden bij de AP",
                  "ja", "nee"):
        assert label in flow
    assert "Medewerker" in sequence and "Schaalt op" in sequence
    box = page.locator("div.mermaid").first.bounding_box()
    assert box is not None and box["width"] > 200 and box["height"] > 200


@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_diagrams_are_drawn_from_the_site_itself_and_pass_axe(site, scheme, width):
    from axe_playwright_python.sync_playwright import Axe

    with browser() as chromium, serve(site.root, headers=HEADERS) as base:
        context = chromium.new_context(color_scheme=scheme, viewport={"width": width, "height": 900})
        context.add_init_script(OPEN_SHADOW)
        context.add_init_script(RECORD_CSP)
        page = context.new_page()
        requests: list[str] = []
        errors: list[str] = []
        page.on("request", lambda r: requests.append(r.url))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(base + PAGE)
        assert_drawn(page)
        assert page.locator("body").get_attribute("data-md-color-scheme") == {"light": "default", "dark": "slate"}[scheme]
        # Material colours the diagram from its palette (its --md-mermaid-* variables), so dark has light text.
        label, material, background = page.evaluate(LABEL_COLOURS)
        assert label == material
        assert contrast(label, background) >= 4.5, (label, background)
        colours.setdefault(width, {})[scheme] = label
        result = audit_axe(Axe(), page)
        assert result["violations"] == [], "axe-core:\n" + violations_report(result)
        own = urlsplit(base).netloc
        assert [url for url in requests if urlsplit(url).netloc != own] == []
        assert any(url.endswith("assets/javascripts/mermaid/mermaid.min.js") for url in requests)
        assert page.evaluate("window.__kbCsp") == [] and errors == []
        context.close()
    if len(colours.get(width, {})) == 2:
        assert colours[width]["light"] != colours[width]["dark"]


def test_diagrams_are_drawn_in_the_offline_copy(hub, tmp_path):
    site_dir = hub.root / "site-offline"
    result = CliRunner().invoke(main, ["build", "--offline", "-f", str(hub.root / "mkdocs.yml"),
                                       "--site-dir", str(site_dir)])
    assert result.exit_code == 0, result.output
    page_file = site_dir / PAGE.rstrip("/") / "index.html"
    if not page_file.is_file():
        page_file = site_dir / (PAGE.rstrip("/") + ".html")
    with browser() as chromium:
        context = chromium.new_context()
        context.add_init_script(OPEN_SHADOW)
        page = context.new_page()
        refused: list[str] = []

        def offline_only(route):
            if route.request.url.startswith("file:"):
                route.continue_()
            else:  # the network is off
                refused.append(route.request.url)
                route.abort()

        page.route("**/*", offline_only)
        page.goto(page_file.as_uri())
        assert_drawn(page)
        assert refused == []
        context.close()


def test_a_diagram_with_a_mistake_shows_a_dutch_note_and_its_code(tmp_path):
    from sitebuilder import article

    body = "Tekst.\n\n```mermaid\nflowchart LR\n  A[Begin --> B(\n```\n\nNa het diagram.\n"
    site = project(tmp_path, {"artikelen/kapot.md": article("Kapot", body)}).build()
    with browser() as chromium, serve(site.root, headers=HEADERS) as base:
        context = chromium.new_context()
        context.add_init_script(OPEN_SHADOW)
        context.add_init_script(RECORD_CSP)
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.goto(base + "artikelen/kapot/")
        drawn = page.locator("div.mermaid")
        drawn.get_by_text("Dit diagram kon niet worden getekend: de Mermaid-code bevat een fout.").wait_for()
        assert drawn.locator("pre").inner_text() == "flowchart LR\n  A[Begin --> B("
        assert errors == [] and page.evaluate("window.__kbCsp") == []
        context.close()
