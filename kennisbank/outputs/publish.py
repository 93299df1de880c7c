"""Put a freshly built site in place of the previous one, so that a crash at any moment leaves a whole site.

A build writes into a staging folder beside the site (``.kennisbank-new-<site>-…``). Publishing then renames
the previous site aside (``.kennisbank-old-<site>``), renames the new one in and only then deletes the old
one. Renames within one folder are atomic, so at every instant either the old or the new site is whole on
disk: a kill between the two renames leaves the old site aside, and the next build (:func:`recover`) puts
it back before doing anything else. Deleting first and renaming after (as before) left a half-deleted site
when a build was killed during the delete.

Two builds into the same site folder at the same time are not supported: each cleans the other's staging.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

PREFIX = ".kennisbank-"
"""Every folder a build leaves beside the site starts with this (listed in ``.gitignore``)."""


def _aside(target: Path) -> Path:
    return target.with_name(f"{PREFIX}old-{target.name}")


def _staging_prefix(target: Path) -> str:
    return f"{PREFIX}new-{target.name}-"


def recover(target: Path) -> None:
    """Undo what a killed build left beside ``target``: bring a site set aside back, delete stale staging."""
    aside = _aside(target)
    if aside.is_dir():
        if target.exists():
            shutil.rmtree(aside, ignore_errors=True)  # the new site made it in; only the delete was cut off
        else:
            os.rename(aside, target)  # killed between the two renames: the previous site goes back
    for stale in target.parent.glob(_staging_prefix(target) + "*"):
        if stale.is_dir():
            shutil.rmtree(stale, ignore_errors=True)


def staging_folder(target: Path) -> Path:
    """A new, empty folder beside ``target`` to build into (same file system, so the renames are atomic)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    recover(target)
    return Path(tempfile.mkdtemp(prefix=_staging_prefix(target), dir=target.parent))


def publish(staging: Path, target: Path) -> None:
    """Replace ``target`` by ``staging``: old site aside, new site in, old site deleted."""
    aside = _aside(target)
    if target.exists():
        os.rename(target, aside)
    os.rename(staging, target)
    shutil.rmtree(aside, ignore_errors=True)
