"""Noun phrases -> things, on the parlour world (tests/parser/parlour.py): how candidates
are scored, pronouns, "all" and "all except", and "Which do you mean?"."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.helpers import opened, play, world_from
from tests.parser.parlour import WORLD

from kage.game import Game
from kage.parser.nouns import SCENERY, SCOPE, UNKNOWN
from kage.parser.parser import Parsed, parse
from kage.session import Session
from kage.world.model import World


@pytest.fixture(scope="module")
def parlour(tmp_path_factory: pytest.TempPathFactory) -> World:
    return world_from(tmp_path_factory, "parlour", WORLD)


@pytest.fixture
def game(parlour: World) -> Game:
    game = Game(parlour, seed=0)
    game.take_output()
    return game


@pytest.fixture
def session(parlour: World, tmp_path: Path) -> Session:
    return opened(parlour, tmp_path)


def nouns(parsed: Parsed) -> list[str | None]:
    assert parsed.actions, parsed.error
    return [a.noun for a in parsed.actions]


def noun(game: Game, command: str) -> str | None:
    found = nouns(parse(game, command))
    assert len(found) == 1, found
    return found[0]


def error(game: Game, command: str) -> str:
    parsed = parse(game, command)
    assert not parsed.actions, [a.noun for a in parsed.actions]
    return parsed.error


def move(game: Game, entity: str, holder: str) -> None:
    game.state.holder[entity] = holder
    game.contents_changed()


# -- scoring ---------------------------------------------------------------------------
def test_a_real_tie_asks_which_naming_every_candidate(game: Game) -> None:
    parsed = parse(game, "x cup")
    assert parsed.error == "Which do you mean, the blue cup, the red cup or the green cup?"
    assert parsed.understood and not parsed.actions
    assert game.state.question["candidates"] == ["blue_cup", "red_cup", "green_cup"]
    assert game.state.question["words"] == ["cup"]
    assert game.state.question["command"] == "x cup"


def test_an_adjective_settles_it(game: Game) -> None:
    assert noun(game, "x red cup") == "red_cup"
    assert noun(game, "examine the green cup") == "green_cup"
    assert not game.state.question


def test_a_noun_outweighs_an_adjective(game: Game) -> None:
    assert noun(game, "x glass") == "glass"  # the glass, not the glass bowl
    assert noun(game, "x glass bowl") == "bowl"


def test_take_prefers_what_is_not_held(game: Game) -> None:
    assert error(game, "take cup") == "Which do you mean, the red cup or the green cup?"
    move(game, "green_cup", "pip")
    assert noun(game, "take cup") == "red_cup"


@pytest.mark.parametrize(
    "line",
    [
        "drop cup",
        "toss cup",
        "put cup in box",
        "tuck cup in box",
        "rest cup on box",
        "give cup to maud",
        "present cup to maud",
    ],
)
def test_verbs_for_what_is_held_prefer_what_is_held(game: Game, line: str) -> None:
    assert noun(game, line) == "blue_cup"


@pytest.mark.parametrize("line", ["wear shawl", "try on shawl", "shed shawl"])
def test_wearing_and_removing_prefer_what_is_held(game: Game, line: str) -> None:
    assert noun(game, line) == "shawl"  # the red shawl Pip holds, not the grey one


def test_where_a_person_is_meant_a_person_is_preferred(game: Game) -> None:
    assert noun(game, "talk to soldier") == "soldier"
    assert error(game, "x soldier") == "Which do you mean, the soldier or the toy soldier?"


def test_a_place_is_named_as_a_thing_only_when_nothing_else_fits(game: Game) -> None:
    assert noun(game, "x parlour") == "palm"
    move(game, "palm", "hall")
    assert noun(game, "x parlour") == "parlour"
    assert noun(game, "x room") == "parlour"


def test_a_meaning_the_world_gives_a_verb_now_tips_the_choice(game: Game) -> None:
    """Only a meaning with a condition that holds counts (the green cup's has none)."""
    assert error(game, "polish cup").startswith("Which do you mean, the blue cup, the red")
    game.state.flags["polish_red"] = True
    assert noun(game, "polish cup") == "red_cup"
    assert error(game, "x cup").startswith("Which do you mean")  # other verbs: no meaning


YARD = """
world: {id: yard, title: "Yard", intro: "Dust.", player: ned}
places:
  - {id: yard, name: "the yard", nouns: [yard]}
people:
  - {id: ned, name: "Ned", nouns: [ned], gender: him, at: yard}
things:
  - {id: big_crate, name: "big crate", nouns: [crate], adjectives: [big], container: true,
     enterable: true, portable: false, at: yard}
  - {id: small_crate, name: "small crate", nouns: [crate], adjectives: [small], at: yard}
  - {id: brass_lamp, name: "brass lamp", nouns: [lamp], adjectives: [brass], at: yard,
     switchable: true}
  - {id: clay_lamp, name: "clay lamp", nouns: [lamp], adjectives: [clay], at: yard}
endings:
  - {id: never, when: {flag: never_set}, won: true, text: "The end."}
"""


def test_a_verb_means_what_it_can_change(tmp_path_factory: pytest.TempPathFactory) -> None:
    game = Game(world_from(tmp_path_factory, "yard", YARD), seed=0)
    assert noun(game, "enter crate") == "big_crate"
    assert parse(game, "x crate").error.startswith("Which do you mean")  # no hint for x
    assert noun(game, "switch on lamp") == "brass_lamp"  # the clay lamp has no switch


def test_things_that_cannot_be_told_apart_are_not_asked_about(game: Game) -> None:
    assert noun(game, "take spoon") == "spoon_a"
    assert not game.state.question


def test_an_adjective_alone_can_name_a_thing(game: Game) -> None:
    assert error(game, "x red") == "Which do you mean, the red shawl or the red cup?"
    assert noun(game, "x oak") == "box"


def test_the_player_by_any_of_her_names(game: Game) -> None:
    assert noun(game, "x me") == noun(game, "x myself") == noun(game, "x pip") == "pip"


def test_with_a_verb_preference_the_better_name_still_counts(game: Game) -> None:
    for thing in ("glass", "bowl"):
        move(game, thing, "pip")
    assert noun(game, "drop glass") == "glass"  # both held: the noun beats the adjective
    assert noun(game, "talk to gray") == "butler"  # both people: his noun, her adjective
    game.state.flags["polishing"] = True
    assert noun(game, "polish glass") == "glass"  # both meant for it: the noun again


def test_a_held_slot_of_the_worlds_own_verb_prefers_what_is_held(game: Game) -> None:
    assert noun(game, "sip from cup") == "blue_cup"


def test_places_are_told_apart_by_their_names(game: Game) -> None:
    # the hall, not the hall closet: the way north, which leads there
    assert [a.direction for a in parse(game, "go to hall").actions] == ["north"]
    assert noun(game, "go to the hall closet") == "closet"


def test_words_joined_by_and_keep_the_slot_and_the_verb(game: Game) -> None:
    """A slot for one thing named as several ("greet soldier and maud") resolves each
    part as that slot would, with the verb's preferences."""
    assert nouns(parse(game, "greet soldier and maud")) == ["soldier", "maud"]  # not the toy
    assert nouns(parse(game, "toss cup and key")) == ["blue_cup", "key"]  # what is held


# -- when nothing fits -------------------------------------------------------------------
def test_what_a_description_mentions_is_scenery(game: Game) -> None:
    parsed = parse(game, "burn portrait")
    assert parsed.error == "The portrait? That is only part of the scenery here."
    assert parsed.understood and parsed.rank == SCENERY and parsed.failure == "parser.scenery"
    assert error(game, "burn the general") == "The general? That is only part of the scenery here."
    # the box in sight describes its carving; a plural there names the singular too
    assert error(game, "burn squirrel") == "The squirrel? That is only part of the scenery here."
    assert error(game, "burn general portrait") == (
        "The general portrait? That is only part of the scenery here."
    )
    # every variant of a description counts, whether it shows now or not
    assert error(game, "burn rain") == "The rain? That is only part of the scenery here."
    assert error(game, "burn acorns").startswith("The acorns?")
    # handling it is answered as for a thing fixed in the scene, and is no failure
    taken = parse(game, "take portrait")
    assert taken.error == "That's hardly portable." and not taken.failure
    move(game, "box", "hall")  # out of sight: its words are nobody's
    assert error(game, "burn squirrel") == "I don't know the word 'squirrel'."


def test_looking_at_scenery_is_answered_by_what_the_text_says_of_it(game: Game) -> None:
    parsed = parse(game, "x portrait")
    assert parsed.error == (
        "A portrait of a general glowers over the fireplace; a photograph of the twins "
        "stands beside it."
    )
    assert parsed.understood and not parsed.failure and not parsed.actions
    assert "squirrel" in error(game, "x squirrel")  # what the box in sight says
    assert "scenery" not in error(game, "read squirrel")
    # the rain is in a variant that does not show now: nothing to quote, still scenery
    assert error(game, "x rain") == "The rain? That is only part of the scenery here."


def test_what_is_known_but_not_here(game: Game) -> None:
    parsed = parse(game, "x closet")
    assert parsed.error == "You can't see any such thing."
    assert parsed.understood and parsed.rank == SCOPE
    # the twins are only in a photograph here: for a person, that is nobody
    assert error(game, "burn twins") == "The twins? That is only part of the scenery here."
    assert error(game, "talk to twins") == "There is nobody like that here."
    assert error(game, "talk to the twins") == "There is nobody like that here."


def test_a_place_must_be_known_or_visited_to_go_to_it(session: Session) -> None:
    game = session.game
    # the garden is the way east, in sight: going to it is going that way
    assert [a.direction for a in parse(game, "go to garden").actions] == ["east"]
    assert error(game, "go to the butler") == "You don't know of any such place."
    assert noun(game, "go to hall closet") == "closet"  # known from the start
    play(session, "n")
    # out of sight and never heard of, it is no place the player knows
    assert error(game, "go to garden") == "You don't know of any such place."
    play(session, "s", "e", "w", "n")  # seen now: known from the hall too
    assert noun(game, "go to the rose garden") == "garden"


def test_an_unknown_word_is_named_and_not_understood(game: Game) -> None:
    parsed = parse(game, "take the moon")
    assert parsed.error == "I don't know the word 'moon'."
    assert not parsed.understood and parsed.rank == UNKNOWN
    assert error(game, "talk to moon") == "I don't know the word 'moon'."


@pytest.mark.parametrize(("length", "shown"), [(40, "q" * 40 + "'."), (41, "q" * 40 + "...'.")])
def test_a_long_unknown_word_is_cut_after_forty_letters(
    game: Game, length: int, shown: str
) -> None:
    assert error(game, "take " + "q" * length) == "I don't know the word '" + shown


# -- pronouns ---------------------------------------------------------------------------
def test_it_him_her_them_are_set_by_what_is_named(game: Game) -> None:
    parse(game, "x red cup")
    parse(game, "x butler")
    parse(game, "x maud")
    parse(game, "x coins")  # a plural thing
    assert {w: game.state.pronouns[w] for w in ("it", "him", "her", "them")} == {
        "it": "red_cup",
        "him": "butler",
        "her": "maud",
        "them": "coins",
    }
    assert noun(game, "take it") == "red_cup"
    assert noun(game, "talk to him") == "butler"
    assert noun(game, "talk to her") == "maud"
    assert noun(game, "take them") == "coins"


def test_a_person_who_is_them(game: Game) -> None:
    move(game, "pip", "hall")
    parse(game, "x twins")
    assert game.state.pronouns["them"] == "twins"


def test_giving_sets_it_for_the_thing_and_him_for_the_person(game: Game) -> None:
    parse(game, "give key to butler")
    assert game.state.pronouns["it"] == "key" and game.state.pronouns["him"] == "butler"


def test_them_is_a_group_named_together(game: Game) -> None:
    parsed = parse(game, "x red cup and green cup")
    assert nouns(parsed) == ["red_cup", "green_cup"]
    assert game.state.pronouns["them"] == "red_cup,green_cup"
    parsed = parse(game, "take them")
    assert nouns(parsed) == ["red_cup", "green_cup"]
    assert all(a.several for a in parsed.actions)


def test_them_means_the_part_of_the_group_still_here(game: Game) -> None:
    parse(game, "x red cup and green cup")
    parsed = parse(game, "x them")  # a verb for one thing: each in turn
    assert nouns(parsed) == ["red_cup", "green_cup"]
    assert all(a.several for a in parsed.actions)
    move(game, "green_cup", "hall")
    parsed = parse(game, "take them")
    assert nouns(parsed) == ["red_cup"] and not parsed.actions[0].several
    parsed = parse(game, "x them")
    assert nouns(parsed) == ["red_cup"] and not parsed.actions[0].several


def test_a_pronoun_for_something_gone(game: Game) -> None:
    parse(game, "x coins")
    move(game, "coins", "hall")
    parsed = parse(game, "take them")
    assert parsed.error == "You can't see the coins here." and parsed.understood


def test_a_pronoun_never_set(game: Game) -> None:
    assert error(game, "talk to him") == "I'm not sure what 'him' refers to."
    assert error(game, "take all except it") == "I'm not sure what 'it' refers to."


# -- all, all except, and ----------------------------------------------------------------
LOOSE = ["red_cup", "green_cup", "coins", "bowl", "glass", "box", "toy", "spoon_a", "spoon_b",
         "other_shawl"]  # fmt: skip


def test_take_all_is_what_lies_here_and_can_be_carried(game: Game) -> None:
    parsed = parse(game, "take all")
    assert nouns(parsed) == LOOSE  # not the palm (fixed), the rug (scenery) or people
    assert all(a.several and a.name == "take" for a in parsed.actions)
    assert nouns(parse(game, "take everything")) == LOOSE


def test_take_all_from_a_container(game: Game) -> None:
    parsed = parse(game, "take all from box")
    assert [(a.noun, a.second) for a in parsed.actions] == [("marble", "box")]


def test_drop_all_is_what_is_held_but_not_worn(game: Game) -> None:
    assert nouns(parse(game, "drop all")) == ["blue_cup", "key", "shawl"]  # not the scarf


def test_put_all_in_a_bag_leaves_the_bag_out(game: Game) -> None:
    move(game, "box", "pip")
    parsed = parse(game, "put all in box")
    assert [(a.noun, a.second) for a in parsed.actions] == [
        ("blue_cup", "box"),
        ("key", "box"),
        ("shawl", "box"),
    ]


@pytest.mark.parametrize(
    ("line", "left_out"),
    [
        ("take all except red cup", ["red_cup"]),
        ("take all but the red cup and the coins", ["red_cup", "coins"]),
        ("take all except for the coins", ["coins"]),
        ("take all except for coins", ["coins"]),
        ("drop all except cup", None),
        ("take everything apart from the coins", ["coins"]),
        ("take all excluding the glass", ["glass"]),
    ],
)
def test_all_except(game: Game, line: str, left_out: list[str] | None) -> None:
    if left_out is None:  # "cup" is the one she holds, as dropping prefers
        assert nouns(parse(game, line)) == ["key", "shawl"]
        return
    assert nouns(parse(game, line)) == [t for t in LOOSE if t not in left_out]


def test_all_except_a_pronoun(game: Game) -> None:
    parse(game, "x bowl")
    assert nouns(parse(game, "take all except it")) == [t for t in LOOSE if t != "bowl"]


def test_all_except_something_unknown_or_absent(game: Game) -> None:
    assert error(game, "take all except the moon") == "I don't know the word 'moon'."
    assert error(game, "take all except the closet") == "You can't see any such thing."


def test_all_the_named_things(game: Game) -> None:
    parsed = parse(game, "take all the coins")
    assert nouns(parsed) == ["coins"] and not parsed.actions[0].several
    assert nouns(parse(game, "take all of my coins")) == ["coins"]
    assert nouns(parse(game, "drop all the cup")) == ["blue_cup"]  # the verb still prefers
    parse(game, "x red cup and green cup")
    assert nouns(parse(game, "take all of them")) == ["red_cup", "green_cup"]


@pytest.mark.parametrize("line", ["take all the", "take all of", "drop all my", "drop all your"])
def test_all_with_an_article_and_nothing_after_is_all(game: Game, line: str) -> None:
    everything = nouns(parse(game, line.split()[0] + " all"))
    assert nouns(parse(game, line)) == everything


def test_nothing_to_take_drop_or_put(game: Game) -> None:
    for thing in ("blue_cup", "key", "shawl"):
        move(game, thing, "hall")
    assert error(game, "drop all") == "There is nothing to drop."
    assert error(game, "put all in box") == "There is nothing to put in."
    assert error(game, "take all from the marble") == "There is nothing to take."


def test_all_with_a_verb_for_one_thing(game: Game) -> None:
    parsed = parse(game, "x all")
    assert parsed.error == "You can't use 'all' with that verb." and parsed.understood


def test_several_things_named_with_and(game: Game) -> None:
    parsed = parse(game, "take red cup and green cup")
    assert nouns(parsed) == ["red_cup", "green_cup"] and all(a.several for a in parsed.actions)
    parsed = parse(game, "x red cup and coins")  # a verb for one thing takes each in turn
    assert nouns(parsed) == ["red_cup", "coins"] and all(a.several for a in parsed.actions)
    parsed = parse(game, "take the red cup")
    assert nouns(parsed) == ["red_cup"] and not parsed.actions[0].several


def test_a_thing_named_twice_is_taken_once(game: Game) -> None:
    parsed = parse(game, "take coins and the coins")
    assert nouns(parsed) == ["coins"] and parsed.actions[0].several


def test_and_with_nothing_around_it(game: Game) -> None:
    assert error(game, "take and") == "You'll need to be more specific."
    assert error(game, "x the") == "You'll need to be more specific."


# -- which do you mean -------------------------------------------------------------------
def test_an_answer_by_adjective(session: Session) -> None:
    play(session, "x cup")
    assert session.game.state.question
    assert play(session, "green") == play(session, "x green cup")
    assert session.game.state.pronouns["it"] == "green_cup"


@pytest.mark.parametrize(
    ("answer", "meant"),
    [("first", "blue_cup"), ("second", "red_cup"), ("2nd", "red_cup"), ("3", "green_cup"),
     ("last", "green_cup"), ("the third one", "green_cup")],
)  # fmt: skip
def test_an_answer_by_position(session: Session, answer: str, meant: str) -> None:
    play(session, "x cup", answer)
    assert session.game.state.pronouns["it"] == meant and not session.game.state.question


@pytest.mark.parametrize("answer", ["the", "one", "the one"])
def test_an_answer_of_no_words_is_a_new_command(session: Session, answer: str) -> None:
    play(session, "x cup")
    assert "Which do you mean" not in session.step(answer)[0].text
    assert not session.game.state.question


def test_an_answer_about_a_thing_left_out_of_all(session: Session) -> None:
    assert play(session, "take all except cup") == (
        "Which do you mean, the red cup or the green cup?"
    )
    play(session, "red")
    holder = session.game.state.holder
    assert holder["red_cup"] == "parlour" and holder["green_cup"] == holder["coins"] == "pip"


def test_an_answer_about_all_the_named_things(session: Session) -> None:
    assert play(session, "take all the cup") == "Which do you mean, the red cup or the green cup?"
    play(session, "green")
    assert session.game.state.holder["green_cup"] == "pip"
    assert session.game.state.holder["red_cup"] == "parlour"


def test_an_answer_past_the_last_candidate_is_a_new_command(session: Session) -> None:
    play(session, "x cup")
    step = session.step("fourth")[0]
    assert "Which do you mean" not in step.text
    assert not session.game.state.question


def test_a_narrowed_question_counts_positions_among_the_rest(session: Session) -> None:
    play(session, "x cup")
    assert play(session, "china") == "Which do you mean, the red cup or the green cup?"
    assert session.game.state.question["candidates"] == ["red_cup", "green_cup"]
    play(session, "second")
    assert session.game.state.pronouns["it"] == "green_cup"


def test_an_answer_that_fits_several_asks_again_among_them(session: Session) -> None:
    assert play(session, "x red") == "Which do you mean, the red shawl or the red cup?"
    assert play(session, "red") == "Which do you mean, the red shawl or the red cup?"
    play(session, "cup")
    assert session.game.state.pronouns["it"] == "red_cup"


def test_an_answer_keeps_the_rest_of_the_command(session: Session) -> None:
    play(session, "take spoon", "take red cup")
    text = play(session, "put spoon and cup in box")  # two cups held: which?
    assert text == "Which do you mean, the red cup or the blue cup?"
    play(session, "blue")
    holder = session.game.state.holder
    assert holder["spoon_a"] == holder["blue_cup"] == "box" and holder["red_cup"] == "pip"


def test_a_question_about_the_second_noun(session: Session) -> None:
    play(session, "take red cup", "take green cup")
    text = play(session, "put key in cup")
    assert text == "Which do you mean, the red cup, the blue cup or the green cup?"
    play(session, "green")
    assert session.game.state.question == {}


def test_a_question_nobody_asked_is_ignored(session: Session) -> None:
    new = "Which do you mean, the red shawl or the red cup?"  # "red" alone, looked at
    session.game.state.question = {"candidates": ["red_cup"], "words": "cup"}
    step = session.step("red")[0]
    assert step.text == new
    session.game.state.question = {"candidates": ["red_cup"], "command": "x cup"}
    assert session.step("red")[0].text == new
