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


def not_person(
    game: Game,
    entity: str | None,
    doing: str,
    yourself: str = "You talk to yourself for a while. It does not help.",
    dead: str | None = None,
) -> str | None:
    """Refuse unless `entity` is another person, here (and, if `dead` is given, alive)."""
    if entity is None:
        return f"Who do you want to {doing}?"
    ent = game.world.entities[entity]
    if entity == game.world.player:
        return yourself
    if ent.kind != "person":
        return f"You can only {doing} people, not {ent.the()}."
    name = ent.the()
    name = name[:1].upper() + name[1:]
    verb = "are" if ent.plural or ent.gender == "them" else "is"
    if query.place_of(game, entity) != query.here(game):
        return f"{name} {verb} not here."
    if dead is not None:
        status = query.prop(game, entity, "status")
        if isinstance(status, dict) and "dead" in status:
            return dead.format(name=name, verb=verb)
    return None


def only_person_here(game: Game) -> str | None:
    """The one other person present, for "talk" or "ask about X" with nobody named."""
    people = [
        e
        for e in query.contents(game, query.here(game))
        if game.world.entities[e].kind == "person" and e != game.world.player
    ]
    return people[0] if len(people) == 1 else None
