"""The player's preferences for how the game talks: how much of a place is described on
arrival, and whether score changes are announced.

They are not part of the world's state: changing one takes no time, is not a command of
the log, and is not taken back by UNDO. The session keeps them, hands them to its game,
keeps them across RESTART and writes them into every save, so RESTORE brings them back.

Verbosity follows Inform 7's three modes. Kage's default is ``verbose``, as it is in
Inform 7 and as Kage always behaved: every arrival gives the full description.

- verbose: the full description on every arrival;
- brief: the full description on the first arrival only, then the name and what is there;
- superbrief: never the description's prose on arrival.

LOOK always gives the full description, whatever the mode.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kage.game import Game

VERBOSITIES = ("verbose", "brief", "superbrief")


@dataclass(slots=True)
class Settings:
    verbosity: str = field(
        default="verbose",
        metadata={
            "description": "How much of a place is described on arrival (VERBOSE, BRIEF, "
            "SUPERBRIEF)."
        },
    )
    notify: bool = field(
        default=True,
        metadata={"description": "Announce a rise in the score after the turn (NOTIFY ON/OFF)."},
    )

    def to_json(self) -> dict[str, Any]:
        return {"verbosity": self.verbosity, "notify": self.notify}

    @classmethod
    def from_json(cls, data: object) -> Settings:
        """Settings from saved data; anything missing or not understood keeps its
        default, so an old or hand-edited save never stops a restore."""
        settings = cls()
        if not isinstance(data, dict):
            return settings
        if data.get("verbosity") in VERBOSITIES:
            settings.verbosity = data["verbosity"]
        if isinstance(data.get("notify"), bool):
            settings.notify = data["notify"]
        return settings


def describes_place(game: Game, place_id: str, arriving: bool) -> bool:
    """Whether a place's description prose is given: always when looking; on arrival,
    as the verbosity says. A first arrival is one in the minute the place was first
    seen (a way there and back that takes no time at all counts as first, which can
    only say more, never less)."""
    if not arriving:
        return True
    mode = game.settings.verbosity
    if mode == "superbrief":
        return False
    if mode == "brief":
        return game.state.visited.get(place_id, -1) == game.state.minutes
    return True
