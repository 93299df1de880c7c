"""What ``kennisbank collectie init`` finds in a source tree: dialect, field mappings, themes, counts.

Pure inspection: it reads the tree the way a build would (our frontmatter
reader, the same safety checks and dialect conversion) and proposes a data
file; nothing is written here.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..frontmatter import read_source
from ..markup import scan
from ..safety import check_body
from ..taxonomy import Taxonomy
from .dialects import convert_docusaurus, is_mdx_link
from .spec import SECTION_PAGE_NAMES

_CANDIDATES = {
    "titel": ["title", "titel", "sidebar_label"],
    "samenvatting": ["description", "summary", "samenvatting", "omschrijving", "definitie", "excerpt"],
    "tags": ["tags", "keywords", "trefwoorden"],
    "auteurs": ["authors", "author", "auteurs", "auteur"],
    "gepubliceerd": ["date", "created", "publish_date", "datum", "gepubliceerd"],
    "bijgewerkt": ["last_update", "updated", "modified", "lastmod", "bijgewerkt"],
    "concept": ["draft", "concept", "unlisted"],
}
_DOCUSAURUS = re.compile(r"^(:::[a-z]+|import .+ from ['\"]@theme|<Tabs>|<TabItem\b)", re.M)
CONVERSIONS = ["kaders (:::)", "tabbladen (<TabItem>)", "import/export-regels", "codeblok-opties",
               "onderdelen die niet kunnen worden omgezet"]
"""What the summary of ``collectie init`` counts, in this order."""
_WORD = re.compile(r"[a-zà-ÿ]{5,}")
_LICENCES = [("EUPL", "EUPL-1.2"), ("CC0", "CC0 1.0"), ("Attribution-ShareAlike", "CC BY-SA 4.0"),
             ("CC-BY-SA", "CC BY-SA 4.0"), ("Attribution 4.0", "CC BY 4.0"), ("CC-BY", "CC BY 4.0"),
             ("MIT License", "MIT"), ("Apache License", "Apache-2.0")]


@dataclass
class Inspection:
    """The findings for one tree."""

    pages: int = 0
    title: str = ""
    dialect: str = "mkdocs"
    fields: dict[str, str] = field(default_factory=dict)
    """Hub field → the source field found for it."""
    field_counts: Counter[str] = field(default_factory=Counter)
    """How many pages carry each source field."""
    themes: list[tuple[str, int]] = field(default_factory=list)
    """Theme slugs with a score (words shared with the theme's name and description), best first."""
    licence: str | None = None
    conversions: Counter[str] = field(default_factory=Counter)
    """What the Docusaurus conversion will rewrite, per kind."""
    left_out: list[str] = field(default_factory=list)
    """Pages with dangerous content: left out of a default build."""
    unreadable: list[str] = field(default_factory=list)


def inspect_tree(folder: Path, taxonomy: Taxonomy) -> Inspection:
    """Inspect every Markdown and MDX page below ``folder``."""
    found = Inspection()
    words: Counter[str] = Counter()
    bodies: list[tuple[str, str, int]] = []
    for path in sorted([*folder.rglob("*.md"), *folder.rglob("*.mdx")]):
        if any(part.startswith((".", "_")) for part in path.relative_to(folder).parts):
            continue  # dot files, and the source site's own '_' files (published.source_private)
        rel = path.relative_to(folder).as_posix()
        source, problems = read_source(path, rel)
        if source is None:
            found.unreadable.append(rel)
            continue
        found.pages += 1
        found.field_counts.update(source.meta.keys())
        bodies.append((rel, source.body, source.body_line))
        words.update(_WORD.findall(source.body.lower()))
        if rel in SECTION_PAGE_NAMES and not found.title:
            found.title = str(source.meta.get("title") or _first_heading(source.body) or "")
    found.dialect = "docusaurus" if any(rel.endswith(".mdx") or _DOCUSAURUS.search(body)
                                        for rel, body, _ in bodies) else "mkdocs"
    for rel, body, first_line in bodies:
        problems = check_body(rel, body, first_line, (), scan(body, first_line))
        if found.dialect == "docusaurus":
            problems = [p for p in problems if not is_mdx_link(p, body, first_line)]
        if any(p.severity.leaves_out() for p in problems):
            found.left_out.append(rel)
    if found.dialect == "docusaurus":
        for rel, body, _ in bodies:
            found.conversions.update(_conversions(body))
            found.conversions["onderdelen die niet kunnen worden omgezet"] += len(
                convert_docusaurus(body, rel, 1).problems)
    found.conversions = Counter({kind: found.conversions[kind] for kind in CONVERSIONS if found.conversions[kind]})
    for hub_field, names in _CANDIDATES.items():
        present = [name for name in names if found.field_counts[name]]
        if present:
            found.fields[hub_field] = max(present, key=lambda n: found.field_counts[n])
    found.themes = _theme_scores(words, taxonomy)
    found.licence = _licence(folder)
    return found


def _first_heading(body: str) -> str | None:
    match = re.search(r"^#[ \t]+(.+?)[ \t#]*$", body, re.M)
    return match.group(1) if match else None


def _conversions(body: str) -> Counter[str]:
    counts: Counter[str] = Counter()
    counts["kaders (:::)"] += len(re.findall(r"^[ \t]*:::[a-z]+", body, re.M))
    counts["tabbladen (<TabItem>)"] += len(re.findall(r"<TabItem\b", body))
    counts["import/export-regels"] += len(re.findall(r"^(import|export)\s", body, re.M))
    counts["codeblok-opties"] += len(re.findall(r"^[ \t]*```\S*.*(showLineNumbers|\{[\d,\- ]+\})", body, re.M))
    return +counts


def _theme_scores(words: Counter[str], taxonomy: Taxonomy) -> list[tuple[str, int]]:
    scores = []
    for slug, theme in taxonomy.themes.items():
        vocabulary = set(_WORD.findall(f"{theme.naam} {theme.beschrijving}".lower()))
        score = sum(words[w] for w in vocabulary)
        scores.append((slug, score))
    return sorted(scores, key=lambda s: (-s[1], s[0]))


def _licence(folder: Path) -> str | None:
    for name in ("LICENSE", "LICENSE.md", "LICENSE.txt", "LICENCE", "licentie.md"):
        for candidate in (folder / name, folder.parent / name):
            if candidate.is_file():
                text = candidate.read_text(encoding="utf-8", errors="replace")[:3000]
                return next((licence for marker, licence in _LICENCES if marker in text), None)
    return None
