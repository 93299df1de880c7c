"""Python-Markdown extension: each task-list checkbox is labelled by its own text.

``pymdownx.tasklist`` writes ``<li><input type="checkbox" disabled/> Text</li>``:
the checkbox has no label, so a screen reader announces "selectievakje,
aangevinkt" without saying *what* is checked (WCAG 1.3.1, 4.1.2; axe rule
``label``). Its ``custom_checkbox`` option adds a ``<label>`` around the box
only, still without text. This extension moves the item's inline content into
a ``<label>`` together with the checkbox; nested lists stay outside it.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

BLOCK_TAGS = {"ul", "ol", "p", "div", "pre", "table", "blockquote", "dl", "details", "hr"}


class TasklistLabels(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for li in root.iter("li"):
            if "task-list-item" not in li.get("class", "").split():
                continue
            # The checkbox sits at the start of the item, or of its first paragraph.
            holder = li[0] if not (li.text or "").strip() and len(li) and li[0].tag == "p" else li
            _wrap_inline(holder)


def _wrap_inline(holder: etree.Element) -> None:
    label = etree.Element("label")
    label.text, holder.text = holder.text, None
    children = list(holder)
    for child in children:
        if child.tag in BLOCK_TAGS:
            break
        holder.remove(child)
        label.append(child)
    holder.insert(0, label)
    label.tail = "\n" if len(holder) > 1 else None


class TasklistLabelsExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # After pymdownx.tasklist (priority 25) has put the checkbox in place.
        md.treeprocessors.register(TasklistLabels(md), "kennisbank-tasklist-labels", 24)


def makeExtension(**kwargs: object) -> TasklistLabelsExtension:
    return TasklistLabelsExtension(**kwargs)
