"""Which files in ``docs/`` are published: an allowlist of types, folders the site itself owns, and names of
generated pages.

MkDocs publishes every file it finds in ``docs/`` as is. A contributed ``.html``, ``.js`` or SVG would run
script in the site's origin (also under the CSP, through ``<script src>`` to a contributed file), a
``_redirects`` or ``_headers`` file reconfigures hosts such as Netlify and Cloudflare Pages, and a file under
``assets/`` or ``search/`` replaces the theme's own. So only Markdown and the types below are published.

The site's own scripts and stylesheets (``docs/javascripts/``, ``docs/stylesheets/``) are maintainers' files:
they are exactly the files ``mkdocs.yml`` lists under ``extra_javascript`` and ``extra_css`` (plus, for
anything else the maintainers add, ``extra.kennisbank.theme_files``). Changing that list is a change to
``mkdocs.yml``, which maintainers review (CODEOWNERS); a new file beside them is refused like any other.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterable

from .problems import Problem, Severity

MARKDOWN_EXTENSIONS = (".md", ".markdown", ".mdown", ".mkdn", ".mkd")
"""Every extension MkDocs renders as a page (``mkdocs.utils.markdown_extensions``): all of them are content."""

PUBLISHED_TYPES = {
    **dict.fromkeys((".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif"), "afbeelding"),
    ".pdf": "PDF",
    **dict.fromkeys((".docx", ".xlsx", ".pptx", ".odt", ".ods", ".odp"), "Office-document"),
    **dict.fromkeys((".csv", ".json", ".geojson"), "gegevens"),
}
"""File types a contributor may add beside the Markdown. Not SVG (it can hold script), not the old binary
Office formats nor macro-enabled ones (.doc, .xlsm: they can carry macros), not XML (a browser runs script
in XHTML)."""

THEME_FOLDERS = ("assets", "javascripts", "stylesheets", "overrides", "search")
"""Folders whose files the theme and the site itself serve: a contributed file there could replace them."""
GENERATED_FOLDERS = ("themas", "netwerken", "zoeken", "nieuw", "kenniskaart", "trefwoorden")
"""URLs the build generates pages under (tested against the generators in tests/test_published_files.py)."""

_ALLOWED = ("afbeeldingen (PNG, JPG, GIF, WebP, AVIF), PDF, Office- en OpenDocument-bestanden (docx, xlsx, pptx, "
            "odt, ods, odp) en gegevens (csv, json, geojson)")
_REFUSED = {
    ".html": "HTML-bestanden worden niet gepubliceerd: ze kunnen script op de site zetten; schrijf de pagina "
             "in Markdown (.md)",
    ".js": "JavaScript van bijdragers wordt niet gepubliceerd: het zou in de browser van bezoekers draaien; de "
           "scripts van de site zelf staan in mkdocs.yml onder extra_javascript",
    ".css": "stylesheets van bijdragers worden niet gepubliceerd: de opmaak komt uit het thema; de stylesheets "
            "van de site zelf staan in mkdocs.yml onder extra_css",
    ".svg": "SVG-afbeeldingen worden niet gepubliceerd: ze kunnen script bevatten; lever de afbeelding aan als "
            "PNG of JPG",
}
_REFUSED.update(dict.fromkeys((".htm", ".xhtml", ".shtml"), _REFUSED[".html"]))
_REFUSED.update(dict.fromkeys((".mjs",), _REFUSED[".js"]))
_REFUSED.update(dict.fromkeys((".svgz",), _REFUSED[".svg"]))
_REFUSED.update(dict.fromkeys((".doc", ".xls", ".ppt", ".docm", ".xlsm", ".pptm"),
                              "dit Office-formaat kan macro's bevatten en wordt niet gepubliceerd; sla het op als "
                              ".docx, .xlsx of .pptx (zonder macro's), of als PDF"))


def is_markdown(src: str) -> bool:
    return src.lower().endswith(MARKDOWN_EXTENSIONS) or is_mdx(src)


def is_mdx(src: str) -> bool:
    """A Docusaurus page (``.mdx``) in a collection: read as content, its MDX converted (collection.dialects).
    The folder name is layout.COLLECTIONS_FOLDER, written out because layout imports this module."""
    return src.lower().endswith(".mdx") and src.startswith("collecties/")


def is_page(src: str) -> bool:
    """Whether a link target is a page (an item, a collection page) rather than an attachment: ``.md``, or a
    collection's ``.mdx``. Links to pages are checked with concepts, left-out pages and suggestions."""
    return src.endswith(".md") or is_mdx(src)


def page_folder(src: str) -> str:
    """First part of the URL MkDocs gives a file: 'nieuw.md' and 'nieuw/index.md' both give 'nieuw'."""
    first, _, rest = src.partition("/")
    if not rest and is_markdown(first):
        return posixpath.splitext(first)[0]
    return first


def file_problem(src: str, theme_files: Iterable[str] = ()) -> str | None:
    """Why ``src`` (a path below ``docs/``) may not be published, or None when it may."""
    if src in set(theme_files):
        return None
    parts = src.split("/")
    if any(part.startswith("_") for part in parts):
        return ("bestanden en mappen die met '_' beginnen zijn instellingen voor de webserver (zoals _redirects "
                "en _headers) en worden niet gepubliceerd; verwijder dit bestand of geef het een andere naam")
    if parts[0] in THEME_FOLDERS and len(parts) > 1:
        return (f"de map docs/{parts[0]}/ is van het thema van de site; zet bijlagen en afbeeldingen naast de "
                "pagina die ernaar verwijst")
    if src == "trefwoorden.md":  # the page of Material's tags plugin in hubs made before the build made it
        return ("de build maakt de trefwoordenpagina zelf, met een pagina per trefwoord; verwijder dit bestand "
                "(de regel 'Trefwoorden: trefwoorden.md' in de nav van mkdocs.yml mag blijven)")
    folder = page_folder(src)
    if folder in GENERATED_FOLDERS:
        return (f"de pagina's onder {folder}/ worden automatisch gemaakt; dit bestand zou er een vervangen of "
                "verbergen: geef het een andere naam of zet het in een andere map")
    if is_markdown(src):
        return None
    extension = posixpath.splitext(src)[1].lower()
    if extension in PUBLISHED_TYPES:
        return None
    if extension in _REFUSED:
        return _REFUSED[extension]
    kind = f"het type '{extension}'" if extension else "dit type (zonder extensie)"
    return f"bestanden van {kind} worden niet gepubliceerd; toegestaan zijn {_ALLOWED}"


def source_private(src: str) -> bool:
    """A collection's file or folder whose name starts with '_': Docusaurus never publishes those (sidebar
    settings such as ``_category_.json``, partials such as ``_stap.mdx`` that pages import), so neither does
    the hub, and they are no contributor's mistake. Not loaded as pages either (layout.content_files)."""
    parts = src.split("/")
    return parts[0] == "collecties" and any(part.startswith("_") for part in parts[2:])


SOURCE_SETTINGS = ("_category_.json", "_category_.yml", "_category_.yaml")
"""Docusaurus' sidebar settings per folder; the section tree takes their place, so they go without a word."""


def check_published(files: Iterable[str], rel_of: Callable[[str], str], theme_files: Iterable[str],
                    skip_folder: str = "") -> list[Problem]:
    """A problem for every file of ``docs/`` that may not be published (``skip_folder``: the taxonomy data)."""
    trusted = frozenset(theme_files)
    problems = []
    for src in sorted(files):
        if skip_folder and src.startswith(f"{skip_folder}/") or any(p.startswith(".") for p in src.split("/")):
            continue  # the taxonomy data, and dot files (MkDocs never publishes those)
        if source_private(src):
            if posixpath.basename(src) not in SOURCE_SETTINGS:
                problems.append(Problem(rel_of(src), 1, 1, "bestand", "wordt niet gepubliceerd: een naam die met "
                                        "'_' begint is op de bronsite (Docusaurus) geen pagina; als de tekst op "
                                        "de site hoort, haal dan de '_' weg", Severity.WARNING))
            continue
        message = file_problem(src, trusted)
        if message:
            problems.append(Problem(rel_of(src), 1, 1, "bestand", message))
    return problems
