"""The council's vote comes from its members' beliefs and bonds, not from a script."""

from __future__ import annotations

import copy

import pytest
from tests.helpers import world_from
from tests.systems.moot import WORLD as MOOT

from kage.ext.council import council
from kage.game import Game
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


# -- a council of four (tests/systems/moot.py) -----------------------------------------
@pytest.fixture(scope="module")
def moot(tmp_path_factory: pytest.TempPathFactory) -> World:
    return world_from(tmp_path_factory, "moot", MOOT)


def ballots(result: dict) -> dict[str, tuple[bool, float, str]]:
    return {b["who"]: (b["for"], b["support"], b["reason"]) for b in result["ballots"]}


def test_each_member_weighs_beliefs_and_bond(moot: World) -> None:
    game = fresh(moot)
    assert ballots(game.state.records["vote:exile_wren"]) == {
        "ash": (False, -1.0, "mercy"),
        "birch": (True, 1.0, "guilt"),
        "cedar": (True, 0.9, "fear_of_fire"),  # its 0.6 beats guilt's 0.3
        "dell": (False, 0.5, "mercy"),  # exactly the threshold is not enough
    }


def test_a_tie_fails(moot: World) -> None:
    game = fresh(moot)
    result = game.state.records["vote:exile_wren"]
    assert (result["ayes"], result["noes"], result["passed"]) == (2, 2, False)
    assert result["motion"] == "exile_wren" and result["minute"] == 0
    assert "edict:exile" not in game.state.records
    voted = [e.data for e in game.log if e.kind == "council.voted"]
    assert voted == [{"motion": "exile_wren", "ayes": 2, "noes": 2, "passed": False}]
    assert council.tally(game, "exile_wren") == (
        "The motion failed, 2 to 2. For: Birch and Cedar. Against: Ash and old Dell."
    )


def test_a_bond_tips_the_vote_and_the_edict_is_issued(moot: World) -> None:
    game = fresh(moot)
    game.state.minutes = 30
    game.state.bonds["dell>wren"] = -1  # a grudge: -0.01 x -2.0 = +0.02 for the motion
    result = council.vote(game, "exile_wren")
    assert ballots(result)["dell"] == (True, 0.52, "guilt")
    assert (result["ayes"], result["noes"], result["passed"]) == (3, 1, True)
    assert result["minute"] == 30 and game.state.records["vote:exile_wren"] == result
    edict = game.state.records["edict:exile"]
    assert edict["issuer"] == "elders" and edict["issued"] == 30
    assert edict["charge"] == "burning the granary" and edict["subject"] == "wren"
    assert council.tally(game, "exile_wren") == (
        "The motion carried, 3 to 1. For: Birch, Cedar and old Dell. Against: Ash."
        " Ash was outvoted."
    )


def test_a_liking_weighs_against(moot: World) -> None:
    game = fresh(moot)
    game.state.bonds["birch>wren"] = 50  # 0.5 x -2.0 = -1.0
    weighed = {"ballots": council.weigh(game, "exile_wren")}
    assert ballots(weighed)["birch"] == (False, 0.0, "bond")


def test_a_chair_on_the_winning_side_is_not_outvoted(moot: World) -> None:
    game = fresh(moot)
    game.state.bonds["birch>wren"] = 100  # Birch now votes against: 1 to 3
    council.vote(game, "exile_wren")
    assert council.tally(game, "exile_wren") == (
        "The motion failed, 1 to 3. For: Cedar. Against: Ash, Birch and old Dell."
    )


def test_nobody_for_and_nobody_against(moot: World) -> None:
    game = fresh(moot)
    for member in ("birch", "cedar"):
        game.state.bonds[f"{member}>wren"] = 100
    council.vote(game, "exile_wren")
    assert "For: nobody. Against: Ash, Birch, Cedar and old Dell." in council.tally(
        game, "exile_wren"
    )
    assert council.reasons(game, "exile_wren") == ""
    council.vote(game, "plain_exile")  # threshold -5: everyone is for it
    assert council.tally(game, "plain_exile") == (
        "The motion carried, 4 to 0. For: Ash, Birch, Cedar and old Dell. Against: nobody."
    )
    edict = game.state.records["edict:plain_exile"]  # named after its motion
    assert edict["id"] == "plain_exile" and edict["issuer"] == "elders"


def test_support_is_kept_to_three_places(moot: World) -> None:
    world = copy.deepcopy(moot)
    world.runtime.clear()
    world.councils["elders"].members[2].beliefs = {"guilt": 0.12345, "fear_of_fire": 1.0}
    game = fresh(world)
    assert ballots(game.state.records["vote:exile_wren"])["cedar"][1] == 0.723


def test_reasons_group_those_for_by_their_strongest_reason(moot: World) -> None:
    game = fresh(moot)
    game.state.bonds["dell>wren"] = -1
    council.vote(game, "exile_wren")
    assert council.reasons(game, "exile_wren") == (
        "Birch and old Dell: are sure she did it. Cedar: fear of fire."
    )


def test_reasons_read_by_a_lower_case_name_are_capitalised_and_agree_with_one(moot: World) -> None:
    game = fresh(moot)
    game.state.bonds["birch>wren"] = 100
    game.state.bonds["cedar>wren"] = 100
    game.state.bonds["dell>wren"] = -1
    council.vote(game, "exile_wren")
    assert council.reasons(game, "exile_wren") == "Old Dell: is sure she did it."


def test_nothing_to_tell_before_a_vote(moot: World) -> None:
    game = fresh(moot)
    assert council.tally(game, "plain_exile") == "The council has not voted on it."
    assert council.reasons(game, "plain_exile") == ""
