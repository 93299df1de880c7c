"""The cache key of a PDF: a hash of exactly what determines its bytes.

A PDF is ``render(compose(document, pages, site_url, date))`` with print.css,
the fonts and the libraries of this machine. Hashing the *inputs* of
:func:`~kennisbank.outputs.pdf.compose.compose` (each page's ``<article>`` HTML, the
images it shows, the document's plan) together with the source of the
composing and rendering code identifies the composed print HTML as well as
hashing that HTML would, and lets a build that changed nothing skip composing
(parsing every page with BeautifulSoup) as well as rendering.

What composition drops because it only makes sense on screen, the theme
navigation ("Meer in dit thema", with its counts and neighbours), a module's
pager and the generated link lists (related items, backlinks), is left out of
the hash:
adding one article changes those on every page of its themes, and hashing them
re-rendered 50 of 123 PDFs at 100 items although not one printed word changed.
:func:`printed_part` cuts no more than :mod:`.compose` drops, so an entry can
never stand for a PDF that prints something else.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import posixpath
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

from .compose import WEB_SECTIONS, Page, article_html
from .plan import PdfDocument

KIND = "pdf"
"""The store's folder for PDFs."""
_SCHEME = "2"
"""Raise when the key's recipe changes, so old entries are not mistaken for new ones."""
_PACKAGE = Path(__file__).parent
_RENDERING_CODE = ("compose.py", "engine.py", "parts.py", "patches.py", "print.css", "weasy.py")
_LIBRARIES = ("weasyprint", "pydyf", "tinycss2", "cssselect2", "tinyhtml5", "fonttools", "pyphen", "pillow",
              "beautifulsoup4", "pygments", "brotli", "zopfli")
"""What WeasyPrint renders, lays out, hyphenates, subsets and compresses with, and what composes its input."""
_TAG = re.compile(r'<(/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^\s"\'>/=]+(?:="[^"]*")?)*)\s*/?>')
"""One tag as the sanitizer serialises it: attribute values always in double quotes."""
_TAG_OR_LT = re.compile(f"{_TAG.pattern}|<")
"""The next tag, or a ``<`` that starts none (then group 2 is empty): one search per tag, in C."""
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
                   "wbr"})
_SCREEN_NAV = re.compile(r'<nav\b[^>]*\sclass="kb-(?:theme-nav|pager)"[^>]*>')
_WEB_HEADING = re.compile(r'<h([1-6])\b[^>]*\sid="(?:' + "|".join(sorted(WEB_SECTIONS)) + r')"[^>]*>')
_CLASS = re.compile(r'\sclass="([^"]*)"')
_IMAGE = re.compile(r'<(?:img|image)\b[^>]*?\s(?:src|href|xlink:href)="([^"]+)"', re.IGNORECASE)


@lru_cache(maxsize=1)
def renderer_fingerprint() -> str:
    """Everything that determines a PDF besides its document: code, print.css, libraries, fonts."""
    digest = hashlib.sha256(f"scheme {_SCHEME} python {sys.version_info[:2]}\n".encode())
    for name in _RENDERING_CODE:
        digest.update(name.encode() + b"\0" + (_PACKAGE / name).read_bytes())
    for name in _LIBRARIES:
        try:
            version = metadata.version(name)
        except metadata.PackageNotFoundError:
            version = "-"
        digest.update(f"{name}=={version}\n".encode())
    digest.update(_fonts())
    return digest.hexdigest()


def _fonts() -> bytes:
    """The installed fonts as Fontconfig lists them, with size and time: a new or updated font changes PDFs."""
    if shutil.which("fc-list") is None:
        return b"no fc-list"
    try:
        listed = subprocess.run(["fc-list", "--format", "%{file}\n"], capture_output=True, check=True,
                                timeout=60).stdout.decode(errors="replace")
    except (OSError, subprocess.SubprocessError):
        return b"fc-list failed"
    lines = []
    for name in sorted(set(listed.splitlines())):
        try:
            info = Path(name).stat()
            lines.append(f"{name} {info.st_size} {info.st_mtime_ns}")
        except OSError:
            lines.append(f"{name} -")
    return "\n".join(lines).encode()


def printed_part(article: str) -> str:
    """``article`` without the theme navigation, module pager and web sections that composition drops.

    The built HTML is the sanitizer's canonical serialisation (every element
    closed, attribute values double-quoted, ``<`` in text escaped, no
    comments), so reading its tags one after the other finds the same elements
    and siblings as BeautifulSoup does in :mod:`.compose`, at a fraction of the
    cost. Where the two could disagree, less is cut, never more: a class list
    with more than ``kb-theme-nav``, a heading nested deeper; and HTML this
    reading does not expect is hashed whole.
    """
    try:
        for pattern, end_of in ((_SCREEN_NAV, _element_end), (_WEB_HEADING, _section_end)):
            parts, position = [], 0
            for match in pattern.finditer(article):
                if match.start() < position:
                    continue  # inside what the previous match cut
                parts.append(article[position:match.start()])
                position = end_of(article, match)
            article = "".join(parts) + article[position:]
    except _Unexpected:
        pass  # the article so far, whole where it could not be read
    return article


class _Unexpected(ValueError):
    """A ``<`` that starts no tag this reading knows: cut nothing more."""


def _tags(html: str, position: int) -> Iterator[tuple[re.Match[str], int]]:
    """Each tag from ``position`` on, with the change it makes to the depth (+1 open, -1 close, 0 void)."""
    for tag in _TAG_OR_LT.finditer(html, position):
        name = tag.group(2)
        if name is None:
            raise _Unexpected(html[tag.start():tag.start() + 40])
        yield tag, 0 if name.lower() in _VOID else -1 if tag.group(1) else 1


def _element_end(html: str, start: re.Match[str]) -> int:
    """Where the element opened by ``start`` ends: after its closing tag (the text's end when unclosed)."""
    depth = 0
    for tag, step in _tags(html, start.end()):
        depth += step
        if depth < 0:
            return tag.end()
    return len(html)


def _section_end(html: str, heading: re.Match[str]) -> int:
    """Where a web section that starts with ``heading`` ends: its heading and following siblings, up to the
    next sibling heading as high or the footnotes (as ``compose._drop_web_sections``), or its parent's end."""
    level = int(heading.group(1))
    depth = 0
    for tag, step in _tags(html, _element_end(html, heading)):
        if depth == 0 and (step < 0 or (step > 0 and _ends_section(tag, level))):
            return tag.start()
        depth += step
    return len(html)


def _ends_section(tag: re.Match[str], level: int) -> bool:
    name = tag.group(2).lower()
    if re.fullmatch(r"h[1-6]", name) and int(name[1]) <= level:
        return True
    classes = _CLASS.search(tag.group(3))
    return classes is not None and "footnote" in classes.group(1).split()


class PageDigests:
    """The hash of each built page's content and images, computed once per build for all its PDFs."""

    def __init__(self, site_dir: Path) -> None:
        self.site_dir = site_dir
        self._pages: dict[str, str] = {}
        self._files: dict[str, bytes] = {}

    def page(self, page: Page) -> str:
        if page.dest not in self._pages:
            article = printed_part(article_html(self.site_dir, page.dest))
            digest = hashlib.sha256(article.encode())
            base = posixpath.dirname(page.dest)
            for src in _IMAGE.findall(article):
                digest.update(b"\0image " + src.encode() + b" " + self._file(src, base))
            self._pages[page.dest] = digest.hexdigest()
        return self._pages[page.dest]

    def site_file(self, path: str) -> bytes:
        """SHA-256 of a file below the site root ('-' when it is absent)."""
        return self._file(quote(path), "")

    def _file(self, src: str, base: str) -> bytes:
        """SHA-256 of a site file an image refers to ('-' when it is absent or not local)."""
        parts = urlsplit(src)
        if parts.scheme or parts.netloc or not parts.path:
            return b"-"  # remote or data: images are not fetched, or carry their bytes in the article itself
        path = posixpath.normpath(posixpath.join(base, unquote(parts.path)))
        if path not in self._files:
            try:
                self._files[path] = hashlib.sha256((self.site_dir / path).read_bytes()).hexdigest().encode()
            except OSError:
                self._files[path] = b"-"
        return self._files[path]


def document_key(document: PdfDocument, pages: dict[str, Page], digests: PageDigests, site_url: str,
                 date: dt.date, part_items: int = 0) -> str | None:
    """The key of one PDF; None when a page cannot be read (the renderer then reports why).

    ``part_items``: the size of the parts it is rendered in (0: in one piece), since
    a PDF joined from parts differs in bytes (fonts per part) from one made in one piece.
    """
    digest = hashlib.sha256(renderer_fingerprint().encode())
    digest.update(repr(document).encode())  # a frozen dataclass of str, int, date and tuples: every field, in order
    digest.update(f"\0{site_url}\0{date.isoformat()}".encode())
    if document.brand.logo:  # the cover shows it: a new logo under the same name is a new PDF
        digest.update(b"\0logo " + digests.site_file(document.brand.logo))
    if part_items:  # only then, so that the keys of PDFs made in one piece stay those of earlier builds
        digest.update(f"\0parts of {part_items}".encode())
    try:
        for src in document.pages:
            page = pages[src]
            digest.update(f"\0{src}\0{page.dest}\0{digests.page(page)}".encode())
    except (KeyError, OSError, ValueError):
        return None
    return digest.hexdigest()
