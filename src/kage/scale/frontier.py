"""The solver's frontier expanded across Ray workers (``kage solve WORLD --workers N``).

The costly part of a search is expanding a state: its admissible commands (every
candidate action's checks) and one turn played for each. Workers do that: each holds its
own game of the world and takes frontier states as blobs (the state's JSON), and for each
returns its children: the command, the state key, the child's blob and how it ended. The
driver keeps the graph: it takes a batch from the front of the frontier, sends a share to
each worker, then merges the answers in frontier order, deduplicating children by their
key, and records what each new state shows with the single-process search's own code.

Merged in frontier order, a breadth-first search numbers and links its states exactly as
``kage.tools.solve.search.Search`` does, so it finds the same graph and the same report
(the bounds are checked before each merged state, as there). Best-first takes a batch of
the best states at once, so its order may differ from one process's.
"""

from __future__ import annotations

import heapq
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

# command, key, blob (None: this worker sent the key's state before), done, won, ending
Child = tuple[str, bytes, str | None, bool, bool, str]
CHUNK = 16  # states sent to a worker at once, at most


def blob(state: State) -> str:
    """A state as it crosses to a worker: its JSON."""
    return state.dumps()


def unblob(text: str) -> State:
    return State.from_json(json.loads(text))


class Expander:
    """A worker's game of the world: expands the states it is sent (a Ray actor)."""

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
        # keys whose state this worker has sent: the driver merged them before any later
        # answer of this worker, so it knows them and needs no second copy
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
                text = None if key in self.sent else blob(after)
                self.sent.add(key)
                children.append((line, key, text, after.done, after.won, after.ending))
            found.append(children)
        return found


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
        actor = ray.remote(num_cpus=1)(Expander)
        pool = [
            actor.remote(
                self.folder, search.seed, search.prefix, search.clock, search.allowed,
                self.candidates,
            )
            for _ in range(self.workers)
        ]  # fmt: skip
        try:
            return self._run(ray, pool)
        finally:
            for worker in pool:
                ray.kill(worker)

    def _run(self, ray: Any, pool: list[Any]) -> Graph:
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
        heap: list[tuple[tuple[int, int, int, int], int]] = []
        queue: deque[int] = deque()
        if search.strategy == BEST:
            heap.append(((0, 0, 0, 0), 0))
        else:
            queue.append(0)
        began = time.monotonic()
        tried = 0
        stopped = ""
        while (queue or heap) and not stopped:
            batch = self._take(queue, heap, len(pool) * CHUNK)
            send = [n for n in batch if nodes[n].depth < bounds.depth]
            shares = [send[k :: len(pool)] for k in range(len(pool))]
            answers = ray.get(
                [
                    w.expand.remote([blobs[n] for n in share])
                    for w, share in zip(pool, shares, strict=True)
                ]
            )
            children_of: dict[int, list[Child]] = {}
            for share, answer in zip(shares, answers, strict=True):
                children_of.update(zip(share, answer, strict=True))
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
                for line, key, text, done, won, ending in children_of[current]:
                    tried += 1
                    child = index.get(key)
                    if child is None:
                        if text is None:
                            raise RuntimeError(f"a worker left out the state after {line!r}")
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
        if stopped == "exhausted" and any(not n.expanded and not n.done for n in nodes):
            stopped = "depth"
        return Graph(
            nodes=nodes,
            prefix=search.prefix,
            strategy=search.strategy,
            clock_keyed=search.clock,
            stopped=stopped,
            seconds=time.monotonic() - began,
            commands_tried=tried,
            held=search.held,
            seen=search.seen,
            visited=search.visited,
            quest_best=search.quest_best,
            best=search.best,
        )

    @staticmethod
    def _take(
        queue: deque[int], heap: list[tuple[tuple[int, int, int, int], int]], most: int
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
