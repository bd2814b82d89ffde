"""The package's imports form layers: interfaces and tools -> content and extensions ->
the core, with no arrow back up and no cycle among the imports that run.

The graph is grimp's, of every import statement that can run (at module level or inside
a function), without those under `if TYPE_CHECKING`. The core finds extensions by name
(`kage.core.extension.catalog`) and never imports one; content reads an extension's
sections through its manifest, by name, likewise.
"""

from __future__ import annotations

import graphlib

import grimp
import pytest

from kage.core.extension import catalog

TOP, CONTENT, EXT, CORE = "interfaces and tools", "content", "extensions", "core"
# (from, to) arrows that must not exist
FORBIDDEN = {
    (CORE, CONTENT),
    (CORE, EXT),
    (CORE, TOP),
    (CONTENT, EXT),
    (CONTENT, TOP),
    (EXT, TOP),
}


def layer(module: str) -> str:
    if module.startswith(("kage.interfaces", "kage.tools")) or module == "kage.__main__":
        return TOP
    if module.startswith("kage.ext"):
        return EXT
    if module.startswith("kage.content") or module == "kage.worlds":
        return CONTENT
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


def test_no_import_cycle(graph: grimp.ImportGraph) -> None:
    edges = {
        module: set(graph.find_modules_directly_imported_by(module)) for module in graph.modules
    }
    try:
        graphlib.TopologicalSorter(edges).prepare()
    except graphlib.CycleError as exc:
        pytest.fail(f"modules import each other in a circle: {' -> '.join(exc.args[1])}")


def test_the_checks_see_what_they_forbid() -> None:
    """The graph is the real one: a forbidden arrow and a cycle, added to it, are found."""
    planted = grimp.build_graph("kage", exclude_type_checking_imports=True)
    planted.add_import(importer="kage.game", imported="kage.ext.trade.economy")
    with pytest.raises(AssertionError, match="kage.game \\(core\\) imports kage.ext"):
        test_no_arrow_points_up_a_layer(planted)
    planted.add_import(importer="kage.world.query", imported="kage.game")
    with pytest.raises(pytest.fail.Exception, match="circle"):
        test_no_import_cycle(planted)
