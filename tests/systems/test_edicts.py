"""The banishment edict: deadline, zone, penalty, and no coming back."""

from __future__ import annotations

from tests.helpers import play


def test_the_edict_records_its_terms(new_session) -> None:
    session = new_session()
    record = session.game.state.records["edict:banishment"]
    assert record["deadline"] == 2 * 24 * 60
    assert record["zones"] == ["konoha", "konoha_outskirts"]
    assert record["duration"] == "until further notice"
    assert record["penalty"] == "executed_deadline"
    text = play(session, "ask tsunade about the terms")
    assert "death" in text and "2 days" in text


def test_deadline_kills_even_while_asleep(new_session) -> None:
    session = new_session()
    play(session, "go to apartment")
    for _ in range(6):
        play(session, "sleep")
    state = session.game.state
    assert state.done and not state.won
    assert state.ending == "executed_deadline"
    assert state.minutes == 2 * 24 * 60


def test_being_outside_the_zone_at_the_deadline_is_safe(road_session) -> None:
    session = road_session
    play(session, "go to gate", "s", "s", "s")
    assert session.game.state.records["edict:banishment"]["left"] is True
    play(session, "wait 3 days")
    assert not session.game.state.done


def test_coming_back_is_execution(road_session) -> None:
    session = road_session
    play(session, "go to gate", "s", "s", "s")
    assert not session.game.state.done
    play(session, "n")
    state = session.game.state
    assert state.done and not state.won and state.ending == "executed_return"


def test_warnings_as_the_deadline_nears(new_session) -> None:
    session = new_session()
    text = play(session, "wait 25 hours")
    assert "left to be out of the Leaf" in text
    text = play(session, "wait 18 hours")
    assert "mask" in text
