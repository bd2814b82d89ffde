"""Looking: look, examine, inventory."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kage.actions import describe
from kage.actions.pipeline import Action, Rulebooks
from kage.world import query

if TYPE_CHECKING:
    from kage.game import Game


def install(rules: Rulebooks) -> None:
    @rules.rule("report", "look")
    def describe_place(game: Game, action: Action) -> str:
        return describe.place(game)

    @rules.rule("carry_out", "look", "examine", "inventory")
    def looking_is_quick(game: Game, action: Action) -> None:
        action.minutes = 1

    @rules.rule("report", "examine")
    def describe_thing(game: Game, action: Action) -> str:
        assert action.noun is not None
        ent = game.world.entities[action.noun]
        if ent.kind == "place":
            return describe.place(game, action.noun)
        parts = [game.pick(ent.description) or f"You see nothing special about {ent.the()}."]
        if ent.kind == "person":
            from kage.systems.relationships import mood_word

            if ent.id == game.world.player:
                parts.append(f"You feel {mood_word(game, ent.id)}.")
            else:
                seems = "seem" if ent.plural else "seems"
                parts.append(f"{describe.capital(ent.the())} {seems} {mood_word(game, ent.id)}.")
        if query.prop(game, ent.id, "worn"):
            parts.append("You are wearing it.")
        if ent.container:
            inside = [game.world.entities[i].a() for i in query.contents(game, ent.id)]
            money = game.state.money.get(ent.id, 0)
            if money:
                inside.append(f"{money:,} ryo")
            parts.append(f"In {ent.the()}: {describe.listing(inside)}.")
        elif game.state.money.get(ent.id, 0) and ent.kind == "thing":
            parts.append(f"It holds {game.state.money[ent.id]:,} ryo.")
        return " ".join(parts)

    @rules.rule("report", "inventory")
    def list_carried(game: Game, action: Action) -> str:
        player = game.world.player
        lines = []
        for item in query.contents(game, player):
            ent = game.world.entities[item]
            if ent.kind != "thing":
                continue  # a companion rides along; he is not luggage
            note = " (worn)" if query.prop(game, item, "worn") else ""
            money = game.state.money.get(item, 0)
            if money:
                note += f" (holding {money:,} ryo)"
            lines.append(f"  {ent.a()}{note}")
            if query.prop(game, item, "opaque"):
                continue  # sealed away: examine it to see what is inside
            for inner in query.contents(game, item):
                lines.append(f"    {game.world.entities[inner].a()}")
        if not lines:
            return "You are carrying nothing."
        loose = game.state.money.get(player, 0)
        if loose:
            lines.append(f"  {loose:,} ryo, loose")
        return "You are carrying:\n" + "\n".join(lines)
