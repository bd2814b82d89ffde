"""A world file is data from anyone: what the loader reads is bounded before and while it
is parsed, and only regular files in the world's folder are read at all."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from tests.content.hostile.corpus import bomb
from tests.content.worlds import MINIMAL, minimal, only, problems, timed

from kage.content import files, yaml_lines
from kage.content.compile import load_world
from kage.content.errors import ContentError, Problem


def refused(folder: Path, seconds: float = 5.0) -> list[Problem]:
    result = timed(seconds, lambda: load_world(folder))
    assert isinstance(result, ContentError), f"not refused: {result!r}"
    return result.problems


# -- aliases -----------------------------------------------------------------------------
@pytest.mark.parametrize("levels", [6, 9], ids=["a million", "a billion"])
def test_an_alias_bomb_is_refused_within_a_second(tmp_path: Path, levels: int) -> None:
    minimal(tmp_path, bomb_yaml=bomb(levels))
    (problem,) = refused(tmp_path, seconds=1.0)
    assert problem.file == "bomb.yaml"
    assert problem.line == 6  # the first alias past the limit: *l3 (11,111 values) on line 6
    assert "the alias '*l3' repeats 11,111 values" in problem.message
    assert f"more than {yaml_lines.MAX_FILE_VALUES:,}" in problem.message


def test_a_narrow_deep_alias_bomb(tmp_path: Path) -> None:
    minimal(tmp_path, bomb_yaml=bomb(40, width=2))  # 2**40 values
    (problem,) = refused(tmp_path, seconds=1.0)
    assert problem.file == "bomb.yaml"
    assert "once aliases are repeated" in problem.message


def test_aliases_within_the_limit_are_fine(tmp_path: Path) -> None:
    own = "player: hero\n  props: {l0: list, l1: list, l2: list}"  # the world's own props
    minimal(
        tmp_path, world_yaml=MINIMAL["world.yaml"].replace("player: hero", own), bomb_yaml=bomb(3)
    )
    world = load_world(tmp_path)
    assert world.entities["t2"].props["l2"] == [[["lol"] * 10] * 10] * 10


def test_a_problem_in_what_an_alias_repeats_is_reported_at_the_alias(tmp_path: Path) -> None:
    text = "hope:\n  - &v {text: x, when: {at: nowhere}}\n  - {text: y}\n  - *v\n"
    minimal(tmp_path, hope_yaml=text)
    found = problems(tmp_path)
    assert [(p.file, p.line) for p in found] == [("hope.yaml", 2), ("hope.yaml", 4)]
    assert all("'nowhere' is not a known place" in p.message for p in found)


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("hope: &a\n  - {text: x, when: {all: *a}}\n", 2),
        ("hope:\n  - &a {text: x, when: {not: *a}}\n", 2),
        ("hope:\n  - &a {text: x, when: {not: &b {all: [*b]}}}\n", 2),
        ("hope:\n  - &a\n    text: x\n    when:\n      not: &b\n        all:\n          - *a\n", 7),
    ],
    ids=["a list in itself", "a mapping in itself", "b in itself", "a in b in a"],
)
def test_a_recursive_alias_is_refused_at_its_line(tmp_path: Path, text: str, line: int) -> None:
    minimal(tmp_path, loop_yaml=text)
    (problem,) = refused(tmp_path, seconds=1.0)
    assert (problem.file, problem.line) == ("loop.yaml", line)
    assert "is inside the '&" in problem.message
    assert "would repeat itself forever" in problem.message


def test_an_alias_placed_deep_cannot_nest_past_the_limit(tmp_path: Path) -> None:
    deep = "[" * 40 + "x" + "]" * 40
    minimal(
        tmp_path,
        deep_yaml=f"hope:\n  - {{text: x, when: {{a: &a {deep}}}}}\n"
        + (f"  - {{text: x, when: {{b: {'[' * 30}*a{']' * 30}}}}}\n"),
    )
    (problem,) = refused(tmp_path)
    assert (problem.file, problem.line) == ("deep.yaml", 3)
    assert "nested more than 60 levels" in problem.message


# -- nesting, counts, numbers -------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "hope: " + "[" * 1_000 + "]" * 1_000 + "\n",
        "hope: " + "[" * 200_000 + "\n",
        "hope: " + "{a: " * 60_000 + "\n",
        "hope:\n" + "".join("  " * i + "-\n" for i in range(1, 200)),
    ],
    ids=["flow", "flow, unclosed", "flow mappings", "block"],
)
def test_deep_nesting_is_refused_as_soon_as_it_is_met(tmp_path: Path, text: str) -> None:
    minimal(tmp_path, deep_yaml=text)
    (problem,) = refused(tmp_path, seconds=2.0)
    assert problem.file == "deep.yaml"
    assert problem.line == (61 if text.startswith("hope:\n") else 1)  # the 61st level
    assert f"nested more than {yaml_lines.MAX_DEPTH} levels deep" in problem.message


def test_a_file_of_too_many_values_is_refused_where_it_passes_the_limit(tmp_path: Path) -> None:
    text = "hope:\n" + "  - {text: x}\n" * 4_000  # three values an entry
    minimal(tmp_path, many_yaml=text)
    (problem,) = refused(tmp_path, seconds=10.0)
    assert problem.file == "many.yaml"
    # the file, 'hope' and its list are 3 values, each entry 3 more: entry 3,333 is too many
    assert problem.line == 1 + (yaml_lines.MAX_FILE_NODES - 3 + 2) // 3
    assert f"more than {yaml_lines.MAX_FILE_NODES:,} values" in problem.message
    assert "Split it into several files" in problem.message


def test_a_world_of_too_many_values_stops_at_the_file_that_passes_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(yaml_lines, "MAX_WORLD_NODES", 600)  # a world of 5 files of 200
    entries = "hope:\n" + "  - {text: x}\n" * 66  # 1 + 1 + 66 * 3 = 200 values
    minimal(tmp_path, **{f"more{i}_yaml": entries for i in range(5)})
    found = problems(tmp_path)
    assert [p.file for p in found] == ["more2.yaml"]  # files are read in order of name
    assert "with this file the world holds more than 600 values" in found[0].message


@pytest.mark.parametrize(
    "number", ["9" * 100_000, "-" + "1" * 21, "0x" + "f" * 50_000, "!!int " + "7" * 30]
)
def test_a_number_with_too_many_digits(tmp_path: Path, number: str) -> None:
    minimal(tmp_path)
    (tmp_path / "people.yaml").write_text(
        f"people:\n  - id: hero\n    name: Hero\n    at: room\n    money: {number}\n"
    )
    (problem,) = refused(tmp_path, seconds=2.0)
    assert (problem.file, problem.line) == ("people.yaml", 5)
    assert "this number has more than 20 digits" in problem.message


# -- sizes ----------------------------------------------------------------------------------
def test_a_huge_file_is_refused_by_its_size_before_it_is_read(tmp_path: Path) -> None:
    minimal(tmp_path)
    with (tmp_path / "huge.yaml").open("wb") as handle:
        handle.truncate(files.MAX_FILE_BYTES + 1)  # sparse zeros: refused if ever read
    (problem,) = refused(tmp_path, seconds=1.0)
    assert (problem.file, problem.line) == ("huge.yaml", 0)
    size = files.MAX_FILE_BYTES + 1
    assert f"is {size:,} bytes; a world file may be at most {size - 1:,}" in problem.message
    assert str(problem) == f"huge.yaml: {problem.message}"


def test_a_terabyte_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    minimal(tmp_path)
    with (tmp_path / "huge.yaml").open("wb") as handle:
        handle.truncate(1 << 40)  # sparse: reading it would never end
    (problem,) = refused(tmp_path, seconds=1.0)
    assert (problem.file, problem.line) == (str(tmp_path), 0)
    assert "the world's files come to 1,099,511" in problem.message


def test_a_file_just_within_the_size_limit_is_read(tmp_path: Path) -> None:
    prose = "# " + "x" * (files.MAX_FILE_BYTES - 40) + "\n"
    minimal(tmp_path, notes_yaml=prose + "hope: [{text: x}]\n")
    assert (tmp_path / "notes.yaml").stat().st_size <= files.MAX_FILE_BYTES
    assert len(load_world(tmp_path).hope_lines) == 1


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux's /proc")
def test_a_file_is_never_read_past_the_limit_even_if_its_size_says_less() -> None:
    path = Path("/proc/self/status")  # a regular file of size 0 that holds a page of text
    assert path.stat().st_size == 0
    with pytest.raises(ContentError) as info:
        files.read_file(path, "status.yaml", room=10)
    assert "holds more than 10 bytes" in str(info.value)
    assert "Name:" not in str(info.value)


def test_a_world_too_big_in_all_is_refused_before_a_file_is_read(tmp_path: Path) -> None:
    minimal(tmp_path)
    count = files.MAX_WORLD_BYTES // files.MAX_FILE_BYTES + 1
    for i in range(count):
        with (tmp_path / f"part{i:02}.yaml").open("wb") as handle:
            handle.truncate(files.MAX_FILE_BYTES)  # zeros: refused if it were ever read
    (problem,) = refused(tmp_path, seconds=1.0)
    assert (problem.file, problem.line) == (str(tmp_path), 0)
    assert "the world's files come to" in problem.message
    assert f"at most {files.MAX_WORLD_BYTES:,} bytes" in problem.message


def test_too_many_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(files, "MAX_FILES", 5)
    minimal(tmp_path, a_yaml="hope: []\n", b_yaml="hope: []\n", c_yaml="hope: []\n")
    problem = only(tmp_path)
    assert (problem.file, problem.line) == (str(tmp_path), 0)
    assert "holds 6 world files; a world may have at most 5" in problem.message


# -- regular files only ---------------------------------------------------------------------
def test_a_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    minimal(tmp_path)
    os.mkfifo(tmp_path / "x.yaml")
    (problem,) = refused(tmp_path, seconds=2.0)
    assert (problem.file, problem.line) == ("x.yaml", 0)
    assert "is a named pipe (FIFO), not a regular file" in problem.message


@pytest.mark.parametrize("target", ["/dev/zero", "/dev/urandom", "/etc/passwd"])
def test_a_symbolic_link_is_refused_without_reading_what_it_points_to(
    tmp_path: Path, target: str
) -> None:
    if not Path(target).exists():
        pytest.skip(f"no {target} here")
    minimal(tmp_path)
    (tmp_path / "x.yaml").symlink_to(target)
    (problem,) = refused(tmp_path, seconds=2.0)
    assert (problem.file, problem.line) == ("x.yaml", 0)
    assert "is a symbolic link, not a regular file" in problem.message
    assert target not in problem.message
    assert "root" not in problem.message  # nothing of /etc/passwd is quoted


def test_a_link_to_a_good_world_file_outside_the_folder_is_refused(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "things.yaml").write_text("things:\n  - {id: lamp, name: lamp, at: room}\n")
    world = minimal(tmp_path / "world")
    (world / "things.yaml").symlink_to(elsewhere / "things.yaml")
    (problem,) = refused(world)
    assert (problem.file, problem.line) == ("things.yaml", 0)
    assert "symbolic link" in problem.message


def test_a_folder_named_like_a_world_file(tmp_path: Path) -> None:
    minimal(tmp_path)
    (tmp_path / "x.yaml").mkdir()
    (problem,) = refused(tmp_path)
    assert (problem.file, problem.line) == ("x.yaml", 0)
    assert "is a folder, not a regular file" in problem.message


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null"])
def test_a_device_is_refused_before_it_is_read(device: str) -> None:
    if not Path(device).exists():
        pytest.skip(f"no {device} here")
    try:
        result = timed(2.0, lambda: files.read_file(Path(device), "x.yaml"))
    except OSError:
        pytest.skip(f"{device} cannot be opened here")
    assert isinstance(result, ContentError)
    assert "is a device, not a regular file" in str(result)


def test_a_world_folder_that_is_a_file(tmp_path: Path) -> None:
    (tmp_path / "world.yaml").write_text("world: {}\n")
    (problem,) = refused(tmp_path / "world.yaml")
    assert problem.file == str(tmp_path / "world.yaml")
    assert "is not a folder of world files" in problem.message


def test_a_world_folder_that_is_a_named_pipe(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "world")
    (problem,) = refused(tmp_path / "world", seconds=2.0)
    assert "is not a folder of world files" in problem.message


def test_a_world_folder_that_is_a_link_to_a_folder_is_fine(tmp_path: Path) -> None:
    minimal(tmp_path / "real")
    (tmp_path / "link").symlink_to(tmp_path / "real")
    assert load_world(tmp_path / "link").id == "tiny"


# -- every file of a world, for a digest -----------------------------------------------------
def test_world_bytes_reads_every_world_file_in_order(tmp_path: Path) -> None:
    minimal(tmp_path, a_yaml="hope: []\n")
    (tmp_path / "notes.txt").write_text("not a world file")
    names = [name for name, _ in files.world_bytes(tmp_path)]
    assert names == ["a.yaml", "people.yaml", "places.yaml", "world.yaml"]
    assert dict(files.world_bytes(tmp_path))["a.yaml"] == b"hope: []\n"


@pytest.mark.parametrize("hostile", ["fifo", "zero", "terabyte"])
def test_world_bytes_refuses_what_the_loader_refuses(tmp_path: Path, hostile: str) -> None:
    minimal(tmp_path)
    if hostile == "fifo":
        os.mkfifo(tmp_path / "x.yaml")
    elif hostile == "zero":
        (tmp_path / "x.yaml").symlink_to("/dev/zero")
    else:
        with (tmp_path / "x.yaml").open("wb") as handle:
            handle.truncate(1 << 40)
    result = timed(2.0, lambda: files.world_bytes(tmp_path))
    assert isinstance(result, ContentError)


# -- names ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "shown"),
    [
        (b"caf\xe9.yaml", "caf\\xe9.yaml"),
        (b"a\nb.yaml", "a\\nb.yaml"),
        (b"\xe2\x80.yml", "\\xe2\\x80.yml"),
    ],
)
def test_a_file_name_that_cannot_be_printed_is_shown_with_escapes(
    tmp_path: Path, name: bytes, shown: str
) -> None:
    minimal(tmp_path)
    with open(os.path.join(os.fsencode(tmp_path), name), "wb") as handle:
        handle.write(b"hope: [5]\n")
    problem = only(tmp_path)
    assert (problem.file, problem.line) == (shown, 1)
    str(problem).encode("utf-8")  # printable as it is
    assert str(problem).isprintable()


def test_a_file_name_that_is_not_utf8_is_read(tmp_path: Path) -> None:
    minimal(tmp_path)
    with open(os.path.join(os.fsencode(tmp_path), b"caf\xe9.yaml"), "wb") as handle:
        handle.write(b"hope: [{text: x}]\n")
    assert len(load_world(tmp_path).hope_lines) == 1
    assert [name for name, _ in files.world_bytes(tmp_path)][0] == "caf\udce9.yaml"
