"""Maintainer settings from ``mkdocs.yml`` (``extra: kennisbank: …``), validated like content.

MkDocs hooks cannot declare a config schema of their own, so the settings live
under ``extra.kennisbank`` and are validated here with pydantic: a typo in a
setting is an error naming ``mkdocs.yml``, not a silently ignored key.
Each feature adds its own sub-model as a field of :class:`Settings`.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError
from pydantic_core import PydanticCustomError

from .messages import problems_from_validation
from .problems import Problem

_HOST = re.compile(r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$")


def _host(value: Any) -> str:
    host = str(value).strip().lower()
    if not _HOST.match(host):
        raise PydanticCustomError(
            "host", "ongeldige host '{value}'; schrijf alleen de hostnaam, bijvoorbeeld www.youtube-nocookie.com",
            {"value": str(value)})
    return host


EmbedHost = Annotated[str, BeforeValidator(_host)]
"""A host name such as ``www.youtube-nocookie.com``: no scheme, path or wildcard."""
class PdfSettings(BaseModel):
    """``extra.kennisbank.pdf``: the PDFs made at build time."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    enabled: bool = Field(default=True, description="Make a PDF of every item, theme, network and course.")
    on_serve: bool = Field(default=False, description="Also make them on 'mkdocs serve' (slow while writing).")
    workers: int = Field(default=0, ge=0, le=64, description="Processes that render PDFs; 0 = one per core.")


class CacheSettings(BaseModel):
    """``extra.kennisbank.cache``: the store of outputs that later builds reuse (:mod:`kennisbank.outputs.store`)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    enabled: bool = Field(default=True, description="Reuse PDFs whose content did not change since a previous build.")
    dir: str = Field(default=".cache/kennisbank", min_length=1, description=(
        "Folder of the cache, relative to mkdocs.yml; safe to delete at any moment "
        "('kennisbank build --cache-dir' overrides it)."))
    max_mb: int = Field(default=2048, ge=1, description=(
        "Size the cache is pruned to after each build, least recently used entries first."))


def cache_dir_problems(cache: CacheSettings, root: Path, docs_dir: Path, config_path: str) -> list[Problem]:
    """A cache inside the docs folder would be published with the site (MkDocs copies every file there)."""
    folder = (root / cache.dir).resolve()
    docs = docs_dir.resolve()
    if cache.enabled and (folder == docs or docs in folder.parents):
        return [Problem(config_path, 1, 1, "extra.kennisbank.cache.dir",
                        f"de cache '{cache.dir}' ligt in de inhoudsmap en zou mee gepubliceerd worden; "
                        "kies een map buiten de inhoudsmap, bijvoorbeeld .cache/kennisbank")]
    return []


class RelatedIndexSettings(BaseModel):
    """One keyword index of the related items (see :mod:`kennisbank.index.related`)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: Literal["themas", "netwerken", "tags", "gemeenten"] = Field(
        description="Which keywords: the item's themes, networks, tags or (good practices) municipalities.")
    weight: int = Field(ge=1, le=100, description="How much a shared keyword of this index counts.")
    cardinality: int = Field(default=0, ge=0, le=100, description=(
        "Ignore keywords carried by more than this percentage of the items; 0 keeps all."))


def _default_indices() -> tuple[RelatedIndexSettings, ...]:
    # Themes are the hub's backbone, networks say who works on it, a shared municipality links good
    # practices of one place; free tags are noisy, so very common ones are left out.
    return (RelatedIndexSettings(name="themas", weight=100), RelatedIndexSettings(name="netwerken", weight=60),
            RelatedIndexSettings(name="gemeenten", weight=50),
            RelatedIndexSettings(name="tags", weight=40, cardinality=20))


class RelatedSettings(BaseModel):
    """``extra.kennisbank.related``: the 'Gerelateerd' lists on item pages."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    per_type: int = Field(default=3, ge=0, le=20, description=(
        "Related items shown per group (artikelen, praktijkvoorbeelden, academie); 0 hides the list."))
    threshold: int = Field(default=20, ge=0, le=100, description="Minimum score (0-100) of a related item.")
    window: int = Field(default=40, ge=2, le=10000, description=(
        "Items read around each item in a keyword's date-ordered list; bounds the cost on large hubs."))
    indices: tuple[RelatedIndexSettings, ...] = Field(default_factory=_default_indices, min_length=1)


class OverviewSettings(BaseModel):
    """``extra.kennisbank.overview``: long lists on theme, network, pair and type pages (kennisbank.site.volume)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    per_page: int = Field(default=30, ge=5, le=200, description=(
        "Entries per list on an overview page and on each of its follow-on pages ('pagina 2 van 14'); "
        "bounds the length of every generated list page, whatever the size of the hub."))


class Settings(BaseModel):
    """All Kennisbank settings; every field has a default, so an empty block is valid."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    site_url: str = Field(default="", description="Public address of the site (from MkDocs' site_url).")
    embeds: tuple[EmbedHost, ...] = Field(
        default=(), description="Hosts whose https pages contributors may embed with <iframe>; none by default, "
                                "since every embed makes visitors' browsers contact a third party.")
    pdf: PdfSettings = Field(default_factory=PdfSettings)
    cache: CacheSettings = Field(default_factory=CacheSettings)
    extra_outputs: bool = Field(
        default=True, description="Build the expensive extra outputs (PDFs, feeds, the search page's index). "
        "Off while serving (`kennisbank serve`) and in the benchmark run that compares with plain Material; "
        "features that write such outputs check `hub.settings.extra_outputs`.")
    related: RelatedSettings = Field(default_factory=RelatedSettings)
    overview: OverviewSettings = Field(default_factory=OverviewSettings)
    theme_files: tuple[str, ...] | None = Field(default=None, description=(
        "Files below docs/ that belong to the site itself and are published whatever their type (see "
        "kennisbank/content/published.py); extra_css and extra_javascript of mkdocs.yml are added automatically. "
        "None: read them from the mkdocs.yml beside docs/ (see theme_files_of)."))


def load_settings(raw: Any, site_url: str | None, config_path: str = "mkdocs.yml",
                  theme_files: Iterable[Any] | None = None) -> tuple[Settings, list[Problem]]:
    """Validate ``extra.kennisbank``; problems name ``mkdocs.yml``.

    ``theme_files`` are MkDocs' ``extra_css`` and ``extra_javascript`` (strings, or entries with a ``path``);
    None leaves them to be read from ``mkdocs.yml`` when the hub is loaded.
    """
    data = {} if raw is None else (dict(raw) if isinstance(raw, dict) else raw)
    if isinstance(data, dict):
        data.setdefault("site_url", site_url or "")
        if theme_files is not None:
            listed = [_path_of(entry) for entry in theme_files]
            given = data.get("theme_files")
            if given is None or isinstance(given, (list, tuple)):  # anything else is left to the validation
                data["theme_files"] = (*(given or ()), *(path for path in listed if path))
    try:
        return Settings.model_validate(data), []
    except ValidationError as exc:
        problems = problems_from_validation(exc, config_path, lambda loc: (1, 1), Settings.model_fields)
        # The site's own files are still its own: without them one wrong setting would add an error for
        # every stylesheet and script as well.
        own = data.get("theme_files") if isinstance(data, dict) else None
        kept = tuple(path for path in own if isinstance(path, str)) if isinstance(own, (list, tuple)) else None
        return Settings(site_url=site_url or "", theme_files=kept), [
            Problem(p.path, p.line, p.column,
                    "extra.kennisbank" + ("" if p.field == "frontmatter" else f".{p.field}"), p.message)
            for p in problems]


def _path_of(entry: Any) -> str:
    path = entry.get("path") if isinstance(entry, dict) else getattr(entry, "path", entry)
    return path.lstrip("/") if isinstance(path, str) else ""


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml safely: ``!ENV`` is resolved as MkDocs does, other tags (``!!python/name``) become ``None``."""


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    # Same meaning as MkDocs' !ENV (pyyaml-env-tag): the first variable that is set wins,
    # otherwise the last entry of a list is the default; values are read as YAML scalars.
    if isinstance(node, yaml.ScalarNode):
        names, default = [loader.construct_scalar(node)], None
    else:
        if not isinstance(node, yaml.SequenceNode):  # what construct_sequence itself would say
            found = type(node).__name__
            raise yaml.constructor.ConstructorError(None, None, f"expected a sequence node, but found {found}",
                                                    node.start_mark)
        items = loader.construct_sequence(node)
        names, default = items, items[-1] if len(items) > 1 else None
    for name in names:
        if isinstance(name, str) and name in os.environ:
            return yaml.safe_load(os.environ[name]) if os.environ[name] else None
    return default


_ConfigLoader.add_constructor("!ENV", _env)
_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def read_settings(config_file: Path) -> tuple[Settings, list[Problem]]:
    """Settings from ``mkdocs.yml`` without MkDocs, for ``kennisbank check``; defaults when it is missing."""
    if not config_file.is_file():
        return Settings(), []
    data = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}  # noqa: S506
    extra = data.get("extra") if isinstance(data, dict) else None
    raw = extra.get("kennisbank") if isinstance(extra, dict) else None
    if not isinstance(data, dict):
        return load_settings(raw, None, config_file.name, ())
    return load_settings(raw, data.get("site_url"), config_file.name, _listed(data))


def _listed(data: dict[str, Any]) -> list[Any]:
    return [*(data.get("extra_css") or ()), *(data.get("extra_javascript") or ())]


def theme_files_of(config_file: Path) -> tuple[str, ...]:
    """The site's own files that ``config_file`` lists (``extra_css``, ``extra_javascript``, ``theme_files``)."""
    settings, _ = read_settings(config_file)
    return settings.theme_files or ()
