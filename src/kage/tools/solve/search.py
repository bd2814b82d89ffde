"""The search: states by their key, breadth-first or best-first, within bounds.

Every state found is a node: its parent and the command that led there (so the shortest
command path from the start can be read back), its depth, and the nodes its commands
lead to (the edges the analysis walks backwards). Only nodes not yet expanded keep their
state, so memory goes to the frontier, not to the whole graph.
"""

from __future__ import annotations

import heapq
import itertools
import time
from array import array
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kage.tools.solve import candidates as cands
from kage.tools.solve.keys import counter_caps, pin_clock, state_key, timeless

if TYPE_CHECKING:
    from kage.game import Game
    from kage.world.model import World
    from kage.world.state import State

BFS = "breadth"
BEST = "best"
# best-first: where a state waits among those at its progress
NEW, LATER, STALE = 0, 1, 2
# best-first: commands a stretch (the states after one score was reached, until the next)
# may play before the others have their turn (see `Search.run`)
PATIENCE = 3000


@dataclass(slots=True)
class Bounds:
    max_states: int = 200_000
    seconds: float = 60.0
    depth: int = 60
    memory_mb: int = 1024  # for the states kept on the frontier (estimated)


@dataclass(slots=True)
class Node:
    parent: int
    command: str
    depth: int
    done: bool = False
    won: bool = False
    ending: str = ""
    expanded: bool = False
    children: array = field(default_factory=lambda: array("i"))


@dataclass
class Graph:
    """What a search found."""

    nodes: list[Node]
    prefix: list[str]  # commands played before the search started
    strategy: str
    clock_keyed: bool
    stopped: str  # "exhausted", "won", "states", "seconds", "memory"
    seconds: float
    commands_tried: int
    held: set[str]  # things the player held in some state
    seen: set[str]  # things the player saw in some state
    visited: set[str]  # places the player stood in, in some state
    quest_best: dict[str, int]  # quest -> furthest stage index reached (-1: never given)
    best: tuple[int, int]  # the highest score reached, and the first node with it
    expansions: int = 0  # states whose commands were listed and played

    def path(self, node: int) -> list[str]:
        """The commands from the start to `node` (the shortest, breadth-first)."""
        commands = []
        while node > 0:
            commands.append(self.nodes[node].command)
            node = self.nodes[node].parent
        return commands[::-1]

    @property
    def cut(self) -> int:
        """Nodes left unexpanded (beyond the depth or when the search stopped)."""
        return sum(1 for n in self.nodes if not n.expanded and not n.done)


def start_game(world: World, seed: int, prefix: Iterable[str]) -> Game:
    """A game past its opening, with `prefix` played."""
    from kage.game import Game

    game = Game(world, seed=seed)
    for line in prefix:
        game.command(line)
    game.take_output()
    game.log.clear()
    return game


def kind(name: str) -> str:
    """The kind of a flag or event: "hazard:ivy" -> "hazard", "plan.miller" -> "plan"."""
    return name.replace(":", ".").split(".", 1)[0]


class Search:
    """One search over one world from one start."""

    def __init__(
        self,
        world: World,
        seed: int = 0,
        prefix: Iterable[str] = (),
        candidates: cands.Candidates | None = None,
        bounds: Bounds | None = None,
        strategy: str = BFS,
        allowed: frozenset[tuple[int, str]] | None = None,
        stop_on_win: bool = False,
        clock: bool | None = None,
        progress: Callable[[int, int, int], None] | None = None,
        patience: int = PATIENCE,
    ) -> None:
        self.world = world
        self.seed = seed
        self.prefix = list(prefix)
        self.candidates = candidates or cands.admissible
        self.bounds = bounds or Bounds()
        self.strategy = strategy
        self.allowed = allowed
        self.stop_on_win = stop_on_win
        self.progress = progress
        self.game = start_game(world, seed, self.prefix)
        start = self.game.state
        self.start = start.copy()  # the state the search starts from (the game moves on)
        self.clock = not timeless(world, start) if clock is None else clock
        self.caps = counter_caps(world)
        self.things = {e.id for e in world.entities.values() if e.kind == "thing" and e.portable}
        self.quests = {
            quest: [s["id"] for s in spec.get("stages", [])]
            for quest, spec in world.data.get("quests", {}).items()
        }
        self.held: set[str] = set()
        self.seen: set[str] = set()
        self.visited: set[str] = set()
        self.quest_best = dict.fromkeys(self.quests, -1)
        # the facts seen so far, by the score and stages of the states that showed them
        self.features: dict[tuple[int, ...], set[tuple[str, ...]]] = {}
        self.same: dict[str, str] = {}  # command -> the first that led where it led
        self.patience = patience
        self.expansions = 0  # states whose commands were listed and played
        self.order: list[int] = []  # the nodes in the order they were expanded
        self.people = {e.id for e in world.entities.values() if e.kind == "person"}

    # -- what a state shows ---------------------------------------------------------
    def progress_of(self, game: Game) -> tuple[int, int, int]:
        """How far the story has gone in this state, by the world's own signals: the
        score, the quest stages reached, and the story's events (milestones, the kinds
        of events fired and of flags raised: set true or to a name, not counters, and the
        places been to): the first two compared in that order, the events a help
        within them (see `_priority`). A kind is a name up to its first "." or ":":
        whispering a plan to one person after another ("plan.guard", "plan.miller")
        is one kind of thing done, not a story moving on with each."""
        state = game.state
        stages = 0
        for quest, ids in self.quests.items():
            record = state.records.get(f"quest:{quest}")
            if record and record.get("stage") in ids:
                stages += ids.index(record["stage"]) + 1
        raised = [k for k, v in state.flags.items() if v is True or (isinstance(v, str) and v)]
        kinds = {kind(name) for name in (*state.fired, *raised)}
        places = sum(1 for minute in state.visited.values() if minute >= 0)
        return (game.score, stages, len(state.milestones) + len(kinds) + places)

    def _note(self, game: Game, reached: tuple[int, int, int] | None = None) -> int:
        """Record what the state reached (things held, places, quest stages), and return
        its novelty: how many of its facts no state before it had at its score and quest
        stages (a place stood in before the story moved on is news again after it; not
        after each event, or every place would be news again at every step)."""
        from kage.world import query, scope

        state = game.state
        self.held.update(self.held_now(game))
        if not state.done:
            self.seen.update(scope.visible(game))
        self.visited.add(query.here(game))
        for quest, stages in self.quests.items():
            record = state.records.get(f"quest:{quest}")
            if record and record.get("stage") in stages:
                index = stages.index(record["stage"])
                self.quest_best[quest] = max(self.quest_best[quest], index)
        people = self.people
        facts: list[tuple[str, ...]] = [("place", query.here(game))]
        facts += [("held", t) for t in self.held_now(game)]
        facts += [("at", e, h) for e, h in state.holder.items() if e in people]
        facts += [("flag", k, repr(v)) for k, v in state.flags.items()]
        facts += [("fired", k) for k in state.fired]
        facts += [("milestone", k) for k in state.milestones]
        facts += [("record", k, repr(v)[:200]) for k, v in state.records.items()]
        facts += [("prop", e, k, repr(v)) for e, p in state.props.items() for k, v in p.items()]
        reached = reached or self.progress_of(game)
        level = self.features.setdefault(reached[:2], set())
        new = [f for f in facts if f not in level]
        level.update(new)
        return len(new)

    def held_now(self, game: Game) -> list[str]:
        """The things the player carries now (in hand, worn, or inside what he carries)."""
        from kage.world import query

        return [t for t in query.carried(game, self.world.player) if t in self.things]

    def _priority(
        self,
        game: Game,
        novelty: int,
        depth: int,
        gain: int = 0,
        reached: tuple[int, int, int] | None = None,
    ) -> tuple[int, ...]:
        """Best-first: progress first (`progress_of`), then states with something new
        (`_note`), shallowest first, before any with nothing new (breadth-first pruned by
        novelty, as width-based planners search: the first state to show a fact is the
        one kept in front). Novelty counts facts no state before had at the same score
        and stages: a place stood in, a thing held, a person moved, a flag, an event, a
        record, a prop (not where a dropped thing lies: dropping things about is not
        news). Commands put off (see `_sort`) come between the two. The story's events
        (`progress_of`) gained since the score was reached (`gain`) each count as a
        command fewer: a state with a new place or a new kind of event ahead of its
        siblings, a long way round with one behind the short way."""
        score, stages, _ = reached or self.progress_of(game)
        return (-score, -stages, NEW if novelty else STALE, depth - gain, -novelty)

    # -- the search -----------------------------------------------------------------
    def _restore(self, state: State) -> None:
        """Put a copy of `state` in the game (what the game kept belonged to the last)."""
        self.game.set_state(state.copy())

    def _play(self, state: State, line: str) -> State:
        """The state after `line` in `state` (which is left as it was)."""
        game = self.game
        self._restore(state)
        game.command(line)
        game.take_output()
        game.log.clear()
        after = game.state
        if not self.clock:
            pin_clock(after)
        return after

    def key_after(self, commands: Iterable[str]) -> bytes:
        """The key of the state the search reaches by `commands` from its start."""
        state = self.start.copy()
        if not self.clock:
            pin_clock(state)
        for line in commands:
            state = self._play(state, line)
        return state_key(state, self.clock, self.caps, self.world)

    def _sort(self, lines: list[str]) -> tuple[list[str], list[str]]:
        """The commands to play now, and those put off (best-first only): a command that,
        the last time it was played beside another listed here, led to the same state as
        that one is put off, and only the first of them is played (examining, smelling
        and touching a desk all let a minute pass, and so on in the next state). Those
        put off are played after the states with something new at the same progress, so
        nothing is left out, only later."""
        if self.strategy != BEST:
            return lines, []
        listed = set(lines)
        now, later = [], []
        for line in lines:
            first = self.same.get(line, line)
            (later if first != line and first in listed else now).append(line)
        return now, later

    def _learn(self, outcomes: dict[int, list[str]]) -> None:
        """Which commands played in one state led to the same state (see `_sort`)."""
        for lines in outcomes.values():
            for line in lines:
                self.same[line] = lines[0]

    def run(self) -> Graph:
        """Search until the frontier is empty or a bound is met.

        States are kept only for the nodes that were expanded and still have children
        waiting (or commands put off): a waiting child's state is made again from its
        parent's when its turn comes (one command more), so memory holds the expanded
        nodes, not the frontier, which is many times larger. A node counts as expanded
        once every one of its commands was played (put off or not): the analysis proves
        dead ends only from those.

        Best-first is greedy, and a story can reward a step that spoils a later one
        (leaving town at once scores, but without what was to be packed). So each
        *stretch* (the states after a score was first reached on a path, until the next
        score) may play `patience` commands; then its states rest while the others, by
        the same order, have their turn, and when every stretch has rested, each gets as
        much again. A dead end that still scores is left for the states before it, and
        nothing is dropped."""
        game = self.game
        bounds = self.bounds
        root_state = self.start.copy()
        if not self.clock:
            pin_clock(root_state)
        game.set_state(root_state.copy())
        nodes = [Node(-1, "", 0, root_state.done, root_state.won, root_state.ending)]
        index = {state_key(root_state, self.clock, self.caps, self.world): 0}
        states: dict[int, State] = {0: root_state}
        waiting: dict[int, int] = {}  # node -> its children not yet taken, commands put off
        later: dict[int, int] = {}  # node -> its commands put off and not yet played
        self._note(game)
        self.best = (game.score, 0)
        size = max(1, len(root_state.dumps())) * 3  # bytes a kept state takes, roughly
        # (priority, order, node, command): a node to expand, or (command) one put off
        heap: list[tuple[tuple[int, ...], int, int, str]] = []
        resting: list[tuple[tuple[int, ...], int, int, str]] = []  # their stretch's turn is over
        # the node where each node's score was reached (its stretch), and each node's score
        scores, stretch = [game.score], [0]
        events = [self.progress_of(game)[2]]  # each node's events (`progress_of`)
        spent: dict[int, int] = {}  # stretch -> commands played in it
        patience = self.patience
        queue: deque[int] = deque()
        order = itertools.count()
        if self.strategy == BEST:
            heap.append(((0,), next(order), 0, ""))
        else:
            queue.append(0)
        began = time.monotonic()
        tried = 0
        stopped = "exhausted"

        def let_go(n: int) -> None:
            waiting[n] -= 1
            if not waiting[n]:
                del waiting[n], states[n]

        def add(current: int, line: str, after: State) -> int:
            """The node `line` leads to from `current`, made and queued if it is new."""
            key = state_key(after, self.clock, self.caps, self.world)
            child = index.get(key)
            if child is None:
                child = len(nodes)
                index[key] = child
                depth = nodes[current].depth + 1
                nodes.append(Node(current, line, depth, after.done, after.won, after.ending))
                scores.append(game.score)
                stretch.append(child if game.score > scores[current] else stretch[current])
                reached = self.progress_of(game)
                events.append(reached[2])
                novelty = self._note(game, reached)
                if game.score > self.best[0]:
                    self.best = (game.score, child)
                if not after.done:
                    waiting[current] = waiting.get(current, 0) + 1
                    if self.strategy == BEST:
                        gain = events[child] - events[stretch[child]]
                        priority = self._priority(game, novelty, depth, gain, reached)
                        heapq.heappush(heap, (priority, next(order), child, ""))
                    else:
                        queue.append(child)
            if child != current:
                nodes[current].children.append(child)
            return child

        while queue or heap or resting:
            if time.monotonic() - began > bounds.seconds:
                stopped = "seconds"
                break
            if len(nodes) >= bounds.max_states:
                stopped = "states"
                break
            if len(states) * size > bounds.memory_mb * 2**20:
                stopped = "memory"
                break
            if not heap and resting:  # every stretch had its turn: each gets as much again
                heap, resting = resting, []
                heapq.heapify(heap)
                patience *= 2
            if heap:
                entry = heapq.heappop(heap)
                _, _, current, put_off = entry
                if spent.get(stretch[current], 0) >= patience:
                    resting.append(entry)
                    continue
            else:
                current, put_off = queue.popleft(), ""
            node = nodes[current]
            if put_off:  # a command put off, played at last
                add(current, put_off, self._play(states[current], put_off))
                tried += 1
                spent[stretch[current]] = spent.get(stretch[current], 0) + 1
                later[current] -= 1
                if not later[current]:
                    node.expanded = True
                    del later[current]
                let_go(current)
                won = nodes[node.children[-1]].won if node.children else False
                if self.stop_on_win and won:
                    stopped = "won"
                    break
                continue
            if current in states:
                state = states.pop(current)
            else:
                state = self._play(states[node.parent], node.command)
                tried += 1
            if node.parent >= 0:
                let_go(node.parent)
            if node.depth >= bounds.depth:
                continue  # left unexpanded: beyond the depth
            self._restore(state)
            lines = [c for c in self.candidates(game) if cands.keep(c, self.allowed)]
            now, off = self._sort(list(dict.fromkeys(lines)))
            self.expansions += 1
            self.order.append(current)
            spent[stretch[current]] = spent.get(stretch[current], 0) + len(now)
            outcomes: dict[int, list[str]] = {}
            for line in now:
                after = self._play(state, line)
                tried += 1
                child = add(current, line, after)
                outcomes.setdefault(child, []).append(line)
            self._learn(outcomes)
            if off:
                priority = self._priority_off(node, state)
                for line in off:
                    heapq.heappush(heap, (priority, next(order), current, line))
                later[current] = len(off)
                waiting[current] = waiting.get(current, 0) + len(off)
            else:
                node.expanded = True
            if waiting.get(current):
                states[current] = state
            if self.progress is not None:
                self.progress(len(nodes), len(queue) + len(heap), node.depth)
            if self.stop_on_win and any(nodes[c].won for c in node.children):
                stopped = "won"
                break
        return self.graph(nodes, stopped, began, tried)

    def _priority_off(self, node: Node, state: State) -> tuple[int, ...]:
        """Where the commands put off in `node` wait: after the states with something
        new at its progress, before those with nothing new."""
        self._restore(state)
        score, stages, _ = self.progress_of(self.game)
        return (-score, -stages, LATER, node.depth, 0)

    def graph(self, nodes: list[Node], stopped: str, began: float, tried: int) -> Graph:
        """The explored graph, as a search (here or spread over workers) leaves it."""
        if stopped == "exhausted" and any(not n.expanded and not n.done for n in nodes):
            stopped = "depth"
        return Graph(
            nodes=nodes,
            prefix=self.prefix,
            strategy=self.strategy,
            clock_keyed=self.clock,
            stopped=stopped,
            seconds=time.monotonic() - began,
            commands_tried=tried,
            held=self.held,
            seen=self.seen,
            visited=self.visited,
            quest_best=self.quest_best,
            best=self.best,
            expansions=self.expansions,
        )
