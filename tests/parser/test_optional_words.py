"""Optional words in grammar patterns, and the phrasings they give training and clones."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from kage import worlds
from kage.parser.grammar import expand
from kage.session import Session
from kage.world import query

WALKTHROUGH = Path(__file__).parents[1] / "walkthroughs" / "full.txt"


def test_brackets_make_one_pattern_for_each_way_of_saying_it() -> None:
    assert expand("make {number} [more] [shadow] clones") == [
        "make {number} more shadow clones",
        "make {number} more clones",
        "make {number} shadow clones",
        "make {number} clones",
    ]
    assert expand("go [to] [the|a] {place}")[0] == "go to the|a {place}"
    assert expand("look") == ["look"]


def _before(line: str) -> Session:
    lines = WALKTHROUGH.read_text(encoding="utf-8").splitlines()
    session = Session(worlds.load("banished"), 0, saves=Path(tempfile.mkdtemp()))
    session.opening()
    for typed in lines[: lines.index(line)]:
        session.step(typed)
    return session


@pytest.mark.parametrize(
    ("said", "days"),
    [
        ("practise genjutsu for three weeks", 21),
        ("train genjutsu 3 weeks", 21),
        ("spend two weeks training", 14),
        ("practice for a fortnight", 14),
        ("train for a week", 7),
    ],
)
def test_training_is_as_long_as_the_player_says(said: str, days: int) -> None:
    session = _before("train for 2 weeks")
    before = session.game.state.minutes
    (step,) = session.step(said)
    assert not step.failure
    assert session.game.state.minutes - before == days * 1440


def test_clones_are_as_many_as_the_player_says() -> None:
    session = _before("make 3 shadow clones")
    (step,) = session.step("use the shadow clone jutsu to make three clones")
    assert not step.failure
    game = session.game
    assert query.prop(game, game.world.player, "clones") == 3
