"""Temporary files told apart from debris: a writer's file is locked while it works, so a
sweep removes only what nobody holds, only regular files, and their SQLite side files."""

from __future__ import annotations

import fcntl
import os
import time
from pathlib import Path

import pytest

from kage.persist import temp
from kage.persist.temp import STALE_SECONDS, create_locked, sweep

SUFFIX = ".kage-tmp"


def locked_elsewhere(path: Path) -> bool:
    """Whether another holder has the file locked (a non-blocking lock attempt fails)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(fd)
    return False


def test_a_new_temporary_file_is_named_in_its_folder_and_locked(tmp_path: Path) -> None:
    fd, path = create_locked(tmp_path, ".slot.", SUFFIX)
    try:
        assert path.parent == tmp_path
        assert path.name.startswith(".slot.") and path.name.endswith(SUFFIX)
        assert path.stat().st_size == 0
        assert locked_elsewhere(path)
        assert sweep(tmp_path, SUFFIX) == 0 and path.exists()
    finally:
        os.close(fd)
    assert not locked_elsewhere(path)
    assert sweep(tmp_path, SUFFIX) == 1 and not path.exists()


def test_a_file_swept_before_it_was_locked_is_made_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The race the loop in create_locked guards against: a sweep takes the new file
    between its creation and its lock."""
    real, swept = fcntl.flock, []

    def sweep_first(fd: int, operation: int) -> None:
        if not swept:
            path = Path(os.readlink(f"/proc/self/fd/{fd}"))
            path.unlink()
            swept.append(path)
        real(fd, operation)

    if not Path("/proc/self/fd").is_dir():
        pytest.skip("needs /proc to name an open file")
    monkeypatch.setattr(temp.fcntl, "flock", sweep_first)
    fd, path = create_locked(tmp_path, ".slot.", SUFFIX)
    try:
        assert path != swept[0] and path.exists() and not swept[0].exists()
        assert os.stat(path).st_ino == os.fstat(fd).st_ino
        assert [p.name for p in tmp_path.iterdir()] == [path.name]
    finally:
        os.close(fd)


def test_without_flock_a_new_file_is_still_made_in_its_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(temp, "HAVE_FLOCK", False)
    fd, path = create_locked(tmp_path, ".slot.", SUFFIX)
    os.close(fd)
    assert path.parent == tmp_path and path.exists()
    assert path.name.startswith(".slot.") and path.name.endswith(SUFFIX)


def test_sweep_removes_side_files_and_counts_only_what_it_removed(tmp_path: Path) -> None:
    left = tmp_path / f".a.x{SUFFIX}"
    left.write_bytes(b"half a save")
    sides = [Path(f"{left}{side}") for side in ("-journal", "-wal", "-shm")]
    for side in sides:
        side.write_bytes(b"")
    other = tmp_path / "keep.kage"
    other.write_bytes(b"a save")
    assert sweep(tmp_path, SUFFIX) == 1
    assert not left.exists() and not any(side.exists() for side in sides)
    assert other.exists()
    assert sweep(tmp_path, SUFFIX) == 0


def test_sweep_never_follows_or_removes_a_link(tmp_path: Path) -> None:
    target = tmp_path / "precious.txt"
    target.write_text("keep me")
    link = tmp_path / f".a.x{SUFFIX}"
    link.symlink_to(target)
    assert sweep(tmp_path, SUFFIX) == 0
    assert link.is_symlink() and target.read_text() == "keep me"


def test_sweep_never_hangs_on_or_removes_a_fifo(tmp_path: Path) -> None:
    fifo = tmp_path / f".a.x{SUFFIX}"
    os.mkfifo(fifo)
    began = time.monotonic()
    assert sweep(tmp_path, SUFFIX) == 0
    assert time.monotonic() - began < 5
    assert fifo.exists()


def test_sweep_leaves_folders_alone(tmp_path: Path) -> None:
    (tmp_path / f"dir{SUFFIX}").mkdir()
    assert sweep(tmp_path, SUFFIX) == 0
    assert (tmp_path / f"dir{SUFFIX}").is_dir()


def test_sweep_of_a_missing_folder_is_nothing(tmp_path: Path) -> None:
    assert sweep(tmp_path / "none", SUFFIX) == 0


def test_without_flock_only_files_older_than_an_hour_are_swept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(temp, "HAVE_FLOCK", False)
    fresh, stale, exact = (tmp_path / f"{n}{SUFFIX}" for n in ("fresh", "stale", "exact"))
    for path in (fresh, stale, exact):
        path.write_bytes(b"")
    Path(f"{stale}-wal").write_bytes(b"")
    now = time.time()
    os.utime(stale, (now - STALE_SECONDS - 60, now - STALE_SECONDS - 60))
    os.utime(exact, (now - STALE_SECONDS, now - STALE_SECONDS))
    monkeypatch.setattr(temp.time, "time", lambda: now)
    (tmp_path / f"dir{SUFFIX}").mkdir()
    os.utime(tmp_path / f"dir{SUFFIX}", (0, 0))
    assert sweep(tmp_path, SUFFIX) == 2
    assert fresh.exists() and not stale.exists() and not exact.exists()
    assert not Path(f"{stale}-wal").exists()
    assert (tmp_path / f"dir{SUFFIX}").is_dir()
