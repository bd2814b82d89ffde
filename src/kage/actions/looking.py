"""Looking: look, examine, inventory; and the basic visibility rule (no seeing in the dark)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kage.actions import describe
from kage.actions.pipeline import Action, rule
from kage.core import prose
from kage.core.responses import response
from kage.world import query, scope

if TYPE_CHECKING:
    from kage.game import Game

# actions that need light to be done at all, as Inform's "requires light"
NEED_LIGHT = ("examine", "search", "look_under", "look_out")

NOTHING_SPECIAL = response("examining.nothing_special", "You see nothing special about {the noun}.")
WORN = response("examining.worn", "You are wearing {it}.")
CLOSED = response("examining.closed", "{The noun} {is} closed.")
OPEN = response("examining.open", "{The noun} {is} open.")
SWITCHED = response("examining.switched", "{The noun} {is} switched {state}.", "state")
MOOD = response("examining.mood", "{The noun} {seems} {mood}.", "mood")
OWN_MOOD = response("examining.own_mood", "You feel {mood}.", "mood")
HOLDS = response("examining.holds", "{It} {holds} {money}.", "money")
EMPTY_HANDED = response("taking_inventory.nothing", "You are carrying nothing.")
CARRYING = response("taking_inventory.header", "You are carrying:")


@rule("check", *NEED_LIGHT, order=5)
def basic_visibility(game: Game, action: Action) -> str | None:
    """In the dark nothing can be looked at, not even what you hold."""
    if scope.in_darkness(game):
        return describe.DARK(game, action)
    return None


@rule("report", "look")
def describe_place(game: Game, action: Action) -> str:
    return describe.place(game)


@rule("carry_out", "look", "examine", "inventory")
def looking_is_quick(game: Game, action: Action) -> None:
    action.minutes = 1


def _unsaid(game: Game, things: list[str], said: str) -> list[str]:
    """The things the text just said does not name by any of their nouns: a description
    written for the hook with the cloak on it has told of the cloak already."""
    words = set(re.findall(r"[a-z]+", said.lower()))
    return [t for t in things if not words & set(game.world.entities[t].nouns)]


def _contents_line(game: Game, entity: str, said: str = "") -> str:
    """'In the backpack: a photo.' for a container, 'On the table: a lamp.' for a
    supporter with something on it, or whether it is open or closed. What `said` (the
    description) names already is not listed again."""
    ent = game.world.entities[entity]
    if ent.container:
        if not query.shows_contents(game, entity) and not query.prop(game, entity, "opaque"):
            return CLOSED(game, Action("examine", entity))
        held = query.contents(game, entity)
        unsaid = _unsaid(game, list(held), said)
        inside = [prose.a(game, i) for i in unsaid]
        money = game.state.money.get(entity, 0)
        if money:
            inside.append(game.world.money(money))
        if held and not inside:
            return ""
        return f"In {prose.the(game, ent.id)}: {describe.listing(inside)}."
    if ent.supporter:
        on = [prose.a(game, i) for i in _unsaid(game, describe.visible_inside(game, entity), said)]
        return f"On {prose.the(game, ent.id)}: {describe.listing(on)}." if on else ""
    if ent.door:
        said = OPEN if query.is_open(game, entity) else CLOSED
        return said(game, Action("examine", entity))
    return ""


@rule("report", "examine")
def describe_thing(game: Game, action: Action) -> str:
    assert action.noun is not None
    ent = game.world.entities[action.noun]
    if ent.kind == "place":
        return describe.place(game, action.noun)
    # a state that changes how someone looks (out cold, tied up) says so instead of the
    # description, which was written for them on their feet (the `looks` of a status)
    looks = game.engine.providers.get("looks") if ent.kind == "person" else None
    seen = looks(game, ent.id) if looks else ""
    parts = [seen or game.say_variant(ent.description) or NOTHING_SPECIAL(game, action)]
    if ent.kind == "person":
        from kage.systems.relationships import mood_word

        mood = mood_word(game, ent.id)
        own = ent.id == game.world.player
        parts.append((OWN_MOOD if own else MOOD)(game, action, mood=mood))
    if query.prop(game, ent.id, "worn"):
        parts.append(WORN(game, action))
    if ent.switchable:
        state = "on" if query.prop(game, ent.id, "switched_on") else "off"
        parts.append(SWITCHED(game, action, state=state))
    parts.append(_contents_line(game, ent.id, parts[0]))
    if not ent.container and game.state.money.get(ent.id, 0) and ent.kind == "thing":
        parts.append(HOLDS(game, action, money=game.world.money(game.state.money[ent.id])))
    return " ".join(p for p in parts if p)


@rule("report", "inventory")
def list_carried(game: Game, action: Action) -> str:
    player = game.world.player
    lines = []
    for item in query.contents(game, player):
        ent = game.world.entities[item]
        if ent.kind != "thing":
            continue  # a companion rides along; he is not luggage
        note = " (worn)" if query.prop(game, item, "worn") else ""
        if scope.gives_light(game, item):
            note += " (providing light)"
        money = game.state.money.get(item, 0)
        if money:
            note += f" (holding {game.world.money(money)})"
        lines.append(f"  {prose.a(game, ent.id)}{note}")
        if not query.shows_contents(game, item):
            continue  # sealed away or shut: examine or open it to see what is inside
        for inner in query.contents(game, item):
            lines.append(f"    {prose.a(game, inner)}")
    if not lines:
        return EMPTY_HANDED(game, action)
    loose = game.state.money.get(player, 0)
    if loose:
        lines.append(f"  {game.world.money(loose)}, loose")
    return CARRYING(game, action) + "\n" + "\n".join(lines)
