"""Narration tells the truth about the state: texts keyed on what they assume (a worn
headband, a pristine blade, a lesson not yet taught), reactions that remember (`once`
variants, a scolding before forgiveness), descriptions that follow who is still there,
and endings assembled from what the player actually did."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.helpers import fresh, opened, play, played_until, walkthrough, world_from

from kage.session import Session
from kage.world.model import World


@pytest.fixture(scope="module")
def saves(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("saves")


@pytest.fixture(scope="module")
def at_office(banished: World, saves: Path) -> Session:
    return played_until(banished, "give headband to tsunade", saves)


@pytest.fixture(scope="module")
def at_shop(banished: World, saves: Path) -> Session:
    return played_until(banished, "sell loot scroll", saves)


@pytest.fixture(scope="module")
def at_shack(banished: World, saves: Path) -> Session:
    return played_until(banished, "forgive kai", saves)


# -- texts keyed on the state they assume ----------------------------------------------
def test_the_headband_is_untied_only_while_it_is_worn(at_office: Session) -> None:
    worn = play(fresh(at_office), "give headband to tsunade")
    assert "You untie the headband" in worn
    off = play(fresh(at_office), "take off headband", "give headband to tsunade")
    assert "untie" not in off
    assert "already undone" in off


def test_the_necklace_is_lifted_over_the_head_only_while_worn(at_office: Session) -> None:
    off = play(fresh(at_office), "take off necklace", "give necklace to tsunade")
    assert "over your head" not in off
    assert "open palm" in off


def test_kuramas_quip_reads_the_condition_of_the_goods_sold(at_shop: Session) -> None:
    clean = play(fresh(at_shop), "unseal loot scroll", "sell tanto", "accept")
    assert "Good, clean work" in clean  # Genji's appraisal
    assert "Worn out, he says" not in clean
    assert "Good, clean work, he says" in clean  # Kurama repeats what was said
    worn = play(fresh(at_shop), "sell loot scroll", "accept")
    assert "Worn out, he says" in worn


def test_walking_out_is_told_once_out_of_the_shop(at_shop: Session) -> None:
    session = fresh(at_shop)
    sold = play(session, "sell loot scroll", "accept")
    assert "walk out" not in sold and "spending it in your head" not in sold
    outside = play(session, "w")
    assert "spending it in your head" in outside
    assert "spending it in your head" not in play(session, "e", "w")


def test_kurama_does_not_offer_to_teach_what_was_learned(banished: World, saves: Path) -> None:
    session = played_until(banished, "sort loot", saves)
    said = play(session, "ask kurama about training")
    assert "You can vanish now" in said
    assert "I will show you how to vanish" not in said


# -- reactions that remember -------------------------------------------------------------
def test_kotomi_is_not_startled_by_someone_she_has_watched_come_in(at_shack: Session) -> None:
    session = fresh(at_shack)
    said = play(session, "talk to kotomi")
    assert "didn't hear you come in" not in said


def test_forgiving_after_a_scolding_remembers_the_scolding(at_shack: Session) -> None:
    scolded = play(fresh(at_shack), "scold kai", "forgive kai")
    assert "Water under the bridge" not in scolded
    assert "still in the room" in scolded
    plain = play(fresh(at_shack), "forgive kai")
    assert "Water under the bridge" in plain
    again = play(fresh(at_shack), "forgive kai", "forgive kai")
    assert "said it already" in again


ONCE = """
world: {id: once, title: "Once", intro: "A room.", player: hero}
places:
  - {id: room, name: "the room", nouns: [room]}
people:
  - {id: hero, name: "Hero", nouns: [hero, me], at: room, proper: true}
  - id: maid
    name: "maid"
    nouns: [maid]
    at: room
    greeting:
      - once: true
        text: "The maid jumps. \\"Oh! You startled me.\\""
      - text: "The maid nods to you."
endings:
  - {id: never, won: true, text: "Done."}
"""


def test_a_once_variant_is_said_the_first_time_only(
    tmp_path_factory: pytest.TempPathFactory, tmp_path: Path
) -> None:
    world = world_from(tmp_path_factory, "once", ONCE)
    session = opened(world, tmp_path)
    assert "startled" in play(session, "talk to maid")
    again = play(session, "talk to maid")
    assert "startled" not in again and "nods to you" in again
    # the memory is part of the state: undoing both talks forgets it, as if never said
    play(session, "undo", "undo")
    assert "startled" in play(session, "talk to maid")


# -- descriptions that follow who is there -------------------------------------------------
def test_the_chamber_is_not_described_working_once_the_men_have_gone(
    banished: World, saves: Path
) -> None:
    session = played_until(banished, "tie up scarred guard", saves)
    said = play(session, "n", "look")
    assert "men in chains, working" not in said
    assert "empty floor" in said


def test_the_miners_waiting_for_the_signal_are_told_as_waiting(
    banished: World, saves: Path
) -> None:
    # chains cut, signal not given; still invisible, back in the chamber
    session = played_until(banished, "release jutsu", saves)
    said = play(session, "n", "x chamber miners")
    assert "cut through" in said


# -- endings assembled from facts ----------------------------------------------------------
def _ending(banished: World, saves: Path, lines: list[str]) -> str:
    session = Session(banished, seed=1, saves=saves)
    session.opening()
    return play(session, *lines)


def test_the_ending_thanks_you_only_for_the_men_you_freed(banished: World, saves: Path) -> None:
    lines = walkthrough("full.txt")
    full = _ending(banished, saves, lines)
    assert "four from the yard" in full and "still waiting for you" not in full
    left = _ending(banished, saves, [c for c in lines if c != "cut chains of yard miners"])
    assert "*** You have won ***" in left
    assert "four from the yard" not in left
    assert "The miners of Oashisu are free" not in left
    assert "still waiting for you" in left
    assert "[New quest" not in left.split("END OF CHAPTER TWO")[-1]


# -- kage check: descriptions that would go stale ------------------------------------------
STALE = """
world: {id: stale, title: "Stale", intro: "A yard.", player: hero}
places:
  - id: yard
    name: "the yard"
    nouns: [yard]
    description: DESCRIPTION
people:
  - {id: hero, name: "Hero", nouns: [hero, me], at: yard, proper: true}
  - {id: guard, name: "sleepy guard", nouns: [guard, sentry], adjectives: [sleepy], at: yard}
endings:
  - {id: never, won: true, text: "Done."}
"""


def test_check_warns_of_a_description_that_names_someone_who_can_go(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    from kage.tools.stale_text import stale_descriptions

    plain = world_from(tmp_path_factory, "stale", STALE.replace("DESCRIPTION", '"A guard dozes."'))
    (warning,) = stale_descriptions(plain)
    assert "yard" in warning and "'guard'" in warning and "{present: guard}" in warning
    keyed = STALE.replace(
        "DESCRIPTION",
        '[{when: {present: guard}, text: "A guard dozes."}, {text: "An empty yard."}]',
    )
    assert stale_descriptions(world_from(tmp_path_factory, "keyed", keyed)) == []
    unnamed = STALE.replace("DESCRIPTION", '"Cobbles, and a pump."')
    assert stale_descriptions(world_from(tmp_path_factory, "unnamed", unnamed)) == []
    # a flag that a trigger sets from a condition about him counts as asking about him
    summed = (
        STALE.replace(
            "DESCRIPTION",
            '[{when: {flag: gone}, text: "An empty yard."}, {text: "A guard dozes."}]',
        )
        + "triggers:\n  - {id: left, when: {not: {present: guard}},\n"
        + "     effects: [{set: {gone: true}}]}\n"
    )
    assert stale_descriptions(world_from(tmp_path_factory, "summed", summed)) == []
    scenery = STALE.replace("DESCRIPTION", '"Cobbles."') + (
        "things:\n  - {id: bench, name: bench, at: yard, scenery: true,\n"
        '     description: "The guard\'s bench."}\n'
    )
    (on_bench,) = stale_descriptions(world_from(tmp_path_factory, "bench", scenery))
    assert on_bench.startswith("warning: bench's description")


# -- rumours told from what is true ---------------------------------------------------------
def _in_town_before_coming_home(banished: World, saves: Path, skip: str = "") -> Session:
    lines = [c for c in walkthrough("full.txt") if c != skip]
    session = Session(banished, seed=1, saves=saves)
    session.opening()
    play(session, *lines[: lines.index("reassure prisoner")])
    play(session, "u", "s", "s", "s", "s", "s", "wait 3 hours")  # the prisoner left behind
    return session


def _mine_rumour(session: Session) -> str:
    heard = play(session, "listen")
    (line,) = [p for p in heard.split("\n\n") if "Up at the mine" in p or "miners" in p]
    return line


def test_the_mine_rumour_claims_no_more_than_happened(banished: World, saves: Path) -> None:
    everyone = _mine_rumour(_in_town_before_coming_home(banished, saves))
    assert "home" not in everyone and "the ones in the yard" in everyone
    chamber = _mine_rumour(
        _in_town_before_coming_home(banished, saves, skip="cut chains of yard miners")
    )
    assert "home" not in chamber and "yard" not in chamber
    assert "big chamber" in chamber


# -- a killing told as what it was ----------------------------------------------------------
def test_killing_a_man_who_gave_up_is_not_told_like_any_other(banished: World, saves: Path) -> None:
    session = played_until(banished, "tie up scarred guard", saves)  # all three gave up
    begging = play(fresh(session), "kill scarred guard")
    assert "had given up" in begging and "worse than you had imagined" not in begging
    tied = play(fresh(session), "tie up bald guard", "kill bald guard")
    assert "no fighting back" in tied and "hands are still raised" not in tied


def test_a_prisoner_fed_with_his_hands_tied_is_fed_by_hand(banished: World, saves: Path) -> None:
    session = played_until(banished, "untie prisoner", saves)
    tied = play(fresh(session), "feed prisoner")
    assert "still tied" in tied and "both hands round the cup" not in tied
    untied = play(fresh(session), "untie prisoner", "feed prisoner")
    assert "both hands round the cup" in untied


def test_the_bearded_man_who_speaks_can_be_found_and_answers(banished: World, saves: Path) -> None:
    session = played_until(banished, "d", saves)  # the freed men have told of the cells
    said = play(
        session, "s", "x big man", "talk to the bearded man", "ask bearded man about kotomi"
    )
    assert "can't see any such thing" not in said and "nobody like that" not in said
    assert "grey-shot beard" in said and "Seven weeks" in said


def test_an_invisible_visitor_is_not_seen_in_the_doorway(banished: World, saves: Path) -> None:
    session = played_until(banished, "release", saves)  # still invisible, outside the shack
    unseen = play(session, "wait 20 minutes", "in")
    assert "sees you in the doorway" not in unseen and "Nobody looks up" in unseen
    appearing = play(session, "release", "talk to kotomi")
    assert "where nobody was a moment ago" in appearing
    assert "didn't hear you come in" not in appearing


def test_kotomi_knows_what_the_player_overheard_only_if_he_was_there(
    banished: World, saves: Path
) -> None:
    session = played_until(banished, "ask kotomi about the wallet", saves)
    heard = play(fresh(session), "ask kotomi about the wallet")
    assert "she was asking her son about" in heard and "goes white" not in heard
    lines = walkthrough("full.txt")
    away = Session(banished, seed=1, saves=saves)
    away.opening()
    play(away, *lines[: lines.index("wait 20 minutes")])
    # out of earshot in the alley while it is said, then home to the shack
    said = play(away, "n", "wait 20 minutes", "s", "in", "ask kotomi about the wallet")
    assert "she was asking her son about" not in said and "goes white" in said


def test_the_desk_shows_the_paperwork_the_hug_knocked_off(at_office: Session) -> None:
    before = play(fresh(at_office), "x desk")
    assert "buried in paperwork" in before
    after = play(fresh(at_office), "hug tsunade", "x desk")
    assert "buried in paperwork" not in after and "on the floor" in after


def test_genji_turns_over_only_a_sword_in_your_hands(at_shop: Session) -> None:
    held = play(fresh(at_shop), "ask genji about the dragon sword")
    assert "turns the sword in the lamplight" in held
    sealed = play(
        fresh(at_shop), "put dragon sword in reserve scroll", "ask genji about the dragon sword"
    )
    assert "turns the sword" not in sealed and "packed away" in sealed


def test_greetings_follow_what_has_happened(banished: World, saves: Path) -> None:
    session = played_until(banished, "go to gate", saves)  # ate at Ichiraku; the village knows
    teuchi = play(fresh(session), "go to ichiraku", "talk to teuchi")
    assert "on the house today" not in teuchi and "eat properly" in teuchi
    unaware = play(fresh(session), "go to gate", "talk to kotetsu")
    assert "Nothing ever happens" in unaware  # the news has not reached the gate yet
    gate = play(fresh(session), "go to gate", "wait 6 hours", "talk to kotetsu")
    assert "Nothing ever happens" not in gate and "something has happened" in gate


def test_no_crowd_to_overhear_in_a_one_room_home(at_shack: Session) -> None:
    inside = play(fresh(at_shack), "listen")
    assert "wash over you" not in inside and "Only the fire" in inside
    outside = play(fresh(at_shack), "out", "n", "n", "listen")
    assert "wash over you" in outside


def test_an_ending_names_no_one_never_met_and_announces_no_quest(
    banished: World, saves: Path
) -> None:
    lines = walkthrough("full.txt")
    never_home = lines[: lines.index("wait 20 minutes") + 1] + ["n", "n", "w", "n", "n"]
    said = _ending(
        banished, saves, never_home + lines[lines.index("knock out lounging gangster") :]
    )
    assert "*** You have won ***" in said
    ending = said[said.index("You bring them down") :]
    assert "Kotomi" not in ending and "never seen" in ending
    assert "[New quest" not in ending


def test_people_dealing_with_an_invisible_player_hear_a_voice_once(at_shop: Session) -> None:
    session = fresh(at_shop)
    first = play(session, "cast invisibility", "sell loot scroll")
    assert "voice out of thin air" in first
    assert "voice out of thin air" not in play(session, "haggle", "ask kurama about the loot")
    seen = play(session, "release", "talk to genji")
    assert "voice out of thin air" not in seen
    again = play(session, "cast invisibility", "talk to genji")
    assert "voice out of thin air" in again  # unseen anew, startled anew


def test_a_man_knocked_out_is_not_described_on_his_feet(banished: World, saves: Path) -> None:
    session = played_until(banished, "knock out dozing gangster", saves)
    down = play(session, "x lounging gangster")
    assert "drinking from the kettle" not in down and "out cold" in down
    tied = play(session, "tie up lounging gangster", "x lounging gangster")
    assert "trussed hand and foot" in tied
    standing = play(played_until(banished, "knock out lounging gangster", saves), "x lounging")
    assert "drinking from the kettle" in standing
