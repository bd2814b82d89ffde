"""`rules`: what happens when the player tries something, written as data; and
`action_kinds`: names for groups of actions that rules can use.

    rules:
      - name: blundering in the dark
        phase: instead           # before, instead, check, after or report
        action: any              # an action, a list of them, a kind of action, or any
        except: [{action: go, direction: north}]
        when: {not: {flag: lit}}
        say: "In the dark? You could easily disturb something."
        effects: [{increment: disturbed}]
      - phase: after
        action: take
        noun: cloak              # an id, a list of ids, or {kind: person, prop: {edible: true}}
        say: "You sling {the noun} round your shoulders."

    action_kinds:
      acquiring: [take, buy]

Phases keep Inform 7's meanings (see `kage.core.data_rules`): before says and goes on;
instead stops the action (with effects, they are what the command did: it counts as done,
takes its turn and is admissible; with words alone it refuses); check stops it when it
says something; after replaces the
standard report; report adds to it (after the standard one, or before with `first: true`).
`stop: true` or `stop: false` says otherwise. `any` is every action in the world, not
out-of-world ones such as score or help. The standard kinds of action are `moving` (go,
go to, exit, enter ...) and `looking` (look, examine, search, read ...); a world's
`action_kinds` adds its own. `say` takes the placeholders of responses ({the noun},
{The second}, {direction}, {here} ...) and {{provider:argument}} slots.
"""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import Field, field_validator

from kage.content.describe import show, subject
from kage.content.errors import suggest
from kage.content.refs import few
from kage.content.schema import Strict
from kage.content.sections import Section
from kage.content.sections.responses import check_placeholders
from kage.core.data_rules import ANY, ENTITY_FIELDS, STANDARD_KINDS, coded_actions, stops
from kage.core.responses import STANDARD_SLOTS
from kage.parser.grammar import CORE, DIRECTIONS

Names = str | list[str]
NAME = re.compile(r"^[a-z][a-z0-9_]*$")


class ThingTest(Strict):
    """What a noun must be like: of a kind, with property values."""

    kind: Literal["place", "person", "thing"] | None = Field(
        None, description="The noun must be a place, a person or a thing."
    )
    prop: dict[str, Any] = Field(
        {}, description="The noun's properties must have these values: {edible: true}."
    )


Noun = str | list[str] | ThingTest


class PatternModel(Strict):
    """An exception: the actions (and nouns, direction) a rule leaves alone."""

    action: Names = Field(
        ANY, description="The actions left alone: an action, a list, a kind of action, or any."
    )
    noun: Noun | None = Field(
        None,
        description="... only with this noun: an id, a list of ids, or a test of kind and props.",
    )
    second: Noun | None = Field(None, description="... only with this second noun, likewise.")
    direction: str | None = Field(None, description="... only going this way (`north` ...).")


class RuleModel(Strict):
    name: str = Field(
        "", description="Its name, for `kage rules` and to change it in a later file."
    )
    phase: Literal["before", "instead", "check", "after", "report"] = Field(
        description=(
            "When it runs: before (says and goes on), instead (stops the action), check (stops it"
            " when it says something), after (replaces the standard report), report (adds to it)."
        )
    )
    action: Names = Field(
        description=(
            "The actions it applies to: an action, a list of them, a kind of action, or any."
        )
    )
    except_: list[str | PatternModel] = Field(
        [],
        alias="except",
        description="Actions (or patterns of action, noun and direction) it leaves alone.",
    )
    noun: Noun | None = Field(
        None, description="Only with this noun: an id, a list of ids, or a test of kind and props."
    )
    second: Noun | None = Field(None, description="Only with this second noun, likewise.")
    direction: str | None = Field(None, description="Only going this way (`north` ...).")
    when: dict[str, Any] | None = Field(None, description="Only while this condition holds.")
    say: str = Field("", description="What the player reads (placeholders as in responses).")
    effects: list[dict[str, Any]] = Field([], description="What happens when it applies.")
    stop: bool | None = Field(
        None, description="Whether the action stops here (default: as its phase says)."
    )
    first: bool = Field(
        False, description="A report rule: say it before the standard report instead of after."
    )

    @field_validator("except_", mode="before")
    @classmethod
    def _one_exception(cls, value: Any) -> Any:
        return [value] if isinstance(value, str | dict) else value


class KindsModel(Strict):
    action_kinds: dict[str, list[str]] = Field(
        description="Each kind's name and the actions it groups, for a rule's `action`."
    )


def world_actions(builder: Any) -> set[str]:
    """Every action a world can name: the engine's (the core's and its extensions'),
    and the verbs its files add."""
    found = set(coded_actions(builder.extensions)) | {action for action, _ in CORE}
    for _, model in builder.files:
        found |= set(model.verbs) | {i.verb for i in model.interactions}
    return found


def _kinds(builder: Any) -> set[str]:
    return (
        set(STANDARD_KINDS)
        | builder.known("action_kinds")
        | builder.known("action_kinds", builder.ghosts)
    )


def _check_actions(
    builder: Any, located: Any, path: tuple[Any, ...], value: Any, kinds: bool = True
) -> None:
    """Each name is `any`, an action of the world or (if `kinds`) a kind of action."""
    wanted = [value] if isinstance(value, str) else value
    if not wanted:
        name = "an action, or 'any'" if kinds else "its actions"
        builder.problem(located, path, f"{subject(located.data, path)} is empty: name {name}.")
    known = world_actions(builder)
    pool = known | (_kinds(builder) if kinds else set())
    for i, name in enumerate(wanted):
        here = path if isinstance(value, str) else (*path, i)
        if name == ANY and kinds:
            if len(wanted) > 1:
                builder.problem(
                    located,
                    here,
                    f"{subject(located.data, path)}: 'any' stands alone; "
                    "to leave some actions out, list them under 'except'.",
                )
            continue
        if name in pool:
            continue
        what = "an action or a kind of action" if kinds else "an action"
        first, _, rest = str(name).partition(" ")
        if rest and first in known:
            field = "direction" if rest in DIRECTIONS else "noun"
            rest = DIRECTIONS.get(rest, rest)
            hint = f" To match '{name}', write {{action: {first}, {field}: {rest}}}."
        else:
            hint = suggest(name, pool) or f" Actions: {few(known)}."
        builder.problem(
            located,
            here,
            f"{subject(located.data, path)} names {show(name)}, which is not {what} of this "
            f"world.{hint}",
        )


def _check_noun(builder: Any, located: Any, path: tuple[Any, ...], test: Any) -> None:
    if isinstance(test, str):
        builder.expect(located, path, "entity", test)
    elif isinstance(test, list):
        for i, ident in enumerate(test):
            builder.expect(located, (*path, i), "entity", ident)
    elif isinstance(test, ThingTest):
        _check_test_props(builder, located, (*path, "prop"), test.prop)


def _check_test_props(
    builder: Any, located: Any, path: tuple[Any, ...], props: dict[str, Any]
) -> None:
    """A noun test's properties: ones the world knows, or the entity's own fields
    (portable, wearable ...), which a rule tests the same way."""
    known = set(builder.props) | ENTITY_FIELDS
    for key in props:
        if key not in known:
            hint = suggest(str(key), known) or (
                " Declare a property of the world's own in the world section, like "
                f"props: {{{key}: flag}}."
            )
            builder.problem(
                located,
                (*path, key),
                f"{subject(located.data, path)} tests '{key}', which no entity in this world "
                f"has.{hint}",
            )


def _check_direction(builder: Any, located: Any, path: tuple[Any, ...], value: Any) -> None:
    if value is None or value in DIRECTIONS.values():
        return
    if isinstance(value, str) and value.lower() in DIRECTIONS:
        hint = f" Write it as '{DIRECTIONS[value.lower()]}'."
    else:
        hint = suggest(str(value), set(DIRECTIONS.values())) or (
            f" Directions: {few(set(DIRECTIONS.values()))}."
        )
    builder.problem(
        located,
        path,
        f"{subject(located.data, path)} is {show(value)}, which is not a direction.{hint}",
    )


def _check_pattern(builder: Any, located: Any, path: tuple[Any, ...], item: Any) -> None:
    if isinstance(item, str):
        _check_actions(builder, located, path, item)
        return
    _check_actions(builder, located, (*path, "action"), item.action)
    _check_noun(builder, located, (*path, "noun"), item.noun)
    _check_noun(builder, located, (*path, "second"), item.second)
    _check_direction(builder, located, (*path, "direction"), item.direction)


def _check_name(builder: Any, located: Any, path: tuple[Any, ...], name: str) -> None:
    """A rule's name is how it is listed and refused by: two rules may not share one."""
    key = f"rule name:{name}"
    if key in builder.where:
        other, other_path = builder.where[key]
        builder.problem(
            located,
            path,
            f"two rules are named '{name}': this one and the one at "
            f"{other.file}:{other.line(other_path)}. Give each its own name.",
        )
    else:
        builder.where[key] = (located, path)


def check(builder: Any, located: Any, path: tuple[Any, ...], rule: RuleModel) -> None:
    _check_actions(builder, located, (*path, "action"), rule.action)
    written = located.data
    for seg in path:
        written = written[seg]
    one = isinstance(written.get("except"), str | dict)  # `except: look`: a list of one
    for i, item in enumerate(rule.except_):
        _check_pattern(builder, located, (*path, "except") if one else (*path, "except", i), item)
    _check_noun(builder, located, (*path, "noun"), rule.noun)
    _check_noun(builder, located, (*path, "second"), rule.second)
    _check_direction(builder, located, (*path, "direction"), rule.direction)
    builder.check_condition(located, (*path, "when"), rule.when)
    builder.check_effects(located, (*path, "effects"), rule.effects)
    check_placeholders(builder, located, (*path, "say"), rule.say, STANDARD_SLOTS)
    what = subject(located.data, path)
    if rule.phase == "report" and rule.stop is not None:
        builder.problem(
            located,
            (*path, "stop"),
            f"{what} is a report rule, which adds to the report and cannot stop it; to "
            "replace the report, make it an 'after' rule.",
        )
    if rule.first and rule.phase != "report":
        builder.problem(
            located,
            (*path, "first"),
            f"{what}: 'first' places a report rule before the standard report; rules of "
            f"the '{rule.phase}' phase already come before the standard ones.",
        )
    if rule.name:
        _check_name(builder, located, (*path, "name"), rule.name)
    if not rule.say and not rule.effects and not stops(rule.phase, rule.stop, False):
        builder.problem(
            located,
            path,
            f"{what} does nothing: give it something to 'say', some 'effects', or 'stop: true'.",
        )


def build(builder: Any, world: Any, located: Any, path: tuple[Any, ...], rule: RuleModel) -> Any:
    """The rule as plain data, with where it was written (for listings and refusals)."""
    from kage.content.compile import prose, prose_effects

    plain = rule.model_dump(by_alias=True, exclude_none=True)
    plain["say"] = prose(rule.say) if "\n" in rule.say else rule.say
    plain["effects"] = prose_effects(plain.get("effects", []))
    plain["source"] = f"{located.file}:{located.line(path)}"
    return plain


def check_kind(builder: Any, located: Any, path: tuple[Any, ...], actions: list[str]) -> None:
    name = path[-1]
    if not NAME.match(name) or name == ANY:
        builder.problem(
            located,
            path,
            f"the kind of action '{name}' needs another name: names use lowercase letters, "
            "digits and underscores, starting with a letter, and 'any' is taken.",
        )
    elif name in world_actions(builder):
        builder.problem(
            located,
            path,
            f"the kind of action '{name}' has the name of an action; name it for what the "
            "actions share (like 'acquiring' for take and buy).",
        )
    _check_actions(builder, located, path, actions, kinds=False)


RULES = Section("rules", RuleModel, check, keyed=False, build=build)
KINDS = Section("action_kinds", KindsModel, check_kind, mapping=True)
SECTIONS = (RULES, KINDS)
