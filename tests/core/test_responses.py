"""Named responses: defaults, placeholders, and a world's replacement by name."""

from __future__ import annotations

import pytest

from kage.actions.pipeline import Action
from kage.core.responses import RESPONSES, placeholders, response
from kage.game import Game
from kage.world.model import Variant
from kage.worlds import load


@pytest.fixture(scope="module")
def game() -> Game:
    return Game(load("banished"), seed=0)


SAMPLE = response("testing.sample", "You poke {the noun}; {The noun} ignores {player}.")


def test_default_fills_the_action_words(game: Game) -> None:
    said = SAMPLE(game, Action("poke", noun="tsunade"))
    assert said == "You poke Tsunade; Tsunade ignores Naruto Uzumaki."


def test_declared_responses_are_listed() -> None:
    assert RESPONSES["testing.sample"] is SAMPLE
    with pytest.raises(ValueError):
        response("testing.sample", "Something else.")


def test_world_replacement_wins_and_keeps_placeholders(game: Game) -> None:
    game.world.responses["testing.sample"] = [
        Variant("Not now.", {"flag": "never_set"}),
        Variant("{A second} and {number} and {price}."),
    ]
    try:
        said = SAMPLE(game, Action("poke", second="headband", number=3), price=12)
    finally:
        del game.world.responses["testing.sample"]
    assert said.endswith(" and 3 and 12.")
    assert said.startswith("A ") and "headband" in said


def test_unknown_placeholders_are_left_and_listed(game: Game) -> None:
    text = "{nonsense} stays; {{provider:x}} is not a placeholder."
    assert placeholders(text) == ["nonsense"]
    assert response("testing.raw", text)(game).startswith("{nonsense} stays")


SLOT_ONLY = response("testing.slot_only", "{reason}", "reason")


def test_only_asked_whether_something_is_said_a_response_is_not_filled(game: Game) -> None:
    """While `pipeline.applies` asks (game.dry), a response that says something whatever
    its slots hold is left unfilled; one that may say nothing is filled, so an empty
    refusal is still no refusal."""
    poke = Action("poke", noun="tsunade")
    game.dry += 1
    try:
        assert SAMPLE(game, poke) == SAMPLE.default
        assert SLOT_ONLY(game, reason="") == ""
        assert SLOT_ONLY(game, reason="Too late.") == "Too late."
    finally:
        game.dry -= 1
    assert SAMPLE(game, poke) != SAMPLE.default
