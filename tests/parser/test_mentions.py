"""People a reply names become what "him", "her" and "them" mean (parser/mentions.py)."""

from __future__ import annotations

from pathlib import Path

from kage import worlds
from kage.game import Game
from kage.world import query

WALKTHROUGH = Path(__file__).parent.parent / "walkthroughs" / "full.txt"
STEPS = [line for line in WALKTHROUGH.read_text().splitlines() if line.strip()]


def played_until(command: str) -> Game:
    """Banished, played up to (not including) the walkthrough's first `command`."""
    game = Game(worlds.load("banished"), seed=0)
    for step in STEPS[: STEPS.index(command)]:
        game.command(step)
    return game


def test_the_person_a_reply_names_is_him() -> None:
    game = played_until("follow boy")  # the reply before: "There: the skinny boy, ..."
    assert game.state.pronouns["him"] == "kai"  # the skinny boy, as yet unnamed
    assert "follow the skinny boy" in game.command("follow him").text


def test_the_first_named_wins_and_the_command_outranks_the_reply() -> None:
    game = played_until("forgive kai")  # "ask kotomi about the wallet" named Kotomi
    her, him = game.state.pronouns["her"], game.state.pronouns["him"]
    assert her == "kotomi"  # the command named her; the reply's "her son" changes nothing
    assert him == "kai"  # "She holds out her hand to Kai"
    reply = game.command("forgive him")
    assert "Water under the bridge" in reply.text


def test_someone_only_talked_about_changes_nothing() -> None:
    steps = [
        line
        for line in (WALKTHROUGH.parent / "tidebell.txt").read_text().splitlines()
        if line.strip()
    ]
    game = Game(worlds.load("tidebell"), seed=0)
    for step in steps[: steps.index("ask agnes about the vote")]:
        game.command(step)
    her = game.state.pronouns["her"]
    assert query.place_of(game, her) == query.here(game), her  # not Marta, talked of
