"""Where content lives in ``docs/``: content folders, generated indexes, file names and slugs.

Kept apart from :mod:`.hub` because the path and link checks need these rules
too, and the hub imports those checks.
"""

from __future__ import annotations

import posixpath
import re
import unicodedata
from pathlib import Path

from .model import ItemType
from .published import is_markdown, source_private
from .taxonomy import DATA_DIR

COLLECTIONS_FOLDER = "collecties"
"""Folder below ``docs/`` holding one folder per collection (:mod:`.collection`)."""
CONTENT_FOLDERS = {t.folder for t in ItemType} | {COLLECTIONS_FOLDER}
"""Every Markdown file below these folders must be a valid item (in a collection: a mappable page)."""
GENERATED_INDEXES = {f"{t.folder}/index.md" for t in ItemType if t.has_index()}
"""Index pages the build makes; a contributor's file there is an error."""
GENERATED_PAGES = frozenset({"academie/index.md", "nieuw.md", "kenniskaart.md", "zoeken/index.md",
                             "trefwoorden.md", *GENERATED_INDEXES})
"""Single pages the later phases generate; a link to one works although no file exists (checked by a test)."""
GENERATED_FOLDERS = ("themas", "netwerken", "trefwoorden")
"""Folders whose every page is generated (themes, networks, their pairs, tags)."""
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def slugify(text: str) -> str:
    """'Één sterke Bestuurslaag!' -> 'een-sterke-bestuurslaag'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "item"


def slug_of(src: str) -> str | None:
    """The slug a file at ``src`` would have as an item (a course's is its folder), or None."""
    parts = src.split("/")
    if parts[0] == COLLECTIONS_FOLDER:
        return posixpath.splitext(src)[0]  # unique by its path: collections repeat names such as index.md
    if parts[0] == ItemType.CURSUS.folder:
        return parts[1] if len(parts) == 3 and parts[2] == "index.md" else None
    return posixpath.splitext(parts[-1])[0]


def course_of(src: str) -> str | None:
    """The course slug of a file in a course folder (``academie/<cursus>/…``), else None."""
    parts = src.split("/")
    if parts[0] == ItemType.CURSUS.folder and len(parts) == 3:
        return parts[1]
    return None


def content_files(docs_dir: Path) -> list[str]:
    """All Markdown files below ``docs_dir`` (every extension MkDocs renders) as sorted ``src`` paths, data
    folder excluded."""
    found = []
    for path in docs_dir.rglob("*"):
        src = path.relative_to(docs_dir).as_posix()
        if src.startswith(f"{DATA_DIR}/") or any(part.startswith(".") for part in src.split("/")):
            continue
        if path.is_file() and is_markdown(src) and not source_private(src):
            found.append(src)
    return sorted(found)


def is_generated(src: str) -> bool:
    """Whether the build generates a page at ``src`` (overview pages, search page …), so a link to it works."""
    return src.endswith(".md") and (src.split("/")[0] in GENERATED_FOLDERS or src in GENERATED_PAGES)
