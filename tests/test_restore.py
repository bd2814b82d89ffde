"""Restore: keyed by world, true to the save's seed, never harming the game in play, and
able to restore what an upgraded engine can no longer load from a snapshot."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from tests.helpers import opened, play, world_from

from kage import __version__, restoring
from kage import session as session_module
from kage.actions import describe
from kage.game import Game
from kage.persist import SaveData
from kage.restoring import RestoreError, rebuild, snapshot_state
from kage.session import Session
from kage.world.model import World
from kage.world.state import STATE_VERSION

WORLD = """
world: {{id: {id}, title: "{title}", intro: "You wake in {title}.", player: hero}}
places:
  - id: yard
    name: "the {title} yard"
    nouns: [yard]
    exits: {{north: hall}}
  - id: hall
    name: "the {title} hall"
    nouns: [hall]
    exits: {{south: yard}}
people:
  - id: hero
    name: "Hero"
    nouns: [hero, me]
    gender: him
    at: yard
endings:
  - {{id: never, when: {{flag: never_set}}, won: true, text: "The end."}}
"""


@pytest.fixture(scope="module")
def alpha(tmp_path_factory: pytest.TempPathFactory) -> World:
    return world_from(tmp_path_factory, "alpha", WORLD.format(id="alpha", title="Alpha"))


@pytest.fixture(scope="module")
def beta(tmp_path_factory: pytest.TempPathFactory) -> World:
    return world_from(tmp_path_factory, "beta", WORLD.format(id="beta", title="Beta"))


# --- saves are keyed by world -------------------------------------------------------


def test_same_name_in_two_worlds_are_two_saves(alpha: World, beta: World, tmp_path: Path) -> None:
    one, two = opened(alpha, tmp_path), opened(beta, tmp_path)
    play(one, "north", "save x")
    play(two, "save x")
    play(one, "south")
    play(two, "north")
    assert "Restored" in play(one, "restore x") and one.game.state.holder["hero"] == "hall"
    assert "Restored" in play(two, "restore x") and two.game.state.holder["hero"] == "yard"


def test_restore_of_another_worlds_save_is_refused(
    alpha: World, beta: World, tmp_path: Path
) -> None:
    play(opened(alpha, tmp_path), "north", "save only in alpha")
    session = opened(beta, tmp_path)
    play(session, "north")
    before = session.game.state.digest()
    reply = play(session, "restore only in alpha")
    assert reply == (
        "Not restored: This world (beta) has no save named 'only in alpha'; alpha has one."
    )
    assert session.game.state.digest() == before and session.log == ["north"]


def test_another_worlds_save_file_moved_in_by_hand_is_refused(
    alpha: World, beta: World, tmp_path: Path
) -> None:
    source = opened(alpha, tmp_path)
    play(source, "north", "save moved")
    session = opened(beta, tmp_path)
    session.store.directory.mkdir()
    shutil.copy(source.store.path_for("moved"), session.store.path_for("moved"))
    before = session.game.state.digest()
    reply = play(session, "restore moved")
    assert "Not restored" in reply and "a save of the world 'alpha'" in reply
    assert session.game.state.digest() == before
    assert session.world.id == "beta" and session.log == []


def test_saves_lists_each_world_with_place_and_times(
    alpha: World, beta: World, tmp_path: Path
) -> None:
    play(opened(alpha, tmp_path), "north", "wait", "save first")
    session = opened(beta, tmp_path)
    play(session, "save second")
    lines = play(session, "saves").splitlines()
    assert lines[0] == "Saves:"
    assert lines[1] == "beta (this world):"  # this world first
    assert lines[2].startswith("  'second': the Beta yard, ")
    assert lines[3] == "alpha:"
    assert lines[4].startswith("  'first': the Alpha hall, ")
    written = session.store.read("second").created.replace("T", " ").replace("+00:00", " UTC")
    assert lines[2].endswith(f", turn 0; saved {written}")
    alpha_clock = Game(alpha).clock.replace("T", " ")
    assert alpha_clock not in lines[4]  # the in-game time moved on with the wait


def test_a_loose_save_from_before_world_folders_still_restores(
    alpha: World, tmp_path: Path
) -> None:
    session = opened(alpha, tmp_path)
    play(session, "north", "save old")
    loose = tmp_path / session.store.path_for("old").name
    session.store.path_for("old").rename(loose)  # where format-1 saves used to lie
    play(session, "south")
    assert "Restored 'old'" in play(session, "restore old")
    assert session.game.state.holder["hero"] == "hall"
    assert "'old': the Alpha hall" in play(session, "saves")


# --- the seed ------------------------------------------------------------------------


def test_restore_takes_the_saves_seed(new_session) -> None:
    seeded = new_session(seed=7)
    play(seeded, "down", "ne", "take all", "save seeded")
    data = seeded.store.read("seeded")
    session = new_session(seed=0)
    assert "Restored" in play(session, "restore seeded")
    assert session.seed == 7
    assert session.game.state.digest() == seeded.game.state.digest()
    # Replayed from the log (no usable snapshot), the seed must still be the save's.
    replayed = new_session(seed=0)
    replayed.restore(replace(data, world_hash="changed", snapshots=[]))
    assert replayed.game.state.digest() == seeded.game.state.digest()
    play(session, "restart", "y")
    assert session.game.state.digest() == Game(session.world, 7).state.digest()


# --- snapshots that do not fit this engine ----------------------------------------


def with_snapshot(data: SaveData, change: dict[str, object]) -> SaveData:
    """The save with its newest snapshot changed, as an engine of another state
    layout would have written it (a valid save: its checksum is computed anew)."""
    turn, text = data.snapshots[-1]
    state = {**json.loads(text), **change}
    return replace(data, snapshots=[*data.snapshots[:-1], (turn, json.dumps(state))])


@pytest.mark.parametrize(
    "change",
    [
        {"version": STATE_VERSION + 1},
        {"version": STATE_VERSION + 1, "holder": [], "new_field": {}},
        {"holder": ["not", "a", "mapping"]},
        {"holder": {}},  # the right shape, but nobody anywhere: replaying is the cure
        {"new_field": 1},
    ],
)
def test_a_snapshot_that_does_not_fit_is_replayed(new_session, change: dict) -> None:
    session = new_session()
    play(session, "down", "ne", "take wallet", "save up")
    expected = session.game.state.digest()
    session.store.write(with_snapshot(session.store.read("up"), change))
    other = new_session()
    play(other, "wait")
    reply = play(other, "restore up")
    assert (
        "[Restored 'up'. Its snapshot did not fit this kage or world: replayed 3 commands.]"
        in reply
    )
    assert other.game.state.digest() == expected
    assert other.log == ["down", "ne", "take wallet"]


def test_a_newer_engines_unreadable_save_is_refused_and_the_game_goes_on(new_session) -> None:
    session = new_session()
    play(session, "down", "ne", "save newer")
    data = session.store.read("newer")
    newer = replace(with_snapshot(data, {"version": STATE_VERSION + 1}), engine_version="99.0.0")
    session.store.write(newer)
    other = new_session()
    play(other, "down", "wait")
    before, log = other.game.state.digest(), list(other.log)
    reply = play(other, "restore newer")
    assert "Not restored" in reply and "kage 99.0.0" in reply and __version__ in reply
    assert other.game.state.digest() == before and other.log == log
    assert "wait" in play(other, "undo")  # the game in play, undo and all, is intact


def test_a_replay_that_fails_is_refused_and_the_game_goes_on(
    banished: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Fault injection: a command of the log raises while it is replayed."""
    session = Session(banished, saves=tmp_path, strict=False)
    session.opening()
    play(session, "down", "ne", "save broken")
    data = session.store.read("broken")
    session.store.write(replace(data, world_hash="other files", snapshots=[]))
    play(session, "take wallet")
    before, log = session.game.state.digest(), list(session.log)

    real = Game.command

    def failing(game: Game, command: str):  # noqa: ANN202
        if command == "ne":
            raise RuntimeError("planted failure")
        return real(game, command)

    monkeypatch.setattr(Game, "command", failing)
    reply = play(session, "restore broken")
    assert reply == (
        "Not restored: 'broken' could not be replayed: its command 2 ('ne') failed with "
        "RuntimeError: planted failure. The game in play goes on unchanged."
    )
    with pytest.raises(RestoreError):  # rebuilding is not strict unless asked to be
        rebuild(banished, session.store.read("broken"))
    assert session.game.state.digest() == before and session.log == log

    strict = Session(banished, saves=tmp_path, strict=True)
    strict.opening()
    with pytest.raises(RuntimeError, match="planted failure"):
        play(strict, "restore broken")  # tests see the crash ...
    assert strict.log == [] and strict.game.state.holder["naruto"] == "hokage_office"


# --- how a save is rebuilt -------------------------------------------------------------


def saved(session: Session, name: str, *lines: str) -> SaveData:
    play(session, *lines, f"save {name}")
    return session.store.read(name)


def test_a_fitting_snapshot_is_used_and_only_later_commands_replayed(
    new_session, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(session_module, "SNAPSHOT_EVERY", 2)
    monkeypatch.setattr(restoring, "SNAPSHOT_EVERY", 2)
    session = new_session()
    data = saved(session, "mid", "down", "ne", "take wallet")
    assert [t for t, _ in data.snapshots] == [0, 2, 3]
    # the save's newest snapshot is of its last turn: nothing to replay
    built = rebuild(session.world, data)
    assert (built.replayed, built.from_start, built.note) == (0, False, "")
    assert built.log == data.commands
    assert built.game.state.digest() == session.game.state.digest()
    # without it, the snapshot at turn 2 is used and one command replayed
    older = replace(data, snapshots=data.snapshots[:2])
    built = rebuild(session.world, older)
    assert (built.replayed, built.from_start, built.note) == (1, False, "")
    assert built.log == data.commands
    assert [t for t, _ in built.snapshots] == [0, 2]
    assert built.game.state.digest() == session.game.state.digest()
    assert built.game.take_output() == ""  # the replayed command's reply is not shown


def test_replaying_takes_snapshots_along_the_way(new_session, monkeypatch) -> None:
    monkeypatch.setattr(restoring, "SNAPSHOT_EVERY", 2)
    session = new_session()
    data = saved(session, "long", *["wait"] * 5)
    built = rebuild(session.world, replace(data, world_hash="changed"))
    assert built.from_start and built.replayed == 5
    assert [t for t, _ in built.snapshots] == [0, 2, 4]
    replayed = new_session()
    play(replayed, "wait", "wait")
    assert built.snapshots[1][1] == replayed.game.state.dumps()
    assert built.note == " Its snapshot did not fit this kage or world: replayed 5 commands."


def test_replaying_from_the_start_takes_the_seed(new_session) -> None:
    session = new_session(seed=5)
    data = saved(session, "s", "down")
    built = rebuild(session.world, replace(data, snapshots=[]))
    assert built.game.seed == 5
    assert built.game.state.digest() == session.game.state.digest()


def test_an_empty_save_replayed_has_no_note(new_session) -> None:
    session = new_session()
    data = saved(session, "empty")
    built = rebuild(session.world, replace(data, world_hash="changed"))
    assert built.from_start and built.replayed == 0 and built.note == ""
    assert built.look == rebuild(session.world, data).look != ""


def test_the_look_after_restoring_describes_where_the_game_stands(new_session) -> None:
    session = new_session()
    data = saved(session, "street", "down", "ne", "down")
    look = rebuild(session.world, data).look
    assert look == describe.place(session.game)
    assert look.startswith("The main street\n")


@pytest.mark.parametrize(
    ("snapshots", "why"),
    [
        ([], "no snapshots"),
        ([(0, "{not json")], "not JSON"),
        ([(0, "[1, 2]")], "not an object"),
        ([(0, '{"version": 1}')], "missing fields"),
    ],
)
def test_a_snapshot_that_cannot_be_read_is_not_used(new_session, snapshots: list, why: str) -> None:
    session = new_session()
    data = replace(saved(session, "x", "down"), snapshots=snapshots)
    assert snapshot_state(session.world, data) is None, why
    built = rebuild(session.world, data)
    assert built.from_start and built.game.state.digest() == session.game.state.digest()


def test_a_snapshot_of_other_world_files_is_not_used(new_session) -> None:
    session = new_session()
    data = saved(session, "x", "down")
    assert snapshot_state(session.world, data) is not None
    assert snapshot_state(session.world, replace(data, world_hash="other")) is None


def test_the_newest_snapshot_is_the_one_used(new_session) -> None:
    session = new_session()
    data = saved(session, "x", "down", "ne")
    turn, state = snapshot_state(session.world, data)
    assert turn == 2 and state.dumps() == session.game.state.dumps()


@pytest.mark.parametrize(
    "change",
    [
        {"turn": True},  # a bool is not an int here
        {"turn": 1.0},
        {"flags": []},
        {"ending": None},
        {"done": 0},
    ],
)
def test_a_snapshot_with_a_field_of_the_wrong_type_is_not_used(new_session, change) -> None:
    session = new_session()
    data = with_snapshot(saved(session, "x", "down"), change)
    assert snapshot_state(session.world, data) is None


def test_a_snapshot_missing_a_field_is_not_used(new_session) -> None:
    session = new_session()
    data = saved(session, "x", "down")
    turn, text = data.snapshots[-1]
    state = json.loads(text)
    del state["question"]
    broken = replace(data, snapshots=[(turn, json.dumps(state))])
    assert snapshot_state(session.world, broken) is None


def test_a_snapshot_that_breaks_the_replay_falls_back_to_the_log(
    new_session, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(restoring, "SNAPSHOT_EVERY", 2)
    session = new_session()
    data = saved(session, "x", "down", "ne", "take wallet")
    # the snapshot at turn 2 has the right shape but puts Naruto nowhere: the command
    # after it cannot be carried out from there, and the log is replayed instead
    turn, text = data.snapshots[0]
    state = json.loads(session.snapshots[0][1])
    state["holder"] = {}
    built = rebuild(session.world, replace(data, snapshots=[(0, text), (2, json.dumps(state))]))
    assert built.from_start and built.replayed == 3
    assert built.game.state.digest() == session.game.state.digest()


def test_another_worlds_save_is_refused_with_both_names(alpha: World, beta: World, tmp_path):
    data = saved(opened(alpha, tmp_path), "mine", "north")
    with pytest.raises(RestoreError) as error:
        rebuild(beta, data)
    assert str(error.value) == (
        "'mine' is a save of the world 'alpha', not of this world ('beta')."
    )


@pytest.mark.parametrize(
    ("version", "refused"),
    [
        ("99.0.0", True),
        ("0.1.1", True),
        ("0.2", True),
        ("0.10.0", True),  # numbers, not text: 10 > 1
        ("0.1.0", False),
        ("0.0.9", False),
        ("0.1", False),
        ("dev", False),  # unreadable: the oldest
        ("", False),
    ],
)
def test_only_a_newer_engines_save_is_refused(new_session, version: str, refused: bool) -> None:
    assert __version__ == "0.1.0"
    session = new_session()
    data = saved(session, "x", "down")
    unfit = replace(with_snapshot(data, {"version": STATE_VERSION + 1}), engine_version=version)
    if refused:
        with pytest.raises(RestoreError) as error:
            rebuild(session.world, unfit)
        assert str(error.value) == (
            f"'x' was written by kage {version}, which is newer than this kage "
            f"({__version__}), and its saved state cannot be read here; a newer kage "
            "can restore it."
        )
    else:
        built = rebuild(session.world, unfit)
        assert built.from_start and built.game.state.digest() == session.game.state.digest()
    # a newer engine's save whose snapshot fits is restored from it all the same
    assert rebuild(session.world, replace(data, engine_version=version)).replayed == 0
