"""The banishment edict: deadline, zone, penalty, and no coming back."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.helpers import opened, play, world_from
from tests.systems.moot import WORLD as MOOT

from kage.ext.council import council, edicts
from kage.session import Session
from kage.world.model import World


def test_the_edict_records_its_terms(new_session) -> None:
    session = new_session()
    record = session.game.state.records["edict:banishment"]
    assert record["deadline"] == 2 * 24 * 60
    assert record["zones"] == ["konoha", "konoha_outskirts"]
    assert record["duration"] == "until further notice"
    assert record["penalty"] == "executed_deadline"
    text = play(session, "ask tsunade about the terms")
    assert "death" in text and "2 days" in text


def test_deadline_kills_after_nights_slept_through(new_session) -> None:
    session = new_session()
    play(session, "go to apartment")
    for _ in range(2):
        play(session, "wait until evening", "sleep")  # each night passes, to the morning
    assert not session.game.state.done
    play(session, "wait until noon")  # the deadline falls due on the way, at 09:00
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


# -- an exile in a small world (tests/systems/moot.py) ---------------------------------
@pytest.fixture(scope="module")
def moot(tmp_path_factory: pytest.TempPathFactory) -> World:
    return world_from(tmp_path_factory, "moot", MOOT)


@pytest.fixture
def exiled(moot: World, tmp_path: Path) -> Session:
    """Wren, just exiled at minute 0 (old Dell's grudge carried the vote)."""
    session = opened(moot, tmp_path)
    session.game.state.bonds["dell>wren"] = -1
    assert council.vote(session.game, "exile_wren")["passed"]
    return session


def exile(session: Session) -> dict:
    return session.game.state.records["edict:exile"]


def test_an_edict_records_its_terms_in_full(exiled: Session) -> None:
    assert exile(exiled) == {
        "id": "exile",
        "subject": "wren",
        "charge": "burning the granary",
        "issuer": "elders",
        "issued": 0,
        "deadline": 1440,
        "zones": ["town", "farm_land"],
        "penalty": "hanged",
        "returning": "hanged_for_returning",
        "duration": "for seven winters",
        "status": "in force",
        "left": False,
        "on_leave": [{"set": {"left_town": True}}],
        "area": "the town and its fields",
        "punishment": "the rope",
    }
    game = exiled.game
    assert [e.data for e in game.log if e.kind == "edict.issued"] == [
        {"id": "exile", "subject": "wren", "deadline": 1440}
    ]
    assert [1440, "edict:exile"] in [[m, e] for m, _, e in game.state.schedule]
    assert edicts.terms(game, "exile") == (
        "Charge: burning the granary. Leave the town and its fields within 1 day; do not "
        "return for seven winters. Penalty: the rope."
    )


def test_an_edict_without_its_own_words_is_named_from_its_data(exiled: Session) -> None:
    game = exiled.game
    game.state.minutes = 100
    council.vote(game, "plain_exile")
    record = game.state.records["edict:plain_exile"]  # no id: the motion's
    assert record["deadline"] == 100 + 3 * 60 and record["issued"] == 100
    assert record["returning"] == "put_in_stocks" and record["on_leave"] == []
    assert record["duration"] == "until further notice"
    assert edicts.terms(game, "plain_exile") == (
        "Charge: trespass. Leave town and farm land within 3 hours; do not return until "
        "further notice. Penalty: put in stocks."
    )


def test_time_left_counts_down_to_a_moment(exiled: Session) -> None:
    game = exiled.game
    assert edicts.time_left(game, "exile") == "1 day"
    game.state.minutes = 90
    assert edicts.time_left(game, "exile") == "22 hours and 30 minutes"
    game.state.minutes = 1439
    assert edicts.time_left(game, "exile") == "1 minute"
    game.state.minutes = 1500
    assert edicts.time_left(game, "exile") == "a moment"
    assert edicts.time_left(game, "nothing") == "no time at all"
    assert edicts.terms(game, "nothing") == ""


def test_the_deadline_falls_on_the_minute(exiled: Session) -> None:
    play(exiled, "wait 23 hours")
    assert not exiled.game.state.done
    text = play(exiled, "wait 2 hours")
    state = exiled.game.state
    assert state.done and not state.won and state.ending == "hanged"
    assert state.minutes == 1440 and "they hanged you" in text
    assert exile(exiled)["status"] == "enforced"
    assert [e.data for e in exiled.game.log if e.kind == "edict.enforced"] == [
        {"id": "exile", "subject": "wren"}
    ]


def test_every_zone_of_the_edict_counts(exiled: Session) -> None:
    play(exiled, "s", "s")  # the fields: farm_land, the edict's second zone
    assert not exile(exiled)["left"]
    play(exiled, "wait 1 day")
    assert exiled.game.state.ending == "hanged"


def test_leaving_in_time_then_coming_back(exiled: Session) -> None:
    game = exiled.game
    play(exiled, "s", "s", "s")
    assert exile(exiled)["left"] and game.state.flags["left_town"]
    assert exile(exiled)["status"] == "in force"
    play(exiled, "s", "n")  # the wilds and back: still outside, told once
    complied = [e.data for e in game.log if e.kind == "edict.complied"]
    assert complied == [{"id": "exile", "subject": "wren"}]
    play(exiled, "wait 2 days")
    assert not game.state.done
    play(exiled, "n")
    assert game.state.done and game.state.ending == "hanged_for_returning"
    assert exile(exiled)["status"] == "enforced"


def test_coming_back_before_the_deadline_is_also_a_return(exiled: Session) -> None:
    play(exiled, "s", "s", "s", "n")
    assert exiled.game.state.ending == "hanged_for_returning"
    assert exiled.game.state.minutes < 1440


def test_a_step_inside_after_the_deadline_is_punished(exiled: Session) -> None:
    """A record still in force after its deadline (say, its event was lost) is enforced
    by the next step inside; a step at one minute before is not."""
    game = exiled.game
    game.state.minutes = 1439
    edicts.review(game)
    assert not game.state.done and exile(exiled)["status"] == "in force"
    game.state.minutes = 1440
    edicts.review(game)
    assert game.state.ending == "hanged"


def test_the_deadline_spares_someone_outside(exiled: Session) -> None:
    game = exiled.game
    game.state.holder["wren"] = "road"
    game.contents_changed()
    edicts.deadline_falls(game, "exile")
    assert not game.state.done and exile(exiled)["status"] == "in force"
    edicts.deadline_falls(game, "no_such_edict")
    assert not game.state.done


def test_an_enforced_edict_is_not_enforced_again(exiled: Session) -> None:
    game = exiled.game
    game.state.records["edict:exile"] = {**exile(exiled), "status": "enforced"}
    assert edicts.in_force(game) == []
    edicts.deadline_falls(game, "exile")
    edicts.review(game)
    assert not game.state.done


def test_in_force_lists_only_edicts_in_force(exiled: Session) -> None:
    game = exiled.game
    council.vote(game, "plain_exile")
    assert [r["id"] for r in edicts.in_force(game)] == ["exile", "plain_exile"]
    assert "vote:exile_wren" in game.state.records  # other records are not edicts


def test_only_the_first_of_two_broken_edicts_is_enforced(exiled: Session) -> None:
    game = exiled.game
    council.vote(game, "plain_exile")
    game.state.minutes = 2000
    edicts.review(game)
    assert game.state.ending == "hanged"
    assert game.state.records["edict:plain_exile"]["status"] == "in force"
