"""Trust and escort: reassuring someone who expects the worst, and helping them walk out.

A `wary` person looks for deceit when reassured: a voice from nowhere (the player
invisible) or blood on the player's hands (flag `killed_someone`) earns little trust.
Someone following the player moves with him, at their own `pace` (travel takes that many
times longer).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kage.actions.pipeline import Action, Rulebooks
from kage.systems import stats
from kage.world import ops, query

if TYPE_CHECKING:
    from kage.game import Game


def followers(game: Game) -> list[str]:
    return [
        e.id
        for e in game.world.entities.values()
        if e.kind == "person" and stats.has_status(game, e.id, "following")
    ]


def install(rules: Rulebooks) -> None:
    @rules.rule("check", "reassure", "escort", "let_go")
    def someone_present(game: Game, action: Action) -> str | None:
        if action.noun is None or game.world.entities[action.noun].kind != "person":
            return "Who?"
        if query.place_of(game, action.noun) != query.here(game):
            return f"{game.world.entities[action.noun].name} is not here."
        return None

    @rules.rule("carry_out", "reassure")
    def reassuring(game: Game, action: Action) -> None:
        assert action.noun is not None
        player = game.world.player
        doubt = stats.has_status(game, player, "invisible") or game.state.flags.get(
            "killed_someone"
        )
        before = stats.stat(game, action.noun, "trust")
        gain = 30 if doubt and before < 30 else (60 if not doubt else 25)
        after = stats.add_stat(game, action.noun, "trust", gain, 0, 100)
        action.data.update(doubt=bool(doubt), trusts=after >= 50)
        if after >= 50:
            ops.set_flag(game, f"trusts.{action.noun}", True)
        action.minutes = 5

    @rules.rule("report", "reassure")
    def report_reassure(game: Game, action: Action) -> str:
        if action.data["trusts"]:
            return (
                '"I\'m not here to hurt you, or to shout at you," you say, and crouch so '
                'your eyes are level with his. "I\'m here to get you out." He searches your '
                "face for the trick. There isn't one, and slowly he sees that."
            )
        return (
            "He flinches from your voice and searches for the lie in it. Whatever he "
            "finds, it is not enough. Not yet."
        )

    @rules.rule("check", "escort", order=60)
    def able_to_go(game: Game, action: Action) -> str | None:
        assert action.noun is not None
        if query.prop(game, action.noun, "tied") or stats.has_status(game, action.noun, "bound"):
            return "Untie him first."
        if query.prop(game, action.noun, "wary") and stats.stat(game, action.noun, "trust") < 50:
            return "He won't let you touch him."
        if stats.has_status(game, action.noun, "following"):
            return "He is already leaning on you."
        return None

    @rules.rule("carry_out", "escort")
    def escorting(game: Game, action: Action) -> None:
        assert action.noun is not None
        stats.add_status(game, action.noun, "following")
        game.emit("escort.began", who=action.noun)

    @rules.rule("report", "escort")
    def report_escort(game: Game, action: Action) -> str:
        return (
            'You get his arm over your shoulders and take his weight. "Come on," you say. '
            '"Let\'s get you out of here." He manages a shaky step, then another.'
        )

    @rules.rule("carry_out", "let_go")
    def letting_go(game: Game, action: Action) -> None:
        assert action.noun is not None
        stats.remove_status(game, action.noun, "following")

    @rules.rule("report", "let_go")
    def report_let_go(game: Game, action: Action) -> str:
        return "You ease him down to sit against the wall."

    @rules.rule("carry_out", "go", order=85)
    def bringing_them_along(game: Game, action: Action) -> None:
        people = followers(game)
        if not people or game.state.done:
            return
        here = query.here(game)
        pace = max(float(query.prop(game, p, "pace", 1) or 1) for p in people)
        for person in people:
            ops.move(game, person, here)
        action.minutes = int(action.minutes * pace)
