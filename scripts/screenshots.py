"""Screenshots of every page type of the starter hub, at 320 and 1280 pixels, light and dark.

Usage: .venv/bin/python scripts/screenshots.py [OUT]   (default: test-artifacts/screenshots)

Builds the starter hub without PDFs into a temporary folder, serves it on a free port and saves
<page>-<width>-<scheme>.png (full page at 1280, the first screen at 320), so a reviewer can look at
the portal as an official sees it on a laptop and a phone.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from browser import browser, serve  # noqa: E402
from sitebuilder import project  # noqa: E402

PAGES = {
    "start": "", "themas": "themas/", "thema": "themas/klimaat-energie/", "netwerk": "netwerken/p10/",
    "artikel": "artikelen/regie-warmtetransitie/",
    "praktijkvoorbeeld": "praktijkvoorbeelden/vroegsignalering-schulden-zwolle/",
    "academie": "academie/", "cursus": "academie/samenwerken-in-de-regio/",
    "module": "academie/samenwerken-in-de-regio/01-waarom-en-hoe-gemeenten-samenwerken/",
    "kenniskaart": "kenniskaart/", "nieuw": "nieuw/", "zoeken": "zoeken/?zoekterm=wmo", "bijdragen": "bijdragen/",
}


def main(out: Path) -> None:
    os.environ["KENNISBANK_PDF"] = "false"
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as temporary:
        site = project(Path(temporary), starter=True).build()
        with serve(site.root) as base, browser() as chromium:
            for scheme in ("light", "dark"):
                for width in (320, 1280):
                    context = chromium.new_context(viewport={"width": width, "height": 800}, color_scheme=scheme)
                    page = context.new_page()
                    for name, url in PAGES.items():
                        page.goto(base + url)
                        page.wait_for_timeout(400)
                        page.screenshot(path=str(out / f"{name}-{width}-{scheme}.png"), full_page=width == 1280)
                    context.close()
    print(f"{len(PAGES) * 4} screenshots in {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "test-artifacts" / "screenshots")
