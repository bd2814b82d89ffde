"""Effects as world files write them: each changes the state through `ops`."""

from __future__ import annotations

import heapq
from dataclasses import replace

import pytest

from kage.game import Game
from kage.world import effects
from kage.world.effects import apply


def test_set_and_unset(game: Game) -> None:
    apply(game, [{"set": {"door": "open", "lamp": True}}])
    assert game.state.flags == {"door": "open", "lamp": True}
    apply(game, [{"unset": "door"}])
    assert game.state.flags == {"lamp": True}
    game.state.flags.update({"a": 1, "b": 2})
    apply(game, [{"unset": ["a", "b", "never_set"]}])
    assert game.state.flags == {"lamp": True}


def test_move_and_prop(game: Game) -> None:
    apply(game, [{"move": {"desk": "shop", "apple": "hero"}}])
    assert game.state.holder["desk"] == "shop"
    assert game.state.holder["apple"] == "hero"
    apply(game, [{"prop": {"apple": {"bitten": True, "colour": "red"}, "desk": {"x": 1}}}])
    assert game.state.props == {"apple": {"bitten": True, "colour": "red"}, "desk": {"x": 1}}


def test_say_renders_its_text(game: Game) -> None:
    apply(game, [{"say": "The bell rings."}])
    assert game.take_output() == "The bell rings."


def test_pay_takes_from_the_players_purses(game: Game) -> None:
    apply(game, [{"pay": {"amount": "40", "to": "trader"}}])
    assert game.state.money["trader"] == 40
    assert game.state.money["hero"] == 0
    assert game.state.money["wallet"] == 90


def test_transfer_between_any_holders(game: Game) -> None:
    apply(game, [{"transfer": {"from": "wallet", "to": "guard", "amount": 60}}])
    assert game.state.money["wallet"] == 40
    assert game.state.money["guard"] == 65


def test_schedule_in_a_while_or_now(game: Game) -> None:
    game.state.minutes = 100
    apply(game, [{"schedule": {"event": "bell", "in": "2h"}}, {"schedule": {"event": "gong"}}])
    due = sorted((minute, event) for minute, _, event in game.state.schedule)
    assert due == [(100, "gong"), (220, "bell")]
    assert heapq.heappop(game.state.schedule)[2] == "gong"


def test_reveal_marks_places_heard_of_once(game: Game) -> None:
    apply(game, [{"reveal": "field"}])
    assert game.state.visited["field"] == -1
    apply(game, [{"reveal": ["field", "yard", "shop"]}])
    assert game.state.visited == {"yard": 0, "field": -1, "shop": -1}  # the yard stays seen
    revealed = [e.data["place"] for e in game.log if e.kind == "revealed"]
    assert revealed == ["field", "shop"]


def test_when_guards_the_rest_of_its_item(game: Game) -> None:
    apply(
        game,
        [
            {"when": {"flag": "nope"}, "set": {"a": 1}},
            {"when": {"at": "yard"}, "set": {"e": 5}},  # the guard first, holding
            {"set": {"b": 2}, "when": {"at": "yard"}},
            {"set": {"c": 3}, "when": {"at": "shop"}},
            {"set": {"d": 4}},
        ],
    )
    assert game.state.flags == {"e": 5, "b": 2, "d": 4}


def test_several_effects_in_one_item_run_in_order(game: Game) -> None:
    apply(game, [{"set": {"a": 1}, "unset": "a", "move": {"apple": "hero"}}])
    assert "a" not in game.state.flags
    assert game.state.holder["apple"] == "hero"


def test_nothing_runs_after_the_game_ends(game: Game) -> None:
    def end(game: Game, arg: None) -> None:
        game.state.done = True

    game.engine = replace(game.engine, effects={**game.engine.effects, "test_end": end})
    apply(game, [{"set": {"a": 1}}, {"test_end": None, "set": {"b": 2}}, {"set": {"c": 3}}])
    assert game.state.flags == {"a": 1}


def test_an_unknown_effect_is_an_error(game: Game) -> None:
    with pytest.raises(KeyError):
        apply(game, [{"explode": True}])


def test_a_marked_effect_is_read_from_the_games_engine(game: Game) -> None:
    @effects.effect("test_double")
    def double(game: Game, arg: str) -> None:
        game.state.flags[arg] = game.state.flags.get(arg, 1) * 2

    with pytest.raises(KeyError):  # marked, not registered: no engine has it yet
        apply(game, [{"test_double": "n"}])
    game.engine = replace(game.engine, effects={**game.engine.effects, "test_double": double})
    apply(game, [{"test_double": "n"}, {"test_double": "n"}])
    assert game.state.flags["n"] == 4
