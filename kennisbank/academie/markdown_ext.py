"""Python-Markdown extension: render ``!!! toets`` blocks as accessible self-checks.

Enable it in ``mkdocs.yml`` under ``markdown_extensions`` as
``kennisbank.academie.markdown_ext``; it does not know MkDocs.

Each block becomes a ``<fieldset>`` whose ``<legend>`` is the question, with
radio buttons (one right answer) or checkboxes (several), a "Controleer" button
and an ``aria-live`` region for feedback (filled by ``academie.js``). The answer
sits in a ``<details>`` element, so without JavaScript the page still works:
the learner answers in their head and opens the answer. An open question gets
a text field that is never stored or sent, and its model answer behind a
``<details>`` button.

A block processor (not a preprocessor) so that fenced code examples of the
syntax stay code, and so that question and answers go through the normal
inline Markdown pipeline, which escapes contributor text.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.blockparser import BlockParser
from markdown.blockprocessors import BlockProcessor
from markdown.util import AtomicString

from .selfcheck import HEADER, SelfCheck, block_extent, parse

PRIORITY = 106
"""Just above the admonition processor (105), which would otherwise claim ``!!! toets``."""


class SelfCheckProcessor(BlockProcessor):
    """Turns one ``!!! toets`` block (header plus indented body) into HTML."""

    def __init__(self, parser: BlockParser) -> None:
        super().__init__(parser)
        self.count = 0

    def test(self, parent: etree.Element, block: str) -> bool:
        return bool(HEADER.match(block.split("\n", 1)[0]))

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        lines = blocks.pop(0).split("\n")
        header = HEADER.match(lines[0])
        assert header is not None  # test() matched
        body = self._take(lines, blocks, start=1)
        while blocks and blocks[0].startswith(("    ", "\t")):
            body.append("")
            body.extend(self._take(blocks.pop(0).split("\n"), blocks, start=0))
        self.count += 1
        check, issues = parse(header["rest"], body, 1)
        if check is None:
            _error(parent, issues[0].message if issues else "onbekende fout")
        else:
            self._render(parent, check, f"toets-{self.count}")

    @staticmethod
    def _take(lines: list[str], blocks: list[str], start: int) -> list[str]:
        """The indented lines of ``lines`` from ``start``; an unindented rest goes back to ``blocks``."""
        end = block_extent(["", *lines[start:]], 0) - 1 + start
        if any(line.strip() for line in lines[end:]):
            blocks.insert(0, "\n".join(lines[end:]))
        return lines[start:end]

    def _render(self, parent: etree.Element, check: SelfCheck, ident: str) -> None:
        root = etree.SubElement(parent, "div", {"class": "kb-toets", "id": ident, "data-kb-toets": check.kind})
        fieldset = etree.SubElement(root, "fieldset")
        legend = etree.SubElement(fieldset, "legend")
        _text(legend, "span", "Toets jezelf", {"class": "kb-toets__label"})
        etree.SubElement(legend, "span", {"class": "kb-toets__question"}).text = check.question
        if check.kind == "open":
            answer_id = f"{ident}-antwoord"
            _text(fieldset, "label", "Jouw antwoord (alleen voor jezelf: het wordt niet opgeslagen of verstuurd)",
                  {"for": answer_id})
            etree.SubElement(fieldset, "textarea", {"id": answer_id, "rows": "4"})
            details = _details(root, "Bekijk het modelantwoord")
            self.parser.parseChunk(details, f"**Modelantwoord:** {check.model_answer}")
            return
        single = check.kind == "single"
        _text(fieldset, "p", "Kies één antwoord." if single else "Kies alle goede antwoorden.",
              {"class": "kb-toets__hint"})
        options = etree.SubElement(fieldset, "ul", {"class": "kb-toets__options"})
        for number, option in enumerate(check.options, start=1):
            label = etree.SubElement(etree.SubElement(options, "li"), "label")
            attributes = {"type": "radio" if single else "checkbox", "name": ident, "value": str(number)}
            if option.correct:
                attributes["data-kb-correct"] = ""
            etree.SubElement(label, "input", attributes)
            etree.SubElement(label, "span").text = option.text
        # Hidden until academie.js runs: without JavaScript the button could do nothing.
        _text(fieldset, "button", "Controleer", {"type": "button", "class": "md-button kb-toets__check",
                                                 "hidden": "hidden"})
        etree.SubElement(fieldset, "p", {"class": "kb-toets__feedback", "role": "status", "aria-live": "polite"})
        details = _details(root, "Bekijk het goede antwoord" if single else "Bekijk de goede antwoorden")
        correct = etree.SubElement(details, "ul", {"class": "kb-toets__correct"})
        for option in check.correct_options:
            etree.SubElement(etree.SubElement(correct, "li"), "span").text = option.text
        if check.explanation:
            self.parser.parseChunk(details, f"**Toelichting:** {check.explanation}")


def _text(parent: etree.Element, tag: str, text: str, attributes: dict[str, str]) -> etree.Element:
    """An element with fixed text that inline Markdown must leave alone."""
    element = etree.SubElement(parent, tag, attributes)
    element.text = AtomicString(text)
    return element


def _details(parent: etree.Element, summary: str) -> etree.Element:
    details = etree.SubElement(parent, "details", {"class": "kb-toets__answer"})
    _text(details, "summary", summary, {})
    return details


def _error(parent: etree.Element, message: str) -> None:
    """Shown only where content is not validated (e.g. a plain page): items fail the build first."""
    box = etree.SubElement(parent, "div", {"class": "admonition failure"})
    _text(box, "p", "Deze toets kan niet worden getoond", {"class": "admonition-title"})
    _text(box, "p", message, {})


class SelfCheckExtension(Extension):
    """Registers :class:`SelfCheckProcessor`; numbering restarts on every page."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        self.processor = SelfCheckProcessor(md.parser)
        md.parser.blockprocessors.register(self.processor, "kennisbank_toets", PRIORITY)
        md.registerExtension(self)

    def reset(self) -> None:
        self.processor.count = 0


def makeExtension(**kwargs: object) -> SelfCheckExtension:  # noqa: N802 (Python-Markdown's entry point)
    """Entry point Python-Markdown calls for ``kennisbank.academie.markdown_ext``."""
    return SelfCheckExtension(**kwargs)
