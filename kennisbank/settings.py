"""Maintainer settings from ``mkdocs.yml`` (``extra: kennisbank: …``), validated like content.

MkDocs hooks cannot declare a config schema of their own, so the settings live
under ``extra.kennisbank`` and are validated here with pydantic: a typo in a
setting is an error naming ``mkdocs.yml``, not a silently ignored key.
Each feature adds its own sub-model as a field of :class:`Settings`.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .messages import problems_from_validation
from .problems import Problem


class PdfSettings(BaseModel):
    """``extra.kennisbank.pdf``: the PDFs made at build time."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    enabled: bool = Field(default=True, description="Make a PDF of every item, theme, network and course.")
    on_serve: bool = Field(default=False, description="Also make them on 'mkdocs serve' (slow while writing).")
    workers: int = Field(default=0, ge=0, le=64, description="Processes that render PDFs; 0 = one per core.")


class Settings(BaseModel):
    """All Kennisbank settings; every field has a default, so an empty block is valid."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    site_url: str = Field(default="", description="Public address of the site (from MkDocs' site_url).")
    pdf: PdfSettings = Field(default_factory=PdfSettings)


def load_settings(raw: Any, site_url: str | None, config_path: str = "mkdocs.yml") -> tuple[Settings, list[Problem]]:
    """Validate ``extra.kennisbank``; problems name ``mkdocs.yml``."""
    data = {} if raw is None else (dict(raw) if isinstance(raw, dict) else raw)
    if isinstance(data, dict):
        data.setdefault("site_url", site_url or "")
    try:
        return Settings.model_validate(data), []
    except ValidationError as exc:
        problems = problems_from_validation(exc, config_path, lambda loc: (1, 1), Settings.model_fields)
        return Settings(site_url=site_url or ""), [
            Problem(p.path, p.line, p.column,
                    "extra.kennisbank" + ("" if p.field == "frontmatter" else f".{p.field}"), p.message)
            for p in problems]
