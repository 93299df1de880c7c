"""The package layout is the architecture: phases import only earlier phases, and nothing imports in a circle."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "kennisbank"

LAYERS = {
    "kennisbank.content": 0,
    "kennisbank.academie.checks": 0,
    "kennisbank.academie.selfcheck": 0,
    "kennisbank.index": 1,
    "kennisbank.site": 2,
    "kennisbank.academie": 2,
    "kennisbank.outputs": 3,
    "kennisbank.features": 4,
    "kennisbank.mkdocs": 5,
    "kennisbank.cli": 6,
    "kennisbank": 6,
}
"""Phase of each package (the longest matching name decides): read, index, render, outputs, then the wiring."""


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def layer(module: str) -> int:
    best = max((name for name in LAYERS if module == name or module.startswith(name + ".")), key=len)
    return LAYERS[best]


def internal_imports(path: Path) -> list[tuple[str, int, bool, bool]]:
    """(imported module, line, at module level, only for type checking) for each kennisbank import."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module_name(path) if path.name == "__init__.py" else module_name(path).rpartition(".")[0]
    found = []

    def visit(node: ast.AST, top: bool, typing_only: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                visit(child, top, True)
                continue
            if isinstance(child, ast.ImportFrom):
                base = package.split(".")
                if child.level:
                    base = base[:len(base) - child.level + 1]
                    target = ".".join([*base, *([child.module] if child.module else [])])
                else:
                    target = child.module or ""
                if target == "kennisbank" or target.startswith("kennisbank."):
                    for alias in child.names:
                        submodule = f"{target}.{alias.name}"
                        is_module = (PACKAGE.parent / (submodule.replace(".", "/") + ".py")).exists() or \
                            (PACKAGE.parent / submodule.replace(".", "/") / "__init__.py").exists()
                        found.append((submodule if is_module else target, child.lineno, top, typing_only))
            elif isinstance(child, ast.Import):
                found.extend((a.name, child.lineno, top, typing_only) for a in child.names
                             if a.name.startswith("kennisbank."))
            nested = top and not isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
            visit(child, nested, typing_only)

    visit(tree, True, False)
    return found


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def test_no_module_imports_a_later_phase():
    upward = [f"{path.relative_to(PACKAGE.parent)}:{line}: {name} imports {target}"
              for name, path in MODULES.items()
              for target, line, _, _ in internal_imports(path)
              if layer(target) > layer(name)]
    assert upward == []


def test_imports_are_at_module_level_so_no_cycle_hides_in_a_function():
    late = [f"{path.relative_to(PACKAGE.parent)}:{line}: {target}"
            for path in MODULES.values() for target, line, top, _ in internal_imports(path) if not top]
    assert late == []


def test_the_import_graph_has_no_cycles():
    graph = {name: {t for t, _, _, typing_only in internal_imports(path) if not typing_only and t in MODULES}
             for name, path in MODULES.items()}
    cycles = []
    state: dict[str, int] = {}

    def walk(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycles.append(" -> ".join(trail[trail.index(nxt):] + [nxt]))
            elif nxt not in state:
                walk(nxt, trail + [nxt])
        state[node] = 2

    for start in sorted(graph):
        if start not in state:
            walk(start, [start])
    assert cycles == []


def test_every_phase_package_says_what_it_holds():
    for package in ["kennisbank", "kennisbank.content", "kennisbank.index", "kennisbank.site", "kennisbank.outputs",
                    "kennisbank.academie", "kennisbank.mkdocs", "kennisbank.cli"]:
        assert ast.get_docstring(ast.parse(MODULES[package].read_text(encoding="utf-8"))), package
