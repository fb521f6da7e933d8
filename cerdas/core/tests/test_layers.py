"""The code's structure: layers point one way, engines stay pure, no private name leaks.

Read from the source with ``ast``, so every import counts: at the top of a module or inside a
function. docs/architecture.md draws the same picture.
"""

import ast
from collections import defaultdict
from functools import cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2]
ROOT = PACKAGE.parent

# Lowest first. A module may import from its own layer's package and from lower layers only.
# Apps on one line are peers and never import each other.
LAYERS = [
    ["lib"],
    ["core"],
    ["regions"],
    ["accounts"],
    ["assessments"],
    ["cohorts"],
    ["masterplans"],
    ["portal", "implementation"],
    ["surveys", "complaints"],
    ["opendata"],
    ["records"],
    ["demo"],
    ["site", "api", "e2e"],
    ["urls", "settings", "wsgi", "asgi"],
]
LEVEL = {name: level for level, names in enumerate(LAYERS) for name in names}


@cache
def modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


@cache
def imports() -> dict[str, set[tuple[str, str | None]]]:
    """Each module's imports as (module, imported name or None), every one in the file."""
    result = defaultdict(set)
    for name, path in modules().items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Import):
                result[name].update((alias.name, None) for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join([*anchor, base] if base else anchor)
                result[name].update((base, alias.name) for alias in node.names)
    return result


def top(module: str) -> str:
    """The app (or top-level module) a module of ours belongs to."""
    return module.split(".")[1] if module.count(".") else ""


def ours(module: str) -> bool:
    return module == "cerdas" or module.startswith("cerdas.")


def test_every_app_sits_on_a_layer():
    """A new app is placed in LAYERS (and in docs/architecture.md) before it is used."""
    unplaced = {top(name) for name in modules() if top(name) and top(name) not in LEVEL}
    assert not unplaced


def test_no_module_imports_from_a_higher_layer_or_a_peer():
    wrong = []
    for name, found in imports().items():
        here = top(name)
        for module, _imported in found:
            there = top(module)
            if not ours(module) or not there or there == here:
                continue
            if LEVEL[there] >= LEVEL[here]:
                wrong.append(f"{name} imports {module}")
    assert not wrong


def test_engines_and_lib_import_no_django():
    """Pure cores are plain Python: fast to test, benchmark and mutate."""
    wrong = []
    for name, found in imports().items():
        pure = ".engine" in name or top(name) == "lib"
        if not pure:
            continue
        for module, _imported in found:
            if module.split(".")[0] == "django" or (
                ours(module) and ".engine" not in module and top(module) != "lib"
            ):
                wrong.append(f"{name} imports {module}")
    assert not wrong


def test_no_private_name_is_imported_from_another_module():
    wrong = [
        f"{name} imports {imported} from {module}"
        for name, found in imports().items()
        for module, imported in found
        if ours(module) and imported and imported.startswith("_") and not imported.startswith("__")
    ]
    assert not wrong


def test_no_import_cycle_between_files():
    known = modules()
    graph = {
        name: {
            f"{module}.{imported}" if f"{module}.{imported}" in known else module
            for module, imported in found
            if ours(module)
        }
        & known.keys()
        for name, found in imports().items()
    }
    cycles = []
    index, low, stack, on_stack = {}, {}, [], set()

    def visit(node):  # Tarjan's strongly connected components
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for neighbour in graph.get(node, ()):
            if neighbour not in index:
                visit(neighbour)
                low[node] = min(low[node], low[neighbour])
            elif neighbour in on_stack:
                low[node] = min(low[node], index[neighbour])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    assert not cycles
