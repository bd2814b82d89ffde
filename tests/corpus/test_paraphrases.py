"""Paraphrases of the walkthroughs' steps do what their steps do (issue 10), and the
harness that judges them judges rightly. See tests/corpus/replay.py for what "does the
same" means; `python benchmarks/paraphrases.py` lists every failure by reason."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.corpus.replay import (
    CRASH,
    ELSE,
    NOT_UNDERSTOOD,
    NOTHING,
    PARAPHRASES,
    UNKNOWN_WORD,
    Paraphrase,
    Replay,
    Verdict,
    judge_all,
    load,
)

# The share of each world's paraphrases (in whole percent, rounded down) that must do what
# their step does: the rate measured when the paraphrases were written. Issue 10's target
# is 97% for every world. This is a ratchet: when the parser gets better, raise the
# number to the new measured rate; never lower it.
FLOOR = {"banished": 98, "tidebell": 99, "cloak": 99}
AT_LEAST = {"banished": 600, "tidebell": 315, "cloak": 100}  # paraphrases per file
FILES = sorted(PARAPHRASES.glob("*.yaml"))


@pytest.fixture(scope="module")
def replays() -> Iterator[dict[str, tuple[Replay, list[Paraphrase]]]]:
    made: dict[str, tuple[Replay, list[Paraphrase]]] = {}
    for path in FILES:
        world, walk, paraphrases = load(path)
        made[world] = (Replay(world, walk), paraphrases)
    yield made
    for replay, _ in made.values():
        replay.close()


@pytest.fixture(scope="module")
def verdicts(replays: dict[str, tuple[Replay, list[Paraphrase]]]) -> dict[str, list[Verdict]]:
    return {world: [r.judge(p) for p in ps] for world, (r, ps) in replays.items()}


def test_every_world_has_its_paraphrases() -> None:
    for world, least in AT_LEAST.items():
        found, _, paraphrases = load(PARAPHRASES / f"{world}.yaml")
        assert found == world
        assert len(paraphrases) >= least
        texts = [(p.line, p.text) for p in paraphrases]
        assert len(set(texts)) == len(texts), "a paraphrase is listed twice for its step"
        assert all(p.text != p.step for p in paraphrases), "a paraphrase is its step"


@pytest.mark.parametrize("world", sorted(FLOOR))
def test_match_rate_does_not_fall(verdicts: dict[str, list[Verdict]], world: str) -> None:
    judged = verdicts[world]
    rate = 100 * sum(v.same for v in judged) / len(judged)
    assert rate >= FLOOR[world], (
        f"{world}: {rate:.1f}% of paraphrases do what their step does, below the floor of "
        f"{FLOOR[world]}% (run benchmarks/paraphrases.py {world} for the failures)"
    )


# Held-out batches (tests/data/paraphrases/heldout-*): written fresh, measured before
# any fix of their session (the figure is in each batch's README), and held here after
# the fixes at the rate then measured, in whole percent rounded down. A ratchet too.
HELD_OUT_FLOOR = {
    "heldout-1203": 100,  # 233 of 233 after par10c (207 before: 88.8%)
    "heldout-1203b": 95,  # before any fix: 232 of 248 (93.5%); after par10c: 238 (95.97%)
}


@pytest.mark.parametrize("batch", sorted(HELD_OUT_FLOOR))
def test_held_out_paraphrases_stay_done(batch: str) -> None:
    judged = [
        v for vs in judge_all(sorted((PARAPHRASES / batch).glob("*.yaml"))).values() for v in vs
    ]
    assert len(judged) >= 200
    rate = 100 * sum(v.same for v in judged) / len(judged)
    assert rate >= HELD_OUT_FLOOR[batch], (
        f"{batch}: {rate:.1f}% of held-out paraphrases do what their step does, below "
        f"{HELD_OUT_FLOOR[batch]}% (benchmarks/paraphrases.py {batch}/WORLD lists them)"
    )


def test_no_paraphrase_crashes_the_engine(verdicts: dict[str, list[Verdict]]) -> None:
    crashed = [v.paraphrase.text for vs in verdicts.values() for v in vs if v.reason == CRASH]
    assert not crashed


# -- the harness itself ---------------------------------------------------------------


@pytest.mark.parametrize("world", sorted(AT_LEAST))
def test_a_step_from_its_snapshot_plays_as_in_the_walkthrough(
    replays: dict[str, tuple[Replay, list[Paraphrase]]], world: str
) -> None:
    """Restoring the state kept before a line and typing the line there gives the state
    the unbroken walkthrough reached: the snapshots stand in for replaying."""
    replay, _ = replays[world]
    for number, line in enumerate(replay.lines, 1):
        if line.strip():
            assert replay.plain(number).state == replay.after_walkthrough[number], number


@pytest.mark.parametrize(
    ("world", "line"),
    [("banished", 14), ("banished", 20), ("banished", 36), ("tidebell", 1), ("cloak", 3)],
)
def test_the_plain_step_itself_counts_as_the_same(
    replays: dict[str, tuple[Replay, list[Paraphrase]]], world: str, line: int
) -> None:
    replay, _ = replays[world]
    step = replay.lines[line - 1]
    verdict = replay.judge(Paraphrase(world, line, step, step))
    assert verdict.same and verdict.reason == ""


def test_a_misspelling_read_rightly_does_the_step(
    replays: dict[str, tuple[Replay, list[Paraphrase]]],
) -> None:
    """The parser's note of a corrected word is how it read the words, not what the
    step did: "x yoek" examines the yoke as "x yoke" does."""
    replay, _ = replays["tidebell"]
    verdict = replay.judge(Paraphrase("tidebell", 1, "x yoke", "x yoek"))
    assert "(I took 'yoek' to mean 'yoke'.)" in verdict.reply
    assert verdict.same, verdict.reply


@pytest.mark.parametrize(
    ("world", "line", "text", "reason"),
    [
        ("banished", 14, "take backpack", ELSE),  # takes one thing where the step takes all
        ("banished", 20, "n", ELSE),  # back up the street instead of out of the gate
        ("banished", 24, "train for 3 weeks", ELSE),  # a week too long
        ("banished", 24, "frobnicate the loot", UNKNOWN_WORD),
        ("cloak", 5, "hang", NOT_UNDERSTOOD),  # "What do you want to hang?"
        ("tidebell", 2, "take the moon", UNKNOWN_WORD),
        ("tidebell", 1, "x ropw", NOTHING),  # read rightly as "rope": not the yoke
        ("tidebell", 22, "take the yoke", NOTHING),
        # steps that change nothing but the clock: only the reply tells one from another
        ("cloak", 3, "x cloak", NOTHING),
        ("tidebell", 1, "look", NOTHING),
        ("banished", 4, "ask tsunade about the vote", NOTHING),
        # a step refused without a trace: a line not understood leaves the same state
        ("cloak", 1, "hang", NOT_UNDERSTOOD),
    ],
)
def test_a_different_command_counts_as_different(
    replays: dict[str, tuple[Replay, list[Paraphrase]]],
    world: str,
    line: int,
    text: str,
    reason: str,
) -> None:
    replay, _ = replays[world]
    verdict = replay.judge(Paraphrase(world, line, replay.lines[line - 1], text))
    assert not verdict.same
    assert verdict.reason == reason, verdict.reply


def test_a_file_whose_step_is_not_the_walkthrough_line_is_refused(tmp_path: Path) -> None:
    wrong = tmp_path / "wrong.yaml"
    wrong.write_text(
        "world: cloak\nwalkthrough: cloak.txt\nsteps:\n"
        "  - line: 2\n    step: n\n    paraphrases: [go north]\n"
    )
    with pytest.raises(ValueError, match="line 2 of cloak.txt is not 'n'"):
        load(wrong)
