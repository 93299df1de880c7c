"""Generate a deterministic synthetic hub of N items, ready to build.

The corpus uses the real content model and the real taxonomy of this
repository (every theme, network and content type, courses with modules, real
municipality names), so it passes ``kennisbank check`` and builds strictly.
Each item has 600–900 words of Dutch text with headings, lists, a table, an
admonition and relative links to other items. Same ``n`` and ``seed`` give the
same bytes, so benchmark runs compare like with like.

Example::

    python benchmarks/generate.py 1000 benchmarks/.corpus/hub-1000
    python -c "from benchmarks.generate import generate; generate(30, 1, Path('/tmp/hub'))"
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import posixpath
import random
import shutil
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:  # run as a script: make the repository importable
    sys.path.insert(0, str(REPO))

from benchmarks import wordbank as wb  # noqa: E402
from kennisbank.content.layout import slugify  # noqa: E402
from kennisbank.content.model import Doelgroep, ItemType, Niveau  # noqa: E402
from kennisbank.content.taxonomy import load_taxonomy  # noqa: E402

CONTENT_FOLDERS = sorted({t.folder for t in ItemType})
"""Starter content is replaced by the synthetic corpus; everything else of docs/ is copied."""


@dataclass
class Planned:
    src: str
    type: ItemType
    title: str
    themes: list[str]
    slug: str
    course: str | None = None
    order: int = 0
    extra: dict = field(default_factory=dict)


@dataclass
class Corpus:
    """What :func:`generate` wrote."""

    root: Path
    items: list[str]
    """``src`` paths below ``docs/`` of every generated item."""
    counts: dict[str, int]
    words: int

    @property
    def docs(self) -> Path:
        return self.root / "docs"


def generate(n: int, seed: int, target: Path, *, source: Path = REPO) -> Corpus:
    """Write a buildable project with ``n`` items into ``target`` (replaced if it exists).

    The project is a copy of ``source`` (``mkdocs.yml``, hooks, overrides and
    every non-content file of ``docs/``) with the starter content replaced.
    """
    if n < 1:
        raise ValueError("n must be at least 1")
    target = Path(target)
    if target.exists():
        shutil.rmtree(target)
    copy_skeleton(source, target)
    docs = target / "docs"
    taxonomy, problems = load_taxonomy(docs, target)
    if problems:
        raise RuntimeError(f"taxonomy of {source} is invalid: {problems[0]}")
    rng = random.Random(seed)
    writer = _Writer(rng, sorted(taxonomy.themes), sorted(taxonomy.networks),
                     sorted(m.naam for m in taxonomy.municipalities.values()))
    plan = writer.plan(n)
    words = 0
    for item in plan:
        text, count = writer.render(item, plan)
        words += count
        path = docs / item.src
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    counts = Counter(i.type.value for i in plan)
    return Corpus(target, [i.src for i in plan], dict(sorted(counts.items())), words)


def copy_skeleton(source: Path, target: Path) -> None:
    """Copy configuration, hooks, overrides and non-content docs (again, so a reused corpus stays current)."""
    (target / "docs").mkdir(parents=True, exist_ok=True)
    shutil.copy2(source / "mkdocs.yml", target / "mkdocs.yml")
    ignore = shutil.ignore_patterns("__pycache__")
    for folder in ("hooks", "overrides"):
        if (source / folder).is_dir():
            shutil.copytree(source / folder, target / folder, ignore=ignore, dirs_exist_ok=True)
    for entry in (source / "docs").iterdir():
        if entry.name in CONTENT_FOLDERS:
            continue
        if entry.is_dir():
            # Replaced, not merged: a theme file the checkout no longer has would be refused by the build.
            shutil.rmtree(target / "docs" / entry.name, ignore_errors=True)
            shutil.copytree(entry, target / "docs" / entry.name, ignore=ignore)
        else:
            shutil.copy2(entry, target / "docs" / entry.name)


class _Writer:
    def __init__(self, rng: random.Random, themes: list[str], networks: list[str], places: list[str]):
        self.rng = rng
        self.themes = themes
        self.networks = networks
        self.places = places
        self.slugs: set[str] = set()

    # -- planning: every item's path and title first, so bodies can link to any item --

    def plan(self, n: int) -> list[Planned]:
        items: list[Planned] = []
        while len(items) < n:
            left = n - len(items)
            kind = self.rng.choices(["artikel", "praktijkvoorbeeld", "cursus"], [50, 35, 3])[0]
            if not items and n >= 10:
                kind = "cursus"  # so that even a small corpus has every content type
            if kind == "cursus" and left >= 3:
                items.extend(self._course(min(self.rng.randint(3, 5), left - 1)))
            elif kind == "praktijkvoorbeeld":
                items.append(self._single(ItemType.PRAKTIJKVOORBEELD, wb.PRACTICE_PATTERNS))
            else:
                items.append(self._single(ItemType.ARTIKEL, wb.TITLE_PATTERNS))
        return items

    def _pick_themes(self) -> list[str]:
        return self.rng.sample(self.themes, self.rng.choice([1, 1, 2, 2, 3]))

    def _title(self, patterns: list[str], theme: str, place: str = "") -> str:
        topic = self.rng.choice(wb.TOPICS.get(theme) or sum(wb.TOPICS.values(), []))
        pattern = self.rng.choice(patterns)
        return pattern.format(topic=topic, Topic=topic[0].upper() + topic[1:], place=place)

    def _unique_slug(self, title: str) -> str:
        base = slugify(title)[:60].strip("-")
        slug, number = base, 2
        while slug in self.slugs:
            slug, number = f"{base}-{number}", number + 1
        self.slugs.add(slug)
        return slug

    def _single(self, item_type: ItemType, patterns: list[str]) -> Planned:
        themes = self._pick_themes()
        places = self.rng.sample(self.places, self.rng.choice([1, 1, 1, 2, 3]))
        title = self._title(patterns, themes[0], places[0])
        slug = self._unique_slug(title)
        return Planned(f"{item_type.folder}/{slug}.md", item_type, title, themes, slug,
                       extra={"places": places})

    def _course(self, modules: int) -> list[Planned]:
        themes = self._pick_themes()
        title = self._title(wb.COURSE_PATTERNS, themes[0])
        slug = self._unique_slug(title)
        course = Planned(f"academie/{slug}/index.md", ItemType.CURSUS, title, themes, slug, course=slug)
        result = [course]
        for order in range(1, modules + 1):
            module_title = self._title(wb.MODULE_PATTERNS, themes[0])
            stem = f"{order:02d}-{slugify(module_title)[:40].strip('-')}"
            result.append(Planned(f"academie/{slug}/{stem}.md", ItemType.MODULE, module_title,
                                  themes if self.rng.random() < 0.3 else [], f"{slug}/{stem}",
                                  course=slug, order=order))
        return result

    # -- rendering --

    def render(self, item: Planned, plan: list[Planned]) -> tuple[str, int]:
        body, words = self._body(item, plan)
        return "---\n" + "\n".join(self._frontmatter(item, plan)) + "\n---\n\n" + body, words

    def _frontmatter(self, item: Planned, plan: list[Planned]) -> list[str]:
        rng = self.rng
        lines = [f"titel: {_q(item.title)}", f"samenvatting: {_q(self._sentence(item) + ' ' + self._sentence(item))}",
                 f"type: {item.type.value}"]
        topics = wb.TOPICS.get((item.themes or self.themes)[0], wb.TOPICS["leren-van-elkaar"])
        tags = sorted({_tag(t) for t in rng.sample(topics, 3)})
        if item.type is ItemType.MODULE:
            lines += [f"volgorde: {item.order}", f"duur_minuten: {rng.choice([20, 30, 45, 60])}",
                      "leerdoelen:", *(f"  - {_q(self._goal(item))}" for _ in range(rng.randint(2, 3))),
                      f"tags: {_flow(tags)}"]
            if item.themes:
                lines.append(f"themas: {_flow(item.themes)}")
            return lines
        published = dt.date(2019, 1, 1) + dt.timedelta(days=rng.randrange(2500))
        lines += [f"themas: {_flow(item.themes)}",
                  f"netwerken: {_flow(rng.sample(self.networks, rng.choice([0, 1, 1, 2, 3])))}",
                  f"tags: {_flow(tags)}",
                  f"auteurs: {_flow([rng.choice(wb.AUTHORS)])}",
                  f"gepubliceerd: {published.isoformat()}"]
        if rng.random() < 0.3:
            lines.append(f"bijgewerkt: {(published + dt.timedelta(days=rng.randrange(1, 400))).isoformat()}")
        if rng.random() < 0.03:
            lines.append("status: gearchiveerd")
        lines.append("voorbeeld: true")
        if item.type is ItemType.PRAKTIJKVOORBEELD:
            place = item.extra["places"][0]
            name = f"{rng.choice(wb.FIRST_NAMES)} {rng.choice(wb.LAST_NAMES)}"
            lines += [f"gemeenten: {_flow(item.extra['places'])}", "contact:", f"  naam: {_q(name)}",
                      f"  functie: {_q(rng.choice(wb.FUNCTIONS).capitalize())}",
                      f"  email: {slugify(name).replace('-', '.')}@{slugify(place)}.example"]
        elif item.type is ItemType.CURSUS:
            earlier = [p.slug for p in plan if p.type is ItemType.ARTIKEL][:50]
            lines += [f"doelgroep: {_flow(sorted(rng.sample([d.value for d in Doelgroep], 3)))}",
                      f"niveau: {rng.choice([n.value for n in Niveau])}",
                      f"duur_minuten: {rng.randrange(60, 300, 15)}",
                      "leerdoelen:", *(f"  - {_q(self._goal(item))}" for _ in range(rng.randint(2, 4))),
                      f"voorkennis: {_flow(rng.sample(earlier, min(len(earlier), rng.choice([0, 0, 1, 2]))))}",
                      f"docenten: {_flow(['VNG Academie'])}"]
        return lines

    def _goal(self, item: Planned) -> str:
        verb = self.rng.choice(["uitleggen", "toepassen", "beoordelen", "beschrijven", "vergelijken"])
        return f"Je kunt {self._topic(item)} {verb} in de context van je eigen gemeente."

    def _topic(self, item: Planned) -> str:
        return self.rng.choice(wb.TOPICS.get((item.themes or self.themes)[0], wb.TOPICS["leren-van-elkaar"]))

    def _sentence(self, item: Planned) -> str:
        rng = self.rng
        if rng.random() < 0.15:
            return rng.choice(wb.STATEMENTS)
        plural = rng.random() < 0.4
        subject = rng.choice(wb.SUBJECTS_PLURAL if plural else wb.SUBJECTS_SINGULAR)
        verb = rng.choice(wb.VERBS)[1 if plural else 0]
        rest = f"{rng.choice(wb.OBJECTS)} voor {self._topic(item)} {rng.choice(wb.ADVERBIALS)}"
        if rng.random() >= 0.25:
            return f"{subject} {verb} {rest}."
        connector = rng.choice(wb.CONNECTORS)
        subject = subject[0].lower() + subject[1:]
        if connector.endswith("dat"):  # subordinate clause: the verb goes last
            return f"{connector} {subject} {rng.choice(wb.OBJECTS)} {rng.choice(wb.ADVERBIALS)} {verb}."
        return f"{connector} {verb} {subject} {rest}."  # main clause after an adverb: verb second

    def _paragraph(self, item: Planned, sentences: int) -> str:
        return " ".join(self._sentence(item) for _ in range(sentences))

    def _body(self, item: Planned, plan: list[Planned]) -> tuple[str, int]:
        rng = self.rng
        target = rng.randint(600, 900)
        sections = {ItemType.PRAKTIJKVOORBEELD: wb.PRACTICE_SECTIONS, ItemType.MODULE: wb.MODULE_SECTIONS}.get(
            item.type, wb.ARTICLE_SECTIONS)
        others = [p for p in rng.sample(plan, min(len(plan), 4)) if p.src != item.src][:3]
        blocks = [self._paragraph(item, rng.randint(3, 5))]
        extras = [self._list, self._table, self._admonition, self._links]
        rng.shuffle(extras)
        headings = iter(rng.sample(sections, len(sections)))
        words = len(blocks[0].split())
        while words < target:
            heading = next(headings, None) or f"{rng.choice(wb.CONNECTORS)} {self._topic(item)}"
            section = [f"## {heading}", self._paragraph(item, rng.randint(3, 6))]
            if extras:
                section.append(extras.pop()(item, others))
            if rng.random() < 0.3:
                topic = self._topic(item)
                section += [f"### {topic[0].upper()}{topic[1:]}", self._paragraph(item, rng.randint(2, 4))]
            added = sum(len(block.split()) for block in section)
            if words + added > 900 and words >= 600:
                break
            blocks += section
            words += added
        return "\n\n".join(blocks) + "\n", words

    def _list(self, item: Planned, others: list[Planned]) -> str:
        numbered = self.rng.random() < 0.4
        entries = [self._sentence(item) for _ in range(self.rng.randint(3, 5))]
        return "\n".join(f"{index}. {e}" if numbered else f"- {e}" for index, e in enumerate(entries, 1))

    def _table(self, item: Planned, others: list[Planned]) -> str:
        rows = ["| Onderdeel | Verantwoordelijk | Planning |", "| --- | --- | --- |"]
        for _ in range(self.rng.randint(3, 5)):
            rows.append(f"| {self.rng.choice(wb.OBJECTS).capitalize()} | "
                        f"{self.rng.choice(wb.SUBJECTS_SINGULAR)} | Q{self.rng.randint(1, 4)} "
                        f"{self.rng.randint(2025, 2028)} |")
        return "\n".join(rows)

    def _admonition(self, item: Planned, others: list[Planned]) -> str:
        kind, title = self.rng.choice(wb.ADMONITIONS)
        return f'!!! {kind} "{title}"\n\n    {self._paragraph(item, 2)}'

    def _links(self, item: Planned, others: list[Planned]) -> str:
        if not others:
            return self._paragraph(item, 2)
        here = posixpath.dirname(item.src)
        links = [f"[{o.title}]({posixpath.relpath(o.src, here)})" for o in others]
        return "Lees ook: " + ", ".join(links) + "."


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _flow(values: list[str]) -> str:
    return "[" + ", ".join(_q(v) for v in values) + "]"


def _tag(topic: str) -> str:
    words = [w for w in topic.lower().split() if w not in {"de", "het", "een", "van", "in", "voor", "en"}]
    return " ".join(words)[:40].strip()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Generate a synthetic Kennisbank hub of N items.")
    parser.add_argument("n", type=int, help="number of items (course pages and modules count as items)")
    parser.add_argument("target", type=Path, help="project folder to create (replaced if it exists)")
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args(argv)
    corpus = generate(args.n, args.seed, args.target)
    print(f"{len(corpus.items)} items ({', '.join(f'{v} {k}' for k, v in corpus.counts.items())}), "
          f"{corpus.words} words in body text, written to {corpus.root}")


if __name__ == "__main__":
    main()
