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
from .published import is_markdown
from .taxonomy import DATA_DIR

CONTENT_FOLDERS = {t.folder for t in ItemType}
"""Every Markdown file below these folders must be a valid item."""
GENERATED_INDEXES = {f"{t.folder}/index.md" for t in ItemType if t.has_index()}
"""Index pages the build makes; a contributor's file there is an error."""
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def slugify(text: str) -> str:
    """'Één sterke Bestuurslaag!' -> 'een-sterke-bestuurslaag'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "item"


def slug_of(src: str) -> str | None:
    """The slug a file at ``src`` would have as an item (a course's is its folder), or None."""
    parts = src.split("/")
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
        if path.is_file() and is_markdown(src):
            found.append(src)
    return sorted(found)
