"""Finding worlds and the compiled-world cache."""

from __future__ import annotations

import shutil

import pytest

from kage import worlds
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
    entries = list(cache.glob("*.pickle"))
    assert len(entries) == 1
    second = worlds.load("banished")
    assert second.source_hash == first.source_hash
    assert list(cache.glob("*.pickle")) == entries


def test_changed_files_make_a_new_entry(cache, tmp_path) -> None:
    folder = tmp_path / "copy"
    shutil.copytree(worlds.locate("banished"), folder)
    worlds.load(str(folder))
    places = folder / "places.yaml"
    places.write_text(places.read_text().replace("Ichiraku Ramen", "Ichiraku Noodles", 1))
    world = worlds.load(str(folder))
    assert world.entities["ichiraku"].name == "Ichiraku Noodles"
    assert len(list(cache.glob("*.pickle"))) == 2


def test_damaged_cache_entry_is_rebuilt(cache) -> None:
    worlds.load("banished")
    (entry,) = cache.glob("*.pickle")
    entry.write_bytes(b"not a pickle at all")
    world = worlds.load("banished")
    assert world.id == "banished"
    assert entry.read_bytes() != b"not a pickle at all"
