"""Finding worlds and the compiled-world cache."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from kage import compiled, worlds
from kage.content.errors import ContentError


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("KAGE_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_unknown_world_is_a_clear_error() -> None:
    with pytest.raises(ContentError) as info:
        worlds.locate("no-such-world")
    assert "banished" in str(info.value)


def test_cache_is_written_and_reused(cache) -> None:
    first = worlds.load("banished")
    entries = list(cache.glob("*.world"))
    assert len(entries) == 1
    second = worlds.load("banished")
    assert second.source_hash == first.source_hash
    assert list(cache.glob("*.world")) == entries


def test_changed_files_make_a_new_entry(cache, tmp_path) -> None:
    folder = tmp_path / "copy"
    shutil.copytree(worlds.locate("banished"), folder)
    worlds.load(str(folder))
    places = folder / "places.yaml"
    places.write_text(places.read_text().replace("Ichiraku Ramen", "Ichiraku Noodles", 1))
    world = worlds.load(str(folder))
    assert world.entities["ichiraku"].name == "Ichiraku Noodles"
    assert len(list(cache.glob("*.world"))) == 2


def test_damaged_cache_entry_is_rebuilt(cache) -> None:
    worlds.load("banished")
    (entry,) = cache.glob("*.world")
    entry.write_bytes(b"not a world at all")
    world = worlds.load("banished")
    assert world.id == "banished"
    assert entry.read_bytes() != b"not a world at all"


def _entry(cache: Path) -> Path:
    """The one file the cache holds for banished, whatever its name or format."""
    worlds.load("banished")
    (entry,) = (p for p in cache.iterdir() if p.is_file())
    return entry


def _exploit(marker: Path) -> bytes:
    """A pickle that, when unpickled, creates `marker` (as a planted file would run a
    shell command)."""
    code = f"open({str(marker)!r}, 'w').write('ran')"
    return b"cbuiltins\nexec\n(V" + code.encode() + b"\ntR."


def test_a_planted_pickle_never_runs(cache, tmp_path) -> None:
    marker = tmp_path / "pwned"
    entry = _entry(cache)
    entry.write_bytes(_exploit(marker))
    world = worlds.load("banished")
    assert not marker.exists()
    assert world.id == "banished" and world.entities
    # and through the real command, as in the report (`kage check` ran the code)
    entry.write_bytes(_exploit(marker))
    env = {**os.environ, "KAGE_CACHE": str(cache)}
    result = subprocess.run(
        [sys.executable, "-m", "kage", "check", "banished"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert not marker.exists()


@pytest.mark.parametrize(
    "damage",
    [
        lambda blob: b"",
        lambda blob: blob[: len(blob) // 2],  # cut short
        lambda blob: blob[:-10] + bytes(10),  # last bytes zeroed
        lambda blob: blob[:100] + bytes([blob[100] ^ 1]) + blob[101:],  # one bit
        lambda blob: os.urandom(5000),
        lambda blob: compiled.MAGIC + b"\0" * 32 + b"\xc1\xc1",  # a bad body
    ],
)
def test_a_damaged_entry_is_ignored_and_rebuilt(cache, damage, banished) -> None:
    entry = _entry(cache)
    good = entry.read_bytes()
    entry.write_bytes(damage(good))
    world = worlds.load("banished")
    assert world == banished
    assert entry.read_bytes() == good


def test_a_planted_fifo_or_folder_does_not_hang(cache) -> None:
    entry = _entry(cache)
    entry.unlink()
    os.mkfifo(entry)
    done = threading.Event()
    threading.Thread(target=lambda: (worlds.load("banished"), done.set()), daemon=True).start()
    assert done.wait(60), "loading hung on a FIFO in the cache"
    entry.unlink(missing_ok=True)
    entry.mkdir()
    assert worlds.load("banished").id == "banished"


@pytest.mark.parametrize("name", worlds.bundled())
def test_every_bundled_world_round_trips_exactly(name) -> None:
    world = worlds.load(name, cache=False)
    again = compiled.loads(compiled.dumps(world))
    assert again == world
    assert type(again.data) is dict


def test_only_the_models_classes_are_built() -> None:
    import msgpack

    body = msgpack.packb(["Popen", "sh", "-c", "true"], use_bin_type=True)
    planted = msgpack.packb(msgpack.ExtType(4, body))
    blob = compiled.MAGIC + __import__("hashlib").sha256(planted).digest() + planted
    with pytest.raises(compiled.CompiledError):
        compiled.loads(blob)
