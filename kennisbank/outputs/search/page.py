"""The generated search page "Zoeken in de kennisbank" and the files it loads.

The page is plain HTML inside generated Markdown; ``zoekpagina.js`` (loaded by
this page only, from its head) fills its container and loads the engine (lunr.js,
the Dutch language support) and the parts of the index the query needs.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from ...content.synonyms import SYNONYMS_FILE, load_synonyms
from ...content.taxonomy import DATA_DIR
from ...index.hub_index import HubIndex
from ...site.pages import GeneratedFile, GeneratedPage
from ...site.render import render
from .documents import search_docs
from .postings import analyse
from .shards import SHARD_DIR, ShardedIndex, themes_of

PAGE_SRC = "zoeken/index.md"
ASSETS = Path(__file__).parent / "assets"
ENGINE = ASSETS / "zoekmachine.js"
"""The search engine both doors share (the header box's worker and the search page): Kennisbank's code,
not a file of the site's theme, so it ships with the package and the build writes it into the site."""
WORKER = ASSETS / "zoekwerker.js"
WORKER_SRC = "zoeken/zoekwerker.js"
"""Where the build puts the header box's search worker (``overrides/main.html`` names it)."""

BUNDLE_SRC = "zoeken/zoekmachine.js"
"""lunr.js (2.3.9, the version lunr.py serialises for), Material's Dutch lunr-languages files
(``material.LUNR_LANGUAGES``) and the engine
in one script, made by the build: one request instead of four, which on a line with 40 ms latency is most of
the time to first results (a worker's ``importScripts`` fetches one file after the other)."""

PAGE_SCRIPT = ASSETS / "zoekpagina.js"
PAGE_SCRIPT_SRC = "zoeken/zoekpagina.js"
"""The search page's own script (form, filters, results), written by the build like the engine: it belongs
with the page this module generates and the engine it calls, not with the site's theme files."""
SCRIPTS = [PAGE_SCRIPT_SRC]
"""Loaded async from the search page's head (``overrides/main.html``), not at the end of the body with the
site's other scripts: there it would run only after Material's stylesheets and bundle, which on an office
line is most of the time to the first results."""
PRELOAD = [BUNDLE_SRC, f"{SHARD_DIR}/meta.js"]
"""What ``zoekpagina.js`` needs before first results whatever the query, preloaded from the page head, so they
are on their way before the script itself has arrived and asked for them. The term shards and document
chunks depend on the query and follow; the facet values of every item (``facetten``) come after the first
results, not before them, so they do not share the line with what the first screen needs."""


def engine_bundle(sources: list[Path]) -> str:
    """The scripts in ``sources`` as one, in order (each ends its own statements: a ``;`` between is safe)."""
    return ";\n".join(path.read_text(encoding="utf-8").rstrip() for path in sources) + ";\n"


def search_page(hub: HubIndex) -> list[GeneratedPage]:
    """The search page: an empty container that ``zoekpagina.js`` fills.

    The form is built by the script, not written here: every page's HTML goes
    through the content sanitizer, which rightly keeps no forms, selects or
    ``data-`` attributes, and without JavaScript the form would not work anyway.
    """
    markdown = render("search_page.md.j2", here=PAGE_SRC, count=len(hub.items), index=hub.settings.extra_outputs,
                      preload=PRELOAD, scripts=SCRIPTS)
    return [GeneratedPage(PAGE_SRC, markdown, "kennisbank/outputs/search/")]


def search_files(hub: HubIndex, urls: Mapping[str, str]) -> list[GeneratedFile]:
    """The index data scripts; ``urls`` maps each page's ``src`` to its site-relative URL.

    The sharded index (:mod:`.shards`) serves both the header box and the search page.
    The index is an extra output: building it takes about a second per thousand items,
    too much for every edit while serving (the page then says so).
    """
    if not hub.settings.extra_outputs:
        return []
    synonyms, _ = load_synonyms(hub.hub.docs_dir / DATA_DIR, hub.rel(f"{DATA_DIR}/{SYNONYMS_FILE}"))
    index = ShardedIndex(search_docs(hub, urls), synonyms, themes_of(hub, urls), analyse,
                         page=urls.get(PAGE_SRC, "zoeken/"), browse=urls.get("themas/index.md", "themas/"))
    return [GeneratedFile(path, script) for path, script in index.scripts().items()]
