"""Triggers and endings found false are passed over until something that could make them
true happens (what the part that made them false reads); never wrongly.

With `VERIFY_SKIPS` on, every condition passed over is asked anyway and an AssertionError
is raised if it holds: a condition kind whose `reads` leave out something it depends on, a
change made without its event, or a wrong choice of the part that decides shows up here
as a trigger that should have fired."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.helpers import walkthrough, world_from

from kage import worlds
from kage.game import Game
from kage.world import calendar, conditions, events, watch

NEWCOMERS = Path(__file__).parent.parent / "data" / "newcomers"
PLAYS = {"banished": "full.txt", "tidebell": "tidebell.txt"}  # Cloak has no triggers


def commands(world: str) -> list[str]:
    """The walkthrough, then what blind newcomers typed in that world, in their order."""
    lines = walkthrough(PLAYS[world])
    for log in sorted(NEWCOMERS.glob(f"{world}-*.txt")):
        lines += [line for line in log.read_text().splitlines() if line.strip()]
    return lines


@pytest.fixture
def verifying(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(watch, "VERIFY_SKIPS", True)


@pytest.mark.parametrize("world", sorted(PLAYS))
def test_no_trigger_is_passed_over_while_it_holds(world: str, verifying: None) -> None:
    game = Game(worlds.load(world), seed=3)
    passed_over = 0
    for line in commands(world):
        kept = game.kept.get("watch.triggers")
        before = len(kept.quiet) if kept else 0
        game.command(line)
        passed_over += before
        if game.state.done:
            game = Game(game.world, seed=3)
    assert passed_over > 0  # the skipping was exercised, not bypassed


def test_a_flag_wakes_only_for_its_own_name(
    verifying: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A flag's condition wakes on "flag:NAME" (kage.world.events.QUALIFIED); were the
    events of a flag named otherwise, a trigger on it would sleep through its setting."""
    from kage.world import events

    monkeypatch.setitem(events.QUALIFIED, "flag", "value")  # "flag:True", not its name
    game = Game(worlds.load("banished"), seed=3)
    game.engine.explained_conditions.clear()
    with pytest.raises(AssertionError, match="passed over but holds"):
        for line in commands("banished"):
            game.command(line)


def test_a_kind_that_hides_what_it_reads_is_caught(
    verifying: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    world = worlds.load("banished")
    game = Game(world, seed=3)
    flag = game.engine.conditions["flag"]
    monkeypatch.setattr(flag, conditions.READS, frozenset({"nothing.ever"}))
    monkeypatch.setattr(flag, conditions.WAKES, lambda arg: frozenset({"nothing.ever"}))
    game.engine.explained_conditions.clear()
    try:
        with pytest.raises(AssertionError, match="passed over but holds"):
            for line in commands("banished"):
                game.command(line)
    finally:
        game.engine.explained_conditions.clear()


def test_triggers_fire_on_the_same_turns_as_asking_every_turn(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    world = worlds.load("banished")

    def fired_by_turn() -> list[tuple[int, str]]:
        game = Game(world, seed=5)
        for line in commands("banished"):
            game.command(line)
        ids = {t.id for t in world.triggers}  # the log keeps recent turns only: ask the state
        return sorted((minute, tid) for tid, minute in game.state.fired.items() if tid in ids)

    skipping = fired_by_turn()
    # every condition "cannot say" what wakes it: asked every turn, as before waking
    monkeypatch.setattr(
        watch, "why", lambda game, cond: lambda game: (conditions.holds(game, cond), None)
    )
    assert fired_by_turn() == skipping
    assert len(skipping) >= 10


def test_a_trigger_on_the_clock_wakes_when_only_time_passes(verifying: None) -> None:
    game = Game(worlds.load("banished"), seed=3)
    for _ in range(30):  # standing in the office while the deadline comes on
        game.command("wait 1 hour")
    assert "last_day_morning" in game.state.fired


CHAIN = """
world: {id: chain, title: "Chain", intro: "A yard.", player: hero, start_time: "0060-10-10T04:00"}
places:
  - id: yard
    name: "the yard"
    exits: {east: shop}
  - id: shop
    name: "the shop"
    exits: {west: yard}
people:
  - id: hero
    name: "Hero"
    gender: him
    at: yard
triggers:
  - id: bell
    when: {at: shop}
    effects:
      - set: {rung: true}
  - id: echo
    when: {flag: rung}
    effects:
      - set: {echoed: true}
endings:
  - {id: never, when: {flag: never_set}, won: true, text: "The end."}
"""


def test_a_trigger_woken_by_an_earlier_one_fires_in_the_same_pass(
    tmp_path_factory: pytest.TempPathFactory, verifying: None
) -> None:
    game = Game(world_from(tmp_path_factory, "chain", CHAIN))
    game.command("wait")  # both asked and found false: both quiet now
    game.command("east")
    assert game.state.fired.get("bell") == game.state.fired.get("echo") is not None


def test_what_wakes_a_false_condition_is_what_wakes_its_deciding_part(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    game = Game(world_from(tmp_path_factory, "chain", CHAIN))  # the hero is in the yard
    kinds = game.engine.conditions
    now = game.state.minutes

    def wakes(cond: dict[str, object]) -> conditions.Wake:
        truth, wake = conditions.explained(kinds, cond)(game)
        assert truth == conditions.holds(game, cond)
        return wake

    never = conditions.NEVER
    moves = frozenset({events.PLAYER_MOVED, "consumed"})  # where he is: his own moves
    at_shop, later = {"at": "shop"}, {"time": {"min": now + 500}}
    # the clock only runs forwards: a bound not yet reached wakes at its minute, one
    # passed never does
    assert wakes(later) == (frozenset(), now + 500)
    assert wakes({"time": {"above": now + 499.5}}) == (frozenset(), now + 500)
    assert wakes({"time": {"max": now - 1}}) == (frozenset(), never)
    assert wakes({"not": {"time": {"max": now + 9}}}) == (frozenset(), now + 10)
    # all: a false part decides; one that the clock does not wake is preferred, else the
    # one the clock wakes last
    assert wakes({"all": [later, at_shop]}) == (moves, never)
    assert wakes({"all": [{"at": "yard"}, later]}) == (frozenset(), now + 500)
    assert wakes({"all": [{"at": "yard"}, {"flag": "rung"}, later]}) == ({"flag:rung"}, never)
    # a part of the day changes when the next part begins
    world = game.world
    parts = [p.start for p in world.calendar.parts]
    next_part = now + min(calendar.until(world, now, start) for start in parts)
    other = next(
        p.name for p in world.calendar.parts if p.name != calendar.part_now(world, now).name
    )
    assert wakes({"time_of_day": other}) == (frozenset(), next_part)
    assert wakes({"all": [{"time_of_day": other}, later]}) == (
        frozenset(),
        max(next_part, now + 500),
    )
    # several keys in one dict are an all
    assert wakes({**at_shop, "flag": "rung"}) == (moves, never)
    # any false: every part keeps it false
    assert wakes({"any": [later, at_shop]}) == (moves, now + 500)
    # not: what keeps the inner part true keeps the whole false
    assert wakes({"not": {"any": [{"at": "yard"}, later]}}) == (moves, never)
    # a part that cannot say what wakes it makes the whole unable to say, unless another
    # false part decides before it
    assert wakes({"any": [{"chance": 0.0}, at_shop]}) is None
    assert wakes({"all": [at_shop, {"chance": 0.0}]}) == (moves, never)
    # ... and parts after a part the clock wakes are asked only if they say what they
    # read (a chance draws from the story's generator: asking it is not free)
    assert wakes({"all": [later, {"chance": 1.0}, at_shop]}) == (frozenset(), now + 500)


def test_a_trigger_false_by_a_part_that_does_not_read_the_clock_is_not_asked_as_time_passes(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    world = world_from(
        tmp_path_factory,
        "chain",
        CHAIN.replace("when: {at: shop}", "when: {all: [{time: {min: 0}}, {at: shop}]}"),
    )
    game = Game(world)
    asked: list[str] = []
    real = watch.why

    def counting(game: Game, cond: dict[str, object]) -> conditions.Explained:
        explain = real(game, cond)

        def asking(game: Game) -> tuple[bool, conditions.Wake]:
            asked.append(str(cond))
            return explain(game)

        return asking

    monkeypatch.setattr(watch, "why", counting)
    game.command("wait")
    first = len(asked)
    for _ in range(5):
        game.command("wait")
    assert first > 0 and len(asked) == first  # the clock moved; only a move wakes it
    game.command("east")
    assert "bell" in game.state.fired


@pytest.mark.parametrize("kind", ["hostiles_down", "guards_down"])
def test_a_status_running_out_by_the_clock_alone_wakes_who_stands(
    kind: str, verifying: None
) -> None:
    """Who still stands reads statuses, which run out with the clock: a condition on it
    found false sleeps only until the next status ends (`stats.next_end`), even when
    nothing is emitted as it does (a status written with its end and nothing scheduled)."""
    from kage.systems import scheduler
    from kage.world import ops

    game = Game(worlds.load("banished"), seed=3)
    now = game.state.minutes
    ops.set_prop(game, "tunnel_thug", "status", {"unconscious": now + 30})
    cond = {"not": {kind: "mine_tunnel"}}  # false while he is out cold
    looking = watch.look(game, "test")
    assert not looking.holds("standing", cond)
    for minutes in (10, 10, 10):
        scheduler.advance(game, minutes)
        looking = watch.look(game, "test")
        up = looking.holds("standing", cond)
    assert up  # at the 30th minute he is on his feet, and the watch woke to see it


def test_where_the_player_is_wakes_for_his_moves_and_those_of_what_he_is_in(
    verifying: None,
) -> None:
    """`at`, `in_zone` and `visited` read only where the player is: they sleep through
    everyone else's moves, and wake when he moves, or when something he is in is moved
    (a cart pulled along with him in it), however deep he sits in it."""
    from kage.world import ops, query

    game = Game(worlds.load("banished"), seed=3)
    here = query.here(game)
    elsewhere = next(
        e.id for e in game.world.entities.values() if e.kind == "place" and e.id != here
    )
    cart = next(
        e.id
        for e in game.world.entities.values()
        if e.kind not in ("place", "person") and query.place_of(game, e.id) != here
    )
    ops.move(game, cart, here)
    ops.move(game, game.world.player, cart)  # he climbs in
    box = next(
        e.id
        for e in game.world.entities.values()
        if e.kind not in ("place", "person") and e.id != cart
    )
    ops.move(game, box, cart)
    ops.move(game, game.world.player, box)  # and deeper in
    cond = {"at": elsewhere}
    looking = watch.look(game, "test")
    assert not looking.holds("there", cond)
    someone = next(e.id for e in game.world.entities.values() if e.kind == "person" and e.id != box)
    ops.move(game, someone, elsewhere)  # another's move: it may sleep through this
    assert not watch.look(game, "test").holds("there", cond)
    ops.move(game, cart, elsewhere)  # the cart, with him in the box in it, is moved
    looking = watch.look(game, "test")
    assert events.PLAYER_MOVED in (looking.stirred or set())
    assert looking.holds("there", cond)


def test_who_stands_in_a_place_wakes_for_the_moves_into_and_out_of_it(verifying: None) -> None:
    """`hostiles_down` reads who is directly in the place: it sleeps through moves
    elsewhere and wakes for a move out of it (or into it: "moved@PLACE")."""
    from kage.world import ops

    game = Game(worlds.load("banished"), seed=3)
    cond = {"hostiles_down": "mine_tunnel"}  # the tunnel thug stands there
    assert not watch.look(game, "test").holds("down", cond)
    ops.move(game, "yard_thug_1", "great_chamber")  # elsewhere: it may sleep through this
    assert not watch.look(game, "test").holds("down", cond)
    ops.move(game, "tunnel_thug", "mine_entrance")  # the only one there walks out
    assert watch.look(game, "test").holds("down", cond)
    ops.move(game, "yard_thug_2", "mine_tunnel")  # and another walks in
    assert not watch.look(game, "test").holds("down", cond)


def test_a_status_condition_wakes_when_that_status_runs_out(verifying: None) -> None:
    """{status: ...} reads the clock only through the end of the statuses it reads: found
    false, it sleeps until a prop changes or one of them runs out, and no longer."""
    from kage.systems import scheduler
    from kage.world import ops

    game = Game(worlds.load("banished"), seed=3)
    player, now = game.world.player, game.state.minutes
    ops.set_prop(game, player, "status", {"invisible": now + 25, "asleep": now + 90})
    cond = {"not": {"status": {"has": "invisible"}}}
    assert not watch.look(game, "test").holds("seen", cond)
    seen = []
    for _ in range(4):
        scheduler.advance(game, 10)
        seen.append(watch.look(game, "test").holds("seen", cond))
    assert seen == [False, False, True, True]
