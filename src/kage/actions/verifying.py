"""VERIFY, as in Inform: is the story intact? A world is checked against its schema and
fingerprinted when it loads (a broken one never starts), so the answer is that check and
the fingerprint saves are matched against. Nothing in the story changes and no time
passes: the answer is given as the action's refusal."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kage.actions.pipeline import Action, rule
from kage.core.responses import response

if TYPE_CHECKING:
    from kage.game import Game

CHECKED = response(
    "verifying.checked",
    "The story's files were checked when it was loaded, and they are sound "
    "(fingerprint {fingerprint}).",
    "fingerprint",
)


@rule("check", "verify")
def verifying_the_story(game: Game, action: Action) -> str:
    return CHECKED(game, action, fingerprint=game.world.source_hash[:12] or "not recorded")
