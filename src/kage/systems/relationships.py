"""Relationships and mood: who cares for whom, how much, and how they feel.

A bond is a number from -100 (hatred) to 100 (family) from one person to another. A mood
is a number for how a person feels. People react to what happens to someone they are
bonded to in proportion to the bond: the same news moves Tsunade far more than a clerk.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kage.systems.registry import provider
from kage.world import ops, query
from kage.world.effects import effect

if TYPE_CHECKING:
    from kage.game import Game

DEFAULT_WORDS = [
    (60, "happy"),
    (25, "cheerful"),
    (5, "content"),
    (-5, "calm"),
    (-25, "uneasy"),
    (-50, "sad"),
    (-75, "grief-stricken"),
    (-101, "devastated"),
]


def mood_word(game: Game, who: str) -> str:
    value = query.mood(game, who)
    for floor, word in game.world.mood_words or DEFAULT_WORDS:
        if value >= floor:
            return word
    return "unreadable"


def react(
    game: Game,
    subject: str,
    scale: float,
    who: list[str] | None = None,
    min_bond: int = 1,
    cause: str = "",
) -> list[str]:
    """Everyone (or `who`) bonded to `subject` by at least min_bond feels it: mood moves by
    bond x scale. Returns who was moved."""
    moved = []
    people = (
        who
        if who is not None
        else [e.id for e in game.world.entities.values() if e.kind == "person"]
    )
    for person in people:
        if person == subject:
            continue
        strength = query.bond(game, person, subject)
        if strength >= min_bond:
            ops.change_mood(game, person, strength * scale, cause)
            moved.append(person)
    return moved


@effect("mood")
def _mood(game: Game, arg: dict[str, Any]) -> None:
    """{mood: {who: tsunade, by: -20}}: a person's mood (the player's without `who`) moves
    by that much, within -100..100; `cause` notes why."""
    ops.change_mood(game, arg.get("who", game.world.player), float(arg["by"]), arg.get("cause", ""))


@effect("bond")
def _bond(game: Game, arg: dict[str, Any]) -> None:
    """{bond: {from: jiraiya, to: council_elders, by: -60}}: what `from` thinks of `to` (the
    player without `to`) moves by that much, within -100..100."""
    ops.change_bond(
        game, arg["from"], arg.get("to", game.world.player), float(arg["by"]), arg.get("cause", "")
    )


@effect("react")
def _react(game: Game, arg: dict[str, Any]) -> None:
    """{react: {subject: naruto, scale: -0.6, who: [iruka, ...], cause: banished}}: everyone
    (or those in `who`) bonded to the subject by at least `min_bond` (default 1) feels it:
    their mood moves by bond x scale."""
    react(
        game,
        arg.get("subject", game.world.player),
        float(arg["scale"]),
        arg.get("who"),
        int(arg.get("min_bond", 1)),
        arg.get("cause", ""),
    )


@provider("mood")
def _mood_text(game: Game, who: str) -> str:
    """{{mood:kai}}: a person's mood in a word of the world's `mood_words` (the player's
    when no one is named)."""
    return mood_word(game, who or game.world.player)
