"""A Docusaurus collection's links, resolved as its source site resolves them (check and build alike).

Docusaurus pages link in forms MkDocs does not know (docusaurus.io, "Markdown links" and "Assets"):

- a **URL path** without extension (``./instellen``, ``../``, ``gids/``), which the browser resolves; page
  URLs follow the files with their number prefixes dropped (``01-gids/02-instellen.md`` → ``gids/instellen``)
  and a page's ``id`` or ``slug`` frontmatter;
- a **site-absolute route** below ``routeBasePath`` (``/docs/gids/instellen``; the data file's ``basispad``);
- an **absolute file path**, from the docs folder (``/gids/instellen.md``) or the site (``/docs/…md``,
  ``@site/docs/…md``);
- ``pathname:///docs/…``, Docusaurus' way of writing a URL it must leave alone;
- ``src={require('./img/a.png').default}`` in JSX.

:meth:`SourceSite.resolve` says which file such a link leads to, or why it leads nowhere. The load phase
writes each resolved link as a link to that file (:func:`rewrite`), which MkDocs then resolves like any
other (raw HTML gets a docs-absolute path, resolved by the engine adapter before the sanitizer); ``kennisbank
check`` reports every unresolved one at its line with 'bedoelde je …?'.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, unquote, urlsplit

from ..markup import PATHNAME, final_url, url_scheme, url_spans
from ..problems import suggest
from ..text import link
from ..urls import leaves_site
from .spec import SECTION_PAGE_NAMES

SITE_ALIAS = "@site/"
DOCS_FOLDER = "docs"
"""The folder of the Docusaurus site that the collection is (its docs plugin's default ``path``)."""
# Docusaurus' DefaultNumberPrefixParser: '01-intro' and '003 - intro' lose their prefix, dates and versions
# ('2021-01-31 - x', '7.0-x') do not.
_DATE_OR_VERSION = re.compile(r"^(?:\d{2}|\d{4})[-_.]\d{2}(?:[-_.](?:\d{2}|\d{4}))?|^\d+[-_.]\d+")
_NUMBER_PREFIX = re.compile(r"^\d+\s*[-_.]+\s*(?P<rest>[^-_.\s].*)$")
_PAGE_EXTENSIONS = (".md", ".mdx")
# Where a site-absolute path may start: a Markdown link or definition, or an attribute ('/\\host' and '//host'
# are other sites).
_SITE_ABSOLUTE_HINT = re.compile(r"""(?:\]\(\s*<?|\]:[ \t]*<?|=\s*["']?)/(?![/\\])""")


@dataclass(frozen=True)
class Resolution:
    """Where a Docusaurus link leads: a file below ``docs/``, or nowhere and why."""

    target: str | None
    anchor: str = ""
    """``#kop`` (with its '#'), or empty."""
    message: str | None = None
    """Dutch, for ``kennisbank check``, when :attr:`target` is None."""


def strip_number_prefix(name: str) -> str:
    """``02-instellen`` → ``instellen``, as Docusaurus names the page's URL."""
    if _DATE_OR_VERSION.match(name):
        return name
    match = _NUMBER_PREFIX.match(name)
    return match.group("rest") if match else name


def is_docusaurus_form(url: str) -> bool:
    """Whether ``url`` is a form only a Docusaurus site resolves (site-absolute, ``@site/``, ``pathname:``,
    ``require()``): :class:`SourceSite` checks those, not the hub's own path checks."""
    url = final_url(url.strip())
    return url.startswith(("/", SITE_ALIAS)) and not leaves_site(url)


class SourceSite:
    """The pages of one Docusaurus collection by the URL each has on its source site."""

    def __init__(self, folder: str, base: str, files: AbstractSet[str], meta: Mapping[str, Mapping[str, Any]],
                 pages: Iterable[str] | None = None):
        self.folder = folder
        """The collection's folder below ``docs/`` (``collecties/<slug>``)."""
        self.base = "/" + base.strip("/") if base.strip("/") else ""
        self.files = files
        """Every file below ``docs/`` (shared, not copied: a hub may have many collections)."""
        self.pages = sorted(pages if pages is not None else (
            f for f in files if f.startswith(f"{folder}/") and f.endswith(_PAGE_EXTENSIONS)))
        self.routes: dict[str, str] = {}
        """Route below the base (``gids/instellen``, '' for the start page) → page file."""
        for src in self.pages:
            # Section pages last: a folder's route is its section page's, as on the source site.
            self.routes.setdefault(self._route(src, meta.get(src) or {}), src)

    def _route(self, src: str, meta: Mapping[str, Any]) -> str:
        *folders, name = src[len(self.folder) + 1:].split("/")
        folders = [strip_number_prefix(f) for f in folders]
        slug = meta.get("slug")
        if isinstance(slug, str) and slug.strip():
            return posixpath.normpath(slug.strip("/") if slug.startswith("/") else "/".join([*folders, slug])) \
                .strip("/").removeprefix(".")
        stem = posixpath.splitext(name)[0]
        if stem.lower() in ("index", "readme", folders[-1].lower() if folders else "index"):
            return "/".join(folders)
        own = meta.get("id")
        return "/".join([*folders, str(own) if isinstance(own, (str, int)) and str(own).strip()
                         else strip_number_prefix(stem)])

    def resolve(self, src: str, url: str, kind: str = "link", html: bool = False,
                docusaurus: bool = True) -> Resolution | None:
        """Where ``url`` on page ``src`` leads, or None for a link that is not the source site's to resolve
        (another site, an anchor, a file path MkDocs resolves itself). A page of an MkDocs source
        (``docusaurus`` false) only has its site-absolute paths read differently: see :meth:`_mkdocs_absolute`."""
        if not docusaurus:
            url = url.strip()
            if not url.startswith("/") or leaves_site(url):
                return None
            return self._mkdocs_absolute(url, kind)
        written, url = url.strip(), final_url(url.strip())
        if written.lower().startswith(PATHNAME):
            if not url.startswith("/") or leaves_site(url):
                return Resolution(None, message=self._outside(written, kind))
            return self._absolute(url, written, kind)
        if not url or url.startswith("#") or url_scheme(url) or leaves_site(url):
            return None
        parts = urlsplit(url)
        path, anchor = unquote(parts.path), f"#{parts.fragment}" if parts.fragment else ""
        if url.startswith(SITE_ALIAS):
            rest = path[len(SITE_ALIAS):]
            if not rest.startswith(f"{DOCS_FOLDER}/"):
                return Resolution(None, message=self._outside(url, kind))
            return self._file(f"{self.folder}/{rest[len(DOCS_FOLDER) + 1:]}", url, anchor)
        if url.startswith("/"):
            return self._absolute(url, url, kind)
        return self._relative(src, url, path, anchor, html)

    def _relative(self, src: str, url: str, path: str, anchor: str, html: bool) -> Resolution | None:
        here = posixpath.dirname(src)
        target = posixpath.normpath(posixpath.join(here, path))
        if target == ".." or target.startswith("../") or not path:
            return None
        if posixpath.splitext(path.rstrip("/"))[1]:
            if target in self.files:
                # Raw HTML is not resolved by MkDocs: it gets the file's docs-absolute path (see rewrite).
                return Resolution(target, anchor) if html else None
            root = posixpath.normpath(f"{self.folder}/{path}")
            if path.endswith(_PAGE_EXTENSIONS) and root in self.files:
                return Resolution(root, anchor)  # Docusaurus tries the docs folder after the page's own
            return None
        folder = path.endswith("/") or path in (".", "..")
        candidates = page_candidates(target, folder)
        found = next((c for c in candidates if c in self.files), None)
        if found is None:
            route_folder = "/".join(strip_number_prefix(f) for f in here[len(self.folder):].split("/") if f)
            route = posixpath.normpath(posixpath.join(route_folder, path)).removeprefix(".")
            if not route.startswith(".."):
                found = self.routes.get(route.strip("/"))
        if found is not None:
            return Resolution(found, anchor)
        pages = [posixpath.splitext(link(src, other))[0] for other in self.pages]
        return Resolution(None, message=(
            f"'{url}' verwijst naar een pagina die niet bestaat (gezocht: docs/{candidates[0]} en "
            f"docs/{candidates[1]})" + suggest(url.split("#")[0].rstrip("/"), pages)))

    def _absolute(self, url: str, written: str, kind: str) -> Resolution | None:
        parts = urlsplit(url)
        path, anchor = unquote(parts.path), f"#{parts.fragment}" if parts.fragment else ""
        if path.endswith(_PAGE_EXTENSIONS):
            # An absolute file path: from the docs folder, or from the site ('/docs/…').
            inside = path.removeprefix(f"/{DOCS_FOLDER}/") if path.startswith(f"/{DOCS_FOLDER}/") else path
            return self._file(posixpath.normpath(f"{self.folder}/{inside.lstrip('/')}"), written, anchor)
        if self.base and path != self.base and not path.startswith(f"{self.base}/"):
            if path.lstrip("/") in self.files:
                return None  # a file of the hub itself: mkdocs.yml's absolute_links reads it from docs/
            return Resolution(None, message=self._outside(written, kind))
        route = posixpath.normpath(path[len(self.base):].strip("/") or ".").removeprefix(".").strip("/")
        found = self.routes.get(route)
        if found is not None:
            return Resolution(found, anchor)
        routes = [f"{self.base}/{r}".rstrip("/") or "/" for r in self.routes]
        return Resolution(None, message=(
            f"'{written}' verwijst naar een pagina die op de bronsite niet bestaat (gezocht: de pagina met adres "
            f"{self.base}/{route} in docs/{self.folder}/)" + suggest(path.rstrip("/"), routes)))

    def _mkdocs_absolute(self, url: str, kind: str) -> Resolution | None:
        """``/gids/start.md``, ``/gids/start/`` or ``/img/a.png`` on an MkDocs source site: from its ``docs/``,
        which is the collection's folder here (the hub's ``absolute_links: relative_to_docs`` would read it
        from the hub's ``docs/``). A path that only the hub has is left to the hub."""
        parts = urlsplit(url)
        path, anchor = unquote(parts.path), f"#{parts.fragment}" if parts.fragment else ""
        inside = posixpath.normpath(path.lstrip("/") or ".")
        if inside.startswith(".."):
            return None
        target = posixpath.normpath(f"{self.folder}/{inside}")
        is_file = bool(posixpath.splitext(path.rstrip("/"))[1])
        candidates = [target] if is_file else [c for c in page_candidates(target) if c.endswith(".md")]
        found = next((c for c in candidates if c in self.files), None)
        if found is not None:
            return Resolution(found, anchor)
        own = [inside] if is_file else [c for c in page_candidates(inside) if c.endswith(".md")]
        if any(c in self.files for c in own):
            return None  # a file of the hub itself
        what = "de afbeelding" if kind == "image" else "het bestand" if is_file else "de pagina"
        near = [] if is_file else [_mkdocs_url(p[len(self.folder) + 1:]) for p in self.pages]
        return Resolution(None, message=(
            f"'{url}' wijst naar {what} {'' if is_file else 'met adres '}{path} van de bronsite, maar die bestaat "
            f"niet in de collectie (gezocht: docs/{candidates[0]})"
            + (suggest(path, near) if near else "")))

    def _file(self, target: str, written: str, anchor: str) -> Resolution:
        if target in self.files:
            return Resolution(target, anchor)
        near = [f"{SITE_ALIAS}{DOCS_FOLDER}/{p[len(self.folder) + 1:]}" if written.startswith(SITE_ALIAS)
                else "/" + p[len(self.folder) + 1:] for p in self.pages]
        return Resolution(None, message=f"'{written}' verwijst naar een pagina die niet bestaat (gezocht: "
                                        f"docs/{target})" + suggest(written.split("#")[0], near))

    def _outside(self, url: str, kind: str) -> str:
        where = (f"'{url[:80]}' wijst naar iets buiten de documentatie van de bronsite (zoals de map static/ van "
                 "Docusaurus), en dat hoort niet bij de collectie; ")
        if kind == "image":
            return where + (f"zet de afbeelding in docs/{self.folder}/ en verwijs er relatief naar, bijvoorbeeld "
                            "./afbeeldingen/schema.png")
        return where + (f"zet het bestand in docs/{self.folder}/ en verwijs er relatief naar, of link naar het "
                        "volledige adres op de bronsite (https://…)")


def _mkdocs_url(rel: str) -> str:
    """The site-absolute URL MkDocs gives the page ``rel`` of its docs folder: ``gids/start.md`` → ``/gids/start/``."""
    folder, name = posixpath.split(rel)
    if name in SECTION_PAGE_NAMES:
        return f"/{folder}/" if folder else "/"
    return f"/{posixpath.splitext(rel)[0]}/"


def page_candidates(target: str, folder: bool = False) -> list[str]:
    """The files that are the page at ``target`` (a path without extension): ``target.mdx``, ``target.md``,
    then the section pages of the folder ``target`` (only those when the link names a folder)."""
    names = [f"{target}/{name}" for name in SECTION_PAGE_NAMES]
    return names if folder else [f"{target}.mdx", f"{target}.md", *names]


def may_need_source_site(body: str, docusaurus: bool) -> bool:
    """Whether ``body`` may hold an image or link only its source site resolves; False is certain (a cheap
    search saves scanning most pages again)."""
    if _SITE_ABSOLUTE_HINT.search(body):
        return True
    return docusaurus and any(form in body for form in (SITE_ALIAS, PATHNAME, "require("))


def rewrite(body: str, src: str, site: SourceSite, docusaurus: bool = True) -> str:
    """``body`` with every link and image the source site resolves written as a link to its file: relative
    in Markdown (MkDocs resolves it), docs-absolute in raw HTML (the engine adapter resolves it before the
    sanitizer runs); links that lead nowhere stay as written (``kennisbank check`` reports them)."""
    if not docusaurus and not _SITE_ABSOLUTE_HINT.search(body):
        return body  # an MkDocs page without a site-absolute path: nothing for the source site to read
    parts: list[str] = []
    end = 0
    for span in url_spans(body):
        found = site.resolve(src, span.url, span.kind, span.html, docusaurus)
        if found is None or found.target is None:
            continue
        if span.html:
            new = "/" + quote(found.target) + found.anchor
        else:
            new = quote(posixpath.relpath(found.target, posixpath.dirname(src))) + found.anchor
        parts += [body[end:span.start], new]
        end = span.end
    return "".join(parts) + body[end:] if parts else body
