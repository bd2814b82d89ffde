"""The name an entity is printed with now.

A place's name may vary with the story (the bar is "Darkness" while the cloak is there):
its `names` are variants, the first whose condition holds is printed, and `name` (the last
variant, with no condition) is printed otherwise and is what the player calls it by. Every
place heading, way out and `{here}` goes through `printed_name`, so they always agree.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kage.world.conditions import holds

if TYPE_CHECKING:
    from kage.game import Game


def printed_name(game: Game, entity: str) -> str:
    ent = game.world.entities[entity]
    for variant in ent.names:
        if holds(game, variant.when):
            return game.render(variant.text)
    return ent.name
