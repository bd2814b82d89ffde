from __future__ import annotations

import json

import pytest
from tests.helpers import play

from kage.world.clock import describe_span, parse_duration, stamp
from kage.world.state import State


def test_copy_is_independent(new_session) -> None:
    session = new_session()
    before = session.game.state.copy()
    digest = before.digest()
    play(session, "down", "ne", "take all")
    assert before.digest() == digest
    assert session.game.state.digest() != digest
    assert before.holder["wallet"] == "naruto_apartment"
    assert session.game.state.holder["wallet"] == "naruto"


def test_json_round_trip_is_exact(new_session) -> None:
    session = new_session()
    play(session, "ask tsunade about the vote", "give necklace to tsunade", "down")
    state = session.game.state
    again = State.from_json(json.loads(state.dumps()))
    assert again.dumps() == state.dumps()
    assert again.digest() == state.digest()


def test_from_json_rejects_other_versions() -> None:
    data = State().to_json()
    data["version"] = 999
    with pytest.raises(ValueError):
        State.from_json(data)


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("2d", 2880),
        ("3h", 180),
        ("45m", 45),
        ("90 minutes", 90),
        ("1 week", 10080),
        ("1d + 2h", 1560),
        (15, 15),
        ("15", 15),
    ],
)
def test_parse_duration(text, minutes) -> None:
    assert parse_duration(text) == minutes


@pytest.mark.parametrize("text", ["soon", "", "3 moons", "h3"])
def test_parse_duration_rejects_nonsense(text) -> None:
    with pytest.raises(ValueError):
        parse_duration(text)


def test_clock_formats() -> None:
    from datetime import datetime

    start = datetime(60, 10, 13, 9, 0)
    assert stamp(start, 0) == "0060-10-13T09:00"
    assert stamp(start, 2880 + 75) == "0060-10-15T10:15"
    assert describe_span(0) == "a moment"
    assert describe_span(1) == "1 minute"
    assert describe_span(2 * 1440 + 61) == "2 days, 1 hour and 1 minute"


def test_json_round_trip_keeps_the_order_of_every_dict(new_session) -> None:
    """Dict order is part of play (what "take all" takes first, which purse pays), so a
    state read back from its JSON must iterate exactly as the one that was written."""
    session = new_session()
    play(session, "down", "go to my apartment", "take all", "drop photo")
    state = session.game.state
    again = State.from_json(json.loads(state.dumps()))
    assert list(again.holder) == list(state.holder)
    assert list(again.money) == list(state.money)
    assert list(again.props) == list(state.props)
    assert list(again.flags) == list(state.flags)


def test_play_after_save_and_restore_is_play_that_never_left(new_session) -> None:
    """Regression: dumps() sorted the keys, so a restored game listed and took things in
    another order ("You can see a backpack, ..." instead of "a frog wallet, ...")."""
    stayed, left = new_session(), new_session()
    play(stayed, "down")
    play(left, "down", 'save "order"', 'restore "order"')
    after = ["go to my apartment", "take all", "drop all", "look"]
    assert play(left, *after) == play(stayed, *after)
    assert left.game.state.digest() == stayed.game.state.digest()


def busy_state() -> State:
    return State(
        turn=4,
        minutes=300,
        rng=12345,
        seq=2,
        holder={"kunai": "hero"},
        money={"hero": 10},
        props={"kunai": {"sharp": True}},
        flags={"door": "open"},
        mood={"guard": -5},
        bonds={"guard>hero": 20},
        milestones={"first": 1},
        fired={"bell": 30},
        schedule=[[400, 1, "gong"]],
        visited={"yard": 0},
        records={"vote": {"yes": 3}},
        pronouns={"it": "kunai"},
        question={"words": ["kunai"]},
        done=True,
        won=True,
        ending="won",
    )


def test_copy_keeps_every_field() -> None:
    state = busy_state()
    assert state.copy() == state
    assert State.from_json(state.to_json()) == state


def test_copy_shares_no_container_that_play_edits() -> None:
    state = busy_state()
    copy = state.copy()
    copy.holder["kunai"] = "yard"
    copy.money["hero"] = 0
    copy.props["kunai"]["sharp"] = False  # props are edited in place: copied per entity
    copy.props["new"] = {}
    copy.flags["door"] = "shut"
    copy.mood["guard"] = 5
    copy.bonds["guard>hero"] = 0
    copy.milestones["second"] = 2
    copy.fired["gong"] = 1
    copy.schedule.append([500, 2, "bell"])
    copy.visited["shop"] = 1
    copy.records["edict"] = {}
    copy.pronouns["him"] = "guard"
    assert state == busy_state()


def test_to_json_has_every_field_and_the_version() -> None:
    data = busy_state().to_json()
    assert data["version"] == 1
    assert set(data) == set(State.__slots__) | {"version"}
    assert data["turn"] == 4 and data["ending"] == "won" and data["flags"] == {"door": "open"}


def test_from_json_fills_missing_fields_with_defaults_and_copies() -> None:
    data = {"version": 1, "turn": 7, "flags": {"a": 1}}
    state = State.from_json(data)
    assert state == State(turn=7, flags={"a": 1})
    state.flags["a"] = 2
    assert data["flags"] == {"a": 1}  # the state does not share the caller's dicts


def test_from_json_says_which_version_it_was_given() -> None:
    with pytest.raises(ValueError, match="^state version None is not 1$"):
        State.from_json({"turn": 1})
    with pytest.raises(ValueError, match="^state version 2 is not 1$"):
        State.from_json({"turn": 1, "version": 2})


def test_dumps_is_compact_json_in_the_order_of_play() -> None:
    """Compact, and every dict keeps its order: order is part of play (see above)."""
    state = State(turn=1, flags={"b": 1, "a": 2})
    text = state.dumps()
    assert " " not in text
    assert text.index('"b":1') < text.index('"a":2')
    assert json.loads(text) == state.to_json()
    assert State(flags={"a": 2, "b": 1}, turn=1).dumps() != text


def test_digest_is_short_stable_and_changes_with_the_state() -> None:
    state = busy_state()
    digest = state.digest()
    assert len(digest) == 16 and int(digest, 16) >= 0
    assert busy_state().digest() == digest
    state.minutes += 1
    assert state.digest() != digest
