"""`kage solve`: the state key, the search, and what it reports, on a small world with
planted dead ends (tests/data/worlds/well), on Cloak of Darkness, on the end of
Banished, and (best-first's commands put off and stretches that rest) on a trap world
where the first score spoils the win. Every search here runs on the exact admissible
commands."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from tests.helpers import walkthrough, world_from

from kage import worlds
from kage.content.compile import load_world
from kage.core import counters
from kage.interfaces.cli import main
from kage.tools.solve import BEST, Bounds, Report, solve
from kage.tools.solve.candidates import durations, durations_in, keep
from kage.tools.solve.keys import counter_caps, state_key, timeless
from kage.tools.solve.search import start_game
from kage.world.model import World

WELL = Path(__file__).parent.parent / "data" / "worlds" / "well"


@pytest.fixture(scope="module")
def well() -> World:
    return load_world(WELL)


@pytest.fixture(scope="module")
def solved(well: World) -> Report:
    """The whole state space of the well (a few hundred states)."""
    return solve(well, bounds=Bounds(seconds=600, max_states=3000))  # a bound, not the time


@pytest.fixture(scope="module")
def cloak() -> World:
    return worlds.load("cloak")


# -- the key ------------------------------------------------------------------------
def test_the_key_leaves_out_bookkeeping_and_keeps_what_matters(well: World) -> None:
    state = start_game(well, 0, []).state
    state.trail = [["courtyard", "north"]]
    key = state_key(state, clock=False)
    other = state.copy()
    other.turn += 7
    other.seq += 3
    other.trail = [["tower", "south"], ["courtyard", "north"]]  # only the last move counts
    other.pronouns = {"it": "iron_key"}
    other.visited = {place: minute + 5 for place, minute in state.visited.items()}
    other.holder = dict(reversed(state.holder.items()))  # another order, the same places
    assert state_key(other, clock=False) == key
    relocked = state.copy()
    relocked.props["oak_door"] = {"locked": True}  # unlocked and locked again: as it was
    assert state_key(relocked, False, None, well) == state_key(state, False, None, well)
    relocked.props["oak_door"] = {"locked": False}
    assert state_key(relocked, False, None, well) != state_key(state, False, None, well)
    moved = state.copy()
    moved.holder["iron_key"] = well.player
    assert state_key(moved, clock=False) != key
    later = state.copy()
    later.minutes += 60
    assert state_key(later, clock=False) == key
    assert state_key(later, clock=True) != state_key(state, clock=True)
    asked = state.copy()
    asked.question = {"turn": 3}
    asked_later = asked.copy()
    asked_later.turn += 9  # a pending question lapses with the turns
    assert state_key(asked, clock=False) != state_key(asked_later, clock=False)


def test_paths_that_meet_in_a_timeless_world_meet_in_the_search(well: World) -> None:
    """The quest's stage on first seeing the knight stamps its minute: the clock is pinned,
    so the stamp is the same whichever way, and however long, the way there was."""
    from kage.tools.solve.search import Search

    search = Search(well)
    short = ["take key", "unlock door", "north"]
    long = ["take key", "examine well", "unlock door", "examine door", "north"]
    assert search.key_after(short) == search.key_after(long)
    assert search.key_after(short) != search.key_after(short[:-1])


def test_the_clock_is_left_out_only_where_nothing_reads_it(well: World, cloak: World) -> None:
    assert timeless(cloak, start_game(cloak, 0, []).state)
    assert timeless(well, start_game(well, 0, []).state)  # quests stamp minutes, never read them
    banished = worlds.load("banished")
    assert not timeless(banished, start_game(banished, 0, []).state)


def test_a_counter_that_only_grows_is_capped_at_the_last_number_read(
    cloak: World, tmp_path_factory: pytest.TempPathFactory
) -> None:
    caps = counter_caps(cloak)
    assert caps == {"disturbed": 2}
    state = start_game(cloak, 0, []).state

    def disturbed(n: int) -> bytes:
        changed = state.copy()
        changed.flags["disturbed"] = n
        return state_key(changed, False, caps, cloak)

    assert disturbed(2) == disturbed(7)  # "below 2" and "min 2" read them alike
    assert disturbed(1) != disturbed(2)
    reset = world_from(
        tmp_path_factory,
        "reset",
        """
world: {id: reset, title: "Reset", intro: "", player: me}
counters: {knocks: 0}
places: [{id: room, name: "room", nouns: [room]}]
people: [{id: me, name: "me", nouns: [me], at: room}]
rules:
  - {name: knocking, phase: instead, action: jump, effects: [{increment: knocks}]}
  - {name: calm, phase: instead, action: sing, effects: [{set: {knocks: 0}}]}
endings:
  - {id: out, won: true, when: {counter: {knocks: {min: 3}}}, text: "Out."}
""",
    )
    assert counter_caps(reset) == {}  # set back to 0: every value counts


def test_durations_are_read_and_limited() -> None:
    assert durations("train genjutsu for 3 weeks") == [(3, "week")]
    assert durations("wait around here for an hour") == [(1, "hour")]
    assert durations("wait around here for 12 more hours") == [(12, "hour")]
    allowed = durations_in(["train for 2 weeks", "wait 20 minutes"])
    assert allowed == {(2, "week"), (20, "minute")}
    assert keep("train for 2 weeks", allowed)
    assert not keep("train for 3 weeks", allowed)
    assert keep("take key", allowed)
    assert not keep("take it", None)  # a pronoun: the key does not hold what it means
    assert not keep("undo", None)


# -- the well: planted dead ends ----------------------------------------------------
def test_the_well_is_solved_and_the_win_replays(well: World, solved: Report) -> None:
    assert solved.exhaustive and solved.stopped == "exhausted"
    assert solved.win is not None and solved.win_verified
    assert start_game(well, 0, solved.win).state.won
    # breadth-first: the shortest, taking the key and the potion as implicit actions
    # (unlock, first taking the key; go; put, first taking the potion)
    assert len(solved.win) == 3
    assert solved.endings["healed"]["won"]


def test_the_planted_dead_ends_are_found_and_nothing_else(solved: Report) -> None:
    fatal = {dead.command: dead for dead in solved.dead_ends}
    assert set(fatal) == {"put key in well", "drink potion"}
    assert fatal["put key in well"].path == ["put key in well"]  # first taking the key
    assert fatal["drink potion"].path[-1] == "drink potion"
    assert solved.dead_states >= 2 and solved.unknown_states == 0


def test_a_reported_dead_end_is_one_and_the_step_before_it_is_not(well: World) -> None:
    from kage.tools.solve.search import Search

    before = Search(well, prefix=["take key"], stop_on_win=True).run()
    assert any(node.won for node in before.nodes)
    after = solve(well, prefix=["take key", "put key in well"])
    assert after.exhaustive and after.win is None
    assert after.dead_ends and after.dead_ends[0].command == ""  # the start is dead


def test_unfinishable_quests_and_unreachable_things(solved: Report) -> None:
    assert solved.quests["heal_knight"]["finished"]
    assert not solved.quests["lost_ring"]["finished"]
    assert solved.quests["lost_ring"]["furthest"] == "asked"
    assert solved.never_held == ["ring"]
    assert solved.never_visited == ["well_bottom"]


def test_a_bounded_search_claims_nothing_it_did_not_prove(well: World) -> None:
    cut = solve(well, bounds=Bounds(depth=1))
    assert not cut.exhaustive and cut.stopped == "depth"
    assert cut.win is None
    assert cut.dead_ends == []  # the key down the well is at the depth limit: unexplored
    assert "ring" in cut.never_held and "potion" in cut.never_held


def test_the_command_prints_json_and_says_when_it_found_no_win() -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["solve", str(WELL), "--json", "--max-states", "5"])
    assert result.exit_code == 1, result.output
    data = json.loads(result.output)
    assert data["stopped"] == "states" and data["win"] is None
    text = runner.invoke(main, ["solve", str(WELL), "--depth", "2", "--no-progress"])
    assert "The Well" in text.output and "No win found" in text.output


# -- the bundled worlds -------------------------------------------------------------
def test_cloak_of_darkness_is_won_and_both_endings_found(cloak: World) -> None:
    report = solve(cloak, bounds=Bounds(seconds=600))  # a bound: about 8 s of CPU
    assert report.win is not None and report.win_verified
    assert report.endings["won"]["won"] and not report.endings["lost"]["won"]
    assert report.exhaustive  # the blunders in the dark are counted up to 2, then alike
    # the one way to lose: blundering about the dark bar (two disturbances), found where
    # the path first does it, before the message is read
    assert report.dead_ends
    for dead in report.dead_ends:
        game = start_game(cloak, report.seed, dead.path)
        assert counters.value(game, "disturbed") >= 2, dead.path


@pytest.fixture(scope="module")
def banished() -> World:
    return worlds.load("banished")


def test_the_end_of_banished_is_won(banished: World) -> None:
    lines = walkthrough("full.txt")
    prefix = lines[: lines.index("help prisoner") + 1]  # the prisoner freed, in the shaft
    report = solve(
        banished,
        prefix=prefix,
        bounds=Bounds(seconds=30, depth=8),
        strategy=BEST,
        stop_on_win=True,
        allowed=durations_in(lines),
    )
    assert report.win is not None and report.win_verified, report.stopped
    assert start_game(banished, 0, [*prefix, *report.win]).state.won


def test_banished_best_first_climbs_the_score_from_the_mine_entrance(banished: World) -> None:
    lines = walkthrough("full.txt")
    prefix = lines[: lines.index("go to mine entrance") + 1]
    report = solve(
        banished,
        prefix=prefix,
        bounds=Bounds(max_states=200, seconds=60, depth=6),
        strategy=BEST,
        allowed=durations_in(lines),
    )
    assert report.best_score > report.start_score
    assert start_game(banished, 0, [*prefix, *report.best_path]).score == report.best_score


# -- best-first: what it puts off, and the stretches that rest -----------------------
TRAP = """
world: {id: trap, title: "The Trap", intro: "", player: me}
counters: {paces: 0}
milestones:
  - {id: out, points: 5, text: "got out"}
places:
  - {id: hall, name: "the hall", nouns: [hall], exits: {north: {to: yard}}}
  - {id: yard, name: "the yard", nouns: [yard]}
people:
  - {id: me, name: "me", nouns: [me], at: hall}
things:
  - {id: map, name: "map", nouns: [map], at: hall}
rules:
  - {name: pacing, phase: instead, action: jump, when: {at: yard}, effects: [{increment: paces}]}
  - {name: resting, phase: instead, action: sit, effects: [{set: {paces: 0}}]}
triggers:
  - {id: outside, when: {at: yard}, effects: [{milestone: out}]}
endings:
  - {id: home, won: true, when: {all: [{at: yard}, {has: map}]}, text: "Home."}
"""


def test_a_stretch_that_scores_into_a_dead_end_rests_while_the_others_go_on(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """Going north scores at once but leaves the map behind, and the yard has no end of
    new states (every pace counted): greedy best-first would pace there for ever. Each
    stretch plays its share of commands, then the states before it have their turn."""
    from kage.tools.solve.search import Search

    trap = world_from(tmp_path_factory, "trap", TRAP)
    bounds = Bounds(max_states=400, seconds=120, depth=1000)
    patient = Search(trap, bounds=bounds, strategy=BEST, stop_on_win=True, patience=40).run()
    assert patient.stopped == "won"
    won = next(n for n, node in enumerate(patient.nodes) if node.won)
    assert patient.path(won)[0] == "take map" and len(patient.path(won)) == 2
    greedy = Search(trap, bounds=bounds, strategy=BEST, stop_on_win=True, patience=10**9).run()
    assert greedy.stopped == "states"  # pacing the yard, the map never taken
    assert not any(node.won for node in greedy.nodes)


def test_best_first_puts_off_commands_but_leaves_none_out(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """Commands that led where another did are played later, not never: jumping in the
    hall does what dancing does (nothing), so in the yard it is put off, where it counts
    paces. To the same depth, best-first finds every state breadth-first finds."""
    from kage.tools.solve.search import Search

    trap = world_from(tmp_path_factory, "trap", TRAP)
    bounds = Bounds(seconds=300, depth=3)
    best = Search(trap, bounds=bounds, strategy=BEST)
    graph = best.run()
    breadth = Search(trap, bounds=bounds).run()
    assert any(line != first for line, first in best.same.items())  # some were put off
    assert graph.stopped == breadth.stopped == "depth"
    paths = {tuple(graph.path(n)) for n in range(len(graph.nodes))}
    keys = {best.key_after(path) for path in paths}
    assert keys == {best.key_after(breadth.path(n)) for n in range(len(breadth.nodes))}
    assert len(graph.nodes) == len(breadth.nodes)
