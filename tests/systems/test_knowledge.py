"""What people know beyond their topics (the knowledge extension's `facts`): asked about
a fact they know and have no topic for, or asked again about a speech they have made,
they answer from it; never over their own topic told the first time, over a state that
answers everything, or about themselves."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.helpers import opened, play, played_until, world_from

from kage import worlds
from kage.content.compile import load_world
from kage.world.model import World

WORLD = """
world: {id: hamlet, title: "Hamlet", intro: "A hamlet.", player: pip,
  extensions: [body, knowledge]}
places:
  - {id: lane, name: "the lane", nouns: [lane], zones: [hamlet], exits: {north: well}}
  - {id: well, name: "the well", nouns: [well], zones: [hamlet], exits: {south: lane}}
  - {id: moor, name: "the moor", nouns: [moor]}
people:
  - {id: pip, name: "Pip", nouns: [pip, me], gender: him, at: lane}
  - id: nan
    name: "Nan"
    nouns: [nan]
    gender: her
    at: lane
    unknown_topic: '"No idea, duck," says Nan.'
    topics:
      - id: well
        title: "the well"
        words: [well, water, bucket]
        text: >-
          Nan settles in for a long one. "That well was dug by my grandad, who was a
          terrible man for digging, and the water was sweet until the flood..." It goes on.
  - {id: tom, name: "Tom", nouns: [tom], gender: him, at: well}
  - {id: stranger, name: "stranger", proper: false, nouns: [stranger], gender: him, at: moor}
  - {id: sleeper, name: "sleeper", proper: false, nouns: [sleeper], gender: him, at: lane}
statuses:
  - {id: asleep, name: "asleep", answers: "{The noun} {snores}."}
facts:
  - id: well_water
    words: [well, water]
    known_by: [hamlet]
    text: "The well water has been brackish since the flood; people drink from the spring."
  - id: tom_is_the_smith
    about: tom
    words: [tom, smith]
    known_by: [everyone]
    text: '"Tom? Shoes the horses," {the noun} {says}. "Mind his temper."'
  - id: nan_secret
    words: [secret, treasure]
    known_by: [nan]
    when: {flag: trusted}
    text: '"Under the third flagstone," {the noun} {whispers}.'
interactions:
  - {verb: jump, effects: [{set: {trusted: true}}], text: "You jump."}
  - {verb: sing, effects: [{status: {who: sleeper, add: asleep}}], text: "You sing."}
endings:
  - {id: never, when: {flag: never_set}, won: true, text: "The end."}
"""


@pytest.fixture(scope="module")
def hamlet(tmp_path_factory: pytest.TempPathFactory) -> World:
    return world_from(tmp_path_factory, "hamlet", WORLD)


def test_a_fact_someone_knows_answers_where_no_topic_does(hamlet: World, tmp_path: Path) -> None:
    session = opened(hamlet, tmp_path)
    said = play(session, "ask nan about tom")
    assert said == '"Tom? Shoes the horses," Nan says. "Mind his temper."'
    assert play(session, "ask nan about the weather") == '"No idea, duck," says Nan.'


def test_a_topic_told_the_first_time_wins_and_asked_again_the_fact_answers(
    hamlet: World, tmp_path: Path
) -> None:
    session = opened(hamlet, tmp_path)
    assert "grandad" in play(session, "ask nan about the well")
    again = play(session, "ask nan about the well water")
    assert again == (
        "Nan tells you what she knows: The well water has been brackish since the flood; "
        "people drink from the spring."
    )


def test_who_knows_a_fact_goes_by_person_place_zone_and_everyone(
    hamlet: World, tmp_path: Path
) -> None:
    session = opened(hamlet, tmp_path)
    play(session, "n")
    assert "brackish" in play(session, "ask tom about the water")  # in the hamlet's zone
    assert "Under the third flagstone" not in play(session, "ask tom about the secret")
    session.game.state.holder["stranger"] = "well"
    session.game.contents_changed()
    assert "brackish" not in play(session, "ask stranger about the water")  # not from here
    assert "Shoes the horses" in play(session, "ask stranger about tom")  # everyone knows


def test_nobody_is_told_of_himself_and_a_fact_waits_for_its_condition(
    hamlet: World, tmp_path: Path
) -> None:
    session = opened(hamlet, tmp_path)
    play(session, "n")
    assert "Shoes the horses" not in play(session, "ask tom about tom")
    play(session, "s")
    assert "flagstone" not in play(session, "ask nan about the secret")
    play(session, "jump")
    assert "Under the third flagstone" in play(session, "ask nan about the secret")


def test_a_state_that_answers_everything_answers_first(hamlet: World, tmp_path: Path) -> None:
    session = opened(hamlet, tmp_path)
    assert "Shoes the horses" in play(session, "ask sleeper about tom")
    play(session, "sing")
    assert play(session, "ask sleeper about the well water") == "The sleeper snores."


def test_a_fact_known_by_nobody_of_the_world_is_named_at_its_line(tmp_path: Path) -> None:
    (tmp_path / "hamlet.yaml").write_text(WORLD.replace("known_by: [hamlet]", "known_by: [hamlot]"))
    with pytest.raises(Exception) as info:
        load_world(tmp_path)
    assert "hamlot" in str(info.value) and "no person, place or zone" in str(info.value)


# -- Banished: Kotomi's husband ---------------------------------------------------------------
def test_kotomi_names_her_husband_and_the_speech_is_not_said_again(tmp_path: Path) -> None:
    session = played_until(worlds.load("banished"), "ask kai about his father", tmp_path)
    for question in ("ask kotomi about her husband", "what is your husband's name?"):
        said = play(session, question)
        assert "Daiki" in said and "The mine is how this town lives" not in said
    said = play(session, "ask kotomi about the weapons shop")
    assert "Genji" in said and "don't know" not in said


# -- Tidebell: who is who, as anybody in Saltmere could tell you -----------------------------
def test_anyone_in_saltmere_can_say_who_hob_is(tmp_path: Path) -> None:
    session = opened(worlds.load("tidebell"), tmp_path)
    play(session, "w")  # the quay: Old Jory, who has no topic for Hob
    said = play(session, "ask jory about hob")
    assert "Gull and Anchor" in said and "Ask my knee" not in said
    assert "Gull and Anchor" not in play(session, "ask jory about the weather")


def test_the_leaf_knows_where_sasuke_is(tmp_path: Path) -> None:
    """Iruka has no topic for Sasuke, but the whole village knows he is in hospital."""
    session = opened(worlds.load("banished"), tmp_path)
    play(session, "down", "w")
    said = play(session, "ask iruka about sasuke")
    assert "hospital" in said and "I don't know about that" not in said
