"""The living world: news that travels no faster than the roads allow, factions that
follow their rules, lives that go on off-screen, rumours that match what a town knows, and
the second chapter's facts in Banished (the week after the verdict, Oashisu's rumours, the
allies who walked away, Suna's pact)."""

from __future__ import annotations

import itertools
import math
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.helpers import play, played_until

from kage.content.compile import load_world
from kage.content.errors import ContentError
from kage.ext.living import factions as fx
from kage.ext.living import lives as lv
from kage.ext.living import news, synthetic
from kage.ext.living import play as living
from kage.ext.living import sim as simulation
from kage.ext.living.geography import Geography, csr
from kage.ext.living.news import Source
from kage.game import Game
from kage.session import Session
from kage.systems import scheduler
from kage.tools.world_report import report
from kage.world import effects, ops
from kage.world.conditions import holds
from kage.world.model import World

DAY = 1440

# home --1d-- ashford --2d-- farwick; the wilds belong to no settlement.
WORLD = """
world: {id: shire, title: "Shire", intro: "A small country.", player: hero, extensions: [living]}
places:
  - id: wilds
    name: "the wilds"
    nouns: [wilds]
    exits: {east: square}
  - id: square
    name: "Ashford square"
    nouns: [square]
    exits: {west: wilds}
  - id: manor
    name: "the manor"
    nouns: [manor]
    zones: [home_lands]
people:
  - id: hero
    name: "Hero"
    nouns: [hero, me]
    gender: him
    at: wilds
  - id: baker
    name: "baker"
    proper: false
    nouns: [baker]
    gender: her
    at: square
    unknown_topic: '"No idea, love."'
  - id: friend
    name: "Friend"
    gender: her
    at: manor
  - id: sparrer
    name: "Sparrer"
    gender: him
    at: manor
  - id: loner
    name: "Loner"
    gender: him
    at: manor
  - id: mourner
    name: "Mourner"
    gender: him
    at: manor
endings:
  - {id: never, when: {flag: never}, won: true, text: "The end."}
start:
  - set: {scandal: true}
verbs:
  listen: ["listen", "eavesdrop"]

population_groups:
  - {id: civilians}
  - {id: shinobi}
nations:
  - {id: shire, name: "the Shire", opinion: {lord: 40}}
settlements:
  - {id: home, name: "Home", nation: shire, pos: [0, 0], people: {civilians: 500, shinobi: 50},
     mixing: 2h, history: {hero: 100}, zones: [home_lands]}
  - {id: ashford, name: "Ashford", nation: shire, pos: [1, 0], people: {civilians: 800},
     mixing: 4h, history: {hero: 80}, places: [square]}
  - {id: farwick, name: "Farwick", nation: shire, pos: [3, 0], people: {civilians: 800},
     mixing: 4h, history: {hero: 80}}
roads:
  - {between: [home, ashford], days: 1}
  - {between: [ashford, farwick], days: 2}
factions:
  - {id: lord, name: "the Lord", seats: [home], voice: {civilians: 0.5, shinobi: 0.5}, income: 50}
  - {id: ash, name: "Ashford", seats: [ashford], voice: {civilians: 1}}
  - {id: far, name: "Farwick", seats: [farwick], voice: {civilians: 1}, honours: [pact]}
treaties:
  - {id: lord_ash_trade, kind: trade, between: [lord, ash], breaks_below: -10,
     value: {lord: 10}, told: "Ashford has stopped trading with the Lord.",
     on_break: [{set: {ash_trade_dropped: true}}]}
  - {id: lord_far_pact, kind: pact, between: [lord, far], breaks_below: -10}
news_sources:
  - id: scandal
    subject: hero
    origin: home
    when: {flag: scandal}
    words: [lord, scandal, hero, manor]
    distorts: 0
    shock: 50
    versions:
      - {beyond: 0, text: "The Lord has thrown the hero out of the manor."}
      - {beyond: 2, text: "They say the hero ran off from the manor."}
    impacts:
      - {target: lord, by: -80, scale: history, except: [home]}
whereabouts:
  - id: hero
    who: hero
    words: [hero]
    reach: 12h
    recognised: {flag: named}
    recognised_reach: 5d
    versions: [{beyond: 0, text: "The hero has been seen in the square."}]
lives:
  - {id: friend, who: friend, at: home, group: shinobi, bonds: {hero: 90}, resilience: 0.5,
     courage: 0.02, goal: train, skill: {stat: swords, start: 20, talent: 2, limit: 90},
     partner: sparrer}
  - {id: sparrer, who: sparrer, at: home, group: shinobi, bonds: {hero: 50}, resilience: 0.5,
     courage: 0.02, goal: train, skill: {stat: swords, start: 20, talent: 1, limit: 90},
     partner: friend}
  - {id: loner, who: loner, at: home, group: shinobi, bonds: {hero: 90}, resilience: 0.5,
     courage: 0.02, goal: train, skill: {stat: swords, start: 20, talent: 2, limit: 90}}
  - {id: mourner, who: mourner, at: home, bonds: {hero: 90}, resilience: 0.1}
"""


@pytest.fixture(scope="module")
def shire(tmp_path_factory: pytest.TempPathFactory) -> World:
    folder = tmp_path_factory.mktemp("shire")
    (folder / "world.yaml").write_text(WORLD)
    return load_world(folder)


@pytest.fixture
def session(shire: World, tmp_path: Path) -> Session:
    s = Session(shire, seed=0, saves=tmp_path / "saves")
    s.opening()
    return s


def _arrival(game, settlement: str) -> float:  # type: ignore[no-untyped-def]
    sim = living.load(game)
    return float(sim.dyn.items["scandal"].arrival[sim.static.geo.index[settlement]])


# -- news -----------------------------------------------------------------------------
def test_news_arrives_no_earlier_than_the_roads_allow_and_is_known_afterwards(session) -> None:
    game = session.game
    play(session, "wait")  # the story makes the news; the world notices it after the turn
    ashford, farwick = _arrival(game, "ashford"), _arrival(game, "farwick")
    assert 1.0 <= ashford <= 1.0 * (1 + news.SLOWEST)
    assert 3.0 <= farwick <= 3.0 * (1 + news.SLOWEST)
    known = {"news_known": {"news": "scandal", "at": "farwick"}}
    scheduler.advance(game, int(farwick * DAY) - game.state.minutes - 2)
    assert not holds(game, known)
    scheduler.advance(game, 4)
    assert holds(game, known)
    scheduler.advance(game, 30 * DAY)
    assert holds(game, known)  # news, once known, stays known


@settings(max_examples=100, deadline=None)
@given(
    size=st.integers(2, 14),
    edges=st.lists(
        st.tuples(st.integers(0, 13), st.integers(0, 13), st.floats(0.1, 5.0)), max_size=30
    ),
    origin=st.integers(0, 13),
    born=st.floats(0, 20),
    seed=st.integers(0, 2**32),
    now=st.floats(0, 60),
)
def test_nobody_knows_news_before_it_could_have_reached_them(
    size: int, edges: list, origin: int, born: float, seed: int, now: float
) -> None:
    edges = [(a % size, b % size, d) for a, b, d in edges if a % size != b % size]
    a = np.array([e[0] for e in edges], dtype=np.int64)
    b = np.array([e[1] for e in edges], dtype=np.int64)
    days = np.array([e[2] for e in edges])
    indptr, neighbour, weights = csr(size, a, b, days)
    geo = Geography(
        ids=[str(i) for i in range(size)],
        names=[str(i) for i in range(size)],
        kinds=["town"] * size,
        nation=np.zeros(size, dtype=np.int64),
        nations=["n"],
        nation_names=["n"],
        pos=np.zeros((size, 2)),
        pop=np.ones((size, 2)),
        half=np.full(size, 0.3),
        history={},
        indptr=indptr,
        neighbour=neighbour,
        days=weights,
    )
    origin %= size
    source = Source("x", "s", origin, frozenset(), math.inf, 0.3, [(0.0, "x")])
    item = news.spread(geo, "x", source, origin, born, seed)
    # shortest travel times, worked out independently (Floyd-Warshall)
    dist = np.full((size, size), math.inf)
    np.fill_diagonal(dist, 0.0)
    for x, y, d in edges:
        dist[x, y] = dist[y, x] = min(dist[x, y], d)
    for k, i, j in itertools.product(range(size), repeat=3):
        dist[i, j] = min(dist[i, j], dist[i, k] + dist[k, j])
    earliest = born + dist[origin]
    known = news.known(item, now)
    assert np.all(item.arrival >= earliest - 1e-9)
    assert not np.any(known & (now < earliest - 1e-9))
    assert np.all(np.isinf(item.arrival) == np.isinf(earliest))
    assert np.all(
        item.arrival[np.isfinite(earliest)]
        <= born + dist[origin][np.isfinite(earliest)] * (1 + news.SLOWEST) + 1e-9
    )
    # within a settlement nobody hears before it arrives, and hearing only grows
    share = news.fraction(item.arrival, now, geo.half)
    assert np.all(share[~known] == 0)
    assert np.all(news.fraction(item.arrival, now + 1, geo.half) >= share)
    delays = news.hear_delay(np.linspace(0, 1, 11)[:, None], geo.half[None, :])
    assert np.all(delays >= 0)


def test_the_telling_drifts_with_distance(session) -> None:
    play(session, "wait")
    sim = living.load(session.game)
    item = sim.dyn.items["scandal"]
    index = sim.static.geo.index
    assert item.version[index["home"]] == 0
    assert item.version[index["farwick"]] == 1  # three days out: "ran off"


# -- rumours ----------------------------------------------------------------------------
def test_ask_and_listen_match_what_the_town_knows_at_that_moment(session) -> None:
    play(session, "e")
    game = session.game
    early = play(session, "ask baker about the lord")
    assert "No idea" in early  # the news has not reached Ashford yet
    assert "Nothing from further afield" in play(session, "listen") or "hero" in play(
        session, "listen"
    )
    arrival = _arrival(game, "ashford")
    scheduler.advance(game, int((arrival + 1) * DAY) - game.state.minutes)
    later = play(session, "ask baker about the lord")
    assert "thrown the hero out of the manor" in later
    assert "No idea" not in later
    heard = play(session, "listen")
    assert "thrown the hero out of the manor" in heard
    assert "No idea" in play(session, "ask baker about turnips")  # not a news subject


def test_listening_needs_people_about(session) -> None:
    text = play(session, "listen")
    assert "nobody about to overhear" in text


# -- whereabouts ---------------------------------------------------------------------------
def test_sightings_travel_only_as_far_as_gossip_carries(session) -> None:
    play(session, "e")
    game = session.game
    sim = living.load(game)
    seen = sim.dyn.items["seen:hero@ashford"]
    index = sim.static.geo.index
    assert seen.arrival[index["ashford"]] <= game.state.minutes / DAY
    assert np.isinf(seen.arrival[index["home"]])  # a day away: past the half-day of gossip
    assert np.isinf(seen.arrival[index["farwick"]])
    scheduler.advance(game, 60 * DAY)
    assert "seen in the square" in play(session, "ask baker about the hero")


def test_a_recognised_face_is_news_that_travels_much_further(session) -> None:
    game = session.game
    ops.set_flag(game, "named", True)  # say, he told them who he was
    play(session, "e")
    sim = living.load(game)
    seen = sim.dyn.items["seen:hero@ashford"]
    assert seen.source == "seen:hero:named"
    assert np.isfinite(seen.arrival[sim.static.geo.index["farwick"]])


def test_the_news_effect_gives_birth_where_the_story_says(session) -> None:
    game = session.game
    play(session, "wait")
    effects.apply(game, [{"news": {"id": "scandal", "at": "farwick"}}])
    sim = living.load(game)
    item = sim.dyn.items["scandal"]
    assert item.origin == sim.static.geo.index["farwick"]
    assert item.arrival[sim.static.geo.index["farwick"]] == game.state.minutes / DAY


# -- factions -----------------------------------------------------------------------------
def test_treaties_break_when_opinion_crosses_their_line_and_pacts_are_honoured(session) -> None:
    game = session.game
    play(session, "wait")
    assert holds(game, {"treaty": {"id": "lord_ash_trade", "status": "in force"}})
    scheduler.advance(game, 10 * DAY)
    sim = living.load(game)
    views = sim.views_at(game.state.minutes / DAY)
    lord, ash, far = (sim.static.factions.index[f] for f in ("lord", "ash", "far"))
    assert views[ash, lord] < -10 and views[far, lord] < -10  # both are angry enough
    assert holds(game, {"treaty": {"id": "lord_ash_trade", "status": "broken"}})
    assert holds(game, {"treaty": {"id": "lord_far_pact", "status": "in force"}})  # honoured
    assert game.state.flags.get("ash_trade_dropped") is True  # on_break effects ran
    assert sim.income()[lord] == 50  # the trade no longer pays
    # the break happened the first day Ashford's view was below the line, not before
    day = next(e[0] for e in sim.dyn.chronicle if e[1] == "treaty")
    assert sim.views_at(day)[ash, lord] < -10 <= sim.views_at(day - 1)[ash, lord]
    assert "treaty:lord_ash_trade:broken" in sim.dyn.items  # and the break is news itself


def _pair(loyalty: float, honours: frozenset[str], kind: str, **lines: float) -> tuple:
    factions = fx.Factions(
        ids=["a", "b"],
        names=["A", "B"],
        seat_f=np.array([0, 1]),
        seat_s=np.array([0, 1]),
        seat_g=np.array([0, 0]),
        seat_w=np.array([1.0, 1.0]),
        starts=np.array([0, 1]),
        loyalty=np.array([0.0, loyalty]),
        honours=[frozenset(), honours],
        income=np.zeros(2),
        seat=np.array([0, 1]),
        target=np.array([0, 1]),
    )
    entry = {"id": "t", "kind": kind, "between": ["a", "b"], **lines}
    return factions, fx.treaties_from(factions, [entry])


@pytest.mark.parametrize(
    ("view", "loyalty", "honours", "status"),
    [
        (-19, 0.0, frozenset(), fx.ACTIVE),
        (-21, 0.0, frozenset(), fx.BROKEN),
        (-21, 0.2, frozenset(), fx.ACTIVE),  # loyalty: 10 points more before it walks
        (-31, 0.2, frozenset(), fx.BROKEN),
        (-90, 0.0, frozenset({"pact"}), fx.ACTIVE),  # a pact it honours is never broken
    ],
)
def test_breaking_follows_the_threshold_loyalty_and_honour(view, loyalty, honours, status) -> None:
    factions, treaties = _pair(loyalty, honours, "pact", breaks_below=-20)
    views = np.array([[0.0, 0.0], [view, 0.0]])
    new, actor = fx.evaluate(factions, treaties, views, np.array([fx.ACTIVE]))
    assert new[0] == status
    assert actor[0] == (1 if status != fx.ACTIVE else -1)


def test_strain_eases_only_well_above_its_line_and_restoring_needs_both() -> None:
    factions, treaties = _pair(
        0.0, frozenset(), "patronage", breaks_below=-70, strains_below=0, restores_above=10
    )
    status = np.array([fx.ACTIVE])

    def step(b_view: float, a_view: float = 50.0) -> int:
        nonlocal status
        status, _ = fx.evaluate(factions, treaties, np.array([[0, a_view], [b_view, 0]]), status)
        return int(status[0])

    assert step(-5) == fx.STRAINED
    assert step(5) == fx.STRAINED  # not yet 10 above the line
    assert step(11) == fx.ACTIVE
    assert step(-80) == fx.BROKEN
    assert step(20, a_view=0) == fx.BROKEN  # restoring needs both sides above the line
    assert step(20, a_view=20) == fx.ACTIVE
    income = fx.income(factions, treaties, np.array([fx.STRAINED]))
    assert income.tolist() == [0.0, 0.0]


# -- lives ------------------------------------------------------------------------------------
def test_lives_go_on_off_screen(session) -> None:
    game = session.game
    play(session, "wait")
    assert living.load(game).dyn.lives.grief.max() == 0  # the day is not lived yet
    scheduler.advance(game, DAY)
    assert living.load(game).dyn.lives.grief.min() > 0  # home heard within hours
    scheduler.advance(game, 19 * DAY)
    sim = living.load(game)
    row = {pid: i for i, pid in enumerate(sim.static.people.ids)}
    skill, grief = sim.dyn.lives.skill, sim.dyn.lives.grief
    assert skill[row["friend"]] > skill[row["loner"]] > 20  # sparring beats training alone
    assert grief[row["mourner"]] > 45  # resilience 0.1: grief deepens
    assert grief[row["friend"]] < 45 * 0.9  # resilience 0.5 and rising: it fades
    # the props the story can read follow the simulation
    assert game.state.props["friend"]["swords"] == round(float(skill[row["friend"]]), 1)


def test_less_than_a_day_costs_one_comparison(session) -> None:
    game = session.game
    play(session, "wait")
    before = game.state.records["living"]
    living.advance(game, before["day"] * DAY + DAY - 1)
    assert game.state.records["living"] is before  # untouched: not even rebuilt
    living.advance(game, (before["day"] + 1) * DAY)
    assert game.state.records["living"]["day"] == before["day"] + 1


# -- determinism ----------------------------------------------------------------------------
def test_the_campaign_living_world_is_the_same_under_the_same_seed(banished, tmp_path) -> None:
    records = []
    for _ in range(2):
        s = Session(banished, seed=5, saves=tmp_path / "saves")
        s.opening()
        play(s, "down", "wait 3 days")
        records.append(s.game.state.records["living"])
    assert records[0] == records[1]
    other = Session(banished, seed=6, saves=tmp_path / "saves")
    other.opening()
    play(other, "down", "wait 3 days")
    assert other.game.state.records["living"]["items"] != records[0]["items"]


def test_synthetic_worlds_are_deterministic_under_a_seed() -> None:
    def run(seed: int) -> tuple:
        sim = synthetic.generate(300, 3000, seed=seed)
        sim.step_to(12)
        return (
            sim.dyn.items[synthetic.NEWS].arrival.tolist(),
            sim.dyn.lives.skill.tolist(),
            sim.dyn.status.tolist(),
            sim.dyn.chronicle,
        )

    assert run(3) == run(3)
    assert run(3) != run(4)


def test_synthetic_people_hear_no_earlier_than_their_town() -> None:
    sim = synthetic.generate(400, 5000, seed=2)
    item = sim.dyn.items[synthetic.NEWS]
    hears = sim.hear_times(item)
    town = item.arrival[sim.static.people.settlement]
    assert np.all(hears >= town.astype(hears.dtype) - 1e-4)
    sim.step_to(20)
    heard = sim.dyn.lives.heard
    assert np.all(heard[np.isfinite(heard)] <= 20)


# -- working ahead ---------------------------------------------------------------------------
def _lived(sim: simulation.Sim, stretches: list[int], born_again: int) -> list:
    """Lives, statuses and the chronicle after each stretch of days; on the stretch
    numbered `born_again` the shocking news is born a second time, mid-way."""
    trace = []
    for n, stretch in enumerate(stretches):
        if n == born_again:
            source = next(s for s in sim.static.sources.values() if s.shock)
            sim.birth(source.id, sim.dyn.day - 0.5, item_id="again")
        sim.step_to(sim.dyn.day + stretch)
        lives = sim.dyn.lives
        trace.append(
            [lives.grief.tolist(), lives.resilience.tolist(), lives.skill.tolist()]
            + [lives.heard.tolist(), sim.dyn.status.tolist(), list(sim.dyn.chronicle)]
        )
    return trace


def _restless(sim: simulation.Sim) -> simulation.Sim:
    """A synthetic world whose treaties strain, break, ease and mend: lines close to the
    views, and fading news about every faction."""
    rng = np.random.default_rng(5)
    treaties, geo = sim.static.treaties, sim.static.geo
    views = sim.views_at(0.0)
    lowest = np.minimum(views[treaties.a, treaties.b], views[treaties.b, treaties.a])
    treaties.breaks[:] = lowest - rng.uniform(0, 25, len(lowest))
    treaties.strains[:] = treaties.breaks + rng.uniform(0, 20, len(lowest))
    treaties.restores[:] = np.where(rng.random(len(lowest)) < 0.5, np.nan, treaties.breaks + 5)
    source = sim.static.sources[synthetic.NEWS]
    for f in range(len(sim.static.factions.ids)):
        points = -rng.uniform(20, 90) * (rng.random((geo.size, 2)) < 0.6)
        source.impacts.append((f, points, float(rng.choice([math.inf, 4.0, 12.0]))))
    sim.dyn.items.clear()
    sim.dyn.hear.clear()
    sim.birth(synthetic.NEWS, 0.0)
    return sim


def _one_day_by_the_rules(sim: simulation.Sim, until: int = 0) -> list[simulation.Change]:
    """A day as the rules read, nothing worked out ahead: news heard, a day of everyone's
    life, each treaty judged on that day's views."""
    s, d = sim.static, sim.dyn
    now = float(d.day + 1)
    for item in d.items.values():
        source = s.sources[item.source]
        if source.shock and source.subject == s.people.subject:
            lv.hear(s.people, d.lives, sim.hear_times(item), source.shock, now - 1, now)
    lv.day(s.people, d.lives, now)
    new, actor = fx.evaluate(s.factions, s.treaties, sim.views_at(now), d.status)
    changes = [
        simulation.Change(now, int(t), int(new[t]), int(actor[t]))
        for t in np.flatnonzero(new != d.status)
    ]
    d.status = new
    for change in changes:
        d.since[change.treaty] = now
        sim._treaty_news(change)
    d.day += 1
    return changes


def test_working_days_out_ahead_gives_what_living_them_one_by_one_does(
    banished, monkeypatch
) -> None:
    """The treaties' outlook and the lives worked out ahead are only a faster way to the
    very same numbers as the rules applied a day at a time: to the last bit, in the
    campaign (grief reaching its ceiling on the way) and in a synthetic world (float32,
    people hearing news over weeks, treaties straining, breaking, easing and mending)."""

    def campaign() -> simulation.Sim:
        game = Game(banished, seed=3)
        game.command("down")  # the verdict is news now
        sim = living.load(game)
        assert sim is not None
        return sim

    def synthetic_world() -> simulation.Sim:
        return _restless(synthetic.generate(300, 3000, seed=3, nations=12))

    stretches = [1, 1, 2, 7, 1, 3, 30, 2, 90]
    for make in (campaign, synthetic_world):
        ahead = _lived(make(), stretches, born_again=5)
        with monkeypatch.context() as m:
            m.setattr(simulation.Sim, "step", _one_day_by_the_rules)
            by_the_rules = _lived(make(), stretches, born_again=5)
        assert ahead == by_the_rules
        assert any(entry[1] == "treaty" for entry in ahead[-1][-1])
        assert max(ahead[-1][0]) > 0  # somebody grieved


def test_lives_ahead_match_each_day_lived_even_at_grief_s_ceiling() -> None:
    sim = synthetic.generate(50, 400, seed=9)
    sim.step_to(30)  # everyone who will hear has heard
    people, lives = sim.static.people, sim.dyn.lives
    grief, resilience, skill = lv.ahead(people, lives, 31.0, 10)
    for row, day in enumerate(range(31, 41)):
        lv.day(people, lives, float(day))
        assert np.array_equal(lives.grief, grief[row])
        assert np.array_equal(lives.resilience, resilience[row])
        assert np.array_equal(lives.skill, skill[row])
    lives.grief[::2] = 99.0
    lives.resilience[::2] = 0.0  # half of them grieve past the ceiling: it is kept to
    grief, resilience, skill = lv.ahead(people, lives, 41.0, 10)
    for row, day in enumerate(range(41, 51)):
        lv.day(people, lives, float(day))
        assert np.array_equal(lives.grief, grief[row])
        assert np.array_equal(lives.skill, skill[row])
    assert lives.grief.max() == 100.0
    training = np.flatnonzero(people.trains() & (lives.heard <= 51.0))
    people.courage[training[0]] = -0.01  # resilience that can fall: only day by day is exact
    assert lv.ahead(people, lives, 51.0, 10) is None


def test_the_kept_simulation_follows_the_state_it_was_saved_in(session) -> None:
    game = session.game
    play(session, "wait")
    before = game.state.copy()
    scheduler.advance(game, 6 * DAY)
    after = game.state.records["living"]
    game.set_state(before.copy())  # as an undo would
    scheduler.advance(game, 6 * DAY)
    assert game.state.records["living"] == after
    # a simulation loaded to look at is the reader's own: stepping it changes nothing
    sim = living.load(game)
    sim.step_to(sim.dyn.day + 30)
    scheduler.advance(game, DAY)
    assert game.state.records["living"]["day"] == after["day"] + 1


def test_kept_or_loaded_afresh_the_world_goes_on_the_same_way(shire: World) -> None:
    """A state holding an equal record that is not the one saved (a restored game) makes
    the simulation load afresh; either way the same news is born with the same seeds."""
    records = []
    for afresh in (False, True):
        game = Game(shire, seed=4)
        game.command("wait")
        for _ in range(12):
            if afresh:
                game.state.records["living"] = dict(game.state.records["living"])
            scheduler.advance(game, DAY)
            game.random()  # the story draws: later news is seeded differently
        records.append(game.state.records["living"])
    assert any(item[0].startswith("treaty:") for item in records[0]["items"])
    assert records[0] == records[1]


# -- the campaign ---------------------------------------------------------------------------
def test_a_week_after_the_verdict_the_world_has_turned_on_the_leaf(new_session) -> None:
    session = new_session()
    text = play(session, "go to gate", "s", "s", "s")  # Act 1 closes; a week passes
    game = session.game
    assert game.state.minutes >= 7 * DAY
    assert holds(game, {"news_known": {"news": "banishment", "at": "oashisu", "share": 0.5}})
    assert holds(game, {"treaty": {"id": "leaf_wave_trade", "status": "broken"}})
    assert holds(game, {"treaty": {"id": "leaf_tea_trade", "status": "broken"}})
    assert holds(game, {"treaty": {"id": "fire_patronage", "status": "strained"}})
    assert holds(game, {"treaty": {"id": "leaf_suna_pact", "status": "in force"}})
    assert game.state.flags.get("daimyo_displeased") is True
    # the week is told: the daimyo's fury, the celebrating and the mourning, Suna, Hinata
    for words in (
        "Fire Daimyo",
        "civilians were glad",
        "shinobi did not celebrate",
        "pact with the Leaf still stood",
        "spars with Neji",
    ):
        assert words in text
    # months on, the Sand thinks less of the Leaf than its pact's line, and keeps the pact
    scheduler.advance(game, 40 * DAY)
    sim = living.load(game)
    index = sim.static.factions.index
    assert sim.views_at(game.state.minutes / DAY)[index["suna"], index["leaf"]] < -20
    assert holds(game, {"treaty": {"id": "leaf_suna_pact", "status": "in force"}})
    assert holds(game, {"treaty": {"id": "leaf_snow_alliance", "status": "broken"}})
    assert holds(game, {"treaty": {"id": "leaf_taki_alliance", "status": "in force"}})  # loyal


def test_oashisu_is_full_of_rumours_of_the_banishment(banished, tmp_path) -> None:
    session = played_until(banished, "ask woman about weapons shop", tmp_path / "saves")
    answer = play(session, "ask woman about konoha")
    assert "Leaf" in answer and "Couldn't tell you" not in answer
    heard = play(session, "listen")
    assert "Leaf" in heard or "fox boy" in heard
    game = session.game
    sim = living.load(game)
    assert "seen:naruto@oashisu" in sim.dyn.items  # a stranger in orange: the town talks
    scheduler.advance(game, 90 * DAY)
    sim = living.load(game)
    konoha = sim.static.geo.index["konoha"]
    assert np.isinf(sim.dyn.items["seen:naruto@oashisu"].arrival[konoha])  # not a whisper


def test_a_bad_reference_names_the_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "world.yaml").write_text(
        WORLD.replace("nation: shire, pos: [3, 0]", "nation: shir, pos: [3, 0]")
    )
    with pytest.raises(ContentError) as info:
        load_world(tmp_path)
    assert "world.yaml:" in str(info.value) and "shir" in str(info.value)


# -- the report -------------------------------------------------------------------------------
def test_the_world_report_tells_who_knows_what_and_draws_it(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    text = report(None, 7, tmp_path)
    assert "Oashisu" in text
    assert "the trade between the Hidden Leaf and the Land of Waves is broken by the Land" in text
    assert "Opinion of the Hidden Leaf by nation" in text
    for name in ("opinion_over_time", "news_front"):
        for suffix in (".png", ".svg"):
            assert (tmp_path / f"{name}{suffix}").stat().st_size > 1000
    big = report("synthetic:300:3000", 5, tmp_path / "synthetic")
    assert "settlements that know" in big


def test_the_rescue_at_the_mine_is_news_that_starts_in_oashisu(banished, tmp_path) -> None:
    session = played_until(banished, "signal", tmp_path / "saves")  # chamber not yet free
    assert "mine_rescue" not in living.load(session.game).dyn.items
    session = played_until(banished, "reassure prisoner", tmp_path / "saves2")
    game = session.game
    sim = living.load(game)
    item = sim.dyn.items["mine_rescue"]
    geo = sim.static.geo
    assert geo.ids[item.origin] == "oashisu"
    now = game.state.minutes / DAY
    assert item.born <= now
    assert holds(game, {"news_known": {"news": "mine_rescue", "at": "oashisu"}})
    assert not holds(game, {"news_known": {"news": "mine_rescue", "at": "konoha"}})
    assert np.isinf(item.arrival[geo.index["snow_castle"]])  # beyond its reach
    scheduler.advance(game, 3 * DAY)
    assert holds(game, {"news_known": {"news": "mine_rescue", "at": "river_ford"}})


def test_treaty_news_answers_to_the_names_of_its_parties(banished, tmp_path) -> None:
    session = played_until(banished, "ask woman about weapons shop", tmp_path / "saves")
    assert "Fire Daimyo is furious" in play(session, "ask woman about the daimyo")
    assert "stopped trading" in play(session, "ask woman about tea")


def test_days_owed_are_lived_when_the_clock_stops_or_when_asked(banished, tmp_path) -> None:
    from kage.ext.living import keys as package

    session = played_until(banished, "ask woman about weapons shop", tmp_path / "saves")
    game = session.game
    day = game.state.records[package.KEY]["day"]
    # ticks only note what is owed ...
    scheduler._tick(game, game.state.minutes + 3 * DAY)
    assert game.kept[package.OWED] == game.state.minutes
    assert game.state.records[package.KEY]["day"] == day
    # ... and the first reader catches up
    assert holds(game, {"treaty": {"id": "leaf_suna_pact", "status": "in force"}})
    assert package.OWED not in game.kept
    assert game.state.records[package.KEY]["day"] == game.state.minutes // DAY
    # a command leaves nothing owed, and a new state forgets what the old one owed
    play(session, "wait 2 days")
    assert package.OWED not in game.kept
    scheduler._tick(game, game.state.minutes + 2 * DAY)
    game.set_state(game.state.copy())
    assert package.OWED not in game.kept


def test_the_chronicle_holds_each_thing_that_happened_once(session) -> None:
    """Seen again and again in the same town, the hero is news again each time; the
    chronicle keeps the first sighting only, so it does not grow with the game."""
    for _ in range(4):
        play(session, "e", "wait 1 day", "w", "wait 1 day")
    chronicle = living.load(session.game).dyn.chronicle
    facts = [entry[1:] for entry in chronicle]
    assert ["news", "seen:hero@ashford", "ashford"] in facts
    assert len(facts) == len({repr(fact) for fact in facts})
    first = next(e[0] for e in chronicle if e[2] == "seen:hero@ashford")
    assert first < 1  # the first day's, not a later visit's


def test_what_is_worked_out_ahead_is_shared_between_games_only_from_the_same_inputs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Games of one world share the lives and treaty outlooks worked out ahead, by the
    numbers they were worked out from: every game plays exactly as it does alone."""
    from tests.helpers import walkthrough

    from kage import worlds

    world = worlds.load("banished")
    lines = walkthrough("full.txt")

    def played(seed: int, first: list[str]) -> tuple[list[str], object]:
        game = Game(world, seed=seed)
        replies = [game.command(line).text for line in first + lines]
        return replies, game.state.records.get("living")

    # the same days lived from other lives: news heard days later, or a day later
    starts = [(0, []), (1, []), (0, ["wait here for 2 days"]), (2, ["wait here for 1 day"])]
    living.static(world).extra.pop("shared_ahead", None)
    shared = [played(seed, first) for seed, first in starts + starts[:1]]
    assert len(living.static(world).extra["shared_ahead"]) > 0
    monkeypatch.setattr(simulation, "SHARED_ROWS", 0)  # nothing shared: each on its own
    alone = [played(seed, first) for seed, first in starts + starts[:1]]
    assert shared == alone


def test_news_in_a_small_world_spreads_to_the_very_numbers_numpy_gives(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from kage import worlds

    found = living.static(worlds.load("banished"))
    geo = found.geo
    assert geo.size <= news.SMALL
    births = [
        (source, origin, seed)
        for source in found.sources.values()
        for origin in range(0, geo.size, 5)
        for seed in (0, 7, 2**40 + 3)
    ]
    assert any(len(source.versions) > 1 for source, _, _ in births)
    small = [news.spread(geo, "item", s, o, 3.25, seed) for s, o, seed in births]
    monkeypatch.setattr(news, "SMALL", 0)
    large = [news.spread(geo, "item", s, o, 3.25, seed) for s, o, seed in births]
    for a, b in zip(small, large, strict=True):
        assert a.arrival.dtype == b.arrival.dtype and a.version.dtype == b.version.dtype
        assert a.arrival.tolist() == b.arrival.tolist()
        assert a.version.tolist() == b.version.tolist()


def _random_lives(seed: int, size: int) -> tuple[lv.People, lv.Lives]:
    rng = np.random.default_rng(seed)
    partner = rng.integers(-1, size, size)
    people = lv.People(
        settlement=rng.integers(0, 3, size),
        group=np.zeros(size, dtype=np.int8),
        rank=rng.random(size),
        bond=rng.choice([-50.0, 0.0, 30.0, 100.0], size),
        goal=rng.integers(0, 2, size).astype(np.int8),
        courage=rng.choice([-0.02, 0.0, 0.03, 0.2], size),
        talent=rng.random(size) * 3,
        limit=rng.choice([50.0, 100.0], size),
        partner=np.where(partner == np.arange(size), -1, partner),
    )
    lives = lv.Lives(
        grief=rng.choice([0.0, 5.0, 99.5, 100.0], size) * rng.random(size),
        resilience=rng.random(size) * 1.2 - 0.1,
        skill=rng.random(size) * 40,
        heard=np.where(rng.random(size) < 0.5, 2.0, np.inf),
    )
    return people, lives


def test_a_few_lives_lived_in_plain_floats_are_the_numbers_numpy_gives(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A handful of people live their days in plain floats (`lives.PLAIN`): grief at its
    ceiling, resilience clipped at both ends, partners, news heard on some days; the very
    numbers the arrays give, to the last bit."""

    def lived(seed: int) -> list[list[float]]:
        people, lives = _random_lives(seed, 40)
        when = np.random.default_rng(seed + 1).random(40) * 12
        when[::7] = np.inf
        seen = []
        for day in range(1, 15):
            lv.hear(people, lives, when, 60.0, day - 1.0, float(day))
            lv.day(people, lives, float(day))
            seen.append(lives.grief.tolist() + lives.resilience.tolist())
            seen.append(lives.skill.tolist() + lives.heard.tolist())
        return seen

    assert lv.PLAIN >= 40
    for seed in range(6):
        plain = lived(seed)
        with monkeypatch.context() as m:
            m.setattr(lv, "PLAIN", 0)
            arrays = lived(seed)
        assert plain == arrays
