"""What each failure of the save store says, and which file it names: the player reads
these sentences as they are, and front ends use ``SaveError.path``."""

from __future__ import annotations

import hashlib
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from kage.persist import SaveData, SaveError, SaveStore, saves
from kage.persist.folders import list_all, world_store, worlds_having
from kage.persist.snapshots import keep_bounded


def data(name: str = "slot", **changes: object) -> SaveData:
    base = {
        "name": name,
        "world_id": "w",
        "world_hash": "h",
        "engine_version": "0.1.0",
        "seed": 1,
        "commands": ["look", "wait"],
        "snapshots": [(0, "{}")],
        "created": "",
        "turn": 2,
        "summary": "somewhere",
    }
    return SaveData(**{**base, **changes})  # type: ignore[arg-type]


@pytest.fixture
def store(tmp_path: Path) -> SaveStore:
    return SaveStore(tmp_path / "saves")


NOT_UNICODE = "contains characters that are not valid Unicode"
ASCENDING = "snapshot turns must be strictly ascending"


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"summary": None}, "summary must be text, not NoneType"),
        ({"world_id": 3}, "world_id must be text, not int"),
        ({"engine_version": "0.\udc80"}, f"engine_version {NOT_UNICODE}"),
        ({"seed": True}, "the seed must be an integer, not bool"),
        ({"seed": 1.5}, "the seed must be an integer, not float"),
        ({"commands": "look", "turn": 4}, "commands must be a list of text"),
        ({"commands": {"look": 1}, "turn": 1}, "commands must be a list of text"),
        ({"commands": ["look", 7]}, "command 2 must be text, not int"),
        ({"commands": ["\udc80"], "turn": 1}, f"command 1 {NOT_UNICODE}"),
        ({"turn": 3}, "turn is 3 but there are 2 commands"),
        ({"turn": "2"}, "turn is '2' but there are 2 commands"),
        ({"turn": True, "commands": ["a"]}, "turn is True but there are 1 commands"),
        ({"snapshots": "[]"}, "snapshots must be a list of (turn, JSON text) pairs"),
        ({"snapshots": {0: "{}"}}, "snapshots must be a list of (turn, JSON text) pairs"),
        ({"snapshots": 5}, "snapshots must be a list of (turn, JSON text) pairs"),
        ({"snapshots": [(0, "{}", 1)]}, "snapshots must be a list of (turn, JSON text) pairs"),
        ({"snapshots": ["{}"]}, "snapshots must be a list of (turn, JSON text) pairs"),
        ({"snapshots": [5]}, "snapshots must be a list of (turn, JSON text) pairs"),
        ({"snapshots": [(3, "{}")]}, "snapshot turn 3 is not a turn between 0 and 2"),
        ({"snapshots": [(-1, "{}")]}, "snapshot turn -1 is not a turn between 0 and 2"),
        ({"snapshots": [("0", "{}")]}, "snapshot turn '0' is not a turn between 0 and 2"),
        ({"snapshots": [(False, "{}")]}, "snapshot turn False is not a turn between 0 and 2"),
        ({"snapshots": [(1, "{}"), (1, "{}")]}, f"{ASCENDING} (1 then 1)"),
        ({"snapshots": [(2, "{}"), (0, "{}")]}, f"{ASCENDING} (2 then 0)"),
        ({"snapshots": [(0, None)]}, "the snapshot at turn 0 must be text, not NoneType"),
        ({"snapshots": [(1, "{x")]}, "the snapshot at turn 1 is not valid JSON"),
    ],
)  # fmt: skip
def test_data_that_could_not_be_restored_is_refused_saying_why(
    store: SaveStore, changes: dict, problem: str
) -> None:
    with pytest.raises(SaveError) as error:
        store.write(data(**changes))
    path = store.path_for("slot")
    assert str(error.value) == f"Cannot write save 'slot' to \"{path}\": {problem}."
    assert error.value.path == path
    assert not store.directory.exists()


def test_good_data_at_the_edges_is_written(store: SaveStore) -> None:
    store.write(data(commands=[], turn=0, snapshots=[]))
    store.write(data(snapshots=[(0, "{}"), (1, "[]"), (2, "null")]))
    store.write(data(commands=("look", "wait")))  # any sequence of text
    assert store.read("slot").commands == ["look", "wait"]


def test_a_write_that_cannot_start_says_why_and_where(store: SaveStore) -> None:
    store.directory.parent.mkdir(parents=True, exist_ok=True)
    store.directory.write_text("a file, not a folder")
    with pytest.raises(SaveError) as error:
        store.write(data())
    path = store.path_for("slot")
    assert str(error.value) == f'Could not write save file "{path}": file exists.'
    assert error.value.path == path


def test_a_write_that_fails_midway_says_why_and_where(
    store: SaveStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(saves, "_fsync_file", full)
    with pytest.raises(SaveError) as error:
        store.write(data())
    path = store.path_for("slot")
    assert str(error.value) == f'Could not write save file "{path}": no space left on device.'
    assert error.value.path == path
    assert list(store.directory.iterdir()) == []


def test_a_database_failure_midway_is_reported_in_sqlites_words(
    store: SaveStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object) -> None:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(saves, "_begin", broken)  # both formats' writers start here
    with pytest.raises(SaveError) as error:
        store.write(data())
    path = store.path_for("slot")
    assert str(error.value) == f'Could not write save file "{path}": disk I/O error.'
    assert error.value.path == path


def test_the_temporary_file_is_made_next_to_the_save(
    store: SaveStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[Path] = []
    real = saves._begin

    def spy(temp: Path, version: int, schema: str) -> sqlite3.Connection:
        seen.append(temp)
        return real(temp, version, schema)

    monkeypatch.setattr(saves, "_begin", spy)
    store.write(data(name="My Game"))
    (temp,) = seen
    assert temp.parent == store.directory
    assert temp.name.startswith(f".{store.path_for('My Game').stem}.")
    assert temp.name.endswith(saves.TEMP_SUFFIX)


def test_reading_a_missing_save_names_it_and_its_file(store: SaveStore) -> None:
    with pytest.raises(SaveError) as error:
        store.read("gone")
    path = store.path_for("gone")
    assert str(error.value) == f"There is no save named 'gone' (no file \"{path}\")."
    assert error.value.path == path


def test_loading_damage_names_the_file(store: SaveStore) -> None:
    store.write(data())
    path = store.path_for("slot")
    path.write_bytes(b"\0" * 8192)
    with pytest.raises(SaveError) as error:
        store.read("slot")
    assert str(error.value).startswith(f'Save file "{path}" is damaged')
    assert error.value.path == path


def test_deleting_a_missing_save_names_it_and_its_file(store: SaveStore) -> None:
    with pytest.raises(SaveError) as error:
        store.delete("gone")
    path = store.path_for("gone")
    assert str(error.value) == f"There is no save named 'gone' to delete (no file \"{path}\")."
    assert error.value.path == path


def test_a_delete_that_fails_says_why(store: SaveStore) -> None:
    path = store.path_for("slot")
    path.mkdir(parents=True)  # a folder where the save should be: unlink fails
    with pytest.raises(SaveError) as error:
        store.delete("slot")
    assert str(error.value) == f'Could not delete save file "{path}": is a directory.'
    assert error.value.path == path


def test_listing_a_folder_that_cannot_be_read(tmp_path: Path, monkeypatch) -> None:
    folder = tmp_path / "saves"

    def unreadable(self: Path, pattern: str) -> list[Path]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "glob", unreadable)
    with pytest.raises(SaveError) as error:
        SaveStore(folder).list()
    assert str(error.value) == f'Could not list the saves in "{folder}": permission denied.'


def test_a_broken_file_is_listed_as_not_ok(store: SaveStore) -> None:
    store.write(data())
    (store.directory / "bad.kage").write_text("junk")
    broken, good = store.list()
    assert broken.name == "bad" and broken.ok is False and broken.error
    assert (broken.turn, broken.summary, broken.created, broken.world_id) == (None,) * 4
    assert good.ok is True and good.error is None and good.world_id == "w"


def test_save_error_without_a_file() -> None:
    error = SaveError("Nothing to see.")
    assert str(error) == "Nothing to see." and error.path is None
    assert SaveError("x", Path("a")).path == Path("a")


@pytest.mark.parametrize(
    ("error", "reason"),
    [
        (OSError(2, "No such file or directory"), "no such file or directory"),
        (OSError("the disk went away."), "the disk went away"),
        (OSError("...dots..."), "...dots"),
        (OSError("lost drive X."), "lost drive X"),
    ],
)
def test_os_reasons_are_lower_case_without_a_full_stop(error: OSError, reason: str) -> None:
    assert saves._os_reason(error) == reason


def sqlite_error(name: str, message: str) -> sqlite3.Error:
    error = sqlite3.OperationalError(message)
    error.sqlite_errorname = name
    return error


IN_USE = 'Save file "{p}" is in use by another program (database is locked).'


@pytest.mark.parametrize(
    ("name", "says"),
    [
        ("SQLITE_BUSY", IN_USE),
        ("SQLITE_BUSY_SNAPSHOT", IN_USE),
        ("SQLITE_LOCKED", IN_USE),
        ("SQLITE_CANTOPEN", 'Save file "{p}" could not be read (database is locked).'),
        ("SQLITE_PERM", 'Save file "{p}" could not be read (database is locked).'),
        ("SQLITE_IOERR_READ", 'Save file "{p}" could not be read (database is locked).'),
        ("SQLITE_AUTH", 'Save file "{p}" could not be read (database is locked).'),
        ("SQLITE_CORRUPT", 'Save file "{p}" is damaged: SQLite reports "database is locked".'),
        ("", 'Save file "{p}" is damaged: SQLite reports "database is locked".'),
    ],
)  # fmt: skip
def test_sqlite_failures_are_told_as_busy_unreadable_or_damaged(name: str, says: str) -> None:
    path = Path("/saves/x.kage")
    error = saves._sqlite_error(path, sqlite_error(name, "database is locked."))
    assert str(error) == says.format(p=path)
    assert error.path == path


def test_an_sqlite_error_without_a_name_is_damage() -> None:
    error = saves._sqlite_error(Path("x.kage"), sqlite3.DatabaseError("file is not a database"))
    assert str(error) == 'Save file "x.kage" is damaged: SQLite reports "file is not a database".'
    error = saves._sqlite_error(Path("x.kage"), sqlite3.DatabaseError("no such table: X."))
    assert str(error) == 'Save file "x.kage" is damaged: SQLite reports "no such table: X".'


# --- folders ---------------------------------------------------------------------------


def test_all_saves_are_listed_by_world_then_name_unreadable_first(tmp_path: Path) -> None:
    for world, name in [("zeta", "b"), ("alpha", "B2"), ("zeta", "A"), ("alpha", "a1")]:
        world_store(tmp_path, world).write(data(name=name, world_id=world))
    (tmp_path / "zeta" / "junk.kage").write_text("junk")
    listed = [(info.world_id, info.name) for info in list_all(tmp_path)]
    assert listed == [
        (None, "junk"),
        ("alpha", "a1"),
        ("alpha", "B2"),
        ("zeta", "A"),
        ("zeta", "b"),
    ]


def test_worlds_having_reads_past_a_damaged_save(tmp_path: Path) -> None:
    world_store(tmp_path, "alpha").write(data(world_id="alpha"))
    (tmp_path / "alpha" / "slot.kage").write_text("damaged")
    world_store(tmp_path, "beta").write(data(world_id="beta"))
    world_store(tmp_path, "gamma").write(data(world_id="gamma"))
    assert worlds_having(tmp_path, "slot", besides="gamma") == ["beta"]
    assert worlds_having(tmp_path, "other", besides="gamma") == []
    assert worlds_having(tmp_path / "nowhere", "slot", besides="gamma") == []


def test_linked_folders_and_stray_files_are_not_world_folders(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    SaveStore(elsewhere).write(data(world_id="elsewhere"))
    root = tmp_path / "saves"
    root.mkdir()
    (root / "linked").symlink_to(elsewhere, target_is_directory=True)
    (root / "stray.txt").write_text("not a folder")
    assert list_all(root) == []
    assert worlds_having(root, "slot", besides="x") == []


def test_a_saves_folder_that_is_a_file(tmp_path: Path) -> None:
    root = tmp_path / "saves"
    root.write_text("")
    with pytest.raises(SaveError) as error:
        list_all(root)
    assert str(error.value) == f'Could not list the saves in "{root}": Not a directory.'


# --- snapshots ------------------------------------------------------------------------


def test_thinning_drops_every_second_snapshot_between_the_first_and_the_newest() -> None:
    snapshots = [(t, "{}") for t in range(21)]
    keep_bounded(snapshots, 20)
    assert [t for t, _ in snapshots] == [0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20]
    snapshots = [(t, "{}") for t in range(6)]
    keep_bounded(snapshots, 5)
    assert [t for t, _ in snapshots] == [0, 2, 4, 5]


# --- what a damaged or foreign file is told as ----------------------------------------


def edited(store: SaveStore, *statements: str, resign: bool = False) -> Path:
    """The save "slot", in format 1, with SQL run on it; with ``resign`` its checksum is
    computed anew, as a program that knows the format would write it. (Format 2's damage
    is told in test_blobs.py.)"""
    store = SaveStore(store.directory, format_version=1)
    path = store.write(data(commands=["look", "wait"], snapshots=[(0, "{}"), (2, "{}")]))
    with closing(sqlite3.connect(path, isolation_level=None)) as conn:
        for statement in statements:
            conn.execute(statement)
        if resign:
            meta = dict(conn.execute("SELECT key, value FROM meta"))
            commands = conn.execute("SELECT turn, text FROM commands ORDER BY turn").fetchall()
            snaps = conn.execute("SELECT turn, state FROM snapshots ORDER BY turn").fetchall()
            checksum = saves._checksum(meta, commands, snaps)
            conn.execute("UPDATE meta SET value = ? WHERE key = 'checksum'", (checksum,))
    return path


def damage(store: SaveStore) -> SaveError:
    with pytest.raises(SaveError) as error:
        store.read("slot")
    assert error.value.path == store.path_for("slot")
    return error.value


@pytest.mark.parametrize(
    ("statements", "resign", "reason"),
    [
        (["PRAGMA user_version = 0"], False, "its header gives an unknown save format version (0)"),
        (["DROP TABLE meta", "DROP TABLE snapshots"], False, "it has no meta, snapshots table"),
        (["UPDATE meta SET value = x'37' WHERE key = 'seed'"], False,
         "its meta table holds a value that is not text"),
        (["INSERT INTO meta VALUES (x'01', 'blob key')"], False,
         "its meta table holds a value that is not text"),
        (["DELETE FROM meta WHERE key IN ('summary', 'turn')"], False,
         "its meta table lacks turn, summary"),
        (["UPDATE meta SET value = '2' WHERE key = 'format_version'"], False,
         "its meta table and header disagree about the format version"),
        (["UPDATE commands SET text = x'33' WHERE turn = 1"], False,
         "a command row has the wrong type"),
        (["UPDATE snapshots SET state = x'7b7d' WHERE turn = 2"], False,
         "a snapshot row has the wrong type"),
        # a program that wrote its own tables, without kage's column types
        (["DROP TABLE commands", "CREATE TABLE commands (turn, text)",
          "INSERT INTO commands VALUES ('1', 'look'), (2, 'wait')"], False,
         "a command row has the wrong type"),
        (["UPDATE commands SET text = 'jump' WHERE turn = 1"], False,
         "its content does not match its checksum (it was changed or cut short)"),
        (["UPDATE meta SET value = 'many' WHERE key = 'seed'"], True,
         "its seed or turn is not a number"),
        (["UPDATE meta SET value = '2.0' WHERE key = 'turn'"], True,
         "its seed or turn is not a number"),
        (["UPDATE commands SET turn = 5 WHERE turn = 2"], True,
         "its command log is not numbered 1..turn"),
        (["UPDATE meta SET value = '1' WHERE key = 'turn'"], True,
         "its command log is not numbered 1..turn"),
        (["INSERT INTO snapshots VALUES (3, '{}')"], True,
         "it has a snapshot outside the game's turns"),
        (["INSERT INTO snapshots VALUES (-1, '{}')"], True,
         "it has a snapshot outside the game's turns"),
    ],
)  # fmt: skip
def test_damage_is_told_in_words(
    store: SaveStore, statements: list[str], resign: bool, reason: str
) -> None:
    path = edited(store, *statements, resign=resign)
    assert str(damage(store)) == f'Save file "{path}" is damaged: {reason}.'


def test_another_programs_database_is_not_taken_for_a_save(store: SaveStore) -> None:
    path = edited(store, "PRAGMA application_id = 7")
    assert str(damage(store)) == (
        f'Save file "{path}" is damaged or is not a kage save: it is an SQLite database, '
        "but not one written by kage."
    )


def test_a_newer_save_format_is_refused_as_newer_not_damaged(store: SaveStore) -> None:
    path = edited(store, "PRAGMA user_version = 3")
    assert str(damage(store)) == (
        f'Save file "{path}" uses save format version 3, but this version of kage can only '
        "read format versions up to 2; it was probably written by a newer kage."
    )


def test_a_file_at_the_edges_of_the_rules_still_loads(store: SaveStore) -> None:
    edited(store, "INSERT INTO meta VALUES ('extra', 'ignored')", resign=True)
    loaded = store.read("slot")
    assert loaded.turn == 2 and [t for t, _ in loaded.snapshots] == [0, 2]


@pytest.mark.parametrize(
    ("folder", "reason"), [(False, "the file is empty"), (True, "it is not a regular file")]
)
def test_files_that_are_no_database_at_all(store: SaveStore, folder: bool, reason: str) -> None:
    path = store.path_for("slot")
    if folder:
        path.mkdir(parents=True)
    else:
        path.parent.mkdir(parents=True)
        path.write_bytes(b"")
    assert str(damage(store)) == f'Save file "{path}" is damaged: {reason}.'


# --- names and files -------------------------------------------------------------------


def test_names_that_are_not_text_or_are_blank_are_refused_in_words(store: SaveStore) -> None:
    with pytest.raises(SaveError, match=r"^A save name must be text, not int\.$"):
        store.path_for(3)  # type: ignore[arg-type]
    with pytest.raises(SaveError, match=r"^A save name cannot be empty\.$"):
        store.path_for(" \t ")


def test_a_name_with_a_lone_surrogate_is_refused_not_crashed_on(store: SaveStore) -> None:
    name = "broken \udc80 name"  # what a mis-decoded terminal can hand over
    path = store.path_for(name)  # a file name can be worked out ...
    assert path.name.startswith("broken_name+")
    with pytest.raises(SaveError) as error:  # ... but no save is written under it
        store.write(data(name=name))
    assert "name contains characters that are not valid Unicode" in str(error.value)


def test_a_file_name_keeps_as_much_of_the_name_as_fits_in_200_bytes(store: SaveStore) -> None:
    fits = "🍥" * 50  # 200 bytes of UTF-8: the name is its own file name
    assert store.path_for(fits).name == fits + ".kage"
    longer = "🍥" * 51  # 204 bytes: cut to what fits, and told apart by a hash
    stem = store.path_for(longer).stem
    assert stem.startswith(fits + "+") and len(stem) == 50 + 1 + saves.HASH_CHARS
    store.write(data(name=longer))
    assert store.read(longer).name == longer


def test_loading_a_path_that_is_not_there(tmp_path: Path) -> None:
    path = tmp_path / "gone.kage"
    with pytest.raises(SaveError) as error:
        saves.load(path)
    assert str(error.value) == f'There is no save file "{path}".'
    assert error.value.path == path


def test_loading_a_file_that_is_not_a_database_quotes_sqlite(tmp_path: Path) -> None:
    path = tmp_path / "junk.kage"
    path.write_bytes(b"this is not a database, but it is long enough to be opened" * 100)
    with pytest.raises(SaveError) as error:
        saves.load(path)
    assert str(error.value) == (
        f'Save file "{path}" is damaged: SQLite reports "file is not a database".'
    )


def test_a_file_the_system_will_not_let_us_read(
    store: SaveStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = store.write(data())

    def refused(self: Path, strict: bool = False) -> Path:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "resolve", refused)  # as for a file of another user
    with pytest.raises(SaveError) as error:
        saves.load(path)
    assert str(error.value) == f'Save file "{path}" could not be read: permission denied.'
    assert error.value.path == path


# --- the checksum is part of the file format --------------------------------------------


def test_the_checksum_is_sha256_of_the_documented_canonical_stream() -> None:
    """Every save on disk carries this checksum: computing it any other way would make
    them all "damaged". The stream: a header line, then each section's name on a line
    and its rows as compact ASCII JSON arrays, one per line; meta sorted, without the
    checksum itself."""
    meta = {"seed": "1", "name": "Gate é", "checksum": "not part of it"}
    commands = [(1, "look"), (2, "take kunai")]
    snapshots = [(0, '{"a": 1}'), (2, "{}")]
    stream = (
        b"kage-save/1\n"
        b"meta\n"
        b'["name","Gate \\u00e9"]\n'
        b'["seed","1"]\n'
        b"commands\n"
        b'[1,"look"]\n'
        b'[2,"take kunai"]\n'
        b"snapshots\n"
        b'[0,"{\\"a\\": 1}"]\n'
        b'[2,"{}"]\n'
    )
    assert saves._checksum(meta, commands, snapshots) == hashlib.sha256(stream).hexdigest()
    assert saves._checksum({}, [], []) == (
        "479f96b5bbf5c97c558d65244df07c4df86ef0921f55e972aa7ec7097a09c454"
    )
