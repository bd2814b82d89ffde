"""Triggers found false are passed over until something they read happens; never wrongly.

With `VERIFY_SKIPS` on, every trigger passed over is asked anyway and an AssertionError is
raised if it holds: a condition kind whose `reads` leave out something it depends on (or a
change made without its event) shows up here as a trigger that should have fired."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.helpers import walkthrough, world_from

from kage import worlds
from kage.game import Game
from kage.systems import scenes
from kage.world import conditions

NEWCOMERS = Path(__file__).parent.parent / "data" / "newcomers"
PLAYS = {"banished": "full.txt", "tidebell": "tidebell.txt"}  # Cloak has no triggers


def commands(world: str) -> list[str]:
    """The walkthrough, then what blind newcomers typed in that world, in their order."""
    lines = walkthrough(PLAYS[world])
    for log in sorted(NEWCOMERS.glob(f"{world}-*.txt")):
        lines += [line for line in log.read_text().splitlines() if line.strip()]
    return lines


@pytest.fixture
def verifying(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(scenes, "VERIFY_SKIPS", True)


@pytest.mark.parametrize("world", sorted(PLAYS))
def test_no_trigger_is_passed_over_while_it_holds(world: str, verifying: None) -> None:
    game = Game(worlds.load(world), seed=3)
    passed_over = 0
    for line in commands(world):
        before = len(game.kept.get("triggers.quiet", {}))
        game.command(line)
        passed_over += before
        if game.state.done:
            game = Game(game.world, seed=3)
    assert passed_over > 0  # the skipping was exercised, not bypassed


def test_a_kind_that_hides_what_it_reads_is_caught(
    verifying: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    world = worlds.load("banished")
    game = Game(world, seed=3)
    flag = game.engine.conditions["flag"]
    monkeypatch.setattr(flag, conditions.READS, frozenset({"nothing.ever"}))
    world.runtime.pop("triggers.plan", None)
    try:
        with pytest.raises(AssertionError, match="passed over but holds"):
            for line in commands("banished"):
                game.command(line)
    finally:
        world.runtime.pop("triggers.plan", None)


def test_triggers_fire_on_the_same_turns_as_asking_every_turn(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    world = worlds.load("banished")

    def fired_by_turn() -> list[tuple[int, str]]:
        game = Game(world, seed=5)
        for line in commands("banished"):
            game.command(line)
        ids = {t.id for t in world.triggers}  # the log keeps recent turns only: ask the state
        return sorted((minute, tid) for tid, minute in game.state.fired.items() if tid in ids)

    skipping = fired_by_turn()
    # every trigger reading "cannot say": asked every turn, as before triggers were woken
    monkeypatch.setattr(scenes, "plan", lambda game: [(t, None, False) for t in world.triggers])
    assert fired_by_turn() == skipping
    assert len(skipping) >= 10


def test_a_trigger_on_the_clock_wakes_when_only_time_passes(verifying: None) -> None:
    game = Game(worlds.load("banished"), seed=3)
    for _ in range(30):  # standing in the office while the deadline comes on
        game.command("wait 1 hour")
    assert "last_day_morning" in game.state.fired


CHAIN = """
world: {id: chain, title: "Chain", intro: "A yard.", player: hero, start_time: "0060-10-10T04:00"}
places:
  - id: yard
    name: "the yard"
    exits: {east: shop}
  - id: shop
    name: "the shop"
    exits: {west: yard}
people:
  - id: hero
    name: "Hero"
    gender: him
    at: yard
triggers:
  - id: bell
    when: {at: shop}
    effects:
      - set: {rung: true}
  - id: echo
    when: {flag: rung}
    effects:
      - set: {echoed: true}
endings:
  - {id: never, when: {flag: never_set}, won: true, text: "The end."}
"""


def test_a_trigger_woken_by_an_earlier_one_fires_in_the_same_pass(
    tmp_path_factory: pytest.TempPathFactory, verifying: None
) -> None:
    game = Game(world_from(tmp_path_factory, "chain", CHAIN))
    game.command("wait")  # both asked and found false: both quiet now
    game.command("east")
    assert game.state.fired.get("bell") == game.state.fired.get("echo") is not None
