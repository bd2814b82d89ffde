"""Check rules several action families share: is it here, is it held, is it a person."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kage.world import query

if TYPE_CHECKING:
    from kage.game import Game


def the(game: Game, entity: str) -> str:
    return game.world.entities[entity].the()


def not_held(game: Game, entity: str | None) -> str | None:
    if entity and not query.is_carried_by(game, entity, game.world.player):
        return f"You aren't holding {the(game, entity)}."
    return None


def not_person(game: Game, entity: str | None, doing: str) -> str | None:
    if entity is None:
        return f"Who do you want to {doing}?"
    ent = game.world.entities[entity]
    if entity == game.world.player:
        return "You talk to yourself for a while. It does not help."
    if ent.kind != "person":
        return f"You can only {doing} people, not {ent.the()}."
    if query.place_of(game, entity) != query.here(game):
        return f"{ent.name} is not here."
    return None


def only_person_here(game: Game) -> str | None:
    """The one other person present, for "talk" or "ask about X" with nobody named."""
    people = [
        e
        for e in query.contents(game, query.here(game))
        if game.world.entities[e].kind == "person" and e != game.world.player
    ]
    return people[0] if len(people) == 1 else None
