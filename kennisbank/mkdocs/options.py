"""What the ``kennisbank`` command asks of one build beyond ``mkdocs.yml``, carried on the loaded configuration.

Not a module variable or an environment variable: MkDocs imports the hook
module once per process, so a value set there would outlive the build it was
meant for, and an environment variable leaks into every build the process
runs. The command loads the configuration, sets these on it and builds that
configuration (as ``mkdocs build`` itself does with its options).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort

KEY = "kennisbank_options"
"""Where the options sit in the loaded configuration: outside MkDocs' schema, set after validation."""

OFFLINE_PLUGIN = "material/offline"


@dataclass(frozen=True)
class BuildOptions:
    """Options of one build that ``mkdocs.yml`` does not hold."""

    whole_pdf: bool = False
    """Make only the PDF of the whole hub (``kennisbank pdf``), not one per page."""
    cache_dir: Path | None = None
    """The output store's folder when the command line names one (else ``extra.kennisbank.cache.dir``)."""
    shard: tuple[int, int] | None = None
    """(K, N): make only the K-th of N slices of the PDFs, into the store (``kennisbank pdf --shard``)."""


def set_options(config: MkDocsConfig, options: BuildOptions) -> None:
    config[KEY] = options


def options_of(config: MkDocsConfig) -> BuildOptions:
    """The options the command set, or the defaults (``mkdocs build`` and ``mkdocs serve`` set none)."""
    found = config.get(KEY)
    return found if isinstance(found, BuildOptions) else BuildOptions()


def enable_offline(config: MkDocsConfig) -> None:
    """Turn on Material's offline plugin for this build: the copy for ``file://``.

    The plugin reads ``enabled`` in its own events, so setting it on the loaded
    configuration is enough; ``mkdocs.yml`` lists it switched off.
    """
    plugin = config.plugins.get(OFFLINE_PLUGIN)
    if plugin is None:
        raise Abort("mkdocs.yml: de plugin 'offline' ontbreekt onder plugins; zet '- offline' in de lijst")
    plugin.config.enabled = True
