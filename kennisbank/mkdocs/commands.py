"""The build and serve commands: MkDocs' own, run with Kennisbank's options and a build that fails whole."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.commands.serve import serve
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from ..content.publish import Publication
from ..outputs import pdf
from ..outputs.offline import remove_server_only
from ..outputs.publish import publish, staging_folder
from .events import BUILD
from .options import BuildOptions, enable_offline, set_options
from .preview import Preview, quiet_dirty_warning
from .preview_errors import error_pages
from .preview_server import secure_preview


def build_site(config_file: Path, site_dir: Path | None = None, *, strict: bool = True,
               offline: bool = False, whole_pdf: Path | None = None, cache_dir: Path | None = None,
               shard: tuple[int, int] | None = None) -> Publication | None:
    """Build the site like ``mkdocs build``; raises ``ContentError``/``SystemExit`` on failure.

    The site is built into a sibling staging folder and moved into place only
    when the build succeeded (:mod:`kennisbank.outputs.publish`), so neither a
    failed nor a killed build leaves a half-built or half-deleted site.
    ``offline`` builds the copy for ``file://`` (Material's offline plugin);
    ``whole_pdf`` makes only the whole-hub PDF and writes it there (the site
    itself is then thrown away). ``cache_dir`` overrides the output store's
    folder; ``shard`` = (K, N) makes only the K-th of N slices of the PDFs,
    into the store, and throws the site away as well. Without ``strict``, items
    with errors are left out and the rest is published; the outcome is returned
    (:mod:`kennisbank.content.publish`).
    """
    config = load_config(str(config_file), strict=strict)
    if offline:
        enable_offline(config)
    set_options(config, BuildOptions(whole_pdf=whole_pdf is not None, shard=shard,
                                     cache_dir=Path(cache_dir).resolve() if cache_dir is not None else None))
    target = Path(site_dir) if site_dir else Path(config.site_dir)
    if whole_pdf is not None:
        # Only the PDF is kept: the site is built into staging and thrown away, never published.
        target = Path(whole_pdf).resolve().parent / ".kennisbank-pdf"
    elif shard is not None:
        # Only the PDFs in the store are kept: the site is built into staging and thrown away.
        target = Path(config_file).resolve().parent / ".kennisbank-shard"
    staging = staging_folder(target)
    config.site_dir = str(staging)
    config.plugins.on_startup(command="build", dirty=False)  # as 'mkdocs build' does
    try:
        build(config)
    except Abort as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise BuildFailed(str(exc)) from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        config.plugins.on_shutdown()
    if shard is not None:
        shutil.rmtree(staging, ignore_errors=True)
        return BUILD.publication
    if whole_pdf is not None:
        made = staging / pdf.WHOLE_HUB
        try:
            if not made.is_file():
                raise BuildFailed(f"de PDF van de hele kennisbank is niet gemaakt ({pdf.WHOLE_HUB} ontbreekt)")
            os.replace(made, whole_pdf)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        return BUILD.publication
    if offline:
        remove_server_only(staging)
    publish(staging, target)
    return BUILD.publication


def serve_site(config_file: Path, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve with live reload, like ``mkdocs serve``, but rebuild only what an edit touches.

    MkDocs' ``dirty`` build re-renders the pages whose ``File.is_modified()``
    is true; :class:`Preview` sets that to exactly the pages whose content an
    edit changes, so the preview stays as correct as a full build.
    """
    quiet_dirty_warning()
    # A dirty serve: MkDocs calls on_startup(command='serve', dirty=True) once, which starts the Preview.
    # Content errors shown in the browser instead of a server that hangs; production's security headers on
    # every response, the error page included, and live reload without inline script.
    with error_pages(), secure_preview():
        serve(str(config_file), dev_addr=f"{host}:{port}", livereload=True, build_type="dirty")


def preview_build(config_file: Path, site_dir: Path, serve_url: str = "http://127.0.0.1:8000/") -> Preview:
    """One build as ``kennisbank serve`` makes it: the first in a process is full, later ones incremental."""
    quiet_dirty_warning()
    config = load_config(str(config_file), site_dir=str(site_dir))
    config.site_url = serve_url
    # What 'kennisbank serve' gets from MkDocs once per process; a Preview already running is kept.
    config.plugins.on_startup(command="serve", dirty=True)
    try:
        build(config, serve_url=serve_url, dirty=True)
    except Abort as exc:
        raise BuildFailed(str(exc)) from None
    preview = BUILD.preview
    assert preview is not None  # set by on_startup above
    return preview


class BuildFailed(Exception):
    """The MkDocs build stopped; the reasons were logged."""
