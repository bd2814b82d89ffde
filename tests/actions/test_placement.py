"""Rules placed by name, and the turn sequence as a named rulebook."""

from __future__ import annotations

import pytest

from kage.actions.pipeline import ACTIVITY, TURN, Action, Rulebooks, rule
from kage.game import Game
from kage.world.model import World


def _rule(name: str):  # noqa: ANN202
    def func(game, action):  # noqa: ANN001, ANN202
        return None

    func.__name__ = name
    func.__module__ = "kage.fake"
    return func


def _names(books: Rulebooks, phase: str = "check", action: str = "take") -> list[str]:
    return [e.name for e in books.rules(phase, action)]


def test_before_and_after_move_a_rule_next_to_the_one_it_names() -> None:
    books = Rulebooks(origins={"kage.fake": "trade"})
    books.add("check", "take", _rule("a"))
    books.add("check", "take", _rule("b"))
    books.add("check", "take", _rule("c"), before="a")
    books.add("check", "take", _rule("d"), after="trade.c")  # by its qualified name
    assert _names(books) == ["c", "d", "a", "b"]
    assert books.rules("check", "take")[0].qualified == "trade.c"


def test_placement_outranks_order_and_unknown_names_are_ignored() -> None:
    books = Rulebooks()
    books.add("check", "take", _rule("early"), order=10)
    books.add("check", "take", _rule("late"), order=90, before=("early", "missing"))
    books.add("check", "*", _rule("anything"), order=50)
    assert _names(books) == ["late", "early", "anything"]


def test_rules_without_placement_keep_order_then_the_order_added() -> None:
    books = Rulebooks()
    for name in ("x", "y", "z"):
        books.add("check", "take", _rule(name))
    books.add("check", "*", _rule("star"))  # any-action rules come first among equals
    assert _names(books) == ["star", "x", "y", "z"]


def test_rules_placed_in_a_circle_are_an_error() -> None:
    books = Rulebooks()
    books.add("check", "take", _rule("a"), after="b")
    books.add("check", "take", _rule("b"), after="a")
    with pytest.raises(ValueError, match="circle"):
        books.rules("check", "take")


def test_a_module_rule_is_placed_by_its_mark() -> None:
    import types

    module = types.ModuleType("kage.fake")
    module.first = rule("check", "take")(_rule("first"))
    module.second = rule("check", "take", before="first", name="renamed")(_rule("second"))
    books = Rulebooks()
    books.install_module(module)
    assert _names(books) == ["renamed", "first"]


def test_the_turn_sequence_is_a_rulebook_in_a_declared_order(banished: World) -> None:
    turn = _names(Game(banished).rules, ACTIVITY, TURN)
    assert turn == [
        "advance_time",
        "chase_told",  # a flight told before the companion speaks of it
        "companion",
        "living",
        "morale",
        "odds_seen",  # foes who stayed on their feet see the player's side grow
        "training",
        "watch",
        "watchful",
        "unseen_voices_forgotten",
        "beaten",  # after the blow that did it
        "companion_late",  # the companion on what the turn's rules did
        "scene_triggers",
        "endings",
    ]
    origins = {e.name: e.origin for e in Game(banished).rules.rules(ACTIVITY, TURN)}
    assert origins["advance_time"] == "core" and origins["morale"] == "combat"


def test_a_rule_added_to_the_turn_sequence_runs_after_each_turn(banished: World) -> None:
    game = Game(banished)
    seen: list[tuple[str, int]] = []
    game.rules = Rulebooks()
    game.rules.add(
        ACTIVITY, TURN, lambda g, action, first: seen.append((action.name, g.state.minutes))
    )
    before = game.state.minutes
    game.act(Action("wait", minutes=10))
    assert seen == [("wait", before)]  # only what was added runs: time did not advance
    assert game.state.minutes == before
