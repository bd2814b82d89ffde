"""Commands people type that name things loosely: a person by a word that is not one of
theirs, a gift with no one named to take it, a title shared with a thing, a closing
phrase that only says where the thing is, a verb whose target is only scenery."""

from __future__ import annotations

from pathlib import Path

from kage import worlds
from kage.game import Game

WALKTHROUGHS = Path(__file__).parent.parent / "walkthroughs"


def played(world: str, walkthrough: str, until: str) -> Game:
    steps = [s for s in (WALKTHROUGHS / walkthrough).read_text().splitlines() if s.strip()]
    game = Game(worlds.load(world), seed=0)
    for step in steps[: steps.index(until)]:
        game.command(step)
    return game


def banished(until: str) -> Game:
    return played("banished", "full.txt", until)


def test_a_person_described_by_a_word_not_theirs_is_the_one_here_it_names() -> None:
    game = banished("hug him")  # Iruka is "sensei" and "teacher", never "old"
    assert "Iruka hugs you back" in game.command("hug my old teacher").text


def test_a_slot_for_someone_prefers_a_person_to_a_thing_of_the_same_name() -> None:
    game = banished("give necklace to tsunade")  # the First Hokage's necklace; the Hokage
    reply = game.command("give necklace to the hokage")
    assert "can only give things to people" not in reply.text
    assert not reply.failure


def test_a_gift_goes_to_the_one_person_here() -> None:
    game = banished("give headband to tsunade")
    reply = game.command("hand over my headband")
    assert reply.text.startswith("(to Tsunade)"), reply.text
    assert "headband" not in [e for e, h in game.state.holder.items() if h == "player"]


def test_a_closing_phrase_of_place_is_left_out() -> None:
    game = played("tidebell", "tidebell.txt", "x coat")
    looked = game.command("look at the coat on the nail")
    assert looked.text == Game(game.world, state=game.state.copy()).command("x coat").text


def test_a_word_not_known_that_only_describes_is_left_out_and_said_so() -> None:
    game = banished("go to gate")
    reply = game.command("go to the front gate")
    assert reply.text.startswith("(I don't know the word 'front', so I left it out.)")
    assert "main gate" in reply.text.lower() and not reply.failure


def test_a_thing_put_with_nowhere_named_goes_on_the_one_place_for_it() -> None:
    game = played("cloak", "cloak.txt", "hang cloak on hook")
    reply = game.command("hang up the cloak")
    assert reply.text.startswith("(on the small brass hook)"), reply.text
    assert game.state.holder["cloak"] == "hook"


def test_sneaking_goes_a_way_like_walking() -> None:
    game = played("tidebell", "tidebell.txt", "send ned on an errand")
    game.command("send ned on an errand")  # then into the chandlery's back room, west
    walked = Game(game.world, state=game.state.copy())
    walked.command("w")
    game.command("sneak into the back room")
    assert game.state.holder[game.world.player] == walked.state.holder[game.world.player]
    assert game.state.holder[game.world.player] != "chandlery"


def test_of_two_people_the_words_of_one_description_pick_him() -> None:
    game = banished("knock out dozing gangster")
    reply = game.command("knock the sleeping gangster out")
    assert reply.acted and not reply.failure, reply.text


def test_a_slip_in_a_name_searched_for_is_passed_over() -> None:
    game = banished("search for boy")
    assert "skinny boy" in game.command("search for teh boy").text


def test_words_said_freely_that_hold_a_phrase_the_world_listens_for() -> None:
    game = banished("say I'm lost")
    reply = game.command("say hello, i'm lost")
    plain = Game(game.world, state=banished("say I'm lost").state.copy()).command("say I'm lost")
    assert reply.text == plain.text and "to nobody in particular" not in reply.text


def test_how_much_of_a_thing_is_read_past_to_the_thing() -> None:
    game = banished("eat ramen")
    plain = Game(game.world, state=game.state.copy()).command("eat ramen").text
    assert game.command("eat a helping of ramen").text == plain


def test_walking_down_to_a_place_is_going_there() -> None:
    game = played("tidebell", "tidebell.txt", "sw")
    walked = Game(game.world, state=game.state.copy())
    walked.command("sw")
    game.command("walk down to the dunes")
    assert game.state.holder[game.world.player] == walked.state.holder[game.world.player]


def test_giving_a_thing_to_look_at_is_showing_it() -> None:
    game = played("tidebell", "tidebell.txt", "show rope to marta")
    shown = Game(game.world, state=game.state.copy()).command("show rope to marta").text
    assert game.command("give marta the rope to look at").text == shown
