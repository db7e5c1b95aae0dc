"""No import cycle between the modules of worksession, function-local imports included.

A cycle hidden behind an import inside a function still ties the modules together: neither can be
understood, tested or moved without the other, and the import order decides whether it works.
Every module is parsed with `ast`; every `import` anywhere in it (module level, in a function, under
`if TYPE_CHECKING:`) is an edge of the module graph, and each strongly connected component of more
than one module is reported with a cycle through it.
"""

from __future__ import annotations

import ast
import itertools
from collections.abc import Iterator
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "worksession"
ROOT = PACKAGE.name


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _module_files() -> dict[str, Path]:
    # Migration scripts are loaded by Alembic from their folder, never imported by a module.
    return {
        _module_name(path): path
        for path in sorted(PACKAGE.rglob("*.py"))
        if "versions" not in path.relative_to(PACKAGE).parts
    }


def _imported_modules(name: str, path: Path, modules: set[str]) -> Iterator[tuple[str, int]]:
    """Every module of the package an import in the file (anywhere in it) loads, with its line."""
    is_package = path.name == "__init__.py"
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name in modules:
                    yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                # A relative import counts from the package: the module itself for an __init__.
                package = name.split(".")
                drop = node.level - 1 if is_package else node.level
                base = ".".join(package[: len(package) - drop] if drop else package)
                module = f"{base}.{node.module}" if node.module else base
            else:
                module = node.module or ""
            for alias in node.names:
                # `from package import module` loads the submodule; `from module import name`
                # the module itself.
                submodule = f"{module}.{alias.name}"
                if submodule in modules:
                    yield submodule, node.lineno
                elif module in modules:
                    yield module, node.lineno


def import_graph() -> dict[str, dict[str, int]]:
    """Module → {imported module of the package: line of the first such import}."""
    files = _module_files()
    graph: dict[str, dict[str, int]] = {name: {} for name in files}
    for name, path in files.items():
        for target, line in _imported_modules(name, path, set(files)):
            if target != name:
                graph[name].setdefault(target, line)
    return graph


def strongly_connected(graph: dict[str, dict[str, int]]) -> list[list[str]]:
    """Tarjan's components of more than one module, each sorted, iteratively (no recursion)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []
    counter = 0
    for start in sorted(graph):
        if start in index:
            continue
        work: list[tuple[str, Iterator[str]]] = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, successors = work[-1]
            advanced = False
            for succ in successors:
                if succ not in index:
                    index[succ] = low[succ] = counter
                    counter += 1
                    stack.append(succ)
                    on_stack.add(succ)
                    work.append((succ, iter(sorted(graph[succ]))))
                    advanced = True
                    break
                if succ in on_stack:
                    low[node] = min(low[node], index[succ])
            if advanced:
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    components.append(sorted(component))
    return sorted(components)


def a_cycle(graph: dict[str, dict[str, int]], component: list[str]) -> list[str]:
    """One shortest cycle through the first module of a component, as module:line steps."""
    members = set(component)
    start = component[0]
    previous: dict[str, str] = {}
    frontier = [start]
    while frontier:
        following = []
        for node in frontier:
            for succ in sorted(graph[node]):
                if succ not in members:
                    continue
                if succ == start:
                    path = [node]
                    while path[-1] != start:
                        path.append(previous[path[-1]])
                    path.reverse()
                    path.append(start)
                    return [f"{a} (line {graph[a][b]}) → {b}" for a, b in itertools.pairwise(path)]
                if succ not in previous:
                    previous[succ] = node
                    following.append(succ)
        frontier = following
    return []


def describe(graph: dict[str, dict[str, int]], components: list[list[str]]) -> str:
    lines = []
    for component in components:
        lines.append(f"cycle between {len(component)} modules: {', '.join(component)}")
        lines += [f"    {step}" for step in a_cycle(graph, component)]
    return "\n".join(lines)


def test_the_graph_sees_function_local_and_relative_imports() -> None:
    graph = import_graph()
    # The command line imports the storage layer inside the functions that run its commands.
    assert "worksession.storage.opening" in graph["worksession.cli.common"]
    assert "worksession.domain" in graph


def test_the_cycle_finder_reports_a_cycle_with_its_modules() -> None:
    graph = {"a": {"b": 3}, "b": {"c": 5}, "c": {"a": 7, "d": 1}, "d": {}}
    components = strongly_connected(graph)
    assert components == [["a", "b", "c"]]
    assert a_cycle(graph, components[0]) == [
        "a (line 3) → b",
        "b (line 5) → c",
        "c (line 7) → a",
    ]


def test_no_import_cycle_between_modules() -> None:
    graph = import_graph()
    components = strongly_connected(graph)
    assert components == [], "\n" + describe(graph, components)
