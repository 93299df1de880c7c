"""Docusaurus/MDX syntax converted to the site's Markdown at build time, never silently wrong.

A Docusaurus tree written as ``.md`` uses MDX constructs that Python-Markdown
would print as text: ``import``/``export`` lines, ``:::tip[Titel]`` blocks,
``<Tabs>``/``<TabItem>``, ``<DocCardList />``, code-fence options such as
``showLineNumbers``. Each is rewritten to what Material does natively
(admonitions, content tabs, superfences options) keeping every line where it
was, so messages about the page still point at the contributor's line.
Anything else that looks like a component (``<Foo …>``) is reported at its
line, its tags removed and its text kept.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from ..problems import Problem, Severity

_ADMONITIONS = {"note": "note", "tip": "tip", "info": "info", "caution": "warning", "warning": "warning",
                "danger": "danger", "important": "info", "success": "success"}
_CONTAINER = re.compile(r"^(?P<indent>[ \t]*)(?P<colons>:{3,})(?P<kind>[a-z]+)?(?:\[(?P<title>[^\]]*)\]|[ \t]+"
                        r"(?P<plain>\S.*?))?[ \t]*$")
_IMPORT = re.compile(r"^(import\s.+\sfrom\s+['\"].+['\"];?|import\s+['\"].+['\"];?|export\s.*)$")
_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
_TAB_ITEM = re.compile(r"^[ \t]*<TabItem\b(?P<attrs>[^>]*)>[ \t]*$")
_ATTR = re.compile(r"""(?P<name>[A-Za-z]+)=(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|\{["'](?P<jsx>[^"'}]*)["']\})""")
_COMPONENT = re.compile(r"</?(?P<name>[A-Z][A-Za-z0-9]*)\b[^>]*?/?>")
_LINK = re.compile(r"<Link\b(?P<attrs>[^>]*)>(?P<text>.*?)</Link>")
_HIGHLIGHT = re.compile(r"^\s*(//|#|<!--|/\*)\s*highlight-(?P<what>next-line|start|end)\b.*$")
# JSX's way to an asset beside the page: src={require('./a.png').default}; kept as the path it names.
_REQUIRE_ATTR = re.compile(
    r"""(?P<attr>\b(?:src|href)=)\{\s*require\(\s*(['"])(?P<path>[^'"{}]*)\2\s*\)(?:\.default)?\s*\}""")
_BRACES = re.compile(r"\{(?P<ranges>[\d,\- ]+)\}")
# A JSX comment or expression; not Markdown's attribute lists ('{ #id .class }', '{: .x}'), which Material uses.
_JSX = re.compile(r"\{/\*.*?\*/\}|\{(?![\s]*[#.:])[^{}\n]*\}")
_ATTR_LIST = re.compile(r"""\{\s*(?:[\w-]+=(?:"[^"]*"|'[^']*'|[^\s}]+)\s*)+\}""")
KNOWN = {"Tabs", "TabItem", "DocCardList", "Link", "Details"}


@dataclass
class Converted:
    body: str
    problems: list[Problem] = field(default_factory=list)


def convert_docusaurus(body: str, path: str, first_line: int) -> Converted:
    """``body`` with Docusaurus/MDX syntax rewritten; every line stays on its line number."""
    out = Converted(body)
    lines = body.split("\n")
    indent_stack: list[str] = []  # extra indentation for the lines inside admonitions and tabs
    containers: list[int] = []  # colon counts of the open ':::' blocks
    fence: str | None = None
    in_export = 0
    in_comment = False
    for number, line in enumerate(lines):
        prefix = "".join(indent_stack)
        if fence is not None:
            lines[number] = prefix + line if line.strip() else line
            if line.strip().startswith(fence) and not line.strip().strip(fence[0]):
                fence = None
            continue
        stripped = line.strip()
        if in_comment or (stripped.startswith("{/*") and "*/}" not in stripped):
            # A JSX comment over several lines: meant for the source's authors, never page text.
            in_comment = "*/}" not in stripped if in_comment else True
            lines[number] = ""
            continue
        if in_export:
            in_export += stripped.count("{") - stripped.count("}")
            lines[number] = ""
            continue
        if _IMPORT.match(stripped) and not indent_stack:
            lines[number] = ""
            in_export = max(0, stripped.count("{") - stripped.count("}"))
            continue
        fence_match = _FENCE.match(line)
        if fence_match:
            fence = fence_match.group("fence")
            lines[number] = prefix + _fence_header(line, fence_match)
            continue
        container = _CONTAINER.match(line)
        if container and (container.group("kind") or containers):
            colons = len(container.group("colons"))
            if container.group("kind") is None:  # a closing ':::'
                if containers and colons >= containers[-1]:
                    containers.pop()
                    indent_stack.pop()
                lines[number] = ""
                continue
            kind = container.group("kind")
            title = container.group("title") or container.group("plain") or ""
            admonition = _ADMONITIONS.get(kind, "note")
            if kind not in _ADMONITIONS:
                out.problems.append(Problem(path, first_line + number, 1, "mdx",
                                            f"onbekend bloktype ':::{kind}'; getoond als opmerking (note)",
                                            Severity.WARNING))
            lines[number] = prefix + f"!!! {admonition}" + (f' "{_quote(title)}"' if title else "")
            containers.append(colons)
            indent_stack.append("    ")
            continue
        if stripped in ("<Tabs>", "</Tabs>", "</TabItem>") or re.match(r"^<Tabs\b[^>]*>$", stripped):
            if stripped == "</TabItem>" and indent_stack:
                indent_stack.pop()
            lines[number] = ""
            continue
        tab = _TAB_ITEM.match(line)
        if tab:
            attrs = _attrs(tab.group("attrs"))
            label = attrs.get("label") or attrs.get("value") or "Tab"
            lines[number] = prefix + f'=== "{_quote(label)}"'
            indent_stack.append("    ")
            continue
        if re.match(r"^<DocCardList\b[^>]*/>$", stripped):
            lines[number] = ""  # the section tree under every collection page lists the folder's pages
            continue
        lines[number] = prefix + _inline(line, path, first_line + number, out.problems) if line.strip() else line
    out.body = "\n".join(_highlights(lines))
    return out


def is_mdx_link(problem: Problem, body: str, body_line: int) -> bool:
    """Whether ``problem`` is the forbidden-<link> finding on MDX's <Link>, which this module converts.

    html.parser lower-cases tag names, so the check cannot tell <Link> from <link>; the source can.
    Its 'to' attribute is still checked for script URLs (kennisbank.content.safety), and reported apart.
    """
    if problem.field != "html" or not problem.message.startswith("<link>"):
        return False
    lines = body.split("\n")
    index = problem.line - body_line
    return 0 <= index < len(lines) and lines[index][problem.column - 1:].startswith("<Link")


def _inline(line: str, path: str, line_number: int, problems: list[Problem]) -> str:
    """``<Link to>`` as a Markdown link; other components reported, their tags dropped and their text kept."""
    def link(match: re.Match[str]) -> str:
        target = _attrs(match.group("attrs")).get("to") or _attrs(match.group("attrs")).get("href") or ""
        return f"[{match.group('text')}]({target})" if target else match.group("text")

    line = _LINK.sub(link, line)
    line = _REQUIRE_ATTR.sub(lambda m: f'{m.group("attr")}"{m.group("path")}"', line)

    def component(match: re.Match[str]) -> str:
        name = match.group("name")
        if name not in KNOWN and not match.group(0).startswith("</"):
            problems.append(Problem(path, line_number, match.start() + 1, "mdx",
                                    f"onderdeel <{name}> kan niet worden omgezet; de tekst erin staat er zonder "
                                    "opmaak", Severity.WARNING))
        return ""

    line = _COMPONENT.sub(component, line)

    def expression(match: re.Match[str]) -> str:
        if _ATTR_LIST.fullmatch(match.group(0)):
            return match.group(0)
        if not match.group(0).startswith("{/*"):
            problems.append(Problem(path, line_number, match.start() + 1, "mdx",
                                    f"JavaScript-uitdrukking '{match.group(0)[:40]}' kan niet worden omgezet en is "
                                    "weggelaten; schrijf de tekst zelf uit", Severity.WARNING))
        return ""

    # Outside code spans only: `{x}` in backticks is code the page shows on purpose.
    parts = re.split(r"(`+[^`]*`+)", line)
    return "".join(part if index % 2 else _JSX.sub(expression, part) for index, part in enumerate(parts))


def _fence_header(line: str, match: re.Match[str]) -> str:
    """Docusaurus fence options as superfences writes them: showLineNumbers, {1,3}, title=."""
    info = match.group("info")
    info = re.sub(r"\bshowLineNumbers\b", 'linenums="1"', info)
    info = _BRACES.sub(lambda m: 'hl_lines="' + " ".join(p.strip() for p in m.group("ranges").split(",")) + '"',
                       info)
    return match.group("indent") + match.group("fence") + info


def _highlights(lines: list[str]) -> list[str]:
    """'// highlight-next-line' and '// highlight-start/end' comments as hl_lines on the fence; the comments go.

    Only the converted body loses these lines: the checks ran on the source, so messages keep their lines.
    """
    result: list[str] = []
    header: int | None = None
    wanted: list[int] = []
    start: int | None = None
    code = 0
    for line in lines:
        fence = _FENCE.match(line)
        if header is None:
            if fence:
                header, wanted, start, code = len(result), [], None, 0
            result.append(line)
            continue
        if fence and line.strip().strip(fence.group("fence")[0]) == "":
            if wanted:
                result[header] = _add_highlights(result[header], wanted)
            header = None
            result.append(line)
            continue
        marker = _HIGHLIGHT.match(line)
        if marker is None:
            code += 1
            result.append(line)
        elif marker.group("what") == "next-line":
            wanted.append(code + 1)
        elif marker.group("what") == "start":
            start = code + 1
        elif start is not None:
            wanted.extend(range(start, code + 1))
            start = None
    return result


def _add_highlights(header: str, lines: list[int]) -> str:
    present = re.search(r'hl_lines="([^"]*)"', header)
    if present is None:
        return header + ' hl_lines="' + " ".join(str(n) for n in sorted(set(lines))) + '"'
    merged = {int(n) for n in present.group(1).split() if n.isdigit()} | set(lines)
    return header.replace(present.group(0), 'hl_lines="' + " ".join(str(n) for n in sorted(merged)) + '"')


def _attrs(text: str) -> dict[str, str]:
    return {m.group("name"): html.unescape(m.group("dq") or m.group("sq") or m.group("jsx") or "")
            for m in _ATTR.finditer(text)}


def _quote(text: str) -> str:
    return text.replace('"', "'")
