"""The build and serve commands: MkDocs' own, run with Kennisbank's options and a build that fails whole."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.commands.serve import serve
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from ..outputs import pdf
from ..outputs.offline import remove_server_only
from .events import BUILD
from .preview import Preview, quiet_dirty_warning

OFFLINE_SWITCH = "KENNISBANK_OFFLINE"
"""Environment variable that mkdocs.yml reads to enable Material's offline plugin."""


def build_site(config_file: Path, site_dir: Path | None = None, *, strict: bool = True,
               offline: bool = False, whole_pdf: Path | None = None) -> None:
    """Build the site like ``mkdocs build``; raises ``ContentError``/``SystemExit`` on failure.

    The site is built into a sibling temporary folder and moved into place only
    when the build succeeded, so a failed build never leaves a half-built site.
    ``offline`` builds the copy for ``file://`` (Material's offline plugin);
    ``whole_pdf`` makes only the whole-hub PDF and writes it there (the site
    itself is then thrown away).
    """
    BUILD.preview = None
    previous = os.environ.get(OFFLINE_SWITCH)
    os.environ[OFFLINE_SWITCH] = "true" if offline else "false"
    try:
        config = load_config(str(config_file), strict=strict)
    finally:
        if previous is None:
            del os.environ[OFFLINE_SWITCH]
        else:
            os.environ[OFFLINE_SWITCH] = previous
    target = Path(site_dir) if site_dir else Path(config.site_dir)
    if whole_pdf is not None:
        target = Path(tempfile.mkdtemp(prefix=".kennisbank-pdf-", dir=Path(whole_pdf).resolve().parent))
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".kennisbank-", dir=target.parent))
    config.site_dir = str(staging)
    BUILD.command = "build"
    BUILD.pdf_mode = "whole" if whole_pdf is not None else "pages"
    try:
        build(config)
    except Abort as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise BuildFailed(str(exc)) from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        BUILD.pdf_mode = "pages"
    if whole_pdf is not None:
        made = staging / pdf.WHOLE_HUB
        try:
            if not made.is_file():
                raise BuildFailed(f"de PDF van de hele kennisbank is niet gemaakt ({pdf.WHOLE_HUB} ontbreekt)")
            os.replace(made, whole_pdf)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
            shutil.rmtree(target, ignore_errors=True)
        return
    if offline:
        remove_server_only(staging)
    if target.exists():
        shutil.rmtree(target)
    staging.rename(target)


def serve_site(config_file: Path, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve with live reload, like ``mkdocs serve``, but rebuild only what an edit touches.

    MkDocs' ``dirty`` build re-renders the pages whose ``File.is_modified()``
    is true; :class:`Preview` sets that to exactly the pages whose content an
    edit changes, so the preview stays as correct as a full build.
    """
    BUILD.preview = Preview()
    quiet_dirty_warning()
    serve(str(config_file), dev_addr=f"{host}:{port}", livereload=True, build_type="dirty")


def preview_build(config_file: Path, site_dir: Path, serve_url: str = "http://127.0.0.1:8000/") -> Preview:
    """One build as ``kennisbank serve`` makes it: the first in a process is full, later ones incremental."""
    if BUILD.preview is None:
        BUILD.preview = Preview()
    quiet_dirty_warning()
    config = load_config(str(config_file), site_dir=str(site_dir))
    config.site_url = serve_url
    try:
        build(config, serve_url=serve_url, dirty=True)
    except Abort as exc:
        raise BuildFailed(str(exc)) from None
    return BUILD.preview


class BuildFailed(Exception):
    """The MkDocs build stopped; the reasons were logged."""
