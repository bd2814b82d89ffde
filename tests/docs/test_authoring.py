"""The writer's guide (docs/authoring.md) builds Cloak of Darkness step by step. Its YAML
blocks, each marked `# step N`, are gathered here in order: every step must load, and the
finished world must play as the bundled `cloak` does, so the guide cannot drift from the
engine."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from tests.helpers import opened, play, walkthrough

from kage import worlds
from kage.content.compile import load_world
from kage.world.model import World

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "authoring.md"
BLOCK = re.compile(r"^```yaml\n# step (\d+)\n(.*?)^```$", re.S | re.M)
KEYS = ("id", "name")  # what makes a list entry the same entry as an earlier one


def steps(text: str) -> list[tuple[int, dict[str, Any]]]:
    return [(int(n), yaml.safe_load(body)) for n, body in BLOCK.findall(text)]


def _key(entry: Any) -> Any:
    if isinstance(entry, dict):
        return next(((k, entry[k]) for k in KEYS if k in entry), None)
    return None


def merge(world: dict[str, Any], step: dict[str, Any]) -> None:
    """Add one step to the world, as the guide says: an entry repeating an earlier entry's
    id (or a rule's name) changes it field by field; anything else is added at the end."""
    for section, value in step.items():
        old = world.get(section)
        if isinstance(value, dict) and isinstance(old, dict):
            old.update(value)
        elif isinstance(value, list) and isinstance(old, list):
            for entry in value:
                key = _key(entry)
                same = [e for e in old if key is not None and _key(e) == key]
                if same:
                    same[0].update(entry)
                else:
                    old.append(entry)
        else:
            world[section] = value


def built(upto: int, folder: Path) -> World:
    world: dict[str, Any] = {}
    for number, step in steps(GUIDE.read_text()):
        if number <= upto:
            merge(world, step)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "world.yaml").write_text(yaml.safe_dump(world, sort_keys=False))
    return load_world(folder)


def test_the_guide_has_steps_one_to_six_in_order() -> None:
    assert [n for n, _ in steps(GUIDE.read_text())] == [1, 2, 3, 4, 5, 6]


@pytest.mark.parametrize("upto", range(1, 7))
def test_every_step_loads(upto: int, tmp_path: Path) -> None:
    world = built(upto, tmp_path / "world")
    assert world.id == "cloak"


def test_a_repeated_id_changes_the_earlier_entry() -> None:
    world: dict[str, Any] = {"places": [{"id": "bar", "name": "Bar"}]}
    merge(world, {"places": [{"id": "bar", "dark": True}, {"id": "yard"}]})
    assert world["places"] == [{"id": "bar", "name": "Bar", "dark": True}, {"id": "yard"}]


def test_step_three_darkens_the_bar(tmp_path: Path) -> None:
    session = opened(built(3, tmp_path / "world"), tmp_path / "saves")
    assert play(session, "south").startswith("Darkness")


def test_the_finished_world_wins_the_walkthrough_with_two_points(tmp_path: Path) -> None:
    world = built(6, tmp_path / "world")
    session = opened(world, tmp_path / "saves")
    text = play(session, *walkthrough("cloak.txt"))
    state = session.game.state
    assert state.done and state.won
    assert '"You have won."' in text
    assert sum(world.milestones[m].points for m in state.milestones) == world.max_score == 2


LOSING = [
    "s",
    "look",
    "e",
    "n",
    "w",
    "remove cloak",
    "hang cloak on hook",
    "e",
    "s",
    "read message",
]
BLUNDER = ["s", "e", "n", "w", "remove cloak", "hang cloak on hook", "e", "s", "read message"]
WANDERING = [
    "n",
    "s",
    "i",
    "n",
    "take off cloak",
    "drop cloak",
    "w",
    "drop cloak",
    "e",
    "s",
    "x message",
    "score",
    "n",
    "w",
    "take cloak",
    "put cloak on hook",
    "e",
    "s",
    "search sawdust",
]
CAREFUL = [
    "s",
    "look",
    "n",
    "w",
    "x hook",
    "remove cloak",
    "hang cloak on hook",
    "x hook",
    "e",
    "s",
    "read message",
]


@pytest.mark.parametrize("script", [walkthrough("cloak.txt"), LOSING, BLUNDER, WANDERING, CAREFUL])
def test_the_finished_world_plays_as_the_bundled_one(script: list[str], tmp_path: Path) -> None:
    ours = opened(built(6, tmp_path / "world"), tmp_path / "ours")
    bundled = opened(worlds.load("cloak"), tmp_path / "bundled")
    assert ours.opening() == bundled.opening()
    for line in script:
        assert play(ours, line) == play(bundled, line), line
    assert (ours.game.state.done, ours.game.state.won) == (
        bundled.game.state.done,
        bundled.game.state.won,
    )
    assert ours.game.state.milestones == bundled.game.state.milestones


def test_the_losing_script_loses(tmp_path: Path) -> None:
    session = opened(built(6, tmp_path / "world"), tmp_path / "saves")
    text = play(session, *LOSING)
    assert session.game.state.done and not session.game.state.won
    assert '"You have lost."' in text
