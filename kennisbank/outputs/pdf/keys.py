"""The cache key of a PDF: a hash of exactly what determines its bytes.

A PDF is ``render(compose(document, pages, site_url, date))`` with print.css,
the fonts and the libraries of this machine. Hashing the *inputs* of
:func:`~kennisbank.outputs.pdf.compose.compose` (each page's ``<article>`` HTML, the
images it shows, the document's plan) together with the source of the
composing and rendering code identifies the composed print HTML as well as
hashing that HTML would, and lets a build that changed nothing skip composing
(parsing every page with BeautifulSoup) as well as rendering.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import posixpath
import re
import shutil
import subprocess
import sys
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .compose import Page, article_html
from .plan import PdfDocument

KIND = "pdf"
"""The store's folder for PDFs."""
_SCHEME = "1"
"""Raise when the key's recipe changes, so old entries are not mistaken for new ones."""
_PACKAGE = Path(__file__).parent
_RENDERING_CODE = ("compose.py", "engine.py", "parts.py", "patches.py", "print.css", "weasy.py")
_LIBRARIES = ("weasyprint", "pydyf", "tinycss2", "cssselect2", "tinyhtml5", "fonttools", "pyphen", "pillow",
              "beautifulsoup4", "pygments", "brotli", "zopfli")
"""What WeasyPrint renders, lays out, hyphenates, subsets and compresses with, and what composes its input."""
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


class PageDigests:
    """The hash of each built page's content and images, computed once per build for all its PDFs."""

    def __init__(self, site_dir: Path) -> None:
        self.site_dir = site_dir
        self._pages: dict[str, str] = {}
        self._files: dict[str, bytes] = {}

    def page(self, page: Page) -> str:
        if page.dest not in self._pages:
            article = article_html(self.site_dir, page.dest)
            digest = hashlib.sha256(article.encode())
            base = posixpath.dirname(page.dest)
            for src in _IMAGE.findall(article):
                digest.update(b"\0image " + src.encode() + b" " + self._file(src, base))
            self._pages[page.dest] = digest.hexdigest()
        return self._pages[page.dest]

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
    if part_items:  # only then, so that the keys of PDFs made in one piece stay those of earlier builds
        digest.update(f"\0parts of {part_items}".encode())
    try:
        for src in document.pages:
            page = pages[src]
            digest.update(f"\0{src}\0{page.dest}\0{digests.page(page)}".encode())
    except (KeyError, OSError, ValueError):
        return None
    return digest.hexdigest()
