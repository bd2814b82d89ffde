"""Check rules several action families share: is it here, is it held, is it a person."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kage.actions.pipeline import Action, Needs
from kage.core import prose
from kage.core.responses import response
from kage.world import query

if TYPE_CHECKING:
    from kage.game import Game


NOT_HELD = response("checks.not_held", "You aren't holding {the who}.", "who")
WHO = response("checks.who", "Who do you want to {doing}?", "doing")
ONLY_PEOPLE = response(
    "checks.only_people", "You can only {doing} people, not {the who}.", "doing", "who"
)
NOT_HERE = response("checks.not_here", "{The who} {is} not here.", "who")
FIRST_TAKING = response("implicitly.taking", "(first taking {the noun})")
FIRST_TAKING_OFF = response("implicitly.taking_off", "(first taking off {the noun})")


def the(game: Game, entity: str) -> str:
    return prose.the(game, entity)


def not_held(game: Game, entity: str | None, implicit: bool = True) -> str | None:
    """Refuse unless the player carries `entity`; the refusal names taking it as the fix
    (tried first, as Inform does, unless `implicit` is False)."""
    if entity and not query.is_carried_by(game, entity, game.world.player):
        said = NOT_HELD(game, who=prose.subject(game, entity))
        if not implicit:
            return said
        return Needs(said, Action("take", entity), FIRST_TAKING)
    return None


def worn(game: Game, entity: str | None, said: str) -> str | None:
    """`said` (a refusal: it must come off first) when the player wears `entity`, with
    taking it off as the fix."""
    if entity and query.prop(game, entity, "worn"):
        return Needs(said, Action("remove", entity), FIRST_TAKING_OFF)
    return None


def not_person(
    game: Game,
    entity: str | None,
    doing: str,
    yourself: str = "You talk to yourself for a while. It does not help.",
    dead: str | None = None,
) -> str | None:
    """Refuse unless `entity` is another person, here (and, if `dead` is given, alive).
    `dead` is a text for the text layer, about {the who}."""
    if entity is None:
        return WHO(game, doing=doing)
    ent = game.world.entities[entity]
    if entity == game.world.player:
        return yourself
    who = prose.subject(game, entity)
    if ent.kind != "person":
        return ONLY_PEOPLE(game, doing=doing, who=who)
    if query.place_of(game, entity) != query.here(game):
        return NOT_HERE(game, who=who)
    if dead is not None:
        status = query.prop(game, entity, "status")
        if isinstance(status, dict) and "dead" in status:
            return game.render(dead, who=who)
    return None


def people_here(game: Game) -> list[str]:
    """The other people present."""
    return [
        e
        for e in query.contents(game, query.here(game))
        if game.world.entities[e].kind == "person" and e != game.world.player
    ]


def only_person_here(game: Game) -> str | None:
    """The one other person present, for "talk" or "ask about X" with nobody named."""
    people = people_here(game)
    return people[0] if len(people) == 1 else None
