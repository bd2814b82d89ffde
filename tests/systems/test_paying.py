"""Giving money to someone, in the world's own currency words (ext/trade/paying.py)."""

from __future__ import annotations

from pathlib import Path

from kage import worlds
from kage.game import Game

STEPS = [
    line
    for line in (Path(__file__).parent.parent / "walkthroughs" / "tidebell.txt")
    .read_text()
    .splitlines()
    if line.strip()
]


def at_the_chandlery() -> Game:
    game = Game(worlds.load("tidebell"), seed=0)
    for step in STEPS[: STEPS.index("send ned on an errand")]:
        game.command(step)
    return game


def total(game: Game) -> int:
    return sum(game.state.money.values())


def test_money_given_moves_from_the_purse_to_the_person() -> None:
    game = at_the_chandlery()
    before, all_money = game.state.money.get("ned", 0), total(game)
    assert game.command("give ned 5 shillings").text == "You give Ned Pascoe 5 shillings."
    assert game.command("give 1 shilling to ned").text == "You give Ned Pascoe 1 shilling."
    assert game.state.money.get("ned", 0) == before + 6
    assert total(game) == all_money  # conserved


def test_an_amount_is_asked_for_and_never_more_than_there_is() -> None:
    game = at_the_chandlery()
    assert game.command("give ned some money").text == "How much do you want to give him?"
    before = dict(game.state.money)
    reply = game.command("give 99999 shillings to ned")
    assert reply.text.startswith("You only have") and not reply.acted
    assert game.state.money == before
