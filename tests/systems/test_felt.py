"""What the player has about him that is no thing in the world: "x rash" (body's statuses
through the `felt` hook the parser asks)."""

from __future__ import annotations

from kage import worlds
from kage.ext.body import status
from kage.game import Game


def test_a_status_the_player_has_can_be_looked_at_and_not_handled() -> None:
    game = Game(worlds.load("banished"), seed=0)
    game.take_output()
    assert game.command("x rash").failure == "parser.unknown_word"  # no rash yet
    status.give(game, "naruto", "rash")
    game.take_output()
    looked = game.command("x the rash")
    assert looked.text == "You are covered in an itching rash." and not looked.failure
    assert game.command("scratch my rash").text == "That won't make it go away."
    status.end(game, "naruto", "rash")
    game.take_output()
    assert game.command("x rash").failure == "parser.unknown_word"  # gone again
