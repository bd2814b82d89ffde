"""Jutsu, stealth, combat, restraints and escort, in the mine."""

from __future__ import annotations

import pytest
from tests.helpers import fresh, play, played_until, walkthrough

from kage.core.responses import fill
from kage.ext.body import stats
from kage.ext.combat import combat
from kage.ext.ninja import jutsu
from kage.ext.stealth import stealth
from kage.session import Session
from kage.world import ops

FULL = walkthrough("full.txt")
AT_MINE = FULL[: FULL.index("go to mine entrance")]


@pytest.fixture(scope="module")
def promised(banished, tmp_path_factory) -> Session:
    return played_until(banished, "go to mine entrance", tmp_path_factory.mktemp("saves"))


def test_slacking_guards_are_taken_by_surprise(promised) -> None:
    session = fresh(promised)
    play(session, "go to mine entrance", "knock out lounging gangster")
    knocked = [e.data for e in session.game.log if e.kind == "combat.knocked_out"]
    assert knocked == [{"who": "yard_thug_1", "surprise": True}]
    assert stats.has_status(session.game, "yard_thug_1", "unconscious")


def test_unconsciousness_wears_off(promised) -> None:
    session = fresh(promised)
    play(session, "go to mine entrance", "knock out lounging gangster", "wait 7 hours")
    assert not stats.has_status(session.game, "yard_thug_1", "unconscious")


def test_no_cutting_chains_under_the_guards_eyes(promised) -> None:
    session = fresh(promised)
    play(session, "go to mine entrance", "n", "knock out tunnel guard", "n", "n")
    assert "guards watching" in play(session, "cut chains of chamber miners")
    assert "under the guards' noses" in play(session, "whisper to miners")


def test_invisibility_costs_chakra_and_breaks_on_attack(promised) -> None:
    session = fresh(promised)
    game = session.game
    play(session, "go to mine entrance", "n", "knock out tunnel guard", "n")
    before = stats.stat(game, "naruto", "chakra")
    play(session, "cast invisibility", "wait 1 hour")
    assert stats.has_status(game, "naruto", "invisible")
    assert stats.stat(game, "naruto", "chakra") < before - 20
    assert not stealth.noticed(game, "chamber_guard_1", "naruto")
    text = play(session, "n", "knock out scarred guard")
    assert "tears like wet paper" in text
    assert not stats.has_status(game, "naruto", "invisible")


def test_invisibility_ends_when_chakra_runs_out(promised) -> None:
    session = fresh(promised)
    game = session.game
    stats.set_stat(game, "naruto", "chakra", 40)
    play(session, "cast invisibility", "wait 3 hours")
    assert not stats.has_status(game, "naruto", "invisible")
    assert stats.stat(game, "naruto", "chakra") >= 0


def test_clones_are_limited_by_chakra(promised) -> None:
    session = fresh(promised)
    game = session.game
    stats.set_stat(game, "naruto", "chakra", 35)
    play(session, "make 10 shadow clones")
    assert stats.stat(game, "naruto", "clones") == 3
    here = game.state.holder["naruto"]
    assert jutsu.allies_at(game, here) == 3 and jutsu.allies_at(game, "oashisu_gate") == 0
    stats.set_stat(game, "naruto", "chakra", 5)
    play(session, "release clones")
    assert "for even one clone" in play(session, "make clones")


def test_surrounded_guards_surrender(promised) -> None:
    session = fresh(promised)
    play(session, *FULL[FULL.index("go to mine entrance") : FULL.index("signal")])
    game = session.game
    assert not game.state.flags.get("surrounded")
    play(session, "signal")
    assert game.state.flags.get("surrounded")
    assert all(
        stats.has_status(game, g, "surrendered")
        for g in ("chamber_guard_1", "chamber_guard_2", "chamber_guard_3")
    )


def test_the_prisoner_needs_trust_before_he_lets_you_untie_him(promised) -> None:
    session = fresh(promised)
    play(session, *FULL[FULL.index("go to mine entrance") : FULL.index("reassure prisoner")])
    assert "does not trust you" in play(session, "untie prisoner")
    assert "Untie him first" in play(session, "help prisoner")
    play(session, "reassure prisoner", "untie prisoner", "help prisoner")
    start = session.game.state.minutes
    play(session, "u")
    assert session.game.state.minutes - start == 30  # ten minutes, at his pace
    assert session.game.state.holder["prisoner"] == "great_chamber"


def test_walking_in_tells_whether_the_guards_have_seen_you(promised) -> None:
    session = fresh(promised)
    game = session.game
    assert "Nobody here has noticed you" in play(session, "go to mine entrance")
    ops.set_prop(game, "tunnel_thug", "perception", 500)
    ops.set_prop(game, "tunnel_thug", "pursues", False)  # he stays at his post
    assert "The tunnel guard looks up, straight at you." in play(session, "n")
    play(session, "s", "cast invisibility")
    assert "Nobody so much as glances your way." in play(session, "n")


def test_guards_who_have_seen_you_come_for_you_unless_the_odds_are_against_them(
    banished, tmp_path
) -> None:
    base = played_until(banished, "whisper to miners", tmp_path)  # in the chamber, unseen
    game = base.game
    play(base, "release jutsu")
    for guard in ("chamber_guard_1", "chamber_guard_2", "chamber_guard_3"):
        ops.set_prop(game, guard, "perception", 500)
    # seen now; they come for him on a later move, one exchange each
    stats.set_stat(game, "naruto", "taijutsu", 500)
    start = len(game.log)
    text = play(base, "wait", "wait")
    assert "have seen you" in text or "has seen you" in text
    met = [
        fill(game, line.default, **combat.foe_slots(game, guard))
        for guard in ("chamber_guard_1", "chamber_guard_2", "chamber_guard_3")
        for line in combat.MEETS.lines
    ]
    assert sum(text.count(line) for line in met) == 3, text
    downed = [e.data["who"] for e in game.log[start:] if e.kind == "combat.knocked_out"]
    assert sorted(downed) == ["chamber_guard_1", "chamber_guard_2", "chamber_guard_3"]


def test_sighted_guards_hang_back_against_the_odds(banished, tmp_path) -> None:
    base = played_until(banished, "whisper to miners", tmp_path)
    game = base.game
    play(base, "release jutsu")
    for guard in ("chamber_guard_1", "chamber_guard_2", "chamber_guard_3"):
        ops.set_prop(game, guard, "perception", 500)
        ops.set_prop(game, guard, "sighted", True)
    before = stats.stat(game, "chamber_guard_1", "morale", 50)
    start = len(game.log)
    text = play(base, "make 3 shadow clones")
    assert "hang back" in text
    fought = ("combat.missed", "combat.grazed", "combat.knocked_out")
    assert not [e for e in game.log[start:] if e.kind in fought]
    assert stats.stat(game, "chamber_guard_1", "morale", 50) < before


def test_a_kunai_sealed_in_a_scroll_cuts_nothing(promised) -> None:
    session = fresh(promised)
    play(session, "go to mine entrance", "seal kunai pouch in reserve scroll")
    assert "something with an edge" in play(session, "cut chains of yard miners")
    play(session, "unseal reserve scroll")
    assert "links part" in play(session, "cut chains of yard miners")


# -- the signal, seen by the guards ------------------------------------------------------
CHAINS_CUT = FULL[
    FULL.index("go to mine entrance") : FULL.index("s", FULL.index("whisper to miners"))
]


def guards_where(session: Session) -> set[str]:
    return {session.game.state.holder[g] for g in ("chamber_guard_1", "chamber_guard_2")}


def test_guards_who_see_the_miners_bolt_go_after_them_and_meet_the_odds(promised) -> None:
    """No lure: the player signals from the chamber's mouth. The guards in the chamber see
    their workforce run, come after it, and find nine freed men and the player there."""
    session = fresh(promised)
    play(session, *CHAINS_CUT, "s", "release jutsu")
    said = play(session, "signal")
    assert "come pounding after them" in said
    assert guards_where(session) == {"chamber_mouth"}
    assert all(
        stats.has_status(session.game, g, "surrendered")
        for g in ("chamber_guard_1", "chamber_guard_2", "chamber_guard_3")
    )
    assert session.game.state.flags.get("surrounded.chamber_mouth")


def test_the_freed_men_crowd_round_the_player_only_where_he_is(promised) -> None:
    """Signalled from inside the chamber, unseen: the guards give chase, out of sight of
    him, and the miners' thanks wait until he is with them."""
    session = fresh(promised)
    play(session, *CHAINS_CUT)
    said = play(session, "signal")
    assert "go after them" in said and "crowd round you" not in said
    assert guards_where(session) == {"chamber_mouth"}
    assert "crowd round you" in play(session, "s")


def test_clones_out_of_smoke_under_the_guards_eyes_are_seen(promised) -> None:
    """Invisible in the chamber, the player makes clones: the guards see the crowd
    appear (alerted, shaken), though still not him."""
    session = fresh(promised)
    play(session, *CHAINS_CUT[: CHAINS_CUT.index("whisper to miners")])
    before = stats.stat(session.game, "chamber_guard_1", "morale", 50)
    said = play(session, "make 3 shadow clones")
    assert "spin round at the sudden crowd" in said
    assert session.game.state.props["chamber_guard_1"].get("roused")
    assert stats.stat(session.game, "chamber_guard_1", "morale", 50) < before
    assert stats.has_status(session.game, "naruto", "invisible")
    assert "spin round" not in play(session, "z")  # seen once, not every turn


def test_calling_out_in_the_chamber_is_heard_there(promised) -> None:
    session = fresh(promised)
    play(session, *CHAINS_CUT[: CHAINS_CUT.index("whisper to miners")])
    said = play(session, "call out")
    assert "voice out of empty air" in said and "nobody answers" not in said
    assert session.game.state.props["chamber_guard_2"].get("drawn")  # they came to look


def test_a_blow_at_a_man_who_gave_up_is_seen_by_whoever_is_by(promised) -> None:
    """The guards have surrendered at the signal; knocking one out in front of the freed
    men is seen, and costs their regard. A fair blow at a standing foe is not remarked."""
    from kage.world import query

    session = fresh(promised)
    walk = FULL[FULL.index("go to mine entrance") : FULL.index("signal") + 1]
    play(session, *walk)
    before = query.bond(session.game, "chamber_miners", "naruto")
    said = play(session, "knock out grizzled guard")
    assert "miners from the chamber see it" in said
    assert query.bond(session.game, "chamber_miners", "naruto") < before
    assert "see it" not in play(session, "tie up scarred guard")
