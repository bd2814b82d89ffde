"""The package's imports form layers: interfaces and tools -> extensions -> the core
(world, parser, content, actions, systems, core, game, session, persist ...), with no
arrow back up, and no cycle: none between layers, none between extensions, and none among
the imports a module runs as it is imported.

The graph is grimp's, of every import statement that can run (at module level or inside
a function), without those under `if TYPE_CHECKING`. The core finds extensions by name
(`kage.core.extension.catalog`) and never imports one; content reads an extension's
sections through its manifest, by name, likewise. An import inside a function is how a
module reaches one that imports it; only module-level imports run while modules are
still half made, so only those may not go in a circle.
"""

from __future__ import annotations

import ast
import functools
import graphlib
import importlib.util
from pathlib import Path

import grimp
import pytest

from kage.core.extension import catalog

TOP, EXT, CORE = "interfaces and tools", "extensions", "core"
FORBIDDEN = {(CORE, EXT), (CORE, TOP), (EXT, TOP)}  # (from, to) arrows that must not exist


def layer(module: str) -> str:
    top = ("kage.interfaces", "kage.tools", "kage.serve")  # kage.serve: the web interface
    if module.startswith(top) or module == "kage.__main__":
        return TOP
    if module.startswith("kage.ext"):
        return EXT
    return CORE


@pytest.fixture(scope="module")
def graph() -> grimp.ImportGraph:
    return grimp.build_graph("kage", exclude_type_checking_imports=True)


def arrows(graph: grimp.ImportGraph) -> list[tuple[str, str]]:
    return [
        (module, target)
        for module in sorted(graph.modules)
        for target in sorted(graph.find_modules_directly_imported_by(module))
    ]


def test_no_arrow_points_up_a_layer(graph: grimp.ImportGraph) -> None:
    wrong = [
        f"{module} ({layer(module)}) imports {target} ({layer(target)})"
        for module, target in arrows(graph)
        if (layer(module), layer(target)) in FORBIDDEN
    ]
    assert not wrong, "\n".join(wrong)


def test_an_extension_imports_only_what_it_names(graph: grimp.ImportGraph) -> None:
    """Another extension's modules only if the manifest depends on it, or lists it as
    optional (and then imports it only when the world uses it too)."""
    wrong = []
    for module, target in arrows(graph):
        if layer(module) != EXT or layer(target) != EXT:
            continue
        source, other = module.split(".")[2], target.split(".")[2]
        manifest = catalog()[source]
        if other != source and other not in (*manifest.depends, *manifest.optional):
            wrong.append(f"{module} imports {target}, but '{source}' does not name '{other}'")
    assert not wrong, "\n".join(wrong)


@functools.cache
def _top_level_lines(module: str) -> frozenset[int]:
    """Lines of the import statements `module` runs as it is imported: at module level
    (also inside a top-level `if` or `try`), not in a function, not under TYPE_CHECKING."""
    spec = importlib.util.find_spec(module)
    assert spec is not None and spec.origin is not None
    tree = ast.parse(Path(spec.origin).read_text(encoding="utf-8"))
    lines: set[int] = set()
    body = list(tree.body)
    while body:
        node = body.pop()
        if isinstance(node, ast.Import | ast.ImportFrom):
            lines.add(node.lineno)
        elif isinstance(node, ast.If):
            if "TYPE_CHECKING" not in ast.unparse(node.test):
                body.extend(node.body + node.orelse)
        elif isinstance(node, ast.Try):
            body.extend(node.body + node.orelse + node.finalbody)
            for handler in node.handlers:
                body.extend(handler.body)
    return frozenset(lines)


def _cycle(edges: dict[str, set[str]]) -> str | None:
    try:
        graphlib.TopologicalSorter(edges).prepare()
    except graphlib.CycleError as exc:
        return " -> ".join(exc.args[1])
    return None


def test_no_import_cycle(graph: grimp.ImportGraph) -> None:
    layers: dict[str, set[str]] = {}
    extensions: dict[str, set[str]] = {}
    loading: dict[str, set[str]] = {module: set() for module in graph.modules}
    for module, target in arrows(graph):
        layers.setdefault(layer(module), set()).add(layer(target))
        layers[layer(module)].discard(layer(module))
        if layer(module) == EXT == layer(target):
            source, other = module.split(".")[2], target.split(".")[2]
            if source != other:
                extensions.setdefault(source, set()).add(other)
        found = {
            d["line_number"] for d in graph.get_import_details(importer=module, imported=target)
        }
        if found & _top_level_lines(module):
            loading[module].add(target)
    for what, edges in (
        ("layers", layers),
        ("extensions", extensions),
        ("modules, as they are imported,", loading),
    ):
        circle = _cycle(edges)
        if circle is not None:
            pytest.fail(f"{what} import each other in a circle: {circle}")


def test_the_checks_see_what_they_forbid() -> None:
    """The graph is the real one: a forbidden arrow and a cycle, added to it, are found."""
    planted = grimp.build_graph("kage", exclude_type_checking_imports=True)
    planted.add_import(importer="kage.game", imported="kage.ext.trade.economy")
    with pytest.raises(AssertionError, match="kage.game \\(core\\) imports kage.ext"):
        test_no_arrow_points_up_a_layer(planted)
    planted.remove_import(importer="kage.game", imported="kage.ext.trade.economy")
    planted.add_import(importer="kage.ext.body.stats", imported="kage.ext.stealth.stealth")
    with pytest.raises(pytest.fail.Exception, match="extensions import each other"):
        test_no_import_cycle(planted)
