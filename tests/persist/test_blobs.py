"""Save format 2 (kage.persist.blobs): the log and the snapshots as compressed blobs.
Damage to a blob, a checksum that does not match, a blob that does not decode, and
format 1 saves written by the kage before format 2 (tests/data/saves) still restoring."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
import zlib
from contextlib import closing
from dataclasses import replace
from pathlib import Path

import pytest
from tests.helpers import resigned

from kage import worlds
from kage.game import Game
from kage.persist import SaveData, SaveError, SaveStore, blobs, saves
from kage.session import Session

NOT_UTF8 = zlib.compress(b"look\xff").hex()
NOT_TEXT = zlib.compress(b"[1, 2]").hex()
EMPTY = zlib.compress(b"{}").hex()
V1_SAVE = Path(__file__).parents[1] / "data" / "saves" / "before_the_bar+e82afe6441fd.kage"


def data(name: str = "slot", n: int = 120, **changes: object) -> SaveData:
    commands = [f"take kunai {i}" if i % 3 else "look" for i in range(n)]
    snapshots = [(t, json.dumps({"turn": t, "where": "gate" * 40})) for t in range(0, n + 1, 50)]
    base = SaveData(
        name=name,
        world_id="w",
        world_hash="h",
        engine_version="0.1.0",
        seed=5,
        commands=commands,
        snapshots=snapshots,
        created="",
        turn=n,
        summary="the gate",
    )
    return replace(base, **changes)  # type: ignore[arg-type]


@pytest.fixture
def store(tmp_path: Path) -> SaveStore:
    return SaveStore(tmp_path / "saves")


def version_of(path: Path) -> int:
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute("PRAGMA user_version").fetchone()[0]


def damaged(store: SaveStore) -> str:
    with pytest.raises(SaveError) as error:
        store.read("slot")
    message = str(error.value)
    assert message.startswith(f'Save file "{store.path_for("slot")}" is damaged: ')
    return message.split(" is damaged: ", 1)[1]


def run(path: Path, *statements: str) -> None:
    with closing(sqlite3.connect(path, isolation_level=None)) as conn:
        for statement in statements:
            conn.execute(statement)


# --- round trips ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "commands",
    [
        [],
        [""],
        ["", ""],
        ["look", "take the cup", "look"],
        ["say hello\nthere", "look"],  # a newline inside a command: the JSON encoding
        ["\n"],
        ["naïve café 🍥", "x \u2028 y"],
    ],
)
def test_any_log_round_trips(store: SaveStore, commands: list[str]) -> None:
    written = data(commands=commands, turn=len(commands), snapshots=[(0, "{}")])
    path = store.write(written)
    assert version_of(path) == 2
    loaded = store.read("slot")
    assert loaded.commands == commands
    assert replace(loaded, created="") == written


def test_a_long_log_is_one_small_row(store: SaveStore) -> None:
    commands = ["look", "inventory", "examine me"] * 20_000
    path = store.write(data(commands=commands, turn=len(commands), snapshots=[(0, "{}")]))
    with closing(sqlite3.connect(path)) as conn:
        assert conn.execute("SELECT count(*) FROM log").fetchone()[0] == 1
    assert path.stat().st_size < 64 * 1024  # format 1 took 1.3 MB for these
    assert store.read("slot").commands == commands


def test_snapshots_are_stored_compressed(store: SaveStore) -> None:
    path = store.write(data())
    with closing(sqlite3.connect(path)) as conn:
        rows = conn.execute("SELECT turn, state FROM snapshots ORDER BY turn").fetchall()
    assert [(t, zlib.decompress(blob).decode()) for t, blob in rows] == data().snapshots


# --- damage -----------------------------------------------------------------------------


def test_a_flipped_byte_in_the_log_blob_is_caught_by_the_checksum(store: SaveStore) -> None:
    path = store.write(data())
    with closing(sqlite3.connect(path, isolation_level=None)) as conn:
        (log,) = conn.execute("SELECT data FROM log").fetchone()
        flipped = log[:10] + bytes([log[10] ^ 1]) + log[11:]
        conn.execute("UPDATE log SET data = ?", (flipped,))
    assert damaged(store) == saves.CHECKSUM_MISMATCH + "."


def test_a_changed_snapshot_blob_is_caught_by_the_checksum(store: SaveStore) -> None:
    path = store.write(data())
    other = zlib.compress(b'{"turn": 50, "where": "elsewhere"}')
    run(path, f"UPDATE snapshots SET state = x'{other.hex()}' WHERE turn = 50")
    assert damaged(store) == saves.CHECKSUM_MISMATCH + "."


@pytest.mark.parametrize("what", ["checksum", "summary", "log_encoding"])
def test_a_changed_meta_entry_is_caught_by_the_checksum(store: SaveStore, what: str) -> None:
    path = store.write(data())
    run(path, f"UPDATE meta SET value = 'json' || value WHERE key = '{what}'")
    assert damaged(store) == saves.CHECKSUM_MISMATCH + "."


@pytest.mark.parametrize(
    ("statements", "reason"),
    [
        (["UPDATE log SET data = x'789c0000'"], "its command log cannot be decompressed"),
        ([f"UPDATE log SET data = x'{NOT_UTF8}'"],
         "its command log is not UTF-8 text"),
        (["UPDATE snapshots SET state = x'00' WHERE turn = 50"],
         "its snapshot at turn 50 cannot be decompressed"),
        (["UPDATE meta SET value = '119' WHERE key = 'turn'"],
         "its command log holds 120 commands, not 119"),
        (["UPDATE meta SET value = '-1' WHERE key = 'turn'"], "its turn is negative"),
        (["UPDATE meta SET value = 'rows' WHERE key = 'log_encoding'"],
         "its command log has an unknown encoding ('rows')"),
        (["UPDATE meta SET value = 'json' WHERE key = 'log_encoding'"],
         "its command log is not the JSON it says it is"),
        ([f"UPDATE log SET data = x'{NOT_TEXT}'",
          "UPDATE meta SET value = 'json' WHERE key = 'log_encoding'",
          "UPDATE meta SET value = '2' WHERE key = 'turn'"],
         "its command log is not a list of text"),
        (["INSERT INTO log SELECT data FROM log"], "its log table has 2 rows, not 1"),
        ([f"INSERT INTO snapshots VALUES (121, x'{EMPTY}')"],
         "it has a snapshot outside the game's turns"),
        (["DELETE FROM meta WHERE key = 'log_encoding'"], "its meta table lacks log_encoding"),
        (["UPDATE meta SET value = '1' WHERE key = 'format_version'"],
         "its meta table and header disagree about the format version"),
    ],
)  # fmt: skip
def test_blobs_that_do_not_decode_are_told_in_words(
    store: SaveStore, statements: list[str], reason: str
) -> None:
    """Even with a checksum computed anew (a program that knows the format wrote it),
    what does not decode is damage, told as such: never a crash, never a wrong game."""
    resigned(store.write(data()), *statements)
    assert damaged(store) == reason + "."


@pytest.mark.parametrize(
    ("statement", "reason"),
    [
        ("DELETE FROM log", "its log table has 0 rows, not 1"),
        ("UPDATE log SET data = 'look'", "its command log has the wrong type"),
        ("UPDATE snapshots SET state = '{}' WHERE turn = 0", "a snapshot row has the wrong type"),
    ],
)
def test_rows_of_the_wrong_shape_are_told_in_words(
    store: SaveStore, statement: str, reason: str
) -> None:
    run(store.write(data()), statement)
    assert damaged(store) == reason + "."


def test_the_checksum_is_sha256_of_the_documented_stream() -> None:
    meta = {"seed": "1", "name": "Gate é", "checksum": "not part of it"}
    log, snaps = b"LOG", [(0, b"AB"), (2, b"")]
    stream = (
        b"kage-save/2\nmeta\n"
        b'["name","Gate \\u00e9"]\n'
        b'["seed","1"]\n'
        b"log\n3\nLOG"
        b"\nsnapshots\n"
        b"0 2\nAB"
        b"2 0\n"
    )
    assert blobs.checksum(meta, log, snaps) == hashlib.sha256(stream).hexdigest()


def test_a_failed_blob_write_keeps_the_old_save(
    store: SaveStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = data(n=20, summary="the old save")
    store.write(old)
    before = store.path_for("slot").read_bytes()
    real = saves._write_blobs

    def half(temp: Path, meta: dict[str, str], log: bytes, states: list) -> None:  # type: ignore[type-arg]
        real(temp, meta, log, states[:1])  # a file is there, with part of the save ...
        raise OSError(28, "No space left on device")  # ... when the disk fills

    monkeypatch.setattr(saves, "_write_blobs", half)
    with pytest.raises(SaveError) as error:
        store.write(data(n=200))
    assert "no space left on device" in str(error.value)
    assert sorted(p.name for p in store.directory.iterdir()) == ["slot.kage"]
    assert store.path_for("slot").read_bytes() == before


# --- format 1 saves, as the kage before format 2 wrote them ------------------------------


def test_a_format_1_save_still_loads() -> None:
    assert version_of(V1_SAVE) == 1
    loaded = saves.load(V1_SAVE)
    assert loaded.name == "before the bar" and loaded.world_id == "cloak"
    assert loaded.turn == len(loaded.commands) == 68
    assert loaded.commands[:3] == ["look", "n", "w"]
    assert [t for t, _ in loaded.snapshots] == [0, 50, 68]


def test_a_format_1_save_restores_and_is_saved_again_as_format_2(tmp_path: Path) -> None:
    world = worlds.load("cloak")
    (tmp_path / "cloak").mkdir()
    shutil.copy(V1_SAVE, tmp_path / "cloak" / V1_SAVE.name)
    session = Session(world, saves=tmp_path)
    session.step("restore before the bar")
    replayed = Game(world, 7)
    for command in saves.load(V1_SAVE).commands:
        replayed.command(command)
    assert session.game.state == replayed.state
    session.step("save before the bar")
    path = tmp_path / "cloak" / V1_SAVE.name
    assert version_of(path) == 2
    again = saves.load(path)
    assert again.commands == saves.load(V1_SAVE).commands and again.seed == 7


def test_a_format_1_file_with_a_changed_row_is_still_caught(tmp_path: Path) -> None:
    path = tmp_path / V1_SAVE.name
    shutil.copy(V1_SAVE, path)
    run(path, "UPDATE commands SET text = 'take cloak' WHERE turn = 2")
    with pytest.raises(SaveError) as error:
        saves.load(path)
    assert str(error.value).endswith(saves.CHECKSUM_MISMATCH + ".")
