"""What a session holds stays bounded however long it plays: undo keeps what each
command changed (not a copy of the state), the event log a window of recent turns, the
snapshots a bounded few, held packed; and warming up pays the first step's costs."""

from __future__ import annotations

import pickle
import subprocess
import sys

from tests.helpers import play, walkthrough

from kage.game import EVENT_MOST, EVENT_TURNS
from kage.persist.snapshots import pack, unpack
from kage.session import SESSION_SNAPSHOTS, UNDO_DEPTH
from kage.world.delta import diff, revert

PADDING = ("look", "inventory", "examine me", "wait")


def _long_game(session, turns: int) -> None:  # type: ignore[no-untyped-def]
    """The walkthrough with cheap commands between its lines, up to `turns` commands."""
    lines = walkthrough("full.txt")
    per = max(0, turns // len(lines) - 1)
    for line in lines:
        play(session, line)
        for n in range(per):
            play(session, PADDING[n % len(PADDING)])


def test_undo_holds_changes_not_copies_of_the_state(new_session) -> None:
    session = new_session()
    _long_game(session, 600)
    assert len(session.history) == UNDO_DEPTH
    held = len(pickle.dumps([delta for delta, _, _ in session.history]))
    state = len(pickle.dumps(session.game.state))
    # a copy of the state per step would be UNDO_DEPTH states; the changes are a few
    assert held < 4 * state, (held, state)


def test_undo_back_through_a_long_game_gives_every_state_exactly(new_session) -> None:
    """Order included: the JSON of the state (dicts in their order) at each step."""
    session = new_session()
    seen = [session.game.state.dumps()]
    for line in walkthrough("full.txt")[:40]:
        play(session, line)
        if seen[-1] != session.game.state.dumps() and len(session.log) == len(seen):
            seen.append(session.game.state.dumps())
    while len(seen) > 1 and session.history:
        play(session, "undo")
        seen.pop()
        assert session.game.state.dumps() == seen[-1]


def test_a_change_that_loses_a_key_is_undone_in_the_old_order(new_session) -> None:
    game = new_session().game
    before = game.state.copy()
    holder = game.state.holder
    first = next(iter(holder))
    place = holder.pop(first)  # gone, then back: now last, no longer first
    holder[first] = place
    game.state.flags["new"] = 1
    after = game.state.copy()
    revert(after, diff(before, game.state))
    assert after.dumps() == before.dumps()
    assert list(after.holder) == list(before.holder)


def test_undo_after_the_state_was_set_from_outside_has_nothing_to_take_back(
    new_session,
) -> None:
    session = new_session()
    play(session, "down", "ne")
    session.game.set_state(session.game.state.copy())  # as an agent's set_state does
    assert "nothing to undo" in play(session, "undo").lower()


def test_the_event_log_holds_a_window_but_counts_every_event(new_session) -> None:
    session = new_session()
    game = session.game
    counts = []
    for line in walkthrough("full.txt"):
        play(session, line)
        counts.append(len(game.log))
        assert game.log.held <= max(EVENT_MOST, 60)
        assert all(e.turn >= game.state.turn - EVENT_TURNS - 1 for e in game.log)
    assert counts == sorted(counts)
    assert counts[-1] > game.log.held  # events were dropped, the numbering went on
    first = len(game.log)
    play(session, "wait")
    assert all(e.turn == game.state.turn for e in game.log[first:])


def test_snapshots_are_few_and_packed(new_session) -> None:
    session = new_session()
    _long_game(session, 2 * 50 * SESSION_SNAPSHOTS)
    assert len(session._packed) <= SESSION_SNAPSHOTS
    packed = sum(len(p) for _, p in session._packed)
    plain = sum(len(text) for _, text in session.snapshots)
    assert packed * 2 < plain
    assert unpack(pack(session.snapshots[-1][1])) == session.snapshots[-1][1]


def test_warming_up_imports_what_the_first_step_would() -> None:
    code = (
        "import sys, kage; kage.warm_up('banished');"
        "print('kage.parser.parser' in sys.modules, 'numpy' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.split() == ["True", "True"]
