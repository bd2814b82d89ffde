"""The village lives on off-screen: events fire at their time, seen or only heard of."""

from __future__ import annotations

from tests.helpers import play

from kage.ext.body import fortune
from kage.systems import scheduler


def test_events_fire_in_time_order_wherever_the_player_is(road_session) -> None:
    session = road_session
    play(session, "go to gate", "s", "s", "s", "wait 5 days")
    fired = session.game.state.fired
    names = ["rumour_spreads", "iruka_hears", "rookies_hear", "iruka_depression", "jiraiya_returns"]
    assert sorted(names, key=fired.__getitem__) == names
    assert fired["jiraiya_returns"] == 4 * 24 * 60


def test_witnessed_events_are_shown_and_others_only_heard(new_session) -> None:
    session = new_session()
    play(session, "go to academy")
    text = play(session, "wait 4 hours")
    assert "notice board" not in text  # the rumour is posted on the main street
    game = session.game
    told = scheduler.heard(game)
    assert any("notice" in t for t in told)


def test_jiraiya_comes_home_furious(road_session) -> None:
    session = road_session
    game = session.game
    play(session, "go to gate", "s", "s", "s")
    play(session, "wait 4 days")
    state = game.state
    assert state.flags.get("jiraiya_fury") is True
    assert state.holder["jiraiya"] == "konoha_elsewhere"
    assert state.bonds["jiraiya>homura"] < -50


def test_the_necklace_brings_luck(new_session) -> None:
    session = new_session()
    game = session.game
    assert fortune.luck(game) == 0
    play(session, "give necklace to tsunade")
    assert fortune.luck(game) == 2
    lucky = sum(fortune.lucky(game, 0.5) for _ in range(2000))
    plain = sum(game.random() < 0.5 for _ in range(2000))
    assert lucky > plain + 100
