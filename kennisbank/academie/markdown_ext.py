"""Python-Markdown extension: render ``!!! toets`` blocks as accessible self-checks.

Enable it in ``mkdocs.yml`` under ``markdown_extensions`` as
``kennisbank.academie.markdown_ext``; it does not know MkDocs.

The HTML written here is a plain document: the question, a list of options
(the right ones carry the class ``kb-toets__option--goed``) and the answer in a
``<details>`` element, so without JavaScript the learner answers in their head
and opens the answer. ``docs/javascripts/academie.js`` turns it into a form:
a ``<fieldset>`` with the question as ``<legend>``, radio buttons (one right
answer) or checkboxes (several), a "Controleer" button and feedback in an
``aria-live`` region; an open question gets a text field that is never stored
or sent. Form controls are made in the browser on purpose: the page HTML then
holds no dead buttons without JavaScript, and needs no ``<input>`` or
``<button>`` from content, which an HTML sanitizer rightly refuses.

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

from ..content.markup import code_spans
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
        root = etree.SubElement(parent, "div", {"class": f"kb-toets kb-toets--{check.kind}", "id": ident})
        question = etree.SubElement(root, "p", {"class": "kb-toets__question"})
        _text(question, "span", "Toets jezelf", {"class": "kb-toets__label"})
        # A line break, not only CSS: printed course readers and plain-text views keep label and question apart.
        etree.SubElement(question, "br")
        etree.SubElement(question, "span", {"class": "kb-toets__text"}).text = _inert(check.question)
        if check.kind == "open":
            details = _details(root, "Bekijk het modelantwoord")
            self.parser.parseChunk(details, f"**Modelantwoord:** {check.model_answer}")
            return
        options = etree.SubElement(root, "ul", {"class": "kb-toets__options"})
        for option in check.options:
            css = "kb-toets__option kb-toets__option--goed" if option.correct else "kb-toets__option"
            etree.SubElement(options, "li", {"class": css}).text = _inert(option.text)
        label = "Bekijk het goede antwoord" if check.kind == "single" else "Bekijk de goede antwoorden"
        details = _details(root, label)
        correct = etree.SubElement(details, "ul", {"class": "kb-toets__correct"})
        for option in check.correct_options:
            etree.SubElement(correct, "li").text = _inert(option.text)
        if check.explanation:
            self.parser.parseChunk(details, f"**Toelichting:** {check.explanation}")


def _inert(text: str) -> str:
    """Questions and options are one line of text: inline Markdown yes, raw HTML no.

    Escaping ``<`` outside code spans keeps a tag from reaching the page as
    markup; code spans escape their own content. (Raw HTML and link schemes in
    the rest of a page are the site-wide sanitizer's job.)
    """
    result, start = [], 0
    for first, last in code_spans(text):
        result += [text[start:first].replace("<", "&lt;"), text[first:last]]
        start = last
    return "".join([*result, text[start:].replace("<", "&lt;")])


def _text(parent: etree.Element, tag: str, text: str, attributes: dict[str, str]) -> etree.Element:
    """An element with fixed text that inline Markdown must leave alone."""
    element = etree.SubElement(parent, tag, attributes)
    element.text = AtomicString(text)
    return element


def _details(parent: etree.Element, summary: str) -> etree.Element:
    details = etree.SubElement(parent, "details", {"class": "kb-toets__answer success"})
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
