"""Conversation as people hold it (issue 10): a question or offer a person puts stays
pending and is answered by yes and no in many words, or by doing the offered thing;
speech without a verb reaches the person present; social verbs get answers; people
remember what they just said; the most specific topic answers."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.helpers import opened, play, played_until, world_from

from kage import worlds
from kage.content.errors import ContentError
from kage.session import Session
from kage.world.model import World

WORLD = """
world: {id: inn, title: "Inn", intro: "Rain on the shutters.", player: pip}
places:
  - id: parlour
    name: "the parlour"
    nouns: [parlour]
    exits: {out: lane}
  - id: lane
    name: "the lane"
    nouns: [lane]
    exits: {in: parlour}
people:
  - {id: pip, name: "Pip", nouns: [pip, me], gender: him, at: parlour}
  - id: marta
    name: "Marta"
    nouns: [marta, innkeeper]
    gender: her
    at: parlour
    greeting:
      - text: '"Sit down, you look frozen. Will you have some soup?"'
        asks:
          yes: eat marta
          no: {text: '"Suit yourself," says Marta.', effects: [{set: {refused_soup: true}}]}
    unknown_topic: '"No idea, love."'
    topics:
      - id: road
        words: [road, weather, north]
        text: 'Marta shakes her head. "The mill bridge went in the flood. Nobody crosses now."'
      - id: barley_soup
        words: [soup, barley, leek, every, day, same, grain]
        text: '"The barley is from Tom''s field."'
      - id: soup
        words: [soup, food, leek]
        text: '"Leek and barley, same as every day."'
  - id: tom
    name: "Tom"
    nouns: [tom, farmer]
    gender: him
    at: lane
    greeting:
      - text: '"Promise me you won''t try the bridge tonight."'
        asks:
          turns: 2
          yes: {text: 'Tom grunts, satisfied.', effects: [{set: {promised_tom: true}}]}
    topics:
      - id: bridge
        words: [bridge, mill, flood]
        text: >-
          Tom spits. "The mill bridge went in the spring flood. Took a cart with it.
          Nobody crosses now."
  - {id: nell, name: "Nell", nouns: [nell], gender: her, at: lane,
     greeting: '"Evening," says Nell.'}
things:
  - {id: stool, name: "stool", nouns: [stool], at: parlour}
interactions:
  - verb: eat
    target: marta
    when: {not: {flag: ate}}
    text: "You eat a bowl of Marta's soup by the fire."
    effects: [{set: {ate: true}}]
  - verb: thank
    target: marta
    text: '"Get away with you," says Marta, pleased.'
endings:
  - {id: never, when: {flag: never_set}, won: true, text: "The end."}
"""

ATE = "You eat a bowl of Marta's soup by the fire."


@pytest.fixture(scope="module")
def inn(tmp_path_factory: pytest.TempPathFactory) -> World:
    return world_from(tmp_path_factory, "inn", WORLD)


@pytest.fixture
def session(inn: World, tmp_path: Path) -> Session:
    return opened(inn, tmp_path / "saves")


def flag(session: Session, name: str) -> bool:
    return bool(session.game.state.flags.get(name))


# -- pending questions --------------------------------------------------------------
@pytest.mark.parametrize(
    "answer",
    ["yes", "y", "ok", "sure", "accept", "accept her offer", "agree", "yes please",
     "i will", "thank you", "eat", "eat the soup", "eat with her"],
)  # fmt: skip
def test_an_offer_is_taken_by_any_yes_or_by_doing_it(session: Session, answer: str) -> None:
    play(session, "talk to marta")
    assert play(session, answer) == ATE
    assert flag(session, "ate")


@pytest.mark.parametrize("answer", ["no", "decline", "refuse", "no thank you", "i can't"])
def test_an_offer_is_declined_by_any_no(session: Session, answer: str) -> None:
    play(session, "talk to marta")
    assert play(session, answer) == '"Suit yourself," says Marta.'
    assert flag(session, "refused_soup") and not flag(session, "ate")


def test_a_question_is_answered_once(session: Session) -> None:
    play(session, "talk to marta", "yes")
    assert play(session, "yes") == "Nobody asked you anything just now."


def test_a_question_lapses_when_the_player_leaves(session: Session) -> None:
    play(session, "talk to marta", "out", "in")
    assert play(session, "yes") == "Nobody asked you anything just now."
    assert not flag(session, "ate")


def test_a_question_lapses_after_its_turns(session: Session) -> None:
    play(session, "out", "talk to tom", "wait", "wait", "wait")
    assert play(session, "i promise") != "Tom grunts, satisfied."
    assert not flag(session, "promised_tom")


def test_a_request_for_a_promise_is_answered_by_promising(session: Session) -> None:
    play(session, "out", "talk to tom")
    assert play(session, "yes, i promise").startswith("Tom grunts, satisfied.")
    assert flag(session, "promised_tom")


def test_an_answer_naming_someone_else_is_not_an_answer(session: Session) -> None:
    play(session, "talk to marta")
    play(session, "promise tom")
    assert not flag(session, "ate")


def test_a_question_nobody_asked_is_not_written_with_a_broken_answer(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    broken = WORLD.replace("yes: eat marta", "yes: devour marta")
    with pytest.raises(ContentError, match="'devour' is not a verb"):
        world_from(tmp_path_factory, "broken", broken)


# -- speech without a verb, social verbs ------------------------------------------------
def test_a_question_typed_as_a_question_is_asked_of_the_person_present(
    session: Session,
) -> None:
    assert play(session, "where is the road north?") == (
        'Marta shakes her head. "The mill bridge went in the flood. Nobody crosses now."'
    )


def test_a_question_with_nobody_present_gets_a_plain_answer(session: Session) -> None:
    play(session, "out")
    (step,) = session.step("why?")
    assert step.failure == "" and step.text


@pytest.mark.parametrize(
    ("line", "reply"),
    [
        ("thank marta", '"Get away with you," says Marta, pleased.'),
        ("hug marta", "Marta would not welcome that just now."),
        ("give marta a hug", "Marta would not welcome that just now."),
        ("argue with marta", "You say your piece, loudly. Marta hears you out"),
        ("shout at marta", "You say your piece, loudly."),
        ("say goodbye", "You say goodbye to Marta"),
        ("promise marta i'll be back", "You give Marta your word"),
        ("tell marta i will come back", "You give Marta your word"),
        ("say hello to marta", '"Sit down, you look frozen.'),
        ("tell marta i thank you", '"Get away with you," says Marta'),
        ("tell marta that i am sorry", "Marta hears your apology out."),
    ],
)
def test_what_one_does_to_a_person_is_answered(session: Session, line: str, reply: str) -> None:
    (step,) = session.step(line)
    assert step.text.startswith(reply) and step.failure == ""


@pytest.mark.parametrize(
    "line",
    ["marta, where is the road?", "talk to marta about the road", "please ask marta about the road",
     "ask marta about the road please"],
)  # fmt: skip
def test_a_person_is_asked_by_name_and_in_plain_words(session: Session, line: str) -> None:
    assert play(session, line).startswith("Marta shakes her head.")


def test_a_name_alone_greets(session: Session) -> None:
    assert play(session, "marta").startswith('"Sit down, you look frozen.')


def test_an_answer_addressed_to_the_asker_answers(session: Session) -> None:
    play(session, "talk to marta")
    assert play(session, "marta, no thank you") == '"Suit yourself," says Marta.'


# -- memory and specificity ---------------------------------------------------------------
def test_a_person_can_be_asked_about_what_they_just_said(session: Session) -> None:
    play(session, "ask marta about the road")
    assert play(session, "ask marta about the flood") == (
        'Marta has nothing to add to what she just said: "The mill bridge went in the flood."'
    )


def test_the_most_specific_topic_answers(session: Session) -> None:
    assert play(session, "ask marta about soup") == '"Leek and barley, same as every day."'
    assert play(session, "ask marta about barley") == '"The barley is from Tom\'s field."'


def test_her_means_the_woman_present_not_one_left_behind(session: Session) -> None:
    play(session, "x marta", "out")
    assert play(session, "talk to her") == '"Evening," says Nell.'


def test_her_still_means_the_one_named_while_she_is_here(session: Session) -> None:
    play(session, "x marta")
    assert play(session, "ask her about the road").startswith("Marta shakes her head.")


# -- Banished ------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def before_the_meal(tmp_path_factory: pytest.TempPathFactory) -> Session:
    return played_until(worlds.load("banished"), "eat with kotomi", tmp_path_factory.mktemp("s"))


@pytest.mark.parametrize("answer", ["yes", "accept", "eat", "eat rice", "yes, thank you"])
def test_kotomis_offer_is_taken(before_the_meal: Session, answer: str, tmp_path: Path) -> None:
    from tests.helpers import fresh

    session = fresh(before_the_meal)
    play(session, answer)
    assert session.game.state.flags.get("ate_with_kotomi")


@pytest.mark.parametrize("answer", ["yes. i promise", "promise him", "i will bring him home"])
def test_kais_plea_is_answered_by_a_promise(
    tmp_path_factory: pytest.TempPathFactory, answer: str
) -> None:
    session = played_until(worlds.load("banished"), "promise kai", tmp_path_factory.mktemp("k"))
    play(session, answer)
    assert "promised" in session.game.state.milestones


def test_words_said_aloud_among_several_people_are_not_said_to_nobody(session: Session) -> None:
    play(session, "out")  # the lane: Tom and Nell
    said = play(session, "say wait")
    assert "nobody in particular" not in said
    assert said.startswith('You say "wait" to the room.') and "glances your way" in said


def test_a_topic_told_already_is_not_said_again_whole_for_a_question_it_does_not_answer(
    session: Session,
) -> None:
    play(session, "out")
    first = play(session, "ask tom about the bridge")
    assert "Took a cart with it" in first
    again = play(session, "ask tom about the mill owner")
    told = 'Tom has told you what he knows of that: "The mill bridge went in the spring flood."'
    assert again == told
    assert play(session, "ask tom about the bridge") == first  # asked as before: said as before
