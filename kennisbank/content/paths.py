"""Paths in contributions: links and images stay inside docs/, images exist and have alt text.

Only files in ``docs/`` are published, so a link to ``../../README.md`` or to
``C:\\Users\\…\\foto.png`` works on the contributor's computer and nowhere else.
Existence is checked case-exactly, because the contributor's Mac or Windows
disk ignores case but the Linux build server does not. Nothing outside
``docs/`` is ever opened: targets are resolved as strings and only looked up
in a listing of ``docs/``.
"""

from __future__ import annotations

import os
import posixpath
import re
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .layout import CONTENT_FOLDERS, is_generated, slugify
from .markup import Markup, Reference, required, url_scheme
from .problems import Problem, Severity, suggest
from .published import is_page
from .urls import leaves_site

_LOCAL_DISK = re.compile(r"^(file:|[a-z]:[\\/]|\\\\|/(users|home|volumes|mnt|tmp|var|private|root)/)", re.I)
# Capitals, spaces, underscores and accents are harmless in a URL (MkDocs percent-encodes them) and common in
# exported trees (EAID_1A2B.png, 'Foto Café.JPG'); only what a web server or a URL cannot carry as a plain
# path is refused: control characters, '#', '?', '%', quotes, '<>|*:', '\\' and a leading dot or space.
_UNSAFE_NAME = re.compile(r"""[\x00-\x1f\x7f#?%"'<>\\|*:]|^[. ]|\s$""")
_WHY_ALT = "(WCAG 1.1.1: zo weten ook blinde bezoekers wat de afbeelding laat zien)"
FORM = Severity.FORM
ALT_MESSAGE = f"afbeelding zonder alt-tekst; beschrijf tussen de [ ] in een paar woorden wat er te zien is {_WHY_ALT}"
HTML_ALT_MESSAGE = f"afbeelding zonder alt-tekst; voeg alt=\"korte beschrijving\" toe {_WHY_ALT}"


class DocsTree:
    """A case-exact listing of every file below ``docs/``, read once per run."""

    def __init__(self, docs_dir: Path) -> None:
        self.files: set[str] = set()
        self.folders: set[str] = {""}
        self.links: set[str] = set()
        """Symbolic links: they could publish any file of the build machine, so they are refused."""
        for folder, folders, files in os.walk(docs_dir, followlinks=False):
            base = Path(folder).relative_to(docs_dir).as_posix()
            for name in folders + files:
                rel = name if base == "." else f"{base}/{name}"
                if os.path.islink(os.path.join(folder, name)):
                    self.links.add(rel)
                (self.folders if name in folders else self.files).add(rel)

    def exists(self, src: str) -> bool:
        return src in self.files or src in self.folders

    def near(self, src: str) -> str:
        """'; bedoelde je …?' for a missing file: first a case-only difference, then a similar name."""
        folder = posixpath.dirname(src)
        siblings = [f for f in self.files if posixpath.dirname(f) == folder and not f.endswith(".md")]
        for sibling in siblings:
            if sibling.lower() == src.lower():
                return f"; bedoelde je '{posixpath.basename(sibling)}'? Let op hoofdletters en kleine letters"
        return suggest(posixpath.basename(src), [posixpath.basename(s) for s in siblings])


def check_references(path: str, src: str, markup: Markup, tree: DocsTree,
                     claimed: Callable[[str], bool] | None = None) -> list[Problem]:
    """Local-disk paths, paths leaving docs/, missing images and missing alt text in one body.

    Targets ``claimed`` says another resolver reads (a Docusaurus page's ``/docs/gids``: collection.routes)
    are only checked for their alt text.
    """
    problems: list[Problem] = []
    refs = list(markup.references)
    for tag in markup.tags:
        if tag.name == "img":
            refs.append(Reference("image", required(tag.get("src") or "").strip(), tag.get("alt") or "", tag.line,
                                  tag.column))
            if not tag.has("alt"):
                # An explicit alt="" marks a decorative image (WCAG allows that); a missing alt does not.
                problems.append(Problem(path, tag.line, tag.column, "afbeelding", HTML_ALT_MESSAGE, FORM))
        elif tag.name == "a" and tag.get("href"):
            refs.append(Reference("link", required(tag.get("href") or ""), "", tag.line, tag.column))
    for ref in refs:
        field = "afbeelding" if ref.kind == "image" else "link"
        if claimed is not None and claimed(ref.url):
            message = remote = None
        else:
            message = _target_problem(src, ref, tree)
            remote = None if message else _remote_image_problem(ref)
        # Form, not danger: a broken path or a missing alt text degrades the page but harms no visitor.
        if message:
            problems.append(Problem(path, ref.line, ref.column, field, message, FORM))
        elif remote:  # an error: every visitor's browser would tell another website who reads the page
            problems.append(Problem(path, ref.line, ref.column, field, remote))
        if ref.kind == "image" and not ref.text and ref in markup.references:
            problems.append(Problem(path, ref.line, ref.column, field, ALT_MESSAGE, FORM))
    return problems


def _target_problem(src: str, ref: Reference, tree: DocsTree) -> str | None:
    url = ref.url
    if _LOCAL_DISK.match(url):
        return (f"'{url}' is een pad op je eigen computer; zet het bestand in de map docs/ "
                "en verwijs er vanuit deze pagina naar, bijvoorbeeld ../afbeeldingen/foto.png")
    if not url or url.startswith("#") or url_scheme(url) or leaves_site(url):
        # In-page, a scheme checked elsewhere, or another host: also '/\\host/x', which a browser reads as
        # '//host/x' (content/urls.py), not a site-absolute path (_remote_image_problem reports images).
        return None
    target_path = unquote(urlsplit(url).path)
    if not target_path:
        return None
    if url.startswith("/"):
        return _site_absolute_problem(url, target_path.lstrip("/"), ref, tree)
    target = posixpath.normpath(posixpath.join(posixpath.dirname(src), target_path))
    if target == ".." or target.startswith("../"):
        return (f"'{url}' wijst naar een bestand buiten de map docs/; alleen wat in docs/ staat wordt "
                "gepubliceerd, zet het bestand dus in docs/")
    if ref.kind == "image" and not tree.exists(target):
        return f"afbeelding '{url}' bestaat niet (gezocht: docs/{target})" + tree.near(target)
    if ref.kind == "link" and _missing_file(target, tree):
        noun = "pagina" if is_page(target) else "bestand"
        return f"{noun} '{url}' bestaat niet (gezocht: docs/{target})" + tree.near(target)
    return None


def _remote_image_problem(ref: Reference) -> str | None:
    url = ref.url
    if ref.kind == "image" and leaves_site(url) and url_scheme(url) not in ("javascript", "vbscript", "data"):
        return (f"afbeelding '{url[:80]}' staat op een andere website; dan vraagt de browser van elke bezoeker "
                "die website om de afbeelding (en vertelt die zo wie de pagina leest); zet de afbeelding in de "
                "repository, bijvoorbeeld naast deze pagina, en verwijs ernaar met een relatief pad")
    return None


def _missing_file(target: str, tree: DocsTree) -> bool:
    """A link to a file (an attachment, a page) that is neither in docs/ nor made by the build.

    Items in the content folders are checked by :func:`.links.check_links`
    (with concepts and suggestions); a target without an extension is a folder or a URL
    that MkDocs leaves as it is.
    """
    if not posixpath.splitext(target)[1] or tree.exists(target) or is_generated(target):
        return False
    return not (is_page(target) and target.split("/")[0] in CONTENT_FOLDERS)


def _site_absolute_problem(url: str, path: str, ref: Reference, tree: DocsTree) -> str | None:
    """'/pad/…' is resolved against docs/ (mkdocs.yml: validation.links.absolute_links: relative_to_docs).

    MkDocs then writes a relative link, which keeps working when the site lives in a
    sub-folder of its host; a link to a page's URL ('/artikelen/x/') it cannot resolve.
    """
    target = posixpath.normpath(path) if path else ""
    if target.startswith("../") or target == "..":
        return (f"'{url}' wijst naar een bestand buiten de map docs/; alleen wat in docs/ staat wordt "
                "gepubliceerd, zet het bestand dus in docs/")
    if target in tree.files or is_generated(target):
        return None
    stem = target.removesuffix(".html")
    for page in (f"{stem}.md", f"{stem}/index.md", f"{stem}/README.md"):
        if page in tree.files or is_generated(page):
            return (f"'{url}' is het adres van een pagina, niet het bestand; schrijf '/{page}' (het pad in docs/), "
                    "dan klopt de link ook als de site in een submap staat")
    what = "afbeelding" if ref.kind == "image" else "bestand"
    return f"{what} '{url}' bestaat niet (gezocht: docs/{target})" + tree.near(target)


def check_tree(tree: DocsTree, rel_of, skip: set[str]) -> list[Problem]:
    """File names: names that differ only in case, symbolic links, and names a web server cannot serve as they are.

    ``skip`` holds ``src`` paths whose names are checked elsewhere (content items);
    ``rel_of`` turns a ``src`` into a repository-relative path for messages.
    """
    problems: list[Problem] = []
    by_lower: dict[str, list[str]] = defaultdict(list)
    for name in sorted(tree.files | tree.folders):
        if name:
            by_lower[name.lower()].append(name)
    for names in by_lower.values():
        for other in names[1:]:
            problems.append(Problem(rel_of(other), 1, 1, "bestandsnaam",
                                    f"'{posixpath.basename(other)}' verschilt alleen in hoofdletters van "
                                    f"{rel_of(names[0])}; op Windows en macOS is dat hetzelfde bestand, "
                                    "geef een van beide een andere naam", FORM))
    for name in sorted(tree.links):
        problems.append(Problem(rel_of(name), 1, 1, "bestandsnaam",
                                f"'{posixpath.basename(name)}' is een symbolische koppeling; die zijn niet "
                                "toegestaan, zet het bestand zelf in de map docs/"))
    for name in sorted(tree.files):
        if name in skip or name.startswith(("_", ".")) or "/." in name:
            continue
        base = posixpath.basename(name)
        if _UNSAFE_NAME.search(base):
            stem, ext = posixpath.splitext(base)
            problems.append(Problem(rel_of(name), 1, 1, "bestandsnaam",
                                    f"'{base}' kan niet als adres op de site staan; gebruik letters, cijfers, "
                                    f"spaties en streepjes, bijvoorbeeld '{slugify(stem)}{ext.lower()}'", FORM))
    return problems
