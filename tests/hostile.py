"""Hostile contributions for the untrusted-input tests: payload corpus, a hub full of them, and an HTML audit.

The payloads live in tests/fixtures/xss/ (see the README there). ``audit`` is the independent judge of a built
page: it parses the HTML with the standard library, not with the sanitizer under test.
"""

from __future__ import annotations

import contextlib
import html.parser
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from sitebuilder import Project, article, project

FIXTURES = Path(__file__).parent / "fixtures" / "xss"
EMBED_HOST = "www.youtube-nocookie.com"


def payloads(name: str) -> list[str]:
    """One payload per line; a literal ``\\n`` stands for a line break."""
    lines = (FIXTURES / name).read_text(encoding="utf-8").splitlines()
    return [line.replace("\\n", "\n") for line in lines if line.strip()]


REJECTED = payloads("html.txt") + payloads("markdown.txt")
"""Each must be an error of ``kennisbank check`` at its own line."""
INERT = payloads("inert.txt")
"""Harmless in today's browsers; only the built page is audited."""


def src_of(index: int) -> str:
    return f"artikelen/aanval-{index:03d}.md"


def hostile_project(tmp_path: Path, corpus: list[str]) -> Project:
    files = {src_of(i): article(title=f"Aanval {i}", body=f"Inleiding.\n\n{payload}\n\nSlot.\n")
             for i, payload in enumerate(corpus)}
    hub = project(tmp_path, files)
    config = hub.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8")
                      + f"\nextra:\n  kennisbank:\n    embeds: [{EMBED_HOST}]\n", encoding="utf-8")
    return hub


def payload_lines(hub: Project, index: int, payload: str) -> range:
    text = (hub.docs / src_of(index)).read_text(encoding="utf-8")
    first = text[: text.index(payload)].count("\n") + 1
    return range(first, first + payload.count("\n") + 1)


@contextlib.contextmanager
def checks_switched_off() -> Iterator[None]:
    """Simulate a check that misses everything, so only the build's defences stand between payload and visitor."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("kennisbank.content.hub.check_body", lambda *args, **kwargs: [])
        patch.setattr("kennisbank.content.hub.check_references", lambda *args, **kwargs: [])
        patch.setattr("kennisbank.content.hub.check_fields", lambda *args, **kwargs: [])
        patch.setattr("kennisbank.content.hub.check_diagrams", lambda *args, **kwargs: [])
        patch.setattr("kennisbank.content.taxonomy.check_fields", lambda *args, **kwargs: [])
        yield


DANGEROUS_TAGS = {"script", "style", "object", "embed", "applet", "base", "meta", "link", "form", "frame",
                  "frameset", "math", "template", "noscript", "animate", "set", "foreignobject", "button",
                  "textarea", "select", "isindex", "keygen", "portal", "audio", "video", "source", "marquee",
                  "body", "bgsound", "use", "image"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "srcset",
                  "lowsrc", "dynsrc", "to", "values", "from", "by"}


def browser_scheme(url: str) -> str:
    """The scheme a browser takes from an attribute value (WHATWG URL parsing), written apart from the code
    under test: leading and trailing C0 controls and spaces are dropped, tab and newline removed anywhere."""
    url = re.sub(r"[\t\n\r]", "", url.strip("".join(map(chr, range(0x21)))))
    match = re.match(r"([a-zA-Z][a-zA-Z0-9+.-]*):", url)
    return match.group(1).lower() if match else ""


class _Audit(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.findings: list[str] = []

    def handle_starttag(self, tag, attrs):
        where = f"<{tag} {attrs}>"
        values = dict(attrs)
        if tag in DANGEROUS_TAGS:
            self.findings.append(f"element {where}")
        if tag == "iframe" and values.get("src") is not None and not (
                values["src"].startswith(f"https://{EMBED_HOST}/") and "sandbox" in values):
            self.findings.append(f"iframe {where}")
        if tag == "input" and (values.get("type", "checkbox") != "checkbox" or "disabled" not in values):
            self.findings.append(f"input {where}")
        for name, value in attrs:
            value = value or ""
            if name.startswith("on") or name in ("srcdoc", "formaction"):
                self.findings.append(f"attribute {name} in {where}")
            if name in URL_ATTRIBUTES and browser_scheme(value) not in ("", "http", "https", "mailto", "tel"):
                self.findings.append(f"url {name} in {where}")
            if name == "style" and not re.fullmatch(r"(text-align:\s*(left|right|center);?)?", value.strip()):
                self.findings.append(f"style in {where}")

    handle_startendtag = handle_starttag


def audit(page_html: str) -> list[str]:
    """Everything in ``page_html`` that could run script or load something; [] for a clean page."""
    parser = _Audit()
    parser.feed(page_html)
    parser.close()
    return parser.findings
