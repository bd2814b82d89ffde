"""`kage docs`: the writer's reference, generated from the engine itself.

Everything listed is read from where the engine keeps it, never from a list kept here: the
world file schema and the sections the core and each extension define (their pydantic
models: fields, types, defaults and `Field(description=...)`), the manifests of the
extensions (every field of `Extension`, so a field added later shows up without changing
this module), the conditions, effects, text slots and scheduled events the modules mark
(their meaning is the function's docstring), the actions with the player's words for them,
the named responses with their default text, and the session's own commands and settings.

Order is fixed (declaration order for fields, names sorted otherwise), so the same engine
always gives the same page and `tests/docs/test_reference.py` can compare it with the
committed docs/reference.md.
"""

from __future__ import annotations

import dataclasses
import importlib
import inspect
import json
import re
import sys
import textwrap
import types
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from kage.content import arguments
from kage.content.schema import Cond, Effects, FileModel, Text
from kage.content.sections import Section, core_sections, sections_of
from kage.core import settings as player_settings
from kage.core.engine import CORE, Engine, assemble
from kage.core.extension import Arg, Extension, catalog
from kage.core.responses import STANDARD_SLOTS, Pool, Response

COMMAND = "kage docs --out docs/reference.md"
CORE_PROPS = "kage.core.props"  # the core's typed props (CORE: name -> Prop), when it has them
# manifest fields shown in their own way; any other field is listed as it is
SHOWN = frozenset(
    {
        "clockless",
        "name",
        "summary",
        "depends",
        "optional",
        "modules",
        "sections",
        "content",
        "grammar",
        "conditions",
        "effects",
        "providers",
        "handlers",
    }
)
MARKED = (  # mark kind -> (engine table, heading, what a writer does with them)
    (
        "condition",
        "conditions",
        "Conditions",
        "Test them in `when:` (of rules, exits, topics, triggers ...), e.g. "
        "`when: {{{name}: ...}}`; several in one mapping must all hold.",
    ),
    (
        "effect",
        "effects",
        "Effects",
        "Apply them in `effects:` (and `start:`), e.g. `effects: [{{{name}: ...}}]`.",
    ),
    ("provider", "providers", "Text slots", "Write them in any text: `{{{{{name}:ARGUMENT}}}}`."),
    (
        "handler",
        "handlers",
        "Scheduled events",
        "The clock runs these when something started earlier comes due; a world does not "
        "write them.",
    ),
)
MEANINGS = ("summary", "description", "meaning")  # a dataclass field that says what it is
ARG_ORDER = ("example", "types", "keys", "span", "refs")  # then any other field, by name
SCALARS = {str: "text", int: "whole number", float: "number", bool: "true or false"}
SHAPES = {**SCALARS, dict: "mapping", list: "list"}


@dataclass
class Part:
    """What one origin (the core, or an extension) brings."""

    name: str
    sections: dict[str, Section] = field(default_factory=dict)
    marked: dict[str, dict[str, Callable[..., Any]]] = field(default_factory=dict)
    # the module that carries them out ("" for none) -> action -> the player's words
    actions: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    responses: list[Response] = field(default_factory=list)
    families: dict[str, list[str]] = field(default_factory=dict)  # module -> its responses'


# -- gathering ------------------------------------------------------------------------------
def _engine() -> Engine:
    return assemble(tuple(catalog()))


def _rule_sources(engine: Engine) -> dict[str, list[tuple[str, str]]]:
    """action -> (origin, module) of its rules, carry-out rules first: where an action is
    carried out is where it is listed, under that module's summary."""
    from kage.actions.pipeline import PHASES, Rulebooks

    books = Rulebooks(origins=engine.origin)
    for module in engine.modules:
        install = getattr(module, "install", None)
        if install is not None:
            install(books)
        books.install_module(module)
    found: dict[str, list[tuple[str, str]]] = {}
    for action in sorted(books.actions()):
        phases = ("carry_out", *(p for p in PHASES if p != "carry_out"))
        for phase in phases:
            for entry in books.written_for(phase, action):
                where = (entry.origin, entry.source)
                if entry.origin and where not in found.setdefault(action, []):
                    found[action].append(where)
    return found


def _responses(engine: Engine) -> dict[str, tuple[Response, str, str]]:
    """name -> (response, origin, module) for every response Kage's modules declare (at module
    level, alone or in a table): the engine's, the parser's and the session's replies. Not
    simply every name in RESPONSES, which holds whatever else declared one in this
    process (a test's own, say)."""
    import kage.parser.replies
    import kage.parser.scenery
    import kage.session_replies

    found: dict[str, tuple[Response, str, str]] = {}
    for module in (*engine.modules, kage.parser.replies, kage.parser.scenery, kage.session_replies):
        origin = engine.origin.get(module.__name__, CORE)
        for value in vars(module).values():
            for resp in _held(value):
                if isinstance(resp, Response):
                    found.setdefault(resp.name, (resp, origin, module.__name__))
    return found


def _held(value: object, depth: int = 0) -> list[Response]:
    """The responses a module-level value holds: itself, or those in a table of them
    ({"pull": ...}, [(words, response)], {"thank": (to one, to a group)})."""
    if isinstance(value, Response):
        return [value]
    if isinstance(value, Pool):
        return list(value.lines)
    if depth >= 3 or isinstance(value, str | bytes):
        return []
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, list | tuple):
        return [r for item in value for r in _held(item, depth + 1)]
    return []


def gather() -> list[Part]:
    """The core's part, then each extension's, by name."""
    from kage.parser.grammar import CORE as CORE_GRAMMAR

    engine = _engine()
    extensions = {e.name: e for e in engine.extensions}
    parts = {CORE: Part(CORE)} | {name: Part(name) for name in sorted(extensions)}
    parts[CORE].sections = {
        **{name: Section(name, FileModel) for name in FileModel.model_fields},
        **core_sections(),
    }
    for name, extension in extensions.items():
        parts[name].sections = sections_of([extension])
    for kind, table, _, _ in MARKED:
        for name, func in sorted(engine.table(kind).items()):
            owner = engine.owner[(kind, name)]
            parts[owner].marked.setdefault(table, {})[name] = func
    # an action is listed where its words come from (an extension may add words to a core
    # action, listed with it); one with rules and no words, where its rules come from
    words: dict[tuple[str, str], list[str]] = {}
    grammar = [(CORE, a, p) for a, p in CORE_GRAMMAR] + [
        (e.name, a, list(p)) for e in engine.extensions for a, p in e.grammar.items()
    ]
    for origin, action, patterns in grammar:
        words.setdefault((origin, action), []).extend(patterns)
    sources = _rule_sources(engine)
    worded = {action for _, action in words}
    for action, found in sources.items():
        if action not in worded:
            words[(found[0][0], action)] = []
    for (origin, action), patterns in sorted(words.items(), key=lambda kv: kv[0][1]):
        found = sources.get(action, [])
        module = next((m for o, m in found if o == origin), found[0][1] if found else "")
        parts[origin].actions.setdefault(module, {})[action] = patterns
    for part in parts.values():
        part.actions = dict(sorted(part.actions.items(), key=lambda kv: (not kv[0], kv[0])))
    for _, (resp, origin, module) in sorted(_responses(engine).items()):
        parts[origin].responses.append(resp)
        families = parts[origin].families.setdefault(module, [])
        if _family(resp) not in families:
            families.append(_family(resp))
    return list(parts.values())


def _family(resp: Response) -> str:
    """What a response's name starts with: "taking" for "taking.taken"."""
    return resp.name.split(".")[0]


# -- writing ---------------------------------------------------------------------------------
def _code(text: str) -> str:
    """`text` as a code span, whatever backticks it holds."""
    fence = "``" if "`" in text else "`"
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _first_paragraph(doc: str | None) -> str:
    return " ".join((doc or "").strip().split("\n\n")[0].split())


def _model_title(model: type[BaseModel]) -> str:
    name = model.__name__.removesuffix("Model")
    return re.sub(r"(?<!^)(?=[A-Z])", " ", name).lower()


def _anchor(model: type[BaseModel]) -> str:
    return f"model-{model.__module__.replace('.', '-')}-{model.__name__}".lower()


class Writer:
    """The page, line by line, and the models its fields named (written after them)."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.models: list[type[BaseModel]] = []  # nested models to describe, in first use
        self.written: set[type[BaseModel]] = set()  # ... and those described already

    def add(self, *lines: str) -> None:
        self.lines.extend(lines)

    # -- types ---------------------------------------------------------------------------
    def type_name(self, ann: Any) -> str:
        if ann == Cond:
            return "condition"
        if ann == Effects:
            return "list of effects"
        if ann == Text:
            return "text, or a list of variants (`text` and `when`)"
        origin, args = get_origin(ann), get_args(ann)
        if origin in (Union, types.UnionType) and set(get_args(Text)) <= set(args):
            rest = [a for a in args if a not in get_args(Text)]  # Text and more: say Text
            return " or ".join([self.type_name(Text), *(self.type_name(a) for a in rest)])
        if ann is Any:
            return "anything"
        if ann is type(None):
            return "null"
        if origin in (Union, types.UnionType):
            kept = [a for a in args if a is not type(None)]
            shown = " or ".join(dict.fromkeys(self.type_name(a) for a in kept))
            return f"{shown} (or null)" if len(kept) < len(args) else shown
        if hasattr(ann, "__metadata__"):  # Annotated[...]
            return self.type_name(args[0])
        if origin is Literal:
            return "one of " + ", ".join(_code(str(a)) for a in args)
        if origin is list:
            return f"list of {self.type_name(args[0])}" if args else "list"
        if origin is dict:
            if not args or args[1] is Any:
                return "mapping"
            return f"mapping of {self.type_name(args[0])} to {self.type_name(args[1])}"
        if isinstance(ann, type) and issubclass(ann, BaseModel):
            if ann not in self.models:
                self.models.append(ann)
            return f"[{_model_title(ann)}](#{_anchor(ann)})"
        if isinstance(ann, type):
            for scalar, word in SCALARS.items():
                if issubclass(ann, scalar) and (scalar is not int or ann is not bool):
                    return "true or false" if ann is bool else word
        return str(ann)

    def field_line(self, name: str, info: FieldInfo) -> str:
        bits = [self.type_name(info.annotation)]
        for limit in info.metadata:
            for attr, sign in (("ge", "≥"), ("gt", ">"), ("le", "≤"), ("lt", "<")):
                if getattr(limit, attr, None) is not None:
                    bits.append(f"{sign} {getattr(limit, attr)}")
            if getattr(limit, "pattern", None) == r"^[a-z][a-z0-9_]*$":
                bits.append("lowercase letters, digits and _")
            elif getattr(limit, "pattern", None) == r"\S":
                bits.append("not blank")
        if info.is_required():
            bits.append("required")
        else:
            default = info.get_default(call_default_factory=True)
            bits.append(f"default {_code(json.dumps(default, ensure_ascii=False))}")
        meaning = f": {info.description}" if info.description else ""
        return f"- {_code(info.alias or name)} ({', '.join(bits)}){meaning}"

    def model_fields(self, model: type[BaseModel]) -> None:
        for name, info in model.model_fields.items():
            self.add(self.field_line(name, info))

    def nested(self) -> None:
        """The models that fields named, each once, in the order first named."""
        while any(m not in self.written for m in self.models):
            model = next(m for m in self.models if m not in self.written)
            self.written.add(model)
            doc = _first_paragraph(vars(model).get("__doc__"))  # its own, not BaseModel's
            self.add(f'<a id="{_anchor(model)}"></a>', "", f"#### {_model_title(model)}", "")
            if doc:
                self.add(doc, "")
            self.model_fields(model)
            self.add("")

    # -- what generic manifest fields hold ------------------------------------------------
    def plain(self, value: Any) -> str:
        """A value a manifest field (or a field of Arg) holds, readably, whatever it is:
        fields added to manifests later are listed without changing this module."""
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            names = [i.name for i in dataclasses.fields(value)]
            lead = [n for n in names if n in MEANINGS][:1]  # its meaning comes first
            bits = [str(getattr(value, n)) for n in lead] + [
                self.shown(n, getattr(value, n)) for n in names if n not in lead
            ]
            return "; ".join(b for b in bits if b)
        if isinstance(value, type) and issubclass(value, BaseModel):
            return "; ".join(
                f"`{info.alias or name}` ({self.type_name(info.annotation)})"
                + (f": {info.description}" if info.description else "")
                for name, info in value.model_fields.items()
            )
        if isinstance(value, type) or get_origin(value) is not None:
            return self.type_name(value)
        if isinstance(value, Mapping):
            return "; ".join(f"`{k}`: {self.plain(v)}" for k, v in value.items())
        if isinstance(value, tuple | list | set | frozenset):
            return ", ".join(self.plain(v) for v in value)
        if isinstance(value, str):
            return value
        return _code(json.dumps(value, default=str, ensure_ascii=False))

    def shown(self, key: str, value: Any) -> str:
        """One fact about an argument: its example, what it may be, the keys it needs ..."""
        if (
            value is None
            or value == ""
            or value == ()
            or (callable(value) and not isinstance(value, type))
        ):
            return "names are checked when the world loads" if key == "refs" and value else ""
        if key == "example":
            return f"written: {_code(value)}"
        if key == "types":
            return "takes: " + " or ".join(
                SHAPES.get(t, getattr(t, "__name__", str(t))) for t in value
            )
        if key == "keys":
            return "needs: " + ", ".join(f"`{k}`" for k in value)
        if key == "span":
            return f"`{value}` is a length of time (`30m`, `6h`, `2d`)"
        return f"{key.replace('_', ' ')}: {self.plain(value)}"

    # -- parts ---------------------------------------------------------------------------
    def section(self, name: str, section: Section, shown: set[str]) -> None:
        """One section: what it is for, an example, and the fields of an entry."""
        self.add(f"#### `{name}`", "")
        if section.model is FileModel:
            info = FileModel.model_fields[name]
            self.add(info.description or "(no description)", "")
            model = _model_in(info.annotation)
            if model is None:
                self.add(f"Written as: {self.type_name(info.annotation)}.", "")
                return
            listed = get_origin(info.annotation) is list
            self.add("A list of entries, each with:" if listed else "Its fields:", "")
            self.written.add(model)
            self.model_fields(model)
            self.add("")
            return
        module = section.model.__module__
        if module not in shown:
            shown.add(module)
            self.add(*_doc_blocks(sys.modules[module].__doc__ or ""))
        else:
            self.add(f"Described with the section before it ({_code(module)}).", "")
        if section.mapping:
            info = next(iter(section.model.model_fields.values()))
            args = get_args(info.annotation)
            value = self.type_name(args[1]) if len(args) == 2 else "anything"
            self.add(f"Written as a mapping of names to values, each value {value}.", "")
            if info.description:
                self.add(info.description)
        else:
            self.add("Written as a list of entries, each with:", "")
            self.model_fields(section.model)
        self.add("")

    def argument(self, kind: str, name: str, declared: Arg | None) -> list[str]:
        """The argument a condition or effect takes, from its manifest or the core's table."""
        rows: dict[str, Any] = {}
        if declared is not None:
            for item in dataclasses.fields(declared):
                rows[item.name] = getattr(declared, item.name)
        else:
            table = arguments.CONDITIONS if kind == "condition" else arguments.EFFECTS
            if name in table:
                found = table[name]
                if isinstance(found, Arg):
                    rows = {i.name: getattr(found, i.name) for i in dataclasses.fields(found)}
                else:
                    rows = dict(zip(("types", "keys", "example"), found, strict=False))
            if kind == "effect" and name in arguments.SPANS:
                rows["span"] = arguments.SPANS[name]
        lines = []
        rank = {key: i for i, key in enumerate(ARG_ORDER)}
        for key, value in sorted(rows.items(), key=lambda kv: (rank.get(kv[0], 99), kv[0])):
            shown = self.shown(key, value)
            if shown:
                lines.append(f"  - {shown}")
        return lines

    def marked(self, part: Part, manifest: Extension | None) -> None:
        for kind, table, heading, how in MARKED:
            found = part.marked.get(table, {})
            if not found:
                continue
            self.add(f"### {heading}", "", how.format(name=next(iter(found))), "")
            for name, func in found.items():
                meaning = _first_paragraph(inspect.getdoc(func)) or "(no description)"
                self.add(f"- `{name}`: {meaning}")
                if kind in ("condition", "effect"):
                    declared = getattr(manifest, table, {}).get(name) if manifest else None
                    self.add(*self.argument(kind, name, declared))
            self.add("")

    def actions(self, part: Part) -> None:
        if not part.actions:
            return
        self.add("### Actions", "")
        if part.name == CORE:
            self.add(
                "Each action with what the player may type for it. `{thing}`, `{person}`, "
                "`{held}` and `{things}` take something in reach; `{topic}` and `{text}` any "
                "words; `a|b` is a choice of words. `kage rules WORLD ACTION` lists an "
                "action's rules in a world, in order.",
                "",
            )
        for module, actions in part.actions.items():
            if module:
                summary = _first_paragraph(sys.modules[module].__doc__)
                self.add(f"#### {module.rsplit('.', 1)[-1]}", "", summary, "")
            else:
                self.add(
                    "#### words only",
                    "",
                    "Actions no rule carries out: the parser "
                    "knows the words, and the world's `interactions` or `rules` give "
                    "them a meaning.",
                    "",
                )
            for action, words in actions.items():
                said = "; ".join(_code(w) for w in words) if words else "(no words of its own)"
                self.add(f"- `{action}`: {said}")
            families = part.families.get(module, [])
            if families:
                links = ", ".join(f"[{f.replace('_', ' ')}](#responses-{f})" for f in families)
                self.add("", f"Their responses: {links}.")
            self.add("")

    def responses(self, part: Part) -> None:
        if not part.responses:
            return
        self.add("### Responses", "")
        self.add(
            "Replace any of these in a world's `responses:` section. Every response may use "
            + ", ".join(_code("{" + s + "}") for s in STANDARD_SLOTS)
            + "; some take more, listed with them. Verbs and pronouns agree with the "
            "subject named last (`{is}`, `{nods}`, `{he}`), or with a named one "
            "(`{second|is}`); `{turns|turn}` counts; see "
            "[Names, articles and agreement](authoring.md#names-articles-and-agreement).",
            "",
        )
        family = ""
        for resp in part.responses:
            if _family(resp) != family:
                family = _family(resp)
                self.add("", f'<a id="responses-{family}"></a>', "")
                self.add(f"#### {family.replace('_', ' ')}", "")
            extra = " (also " + ", ".join(_code("{" + s + "}") for s in resp.slots) + ")"
            default = _code(resp.default.replace("\n", "\\n"))  # one line, as YAML writes it
            self.add(f"- `{resp.name}`: {default}{extra if resp.slots else ''}")
        self.add("")

    def manifest(self, extension: Extension) -> None:
        self.add(f"{extension.summary[:1].upper()}{extension.summary[1:]}.", "")
        doc = _first_paragraph(importlib.import_module(f"kage.ext.{extension.name}").__doc__)
        if doc:
            self.add(doc, "")
        self.add(f"Switch it on in `world.yaml`: `extensions: [{extension.name}]`.", "")
        if extension.depends:
            needs = ", ".join(f"[{d}](#{d})" for d in extension.depends)
            self.add(f"Needs (and brings along): {needs}.", "")
        if extension.optional:
            also = ", ".join(f"[{d}](#{d})" for d in extension.optional)
            self.add(f"Works with, when the world uses them too: {also}.", "")
        if extension.clockless:
            self.add(
                "Its rules never read the clock, so `kage solve` may compare the states of a "
                "world that uses it without the time.",
                "",
            )

    def extras(self, found: Mapping[str, Any]) -> None:
        """Manifest fields this module has no special way of showing (typed props, say),
        each under its own heading: a mapping as named entries, a sequence as a list."""
        for name, value in found.items():
            if not value:
                continue
            self.add(f"### {name.replace('_', ' ').capitalize()}", "")
            if isinstance(value, Mapping):
                for key, entry in value.items():
                    self.add(f"- `{key}`: {self.plain(entry)}")
            elif isinstance(value, tuple | list):
                self.add(*(f"- {self.plain(entry)}" for entry in value))
            else:
                self.add(self.plain(value))
            self.add("")


def _model_in(ann: Any) -> type[BaseModel] | None:
    """The model a world file section holds: `list[PlaceModel]`, `WorldInfo | None`."""
    for candidate in (ann, *get_args(ann)):
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return candidate
    return None


CODE_START = re.compile(r"^([a-z_]+:(\s|$)| {2,})")


def _doc_blocks(doc: str) -> list[str]:
    """A module's docstring as Markdown: prose paragraphs joined, and the YAML examples
    (paragraphs starting with `key:` or indented) as code blocks."""
    lines: list[str] = []
    code: list[str] = []
    for paragraph in inspect.cleandoc(doc).split("\n\n"):
        if CODE_START.match(paragraph):
            code += [*([""] if code else []), paragraph]
            continue
        if code:
            lines += ["```yaml", textwrap.dedent("\n".join(code)).strip("\n"), "```", ""]
            code = []
        lines += [" ".join(paragraph.split()).replace("``", "`"), ""]
    if code:
        lines += ["```yaml", textwrap.dedent("\n".join(code)).strip("\n"), "```", ""]
    return lines


def _session(writer: Writer) -> None:
    from kage.parser.grammar import META

    writer.add("### Session commands", "")
    writer.add(
        "Commands of the session, not of the world: they take no time, are not part of the "
        "log, and UNDO does not take them back.",
        "",
    )
    by_command: dict[str, list[str]] = {}
    for word, command in META.items():
        by_command.setdefault(command, []).append(word)
    for command, words in sorted(by_command.items()):
        writer.add(f"- `{command}`: " + "; ".join(_code(w) for w in words))
    writer.add("", "### Player settings", "")
    writer.add(_first_paragraph(player_settings.__doc__), "")
    for item in dataclasses.fields(player_settings.Settings):
        default = getattr(player_settings.Settings(), item.name)
        meaning = item.metadata.get("description", "")
        writer.add(
            f"- `{item.name}` (default `{json.dumps(default)}`)"
            + (f": {meaning}" if meaning else "")
        )
    writer.add(
        "", "Verbosity is one of " + ", ".join(f"`{v}`" for v in player_settings.VERBOSITIES) + "."
    )
    writer.add("")


def _extras(manifest: Extension | None) -> dict[str, Any]:
    """The fields of a manifest shown generically; for the core, the tables it declares in
    `kage.core.props` (its typed props) when there is such a module."""
    if manifest is not None:
        return {
            item.name: getattr(manifest, item.name)
            for item in dataclasses.fields(manifest)
            if item.name not in SHOWN
        }
    try:
        module = importlib.import_module(CORE_PROPS)
    except ModuleNotFoundError as exc:
        if exc.name != CORE_PROPS:
            raise
        return {}
    return {"props": getattr(module, "CORE", {})}


def _contents(parts: Iterable[Part]) -> list[str]:
    lines = ["- [Core](#core): in every world"]
    for part in parts:
        if part.name != CORE:
            lines.append(f"- [{part.name}](#{part.name})")
    return lines


def reference() -> str:
    """The whole reference, as Markdown."""
    parts = gather()
    manifests = catalog()
    w = Writer()
    w.add(
        "# Kage reference",
        "",
        f"<!-- Generated by `kage docs` from the engine. Do not edit: run `{COMMAND}`. -->",
        "",
        "Every section a world file may hold, with its fields; every condition, effect and "
        "text slot; every action with the words the player may type for it; every named "
        "response with its default text. What the core has works in every world; what an "
        "extension has, only in a world that names it in `world.yaml` "
        "(`extensions: [trade, body]`). "
        "[Writing a world](authoring.md) is the tutorial.",
        "",
        *_contents(parts),
        "",
    )
    shown: set[str] = set()  # modules whose docstring is written out already
    for part in parts:
        manifest = manifests.get(part.name)
        w.add(f"## {'Core' if part.name == CORE else part.name}", "")
        if manifest is None:
            w.add("What every world has, whatever extensions it names.", "")
        else:
            w.manifest(manifest)
        if part.sections:
            w.add("### Sections", "")
            for name, section in part.sections.items():
                w.section(name, section, shown)
            w.nested()
        w.extras(_extras(manifest))
        w.marked(part, manifest)
        w.actions(part)
        w.responses(part)
        if part.name == CORE:
            _session(w)
    text = "\n".join(w.lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
