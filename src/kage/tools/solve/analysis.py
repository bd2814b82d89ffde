"""What a search graph tells a writer: the win, the endings, and the dead ends.

A state is a *dead end* when no win is reachable from it, and that is proven: every state
reachable from it was expanded (none was cut by a bound) and none of them wins. States
that can reach a cut one are *unknown*, never reported. A dead end is reported where a
path first enters it, with the shortest command path from the start and the fatal
command last; many states entered by the same command are one finding.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from typing import Any

from kage.tools.solve.search import Graph, start_game
from kage.world.model import World


@dataclass
class DeadEnd:
    command: str  # the command that enters it
    path: list[str]  # the shortest command path from the start, the command last
    states: int  # how many dead states that command enters from a state that is not dead
    ending: str  # a losing ending that ends the story there, or ""


@dataclass
class Report:
    world: str
    title: str
    seed: int
    prefix: list[str]
    strategy: str
    stopped: str
    exhaustive: bool
    clock_keyed: bool
    states: int
    expanded: int
    commands_tried: int
    seconds: float
    max_depth: int
    win: list[str] | None
    win_verified: bool
    endings: dict[str, dict[str, Any]]
    endings_unreached: list[str]
    dead_ends: list[DeadEnd]
    dead_states: int
    unknown_states: int
    quests: dict[str, dict[str, Any]]
    never_held: list[str]
    never_seen: list[str]
    never_visited: list[str]
    start_score: int = 0
    best_score: int = 0  # the highest score of any state found
    max_score: int = 0
    best_path: list[str] = field(default_factory=list)  # the first way found to it
    # states whose commands were listed and played (best-first puts some off, and counts
    # a state as expanded, above, only once all were played)
    expansions: int = 0
    notes: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        data = dict(self.__dict__)
        data["dead_ends"] = [d.__dict__ for d in self.dead_ends]
        return data


def _backwards(graph: Graph, starts: list[int]) -> set[int]:
    """Every node from which one of `starts` is reachable."""
    parents: dict[int, list[int]] = {}
    for n, node in enumerate(graph.nodes):
        for child in node.children:
            parents.setdefault(child, []).append(n)
    seen = set(starts)
    todo = deque(starts)
    while todo:
        for parent in parents.get(todo.popleft(), ()):
            if parent not in seen:
                seen.add(parent)
                todo.append(parent)
    return seen


def verify(world: World, seed: int, prefix: list[str], commands: list[str]) -> bool:
    """Replay the commands on a fresh game: do they win?"""
    game = start_game(world, seed, [*prefix, *commands])
    return game.state.won


def analyse(world: World, graph: Graph, seed: int = 0) -> Report:
    nodes = graph.nodes
    wins = [n for n, node in enumerate(nodes) if node.won]
    cut = [n for n, node in enumerate(nodes) if not node.expanded and not node.done]
    winning = _backwards(graph, wins)
    unknown = _backwards(graph, cut) - winning
    dead = set(range(len(nodes))) - winning - unknown
    entered: dict[str, list[int]] = {}
    for n in sorted(dead, key=lambda n: nodes[n].depth):
        parent = nodes[n].parent
        if parent >= 0 and parent not in dead:
            entered.setdefault(nodes[n].command, []).append(n)
    dead_ends = [
        DeadEnd(command, graph.path(found[0]), len(found), nodes[found[0]].ending)
        for command, found in entered.items()
    ]
    dead_ends.sort(key=lambda d: (len(d.path), d.command))
    win = None
    verified = False
    if wins:
        best = min(wins, key=lambda n: nodes[n].depth)
        win = graph.path(best)
        verified = verify(world, seed, graph.prefix, win)
    endings: dict[str, dict[str, Any]] = {}
    for n, node in sorted(enumerate(nodes), key=lambda item: item[1].depth):
        if node.done and node.ending not in endings:
            endings[node.ending] = {"won": node.won, "path": graph.path(n)}
    exhaustive = not cut
    if 0 in dead:
        # no win from the start itself: the whole story is one dead end
        dead_ends.insert(0, DeadEnd("", [], len(dead), nodes[0].ending))
    quests = {}
    for quest, spec in world.data.get("quests", {}).items():
        stages = [s["id"] for s in spec.get("stages", [])]
        best = graph.quest_best.get(quest, -1)
        quests[quest] = {
            "title": spec.get("title", quest),
            "furthest": stages[best] if best >= 0 else None,
            "finished": bool(stages) and best == len(stages) - 1,
        }
    things = [e.id for e in world.entities.values() if e.kind == "thing" and e.portable]
    start_score = start_game(world, seed, graph.prefix).score
    notes = []
    if not exhaustive:
        notes.append(
            f"The search stopped ({graph.stopped}) with {len(cut)} states unexplored: what "
            "was not reached may still be reachable; dead ends listed are proven all the same."
        )
    if 0 in dead:
        notes.insert(0, "No win is reachable from the start: every state explored is a dead end.")
    if not graph.clock_keyed:
        notes.append("Nothing in this world reads the clock: states were compared without it.")
    return Report(
        world=world.id,
        title=world.title,
        seed=seed,
        prefix=graph.prefix,
        strategy=graph.strategy,
        stopped=graph.stopped,
        exhaustive=exhaustive,
        clock_keyed=graph.clock_keyed,
        states=len(nodes),
        expanded=sum(1 for n in nodes if n.expanded),
        commands_tried=graph.commands_tried,
        seconds=round(graph.seconds, 3),
        max_depth=max(n.depth for n in nodes),
        win=win,
        win_verified=verified,
        endings=endings,
        endings_unreached=[e.id for e in world.endings if e.id not in endings],
        dead_ends=dead_ends,
        dead_states=len(dead),
        unknown_states=len(unknown),
        quests=quests,
        never_held=[t for t in things if t not in graph.held],
        never_seen=[t for t in things if t not in graph.seen and t not in graph.held],
        never_visited=[p.id for p in world.places() if p.id not in graph.visited],
        start_score=start_score,
        best_score=graph.best[0],
        max_score=world.max_score,
        best_path=graph.path(graph.best[1]),
        expansions=graph.expansions,
        notes=notes,
    )
