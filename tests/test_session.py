"""Saves, restore, undo and again: round trips that must give back the exact state."""

from __future__ import annotations

import json

from tests.helpers import play, walkthrough

from kage import session as session_module
from kage.persist import SaveStore
from kage.persist.snapshots import MAX_SNAPSHOTS
from kage.session import SNAPSHOT_EVERY, UNDO_DEPTH
from kage.world.state import State


def test_undo_many_levels_returns_exact_states(new_session) -> None:
    session = new_session()
    digests = [session.game.state.digest()]
    for line in ["down", "ne", "take all", "wear backpack", "go to ichiraku"]:
        play(session, line)
        digests.append(session.game.state.digest())
    for expected in reversed(digests[:-1]):
        play(session, "undo")
        assert session.game.state.digest() == expected
    assert "nothing to undo" in play(session, "undo")


def test_undo_then_play_matches_a_fresh_replay(new_session) -> None:
    session = new_session()
    play(session, "down", "ne", "take wallet", "undo", "take photo")
    fresh = new_session()
    play(fresh, "down", "ne", "take photo")
    assert session.log == fresh.log
    assert session.game.state.digest() == fresh.game.state.digest()


def test_again_repeats_the_last_command(new_session) -> None:
    session = new_session()
    play(session, "wait")
    minutes = session.game.state.minutes
    text = play(session, "again")
    assert session.game.state.minutes == minutes + 5
    assert "Time passes" in text
    assert session.log[-2:] == ["wait", "wait"]


def test_save_and_restore_round_trip(new_session, tmp_path) -> None:
    session = new_session()
    lines = walkthrough("act1.txt")[:12]
    play(session, *lines)
    saved = session.game.state.digest()
    assert "Saved" in play(session, "save midway")
    play(session, "go to apartment", "take all")
    assert session.game.state.digest() != saved
    text = play(session, "restore midway")
    assert "Restored" in text
    assert session.game.state.digest() == saved
    assert session.log == lines


def test_restore_replays_when_world_files_changed(new_session) -> None:
    session = new_session()
    play(session, "down", "ne", "take wallet")
    play(session, "save x")
    data = session.store.read("x")
    changed = type(data)(**{**data.__dict__, "world_hash": "different", "snapshots": []})
    other = new_session()
    other.restore(changed)
    assert other.game.state.digest() == session.game.state.digest()


def test_snapshots_agree_with_replay(new_session) -> None:
    session = new_session()
    lines = (walkthrough("act1.txt") * 3)[:60]
    play(session, *lines)
    play(session, "save long")
    data = session.store.read("long")
    assert len(data.snapshots) >= 2
    replayed = new_session()
    play(replayed, *data.commands)
    assert replayed.game.state.digest() == session.game.state.digest()


def test_damaged_save_is_reported_and_others_still_load(new_session, tmp_path) -> None:
    session = new_session()
    play(session, "down", "save good", "ne", "save bad")
    bad = session.store.path_for("bad")
    raw = bytearray(bad.read_bytes())
    raw[len(raw) // 2 : len(raw) // 2 + 64] = b"\xff" * 64
    bad.write_bytes(bytes(raw))
    text = play(session, "restore bad")
    assert "damaged" in text or "not a kage save" in text
    assert "Restored" in play(session, "restore good")
    assert session.game.state.holder["naruto"] == "main_street"
    listing = {info.name: info.ok for info in SaveStore(session.store.directory).list()}
    assert listing == {"good": True, "bad": False}


def test_restore_of_missing_save_is_a_clear_message(new_session) -> None:
    session = new_session()
    text = play(session, "restore nosuchsave")
    assert "nosuchsave" in text
    assert session.log == []


def test_restart_begins_again(new_session) -> None:
    session = new_session()
    play(session, "down", "ne")
    text = play(session, "restart", "y")
    assert "BANISHED" in text
    assert session.game.state.holder["naruto"] == "hokage_office"
    assert session.log == []


def test_snapshots_are_taken_every_so_many_turns_and_agree_with_replay(new_session) -> None:
    """Periodic snapshots, checked before any save adds its own snapshot of the end."""
    session = new_session()
    lines = ["wait"] * (2 * SNAPSHOT_EVERY + 1)
    play(session, *lines)
    assert [turn for turn, _ in session.snapshots] == [0, SNAPSHOT_EVERY, 2 * SNAPSHOT_EVERY]
    replayed = new_session()
    for turn, state in session.snapshots[1:]:
        play(replayed, *lines[len(replayed.log) : turn])
        assert State.from_json(json.loads(state)).digest() == replayed.game.state.digest()
    play(session, "save periodic")
    saved = session.store.read("periodic").snapshots
    assert [turn for turn, _ in saved] == [0, SNAPSHOT_EVERY, 2 * SNAPSHOT_EVERY, len(lines)]


def test_snapshots_stay_bounded_in_a_long_game(new_session, monkeypatch) -> None:
    monkeypatch.setattr(session_module, "SNAPSHOT_EVERY", 2)  # a long game, made short
    session = new_session()
    play(session, *["wait"] * (2 * 2 * MAX_SNAPSHOTS + 1))
    turns = [turn for turn, _ in session.snapshots]
    assert len(turns) <= MAX_SNAPSHOTS
    assert turns[0] == 0 and turns[-1] == 4 * MAX_SNAPSHOTS and turns == sorted(turns)
    play(session, "save long")
    assert len(session.store.read("long").snapshots) <= MAX_SNAPSHOTS + 1
    other = new_session()
    play(other, "restore long")
    assert other.game.state.digest() == session.game.state.digest()


def test_undo_reaches_back_exactly_undo_depth_commands(new_session) -> None:
    session = new_session()
    play(session, "down", "ne", "take wallet")
    kept = session.game.state.digest()
    play(session, *["wait"] * UNDO_DEPTH)
    assert len(session.history) == UNDO_DEPTH
    for _ in range(UNDO_DEPTH):
        session.one("undo")
    assert session.game.state.digest() == kept
    assert session.log == ["down", "ne", "take wallet"]
    assert "nothing to undo" in play(session, "undo")
