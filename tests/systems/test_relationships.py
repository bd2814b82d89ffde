"""Moods move with bonds: the same news hurts those who care more."""

from __future__ import annotations

from tests.helpers import play

from kage.systems.relationships import mood_word, react


def test_reaction_is_proportional_to_bond(new_session) -> None:
    game = new_session().game
    before = dict(game.state.mood)
    moved = react(game, "naruto", -0.5, who=["teuchi", "izumo", "sakura"])
    assert set(moved) == {"teuchi", "izumo"}  # Sakura's bond is negative: she does not grieve
    teuchi = game.state.mood["teuchi"] - before.get("teuchi", 0)
    izumo = game.state.mood["izumo"] - before.get("izumo", 0)
    assert teuchi == -35 and izumo == -15
    assert game.state.mood.get("sakura", 0) == before.get("sakura", 0)


def test_friends_grieve_but_not_sakura_or_sasuke(new_session) -> None:
    session = new_session()
    before = dict(session.game.state.mood)
    play(session, "wait 10 hours")  # they hear that evening, at 19:00
    mood = session.game.state.mood
    assert mood["hinata"] < before.get("hinata", 0) - 50
    assert mood["lee"] < before.get("lee", 0)
    assert mood.get("sakura") == before.get("sakura")
    assert mood.get("sasuke") == before.get("sasuke")


def test_telling_iruka_yourself_softens_his_depression(new_session) -> None:
    told, untold = new_session(), new_session()
    play(told, "go to academy", "tell iruka about the banishment")
    play(untold, "go to academy")
    play(told, "wait 40 hours")
    play(untold, "wait 40 hours")
    assert told.game.state.mood["iruka"] > untold.game.state.mood["iruka"] + 20
    assert mood_word(untold.game, "iruka") in ("grief-stricken", "shattered")


def test_iruka_hears_on_his_own_if_not_told(new_session) -> None:
    session = new_session()
    play(session, "go to academy")
    text = play(session, "wait 6 hours")
    assert "messenger" in text  # the player is there to witness it
    assert "iruka_hears" in session.game.state.fired
    greeting = play(session, "talk to iruka")
    assert "holds on" in greeting


def test_player_hope_shows_in_the_prose(new_session) -> None:
    session = new_session()
    low = play(session, "down")
    assert "None of it reaches you" in low
    play(session, "up", "give necklace to tsunade", "hug tsunade", "ask tsunade about jiraiya")
    session.game.state.mood["naruto"] = 30
    high = play(session, "down")
    assert "loud with carts" in high
    assert "stubborn" in play(session, "think")
