"""Dates of a collection's pages from git: when each file was first and last committed.

Source trees rarely date their pages, but their history does. One ``git log``
per collection (not one per file) reads the whole folder's history; a folder
that is not in a git repository, or a machine without git, simply gives no
dates, and the data file's ``gepubliceerd`` is used instead.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

_TIMEOUT = 60


def git_dates(folder: Path, prefix: str) -> dict[str, tuple[dt.date, dt.date]]:
    """``src`` (``prefix/…``) → (first, last) commit date of each file below ``folder``."""
    git = shutil.which("git")
    if git is None or not folder.is_dir():
        return {}
    try:
        result = subprocess.run(
            [git, "-c", "core.quotepath=off", "log", "--format=%x00%as", "--name-only", "--no-renames",
             "--relative", "--", "."],
            cwd=folder, capture_output=True, text=True, timeout=_TIMEOUT, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return {}
    if result.returncode != 0:
        return {}
    return _parse(result.stdout, prefix)


def _parse(log: str, prefix: str) -> dict[str, tuple[dt.date, dt.date]]:
    dates: dict[str, tuple[dt.date, dt.date]] = {}
    for commit in log.split("\x00")[1:]:
        lines = [line for line in commit.splitlines() if line.strip()]
        if not lines:
            continue
        try:
            day = dt.date.fromisoformat(lines[0].strip())
        except ValueError:
            continue
        for name in lines[1:]:
            src = f"{prefix}/{name.strip()}"
            first, last = dates.get(src, (day, day))
            dates[src] = (min(first, day), max(last, day))  # newest first in the log, so compare
    return dates
