"""Python-Markdown extension: content ids renamed before the table of contents copies them.

The rule is :func:`kennisbank.content.ids.safe_id`; this applies it to every
element of the Markdown tree (headings with ``{: id=… }``, ``md_in_html``
blocks), so the page and Material's table of contents agree. The build adds the
extension itself (``on_config``): safety must not depend on a line in
``mkdocs.yml``.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

from ..content.ids import ID_ATTRIBUTES, safe_id


class SafeIds(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            for attribute in ID_ATTRIBUTES:
                value = element.get(attribute)
                if value is not None:
                    element.set(attribute, safe_id(value))


class SafeIdsExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # After attr_list (priority 8) has set the ids, before toc (5) copies them into the table of contents.
        md.treeprocessors.register(SafeIds(md), "kennisbank-safe-ids", 7)


def makeExtension(**kwargs: object) -> SafeIdsExtension:
    return SafeIdsExtension(**kwargs)
