"""Generated HTML that skips Markdown: a placeholder in the page's Markdown, the HTML put back after conversion.

The core writes the long, regular parts of generated pages (every item of a
theme, an item's related items and backlinks, its facts) as HTML it escapes
itself. Even as a raw HTML block inside Markdown, Python-Markdown still parses
that HTML (md_in_html) and stashes it, which on a hub of thousands of items
was the largest cost a Kennisbank build added to a plain Material build. So
the template puts only a placeholder paragraph in the Markdown
(``{% filter html_block %}…{% endfilter %}``) and :func:`expand` swaps the HTML
in after conversion, before the sanitizer sees the page. Headings stay in the
Markdown, so they keep their anchors and table-of-contents entries.

Placeholders are named by a hash of their HTML, so the same content gives the
same Markdown in every build (the incremental preview compares Markdown to
find the pages an edit changes) and a contributor cannot point one at a block
they have not seen. No library does this: Python-Markdown's own stash is
private to one conversion.
"""

from __future__ import annotations

import hashlib
import re

_PREFIX = "kb-blok-"
_PLACEHOLDER = re.compile(r"<p>" + _PREFIX + r"(?P<key>[0-9a-f]{24})</p>")


class BlockStore:
    """HTML blocks of the pages of one build, by the hash their placeholder names."""

    def __init__(self) -> None:
        self._blocks: dict[str, str] = {}

    def add(self, html: str) -> str:
        """Keep ``html``; return the Markdown paragraph that stands for it."""
        key = hashlib.blake2b(html.encode("utf-8"), digest_size=12).hexdigest()
        self._blocks[key] = html
        return f"\n\n{_PREFIX}{key}\n\n"

    def expand(self, html: str) -> str:
        """Page HTML with every known placeholder paragraph replaced by its block."""
        if _PREFIX not in html:
            return html
        return _PLACEHOLDER.sub(lambda m: self._blocks.get(m.group("key"), m.group(0)), html)

    def clear(self) -> None:
        """Forget the blocks of the previous build (a preview server runs many builds)."""
        self._blocks.clear()

    def __len__(self) -> int:
        return len(self._blocks)


BLOCKS = BlockStore()
"""The store the templates' ``html_block`` filter fills and the adapter empties into pages."""
