"""What a text names is kept per world by the text alone: never what one game knew."""

from __future__ import annotations

from kage import worlds
from kage.game import Game
from kage.parser import mentions
from kage.world import hearing, ops

TEXT = "Far to the west lies Oashisu, a town at the edge of the desert."


def test_a_text_heard_in_one_game_still_reveals_in_another() -> None:
    world = worlds.load("banished")
    first, second = Game(world, seed=1), Game(world, seed=2)
    places = hearing.named_places(first, TEXT)
    assert places  # the text names a place not known from the start
    assert not any(p in second.state.visited for p in places)
    hearing.hear(first, TEXT)
    assert all(first.state.visited.get(p) == -1 for p in places)
    hearing.hear(second, TEXT)  # the same text, met again: from what is kept
    assert all(second.state.visited.get(p) == -1 for p in places)


def test_many_texts_are_forgotten_and_found_again_the_same() -> None:
    world = worlds.load("banished")
    game = Game(world, seed=1)
    before = hearing.named_places(game, TEXT)
    for n in range(hearing.TEXTS_KEPT + 5):  # more texts than are kept
        hearing.named_places(game, f"Nothing at all, number {n}.")
    assert len(world.runtime["hearing.texts"]) <= hearing.TEXTS_KEPT
    assert hearing.named_places(game, TEXT) == before


def test_who_a_reply_names_is_kept_by_the_text_but_chosen_by_who_is_here() -> None:
    world = worlds.load("banished")
    game = Game(world, seed=1)
    tsunade = next(i for i, (pid, _, _) in enumerate(mentions._people(game)[1]) if pid == "tsunade")
    text = "Tsunade looks up from the papers."
    assert tsunade in mentions.named_people(game, text)
    game.state.pronouns.pop("her", None)
    mentions.note(game, text, set())
    assert game.state.pronouns.get("her") == "tsunade"  # she is here, in her office
    other = Game(world, seed=2)
    ops.move(other, other.world.player, "forest_clearing")  # far from her office
    other.state.pronouns.pop("her", None)
    mentions.note(other, text, set())  # the same text, from what is kept
    assert other.state.pronouns.get("her") != "tsunade"


def test_a_word_inside_one_place_s_whole_name_tells_of_no_other() -> None:
    """'Foyer' in 'Foyer of the Opera House' is not the Foyer Bar heard of."""
    game = Game(worlds.load("cloak"), seed=0)
    assert "bar" not in hearing.named_places(game, "Foyer of the Opera House\nA hall.")
    assert hearing.named_places(game, "The Foyer Bar is dark.") == ("bar",)
    assert hearing.named_places(game, "Beyond the foyer, a Bar.") == ("bar",)
