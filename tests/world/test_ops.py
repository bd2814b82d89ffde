"""The functions that change a game's state: each change lands in the state and is
recorded as one event; money is conserved."""

from __future__ import annotations

import heapq

import pytest

from kage.game import Game
from kage.world import ops, query
from kage.world.events import Event


def events(game: Game) -> list[tuple[str, dict]]:
    return [(e.kind, e.data) for e in game.log]


def test_clamp_rounds_and_bounds() -> None:
    assert ops.clamp(12.4) == 12
    assert ops.clamp(12.6) == 13
    assert ops.clamp(-12.6) == -13
    assert ops.clamp(100) == 100
    assert ops.clamp(101) == 100
    assert ops.clamp(-100) == -100
    assert ops.clamp(-101) == -100
    assert ops.clamp(7, low=0, high=5) == 5
    assert ops.clamp(-7, low=0, high=5) == 0
    assert isinstance(ops.clamp(3.0), int)


def test_move_changes_the_holder_and_the_contents(game: Game) -> None:
    assert query.contents(game, "yard")  # the index is built
    ops.move(game, "desk", "shop")
    assert game.state.holder["desk"] == "shop"
    assert "desk" in query.contents(game, "shop")  # the index was rebuilt
    assert "desk" not in query.contents(game, "yard")
    assert events(game) == [("moved", {"entity": "desk", "source": "yard", "to": "shop"})]


def test_moving_to_where_it_is_does_nothing(game: Game) -> None:
    ops.move(game, "desk", "yard")
    assert game.log == []


def test_moving_something_from_nowhere(game: Game) -> None:
    del game.state.holder["apple"]
    ops.move(game, "apple", "hero")
    assert events(game) == [("moved", {"entity": "apple", "source": None, "to": "hero"})]


def test_the_player_entering_a_place_has_seen_it_from_then(game: Game) -> None:
    game.state.minutes = 90
    assert "field" not in game.state.visited
    ops.move(game, "hero", "field")
    assert game.state.visited["field"] == 90
    game.state.minutes = 200
    ops.move(game, "hero", "yard")
    ops.move(game, "hero", "field")
    assert game.state.visited["field"] == 90  # first seen stays first seen


def test_the_place_the_game_starts_in_was_seen_at_minute_zero(game: Game) -> None:
    assert game.state.visited["yard"] == 0
    ops.move(game, "hero", "shop")
    game.state.minutes = 200
    ops.move(game, "hero", "yard")
    assert game.state.visited["yard"] == 0


def test_a_place_only_heard_of_is_seen_on_arrival(game: Game) -> None:
    game.state.visited["field"] = -1  # revealed, not visited
    game.state.minutes = 30
    ops.move(game, "hero", "field")
    assert game.state.visited["field"] == 30


def test_others_moving_and_the_player_entering_things_visit_nothing(game: Game) -> None:
    ops.move(game, "guard", "field")
    assert "field" not in game.state.visited
    ops.move(game, "hero", "chest")  # climbing into the chest: not a place
    assert "chest" not in game.state.visited


def test_set_flag(game: Game) -> None:
    ops.set_flag(game, "door", "open")
    ops.set_flag(game, "door", "open")  # unchanged: no second event
    assert game.state.flags == {"door": "open"}
    ops.set_flag(game, "door", False)
    assert game.state.flags == {"door": False}  # False is a value, not a removal
    ops.set_flag(game, "door", None)
    assert game.state.flags == {}
    ops.set_flag(game, "door", None)  # removing what is not there: no event
    assert events(game) == [
        ("flag", {"key": "door", "value": "open"}),
        ("flag", {"key": "door", "value": False}),
        ("flag", {"key": "door", "value": None}),
    ]


def test_set_prop(game: Game) -> None:
    ops.set_prop(game, "wallet", "colour", "red")
    ops.set_prop(game, "wallet", "size", 2)
    assert game.state.props["wallet"] == {"colour": "red", "size": 2}
    assert query.prop(game, "wallet", "colour") == "red"
    assert events(game)[-1] == ("prop", {"entity": "wallet", "key": "size", "value": 2})


def test_change_mood_clamps_and_records_the_cause(game: Game) -> None:
    assert ops.change_mood(game, "guard", 30, cause="bribe") == 30
    assert ops.change_mood(game, "guard", 90) == 100
    assert ops.change_mood(game, "guard", 5) == 100  # already at the top: no event
    assert game.state.mood["guard"] == 100
    assert events(game) == [
        ("mood", {"who": "guard", "old": 0, "new": 30, "cause": "bribe"}),
        ("mood", {"who": "guard", "old": 30, "new": 100, "cause": ""}),
    ]
    assert ops.change_mood(game, "trader", -250) == -100


def test_change_bond_is_directed_and_clamped(game: Game) -> None:
    assert ops.change_bond(game, "guard", "hero", 25.4, cause="help") == 25
    assert ops.change_bond(game, "guard", "hero", -200) == -100
    assert ops.change_bond(game, "guard", "hero", 0) == -100
    assert game.state.bonds == {"guard>hero": -100}
    assert query.bond(game, "hero", "guard") == 0
    assert events(game) == [
        ("bond", {"source": "guard", "target": "hero", "old": 0, "new": 25, "cause": "help"}),
        ("bond", {"source": "guard", "target": "hero", "old": 25, "new": -100, "cause": ""}),
    ]


def total_money(game: Game) -> int:
    return sum(game.state.money.values())


def test_transfer_moves_money_and_conserves_it(game: Game) -> None:
    total = total_money(game)
    assert ops.transfer(game, "hero", "guard", 30)  # all he has in hand
    assert game.state.money["hero"] == 0
    assert game.state.money["guard"] == 35
    assert ops.transfer(game, "guard", "field_mouse", 1)  # a new holder starts at zero
    assert game.state.money["field_mouse"] == 1
    assert total_money(game) == total
    assert events(game)[0] == ("money", {"source": "hero", "target": "guard", "amount": 30})


@pytest.mark.parametrize("amount", [0, -5, 31])
def test_transfer_refuses_nothing_negative_or_more_than_there_is(game: Game, amount: int) -> None:
    before = dict(game.state.money)
    assert not ops.transfer(game, "hero", "guard", amount)
    assert not ops.transfer(game, "nobody", "guard", 1)
    assert game.state.money == before
    assert game.log == []


def test_purse_of_lists_hands_then_held_things_with_money(game: Game) -> None:
    assert ops.purse_of(game, "hero") == ["hero", "wallet"]
    game.state.money["hero"] = 0
    assert ops.purse_of(game, "hero") == ["wallet"]
    game.state.money["wallet"] = 0
    assert ops.purse_of(game, "hero") == []
    assert ops.purse_of(game, "trader") == []


def test_a_single_ryo_is_money_too(game: Game) -> None:
    game.state.money["hero"] = 1
    game.state.money["wallet"] = 1
    assert ops.purse_of(game, "hero") == ["hero", "wallet"]
    assert ops.can_pay(game, "hero", 2)
    assert ops.pay(game, "hero", "trader", 2)
    assert game.state.money["trader"] == 2


def test_can_pay(game: Game) -> None:
    assert ops.can_pay(game, "hero", 130)  # 30 in hand and 100 in the wallet
    assert not ops.can_pay(game, "hero", 131)
    assert ops.can_pay(game, "trader", 0)


def test_pay_spends_hands_first_then_the_wallet(game: Game) -> None:
    total = total_money(game)
    assert ops.pay(game, "hero", "trader", 50)
    assert game.state.money["hero"] == 0
    assert game.state.money["wallet"] == 80
    assert game.state.money["trader"] == 50
    assert total_money(game) == total
    assert [e.data for e in game.log] == [
        {"source": "hero", "target": "trader", "amount": 30},
        {"source": "wallet", "target": "trader", "amount": 20},
    ]


def test_pay_from_hands_alone_leaves_the_wallet_alone(game: Game) -> None:
    assert ops.pay(game, "hero", "trader", 30)
    assert game.state.money["wallet"] == 100
    assert len(game.log) == 1


def test_pay_everything(game: Game) -> None:
    assert ops.pay(game, "hero", "trader", 130)
    assert game.state.money["trader"] == 130
    assert game.state.money["hero"] == game.state.money["wallet"] == 0


def test_pay_refuses_more_than_the_purses_hold(game: Game) -> None:
    before = dict(game.state.money)
    assert not ops.pay(game, "hero", "trader", 131)
    assert game.state.money == before
    assert game.log == []


def test_reach_milestone_once(game: Game) -> None:
    game.state.turn = 4
    assert ops.reach_milestone(game, "first")
    game.state.turn = 9
    assert not ops.reach_milestone(game, "first")
    assert game.state.milestones == {"first": 4}
    assert game.score == 5
    assert events(game) == [("milestone", {"id": "first"})]


def test_schedule_keeps_the_earliest_first_and_ties_in_order(game: Game) -> None:
    ops.schedule(game, "gong", 60)
    ops.schedule(game, "bell", 30)
    ops.schedule(game, "bell", 60)
    order = []
    while game.state.schedule:
        minute, _, event = heapq.heappop(game.state.schedule)
        order.append((minute, event))
    assert order == [(30, "bell"), (60, "gong"), (60, "bell")]
    assert game.state.seq == 3
    assert events(game)[0] == ("scheduled", {"event": "gong", "at": 60})


def test_record_replaces_the_whole_record(game: Game) -> None:
    ops.record(game, "vote", {"yes": 3})
    ops.record(game, "vote", {"no": 1})
    assert game.state.records == {"vote": {"no": 1}}
    assert events(game) == [("record", {"key": "vote"}), ("record", {"key": "vote"})]


@pytest.mark.parametrize("won", [True, False])
def test_end(game: Game, won: bool) -> None:
    ops.end(game, won, "It is over.", "the_end")
    assert game.state.done
    assert game.state.won is won
    assert game.state.ending == "the_end"
    assert game.take_output() == "It is over."
    assert events(game) == [("ended", {"ending": "the_end", "won": won})]


def test_events_carry_the_turn_and_minute_they_happened(game: Game) -> None:
    game.state.turn, game.state.minutes = 3, 75
    ops.set_flag(game, "x", 1)
    (event,) = game.log
    assert event == Event(3, 75, "flag", {"key": "x", "value": 1})
    assert event.to_json() == {"turn": 3, "minute": 75, "kind": "flag", "key": "x", "value": 1}
