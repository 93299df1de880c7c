"""Every repository path that the README, the contributor files and the code's comments name exists.

A comment pointing at a file that was moved or renamed sends the next reader
looking for something that is not there; this keeps the pointers honest. Only
prose is read (Markdown, comments, docstrings), not the test data in strings.
"""

from __future__ import annotations

import ast
import io
import re
import subprocess
import tokenize
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TOP = ("kennisbank", "tests", "benchmarks", "docs", "hooks", "overrides", "schema", "scripts", "deploy", ".ci",
       ".github")
PATH = re.compile(r"(?<![\w./-])((?:" + "|".join(re.escape(t) for t in TOP) + r")/[\w./-]*[\w/])")
"""A path from the repository root: a top-level folder, then file and folder names."""
COMMENTED = (".js", ".css", ".html", ".j2", ".yml", ".yaml", ".toml")
PROSE = ("README.md", "CONTRIBUTING.md", "benchmarks/RESULTS.md", "docs/bijdragen/index.md")
GENERATED = ("benchmarks/.corpus",)
"""Folders a run makes (and .gitignore lists): named in comments, absent in a fresh checkout."""
ABSENT_ON_PURPOSE = {
    "docs/artikelen/kaart.png": "the guide's example of an image beside its page",
    "docs/assets/": "folders the guide says are the theme's: refused when a contributor makes them",
    "docs/search/": "folders the guide says are the theme's: refused when a contributor makes them",
    "docs/overrides/": "folders the guide says are the theme's: refused when a contributor makes them",
}
"""Paths named to say what a contributor may not, or might, add."""
BLOCK_COMMENT = re.compile(r"/\*.*?\*/|<!--.*?-->|\{#.*?#\}", re.S)
LINE_COMMENT = re.compile(r"(?:^|\s)(?://|#)(.*)$", re.M)


def python_prose(text: str) -> list[tuple[int, str]]:
    """Comments and docstrings (of modules, classes, functions and attributes) with their first line."""
    found = [(tok.start[0], tok.string) for tok in tokenize.generate_tokens(io.StringIO(text).readline)
             if tok.type == tokenize.COMMENT]
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
            found.append((node.lineno, node.value.value))
    return found


def other_prose(name: str, text: str) -> list[tuple[int, str]]:
    """Block and line comments of scripts, stylesheets, templates, YAML and shell files."""
    found = [(text.count("\n", 0, m.start()) + 1, m.group(0)) for m in BLOCK_COMMENT.finditer(text)]
    if not name.endswith((".css", ".html", ".j2")):
        found += [(text.count("\n", 0, m.start()) + 1, m.group(1)) for m in LINE_COMMENT.finditer(text)]
    return found


def named_paths() -> dict[str, list[str]]:
    """Path → the places (file:line) naming it."""
    files = subprocess.run(["git", "ls-files"], cwd=REPO, capture_output=True, text=True, check=True).stdout.split()
    found: dict[str, list[str]] = {}
    for name in files:
        path = REPO / name
        if not path.is_file():
            continue
        if name in PROSE:
            chunks = [(1, path.read_text(encoding="utf-8"))]
        elif name.endswith(".py"):
            chunks = python_prose(path.read_text(encoding="utf-8"))
        elif name.endswith(COMMENTED) or name in ("Makefile", ".ci/run"):
            if name.startswith("overrides/assets/javascripts/iframe-worker/"):
                continue  # vendored
            chunks = other_prose(name, path.read_text(encoding="utf-8"))
        else:
            continue
        for first_line, chunk in chunks:
            for match in PATH.finditer(chunk):
                named = match.group(1).rstrip(".")
                if chunk[match.end():match.end() + 1] in ("<", "*", "{") or named.startswith(GENERATED):
                    continue  # a pattern such as docs/academie/<cursus>/ or kennisbank/*.py
                line = first_line + chunk.count("\n", 0, match.start())
                found.setdefault(named, []).append(f"{name}:{line}")
    return found


def test_every_named_path_exists():
    missing = {path: places for path, places in named_paths().items()
               if not (REPO / path).exists() and path not in ABSENT_ON_PURPOSE}
    assert missing == {}


def test_the_check_sees_the_paths_it_is_about():
    # Named in the README, a docstring, a comment and a template comment: if the reading stopped
    # finding them, the test above would pass idly.
    assert {"kennisbank/index/rules.py", "kennisbank/content/html_policy.py", "tests/test_counts.py",
            "kennisbank/site/blocks.py"} <= set(named_paths())
