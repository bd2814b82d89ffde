"""The solver's frontier expanded across Ray workers (``kage solve WORLD --workers N``).

The costly part of a search is expanding a state: its admissible commands (every
candidate action's checks) and one turn played for each. Workers do that: each Ray worker
process keeps its own game of the world (made at its first task of a search and kept for
the next), takes frontier states as blobs (the state's JSON), and for each returns its
children: the command, the state key, the child's blob (left out when that process sent it
before) and how it ended. The driver keeps the graph: it takes a batch from the front of
the frontier, sends a share to each worker, then merges the answers in frontier order,
deduplicating children by their key, and records what each new state shows with the
single-process search's own code.

Merged in frontier order, a breadth-first search numbers and links its states exactly as
``kage.tools.solve.search.Search`` does, so it finds the same graph and the same report
(the bounds are checked before each merged state, as there). Best-first takes a batch of
the best states at once, so its order may differ from one process's.
"""

from __future__ import annotations

import heapq
import itertools
import json
import time
from collections import deque
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kage.scale import start
from kage.tools.solve import candidates as cands
from kage.tools.solve.analysis import Report, analyse
from kage.tools.solve.keys import pin_clock, state_key
from kage.tools.solve.search import BEST, BFS, Bounds, Graph, Node, Search
from kage.world.model import World
from kage.world.state import State

# command, key, blob (None: this process sent the key's state before), done, won, ending
Child = tuple[str, bytes, str | None, bool, bool, str]
CHUNK = 16  # states sent to a worker at once, at most
# a search as a worker process knows it: folder, seed, prefix, clock, allowed, candidates,
# and the search's number (each search has its own games)
Config = tuple[str, int, tuple[str, ...], bool, Any, Any, int]
KEPT = 4  # searches whose games a worker process keeps
_searches = itertools.count()


def blob(state: State) -> str:
    """A state as it crosses to a worker: its JSON."""
    return state.dumps()


def unblob(text: str) -> State:
    return State.from_json(json.loads(text))


class Expander:
    """A worker's game of the world: expands the states it is sent."""

    def __init__(
        self,
        folder: str,
        seed: int,
        prefix: list[str],
        clock: bool,
        allowed: frozenset[tuple[int, str]] | None,
        candidates: cands.Candidates | None,
    ) -> None:
        from kage import worlds

        world = worlds.load(folder)
        self.search = Search(
            world, seed=seed, prefix=prefix, candidates=candidates, allowed=allowed, clock=clock
        )
        # keys whose state this process has sent: the driver has them, from an answer
        # merged before or from another answer of the same batch
        self.sent: set[bytes] = set()

    def expand(self, states: list[str]) -> list[list[Child]]:
        """Each state's children, in the order the single-process search tries them."""
        search = self.search
        found = []
        for text in states:
            state = unblob(text)
            search._restore(state)
            lines = [c for c in search.candidates(search.game) if cands.keep(c, search.allowed)]
            children = []
            for line in dict.fromkeys(lines):
                after = search._play(state, line)
                key = state_key(after, search.clock, search.caps, search.world)
                sent = None if key in self.sent else blob(after)
                self.sent.add(key)
                children.append((line, key, sent, after.done, after.won, after.ending))
            found.append(children)
        return found


_EXPANDERS: dict[Config, Expander] = {}  # a worker process's games, by search


def expand(config: Config, states: list[str]) -> list[list[Child]]:
    """A Ray task: `states` expanded by this process's game for the search `config`."""
    expander = _EXPANDERS.get(config)
    if expander is None:
        folder, seed, prefix, clock, allowed, candidates, _ = config
        expander = Expander(folder, seed, list(prefix), clock, allowed, candidates)
        _EXPANDERS[config] = expander
        while len(_EXPANDERS) > KEPT:
            del _EXPANDERS[next(iter(_EXPANDERS))]
    return expander.expand(states)


def folder_of(world: World) -> str:
    """Where workers load `world` from: the folder it was loaded from."""
    folder = world.runtime.get("folder")
    if folder is None:
        raise ValueError(
            "the world was not loaded from a folder (kage.worlds.load), so workers cannot "
            "load it: pass its name or folder"
        )
    return str(folder)


class DistributedSearch:
    """A search whose expansions run on Ray workers (see the module's docstring)."""

    def __init__(
        self,
        world: World,
        workers: int = 2,
        seed: int = 0,
        prefix: list[str] | None = None,
        candidates: cands.Candidates | None = None,
        bounds: Bounds | None = None,
        strategy: str = BFS,
        allowed: frozenset[tuple[int, str]] | None = None,
        stop_on_win: bool = False,
        progress: Callable[[int, int, int], None] | None = None,
    ) -> None:
        if workers < 1:
            raise ValueError(f"a distributed search needs at least 1 worker, not {workers}")
        self.search = Search(
            world,
            seed=seed,
            prefix=prefix or [],
            candidates=candidates,
            bounds=bounds,
            strategy=strategy,
            allowed=allowed,
            stop_on_win=stop_on_win,
            progress=progress,
        )
        self.workers = workers
        self.folder = folder_of(world)
        self.candidates = candidates

    def run(self) -> Graph:
        ray = start(self.workers, "kage solve --workers")
        search = self.search
        config: Config = (
            self.folder, search.seed, tuple(search.prefix), search.clock, search.allowed,
            self.candidates, next(_searches),
        )  # fmt: skip
        task = ray.remote(num_cpus=1)(expand)
        return self._run(lambda share: task.remote(config, share), ray)

    def _run(self, send_share: Callable[[list[str]], Any], ray: Any) -> Graph:
        search, bounds = self.search, self.search.bounds
        game = search.game
        root = search.start.copy()
        if not search.clock:
            pin_clock(root)
        game.set_state(root.copy())
        nodes = [Node(-1, "", 0, root.done, root.won, root.ending)]
        index = {state_key(root, search.clock, search.caps, search.world): 0}
        blobs: dict[int, str] = {0: blob(root)}  # the frontier's states
        held = len(blobs[0])
        search._note(game)
        search.best = (game.score, 0)
        heap: list[tuple[tuple[int, ...], int]] = []
        queue: deque[int] = deque()
        if search.strategy == BEST:
            heap.append(((0, 0, 0, 0), 0))
        else:
            queue.append(0)
        began = time.monotonic()
        tried = 0
        stopped = ""
        while (queue or heap) and not stopped:
            batch = self._take(queue, heap, self.workers * CHUNK)
            send = [n for n in batch if nodes[n].depth < bounds.depth]
            shares = [s for s in (send[k :: self.workers] for k in range(self.workers)) if s]
            answers = ray.get([send_share([blobs[n] for n in share]) for share in shares])
            children_of: dict[int, list[Child]] = {}
            texts: dict[bytes, str] = {}  # the new children's states, whichever answer has them
            for share, answer in zip(shares, answers, strict=True):
                children_of.update(zip(share, answer, strict=True))
                for children in answer:
                    texts.update((c[1], c[2]) for c in children if c[2] is not None)
            for current in batch:
                if time.monotonic() - began > bounds.seconds:
                    stopped = "seconds"
                elif len(nodes) >= bounds.max_states:
                    stopped = "states"
                elif held * 3 > bounds.memory_mb * 2**20:
                    stopped = "memory"
                if stopped:
                    break
                node = nodes[current]
                held -= len(blobs.pop(current, ""))
                if current not in children_of:
                    continue  # left unexpanded: beyond the depth
                node.expanded = True
                search.expansions += 1
                for line, key, _, done, won, ending in children_of[current]:
                    tried += 1
                    child = index.get(key)
                    if child is None:
                        text = texts[key]  # a process leaves out only what it sent before
                        child = len(nodes)
                        index[key] = child
                        nodes.append(Node(current, line, node.depth + 1, done, won, ending))
                        game.set_state(unblob(text))
                        novelty = search._note(game)
                        if game.score > search.best[0]:
                            search.best = (game.score, child)
                        if not done:
                            blobs[child] = text
                            held += len(text)
                            if search.strategy == BEST:
                                priority = search._priority(game, novelty, node.depth + 1)
                                heapq.heappush(heap, (priority, child))
                            else:
                                queue.append(child)
                    if child != current:
                        node.children.append(child)
                if search.progress is not None:
                    search.progress(len(nodes), len(queue) + len(heap), node.depth)
                if search.stop_on_win and any(nodes[c].won for c in node.children):
                    stopped = "won"
                    break
        stopped = stopped or "exhausted"
        return search.graph(nodes, stopped, began, tried)

    @staticmethod
    def _take(
        queue: deque[int], heap: list[tuple[tuple[int, ...], int]], most: int
    ) -> list[int]:
        """The next states to expand, in the order the search would take them."""
        if heap:
            return [heapq.heappop(heap)[1] for _ in range(min(most, len(heap)))]
        return [queue.popleft() for _ in range(min(most, len(queue)))]


def solve_distributed(
    world: World | str | Path,
    workers: int = 2,
    seed: int = 0,
    prefix: list[str] | None = None,
    bounds: Bounds | None = None,
    strategy: str = BFS,
    allowed: frozenset[tuple[int, str]] | None = None,
    stop_on_win: bool = False,
    progress: Callable[[int, int, int], None] | None = None,
    candidates: cands.Candidates | None = None,
) -> Report:
    """``kage.tools.solve.solve`` with the expansions on `workers` Ray workers."""
    if not isinstance(world, World):
        from kage import worlds

        world = worlds.load(str(world))
    graph = DistributedSearch(
        world, workers, seed, prefix, candidates, bounds, strategy, allowed, stop_on_win, progress
    ).run()
    report = analyse(world, graph, seed)
    report.notes.append(f"The frontier was expanded on {workers} Ray workers.")
    return report
