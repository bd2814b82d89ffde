"""Same seed and same commands give the same transcript and the same state, always."""

from __future__ import annotations

from tests.helpers import play, walkthrough


def transcript(new_session, seed: int, lines: list[str]) -> tuple[str, str]:
    session = new_session(seed)
    return play(session, *lines), session.game.state.digest()


def test_same_seed_same_commands_same_transcript(new_session) -> None:
    lines = walkthrough("act1.txt")
    first = transcript(new_session, 7, lines)
    second = transcript(new_session, 7, lines)
    assert first == second


def test_different_commands_differ(new_session) -> None:
    lines = walkthrough("act1.txt")
    assert transcript(new_session, 7, lines) != transcript(new_session, 7, lines[:-1])


def test_seed_changes_the_random_stream(new_session) -> None:
    a, b = new_session(1), new_session(2)
    assert [a.game.random() for _ in range(5)] != [b.game.random() for _ in range(5)]
    c, d = new_session(1), new_session(1)
    assert [c.game.random() for _ in range(5)] == [d.game.random() for _ in range(5)]
