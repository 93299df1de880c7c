"""Publish the valid rest: what a default (lenient) build does with the problems it found.

A strict build (``--strict``, for pull requests) fails on any error, as
``kennisbank check`` does. A default build follows the severity of each
problem (:class:`~kennisbank.problems.Severity`), as Hugo and Pelican do with
one bad page among thousands:

- a file with an ERROR (danger such as script, or an item whose frontmatter
  cannot be made into a page) is left out, and reported with its reasons;
- a FORM problem (a broken link, a missing image) is a warning and the page
  is published; a link to a page that is not published (left out, concept,
  missing) becomes its plain text, so a visitor never follows it to a 404;
- a concept is never published, so its problems never block anything;
- an error outside the pages (``mkdocs.yml``, the taxonomy in ``docs/_data/``)
  still stops the build: every page depends on it.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from .hub import Hub
from .layout import CONTENT_FOLDERS, GENERATED_INDEXES
from .links import target_of
from .markup import inline_links, reference_links, url_spans
from .problems import Problem, Severity
from .published import is_page
from .taxonomy import DATA_DIR

REPORT_VERSION = 1


@dataclass
class Publication:
    """The outcome of a lenient build: what was published, what was left out and why."""

    published: int = 0
    """Items published."""
    left_out: dict[str, list[Problem]] = field(default_factory=dict)
    """Files below ``docs/`` (pages and other files) left out, with the errors that left them out."""
    fatal: list[Problem] = field(default_factory=list)
    """Errors outside the pages (configuration, taxonomy): the build stops on these."""
    problems: list[Problem] = field(default_factory=list)
    """Every problem of the build, in file order, with warnings for links made plain text."""
    docs_prefix: str = "docs/"
    """The docs folder as problems spell it (repository-relative), for the report's paths."""
    unpublished: Callable[[str], bool] = field(default=lambda src: False, repr=False)
    """Whether a link target (a ``src``) has no page on the site: such links become their text (:func:`unlink`)."""

    @property
    def left_out_pages(self) -> list[str]:
        return sorted(src for src in self.left_out if src.endswith(".md"))

    def summary(self) -> str:
        """``603 van 632 items gepubliceerd; 29 overgeslagen``."""
        skipped = len(self.left_out_pages)
        total = self.published + skipped
        text = f"{self.published} van {total} items gepubliceerd; {skipped} overgeslagen"
        others = len(self.left_out) - skipped
        if others:
            text += f" (en {others} {'ander bestand' if others == 1 else 'andere bestanden'})"
        return text

    def report(self) -> dict[str, object]:
        """The machine-readable report of ``kennisbank build --rapport``."""
        return {
            "versie": REPORT_VERSION,
            "samenvatting": self.summary(),
            "gepubliceerd": self.published,
            "overgeslagen": [
                {"pad": self.docs_prefix + src, "fouten": [p.as_dict() for p in sorted(errors)]}
                for src, errors in sorted(self.left_out.items())
            ],
            "meldingen": [p.as_dict() for p in self.problems],
        }


def publish(hub: Hub) -> Publication:
    """Leave out the files with errors and unlink links to pages that are not published; changes ``hub``."""
    docs_prefix = hub.rel("x")[:-1]  # 'docs/' as problems spell it (repository-relative)
    outcome = Publication(docs_prefix=docs_prefix)
    for problem in hub.problems.errors():
        if not problem.severity.leaves_out():
            continue
        src = problem.path[len(docs_prefix):] if problem.path.startswith(docs_prefix) else None
        if src is None or src.startswith(f"{DATA_DIR}/"):
            outcome.fatal.append(problem)
        elif src not in hub.drafts:  # a concept is not published anyway
            outcome.left_out.setdefault(src, []).append(problem)
    for src in outcome.left_out:
        hub.remove(src)
    dead = _unpublished(hub, set(outcome.left_out))
    hub.problems.extend(_links_to_left_out(hub, outcome.left_out))
    _unlink_items(hub, dead)
    outcome.published = len(hub.items)
    outcome.problems = hub.problems.sorted()
    outcome.unpublished = dead
    return outcome


def _unpublished(hub: Hub, left_out: set[str]) -> Callable[[str], bool]:
    """Whether a link target (a ``src``) will have no page on the site."""
    def dead(target: str) -> bool:
        if not is_page(target):
            return False
        if target in left_out or target in hub.drafts:
            return True
        # In the content folders every page is an item; other pages (and generated ones) MkDocs checks itself.
        return (target.split("/")[0] in CONTENT_FOLDERS and target not in hub.items
                and target not in GENERATED_INDEXES)

    return dead


def _page_of(hub: Hub, src: str, url: str) -> str | None:
    """The file a link leads to: on a Docusaurus/MDX page as its source site reads it (``./tweede``,
    ``/docs/gids``: :meth:`.hub.Hub.resolve`), else as MkDocs does; :data:`NOWHERE` for a link the source
    site cannot resolve either."""
    resolved = hub.resolve(src, url)
    if resolved is None:
        return target_of(src, url)
    return resolved.target or NOWHERE


_RAW_LINK = re.compile(r"<a\s", re.I)
NOWHERE = "\0"
"""A link target that exists nowhere: a lenient build makes the link text (its problem is reported)."""


def _links_to_left_out(hub: Hub, left_out: dict[str, list[Problem]]) -> list[Problem]:
    """A warning at every link from a published page to a left-out one (the link itself is already broken)."""
    warnings = []
    for src, refs in sorted(hub.links.items()):
        if src in left_out or src in hub.drafts:
            continue
        for ref in refs:
            target = _page_of(hub, src, ref.url)
            if target in left_out and is_page(target):
                warnings.append(Problem(
                    hub.rel(src), ref.line, ref.column, "link",
                    f"'{ref.url}' verwijst naar {hub.rel(target)}, dat wegens fouten niet is gepubliceerd; "
                    "de linktekst staat als gewone tekst op de pagina", Severity.WARNING))
    return warnings


def _unlink_items(hub: Hub, dead: Callable[[str], bool]) -> None:
    """Replace each published item's links to unpublished pages by their text."""
    def dead_from(target: str) -> bool:
        return target == NOWHERE or dead(target)

    for src, item in list(hub.items.items()):
        body = unlink(item.body, src, dead_from, functools.partial(_page_of, hub, src))
        if body != item.body:
            # A copy: the preview's cache holds the loaded item and must keep its original body.
            hub.remove(src)
            hub.add(dataclasses.replace(item, body=body))


def unlink(markdown: str, src: str, dead: Callable[[str], bool],
           target: Callable[[str], str | None] | None = None) -> str:
    """``markdown`` with every inline and reference-style link to a dead target replaced by its link text
    (the definition stays: Markdown shows none), and every raw
    ``<a href>`` to one without its ``href`` (an ``<a>`` without it is text); ``target`` says where a link
    leads (default: :func:`.links.target_of` from ``src``)."""
    def leads_nowhere(url: str) -> bool:
        target_file = target(url) if target is not None else target_of(src, url)
        return target_file is not None and dead(target_file)

    cuts = [(start, stop, text) for start, stop, text, url in inline_links(markdown) + reference_links(markdown)
            if leads_nowhere(url)]
    if _RAW_LINK.search(markdown):
        for span in url_spans(markdown, html_only=True):
            if span.kind == "link" and leads_nowhere(span.url):
                attribute = markdown.rfind("href", 0, span.start)
                cuts.append((attribute, span.end + 1, ""))  # up to the closing quote
    if not cuts:
        return markdown
    parts = []
    end = 0
    for start, stop, text in sorted(cuts):
        if start < end:
            continue  # an <a> written inside a Markdown link's text went with it
        parts += [markdown[end:start], text]
        end = stop
    parts.append(markdown[end:])
    return "".join(parts)
