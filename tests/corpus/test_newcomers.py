"""The newcomer corpus: commands typed blind, replayed, with the failure rate held.

Issue 10's target is that at most 3% of a newcomer's commands end in a parser or scope
failure. RATCHET is the rate measured on the corpus now; it may only go down as the
parser learns (`python benchmarks/newcomers.py` shows the rate and the failures).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kage import worlds
from kage.session import Session
from kage.tools.corpus import Tally, replay, world_of

CORPUS = Path(__file__).resolve().parent.parent / "data" / "newcomers"
LOGS = sorted(CORPUS.glob("*.txt"))
# 2.6% (48 of 1,858). The corpus grew on 2026-12-03 by three held-out blind logs (the
# -c logs, 454 commands, 2.0% before that session's fixes); the logs before them fail
# less than before (32 of 1,404, was 34). Ten of the -c failures are one log derailed:
# "how about 3500?" now haggles, so the player's repeat offer ends the sale and what he
# typed next was for a game where it went through.
# par10c: 46 of 1,858 (2.48%); one new failure is a better answer ("send the clones to
# scout ahead" was read as END, which dispelled the clones; now 'scout' is unknown).
# With the held-out -d logs of 2026-12-03 evening (1,301 commands; 64 failed, 4.9%, on main
# before that session's parser fixes, 53 after): 101 of 3,159 (3.2%) in all.
RATCHET = 0.0320


def test_the_corpus_holds_logs_of_every_kind_named() -> None:
    assert len(LOGS) >= 2
    for log in LOGS:
        assert world_of(log) in worlds.bundled(), log.name


def test_newcomers_fail_no_more_often_than_before() -> None:
    tally = Tally()
    for log in LOGS:
        tally.add(replay(worlds.load(world_of(log)), log.read_text(encoding="utf-8").splitlines()))
    assert tally.commands > 400
    assert tally.rate <= RATCHET, (
        f"{tally.failed} of {tally.commands} newcomer commands failed ({tally.rate:.1%}): "
        f"{tally.failures.most_common(5)}"
    )


@pytest.mark.parametrize(
    ("command", "failure"),
    [
        ("look", ""),
        ("x desk", ""),
        ("xyzzy", "parser.not_a_verb"),
        ("x frobnitz", "parser.unknown_word"),
        ("take the sword", "parser.cant_see"),
        ("x sake bottle", ""),
        ("take the sake bottle", ""),  # "That's hardly portable."
        ("burn the sake bottle", "parser.scenery"),
        ("go to narnia", "parser.unknown_word"),
        ("talk to the shopkeeper", "parser.nobody"),
        ("wait 3 sword", "parser.not_a_unit"),
        ("", "parser.pardon"),
    ],
)
def test_each_turn_says_whether_it_was_answered(command: str, failure: str, tmp_path: Path) -> None:
    session = Session(worlds.load("banished"), 0, saves=tmp_path)
    steps = session.step(command) if command else [session.one(command)]
    assert [s.failure for s in steps] == [failure]


def test_a_vague_response_counts_as_a_failure(tmp_path: Path) -> None:
    session = Session(worlds.load("banished"), 0, saves=tmp_path)
    played = replay(session.world, ["push necklace", "decline to help"])
    assert [p.failure for p in played] == ["pushing.done", "interacting.nothing"]


def test_the_json_turn_names_the_failure(tmp_path: Path) -> None:
    from kage.interfaces.jsonplay import record

    session = Session(worlds.load("banished"), 0, saves=tmp_path)
    (step,) = session.step("x xyzzy")
    assert json.loads(json.dumps(record(session, step, 1)))["failure"] == "parser.unknown_word"
