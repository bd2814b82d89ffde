"""Noun phrases as newcomers say them (issue 10), on the parlour world
(tests/parser/parlour.py): plurals, "all the", "every", "both", possessives, lists
without "and", "the other one", a tail naming a tool the verb does not take, and a
pronoun whose newest meaning has left the scene."""

from __future__ import annotations

import pytest
from tests.helpers import world_from
from tests.parser.parlour import WORLD

from kage.game import Game
from kage.parser.lexicon import Name
from kage.parser.nouns import resolve_one
from kage.parser.parser import Parsed, parse
from kage.world.model import World


@pytest.fixture(scope="module")
def parlour(tmp_path_factory: pytest.TempPathFactory) -> World:
    return world_from(tmp_path_factory, "parlour", WORLD)


@pytest.fixture
def game(parlour: World) -> Game:
    game = Game(parlour, seed=0)
    game.take_output()
    return game


def move(game: Game, entity: str, holder: str) -> None:
    game.state.holder[entity] = holder
    game.contents_changed()


def nouns(parsed: Parsed) -> list[str | None]:
    assert parsed.actions, parsed.error
    return [a.noun for a in parsed.actions]


# -- plurals -----------------------------------------------------------------------------
def test_every_noun_is_known_in_its_plural_and_a_plural_thing_in_its_singular() -> None:
    guard = Name.of(frozenset({"guard", "guards", "man"}), frozenset({"bald"}))
    assert guard.nouns == {"guard", "man"}  # "guards" listed by the world is the plural
    assert guard.plurals == {"guards", "men"}
    assert {"guards", "men"} <= guard.words
    assert Name.of(frozenset({"sheep"}), frozenset()).plurals == set()  # its own plural
    assert Name.of(frozenset({"sheep"}), frozenset()).nouns == {"sheep"}
    coins = Name.of(frozenset({"coins"}), frozenset(), plural=True)
    assert coins.nouns == {"coins", "coin"} and coins.plurals == set()


def test_a_plural_means_every_thing_here_that_fits(game: Game) -> None:
    assert sorted(nouns(parse(game, "x cups"))) == ["blue_cup", "green_cup", "red_cup"]
    assert sorted(nouns(parse(game, "take the cups"))) == ["green_cup", "red_cup"]  # not held
    assert nouns(parse(game, "polish the china cups")) == ["red_cup", "green_cup"]
    assert nouns(parse(game, "take spoons")) == ["spoon_a", "spoon_b"]  # same name, both
    assert all(a.several for a in parse(game, "x cups").actions)
    assert nouns(parse(game, "x coin")) == ["coins"]  # a plural thing by its singular


def test_a_plural_for_a_verb_of_two_things_asks_which(game: Game) -> None:
    assert parse(game, "tie cups to palm").error == (
        "Which do you mean, the blue cup, the red cup or the green cup?"
    )
    assert nouns(parse(game, "red")) == ["red_cup"]  # the answer settles it


def test_all_every_and_both_say_how_many(game: Game) -> None:
    cups = ["blue_cup", "green_cup", "red_cup"]
    assert sorted(nouns(parse(game, "polish all the cups"))) == cups
    assert sorted(nouns(parse(game, "x every cup"))) == cups
    assert nouns(parse(game, "x both spoons")) == ["spoon_a", "spoon_b"]
    assert parse(game, "x both cups").error.startswith("Which do you mean")  # three
    assert nouns(parse(game, "greet all")) == ["butler", "maud", "lady", "soldier"]
    assert parse(game, "x all").error == "You can't use 'all' with that verb."
    assert parse(game, "tie all cups to palm").error == "You can't use 'all' with that verb."


def test_both_alone_means_the_two_named_last(game: Game) -> None:
    parse(game, "x red cup and glass")
    assert nouns(parse(game, "polish both")) == ["red_cup", "glass"]


# -- possessives -------------------------------------------------------------------------
def test_a_possessive_narrows_to_what_that_person_holds(game: Game) -> None:
    assert nouns(parse(game, "x my cup")) == ["blue_cup"]  # Pip holds the blue cup
    move(game, "red_cup", "butler")
    game.state.props["butler"] = {"merchant": True}  # his wares are in sight
    parse(game, "x butler")
    assert nouns(parse(game, "x his cup")) == ["red_cup"]
    assert nouns(parse(game, "x the butler's cup")) == ["red_cup"]
    assert nouns(parse(game, "x our glass")) == ["glass"]  # nobody's: still a glass
    parse(game, "x maud")
    # she holds no cup: the phrase still names the cups, and the player is asked which
    assert parse(game, "x her cup").error.startswith("Which do you mean, the blue cup")


def test_a_possessive_alone_names_the_person_and_her_stays_a_pronoun(game: Game) -> None:
    parse(game, "x butler")
    assert resolve_one(game, "person", ["his"], "talk").ids == ["butler"]
    parse(game, "x maud")
    given = parse(game, "give her the key").actions
    assert [(a.name, a.noun, a.second) for a in given] == [("give", "key", "maud")]


# -- lists -------------------------------------------------------------------------------
def test_an_article_after_a_name_starts_the_next_thing_of_a_list(game: Game) -> None:
    # "take the red cup, the glass and the coins": the tokenizer drops the comma
    assert nouns(parse(game, "take the red cup, the glass and the coins")) == [
        "red_cup",
        "glass",
        "coins",
    ]
    assert nouns(parse(game, "x the glass the palm")) == ["glass", "palm"]
    # a list that does not fit keeps the reply about the whole phrase
    assert parse(game, "x the portrait the frame").error.startswith("I don't know the word")


# -- the other one -----------------------------------------------------------------------
def test_the_other_one_is_what_fits_but_was_not_named_last(game: Game) -> None:
    move(game, "blue_cup", "hall")
    parse(game, "x red cup")
    assert nouns(parse(game, "x the other one")) == ["green_cup"]
    assert nouns(parse(game, "x the other cup")) == ["red_cup"]  # the green one was last
    move(game, "blue_cup", "parlour")
    parse(game, "x red cup")
    assert parse(game, "x another cup").error == (
        "Which do you mean, the blue cup or the green cup?"
    )


# -- tails -------------------------------------------------------------------------------
def test_a_tail_naming_a_tool_is_dropped_when_the_verb_takes_none(game: Game) -> None:
    assert nouns(parse(game, "take the red cup with the key")) == ["red_cup"]
    assert nouns(parse(game, "polish the glass using the scarf")) == ["glass"]
    assert nouns(parse(game, "polish the glass with the rug")) == ["glass"]  # in reach
    assert not parse(game, "take the red cup with the twins").actions  # not here: no tool
    assert nouns(parse(game, "greet the butler up")) == ["butler"]
    assert nouns(parse(game, "x the glass too")) == ["glass"]


# -- pronouns ----------------------------------------------------------------------------
def test_a_pronoun_whose_thing_left_falls_back_on_what_it_meant_before(game: Game) -> None:
    parse(game, "x red cup")
    parse(game, "x glass")
    move(game, "glass", "hall")
    assert nouns(parse(game, "x it")) == ["red_cup"]
    move(game, "red_cup", "hall")
    assert parse(game, "x it").error == "You can't see the red cup here."  # "it" now


def test_it_may_mean_the_container_once_the_thing_put_in_is_gone(game: Game) -> None:
    parse(game, "put key in box")
    assert game.state.pronouns["it"] == "key"
    move(game, "key", "hall")
    assert nouns(parse(game, "x it")) == ["box"]


def test_a_list_whose_commas_were_dropped_is_cut_into_names(game: Game) -> None:
    # "take glass, coins, red cup and marble": the tokenizer leaves "glass coins red cup"
    assert nouns(parse(game, "take glass, coins, red cup and spoons")) == [
        "glass",
        "coins",
        "red_cup",
        "spoon_a",
        "spoon_b",
    ]
    # one phrase that is no list is not cut into two things
    assert parse(game, "x glass coins").error == "You can't see any such thing."


def test_things_and_stuff_mean_all_and_thing_is_any_thing(game: Game) -> None:
    taken = nouns(parse(game, "pack my things"))
    assert "glass" in taken and "coins" in taken and "palm" not in taken  # fixed in place
    assert nouns(parse(game, "take all the stuff")) == taken
    assert nouns(parse(game, "x the oak thing")) == ["box"]  # the oak box


def test_a_him_or_her_gone_elsewhere_means_the_one_such_person_here(game: Game) -> None:
    parse(game, "x maud")
    move(game, "maud", "hall")
    assert nouns(parse(game, "x her")) == ["lady"]  # the only other woman here but Pip
    parse(game, "x butler")
    move(game, "butler", "hall")
    assert nouns(parse(game, "x him")) == ["soldier"]
    parse(game, "x coins")
    move(game, "coins", "hall")
    assert parse(game, "x them").error == "You can't see the coins here."  # no group here
    move(game, "twins", "parlour")
    assert nouns(parse(game, "x them")) == ["twins"]


def test_a_pronoun_gone_with_several_such_here_is_not_guessed(game: Game) -> None:
    move(game, "twins", "parlour")  # the twins and the coins: two groups here
    parse(game, "x red cup and glass")
    move(game, "red_cup", "hall")
    move(game, "glass", "hall")
    assert parse(game, "x them").error == "You can't see the red cup here."


def test_the_parts_of_a_hyphenated_word_name_it_too() -> None:
    man = Name.of(frozenset({"man"}), frozenset({"brown-haired", "young"}))
    assert {"brown", "haired", "brown-haired"} <= man.adjectives
    assert man.nouns == {"man"}


def test_all_in_a_place_or_a_box_is_all_that_is_there(game: Game) -> None:
    everything = nouns(parse(game, "take all"))
    assert nouns(parse(game, "take everything in the room")) == everything
    assert nouns(parse(game, "take everything here")) == everything
    assert nouns(parse(game, "take all in the box")) == ["marble"]


def test_a_pronoun_for_someone_skips_a_meaning_that_is_no_person(game: Game) -> None:
    parse(game, "x red cup and glass")  # "them": two cups, no people
    move(game, "twins", "parlour")
    assert resolve_one(game, "person", ["their"], "talk").ids == ["twins"]
    assert resolve_one(game, "person", ["them"], "talk").ids == ["twins"]
    move(game, "twins", "hall")
    assert resolve_one(game, "person", ["them"], "talk").ids == ["red_cup", "glass"]
