"""Paying the first step's one-off costs before play starts.

The first command a process plays imports what only play needs (the parser, and numpy
with the living world's modules for a world that has settlements) and builds what each
world keeps for all its games (the living world's arrays): 150-300 ms, once. A person
at a terminal never notices; an agent timing its steps, or a server answering its
first player, does. `warm_up` pays it up front by playing a few commands in a game
that is thrown away: nothing of it reaches any other game, which plays exactly as it
would have (the costs are caches of the world, not state).

`kage play` does not call it: its first prompt must come fast, and a person types
slower than the stall. The Gymnasium environment calls it when it is made.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kage.world.model import World

# what the throwaway game plays: looking, waiting (the clock, tickers, the living world
# catching up) and a word the parser must puzzle over
COMMANDS = ("look", "wait", "inventory", "examine me", "xyzzy")


def warm_up(*worlds: World | str) -> float:
    """Import and build what the first step of play would, for each world given (a
    World or a bundled world's name; none: just the engine); the milliseconds taken."""
    began = time.perf_counter()
    from kage import worlds as bundled
    from kage.game import Game
    from kage.parser import parser  # noqa: F401  (imported late by Game.command)

    for world in worlds:
        loaded = bundled.load(world) if isinstance(world, str) else world
        game = Game(loaded, seed=0)
        for command in COMMANDS:
            game.command(command)
            game.take_output()
    return (time.perf_counter() - began) * 1000
