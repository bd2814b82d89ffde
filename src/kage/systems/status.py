"""The status line: where the player is, the day and time, the score, and whatever the
world's `status:` section declares (each entry whose `when` holds, its text rendered with
the world's {{provider}} slots, such as "{{money}}" or "{{edict.due:EDICT}} to leave").

The terminal shows it under the prompt; `kage play --json` gives it in every turn object.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kage.core.responses import response
from kage.systems.registry import provider
from kage.world import calendar, query
from kage.world.conditions import holds

if TYPE_CHECKING:
    from kage.game import Game

# the day and time on the status line; a world with a calendar of its own words it anew in
# responses.yaml ("{part}, day {day} of the exile"); {when} is "Day 2, 14:05"
WHEN = response("status.when", "{when}", "when", "day", "time", "part")


def status(game: Game) -> dict[str, Any]:
    """The status line's parts, and the whole line as `line`."""
    name = _place(game)
    world, minutes = game.world, game.state.minutes
    day = calendar.story_day(world, minutes)
    clock = calendar.clock_text(world.calendar, calendar.minute_of_day(world, minutes))
    when = WHEN(
        game,
        when=f"Day {day}, {clock}",
        day=day,
        time=clock,
        part=calendar.part_now(world, minutes).name,
    )
    score = f"{game.score}/{game.world.max_score}" if game.world.max_score else ""
    extra = [
        text
        for variant in game.world.status_lines
        if holds(game, variant.when) and (text := game.render(variant.text).strip())
    ]
    parts = [p for p in (name, when, f"Score {score}" if score else "", *extra) if p]
    return {"place": name, "when": when, "score": score, "world": extra, "line": " | ".join(parts)}


def _place(game: Game) -> str:
    """The place as its description is headed ("Darkness" where the player cannot see)."""
    from kage.actions import describe
    from kage.world import scope

    here = query.here(game)
    if not here or here not in game.world.entities:
        return ""
    if scope.in_darkness(game):
        return describe.DARK_NAME(game)
    return describe.heading(game, here)


@provider("money")
def money(game: Game, who: str) -> str:
    """{{money}}: the money the player (or `who`) has on them, purse included, in the
    world's currency ("120 coins")."""
    holder = who or game.world.player
    total = game.state.money.get(holder, 0) + sum(
        game.state.money.get(item, 0) for item in query.carried(game, holder)
    )
    return game.world.money(total)
