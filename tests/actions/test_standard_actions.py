"""The standard actions' defaults on a small world (tests/actions/kitchen.py): what each
answers, what changes (eating and drinking use things up), the world's interaction
answering first, and a world replacing a response by its name."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from tests.actions.kitchen import WORLD
from tests.helpers import opened, play, world_from
from tests.invariants import check_turn

from kage.session import Session
from kage.world.model import Variant, World


@pytest.fixture(scope="module")
def kitchen(tmp_path_factory: pytest.TempPathFactory) -> World:
    return world_from(tmp_path_factory, "kitchen", WORLD)


@pytest.fixture
def session(kitchen: World, tmp_path: Path) -> Session:
    return opened(kitchen, tmp_path / "saves")


def holder(session: Session, thing: str) -> str | None:
    return session.game.state.holder.get(thing)


# -- handling ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("line", "reply"),
    [
        ("push crate", "You push the crate. Nothing comes of it."),
        ("pull crate", "You pull the crate. Nothing comes of it."),
        ("turn crate", "You turn the crate this way and that. Nothing comes of it."),
        ("squeeze crate", "You squeeze the crate. Nothing comes of it."),
        ("polish crate", "Rubbing the crate makes no difference you can see."),
        ("push post", "It won't budge."),
        ("drag post", "It won't budge."),
        ("rotate post", "It won't turn."),
        ("shift bert", "Bert would not thank you for that."),
        ("press me", "That would get you nowhere."),
        ("push crate north", "The crate can't be pushed from place to place."),
        ("swing rope", "There is nothing to be gained by swinging the rope."),
        ("set dial to seven", "The dial can't be set to anything."),
        ("climb post", "Climbing the post would get you nowhere."),
        ("tie rope to post", "Tying the rope to the post would get you nowhere."),
        ("fasten rope to rope", "You can't tie something to itself."),
        ("wave flask", "You wave the flask of water about. Nothing comes of it."),
        ("wave rope", "(first taking the rope)\nYou wave the rope about. Nothing comes of it."),
    ],
)
def test_handling_answers(session: Session, line: str, reply: str) -> None:
    assert play(session, line) == reply


def test_the_world_s_meaning_comes_before_the_default(session: Session) -> None:
    """The lever is fixed, yet pulling it does what the world says: no "won't budge"."""
    assert play(session, "push lever") == "It won't budge."
    assert play(session, "pull lever") == "The damper clanks shut and the range settles."
    assert session.game.state.flags.get("damper_shut") is True


def test_refused_actions_take_no_time_and_done_ones_do(session: Session) -> None:
    start = session.game.state.minutes
    play(session, "push post", "attack stone", "kiss twins")
    assert session.game.state.minutes == start
    play(session, "push crate")
    assert session.game.state.minutes == start + 1


# -- senses -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("line", "reply"),
    [
        ("smell", "Woodsmoke and onions."),
        ("sniff rose", "Sweet, and a little dusty."),
        ("smell crate", "You smell nothing out of the ordinary."),
        ("listen", "You hear nothing out of the ordinary."),
        ("listen to bell", "It hums, very faintly."),
        ("hear crate", "You hear nothing from the crate."),
        ("touch crate", "You feel nothing unexpected."),
        ("feel me", "You seem to be all there."),
        ("touch bert", "Bert would rather you kept your hands to yourself."),
        ("lick stone", "It tastes of very little."),
        ("taste twins", "The twins would be alarmed, and rightly."),
    ],
)
def test_senses(session: Session, line: str, reply: str) -> None:
    assert play(session, line) == reply


# -- eating and drinking ----------------------------------------------------------------
def test_eating_uses_the_thing_up(session: Session) -> None:
    before, first = session.game.state.copy(), len(session.game.log)
    assert play(session, "eat apple") == "You eat the apple, every last bit."
    check_turn(session.game, before, session.game.log[first:])  # consumed, not lost
    assert holder(session, "apple") is None
    assert session.game.state.props["apple"]["consumed"] is True
    assert "can't see" in play(session, "eat apple")
    assert any(e.kind == "consumed" and e.data["entity"] == "apple" for e in session.game.log)


def test_what_an_eaten_thing_held_is_left_behind(session: Session) -> None:
    play(session, "eat bread bowl")
    assert holder(session, "bowl") is None
    assert holder(session, "spoon") == "kitchen"


@pytest.mark.parametrize(
    ("line", "reply"),
    [
        ("eat stone", "That isn't something you can eat."),
        ("eat loaf", "That belongs to Bert."),
        ("eat bert", "Bert would have something to say about that."),
        ("eat me", "That isn't something you can eat."),
        ("drink stone", "That isn't something you can drink."),
    ],
)
def test_what_cannot_be_eaten_or_drunk_stays(session: Session, line: str, reply: str) -> None:
    before = dict(session.game.state.holder)
    assert play(session, line) == reply
    assert session.game.state.holder == before


def test_drinking_a_flask_empties_it_but_a_well_stays(session: Session) -> None:
    assert play(session, "drink flask") == "You drink the flask of water to the last drop."
    assert holder(session, "flask") is None
    play(session, "out")
    assert play(session, "drink from well") == "You drink your fill from the well."
    assert holder(session, "well") == "yard"


def test_an_interaction_s_refusal_and_meaning_replace_eating(session: Session) -> None:
    assert play(session, "eat pie") == "The pie is still too hot to touch."
    play(session, "pull lever")
    assert play(session, "eat pie") == "You eat a slice of the pie, now it has cooled."
    assert holder(session, "pie") == "kitchen"  # the world said what happens: no default


# -- rough handling, people, exclamations -------------------------------------------------
@pytest.mark.parametrize(
    ("line", "reply"),
    [
        ("attack crate", "Lashing out would not solve this one."),
        ("smash crate", "Lashing out would not solve this one."),
        ("hit me", "Things are not that bad."),
        ("cut rope", "Cutting the rope would achieve nothing."),
        ("burn rope", "Setting fire to things would help nobody here."),
        ("set fire to crate", "Setting fire to things would help nobody here."),
        ("throw stone at post", "Throwing the stone at the post would achieve nothing."),
        (
            "throw stone at bert",
            "You weigh the stone in your hand, look at Bert, and think better of it.",
        ),
        (
            "throw rope at post",
            "(first taking the rope)\nThrowing the rope at the post would achieve nothing.",
        ),
        ("kiss bert", "Bert goes pink to the ears."),
        ("hug twins", "The twins would not welcome that just now."),
        ("embrace me", "That would take some doing."),
        ("kiss crate", "You kiss the crate. Nothing kisses you back."),
        ("wake", "This is no dream. You are as awake as you are going to get."),
        ("wake up", "This is no dream. You are as awake as you are going to get."),
        ("wake bert", "There is no need to wake Bert."),
        ("wake up twins", "There is no need to wake the twins."),
        ("show stone to bert", "You show the stone to Bert, to no effect."),
        ("show bert stone", "You show the stone to Bert, to no effect."),
        ("show flask to bert", "Bert takes a swig and hands the flask back."),  # as giving
        ("show crate to bert", "(first taking the crate)\nBert shrugs at the crate."),
        ("yes", "Nobody asked you anything just now."),
        ("y", "Nobody asked you anything just now."),
        ("no", "Nobody was asking."),
        ("sorry", "There is no need to apologise."),
        ("apologise to bert", "There is no need to apologise."),
        ("damn", "Language like that will not help."),
        ("drat", "Quite so."),
        ("consult almanac about frost", "The almanac says the frost comes early this year."),
        ("look up frost in almanac", "The almanac says the frost comes early this year."),
        ("read about frost in crate", "You find nothing about that in the crate."),
        ("consult bert about frost", "You would do better to ask Bert."),
        ("jump over crate", "Jumping over the crate would get you nowhere."),
        ("wave", "You wave. Nobody waves back."),
        ("wave at bert", "You wave at Bert."),
        ("sing", "You sing a few bars, badly. Nobody joins in."),
    ],
)
def test_standard_answers(session: Session, line: str, reply: str) -> None:
    assert play(session, line) == reply


# -- buying -----------------------------------------------------------------------------
def test_buying_is_refused_where_nobody_sells(kitchen: World, tmp_path: Path) -> None:
    """Without the trade extension, buying has only the core's polite refusal; with it,
    trade's answer stands and the core's refusal stands aside."""
    assert play(opened(kitchen, tmp_path / "a"), "buy crate") == "Nothing here is for sale."
    shop = copy.deepcopy(kitchen)
    shop.runtime.clear()
    shop.extensions = ("trade",)
    assert play(opened(shop, tmp_path / "b"), "buy crate") == "There is nobody here to trade with."


# -- responses by name ------------------------------------------------------------------
def test_a_world_replaces_a_response_by_name(kitchen: World, tmp_path: Path) -> None:
    world = copy.deepcopy(kitchen)
    world.runtime.clear()
    world.responses["eating.eaten"] = [
        Variant("Crunch. {The noun} is no more.", {"flag": "hungry"}),
        Variant("You nibble {the noun} away."),
    ]
    world.responses["pushing.fixed"] = [Variant("{The noun} is set in stone.")]
    session = opened(world, tmp_path / "saves")
    assert play(session, "eat apple") == "You nibble the apple away."
    assert play(session, "push post") == "The post is set in stone."
    session.game.state.flags["hungry"] = True
    assert play(session, "eat bread bowl") == "Crunch. The bread bowl is no more."
    assert holder(session, "bowl") is None  # the words changed, not what happens
