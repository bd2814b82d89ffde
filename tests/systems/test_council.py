"""The council's vote comes from its members' beliefs and bonds, not from a script."""

from __future__ import annotations

import copy

from kage.game import Game
from kage.systems import council


def fresh(world) -> Game:
    game = Game(world, seed=0)
    game.take_output()
    return game


def test_banishment_passes_and_the_hokage_is_outvoted(banished) -> None:
    game = fresh(banished)
    result = game.state.records["vote:banish_naruto"]
    assert result["passed"] is True
    assert (result["ayes"], result["noes"]) == (8, 5)
    chair = next(b for b in result["ballots"] if b["chair"])
    assert chair["who"] == "tsunade" and chair["for"] is False
    text = council.tally(game, "banish_naruto")
    assert "8 to 5" in text and "Tsunade was outvoted" in text


def test_each_member_votes_by_their_own_strongest_reason(banished) -> None:
    game = fresh(banished)
    ballots = {b["who"]: b for b in game.state.records["vote:banish_naruto"]["ballots"]}
    assert ballots["councillor_kado"]["reason"] == "is_the_fox"
    assert ballots["homura"]["reason"] == "fox_breaking_out"
    assert ballots["koharu"]["reason"] == "fox_takes_over"
    assert ballots["danzo"]["reason"] == "uchiha_value"
    reasons = council.reasons(game, "banish_naruto")
    assert "Councillor Kado" in reasons and "one and the same" in reasons


def test_changing_beliefs_changes_the_outcome(banished) -> None:
    world = copy.deepcopy(banished)
    world.runtime.clear()
    for member in world.councils["leaf_council"].members:
        member.beliefs = {k: v * 0.2 for k, v in member.beliefs.items()}
    game = fresh(world)
    result = game.state.records["vote:banish_naruto"]
    assert result["passed"] is False
    assert "edict:banishment" not in game.state.records


def test_bonds_weigh_against_the_motion(banished) -> None:
    game = fresh(banished)
    before = {b["who"]: b["support"] for b in council.weigh(game, "banish_naruto")}
    game.state.bonds["homura>naruto"] = 100
    after = {b["who"]: b["support"] for b in council.weigh(game, "banish_naruto")}
    assert after["homura"] < before["homura"] - 1.0
    assert after["koharu"] == before["koharu"]
