"""Tests for the save-file store: round trips, damage detection, atomic writes, names."""

from __future__ import annotations

import json
import os
import random
import sqlite3
import string
from contextlib import closing
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kage.persist import SaveData, SaveError, SaveInfo, SaveStore, saves

PAGE = 4096  # SQLite's default page size, used to aim damage at whole pages


def make_data(name: str = "slot", n: int = 200, **changes: object) -> SaveData:
    """A realistic save: n commands, a snapshot every 50 turns, several pages long."""
    commands = [f"go north {i}" if i % 2 else f"take kunai number {i}" for i in range(n)]
    snapshots = [
        (t, json.dumps({"turn": t, "holder": {"kunai": "player"}, "log": "x" * 300}))
        for t in range(0, n + 1, 50)
    ]
    data = SaveData(
        name=name,
        world_id="banished",
        world_hash="sha256:" + "ab" * 32,
        engine_version="0.1.0",
        seed=424242,
        commands=commands,
        snapshots=snapshots,
        created="",
        turn=len(commands),
        summary=f"Hokage's office, turn {len(commands)}",
    )
    return replace(data, **changes)  # type: ignore[arg-type]


def same_content(a: SaveData, b: SaveData) -> bool:
    """Equal in everything except created, which write() sets."""
    return replace(a, created="") == replace(b, created="")


def files_in(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir())


@pytest.fixture
def store(tmp_path: Path) -> SaveStore:
    return SaveStore(tmp_path / "saves")


@pytest.fixture
def store1(tmp_path: Path) -> SaveStore:
    """A store that writes format 1 (one row per command), for the tests that edit its
    rows; format 2's twins are in test_blobs.py."""
    return SaveStore(tmp_path / "saves", format_version=1)


# --- round trips --------------------------------------------------------------------


def test_write_then_read_round_trips_everything(store: SaveStore) -> None:
    data = make_data()
    path = store.write(data)
    assert path == store.directory / "slot.kage"
    loaded = store.read("slot")
    assert same_content(loaded, data)
    assert loaded.commands == data.commands
    assert loaded.snapshots == data.snapshots
    assert isinstance(loaded.snapshots[0], tuple)
    assert loaded.turn == 200 and loaded.seed == 424242


def test_write_creates_missing_directory_and_only_the_save(tmp_path: Path) -> None:
    store = SaveStore(tmp_path / "a" / "b")
    assert not (tmp_path / "a").exists()
    store.write(make_data())
    assert files_in(tmp_path / "a" / "b") == ["slot.kage"]


def test_constructor_does_not_create_directory(tmp_path: Path) -> None:
    SaveStore(tmp_path / "later")
    assert not (tmp_path / "later").exists()


def test_created_is_set_by_write_in_utc(store: SaveStore) -> None:
    before = datetime.now(UTC).replace(microsecond=0)
    store.write(make_data(created="1999-01-01T00:00:00+00:00"))
    after = datetime.now(UTC)
    created = datetime.fromisoformat(store.read("slot").created)
    assert created.utcoffset() == timedelta(0)
    assert before <= created <= after


def test_empty_game_round_trips(store: SaveStore) -> None:
    data = make_data(n=0, snapshots=[], summary="")
    store.write(data)
    loaded = store.read("slot")
    assert same_content(loaded, data)
    assert loaded.commands == [] and loaded.turn == 0


@pytest.mark.parametrize("seed", [0, -1, 2**63 - 1, -(2**63), 10**40])
def test_seed_round_trips(store: SaveStore, seed: int) -> None:
    store.write(make_data(n=1, seed=seed))
    assert store.read("slot").seed == seed


def test_overwrite_replaces_previous_save(store: SaveStore) -> None:
    store.write(make_data(n=10))
    store.write(make_data(n=3, summary="later"))
    loaded = store.read("slot")
    assert loaded.turn == 3 and loaded.summary == "later"
    assert files_in(store.directory) == ["slot.kage"]


UNICODE_COMMANDS = [
    "say 忍者の里へようこそ",
    "throw 🍥 at ナルト 👨‍👩‍👧",
    "قل مرحبا",
    "नमस्ते कहो",  # combining vowel signs
    "cafe\u0301 vs caf\u00e9",  # NFD and NFC must both survive untouched
    "bell\x07 nul\x00 esc\x1b[31mred\x1b[0m",
    "line one\nline two\r\nthree\u2028four",
    "\ufeffbom \u200b zero width \ufffd",
    "",
    " padded  ",
    "\U0010fffd private plane",
]


def test_unicode_and_control_characters_round_trip_exactly(store: SaveStore) -> None:
    name = "Tōkyō 忍者 🍥 save"
    snapshot = json.dumps({"note": "🍥\x00\u2028", "ナルト": 1}, ensure_ascii=False)
    data = make_data(
        name=name,
        commands=UNICODE_COMMANDS,
        turn=len(UNICODE_COMMANDS),
        snapshots=[(0, snapshot), (len(UNICODE_COMMANDS), '"\\u0000"')],
        summary="火影の執務室, turn 11 🍥",
        world_id="banished-ü",
    )
    path = store.write(data)
    assert path.parent == store.directory
    loaded = store.read(name)
    assert loaded.name == name
    assert loaded.commands == UNICODE_COMMANDS
    assert same_content(loaded, data)


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**63), max_value=2**63)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=12,
)


@st.composite
def save_contents(draw: st.DrawFn) -> tuple[list[str], list[tuple[int, str]]]:
    commands = draw(st.lists(st.text(), max_size=30))
    turns = draw(st.sets(st.integers(0, len(commands)), max_size=5))
    snapshots = [
        (t, json.dumps(draw(json_values), ensure_ascii=draw(st.booleans()))) for t in sorted(turns)
    ]
    return commands, snapshots


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(contents=save_contents(), summary=st.text(), seed=st.integers(-(2**63), 2**63))
def test_property_any_commands_and_snapshots_round_trip(
    tmp_path: Path,
    contents: tuple[list[str], list[tuple[int, str]]],
    summary: str,
    seed: int,
) -> None:
    commands, snapshots = contents
    store = SaveStore(tmp_path)
    data = make_data(
        commands=commands, turn=len(commands), snapshots=snapshots, summary=summary, seed=seed
    )
    store.write(data)
    loaded = store.read("slot")
    assert loaded.commands == commands
    assert loaded.snapshots == snapshots
    assert same_content(loaded, data)


# --- damage detection ---------------------------------------------------------------


def assert_damaged(store: SaveStore, name: str = "slot") -> SaveError:
    with pytest.raises(SaveError) as info:
        store.read(name)
    message = str(info.value)
    assert "is damaged" in message
    assert str(store.path_for(name)) in message  # names the file
    assert "\n" not in message and "Traceback" not in message
    return info.value


def test_changed_command_text_is_detected_by_checksum(store1: SaveStore) -> None:
    store = store1
    data = make_data()
    data.commands[100] = "open the secret door"
    path = store.write(data)
    raw = path.read_bytes()
    assert raw.count(b"open the secret door") == 1
    path.write_bytes(raw.replace(b"open the secret door", b"OPEN THE SECRET DOOR"))
    error = assert_damaged(store)
    assert "checksum" in str(error)


def test_row_edited_through_sqlite_is_detected(store1: SaveStore) -> None:
    store = store1
    path = store.write(make_data())
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("UPDATE commands SET text = 'win the game' WHERE turn = 7")
        conn.commit()
    assert_damaged(store)


def test_deleted_row_is_detected(store1: SaveStore) -> None:
    store = store1
    path = store.write(make_data())
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("DELETE FROM commands WHERE turn = 200")
        conn.commit()
    assert_damaged(store)


def test_edited_meta_is_detected(store: SaveStore) -> None:
    path = store.write(make_data())
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("UPDATE meta SET value = '1' WHERE key = 'seed'")
        conn.commit()
    assert_damaged(store)


@pytest.mark.parametrize(
    ("start", "length"),
    [
        (0, 100),  # the SQLite header
        (PAGE - 300, 300),  # the schema, stored at the end of page 1
        (PAGE, None),  # every page after the first
        (PAGE + 1000, 3 * PAGE),  # a stretch in the middle
    ],
)
def test_random_bytes_over_part_of_the_file(
    store: SaveStore, start: int, length: int | None
) -> None:
    path = store.write(make_data())
    raw = bytearray(path.read_bytes())
    assert len(raw) >= 4 * PAGE
    end = len(raw) if length is None else min(len(raw), start + length)
    raw[start:end] = random.Random(start).randbytes(end - start)
    path.write_bytes(bytes(raw))
    assert_damaged(store)


@pytest.mark.parametrize("keep", [0, 1, 50, 100, PAGE, 0.5, -PAGE, -1])
def test_truncated_file(store: SaveStore, keep: float) -> None:
    path = store.write(make_data())
    raw = path.read_bytes()
    if isinstance(keep, float):
        size = int(len(raw) * keep)
    else:
        size = keep if keep >= 0 else len(raw) + keep
    assert 0 <= size < len(raw)
    path.write_bytes(raw[:size])
    assert_damaged(store)


@pytest.mark.parametrize(
    "content",
    [
        b"This is my diary, not a save.\n" * 200,
        b"short text",
        bytes(random.Random(1).randbytes(3 * PAGE)),
        b"SQLite format 3\x00" + b"\x00" * 200,
    ],
)
def test_file_that_is_not_sqlite(store: SaveStore, content: bytes) -> None:
    store.directory.mkdir()
    (store.directory / "slot.kage").write_bytes(content)
    assert_damaged(store)


def test_sqlite_file_with_the_wrong_tables(store: SaveStore) -> None:
    store.directory.mkdir()
    with closing(sqlite3.connect(store.directory / "slot.kage")) as conn:
        conn.execute("CREATE TABLE inventory (item TEXT)")
        conn.execute("INSERT INTO inventory VALUES ('kunai')")
        conn.commit()
    error = assert_damaged(store)
    assert "not a kage save" in str(error)


def test_sqlite_file_with_kage_tables_but_not_written_by_kage(store: SaveStore) -> None:
    store.directory.mkdir()
    with closing(sqlite3.connect(store.directory / "slot.kage")) as conn:
        conn.executescript(saves._SCHEMA)
    error = assert_damaged(store)
    assert "not a kage save" in str(error)


@pytest.mark.parametrize(
    ("version", "table"),
    [(1, "meta"), (1, "commands"), (1, "snapshots"), (2, "meta"), (2, "log"), (2, "snapshots")],
)
def test_kage_file_missing_a_table(store: SaveStore, version: int, table: str) -> None:
    store = SaveStore(store.directory, format_version=version)
    path = store.write(make_data())
    with closing(sqlite3.connect(path)) as conn:
        conn.execute(f"DROP TABLE {table}")
        conn.commit()
    error = assert_damaged(store)
    assert table in str(error)


def test_kage_file_missing_the_checksum(store: SaveStore) -> None:
    path = store.write(make_data())
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("DELETE FROM meta WHERE key = 'checksum'")
        conn.commit()
    error = assert_damaged(store)
    assert "checksum" in str(error)


def test_newer_format_version_is_refused_clearly(store: SaveStore) -> None:
    path = store.write(make_data())
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA user_version = 3")
    with pytest.raises(SaveError) as info:
        store.read("slot")
    message = str(info.value)
    assert "format version 3" in message and str(path) in message
    assert "is damaged" not in message


def test_zeroed_format_version_is_damage(store: SaveStore) -> None:
    path = store.write(make_data())
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA user_version = 0")
    assert_damaged(store)


def test_directory_with_save_suffix_is_an_error_not_a_crash(store: SaveStore) -> None:
    (store.directory / "slot.kage").mkdir(parents=True)
    assert_damaged(store)


def test_missing_save_is_a_clear_error(store: SaveStore) -> None:
    with pytest.raises(SaveError) as info:
        store.read("nowhere")
    assert "no save named 'nowhere'" in str(info.value)
    assert str(store.path_for("nowhere")) in str(info.value)
    assert not store.directory.exists()  # reading never creates anything


def test_damaged_save_does_not_affect_its_neighbours(store: SaveStore) -> None:
    store.write(make_data("first"))
    store.write(make_data("second", n=5))
    store.path_for("first").write_bytes(b"garbage" * 1000)
    assert store.read("second").turn == 5


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc to see open files")
def test_connections_are_closed_even_when_reading_fails(store: SaveStore) -> None:
    def open_files() -> list[str]:
        found = []
        for fd in os.listdir("/proc/self/fd"):
            try:
                target = os.readlink(f"/proc/self/fd/{fd}")
            except OSError:
                continue
            if target.startswith(str(store.directory)):
                found.append(target)
        return found

    store.write(make_data("good"))
    path = SaveStore(store.directory, format_version=1).write(make_data("bad"))
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("UPDATE commands SET text = 'x' WHERE turn = 1")
        conn.commit()
    loaded = store.read("good")
    with pytest.raises(SaveError) as info:  # keep the traceback (and its frames) alive
        store.read("bad")
    infos = store.list()
    assert open_files() == []
    assert loaded.turn == 200 and info.value is not None and len(infos) == 2


# --- atomic writes ------------------------------------------------------------------


def failing_rows(after: int, exc: BaseException):  # noqa: ANN201 - test helper
    """A stand-in for saves._command_rows that dies after writing `after` rows."""

    def rows(commands):  # noqa: ANN001, ANN202
        for turn, text in enumerate(commands, start=1):
            if turn > after:
                raise exc
            yield turn, text

    return rows


def test_failure_midway_keeps_old_save_and_leaves_no_temp_files(
    store1: SaveStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = store1
    old = make_data(n=20, summary="the old save")
    store.write(old)
    before = store.path_for("slot").read_bytes()

    real_rows = saves._command_rows
    calls = {"n": 0}

    def rows_then_fail(commands):  # noqa: ANN001, ANN202
        calls["n"] += 1
        if calls["n"] == 1:  # the checksum pass: let it through
            return real_rows(commands)
        return failing_rows(50, OSError("No space left on device"))(commands)

    monkeypatch.setattr(saves, "_command_rows", rows_then_fail)
    with pytest.raises(SaveError) as info:
        store.write(make_data(n=200, summary="the new save"))
    assert "No space left on device" in str(info.value)
    assert str(store.path_for("slot")) in str(info.value)
    assert calls["n"] == 2  # the failure really happened inside the database write

    assert files_in(store.directory) == ["slot.kage"]
    assert store.path_for("slot").read_bytes() == before
    assert same_content(store.read("slot"), old)


def test_interrupt_midway_propagates_and_cleans_up(
    store1: SaveStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = store1
    old = make_data(n=20)
    store.write(old)
    real_rows = saves._command_rows
    calls = {"n": 0}

    def rows_then_interrupt(commands):  # noqa: ANN001, ANN202
        calls["n"] += 1
        if calls["n"] == 1:
            return real_rows(commands)
        return failing_rows(10, KeyboardInterrupt())(commands)

    monkeypatch.setattr(saves, "_command_rows", rows_then_interrupt)
    with pytest.raises(KeyboardInterrupt):
        store.write(make_data(n=200))
    assert files_in(store.directory) == ["slot.kage"]
    assert same_content(store.read("slot"), old)


def test_failure_at_fsync_keeps_old_save(store: SaveStore, monkeypatch: pytest.MonkeyPatch) -> None:
    old = make_data(n=20)
    store.write(old)
    seen: list[Path] = []

    def broken_fsync(path: Path) -> None:
        seen.append(path)
        assert path.stat().st_size > 0  # the complete new file exists, under a temp name
        assert path.name.endswith(saves.TEMP_SUFFIX)
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(saves, "_fsync_file", broken_fsync)
    with pytest.raises(SaveError) as info:
        store.write(make_data(n=200))
    assert "input/output error" in str(info.value)
    assert len(seen) == 1 and not seen[0].exists()
    assert files_in(store.directory) == ["slot.kage"]
    assert same_content(store.read("slot"), old)


def test_failed_first_write_leaves_nothing(
    store: SaveStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_fsync(path: Path) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(saves, "_fsync_file", broken_fsync)
    with pytest.raises(SaveError):
        store.write(make_data())
    assert files_in(store.directory) == []
    assert store.list() == []


def test_new_file_only_appears_under_its_name_when_complete(
    store: SaveStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At the moment of the rename the temporary file is already a full, valid save."""
    seen: list[SaveData] = []
    real_replace = os.replace

    def checking_replace(src: os.PathLike[str], dst: os.PathLike[str]) -> None:
        seen.append(saves.load(Path(src)))
        real_replace(src, dst)

    monkeypatch.setattr(saves.os, "replace", checking_replace)
    store.write(make_data())
    assert len(seen) == 1 and seen[0].turn == 200


def test_invalid_data_is_rejected_before_touching_disk(store: SaveStore) -> None:
    bad = [
        make_data(turn=199),
        make_data(turn=True, n=1),
        make_data(seed=True),
        make_data(seed="42"),
        make_data(commands=["ok", 3], turn=2),
        make_data(commands="look", turn=4),
        make_data(commands=["bad \udc80 surrogate"], turn=1, snapshots=[]),
        make_data(snapshots=[(50, "{}"), (0, "{}")]),
        make_data(snapshots=[(0, "{}"), (0, "{}")]),
        make_data(snapshots=[(201, "{}")]),
        make_data(snapshots=[(-1, "{}")]),
        make_data(snapshots=[(0, "{not json")]),
        make_data(snapshots=[(0, {"a": 1})]),
        make_data(snapshots=[(0,)]),
        make_data(summary=None),
    ]
    for data in bad:
        with pytest.raises(SaveError) as info:
            store.write(data)
        assert str(store.path_for("slot")) in str(info.value), data
    assert not store.directory.exists()


# --- list and delete ----------------------------------------------------------------


def test_list_reports_good_and_broken_files_without_raising(store: SaveStore) -> None:
    store.write(make_data("Alpha 🍥", n=3, summary="Gate, turn 3"))
    store.write(make_data("beta", n=7, summary="Market, turn 7"))
    (store.directory / "broken.kage").write_text("not a save", encoding="utf-8")
    (store.directory / "empty.kage").write_bytes(b"")
    (store.directory / "notes.txt").write_text("ignored", encoding="utf-8")
    (store.directory / ".beta.abc123.kage-tmp").write_bytes(b"left by a crash")

    infos = store.list()
    assert [i.path.name for i in infos] == [
        store.path_for("Alpha 🍥").name,
        "beta.kage",
        "broken.kage",
        "empty.kage",
    ]
    alpha, beta, broken, empty = infos
    assert alpha == SaveInfo(
        "Alpha 🍥",
        alpha.path,
        True,
        None,
        3,
        "Gate, turn 3",
        store.read("alpha 🍥").created,
        store.read("alpha 🍥").world_id,
    )
    assert beta.ok and beta.turn == 7 and beta.summary == "Market, turn 7" and beta.created
    for info in (broken, empty):
        assert not info.ok
        assert info.error is not None and "is damaged" in info.error
        assert str(info.path) in info.error
        assert (info.turn, info.summary, info.created) == (None, None, None)
    assert broken.name == "broken"
    assert "empty" in (empty.error or "")


def test_list_of_missing_directory_is_empty(tmp_path: Path) -> None:
    assert SaveStore(tmp_path / "none").list() == []


def test_list_marks_a_tampered_save_broken(store: SaveStore) -> None:
    path = store.write(make_data())
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("UPDATE meta SET value = 'Somewhere else' WHERE key = 'summary'")
        conn.commit()
    [info] = store.list()
    assert not info.ok and info.summary is None and "checksum" in (info.error or "")


def test_delete_removes_only_that_save(store: SaveStore) -> None:
    store.write(make_data("one"))
    store.write(make_data("two"))
    store.delete("One")  # same file name after sanitising
    assert [i.name for i in store.list()] == ["two"]
    with pytest.raises(SaveError):
        store.read("one")


def test_delete_missing_save_is_an_error(store: SaveStore) -> None:
    with pytest.raises(SaveError) as info:
        store.delete("ghost")
    assert "ghost" in str(info.value) and str(store.path_for("ghost")) in str(info.value)


def test_delete_works_on_a_broken_file(store: SaveStore) -> None:
    store.directory.mkdir()
    (store.directory / "junk.kage").write_bytes(b"junk")
    store.delete("junk")
    assert store.list() == []


def test_renamed_file_takes_the_new_name(store: SaveStore) -> None:
    path = store.write(make_data("alpha"))
    path.rename(store.directory / "beta.kage")
    loaded = store.read("beta")
    assert loaded.name == "beta" and loaded.turn == 200
    store.write(loaded)  # writes back where it was found, not to alpha.kage
    assert files_in(store.directory) == ["beta.kage"]


# --- names --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "file_name"),
    [
        ("slot", "slot.kage"),
        ("My Save", "my_save+"),
        ("  Chapter 2: the Gate!  ", "chapter_2_the_gate+"),
        ("../../etc/passwd", "etc_passwd+"),
        ("C:\\Windows\\system32", "c_windows_system32+"),
        ("a\x00b\nc\td", "a_b_c_d+"),
        ("save.kage", "save_kage+"),
        ("..hidden", "hidden+"),
        ("-rf", "rf+"),
        ("CON", "con_+"),
        ("lpt1", "lpt1_+"),
        ("...", "save+"),
        ("!!!", "save+"),
        ("忍者", "忍者.kage"),
        ("🍥", "🍥.kage"),
        ("Ω-Straße", "ω-straße.kage"),
        ("cafe\u0301", "caf\u00e9.kage"),
        ("नमस्ते", "नमस्ते.kage"),
    ],
)
def test_path_for_sanitises(store: SaveStore, name: str, file_name: str) -> None:
    """A name that is a safe file name is its own file; any other gets its safe part
    and a hash of the whole name after a "+"."""
    path = store.path_for(name)
    if file_name.endswith("+"):
        digest = path.name[len(file_name) : -len(".kage")]
        assert path.name.startswith(file_name) and len(digest) == saves.HASH_CHARS
    else:
        assert path.name == file_name
    assert path.parent == store.directory


@pytest.mark.parametrize("name", ["", "   ", "\t\n"])
def test_path_for_rejects_empty_names(store: SaveStore, name: str) -> None:
    with pytest.raises(SaveError, match="cannot be empty"):
        store.path_for(name)


@pytest.mark.parametrize("name", ["...", "!!!", "/", "\\", "\x00", "-_-", "\u0301", "."])
def test_names_without_letters_round_trip(store: SaveStore, name: str) -> None:
    store.write(make_data(name, n=2))
    assert store.read(name).name == name


def test_names_differing_in_more_than_case_and_spaces_never_share_a_file(
    store: SaveStore,
) -> None:
    names = ["my save", "my_save", "my.save", "my/save", "../my save", "My Save!", "mysave"]
    for index, name in enumerate(names):
        store.write(make_data(name, n=index))
    assert [store.read(name).turn for name in names] == list(range(len(names)))
    assert len(store.list()) == len(names)
    store.write(make_data("  MY   SAVE ", n=99))  # same name: case and spaces do not count
    assert store.read("my save").turn == 99 and len(store.list()) == len(names)


def test_path_for_rejects_non_text(store: SaveStore) -> None:
    with pytest.raises(SaveError):
        store.path_for(None)  # type: ignore[arg-type]


def test_long_names_fit_in_a_file_name(store: SaveStore) -> None:
    longest = saves.MAX_NAME_CHARS
    for name in ("x" * longest, "🍥" * longest, "忍" * longest):
        path = store.path_for(name)
        assert len(path.name.encode("utf-8")) <= 255
        assert len(path.stem) <= saves.MAX_STEM_CHARS + 1 + saves.HASH_CHARS
    store.write(make_data("🍥" * longest, n=1))
    assert store.read("🍥" * longest).name == "🍥" * longest
    # Two long names that agree on the part kept in the file name are still two saves.
    store.write(make_data("🍥" * (longest - 1) + "x", n=2))
    assert store.read("🍥" * longest).turn == 1


def test_too_long_names_are_refused_clearly(store: SaveStore) -> None:
    with pytest.raises(SaveError, match=f"at most {saves.MAX_NAME_CHARS} characters"):
        store.path_for("x" * (saves.MAX_NAME_CHARS + 1))


@settings(max_examples=300, deadline=None)
@given(name=st.text(max_size=300))
def test_property_path_for_is_safe_and_stable(name: str) -> None:
    store = SaveStore(Path("/saves"))
    try:
        path = store.path_for(name)
    except SaveError:
        assert not name.strip() or len(name) > saves.MAX_NAME_CHARS
        return
    assert path.parent == store.directory
    assert path.suffix == ".kage"
    stem = path.name[: -len(".kage")]
    assert stem not in saves._RESERVED_STEMS
    core = stem[:-1] if stem[:-1] in saves._RESERVED_STEMS else stem  # "con" -> "con_"
    assert core and core[0] not in "._-" and core[-1] not in "._-"
    assert not set(stem) & set('/\\:*?"<>|.' + string.whitespace)
    assert all(ch.isprintable() for ch in stem)
    assert len(path.name.encode("utf-8")) <= 255
    if "+" not in stem:
        assert store.path_for(stem) == path  # a stem read back from disk maps to the same file
    assert store.path_for(f"  {name} ") == path  # spaces around a name do not count


@settings(max_examples=300, deadline=None)
@given(first=st.text(min_size=1, max_size=50), second=st.text(min_size=1, max_size=50))
def test_property_different_names_get_different_files(first: str, second: str) -> None:
    store = SaveStore(Path("/saves"))
    if first.strip() and second.strip() and saves.name_key(first) != saves.name_key(second):
        assert store.path_for(first) != store.path_for(second)
