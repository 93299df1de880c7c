"""Mermaid diagrams: which pages load the vendored Mermaid.

A ```` ```mermaid ```` fence becomes ``<pre class="mermaid"><code>…</code></pre>`` (the superfences
custom fence in ``mkdocs.yml``, Material's documented way), which Material's bundle draws as an SVG.
Material loads Mermaid from unpkg.com unless a global ``mermaid`` is already on the page, so the build
puts the vendored copy (``overrides/assets/javascripts/mermaid/``) on the pages that have a diagram:
no request to a third party, diagrams also in the offline copy, and the 1 MB (gzipped) only where a
diagram is drawn. ``overrides/main.html`` reads the page meta this module's caller sets.
"""

from __future__ import annotations

import re

MERMAID_VERSION = "11.17.2"
"""The vendored Mermaid (``overrides/assets/javascripts/mermaid/VENDOR.txt``): the major version Material
9.x draws with (it asks unpkg for ``mermaid@11``)."""
MERMAID_SCRIPT = "assets/javascripts/mermaid/mermaid.min.js"
META_KEY = "kennisbank_mermaid"
"""Page meta that makes ``overrides/main.html`` load Mermaid and its settings."""

# The sanitizer's output is canonical (lower-case names, double-quoted values), so this sees every diagram
# Material would draw (it selects 'pre.mermaid'), also one with further classes from an attribute list.
_DIAGRAM = re.compile(r'<pre class="(?:[^"]* )?mermaid(?: [^"]*)?"')


def has_diagram(html: str) -> bool:
    """Whether a page's (sanitized) HTML holds a diagram Material draws with Mermaid."""
    return _DIAGRAM.search(html) is not None
