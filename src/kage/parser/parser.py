"""One command -> the actions it asks for, or the reply that explains why not."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from kage.actions.pipeline import Action
from kage.parser import nouns
from kage.parser.grammar import DIRECTIONS, NUMBERS, Line, Token
from kage.parser.text import words
from kage.world.clock import unit_minutes

if TYPE_CHECKING:
    from kage.game import Game

MAX_WORDS = 40
OBJECT_SLOTS = ("thing", "things", "held")


@dataclass(slots=True)
class Parsed:
    actions: list[Action] = field(default_factory=list)
    error: str = ""
    understood: bool = True


def _match(
    tokens: tuple[Token, ...], ws: list[str], ti: int, wi: int, binds: list[Any]
) -> Iterator[list[Any]]:
    """Every way the words fit the pattern; each binding is (slot, words)."""
    if ti == len(tokens):
        if wi == len(ws):
            yield binds
        return
    token = tokens[ti]
    if token.words is not None:
        if wi < len(ws) and ws[wi] in token.words:
            yield from _match(tokens, ws, ti + 1, wi + 1, binds)
        return
    if wi >= len(ws):
        return
    if token.slot in ("direction", "number", "unit"):
        yield from _match(tokens, ws, ti + 1, wi + 1, [*binds, (token.slot, ws[wi : wi + 1])])
        return
    following = tokens[ti + 1] if ti + 1 < len(tokens) else None
    for end in range(wi + 1, len(ws) + 1):
        if following is None and end != len(ws):
            continue
        if (
            following is not None
            and following.words is not None
            and (end >= len(ws) or ws[end] not in following.words)
        ):
            continue
        yield from _match(tokens, ws, ti + 1, end, [*binds, (token.slot, ws[wi:end])])


def _number(word: str) -> int | None:
    if word.isdigit():
        return min(int(word), 10_000)
    return NUMBERS.get(word)


def _question_text(game: Game, candidates: list[str]) -> str:
    names = [game.world.entities[c].the() for c in candidates]
    listed = ", ".join(names[:-1]) + " or " + names[-1]
    return f"Which do you mean, {listed}?"


def _build(
    game: Game, line: Line, binds: list[Any], command: str, overrides: dict[tuple[str, ...], str]
) -> Parsed | dict[str, Any]:
    """Resolve a syntactic match into actions; a dict return is a question to ask."""
    objects: list[list[str]] = []
    people: list[str] = []
    action = Action(line.action)
    container: str | None = None
    # resolve the single-object slots first, so "take all from the pouch" knows the pouch
    order = sorted(range(len(binds)), key=lambda i: binds[i][0] == "things")
    resolved: dict[int, list[str]] = {}
    several = False
    for index in order:
        slot, phrase = binds[index]
        key = tuple(nouns.strip_articles(phrase))
        if key in overrides:
            resolved[index] = [overrides[key]]
            continue
        if slot == "direction":
            if phrase[0] not in DIRECTIONS:
                return Parsed(error=f"'{phrase[0]}' is not a direction.", understood=False)
            action.direction = DIRECTIONS[phrase[0]]
        elif slot == "number":
            value = _number(phrase[0])
            if value is None:
                return Parsed(error=f"'{phrase[0]}' is not a number I know.", understood=False)
            action.number = value
        elif slot == "unit":
            minutes = unit_minutes(phrase[0])
            if minutes is None:
                return Parsed(
                    error=f"'{phrase[0]}' is not a length of time (try minutes, hours or days).",
                    understood=False,
                )
            action.number = max(action.number, 1) * minutes
            action.data["unit"] = True
        elif slot in ("topic", "text"):
            action.text = " ".join(phrase)
        else:
            if slot == "things":
                got = nouns.resolve_many(game, phrase, line.action, container)
            else:
                got = nouns.resolve_one(game, slot, phrase, line.action)
            if got.question is not None:
                return {"command": command, "phrase": list(key), **got.question}
            if not got.ids:
                return Parsed(error=got.error, understood=got.understood)
            resolved[index] = got.ids
            several = several or got.several
            if slot == "thing" and line.action == "take":
                container = got.ids[0]
    for index, (slot, _) in enumerate(binds):
        if index not in resolved:
            continue
        if slot == "person":
            people.append(resolved[index][0])
        elif slot == "place":
            action.noun = resolved[index][0]
        else:
            objects.append(resolved[index])
    if objects:
        action.second = objects[1][0] if len(objects) > 1 else (people[0] if people else None)
        actions = []
        for noun in objects[0]:
            each = Action(
                action.name,
                noun,
                action.second,
                action.text,
                action.number,
                action.direction,
                data=dict(action.data),
                several=several,
            )
            actions.append(each)
        nouns.remember(game, objects[0])
        return Parsed(actions=actions)
    if people:
        action.noun = people[0]
        nouns.remember(game, people)
    return Parsed(actions=[action])


def parse(game: Game, command: str, overrides: dict[tuple[str, ...], str] | None = None) -> Parsed:
    ws = words(command)
    state = game.state
    if state.question:
        question, state.question = state.question, {}
        chosen = nouns.answer(game, question, ws)
        if chosen is not None:
            picked = {tuple(question["phrase"]): chosen}
            return parse(game, question["command"], {**(overrides or {}), **picked})
    if not ws:
        return Parsed(error="I beg your pardon?", understood=False)
    if len(ws) > MAX_WORDS:
        return Parsed(
            error="That is more than I can follow at once. Try a shorter command.",
            understood=False,
        )
    lex = game.lexicon
    first = ws[0]
    if len(ws) == 1 and first in DIRECTIONS and first not in lex.lines:
        return Parsed(actions=[Action("go", direction=DIRECTIONS[first])])
    lines = lex.lines.get(first)
    if not lines:
        if first in DIRECTIONS:
            return Parsed(actions=[Action("go", direction=DIRECTIONS[first])])
        if first in lex.words:
            return Parsed(error=f"That's not a verb I recognise: '{first}'.", understood=False)
        return Parsed(error=f"I don't know the word '{first}'.", understood=False)
    first_failure: Parsed | None = None
    for line in lines:
        for binds in _match(line.tokens, ws, 1, 1, []):
            built = _build(game, line, binds, command, overrides or {})
            if isinstance(built, dict):
                state.question = built
                return Parsed(error=_question_text(game, built["candidates"]))
            if built.actions:
                return built
            if first_failure is None or (first_failure.understood and not built.understood):
                first_failure = built if first_failure is None else first_failure
    if first_failure is not None:
        return first_failure
    for word in ws[1:]:
        if word not in lex.words:
            return Parsed(error=f"I don't know the word '{word}'.", understood=False)
    example = min(lines, key=lambda ln: len(ln.tokens)).pattern
    shape = example.replace("{", "").replace("}", "").replace("things", "something")
    shape = shape.replace("thing", "something").replace("held", "something")
    return Parsed(
        error=f"I understood '{first}' but not the rest. Try something like '{shape}'.",
        understood=False,
    )
