"""A world's engine: the core plus the extensions the world names, assembled once.

The tables a turn reads (conditions, effects, providers, handlers, tickers, settlers)
are filled here from the marks on the functions of the modules in use,
never at import, so two worlds in one process can run different sets of mechanics and an
extension nobody uses is never even imported.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

from kage.core.extension import Extension, ExtensionError, marked, resolve

# the core's own modules: these, then every module of these packages, in this order
CORE_MODULES = ("kage.core.counters",)
CORE_PACKAGES = ("kage.world", "kage.actions", "kage.systems")
CORE = "core"  # the origin of what the core declares
TABLES = {  # mark kind -> the engine's table of them
    "condition": "conditions",
    "effect": "effects",
    "provider": "providers",
    "handler": "handlers",
    "ticker": "tickers",
    "settler": "settlers",
}
DECLARED = {  # mark kind -> the manifest field that must declare it
    "condition": "conditions",
    "effect": "effects",
    "provider": "providers",
    "handler": "handlers",
}


@dataclass
class Engine:
    extensions: tuple[Extension, ...]
    modules: tuple[ModuleType, ...]  # the core's first, then each extension's, in order
    origin: dict[str, str]  # module name -> "core" or the extension's name
    owner: dict[tuple[str, str], str] = field(default_factory=dict)  # (kind, name) -> origin
    # the tables a turn reads (plain attributes: `holds` looks one up for every condition)
    conditions: dict[str, Callable[..., Any]] = field(default_factory=dict)
    effects: dict[str, Callable[..., Any]] = field(default_factory=dict)
    providers: dict[str, Callable[..., Any]] = field(default_factory=dict)
    handlers: dict[str, Callable[..., Any]] = field(default_factory=dict)
    tickers: dict[str, Callable[..., Any]] = field(default_factory=dict)
    settlers: dict[str, Callable[..., Any]] = field(default_factory=dict)
    # marks of other kinds, collected on first use: hooks one extension offers another
    other_hooks: dict[str, list[Callable[..., Any]]] = field(default_factory=dict)
    # id(condition dict) -> (that dict, its compiled test): see kage.world.conditions
    compiled_conditions: dict[int, tuple[Any, Callable[..., bool]]] = field(default_factory=dict)
    # id(condition dict) -> (that dict, what decides it): see kage.world.watch
    explained_conditions: dict[int, tuple[Any, Callable[..., Any]]] = field(default_factory=dict)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(e.name for e in self.extensions)

    def uses(self, name: str) -> bool:
        """Whether the world uses the extension `name` (for optional cooperation)."""
        return any(e.name == name for e in self.extensions)

    @property
    def grammar(self) -> list[tuple[str, tuple[str, ...]]]:
        """(action, patterns) the extensions give the player's words, in order."""
        return [(a, tuple(p)) for e in self.extensions for a, p in e.grammar.items()]

    @property
    def slot_names(self) -> dict[str, str]:
        """action -> what HELP calls its free-words slot, as the extensions name it."""
        return {a: n for e in self.extensions for a, n in e.slot_names.items()}

    def __deepcopy__(self, memo: dict[int, Any]) -> Engine:
        return self  # functions and modules only: a copied world shares its engine

    def hooks(self, kind: str) -> list[Callable[..., Any]]:
        """Every function marked `kind` in the modules in use, in module order: hooks an
        extension offers the others (combat's "allies": who else fights at a place)."""
        hooks = self.other_hooks.get(kind)
        if hooks is None:
            hooks = [f for m in self.modules for k, _, f in marked(m) if k == kind]
            self.other_hooks[kind] = hooks
        return hooks

    def table(self, kind: str) -> dict[str, Callable[..., Any]]:
        """The table of a mark's kind: "condition" -> conditions ..."""
        return getattr(self, TABLES[kind])  # type: ignore[no-any-return]


def core_modules() -> list[ModuleType]:
    """The core's modules, imported, in a fixed order."""
    modules = [importlib.import_module(name) for name in CORE_MODULES]
    for package_name in CORE_PACKAGES:
        package = importlib.import_module(package_name)
        for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda i: i.name):
            modules.append(importlib.import_module(f"{package_name}.{info.name}"))
    return modules


def assemble(names: tuple[str, ...]) -> Engine:
    """The engine for a world that names these extensions. ExtensionError for an unknown
    extension, or for a manifest that does not match its modules (a bug in Kage)."""
    extensions = resolve(names)
    modules = core_modules()
    origin = {m.__name__: CORE for m in modules}
    for extension in extensions:
        for name in extension.modules:
            module = importlib.import_module(name)
            if module.__name__ not in origin:
                modules.append(module)
                origin[module.__name__] = extension.name
    engine = Engine(extensions, tuple(modules), origin)
    for module in modules:
        for kind, name, func in marked(module):
            if kind not in TABLES:
                continue
            table = engine.table(kind)
            if name in table:
                first = engine.owner[(kind, name)]
                raise ExtensionError(f"{kind} '{name}' is declared twice ({first}, {module})")
            table[name] = func
            engine.owner[(kind, name)] = origin[module.__name__]
    for attribute in ("tickers", "settlers"):  # called in name order
        setattr(engine, attribute, dict(sorted(getattr(engine, attribute).items())))
    _check_manifests(engine)
    return engine


def _check_manifests(engine: Engine) -> None:
    """Each extension declares exactly the conditions, effects, providers and handlers its
    modules mark, so what `kage check` and the docs read from manifests is what runs."""
    for extension in engine.extensions:
        for kind, attribute in DECLARED.items():
            declared = set(getattr(extension, attribute))
            marked_here = {
                n for (k, n), o in engine.owner.items() if k == kind and o == extension.name
            }
            if declared != marked_here:
                raise ExtensionError(
                    f"extension '{extension.name}': {attribute} declared {sorted(declared)} "
                    f"but its modules mark {sorted(marked_here)}"
                )
