"""Chakra and jutsu: casting, refusals, upkeep, release, reveal, clones, regeneration."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.helpers import opened, play, world_from

from kage.content.compile import load_world
from kage.content.errors import ContentError
from kage.ext.body import stats
from kage.ext.ninja import jutsu
from kage.game import Game
from kage.session import Session
from kage.world import effects
from kage.world.conditions import holds
from kage.world.model import World

WORLD = """
world: {id: dojo, title: "Dojo", intro: "You stand ready.", player: ninja,
  extensions: [ninja, combat, stealth]}
places:
  - id: yard
    name: "the yard"
    nouns: [yard]
    exits: {north: cave}
  - id: cave
    name: "the cave"
    nouns: [cave]
    props: {light: 0.2}
    exits: {south: yard}
people:
  - id: ninja
    name: "Ninja"
    nouns: [ninja, me]
    gender: him
    at: yard
    props: {chakra: 100, chakra_max: 100, chakra_regen: 10, taijutsu: 10}
  - id: guard
    name: "guard"
    nouns: [guard]
    proper: false
    gender: him
    at: cave
    props: {hostile: true, perception: 60, strength: 90}
  - id: monk
    name: "monk"
    nouns: [monk]
    proper: false
    gender: him
    at: yard
    props: {chakra: 0, chakra_max: 50, chakra_regen: 5}
things:
  - id: dummy
    name: "straw dummy"
    nouns: [dummy]
    adjectives: [straw]
    at: yard
    portable: false
jutsu:
  - id: invisibility
    name: "invisibility genjutsu"
    words: [invisibility, invisible, genjutsu]
    kind: invisibility
    cost: 20
    upkeep: 30
    requires: {flag: learned.invisibility}
    refusal: "Kurama snorts. You have not learned that one."
  - id: veil
    name: "veil of mist"
    words: [veil, mist]
    kind: invisibility
    cost: 5
    lasts: 30m
    expired: "The mist thins away."
  - id: shadow_clones
    name: "shadow clone jutsu"
    words: [shadow clone, clone, kage bunshin]
    kind: clones
    cost: 10
    max: 5
    lasts: 2h
  - id: sand_clones
    name: "sand clone jutsu"
    words: [sand clone]
    kind: clones
    cost: 5
    upkeep: 12
    max: 3
    default: 2
  - id: sealing
    name: "sealing art"
    words: [sealing, seal art]
    kind: invisibility
    cost: 1
    requires: {all: [{flag: scroll_read}, {flag: master_nods}]}
interactions:
  - verb: attack
    target: dummy
    text: "You thump the straw dummy."
verbs:
  cast: ["cast {topic}", "use {topic}", "perform {topic}"]
  make_clones: ["make {number} shadow clones", "make {number} clones", "make {number} clone",
    "make shadow clones",
    "make clones", "kage bunshin", "kage bunshin no jutsu", "shadow clone jutsu"]
  release: ["release", "release {topic}", "dispel", "dispel {topic}", "drop the jutsu",
    "become visible"]
  attack: ["strike {thing}"]
  knock_out: ["hit {person}", "knock out {person}"]
endings:
  - {id: never, when: {flag: never_set}, won: true, text: "The end."}
"""


@pytest.fixture(scope="module")
def dojo(tmp_path_factory: pytest.TempPathFactory) -> World:
    return world_from(tmp_path_factory, "dojo", WORLD)


@pytest.fixture
def session(dojo: World, tmp_path: Path) -> Session:
    return opened(dojo, tmp_path / "saves")


def learn(game: Game) -> None:
    effects.apply(game, [{"learn_jutsu": "invisibility"}])


def chakra(game: Game) -> float:
    return stats.stat(game, "ninja", "chakra")


def events(game: Game, kind: str) -> list[dict]:
    return [e.data for e in game.log if e.kind == kind]


# -- casting and refusals ----------------------------------------------------------------
def test_refusals_unknown_unlearned_and_too_little_chakra(session: Session) -> None:
    game = session.game
    assert "don't know a jutsu by that name" in play(session, "cast fireball")
    assert "not learned that one" in play(session, "cast invisibility")
    learn(game)
    stats.set_stat(game, "ninja", "chakra", 5)
    assert "takes 20 chakra; you have 5" in play(session, "cast invisibility")
    assert not stats.has_status(game, "ninja", "invisible")
    assert chakra(game) == 5


def test_casting_invisibility_costs_chakra_and_hides(session: Session) -> None:
    game = session.game
    learn(game)
    text = play(session, "cast invisibility")
    assert "bend the light" in text
    assert stats.has_status(game, "ninja", "invisible")
    assert chakra(game) == pytest.approx(80 - 20 / 60, abs=0.01)  # cost, then 1 minute
    (cast,) = events(game, "jutsu.cast")
    assert cast["jutsu"] == "invisibility" and cast["cost"] == 20 and cast["who"] == "ninja"
    assert "already invisible" in play(session, "use genjutsu")


def test_learning_sets_the_required_flag_or_a_learned_flag(session: Session) -> None:
    game = session.game
    assert not holds(game, {"knows_jutsu": "invisibility"})
    learn(game)
    assert game.state.flags["learned.invisibility"] is True
    assert holds(game, {"knows_jutsu": "invisibility"})
    assert not holds(game, {"knows_jutsu": "sealing"})
    effects.apply(game, [{"learn_jutsu": "sealing"}])  # its `requires` is no plain flag
    assert game.state.flags["learned.sealing"] is True
    assert holds(game, {"knows_jutsu": "sealing"})
    play(session, "cast sealing")
    assert list(jutsu.running(game, "ninja")) == ["sealing"]


def test_chakra_condition(session: Session) -> None:
    game = session.game
    assert holds(game, {"chakra": {"min": 100}})
    assert not holds(game, {"chakra": {"below": 100}})
    assert holds(game, {"chakra": {"who": "monk", "max": 0}})


def test_a_jutsu_of_an_unknown_kind_is_a_world_error(tmp_path: Path) -> None:
    (tmp_path / "w.yaml").write_text(
        WORLD.replace("kind: clones\n    cost: 5", "kind: fire\n    cost: 5")
    )
    with pytest.raises(ContentError, match="unknown jutsu kind 'fire'"):
        load_world(tmp_path)


# -- upkeep, release, ending -------------------------------------------------------------
def test_upkeep_drains_over_time(session: Session) -> None:
    game = session.game
    learn(game)
    play(session, "cast invisibility", "wait 1 hour")
    # 20 to cast, then 61 minutes at 10 regen - 30 upkeep per hour
    assert chakra(game) == pytest.approx(80 - 20 * 61 / 60, abs=0.01)
    assert stats.has_status(game, "ninja", "invisible")


def test_invisibility_ends_when_chakra_runs_out_and_chakra_comes_back(session: Session) -> None:
    game = session.game
    learn(game)
    play(session, "cast invisibility")
    text = play(session, "wait 5 hours")
    assert "gutters out" in text
    assert not stats.has_status(game, "ninja", "invisible")
    assert jutsu.running(game, "ninja") == {}
    # 79.667 left after the cast's minute runs dry 239 minutes in; 61 minutes of regen follow
    assert chakra(game) == pytest.approx(61 * 10 / 60, abs=0.01)
    (ended,) = events(game, "jutsu.ended")
    assert ended["reason"] == "chakra" and ended["jutsu"] == "invisibility"


@pytest.mark.parametrize(
    "line", ["release", "become visible", "dispel invisibility", "drop the jutsu"]
)
def test_release_ends_invisibility_and_its_upkeep(session: Session, line: str) -> None:
    game = session.game
    learn(game)
    play(session, "cast invisibility")
    text = play(session, line)
    assert "step back into sight" in text
    assert not stats.has_status(game, "ninja", "invisible")
    before = chakra(game)
    play(session, "wait 1 hour")
    assert chakra(game) == pytest.approx(before + 10, abs=0.01)


def test_release_refusals(session: Session) -> None:
    game = session.game
    assert "no jutsu running" in play(session, "release")
    learn(game)
    play(session, "cast invisibility")
    assert "not holding the shadow clone jutsu" in play(session, "release clones")
    assert "don't know a jutsu by that name" in play(session, "dispel fireball")
    assert stats.has_status(game, "ninja", "invisible")


def test_a_timed_invisibility_expires(session: Session) -> None:
    game = session.game
    play(session, "cast veil")
    assert stats.has_status(game, "ninja", "invisible")
    text = play(session, "wait 1 hour")
    assert "mist thins away" in text
    assert not stats.has_status(game, "ninja", "invisible")
    assert events(game, "jutsu.ended")[0]["reason"] == "expired"


def test_one_invisibility_at_a_time(session: Session) -> None:
    game = session.game
    learn(game)
    play(session, "cast veil")
    assert "already invisible" in play(session, "cast invisibility")
    assert list(jutsu.running(game, "ninja")) == ["veil"]


# -- reveal --------------------------------------------------------------------------------
def test_attacking_reveals_the_attacker(session: Session) -> None:
    game = session.game
    learn(game)
    play(session, "n", "cast invisibility")
    text = play(session, "hit guard")
    assert "tears like wet paper" in text
    knocked = [e.data for e in game.log if e.kind == "combat.knocked_out"]
    assert knocked[-1]["surprise"] is True  # combat sized him up while still unseen
    assert not stats.has_status(game, "ninja", "invisible")
    assert events(game, "jutsu.ended")[-1]["reason"] == "attack"


def test_attacking_reveals_even_through_a_data_only_verb(session: Session) -> None:
    game = session.game
    learn(game)
    play(session, "cast invisibility")
    text = play(session, "strike dummy")
    assert "thump the straw dummy" in text  # "attack" is still the world's own verb
    assert "tears like wet paper" in text
    assert not stats.has_status(game, "ninja", "invisible")


def test_reveal_is_callable_by_other_systems(session: Session) -> None:
    game = session.game
    assert jutsu.reveal(game, "ninja", "attack") is False
    stats.add_status(game, "ninja", "invisible")  # made invisible by a story effect
    assert jutsu.reveal(game, "ninja", "attack") is True
    assert not stats.has_status(game, "ninja", "invisible")


# -- shadow clones -------------------------------------------------------------------------
def test_clones_stand_where_they_were_made(session: Session) -> None:
    game = session.game
    text = play(session, "make 3 clones")
    assert "3 more of you" in text
    assert chakra(game) == pytest.approx(70 + 10 / 60, abs=0.01)
    assert jutsu.allies_at(game, "yard") == 3
    play(session, "n")
    assert jutsu.allies_at(game, "cave") == 0
    assert jutsu.allies_at(game, "yard") == 3
    cast = events(game, "jutsu.cast")[0]
    assert cast["jutsu"] == "shadow_clones" and cast["count"] == 3 and cast["held"] == 3


def test_clones_are_capped_by_chakra(session: Session) -> None:
    game = session.game
    stats.set_stat(game, "ninja", "chakra", 35)
    text = play(session, "make 4 shadow clones")
    assert "chakra for only 3" in text
    assert stats.stat(game, "ninja", "clones") == 3
    assert chakra(game) == pytest.approx(5 + 10 / 60, abs=0.01)
    assert "need 10 chakra for even one clone, and you have 5" in play(session, "make clones")


def test_clones_are_capped_by_max(session: Session) -> None:
    game = session.game
    assert "You can hold no more than 5 clones." in play(session, "make 9 clones")
    assert stats.stat(game, "ninja", "clones") == 5
    assert chakra(game) == pytest.approx(50 + 10 / 60, abs=0.01)
    assert "already holding 5 clones" in play(session, "make 2 clones")


def test_clones_without_a_number_and_by_their_names(session: Session) -> None:
    game = session.game
    stats.set_stat(game, "ninja", "chakra", 42)
    play(session, "kage bunshin no jutsu")  # as many as chakra allows, up to max
    assert stats.stat(game, "ninja", "clones") == 4
    play(session, "release clones")
    stats.set_stat(game, "ninja", "chakra", 100)
    play(session, "shadow clone jutsu")
    assert stats.stat(game, "ninja", "clones") == 5


def test_new_clones_join_a_band_here_and_a_band_elsewhere_bursts(session: Session) -> None:
    game = session.game
    play(session, "make 2 clones", "make 2 clones")
    assert jutsu.allies_at(game, "yard") == 4
    play(session, "n", "make 1 clone")
    assert jutsu.allies_at(game, "yard") == 0
    assert jutsu.allies_at(game, "cave") == 1


def test_clones_expire(session: Session) -> None:
    game = session.game
    play(session, "make 2 clones", "n")
    text = play(session, "wait 3 hours")
    assert "burst one after another" in text
    assert jutsu.allies_at(game, "yard") == 0
    assert stats.stat(game, "ninja", "clones") == 0
    assert events(game, "jutsu.ended")[0] == {
        "who": "ninja",
        "jutsu": "shadow_clones",
        "technique": "clones",
        "reason": "expired",
    }


def test_releasing_clones(session: Session) -> None:
    game = session.game
    play(session, "make 2 clones")
    assert "vanish in a ripple of smoke" in play(session, "release clones")
    assert jutsu.allies_at(game, "yard") == 0


def test_clone_upkeep_is_per_clone_and_a_second_clone_jutsu_replaces_the_first(
    session: Session,
) -> None:
    game = session.game
    play(session, "make 2 clones", "cast sand clone")  # its default: 2
    assert list(jutsu.running(game, "ninja")) == ["sand_clones"]
    assert stats.stat(game, "ninja", "clones") == 2
    before = chakra(game)
    play(session, "wait 1 hour")  # 10 regen - 2 x 12 upkeep
    assert chakra(game) == pytest.approx(before - 14, abs=0.01)


def test_release_all_ends_everything_and_bare_release_keeps_the_clones(session: Session) -> None:
    game = session.game
    learn(game)
    play(session, "make 2 clones", "cast invisibility", "become visible")
    assert not stats.has_status(game, "ninja", "invisible")
    assert jutsu.allies_at(game, "yard") == 2
    play(session, "cast invisibility", "release all")
    assert jutsu.running(game, "ninja") == {}
    assert jutsu.allies_at(game, "yard") == 0


# -- chakra over time ------------------------------------------------------------------------
def test_chakra_regenerates_and_stops_at_the_max(session: Session) -> None:
    game = session.game
    stats.set_stat(game, "ninja", "chakra", 0)
    play(session, "wait 5 hours")
    assert chakra(game) == pytest.approx(50, abs=0.01)
    play(session, "wait 3 days")
    assert chakra(game) == 100
    assert stats.stat(game, "monk", "chakra") == 50  # everyone's chakra, not only the player's


def test_a_long_wait_is_one_step_not_thousands(session: Session) -> None:
    game = session.game
    stats.set_stat(game, "ninja", "chakra", 0)
    first = len(game.log)
    play(session, "wait 3 days")
    changes = [e for e in game.log[first:] if e.kind == "prop" and e.data["key"] == "chakra"]
    assert len(changes) <= 2  # the ninja and the monk, once each
    learn(game)
    play(session, "cast invisibility")
    begin = time.perf_counter()
    for _ in range(1000):
        jutsu.flow(game, "ninja", game.state.minutes, game.state.minutes + 21 * 24 * 60)
    assert (time.perf_counter() - begin) / 1000 < 0.001  # three weeks in well under a ms


# -- properties ----------------------------------------------------------------------------
COMMANDS = st.one_of(
    st.just("cast invisibility"),  # a quarter of all commands: the one that must end
    st.sampled_from(
        [
            "cast veil",
            "cast sand clone",
            "release",
            "release clones",
            "release all",
            "become visible",
            "make clones",
            "kage bunshin no jutsu",
            "strike dummy",
            "n",
            "s",
        ]
    ),
    st.integers(0, 8).map(lambda n: f"make {n} clones"),
    st.tuples(st.integers(1, 90), st.sampled_from(["minutes", "hours"])).map(
        lambda t: f"wait {t[0]} {t[1]}"
    ),
)


@settings(max_examples=100, deadline=None)
@given(
    start=st.integers(0, 100),
    regen=st.integers(0, 40),
    commands=st.lists(COMMANDS, max_size=12),
    ending=st.sampled_from(["release", "run dry"]),
)
def test_chakra_stays_in_bounds_and_every_invisibility_ends(
    dojo: World, start: int, regen: int, commands: list[str], ending: str
) -> None:
    game = Game(dojo, seed=start)
    learn(game)
    stats.set_stat(game, "ninja", "chakra", start)
    stats.set_stat(game, "ninja", "chakra_regen", regen)
    for line in commands:
        game.command(line)
        assert 0 <= chakra(game) <= 100
    if ending == "release":
        game.command("release all")
    else:
        stats.set_stat(game, "ninja", "chakra_regen", 0)
        game.command("wait 7 days")
    assert 0 <= chakra(game) <= 100
    assert not stats.has_status(game, "ninja", "invisible")
    assert not any(
        jutsu.kind_of(jutsu.techniques(game)[j]).hides for j in jutsu.running(game, "ninja")
    )


def test_a_slip_in_a_jutsu_name_is_read_as_the_jutsu() -> None:
    from kage import worlds
    from kage.game import Game

    game = Game(worlds.load("banished"), seed=0)
    assert jutsu.find(game, "invisibilty") is jutsu.find(game, "invisibility") is not None
    assert jutsu.find(game, "xylophone") is None
