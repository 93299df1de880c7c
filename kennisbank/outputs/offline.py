"""The offline copy of the site: opened from ``file://``, packed as one zip.

Material's offline plugin does the site itself (no directory URLs, the search
index inlined as a script). Two things are left to us: the plugin loads its
``iframe-worker`` shim (search in a ``file://`` page cannot start a Web Worker)
from unpkg.com, so search hangs without network; we serve a vendored copy of
the shim from the site instead. And the result is packed as a zip.
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

SHIM = "assets/javascripts/iframe-worker/shim.js"
"""Site path of the vendored shim (``overrides/assets/javascripts/iframe-worker/``)."""


SERVER_ONLY = ("404.html",)
"""Pages only a web server shows. The 404 page links to its assets from the site's root ('/assets/…'),
since a server shows it at any depth; from file:// nothing opens it, and every such link would be broken."""


def remove_server_only(site_dir: Path) -> None:
    """Take the pages only a server shows out of an offline copy."""
    for name in SERVER_ONLY:
        (site_dir / name).unlink(missing_ok=True)


def local_polyfills(polyfills: list[str]) -> list[str]:
    """The theme's polyfill scripts with any remote iframe-worker replaced by our copy."""
    return [SHIM if "iframe-worker" in url and "://" in url else url for url in polyfills]


def pack(site_dir: Path, archive: Path, folder: str = "kennisbank") -> int:
    """Zip ``site_dir`` into ``archive`` below one top folder; returns the number of files.

    Entries are sorted and carry a fixed timestamp, so the same site gives the
    same zip. The archive is written beside its target and then renamed, so a
    failed run never leaves half a zip.
    """
    archive.parent.mkdir(parents=True, exist_ok=True)
    partial = archive.with_name(archive.name + ".partial")
    files = sorted(p for p in site_dir.rglob("*") if p.is_file())
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
        for path in files:
            info = zipfile.ZipInfo(f"{folder}/{path.relative_to(site_dir).as_posix()}", date_time=(2000, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_STORED if path.suffix in (".pdf", ".png", ".jpg", ".zip") \
                else zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, path.read_bytes())
    os.replace(partial, archive)
    return len(files)
