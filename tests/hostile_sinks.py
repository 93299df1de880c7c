"""A hub with hostile values in every frontmatter field of every content type, and a whole-page audit.

The body sanitizer never sees what Material's templates print from frontmatter and configuration (title,
header, breadcrumbs, navigation, table of contents, tags index, search results, footer), so these payloads
sit in exactly those values. Each payload either sets the canary ``window.__pwned``, opens a dialog, or
points the page at ``evil.example``; the audit parses a whole built page (head to footer) with the standard
library, independent of the escaping under test.
"""

from __future__ import annotations

import html.parser
import json
from pathlib import Path
from urllib.parse import urlsplit

from sitebuilder import Project, frontmatter, project

EVIL = "evil.example"
# Each at most 40 characters (the longest a tag may be), lower case (tags are lower-cased).
TAG_BREAKOUT = "<img src=x onerror=window.__pwned=1>"
TITLE_BREAKOUT = "</title><base href=//evil.example/>"
ATTRIBUTE_BREAKOUT = '"><svg onload=alert(1)>'
REFRESH = '0;url=//evil.example"http-equiv="refresh'  # browsers accept no space before an attribute
SCRIPT = "<script>window.__pwned=1</script>"
COMMENT = "<!--"
JS_BREAKOUT = "'); window.__pwned=1; ('\\"  # the search page's index is a JS string literal
PAYLOADS = (TAG_BREAKOUT, TITLE_BREAKOUT, ATTRIBUTE_BREAKOUT, REFRESH, SCRIPT, COMMENT, JS_BREAKOUT)
"""Everything here is plain text to a correct page; REFRESH and JS_BREAKOUT hold no '<', so ``check``
accepts them: they are only text, and must stay so."""


def _yaml(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def _tags() -> str:
    return "[" + ", ".join(_yaml(p) for p in PAYLOADS) + "]"


TOC_ID = "x\" autofocus onfocus=\"window.__pwned=1"
CLOBBER_BODY = f"""\
## Kop met een eigen id {{: id='{TOC_ID}' }}

Tekst.

## Configuratie {{: #__config }}

Tekst.

<div id="__search" markdown>Zoeken *uit*.</div>

<a name="__palette">anker</a>
"""


# Mermaid diagrams are contributed text that a script turns into SVG in the browser (Material with the
# vendored Mermaid at securityLevel 'strict', see overrides/assets/javascripts/kennisbank/diagrammen.js):
# HTML in labels, click handlers and links to javascript:, and a diagram asking for a looser level itself.
DIAGRAM_TITLE = "Diagram met aanval"
DIAGRAM_BODY = """\
Tekst.

```mermaid
flowchart LR
    A["<img src=x onerror=window.__pwned=1> Aanvraag"] --> B["<b onmouseover=window.__pwned=1>Besluit</b>"]
    B --> C[Klik hier]
    B --> D[Of hier]
    click C href "javascript:window.__pwned=1" "Link"
    click D call alert(1)
    B --> G["<img src='https://evil.example/volg.png'> <video poster='//evil.example/p.png'></video>Volg"]
```

```mermaid
%%{init: {"securityLevel": "loose"}}%%
flowchart LR
    E["<iframe srcdoc='<script>parent.__pwned=1</script>'></iframe> Loos"] --> F[Klik]
    click F href "javascript:window.__pwned=1"
```

```mermaid
sequenceDiagram
    Inwoner->>Gemeente: <img src=x onerror=window.__pwned=1> Aanvraag
    Note over Gemeente: <script>window.__pwned=1</script>
```

```mermaid
flowchart LR
    H@{ img: "https://evil.example/foto.png", label: "Foto", pos: "t", w: 60, h: 60 }
```

```mermaid
%%{init: {"themeCSS": ".node rect { fill: url(https://evil.example/css.png) }"}}%%
flowchart LR
    I[Thema] --> J[Kleur]
```

```mermaid
flowchart LR
    K[Stijl]
    classDef x fill:#fff,stroke:\\75 rl(//evil.example/escape.png)
    class K x
```
"""
DIAGRAMS_DRAWN = 3
"""The first three diagrams are drawn (cleaned); the last three would fetch from evil.example and are not."""

ARTICLE_TITLE = TAG_BREAKOUT + " " + TITLE_BREAKOUT
SUMMARY = REFRESH + " " + ATTRIBUTE_BREAKOUT
PRACTICE_TITLE = ATTRIBUTE_BREAKOUT + " " + JS_BREAKOUT + " praktijk"
COURSE_TITLE = TITLE_BREAKOUT + " cursus"
MODULE_TITLE = TAG_BREAKOUT + " module"
SITE_NAME = "VNG " + TITLE_BREAKOUT
NETWORK_NAME = "Regioberaad " + TAG_BREAKOUT


def hostile_files() -> dict[str, str]:
    """One item of each type, every text field hostile, plus an ordinary page and a course with a module."""
    title, summary = ARTICLE_TITLE, SUMMARY
    common = {"samenvatting": _yaml(summary), "tags": _tags(), "auteurs": f"[{_yaml(SCRIPT)}]",
                  "gepubliceerd": "2024-03-12"}
    return {
        "artikelen/aanval.md": frontmatter(titel=_yaml(title), type="artikel", themas="[bestaanszekerheid]",
                                           netwerken="[regioberaad]", **common) + "\n" + CLOBBER_BODY,
        "praktijkvoorbeelden/aanval-praktijk.md": frontmatter(
            titel=_yaml(PRACTICE_TITLE), type="praktijkvoorbeeld",
            themas="[bestaanszekerheid]", netwerken="[regioberaad]", gemeenten="[Zwolle]",
            contact={"naam": _yaml(SCRIPT), "functie": _yaml(TAG_BREAKOUT)}, **common) + "\nAanpak.\n",
        "academie/aanval-cursus/index.md": frontmatter(
            titel=_yaml(COURSE_TITLE), type="cursus", themas="[bestaanszekerheid]",
            doelgroep="[ambtenaren]", niveau="basis", duur_minuten="60", leerdoelen=f"[{_yaml(SCRIPT)}]",
            docenten=f"[{_yaml(TAG_BREAKOUT)}]", **common) + "\nOver de cursus.\n",
        "academie/aanval-cursus/01-module.md": frontmatter(
            titel=_yaml(MODULE_TITLE), type="module", volgorde="1", duur_minuten="30",
            samenvatting=_yaml(summary), leerdoelen=f"[{_yaml(ATTRIBUTE_BREAKOUT)}]", tags=_tags())
        + "\n" + CLOBBER_BODY,
        "over.md": frontmatter(title=_yaml(title), description=_yaml(summary)) + "\n" + CLOBBER_BODY,
        "artikelen/aanval-diagram.md": frontmatter(titel=_yaml(DIAGRAM_TITLE), type="artikel",
                                                   themas="[bestaanszekerheid]", samenvatting="Een diagram.",
                                                   auteurs="[VNG Kennishub]", gepubliceerd="2024-03-12")
        + "\n" + DIAGRAM_BODY,
    }


def hostile_hub(tmp_path: Path) -> Project:
    """The hostile items in a hub whose configuration and taxonomy names are hostile too."""
    hub = project(tmp_path, hostile_files())
    config = hub.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = text.replace("site_name: VNG Kennisbank", f"site_name: {_yaml(SITE_NAME)}", 1)
    config.write_text(text, encoding="utf-8")
    networks = hub.docs / "_data" / "netwerken.yml"
    networks.write_text(networks.read_text(encoding="utf-8").replace(
        "naam: Regioberaad", f"naam: {_yaml(NETWORK_NAME)}", 1), encoding="utf-8")
    return hub


URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "srcset", "poster"}
LINK_RELS = {"stylesheet", "icon", "canonical", "alternate feed", "preload", "prev", "next", "sitemap"}


class _PageAudit(html.parser.HTMLParser):
    """Findings in a whole page that no escaped value can produce."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.findings: list[str] = []
        self.titles = 0
        self.ids: dict[str, int] = {}
        self.inline_script = False
        self.svg = 0

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        where = f"<{tag} {attrs}>"
        # An SVG's handlers are found with every other element's, below.
        if tag in ("base", "object", "embed", "frame", "iframe", "math", "template", "noscript"):
            self.findings.append(f"element {where}")
        if tag == "meta" and "http-equiv" in values:
            self.findings.append(f"meta refresh {where}")
        if tag == "link" and values.get("rel") not in LINK_RELS:
            self.findings.append(f"link {where}")
        if tag == "svg":
            self.svg += 1
        if tag == "title" and not self.svg:  # an SVG's <title> is its tooltip, not the page's
            self.titles += 1
        if tag == "script" and "src" not in values and values.get("type") != "application/json":
            self.inline_script = True
            self.findings.append(f"inline script {where}")
        for name, value in attrs:
            value = value or ""
            if name.startswith("on") or name in ("autofocus", "srcdoc", "http-equiv") and tag != "meta":
                self.findings.append(f"attribute {name} in {where}")
            if name in URL_ATTRIBUTES and (_leaves_site(value) or value.strip().lower().startswith("javascript:")):
                self.findings.append(f"url {name} in {where}")
            if name == "id" and value.startswith("__"):
                self.ids[value] = self.ids.get(value, 0) + 1
            if name == "name" and value.startswith("__") and tag != "input":  # Material names only its inputs
                self.findings.append(f"theme name {where}")

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag):
        if tag == "svg" and self.svg:
            self.svg -= 1
        if tag == "script":
            self.inline_script = False

    def handle_data(self, data):
        if self.inline_script and "__pwned" in data:
            self.findings.append(f"script text {data[:80]!r}")


def _leaves_site(value: str) -> bool:
    """Whether a hostile value could steer this URL: EVIL anywhere but in the query of a link within the site.
    The search page's filters carry contributor text as a percent-encoded query value (a tag page's
    'Zoek op dit trefwoord': ``zoeken/?trefwoord=…evil.example…``), which only fills in a search field."""
    if EVIL not in value:
        return False
    parts = urlsplit(value.strip())
    return bool(parts.scheme or parts.netloc) or EVIL in parts.path or EVIL in parts.fragment


def audit_page(page_html: str) -> list[str]:
    """Everything in a whole page that a hostile value could have put there; [] for a clean page."""
    parser = _PageAudit()
    parser.feed(page_html)
    parser.close()
    findings = list(parser.findings)
    if parser.titles != 1:
        findings.append(f"{parser.titles} <title> elements")
    # Each of Material's ids occurs once in a page: a second one is content's, clobbering the theme's.
    findings += [f"id '{name}' {count} times" for name, count in parser.ids.items() if count > 1]
    return findings


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Texts(html.parser.HTMLParser):
    def __init__(self, tag: str, class_name: str | None) -> None:
        super().__init__(convert_charrefs=True)
        self.tag, self.class_name = tag, class_name
        self.stack: list[int | None] = []  # per open element: index of the text it captures, if any
        self.texts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        classes = (dict(attrs).get("class") or "").split()
        match = tag == self.tag and (self.class_name is None or self.class_name in classes)
        if match:
            self.texts.append("")
        self.stack.append(len(self.texts) - 1 if match else None)

    def handle_endtag(self, tag):
        if tag not in VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        for index in {i for i in self.stack if i is not None}:
            self.texts[index] += data


def texts(page_html: str, tag: str, class_name: str | None = None) -> list[str]:
    """The visible text of every ``tag`` (with ``class_name``) in a page, whitespace folded."""
    parser = _Texts(tag, class_name)
    parser.feed(page_html)
    parser.close()
    return [" ".join(text.split()) for text in parser.texts]


def meta_description(page_html: str) -> str | None:
    found: list[str] = []

    class _Meta(html.parser.HTMLParser):
        def handle_starttag(self, tag, attrs):
            values = dict(attrs)
            if tag == "meta" and values.get("name") == "description":
                found.append(values.get("content") or "")

    _Meta(convert_charrefs=True).feed(page_html)
    return found[0] if len(found) == 1 else None
