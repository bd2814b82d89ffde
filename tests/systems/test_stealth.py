"""Stealth and perception: who notices whom, in light and dark, seen or invisible."""

from __future__ import annotations

import pytest
from tests.helpers import world_from

from kage.ext.body import stats
from kage.ext.stealth import stealth
from kage.game import Game
from kage.world import ops
from kage.world.conditions import holds
from kage.world.model import World

WORLD = """
world: {id: hideout, title: "Hideout", intro: "Quiet now.", player: thief,
  extensions: [stealth, combat, ninja]}
places:
  - id: street
    name: "the street"
    nouns: [street]
    exits: {in: cellar}
  - id: cellar
    name: "the cellar"
    nouns: [cellar]
    props: {light: 0.0}
    exits: {out: street}
people:
  - id: thief
    name: "Thief"
    nouns: [thief, me]
    gender: him
    at: street
    props: {stealth: 10}
  - id: hawk
    name: "hawk-eyed guard"
    nouns: [guard, hawk]
    proper: false
    gender: him
    at: street
    props: {hostile: true, perception: 80}
  - id: dozer
    name: "dozing guard"
    nouns: [guard, dozer]
    proper: false
    gender: him
    at: street
    props: {hostile: true, perception: 80, status: {asleep: -1}}
  - id: idler
    name: "idler"
    nouns: [idler]
    proper: false
    gender: them
    at: street
    props: {perception: 80}
  - id: cellar_guard
    name: "cellar guard"
    nouns: [guard]
    proper: false
    gender: him
    at: cellar
    props: {hostile: true, perception: 80}
things:
  - id: charm
    name: "lucky charm"
    nouns: [charm]
    at: street
    props: {luck: 4}
endings:
  - {id: never, when: {flag: never_set}, won: true, text: "The end."}
"""


@pytest.fixture(scope="module")
def hideout(tmp_path_factory: pytest.TempPathFactory) -> World:
    return world_from(tmp_path_factory, "hideout", WORLD)


@pytest.fixture
def game(hideout: World) -> Game:
    return Game(hideout, seed=3)


def rate(game: Game, observer: str, subject: str = "thief", n: int = 400) -> float:
    return sum(stealth.noticed(game, observer, subject) for _ in range(n)) / n


def test_a_sharp_eye_in_daylight_always_notices(game: Game) -> None:
    assert rate(game, "hawk") == 1.0  # 80 x 1.0 + draw > 10 + 20, whatever the draw


def test_darkness_hides(game: Game) -> None:
    stats.set_stat(game, "thief", "stealth", 40)
    assert rate(game, "hawk") == 1.0  # daylight: 80 + draw > 60 always
    ops.move(game, "thief", "cellar")
    assert rate(game, "cellar_guard") == 0.0  # pitch dark: 0 + 40 x draw never beats 60
    stats.set_stat(game, "thief", "stealth", 0)
    assert 0.35 < rate(game, "cellar_guard") < 0.65  # 40 x draw beats 20 half the time


def test_light_is_a_scale_between(game: Game) -> None:
    ops.move(game, "thief", "cellar")
    stats.set_stat(game, "cellar_guard", "perception", 40)
    seen = []
    for light in (0.0, 0.5, 1.0):
        ops.set_prop(game, "cellar", "light", light)
        seen.append(rate(game, "cellar_guard"))
    assert seen[0] < seen[1] < seen[2]


def test_invisible_subjects_are_never_noticed(game: Game) -> None:
    stats.add_status(game, "thief", "invisible")
    assert rate(game, "hawk", n=50) == 0.0
    assert stealth.watchers(game, "street", "thief") == []


def test_no_one_notices_from_elsewhere_or_asleep(game: Game) -> None:
    assert rate(game, "cellar_guard", n=50) == 0.0
    assert rate(game, "dozer", n=50) == 0.0
    assert not stealth.aware(game, "dozer", "street")
    assert stealth.aware(game, "hawk", "street")
    assert not stealth.aware(game, "hawk", "cellar")
    stats.add_status(game, "hawk", "unconscious", 60)
    assert rate(game, "hawk", n=50) == 0.0


def test_watchers_are_those_who_notice(game: Game) -> None:
    assert stealth.watchers(game, "street", "thief") == ["hawk", "idler"]
    stats.set_stat(game, "idler", "perception", 0)
    stats.set_stat(game, "thief", "stealth", 30)  # 0 + 40 x draw never beats 50
    assert stealth.watchers(game, "street", "thief") == ["hawk"]


def test_luck_helps_hide(game: Game) -> None:
    stats.set_stat(game, "hawk", "perception", 30)
    plain = rate(game, "hawk", n=1000)
    ops.move(game, "charm", "thief")
    lucky = rate(game, "hawk", n=1000)
    assert lucky < plain - 0.3  # 4 luck = 20 stealth, half the draw's spread


def test_sightings_are_deterministic_under_the_seed(hideout: World) -> None:
    def sightings(seed: int) -> list[bool]:
        game = Game(hideout, seed=seed)
        stats.set_stat(game, "hawk", "perception", 10)  # 10 + 40 x draw > 30: a coin toss
        return [stealth.noticed(game, "hawk", "thief") for _ in range(60)]

    assert sightings(7) == sightings(7)
    assert sightings(7) != sightings(8)


def test_unseen_conditions(game: Game) -> None:
    assert not holds(game, {"unseen": True})  # the hawk-eyed guard is hostile and awake
    assert not holds(game, {"unseen_by": ["dozer", "hawk"]})
    assert holds(game, {"unseen_by": "dozer"})
    assert holds(game, {"unseen": "cellar"})  # the cellar guard is not where the thief is
    stats.add_status(game, "hawk", "unconscious", 60)
    assert holds(game, {"unseen": True})  # the idler notices, but is no hostile
    stats.set_stat(game, "thief", "stealth", 40)
    ops.move(game, "thief", "cellar")
    assert holds(game, {"unseen": True})  # pitch dark
    ops.set_prop(game, "cellar", "light", 1.0)
    assert not holds(game, {"unseen": "cellar"})


def test_slacking_observers_see_nothing(game: Game) -> None:
    ops.set_prop(game, "hawk", "slacking", True)
    assert rate(game, "hawk", n=50) == 0.0
