"""The text layer (kage.core.prose): articles, agreement, counts, capitals, known names."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.content.worlds import banished, edit, find, problems

from kage.actions import talking
from kage.actions.information import SCORE
from kage.actions.objects import FIXED
from kage.actions.pipeline import Action
from kage.core import prose
from kage.core.prose import Subject, adapt, count, indefinite, plural_verb
from kage.ext.routes.routes import HURRIES_PAST
from kage.game import Game
from kage.worlds import load


@pytest.fixture
def game() -> Game:
    return Game(load("banished"), seed=0)


def subjects(value: object) -> Subject | None:
    return value if isinstance(value, Subject) else None


def said(text: str, first: str | None = "noun", **slots: object) -> str:
    return adapt(text, slots, subjects, first)


BARS = Subject("timber bars", plural=True)
BOX = Subject("oak box")
KOTOMI = Subject("Kotomi", proper=True, gender="her")
SMITH = Subject("smith", gender="them")


# -- a / an ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("phrase", "article"),
    [
        ("apple", "an"),
        ("yard", "a"),
        ("hour", "an"),
        ("honest man", "an"),
        ("unicorn", "a"),
        ("uniform", "a"),
        ("unimportant thing", "an"),
        ("umbrella", "an"),
        ("useful tool", "a"),
        ("European", "a"),
        ("one-eyed cat", "a"),
        ("X-ray", "an"),
        ("8-ball", "an"),
        ("idol", "an"),
        ("herb", "a"),
    ],
)
def test_a_or_an_goes_by_sound(phrase: str, article: str) -> None:
    assert indefinite(phrase) == article


def test_an_article_override_and_plural_and_proper_names() -> None:
    assert Subject("gloves", plural=True).a() == "some gloves"
    assert Subject("gloves", plural=True, article="a pair of").a() == "a pair of gloves"
    assert KOTOMI.a() == KOTOMI.the() == "Kotomi"
    assert Subject("the great chamber").the() == "the great chamber"
    assert Subject("hourglass").a() == "an hourglass"


# -- verbs and counts -------------------------------------------------------------------
@pytest.mark.parametrize(
    ("one", "many"),
    [
        ("is", "are"),
        ("has", "have"),
        ("was", "were"),
        ("does", "do"),
        ("doesn't", "don't"),
        ("isn't", "aren't"),
        ("goes", "go"),
        ("nods", "nod"),
        ("hurries", "hurry"),
        ("dies", "die"),
        ("watches", "watch"),
        ("passes", "pass"),
        ("rises", "rise"),
        ("looks up", "look up"),
        ("Is", "Are"),
    ],
)
def test_a_verb_said_of_one_becomes_the_verb_said_of_many(one: str, many: str) -> None:
    assert plural_verb(one) == many


def test_a_number_agrees_with_its_noun() -> None:
    assert count(1, "turn") == "1 turn"
    assert count(3, "turn") == "3 turns"
    assert count(0, "turn") == "0 turns"
    assert count(2, "man") == "2 men"
    assert count(1200, "turn") == "1,200 turns"
    assert count(2, "sheep", "sheep") == "2 sheep"
    assert said("in {n|turn}.", n=1) == "in 1 turn."
    assert said("in {n|turn}.", n=4) == "in 4 turns."
    assert said("{n|fish|fish} bite.", n=5) == "5 fish bite."


# -- placeholders ------------------------------------------------------------------------
def test_a_verb_agrees_with_the_subject_before_it() -> None:
    assert said("{The noun} {is} closed.", noun=BARS) == "The timber bars are closed."
    assert said("{The noun} {is} closed.", noun=BOX) == "The oak box is closed."
    # the subject named last wins; with none named yet, the noun
    text = "{The noun} {nods}; {the second} {hurries} off. {He} {is} gone."
    assert said(text, noun=KOTOMI, second=BARS) == (
        "Kotomi nods; the timber bars hurry off. They are gone."
    )
    assert said("{He} {waits}.", noun=BARS) == "They wait."


def test_a_named_subject_overrides_the_last_one() -> None:
    text = "{The noun} {is} on {the second}, which {second|is} full."
    assert said(text, noun=BOX, second=BARS) == "The oak box is on the timber bars, which are full."
    assert said("{noun|He} {takes} {his} time.", None, noun=KOTOMI) == "She takes her time."


def test_pronouns_by_gender_and_number() -> None:
    text = "{He} {sees} {him}; {his} eyes and {himself}."
    assert said(text, noun=KOTOMI) == "She sees her; her eyes and herself."
    assert said(text, noun=BARS) == "They see them; their eyes and themselves."
    assert said(text, noun=BOX) == "It sees it; its eyes and itself."
    assert said("{It} {is} here.", noun=BOX) == "It is here."


def test_singular_they_takes_the_singular_verb_after_a_name() -> None:
    assert said("{The noun} {shakes} {his} head.", noun=SMITH) == "The smith shakes their head."
    assert said("{The noun} {frowns}; {he} {is} tired.", noun=SMITH) == (
        "The smith frowns; they are tired."
    )


def test_a_value_that_opens_a_sentence_gets_a_capital() -> None:
    assert said("{the noun} {is} here.", noun=BOX) == "The oak box is here."
    assert said("Look. {the noun} {is} here.", noun=BOX) == "Look. The oak box is here."
    assert said('Look. "{a noun}!" you say.', noun=BOX) == 'Look. "An oak box!" you say.'
    assert said('"{it}" is not set', noun=BOX) == '"it" is not set'
    assert said("You see {a noun}.", noun=BOX) == "You see an oak box."
    assert said("{People} {is} here.", people=Subject("a boy and a dog", True, True)) == (
        "A boy and a dog are here."
    )


def test_a_placeholder_nobody_fills_is_left_as_written() -> None:
    assert said("{The nuon} {is} here.", noun=BOX) == "{The nuon} is here."
    assert said("{price} and {noun|is}", None) == "{price} and {noun|is}"
    assert prose.placeholders("{The noun} {is} {noun|has} {He} {price}") == [
        "The noun",
        "noun",
        "price",
    ]


# -- the sentences, said by the engine ------------------------------------------
def test_a_group_nods_and_bars_stay(game: Game) -> None:
    assert talking.NODS(game, Action("talk", "yard_miners")) == (
        "The miners in the yard nod to you."
    )
    assert FIXED(game, Action("take", "cell_bars")) == "The timber bars stay where they are."
    assert FIXED(game, Action("take", "mine_mouth")) == "The mine mouth stays where it is."


def test_someone_hurrying_past_is_named_with_an_article_and_a_capital(game: Game) -> None:
    kai = prose.subject(game, "kai")
    assert HURRIES_PAST(game, who=kai) == "A skinny boy hurries past."


def test_the_score_counts_one_turn(game: Game) -> None:
    assert SCORE(game, score=0, max=10, turns=1).endswith("in 1 turn.")
    assert SCORE(game, score=0, max=10, turns=2).endswith("in 2 turns.")


def test_could_ask_names_a_person_with_an_article(game: Game) -> None:
    text = talking.COULD_ASK(game, Action("talk", "prisoner"), name="", topics="why you help")
    assert text == "(You could ask the brown-haired young man about why you help.)"


# -- names the player learns -------------------------------------------------------------
def test_kai_is_the_skinny_boy_until_his_name_is_heard(game: Game) -> None:
    ask = Action("ask", "kai", text="weather")
    assert prose.the(game, "kai") == "the skinny boy"
    assert prose.a(game, "kai") == "a skinny boy"
    assert talking.NODS(game, ask) == "The skinny boy nods to you."
    assert game.render(game.world.entities["kai"].unknown_topic[0].text, ask).startswith(
        "The skinny boy shrugs"
    )
    game.state.flags["heard_argument"] = True
    assert prose.the(game, "kai") == prose.a(game, "kai") == "Kai"
    assert talking.NODS(game, ask) == "Kai nods to you."


def test_an_entity_id_is_a_placeholder_in_world_text(game: Game) -> None:
    assert game.render("{The kai} {kai|looks} up at {the kotomi}.") == (
        "The skinny boy looks up at the tired young woman."
    )
    game.state.flags["wallet_returned"] = True  # she gives her name; his was heard too
    assert game.render("{The kai} {kai|looks} up at {the kotomi}.") == "Kai looks up at Kotomi."
    assert prose.name(game, "shack") == "Kotomi's shack"


def test_the_player_can_call_someone_by_what_they_look_like(game: Game) -> None:
    kai = game.world.entities["kai"]
    assert "boy" in kai.nouns and "skinny" in kai.adjectives and "kai" in kai.nouns


def test_known_as_without_a_way_to_learn_the_name_is_an_error(tmp_path: Path) -> None:
    banished(tmp_path)
    edit(
        tmp_path,
        "act3.yaml",
        "    name_known: {any: [{flag: heard_argument}, {flag: wallet_returned}]}\n",
        "",
    )
    find(problems(tmp_path), "nothing ever tells the player the name")


def test_name_known_without_known_as_is_an_error(tmp_path: Path) -> None:
    banished(tmp_path)
    edit(tmp_path, "act3.yaml", '    known_as: "skinny boy"\n', "")
    find(problems(tmp_path), "has `name_known` but no `known_as`")


def test_a_misspelt_condition_for_a_learned_name_is_caught(tmp_path: Path) -> None:
    banished(tmp_path)
    edit(
        tmp_path,
        "act3.yaml",
        "{flag: heard_argument}, {flag: wallet",
        "{flga: heard_argument}, {flag: wallet",
    )
    assert problems(tmp_path)


def test_every_paragraph_said_opens_with_a_capital(game: Game) -> None:
    """Game.say is the one place a paragraph built in code gets its capital: a provider's
    text, a listing, a name at the start."""
    game.take_output()
    game.say("a door bangs somewhere below.")
    game.say('"wait," says nobody.')
    game.say("(first opening the door)")
    game.notice("your score goes up.")
    assert game.take_output().split("\n\n") == [
        "A door bangs somewhere below.",
        '"Wait," says nobody.',
        "(first opening the door)",
        "Your score goes up.",
    ]


def test_a_misspelt_placeholder_in_a_description_is_caught(tmp_path: Path) -> None:
    banished(tmp_path)
    edit(tmp_path, "act3.yaml", "{The kai}'s mother", "{The kaii}'s mother")
    assert "Did you mean {kai}?" in find(problems(tmp_path), "{The kaii}").message


def test_him_means_the_person_a_reply_names_by_what_he_looks_like(game: Game) -> None:
    from kage.parser import mentions
    from kage.world import ops, query

    ops.move(game, "kai", query.here(game))
    game.state.pronouns.pop("him", None)
    mentions.note(game, "A skinny boy is here.", set())
    assert game.state.pronouns.get("him") == "kai"
