"""DIAGNOSE / STATUS: how the player is, from every extension that keeps a body, in no time."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from kage import worlds
from kage.session import Session

WALKTHROUGH = Path(__file__).parents[1] / "walkthroughs" / "full.txt"


def _session(world: str, lines: int = 0) -> Session:
    session = Session(worlds.load(world), 0, saves=Path(tempfile.mkdtemp()))
    session.opening()
    for line in WALKTHROUGH.read_text(encoding="utf-8").splitlines()[:lines]:
        session.step(line)
    return session


@pytest.mark.parametrize("said", ["diagnose", "status", "stats", "health", "how am i"])
def test_a_world_with_no_bodies_says_the_player_is_well(said: str) -> None:
    session = _session("cloak")
    (step,) = session.step(said)
    assert step.text == "You are in good health." and not step.failure


def test_banished_tells_chakra_training_and_what_ails_him() -> None:
    session = _session("banished", 40)
    turn, minutes = session.game.state.turn, session.game.state.minutes
    (step,) = session.step("diagnose")
    assert step.text.startswith("You are bruised, covered in an itching rash")
    assert "Your chakra: 297 of 319." in step.text
    assert "Your training: genjutsu 44, stealth 38, taijutsu 50." in step.text
    assert "good health" not in step.text and "chakra max" not in step.text
    assert (session.game.state.turn, session.game.state.minutes) == (turn, minutes)


def test_at_the_start_nothing_ails_him() -> None:
    (step,) = _session("banished").step("status")
    assert not step.text.startswith("You are") and step.text.startswith("Your chakra:")
