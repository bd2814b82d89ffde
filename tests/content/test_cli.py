"""`kage check WORLD` runs the validation alone; a broken world never shows a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from tests.content.worlds import banished, edit, minimal


def kage(*args: str, cache: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "KAGE_CACHE": str(cache), "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "kage", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )


def no_traceback(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stdout + result.stderr


@pytest.fixture
def cache(tmp_path: Path) -> Path:
    return tmp_path / "cache"


def test_check_a_good_world(tmp_path: Path, cache: Path) -> None:
    result = kage("check", str(minimal(tmp_path / "tiny")), cache=cache)
    no_traceback(result)
    assert result.returncode == 0, result.stderr
    assert "Tiny: OK (2 places, 1 person" in result.stdout
    assert result.stderr == ""


def test_check_the_bundled_campaign(cache: Path) -> None:
    result = kage("check", "banished", cache=cache)
    no_traceback(result)
    assert result.returncode == 0, result.stderr
    assert "Banished: OK" in result.stdout


def test_check_a_broken_world(tmp_path: Path, cache: Path) -> None:
    folder = minimal(tmp_path / "tiny")
    edit(folder, "places.yaml", "north: street", "north: strete")
    edit(folder, "people.yaml", "at: room", "at: rom")
    result = kage("check", str(folder), cache=cache)
    no_traceback(result)
    assert result.returncode == 2
    assert result.stdout == ""
    assert "places.yaml:6: exit 'north' of place 'room' leads to 'strete'" in result.stderr
    assert "Did you mean 'street'?" in result.stderr
    assert "people.yaml:4: " in result.stderr


def test_check_a_broken_copy_of_the_campaign(tmp_path: Path, cache: Path) -> None:
    folder = banished(tmp_path / "banished")
    line = edit(folder, "things.yaml", "at: ", "att: ")
    result = kage("check", str(folder), cache=cache)
    no_traceback(result)
    assert result.returncode == 2
    assert f"things.yaml:{line}: " in result.stderr
    assert "unknown field 'att'. Did you mean 'at'?" in result.stderr


@pytest.mark.parametrize(
    "files",
    [
        {"places_yaml": "places: [\n"},
        {"places_yaml": b"places:\n  - id: caf\xe9\n"},
        {"places_yaml": ""},
        {"world_yaml": None},
    ],
    ids=["yaml", "bytes", "empty", "no-world"],
)
def test_check_files_that_are_not_world_files(
    tmp_path: Path, cache: Path, files: dict[str, str | bytes | None]
) -> None:
    folder = minimal(tmp_path / "tiny", **files)
    result = kage("check", str(folder), cache=cache)
    no_traceback(result)
    assert result.returncode == 2
    assert "The world could not be loaded" in result.stderr


def test_check_a_folder_that_is_not_there(tmp_path: Path, cache: Path) -> None:
    result = kage("check", str(tmp_path / "nowhere"), cache=cache)
    no_traceback(result)
    assert result.returncode == 2


def test_play_a_broken_world(tmp_path: Path, cache: Path) -> None:
    folder = minimal(tmp_path / "tiny")
    edit(folder, "places.yaml", "north: street", "north: strete")
    result = kage("play", str(folder), "--script", os.devnull, cache=cache)
    no_traceback(result)
    assert result.returncode == 2
    assert "places.yaml:6: " in result.stderr
