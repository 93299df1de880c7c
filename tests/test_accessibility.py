"""Accessibility, privacy and CSP gate: every page type, both palettes, desktop and phone width.

For each page in PAGES × palette × width, axe-core (bundled by the PyPI package
axe-playwright-python) runs inside Debian's Chromium against the starter hub,
served with the site's own security headers (kennisbank.outputs.security). A test fails
on any axe violation of WCAG 2.2 A/AA, any request to another host, any cookie,
any Content-Security-Policy violation and any console error.

To audit a new page type, add one line to PAGES. STATES audits pages after
an interaction (a clicked button keeps its focus and hover styles, an answered
self-check shows its feedback); every page type is also checked for reflow at
320 pixels (WCAG 1.4.10) and for layout shift while it loads.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from browser import browser, serve
from sitebuilder import project

from kennisbank.outputs.security import HEADERS

FIXTURES = Path(__file__).parent / "fixtures"

pytestmark = [pytest.mark.browser, pytest.mark.slow]

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# Best-practice rules we hold ourselves to as well: structure a screen-reader
# user navigates by (headings, landmarks) and the name of the search dialog.
AXE_EXTRA_RULES = ["heading-order", "page-has-heading-one", "landmark-one-main", "landmark-unique",
                   "region", "aria-dialog-name", "skip-link"]


def open_search(page, query: str = "warmtetransitie") -> None:
    """Open Material's search dialog and wait for results, so axe audits them too."""
    # On a phone the field is behind this button (the home page has a search form of its own as well).
    button = page.locator(".md-header").get_by_role("button", name="Zoeken")
    field = page.locator(".md-search__input")
    if button.is_visible():
        button.click()
        # Material focuses the field once the panel is open; typing earlier is lost.
        page.wait_for_function("() => document.activeElement.classList.contains('md-search__input')")
    else:
        field.click()
    # A query typed before Material's search worker is ready finds nothing and is not repeated.
    page.wait_for_function("() => /Typ om/.test(document.querySelector('.md-search-result__meta').textContent)",
                           timeout=120_000)
    field.press_sequentially(query)  # key by key, as Material listens for keyup
    page.locator(".md-search-result__item").first.wait_for()


@dataclass(frozen=True)
class AuditPage:
    id: str
    url: str
    prepare: Callable | None = None
    """Brings the page into the state to audit (e.g. a dialog opened)."""


PAGES = [
    AuditPage("home", ""),
    AuditPage("themas", "themas/"),
    AuditPage("thema", "themas/klimaat-energie/"),
    AuditPage("netwerken", "netwerken/"),
    AuditPage("netwerk", "netwerken/p10/"),
    AuditPage("artikelen", "artikelen/"),
    AuditPage("artikel", "artikelen/regie-warmtetransitie/"),
    AuditPage("praktijkvoorbeelden", "praktijkvoorbeelden/"),
    AuditPage("praktijkvoorbeeld", "praktijkvoorbeelden/vroegsignalering-schulden-zwolle/"),
    AuditPage("academie", "academie/"),
    AuditPage("cursus", "academie/samenwerken-in-de-regio/"),
    AuditPage("module", "academie/samenwerken-in-de-regio/01-waarom-en-hoe-gemeenten-samenwerken/"),
    AuditPage("kenniskaart", "kenniskaart/"),
    AuditPage("thema-netwerk", "themas/klimaat-energie/informatiepositie-fysiek-domein/"),
    AuditPage("nieuw", "nieuw/"),
    AuditPage("trefwoorden", "trefwoorden/"),
    AuditPage("trefwoord", "trefwoorden/wmo/"),
    AuditPage("bijdragen", "bijdragen/"),
    AuditPage("toegankelijkheid", "toegankelijkheid/"),
    AuditPage("privacy", "privacy/"),
    AuditPage("niet-gevonden", "404.html"),
    AuditPage("zoekresultaten", "", prepare=open_search),
    AuditPage("zoekpagina", "zoeken/?zoekterm=gemeente",
              prepare=lambda page: page.locator(".kb-search__result").first.wait_for(timeout=60_000)),
]

PALETTES = {"licht": ("light", "default"), "donker": ("dark", "slate")}
WIDTHS = {"desktop": 1280, "mobiel": 375}
STATE_WIDTHS = {"desktop": 1280, "mobiel": 375, "smal": 320}
"""Pages and states are audited at the narrowest width too, where panels and messages wrap most (WCAG 1.4.10)."""

RECORD_CSP = """
window.__kbCsp = [];
document.addEventListener("securitypolicyviolation",
  (e) => window.__kbCsp.push(e.violatedDirective + " " + (e.blockedURI || "inline")));
"""


class Tab:
    """One browser tab that records everything a test must not see."""

    def __init__(self, context, base: str) -> None:
        self.context = context
        self.base = base
        self.page = context.new_page()
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def open(self, url: str) -> None:
        self.requests.clear()
        self.errors.clear()
        self.page.goto(self.base + url)

    def foreign_requests(self) -> list[str]:
        own = urlsplit(self.base).netloc
        return [url for url in self.requests if urlsplit(url).netloc != own and not url.startswith("data:")]

    def csp_violations(self) -> list[str]:
        return self.page.evaluate("window.__kbCsp")

    def assert_clean(self) -> None:
        """No third-party request, no cookie, no CSP violation, no console error."""
        assert self.foreign_requests() == []
        assert self.context.cookies() == []
        assert self.csp_violations() == []
        assert self.errors == []


@pytest.fixture(scope="module")
def starter_site(starter):
    return starter.site  # built once per session (conftest.py); these tests only read it


@pytest.fixture(scope="module")
def base_url(starter_site):
    with serve(starter_site.root, headers=HEADERS) as base:
        yield base


@pytest.fixture(scope="module")
def chromium():
    with browser() as instance:
        yield instance


@pytest.fixture(scope="module")
def tabs(chromium, base_url):
    """One tab per palette × width, reused by all pages."""
    yield from _tabs(chromium, base_url)


def _tabs(chromium, base_url, widths: dict[str, int] = STATE_WIDTHS):
    opened: dict[tuple[str, str], Tab] = {}

    def get(palette: str, width: str) -> Tab:
        if (palette, width) not in opened:
            context = chromium.new_context(color_scheme=PALETTES[palette][0],
                                           viewport={"width": widths[width], "height": 900})
            context.add_init_script(RECORD_CSP)
            opened[palette, width] = Tab(context, base_url)
        return opened[palette, width]

    yield get
    for tab in opened.values():
        tab.context.close()


@pytest.fixture(scope="module")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


def violations_report(response: dict) -> str:
    lines = []
    for violation in response["violations"]:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    {' '.join(map(str, node['target']))}: {node['failureSummary'].splitlines()[-1].strip()}")
    return "\n".join(lines)


@pytest.mark.parametrize("width", STATE_WIDTHS)
@pytest.mark.parametrize("palette", PALETTES)
@pytest.mark.parametrize("audit", PAGES, ids=[p.id for p in PAGES])
def test_page_passes_axe_and_privacy(tabs, axe, audit, palette, width):
    tab = tabs(palette, width)
    tab.open(audit.url)
    # The palette really follows the emulated colour scheme: otherwise dark would go unchecked.
    assert tab.page.locator("body").get_attribute("data-md-color-scheme") == PALETTES[palette][1]
    if audit.prepare:
        audit.prepare(tab.page)
    result = audit_axe(axe, tab.page)
    assert result["violations"] == [], "axe-core:\n" + violations_report(result)
    tab.assert_clean()


SETTLED = """() => document.getAnimations().every(
    a => a.playState !== "running" || a.effect.getComputedTiming().iterations === Infinity)"""
"""No CSS transition or finite animation is running (an endless one, such as a spinner, never ends)."""


def audit_axe(axe, page) -> dict:
    # axe measures colours as painted: on a busy machine a tab fading in or a button changing colour after a
    # click is caught half-way (seen: 1.17:1 for Material's tabs mid-fade), a contrast no visitor sees.
    page.wait_for_function(SETTLED, timeout=10_000)
    return axe.run(page, options={
        "runOnly": {"type": "tag", "values": AXE_TAGS},
        "rules": {rule: {"enabled": True} for rule in AXE_EXTRA_RULES},
        "resultTypes": ["violations"],
    }).response


# States: what a page looks like after the visitor did something. The mouse stays where it clicked, so a
# clicked button is audited with both its focus and its hover style, as a visitor sees it.
MODULE = "academie/samenwerken-in-de-regio/01-waarom-en-hoe-gemeenten-samenwerken/"
COURSE = "academie/samenwerken-in-de-regio/"


def answer_self_check(page, right: bool) -> None:
    question = page.locator(".kb-toets").filter(has=page.get_by_role("radio")).first
    option = question.locator(".kb-toets__option--goed" if right else ".kb-toets__option:not(.kb-toets__option--goed)")
    option.first.get_by_role("radio").check()
    question.get_by_role("button", name="Controleer").click()
    feedback = "Goed!" if right else "Helaas, dat is niet goed."
    question.get_by_role("status").filter(has_text=feedback).wait_for()
    assert page.evaluate("document.activeElement.textContent") == "Controleer"


def mark_done(page) -> None:
    page.get_by_role("button", name="Markeer als afgerond").click()
    page.get_by_text("Je hebt deze module afgerond.").wait_for()


def ask_to_clear_progress(page) -> None:
    page.get_by_role("button", name="Wis mijn voortgang").click()
    page.get_by_role("button", name="Ja, wis mijn voortgang").hover()


def filter_catalogue(page) -> None:
    page.get_by_label("Niveau").select_option(index=1)


def focus_home_search(page) -> None:
    page.get_by_role("searchbox", name=re.compile("Zoek in artikelen")).focus()
    page.keyboard.type("wmo")
    page.get_by_role("button", name="Zoeken", exact=True).last.hover()


def submit_empty_contribution(page) -> None:
    page.get_by_role("button", name="Controleer en maak het bestand").click()
    page.locator(".kb-bijdrage__fouten li").first.wait_for()


def prepare_contribution(page) -> None:
    """A valid article through the form: the result with its GitHub link, copy button and the file."""
    page.get_by_label("Titel").fill("Een artikel uit het formulier")
    page.get_by_label("Samenvatting").fill("Kort.")
    page.get_by_label("Bestaanszekerheid").check()
    page.get_by_label("Auteur(s)").fill("VNG Kennishub")
    page.get_by_label("Tekst", exact=True).fill("## Kop\n\nTekst met **nadruk** en een [link](https://www.vng.nl/).")
    page.get_by_role("button", name="Controleer en maak het bestand").click()
    page.get_by_role("heading", name="Je bijdrage is klaar om voor te stellen").wait_for()


def open_search_filters(page) -> None:
    """The "Filters (n)" panel opened (folded on phones, open on a laptop) and one filter chosen."""
    page.locator(".kb-search__result").first.wait_for(timeout=60_000)
    summary = page.locator(".kb-search__filters > summary")
    if not page.locator(".kb-search__facets").is_visible():
        summary.click()
    page.locator(".kb-search__facets").get_by_role("checkbox").first.check()
    summary.filter(has_text="Filters (1)").wait_for(state="attached")
    page.locator(".kb-search__result").first.wait_for()


def keyboard_focus(name: str, prepare: Callable | None = None) -> Callable:
    """Focus the button ``name`` with the keyboard alone (Shift+Tab, Tab), so it shows its focus-visible style."""

    def focus(page) -> None:
        if prepare:
            prepare(page)
        button = page.get_by_role("button", name=name, exact=True).first
        button.focus()
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Tab")
        assert button.evaluate("e => e === document.activeElement && e.matches(':focus-visible')")

    return focus


SEARCH_PAGE = "zoeken/?zoekterm=gemeente"
STATES = [
    AuditPage("zelftoets-goed", MODULE, lambda page: answer_self_check(page, right=True)),
    AuditPage("zelftoets-fout", MODULE, lambda page: answer_self_check(page, right=False)),
    AuditPage("module-afgerond", MODULE, mark_done),
    AuditPage("voortgang-wissen", COURSE, ask_to_clear_progress),
    AuditPage("catalogus-gefilterd", "academie/", filter_catalogue),
    AuditPage("startpagina-zoekveld", "", focus_home_search),
    AuditPage("zoekfilters-open", SEARCH_PAGE, open_search_filters),
    AuditPage("bijdrage-fouten", "bijdragen/", submit_empty_contribution),
    AuditPage("bijdrage-klaar", "bijdragen/", prepare_contribution),
    AuditPage("toetsenbord-controleer", MODULE, keyboard_focus("Controleer")),
    AuditPage("toetsenbord-afgerond", MODULE, keyboard_focus("Markeer als afgerond")),
    AuditPage("toetsenbord-zoeken", SEARCH_PAGE, keyboard_focus(
        "Zoeken", lambda page: page.locator(".kb-search__result").first.wait_for(timeout=60_000))),
    AuditPage("toetsenbord-bijdrage", "bijdragen/", keyboard_focus("Controleer en maak het bestand")),
]


def sideways(page) -> tuple[int, list[str]]:
    """How far the page scrolls sideways, and the first elements of the content that stick out (1.4.10)."""
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    wide = page.evaluate("""() => [...document.querySelectorAll('.md-content *')]
        .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1
                     && !e.closest('pre, .md-typeset__scrollwrap, .md-sidebar, [hidden]'))
        .slice(0, 5).map(e => e.tagName + '.' + e.className)""")
    return overflow, wide


@pytest.mark.parametrize("width", STATE_WIDTHS)
@pytest.mark.parametrize("palette", PALETTES)
@pytest.mark.parametrize("audit", STATES, ids=[p.id for p in STATES])
def test_state_after_interaction_passes_axe_and_reflows(tabs, axe, audit, palette, width):
    tab = tabs(palette, width)
    tab.open(audit.url)
    tab.page.evaluate("localStorage.clear()")
    audit.prepare(tab.page)
    result = audit_axe(axe, tab.page)
    tab.page.evaluate("localStorage.clear()")
    assert result["violations"] == [], "axe-core:\n" + violations_report(result)
    assert sideways(tab.page) == (0, [])
    tab.assert_clean()


COLLECTION_PAGES = [
    AuditPage("collectie", "collecties/api-portaal/"),
    AuditPage("collectiepagina", "collecties/api-portaal/aan-de-slag/eerste-verzoek/"),
    AuditPage("collectie-eigenschappen", "collecties/handboek-ib/beleid/informatiebeveiligingsbeleid/"),
    # Mermaid draws into closed shadow roots, which axe cannot enter (tests/test_browser_diagrams.py opens them):
    # here the page around the diagrams, drawn, under the production CSP.
    AuditPage("collectie-diagram", "collecties/handboek-ib/incidenten/afhandeling/",
              prepare=lambda page: page.wait_for_function(
                  "() => document.querySelectorAll('div.mermaid').length === 2", timeout=30_000)),
]
"""Pages of collections (tests/fixtures): origin and licence, source fields, section tree, converted MDX,
Mermaid diagrams."""


@pytest.fixture(scope="module")
def collection_tabs(chromium, tmp_path_factory):
    hub = project(tmp_path_factory.mktemp("a11y-collecties"))
    for name in ("ontwikkelaarsportaal", "handboek-informatiebeveiliging"):
        shutil.copytree(FIXTURES / name / "docs", hub.docs, dirs_exist_ok=True)
    site = hub.build()
    with serve(site.root, headers=HEADERS) as base:
        yield from _tabs(chromium, base)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("palette", PALETTES)
@pytest.mark.parametrize("audit", COLLECTION_PAGES, ids=[p.id for p in COLLECTION_PAGES])
def test_collection_page_passes_axe_and_privacy(collection_tabs, axe, audit, palette, width):
    test_page_passes_axe_and_privacy(collection_tabs, axe, audit, palette, width)


VOLUME_PAGES = [
    AuditPage("thema-gepagineerd", "themas/bestaanszekerheid/"),
    AuditPage("vervolgpagina", "themas/bestaanszekerheid/artikelen/pagina/2/"),
    AuditPage("index-per-jaar", "artikelen/pagina/10/"),
    AuditPage("trefwoorden-a-z", "trefwoorden/"),
    AuditPage("trefwoorden-beginletter", "trefwoorden/beginletter-o/"),
    AuditPage("trefwoord-gepagineerd", "trefwoorden/wgr/"),
    AuditPage("trefwoord-vervolgpagina", "trefwoorden/wgr/pagina/2/"),
]
"""Overview pages at volume (tests/volume_hub.py): pagers, follow-on pages, year groups, the collections line,
the A–Z tag index with its letters and most used tags, a paged tag."""


@pytest.fixture(scope="module")
def volume_tabs(chromium, volume):
    with serve(volume.root, headers=HEADERS) as base:
        yield from _tabs(chromium, base)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("palette", PALETTES)
@pytest.mark.parametrize("audit", VOLUME_PAGES, ids=[p.id for p in VOLUME_PAGES])
def test_paged_overview_passes_axe_and_privacy(volume_tabs, axe, audit, palette, width):
    test_page_passes_axe_and_privacy(volume_tabs, axe, audit, palette, width)


RECORD_SHIFT = """
window.__kbShift = 0;
window.__kbShifted = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (entry.hadRecentInput) continue;
    window.__kbShift += entry.value;
    for (const source of entry.sources) {
      const node = source.node;
      window.__kbShifted.push((node && node.nodeName + "." + (node.className || "")) + " "
        + Math.round(source.previousRect.y) + " -> " + Math.round(source.currentRect.y));
    }
  }
}).observe({type: "layout-shift", buffered: true});
"""
MAX_SHIFT = 0.05
"""Layout shift allowed while a page loads (the sum of all shifts: stricter than Lighthouse's CLS window)."""


@pytest.fixture(scope="module")
def layout_tabs(chromium, base_url):
    opened = {}

    def get(width: int):
        if width not in opened:
            context = chromium.new_context(viewport={"width": width, "height": 800})
            context.add_init_script(RECORD_SHIFT)
            opened[width] = context.new_page()
        return opened[width]

    yield get
    for page in opened.values():
        page.context.close()


LAYOUT_PAGES = PAGES


@pytest.mark.parametrize("width", [320, 1280])
@pytest.mark.parametrize("audit", LAYOUT_PAGES, ids=[p.id for p in LAYOUT_PAGES])
def test_page_reflows_and_does_not_shift(layout_tabs, base_url, audit, width):
    """1.4.10: nothing scrolls sideways at 320 px; and what scripts add does not push the page around."""
    page = layout_tabs(width)
    page.goto(base_url + audit.url)
    page.wait_for_load_state("load")
    if audit.prepare:
        audit.prepare(page)
    page.wait_for_timeout(800)  # late scripts (filters, progress, search results) have run
    assert sideways(page) == (0, [])
    shift = page.evaluate("window.__kbShift")
    assert shift <= MAX_SHIFT, f"layout shift {shift:.3f}: {page.evaluate('window.__kbShifted')[:6]}"


LATE = {"zoekindex": r"^/zoeken/index/", "zoekmachine": r"/zoeken/zoekmachine\.js$",
        "zoekscript": r"/zoeken/zoekpagina\.js$", "opmaak": r"/stylesheets/zoeken\.css$"}
"""Parts of the search page that may arrive last on a slow connection: the reserved space must hold for each."""


def search_page_shift(chromium, site_root: Path, late: str | None, width: int) -> tuple[float, list[str]]:
    """Summed layout shift of the search page with results, and what moved, with the part ``late`` (a key of
    LATE, or None for none) held back by a second. Also measured by benchmarks/layout_shift_bench.py."""
    pattern = re.compile(LATE[late]) if late else None
    with serve(site_root, headers=HEADERS,
               delay=lambda path: 1.0 if pattern is not None and pattern.search(path) else 0) as base:
        context = chromium.new_context(viewport={"width": width, "height": 800})
        context.add_init_script(RECORD_SHIFT)
        page = context.new_page()
        page.goto(base + SEARCH_PAGE)
        page.locator(".kb-search__result").first.wait_for(timeout=60_000)
        page.wait_for_timeout(800)
        shift, shifted = page.evaluate("[window.__kbShift, window.__kbShifted.slice(0, 6)]")
        context.close()
    return shift, shifted


@pytest.mark.parametrize("width", [320, 1280])
@pytest.mark.parametrize("late", LATE)
def test_search_page_keeps_its_place_whatever_arrives_last(chromium, starter_site, late, width):
    shift, shifted = search_page_shift(chromium, starter_site.root, late, width)
    assert shift <= MAX_SHIFT, f"layout shift {shift:.3f}: {shifted}"


def test_the_gate_notices_what_it_must_forbid(chromium, tmp_path):
    """The recorders are not blind: an inline script, a third-party request and a cookie are caught."""
    (tmp_path / "index.html").write_text(
        "<!doctype html><html lang='nl'><title>x</title>"
        "<script>document.title = 'inline';</script>"
        "<img src='https://fonts.example.com/x.png' alt=''>", encoding="utf-8")
    with serve(tmp_path, headers=HEADERS) as base:
        context = chromium.new_context()
        context.route("https://fonts.example.com/**", lambda route: route.abort())
        context.add_init_script(RECORD_CSP)
        tab = Tab(context, base)
        tab.open("")
        assert tab.page.title() == "x"  # the inline script did not run
        assert tab.csp_violations() == ["script-src-elem inline", "img-src https://fonts.example.com/x.png"]
        # Even a request the policy blocks is seen: the privacy gate does not lean on the CSP.
        assert tab.foreign_requests() == ["https://fonts.example.com/x.png"]
        assert any("Content Security Policy" in error for error in tab.errors)
        tab.requests.clear()
        tab.errors.clear()
        tab.page.evaluate("window.__kbCsp = []")
        tab.assert_clean()
        context.add_cookies([{"name": "spoor", "value": "1", "url": base}])
        with pytest.raises(AssertionError):
            tab.assert_clean()
        context.close()


# Keyboard: everything a mouse user can do, with the keyboard alone.

def focused(page) -> dict:
    return page.evaluate("""() => {
        const e = document.activeElement, r = e.getBoundingClientRect(), s = getComputedStyle(e);
        return {tag: e.tagName, name: e.getAttribute("aria-label") || e.textContent.trim().slice(0, 60),
                href: e.getAttribute("href"), inMain: !!e.closest(".md-content"),
                visible: r.width > 0 && r.height > 0 && r.right > 0 && r.left < innerWidth
                         && s.visibility !== "hidden" && !e.closest("[hidden]")};
    }""")


def tab_to(page, name: str, limit: int = 40) -> dict:
    """Press Tab until the element named ``name`` has focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        current = focused(page)
        if current["name"] == name:
            return current
    raise AssertionError(f"'{name}' is not reachable with Tab within {limit} steps")


def test_skip_link_is_first_and_jumps_to_the_content(tabs):
    tab = tabs("licht", "desktop")
    tab.open("artikelen/regie-warmtetransitie/")
    tab.page.keyboard.press("Tab")
    assert focused(tab.page)["name"] == "Ga naar inhoud"
    tab.page.keyboard.press("Enter")
    heading = tab.page.locator("article h1").get_attribute("id")
    # Material's instant navigation handles the in-page link and sets the address a moment later (seen in CI
    # with two test workers): wait for it rather than read it at once.
    tab.page.wait_for_function("id => location.hash === '#' + id", arg=heading, timeout=10_000)
    assert urlsplit(tab.page.url).fragment == heading
    tab.page.keyboard.press("Tab")
    assert focused(tab.page)["inMain"]
    tab.assert_clean()


@pytest.mark.parametrize("width", WIDTHS)
def test_search_with_the_keyboard_alone(tabs, width):
    tab = tabs("licht", width)
    tab.open("")
    if width == "mobiel":
        # On a phone the search field is behind a button.
        button = tab_to(tab.page, "Zoeken")
        assert button["tag"] == "BUTTON" and button["visible"]
        tab.page.keyboard.press("Enter")
        assert tab.page.locator(".md-search__input").evaluate("e => e === document.activeElement")
    else:
        field = tab_to(tab.page, "Zoeken")
        assert field["tag"] == "INPUT"
    # A query typed before Material's search worker is ready finds nothing and is not repeated.
    tab.page.wait_for_function(
        "() => /Typ om/.test(document.querySelector('.md-search-result__meta').textContent)", timeout=120_000)
    tab.page.keyboard.type("warmtetransitie")
    # Wait for the results of the whole query: a list rendered for a prefix is replaced, taking focus with it.
    tab.page.wait_for_function(
        "() => /Beste resultaten/.test(document.querySelector('.md-search-result__meta').textContent)")
    tab.page.wait_for_timeout(500)
    tab.page.keyboard.press("ArrowDown")
    tab.page.wait_for_function("() => document.activeElement && document.activeElement.closest('.md-search-result')")
    target = focused(tab.page)["href"]
    assert target and focused(tab.page)["visible"]
    tab.page.keyboard.press("Enter")
    tab.page.wait_for_url(urljoin(tab.page.url, target))
    assert tab.page.locator("article h1").is_visible()
    tab.assert_clean()


def drawer_open(page) -> None:
    """Wait until the menu has slid fully into view."""
    page.wait_for_function("() => document.querySelector('.md-sidebar--primary').getBoundingClientRect().left >= 0")


def test_navigation_menu_on_a_phone_with_the_keyboard(tabs):
    tab = tabs("licht", "mobiel")
    tab.open("artikelen/regie-warmtetransitie/")
    menu = tab_to(tab.page, "Menu")
    assert menu["tag"] == "BUTTON" and menu["visible"]
    button = tab.page.get_by_role("button", name="Menu")
    assert button.get_attribute("aria-expanded") == "false"
    tab.page.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "true"
    drawer_open(tab.page)
    first = focused(tab.page)  # focus moved into the opened menu
    assert first["name"] == "Start" and first["visible"]
    tab.page.keyboard.press("Escape")
    assert button.get_attribute("aria-expanded") == "false"
    assert focused(tab.page)["name"] == "Menu"
    tab.page.keyboard.press("Enter")
    drawer_open(tab.page)
    link = tab_to(tab.page, "Thema's")
    assert link["visible"]
    tab.page.keyboard.press("Enter")
    tab.page.wait_for_url("**/themas/")
    assert tab.page.locator("article h1").inner_text().startswith("Thema's")
    tab.assert_clean()


@pytest.mark.parametrize("width", WIDTHS)
def test_every_tab_stop_is_visible_and_shows_focus(tabs, width):
    """No focus on links of a closed menu or search panel, and a visible focus ring everywhere."""
    tab = tabs("licht", width)
    tab.open("academie/samenwerken-in-de-regio/")
    seen = []
    for _ in range(25):
        tab.page.keyboard.press("Tab")
        state = tab.page.evaluate("""() => {
            const e = document.activeElement;
            // Material's palette switch is a hidden radio button whose label shows the focus.
            const shown = e.classList.contains("md-option") ? e.nextElementSibling || e : e;
            const r = shown.getBoundingClientRect(), s = getComputedStyle(shown);
            return {name: e.getAttribute("aria-label") || e.textContent.trim().slice(0, 40),
                    visible: r.width > 0 && r.height > 0 && r.right > 0 && r.left < innerWidth
                             && s.visibility !== "hidden",
                    ring: s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2};
        }""")
        seen.append(state)
    hidden = [s["name"] for s in seen if not s["visible"]]
    no_ring = [s["name"] for s in seen if s["visible"] and not s["ring"]]
    assert hidden == []
    assert no_ring == []
