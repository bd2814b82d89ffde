"""The council's vote comes from its members' beliefs and bonds, not from a script."""

from __future__ import annotations

import copy

from kage.game import Game
from kage.systems import council
from kage.world.model import World


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


def _without(banished: World, dropped: int) -> World:
    """Banished with the first `dropped` members who vote for the motion left out."""
    ballots = fresh(banished).state.records["vote:banish_naruto"]["ballots"]
    leaving = [b["who"] for b in ballots if b["for"]][:dropped]
    world = copy.deepcopy(banished)
    world.runtime.clear()
    members = world.councils["leaf_council"].members
    world.councils["leaf_council"].members = [m for m in members if m.who not in leaving]
    return world


def test_a_tie_fails_the_motion(banished) -> None:
    """8 to 5 less three who voted for is 5 to 5: no majority, so no banishment."""
    game = fresh(_without(banished, 3))
    result = game.state.records["vote:banish_naruto"]
    assert (result["ayes"], result["noes"]) == (5, 5)
    assert result["passed"] is False
    assert "edict:banishment" not in game.state.records
    assert "failed, 5 to 5" in council.tally(game, "banish_naruto")


def test_one_more_aye_than_noes_carries_the_motion(banished) -> None:
    game = fresh(_without(banished, 2))
    result = game.state.records["vote:banish_naruto"]
    assert (result["ayes"], result["noes"], result["passed"]) == (6, 5, True)
    assert "edict:banishment" in game.state.records
