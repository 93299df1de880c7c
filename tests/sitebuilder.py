"""Build real Kennisbank sites into a temporary folder, from a compact tree literal.

Modelled on mkdocs-awesome-nav's tests: a test names the files it needs, builds
with real MkDocs and the real hooks, and asserts on what a visitor sees.
"""

from __future__ import annotations

import html.parser
import shutil
import textwrap
from dataclasses import dataclass
from pathlib import Path

from kennisbank.mkdocs.commands import BuildFailed, build_site

REPO = Path(__file__).resolve().parents[1]
SKELETON = ["mkdocs.yml", "hooks", "overrides", "docs/_data", "docs/stylesheets", "docs/index.md",
            "docs/bijdragen",
            "docs/javascripts", "docs/toegankelijkheid.md", "docs/privacy.md"]
CONTENT = ["docs/artikelen", "docs/praktijkvoorbeelden", "docs/academie"]


def frontmatter(**fields: object) -> str:
    """YAML frontmatter from keyword arguments; lists in flow style."""
    lines = ["---"]
    for key, value in fields.items():
        if isinstance(value, list):
            lines.append(f"{key}: [{', '.join(str(v) for v in value)}]")
        elif isinstance(value, dict):
            lines.append(f"{key}:")
            lines.extend(f"  {k}: {v}" for k, v in value.items())
        else:
            lines.append(f"{key}: {value}")
    lines.append("---")
    return "\n".join(lines) + "\n"


def article(title: str = "Een artikel", body: str = "Tekst van het artikel.\n", **fields: object) -> str:
    base = dict(titel=title, samenvatting="Korte samenvatting.", type="artikel",
                themas=["bestaanszekerheid"], auteurs=["VNG Kennishub"], gepubliceerd="2024-03-12")
    base.update(fields)
    return frontmatter(**{k: v for k, v in base.items() if v is not None}) + "\n" + body


def practice(title: str = "Een praktijkvoorbeeld", body: str = "Aanpak.\n", **fields: object) -> str:
    base = dict(titel=title, samenvatting="Korte samenvatting.", type="praktijkvoorbeeld",
                themas=["klimaat-energie"], auteurs=["Gemeente Zwolle"], gepubliceerd="2024-05-01",
                gemeenten=["Zwolle"], contact={"naam": "Team Energie"})
    base.update(fields)
    return frontmatter(**{k: v for k, v in base.items() if v is not None}) + "\n" + body


@dataclass
class Project:
    root: Path

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    def write(self, files: dict[str, str | bytes]) -> Project:
        for name, content in files.items():
            path = self.docs / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(textwrap.dedent(content) if content.startswith("\n") else content,
                                encoding="utf-8")
        return self

    def build(self, strict: bool = True) -> Site:
        site_dir = self.root / "site"
        build_site(self.root / "mkdocs.yml", site_dir, strict=strict)
        return Site(site_dir)

    def build_fails(self) -> str:
        try:
            self.build()
        except BuildFailed as exc:
            return str(exc)
        raise AssertionError("build succeeded but was expected to fail")


def project(tmp_path: Path, files: dict[str, str | bytes] | None = None, *, starter: bool = False) -> Project:
    """A project with the real configuration and taxonomy; starter content only when asked."""
    root = tmp_path / "hub"
    for name in SKELETON + (CONTENT if starter else []):
        source = REPO / name
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, target)
        else:
            shutil.copy2(source, target)
    return Project(root).write(files or {})


class _Text(html.parser.HTMLParser):
    SKIP = {"script", "style", "svg"}

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.skipping += 1

    def handle_endtag(self, tag):
        if tag in self.SKIP and self.skipping:
            self.skipping -= 1

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


@dataclass
class Site:
    root: Path

    def html(self, url: str) -> str:
        path = self.root / url.strip("/")
        if path.is_dir() or not path.suffix:
            path = path / "index.html"
        return path.read_text(encoding="utf-8")

    def article_html(self, url: str) -> str:
        """Only the main content of a page, without header, navigation and footer."""
        page = self.html(url)
        start = page.index('<article class="md-content__inner')
        return page[start: page.index("</article>", start)]

    def text(self, url: str) -> str:
        parser = _Text()
        parser.feed(self.article_html(url))
        return " ".join(" ".join(parser.parts).split())

    def links(self, url: str) -> list[str]:
        import re

        return re.findall(r'href="([^"]+)"', self.article_html(url))
