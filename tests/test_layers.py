"""The package's shape: each layer imports only lower ones, no import circles, no long modules."""

from __future__ import annotations

import ast
import functools
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "deckbuilder"
LAYERS = {
    # shared leaves: errors, files, units, fonts, the records reader
    **dict.fromkeys(
        ("errors", "atomic", "paths", "lazy", "version", "geometry", "fonts", "records", "records_schema"), 0
    ),
    **dict.fromkeys(("inputs", "input_files"), 0),
    "outline": 1,
    "themes": 2,  # themes/templates/ reads .pptx templates: a theme's other source
    "importer": 2,  # article -> outline; asks the caller what fits a slide
    "layout": 3,
    "render": 4,
    "pipeline": 5,
    **dict.fromkeys(("batch", "jobs", "watch", "cli", "import_command", "__init__", "__main__"), 6),
    "gui": 7,
}
"""Each top-level module or package of deckbuilder and its layer: it may import its own and lower ones."""
MAX_MODULE_LINES = 500
"""Past this a module has more than one job."""


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, name: str) -> set[str]:
    """The deckbuilder modules a module imports anywhere in it (inside functions too)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            found.update(f"{base}.{alias.name}" for alias in node.names)
            found.add(base)
    return {module for module in found if module.split(".")[0] == "deckbuilder"}


@functools.cache
def _graph() -> dict[str, set[str]]:
    modules = {_module_name(path): path for path in PACKAGE.rglob("*.py")}
    graph = {}
    for name, path in modules.items():
        targets = set()
        for target in _imports(path, name):
            while target not in modules and "." in target:
                target = target.rpartition(".")[0]
            if target != name:
                targets.add(target)
        graph[name] = targets
    return graph


def _layer(module: str) -> int:
    parts = module.split(".")
    return LAYERS[parts[1] if len(parts) > 1 else "__init__"]


def _upward(graph: dict[str, set[str]]) -> list[str]:
    """Every import of a higher layer."""
    return [
        f"{module} (layer {_layer(module)}) imports {target} (layer {_layer(target)})"
        for module, targets in graph.items()
        for target in targets
        if _layer(target) > _layer(module)
    ]


def _cycles(graph: dict[str, set[str]]) -> list[str]:
    """A path back to itself from each module on a circle of imports."""
    cycles = []
    for start in graph:  # a depth-first search from each module
        stack, seen = [(start, (start,))], set()
        while stack:
            module, trail = stack.pop()
            for target in graph.get(module, ()):
                if target == start:
                    cycles.append(" -> ".join((*trail, start)))
                elif target not in seen:
                    seen.add(target)
                    stack.append((target, (*trail, target)))
    return cycles


def test_every_module_imports_only_its_own_or_lower_layers() -> None:
    assert not _upward(_graph())


def test_no_modules_import_each_other_even_through_others() -> None:
    cycles = _cycles(_graph())
    assert not cycles, cycles[:5]


def test_the_checks_catch_a_circle_and_an_upward_import() -> None:
    graph = _graph()
    assert "deckbuilder.outline.model" in graph["deckbuilder.layout.engine"]  # imports inside functions count
    assert "deckbuilder.importer.api" in graph["deckbuilder.pipeline"]
    circle = {
        "deckbuilder.layout.a": {"deckbuilder.layout.b"},
        "deckbuilder.layout.b": {"deckbuilder.layout.a"},
    }
    assert _cycles(circle)
    assert _upward({"deckbuilder.outline.model": {"deckbuilder.layout.boxes"}})


def test_no_module_runs_past_five_hundred_lines() -> None:
    long = {
        str(path.relative_to(PACKAGE.parent)): lines
        for path in PACKAGE.rglob("*.py")
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    }
    assert not long, f"split these by job: {long}"
