"""Wires the engine together: which actions and systems exist, how a game starts, and
what the world does after each turn.

Per-world structures (rulebooks, lexicon) are built once and kept on the world's
`runtime` slot, so many games of one world share them and nothing lives at module level.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kage.actions import describe, information, interactions
from kage.actions.pipeline import Action, Rulebooks
from kage.core import data_rules
from kage.core.engine import Engine, assemble
from kage.parser.lexicon import Lexicon
from kage.parser.lexicon import build as build_lexicon
from kage.systems import daytime, scenes, turn
from kage.world import effects, rng
from kage.world import standard as _standard  # noqa: F401  (its conditions and effects)
from kage.world.model import World
from kage.world.state import State

if TYPE_CHECKING:
    from kage.game import Game

__all__ = ["engine", "rulebooks", "lexicon", "initial_state", "open_story", "after_turn"]


def engine(world: World) -> Engine:
    """The core and the world's extensions, assembled once per world."""
    found = world.runtime.get("engine")
    if found is None:
        found = assemble(world.extensions)
        world.runtime["engine"] = found
    return found


def rulebooks(world: World) -> Rulebooks:
    rules = world.runtime.get("rules")
    if rules is None:
        rules = Rulebooks(origins=engine(world).origin)
        for module in engine(world).modules:
            install = getattr(module, "install", None)
            if install is not None:
                install(rules)
            rules.install_module(module)
        # verbs that only the world's data gives meaning to: no module installed rules
        data_verbs = ({i.verb for i in world.interactions} | set(world.verbs)) - rules.actions()
        interactions.install_verbs(rules, data_verbs)
        data_rules.install(rules, world)
        world.runtime["rules"] = rules
    return rules


def lexicon(world: World) -> Lexicon:
    lex = world.runtime.get("lexicon")
    if lex is None:
        lex = build_lexicon(world, engine(world).grammar)
        world.runtime["lexicon"] = lex
    return lex


def initial_state(world: World, seed: int) -> State:
    state = State(rng=rng.seed_state(seed))
    for entity in world.entities.values():
        if entity.start is not None:
            state.holder[entity.id] = entity.start
        if entity.money:
            state.money[entity.id] = entity.money
    state.mood = dict(world.moods)
    for bond in world.bonds:
        state.bonds[f"{bond.source}>{bond.target}"] = bond.strength
    for minute, event_id in world.schedule:
        state.seq += 1
        state.schedule.append([minute, state.seq, event_id])
    state.schedule.sort()
    start = state.holder.get(world.player)
    if start:
        state.visited[start] = 0
    return state


def open_story(game: Game) -> str:
    """Title, introduction, what the world does at the start, and the first look."""
    world = game.world
    game.say(world.title.upper())
    game.say(game.render(world.intro))
    effects.apply(game, world.start_effects)
    daytime.keep_schedules(game, quiet=True)  # people are where the hour puts them
    game.say(describe.place(game))
    return game.take_output()


WRAPPERS = frozenset({"go_to", "exit"})  # their steps are turns of their own


def after_turn(game: Game, action: Action, first_event: int = 0) -> None:
    if action.name in information.FREE or action.name in WRAPPERS:
        return
    turn.run(game, action, first_event)


def after_refusal(game: Game) -> None:
    """A refused action takes no time; but when the refusing rule changed the world (a
    data rule's effects: "in the dark, anything disturbs the message"), the story's
    turning points and endings see the change at once."""
    scenes.run_triggers(game)
    if not game.state.done:
        scenes.check_endings(game)
