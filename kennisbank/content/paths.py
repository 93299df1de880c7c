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
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .layout import slugify
from .markup import Markup, Reference, url_scheme
from .problems import Problem, suggest
from .urls import leaves_site

_LOCAL_DISK = re.compile(r"^(file:|[a-z]:[\\/]|\\\\|/(users|home|volumes|mnt|tmp|var|private|root)/)", re.I)
_ASSET_NAME = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
_WHY_ALT = "(WCAG 1.1.1: zo weten ook blinde bezoekers wat de afbeelding laat zien)"
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


def check_references(path: str, src: str, markup: Markup, tree: DocsTree) -> list[Problem]:
    """Local-disk paths, paths leaving docs/, missing images and missing alt text in one body."""
    problems: list[Problem] = []
    refs = list(markup.references)
    for tag in markup.tags:
        if tag.name == "img":
            refs.append(Reference("image", (tag.get("src") or "").strip(), tag.get("alt") or "", tag.line,
                                  tag.column))
            if not tag.has("alt"):
                # An explicit alt="" marks a decorative image (WCAG allows that); a missing alt does not.
                problems.append(Problem(path, tag.line, tag.column, "afbeelding", HTML_ALT_MESSAGE))
        elif tag.name == "a" and tag.get("href"):
            refs.append(Reference("link", tag.get("href") or "", "", tag.line, tag.column))
    for ref in refs:
        field = "afbeelding" if ref.kind == "image" else "link"
        message = _target_problem(src, ref, tree)
        if message:
            problems.append(Problem(path, ref.line, ref.column, field, message))
        if ref.kind == "image" and not ref.text and ref in markup.references:
            problems.append(Problem(path, ref.line, ref.column, field, ALT_MESSAGE))
    return problems


def _target_problem(src: str, ref: Reference, tree: DocsTree) -> str | None:
    url = ref.url
    if _LOCAL_DISK.match(url):
        return (f"'{url}' is een pad op je eigen computer; zet het bestand in de map docs/ "
                "en verwijs er vanuit deze pagina naar, bijvoorbeeld ../afbeeldingen/foto.png")
    if ref.kind == "image" and leaves_site(url) and url_scheme(url) not in ("javascript", "vbscript", "data"):
        return (f"afbeelding '{url[:80]}' staat op een andere website; dan vraagt de browser van elke bezoeker "
                "die website om de afbeelding (en vertelt die zo wie de pagina leest); zet de afbeelding in de "
                "repository, bijvoorbeeld naast deze pagina, en verwijs ernaar met een relatief pad")
    if not url or url.startswith(("#", "/")) or url_scheme(url) or url.startswith("//"):
        return None  # external, in-page, site-absolute (MkDocs checks those) or a scheme checked elsewhere
    target_path = unquote(urlsplit(url).path)
    if not target_path:
        return None
    target = posixpath.normpath(posixpath.join(posixpath.dirname(src), target_path))
    if target == ".." or target.startswith("../"):
        return (f"'{url}' wijst naar een bestand buiten de map docs/; alleen wat in docs/ staat wordt "
                "gepubliceerd, zet het bestand dus in docs/")
    if ref.kind == "image" and not tree.exists(target):
        return f"afbeelding '{url}' bestaat niet (gezocht: docs/{target})" + tree.near(target)
    return None


def check_tree(tree: DocsTree, rel_of, skip: set[str]) -> list[Problem]:
    """File names: names that differ only in case, and asset names with spaces, accents or capitals.

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
                                    "geef een van beide een andere naam"))
    for name in sorted(tree.links):
        problems.append(Problem(rel_of(name), 1, 1, "bestandsnaam",
                                f"'{posixpath.basename(name)}' is een symbolische koppeling; die zijn niet "
                                "toegestaan, zet het bestand zelf in de map docs/"))
    for name in sorted(tree.files):
        if name in skip or name.startswith(("_", ".")) or "/." in name:
            continue
        base = posixpath.basename(name)
        if not _ASSET_NAME.match(base):
            stem, ext = posixpath.splitext(base)
            problems.append(Problem(rel_of(name), 1, 1, "bestandsnaam",
                                    f"'{base}' is geen geldige bestandsnaam; gebruik kleine letters, cijfers en "
                                    f"streepjes, bijvoorbeeld '{slugify(stem)}{ext.lower()}'"))
    return problems
