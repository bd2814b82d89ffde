"""What the standard actions share: whether a thing can be handled, whether someone else's
rules give an action its meaning in this world, and the world's own prose for a sense.

The standard actions (handling, senses, consuming, harming, people, exclamations ...)
change nothing by default, as in Inform: each answers with a named response unless the
world's data gives the verb a meaning for that target (see `interactions.world_meaning`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kage.core.responses import fill
from kage.world import query

if TYPE_CHECKING:
    from kage.actions.pipeline import Action
    from kage.game import Game


def fixed(game: Game, entity: str) -> bool:
    """Whether a thing stays where it is: a place, scenery, or a thing that isn't portable."""
    ent = game.world.entities[entity]
    return ent.kind == "place" or ent.scenery or (ent.kind == "thing" and not ent.portable)


def is_person(game: Game, entity: str | None) -> bool:
    """Another person (the player is handled by each action's own "yourself" answer)."""
    return (
        entity is not None
        and entity != game.world.player
        and game.world.entities[entity].kind == "person"
    )


def served_elsewhere(game: Game, action: Action, module: str) -> bool:
    """Whether a rule from another module carries the action out in this world (a trade
    extension's buying, say), so the core's default refusal stands aside."""
    return any(e.source != module for e in game.rules.written_for("carry_out", action.name))


def sense(game: Game, action: Action, entity: str | None, key: str) -> str | None:
    """The world's words for how a thing (or, with no thing, the place) smells, sounds,
    tastes or feels: the `key` prop, with the action's placeholders filled."""
    target = entity or query.here(game)
    if not target:
        return None
    text = query.prop(game, target, key)
    if not isinstance(text, str) or not text.strip():
        return None
    return fill(game, text, action)
