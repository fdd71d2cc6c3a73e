"""No import cycle among the modules of `api` and `exporters`.

An import counts wherever it stands: at module level or inside a function (a deferred
import still ties the two modules together). Imports under `if TYPE_CHECKING:` are
checked apart: they run for the type checker only, and the cycles they close are listed
below, to shrink, never to grow. Importing a package's submodule is an edge to that
submodule only (Python runs the package's `__init__` first, whatever imports what).
"""

from __future__ import annotations

import ast
import functools
from collections.abc import Iterator
from pathlib import Path

from tests.conftest import ROOT

PACKAGES = ("api", "exporters")


def _modules() -> dict[str, Path]:
    found = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" in path.parts or "node_modules" in path.parts:
                continue
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            found[".".join(parts)] = path
    return found


def _imports(tree: ast.AST, typing: bool) -> Iterator[ast.Import | ast.ImportFrom]:
    """Every import statement of `tree`; under `if TYPE_CHECKING:` only when `typing`."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.Import | ast.ImportFrom):
            yield node
        elif isinstance(node, ast.If) and ast.unparse(node.test) in _TYPE_CHECKING:
            if typing:
                yield from _imports(node, typing)
            for child in node.orelse:
                yield from _imports(ast.Module(body=[child], type_ignores=[]), typing)
        else:
            yield from _imports(node, typing)


_TYPE_CHECKING = {"TYPE_CHECKING", "typing.TYPE_CHECKING"}


def _imported(name: str, path: Path, modules: dict[str, Path], typing: bool) -> Iterator[str]:
    """The project modules `name` (at `path`) imports."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in _imports(_tree(path), typing):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield from _known(alias.name, modules)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            for alias in node.names:
                submodule = f"{base}.{alias.name}"
                yield from _known(submodule if submodule in modules else base, modules)


@functools.cache
def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"))


def _known(name: str, modules: dict[str, Path]) -> Iterator[str]:
    while name and name not in modules:  # `import a.b.c` for a name inside a.b
        name = name.rpartition(".")[0]
    if name:
        yield name


def import_graph(typing: bool = False) -> dict[str, set[str]]:
    """Each project module and the project modules it imports (with the imports for the
    type checker too, when `typing`)."""
    modules = _modules()
    return {
        name: set(_imported(name, path, modules, typing)) - {name} for name, path in modules.items()
    }


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan), sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(found)


def test_no_module_of_api_or_exporters_imports_itself_round_a_cycle() -> None:
    assert cycles(import_graph()) == []


def test_imports_for_the_type_checker_close_no_cycle_either() -> None:
    assert cycles(import_graph(typing=True)) == []


def test_the_walk_sees_deferred_imports_and_finds_a_cycle() -> None:
    graph = import_graph()
    assert "api.graphql.types" in graph["api.graphql.query"]
    assert "api.graphql.derive" in graph["api.graphql.types"]
    assert "api.graphql" in graph["api.cli"]  # imported inside a command's function
    assert "exporters.base" not in graph["exporters.hookspecs"]  # under TYPE_CHECKING
    assert "exporters.base" in import_graph(typing=True)["exporters.hookspecs"]
    assert cycles({**graph, "api.models": {*graph["api.models"], "api.graphql.query"}}) != []


def test_graphql_types_import_no_resolver_module() -> None:
    graph = import_graph()
    resolvers = {"api.graphql.query", "api.graphql.mutations", "api.graphql.schema"}
    for name in ("api.graphql.types", "api.graphql.results", "api.graphql.derive"):
        assert graph[name] & resolvers == set(), name
