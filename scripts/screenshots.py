"""Screenshots of every page type of the starter hub at 320 and 1280 pixels, light and (a few) dark.

Usage: .venv/bin/python scripts/screenshots.py [OUT]   (default: screenshots/ at the top of the repository)

Builds the starter hub without PDFs into a temporary folder, serves it on a free port, and saves
<page>-<width>-<scheme>.webp: at 1280 the top 1,600 pixels of the page, at 320 the top two phone screens
(1,280 pixels), so a reviewer sees the portal as an official sees it on a laptop and a phone. The window is
that tall, rather than a full-page capture cut down: Material hides its tabs while the page scrolls, which a
full-page capture does. A page with the part to show further down (the contribution form) is scrolled there.
The browser speaks Dutch (dates in forms as 06-12-2026). WebP at quality 80 keeps all of them under
3 MB together, small enough to commit and show in the README. Not a test: it asserts nothing; the
accessibility gate (tests/test_accessibility.py) checks the same pages.
"""

from __future__ import annotations

import io
import os
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from browser import browser, serve  # noqa: E402
from sitebuilder import project  # noqa: E402

HEIGHT = {320: 1280, 1280: 1600}
"""How much of each page is kept, from the top (or from the part to show)."""
QUALITY = 80


@dataclass(frozen=True)
class Shot:
    name: str
    url: str
    ready: str | None = None
    """A selector to wait for: what scripts add (search results, the form)."""
    start: str | None = None
    """A selector to start the picture at, instead of the top of the page."""
    dark: bool = False
    """Also taken in the dark palette."""


SHOTS = [
    Shot("start", "", dark=True),
    Shot("thema", "themas/klimaat-energie/"),
    Shot("netwerk", "netwerken/p10/"),
    Shot("artikel", "artikelen/regie-warmtetransitie/", dark=True),
    Shot("praktijkvoorbeeld", "praktijkvoorbeelden/vroegsignalering-schulden-zwolle/"),
    Shot("academie", "academie/"),
    Shot("cursus", "academie/samenwerken-in-de-regio/"),
    Shot("module", "academie/samenwerken-in-de-regio/01-waarom-en-hoe-gemeenten-samenwerken/", dark=True),
    Shot("zoeken", "zoeken/?zoekterm=wmo", ready=".kb-search__result", dark=True),
    Shot("kenniskaart", "kenniskaart/", dark=True),
    Shot("trefwoorden", "trefwoorden/"),
    Shot("trefwoord", "trefwoorden/wmo/"),
    Shot("bijdragen", "bijdragen/", ready=".kb-bijdrage form", start=".kb-bijdrage"),
    Shot("niet-gevonden", "404.html"),
]

SETTLED = """() => document.getAnimations().every(
    a => a.playState !== "running" || a.effect.getComputedTiming().iterations === Infinity)"""
"""No transition or finite animation runs (Material fades its tabs in): the picture shows the settled page."""


def main(out: Path) -> None:
    os.environ["KENNISBANK_PDF"] = "false"
    out.mkdir(parents=True, exist_ok=True)
    total = 0
    with tempfile.TemporaryDirectory() as temporary:
        site = project(Path(temporary), starter=True).build()
        with serve(site.root) as base, browser() as chromium:
            for scheme in ("light", "dark"):
                for width in (320, 1280):
                    context = chromium.new_context(viewport={"width": width, "height": HEIGHT[width]},
                                                   color_scheme=scheme, locale="nl-NL")
                    page = context.new_page()
                    for shot in SHOTS:
                        if scheme == "dark" and not shot.dark:
                            continue
                        page.goto(base + shot.url)
                        if shot.ready:
                            page.locator(shot.ready).first.wait_for(timeout=60_000)
                        page.wait_for_load_state("load")
                        if shot.start:
                            # Just below the header, which Material keeps at the top of the screen.
                            page.locator(shot.start).first.evaluate(
                                "e => window.scrollTo(0, e.getBoundingClientRect().top + window.scrollY - 120)")
                        page.wait_for_function(SETTLED, timeout=10_000)
                        # A page shorter than the window ends at its footer, not in an empty band.
                        height = min(HEIGHT[width], page.evaluate("document.documentElement.scrollHeight"))
                        png = page.screenshot(clip={"x": 0, "y": 0, "width": width, "height": height})
                        target = out / f"{shot.name}-{width}-{scheme}.webp"
                        Image.open(io.BytesIO(png)).convert("RGB").save(target, "WEBP", quality=QUALITY,
                                                                         method=6)
                        total += target.stat().st_size
                    context.close()
    count = len(list(out.glob("*.webp")))
    print(f"{count} screenshots in {out}, {total / 1e6:.1f} MB")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "screenshots")
