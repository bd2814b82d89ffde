"""The status line: where the player is, the day and time, the score, and whatever the
world's `status:` section declares (each entry whose `when` holds, its text rendered with
the world's {{provider}} slots: "{{money}}", "{{ninja.chakra}}", "{{edict.due:banishment}}").

The terminal shows it under the prompt; `kage play --json` gives it in every turn object.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kage.systems.registry import provider
from kage.world import query
from kage.world.clock import day_and_time
from kage.world.conditions import holds

if TYPE_CHECKING:
    from kage.game import Game


def status(game: Game) -> dict[str, Any]:
    """The status line's parts, and the whole line as `line`."""
    place = query.here(game)
    entity = game.world.entities.get(place)
    name = entity.name if entity is not None else ""
    when = day_and_time(game.world.start_time, game.state.minutes)
    score = f"{game.score}/{game.world.max_score}"
    extra = [
        text
        for variant in game.world.status_lines
        if holds(game, variant.when) and (text := game.render(variant.text).strip())
    ]
    parts = [p for p in (name[:1].upper() + name[1:], when, f"Score {score}", *extra) if p]
    return {"place": name, "when": when, "score": score, "world": extra, "line": " | ".join(parts)}


@provider("money")
def money(game: Game, who: str) -> str:
    """{{money}}: the money the player (or `who`) has on them, purse included, in the
    world's currency ("120 ryo")."""
    holder = who or game.world.player
    total = game.state.money.get(holder, 0) + sum(
        game.state.money.get(item, 0) for item in query.carried(game, holder)
    )
    return game.world.money(total)
