"""The three walkthroughs replayed with the state before each line kept, for tests that
type a phrasing at the point of a step (tests/corpus/replay.py judges "the same")."""

from __future__ import annotations

from tests.corpus.replay import Paraphrase, Replay, read_walkthrough

WALKS = {"banished": "full.txt", "tidebell": "tidebell.txt", "cloak": "cloak.txt"}


def played() -> dict[str, Replay]:
    """Every world's walkthrough played once (the conftest's `replays` fixture)."""
    return {world: Replay(world, walk) for world, walk in WALKS.items()}


def does_the_step(replays: dict[str, Replay], world: str, line: int, text: str) -> bool:
    """Whether `text`, typed just before walkthrough line `line`, does what that line does."""
    step = read_walkthrough(WALKS[world])[line - 1]
    return replays[world].judge(Paraphrase(world, line, step, text)).same


def reply(replays: dict[str, Replay], world: str, line: int, text: str) -> str:
    """What the game says to `text` typed just before walkthrough line `line`."""
    return replays[world].type(line, text).text
