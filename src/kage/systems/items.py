"""Things that wear: condition and durability, storage scrolls, wallets.

Condition is how the thing is now (0-100), durability how well it will last. Both are
props, so a writer sets them and play can change them. A storage scroll (props
`storage` and `opaque`) seals things away out of sight until unsealed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kage.actions import describe
from kage.actions.pipeline import Action, Rulebooks
from kage.world import ops, query

if TYPE_CHECKING:
    from kage.game import Game

CONDITION_WORDS = [
    (90, "pristine"),
    (70, "in good condition"),
    (45, "worn"),
    (20, "battered"),
    (-1, "broken"),
]
DURABILITY_WORDS = [
    (80, "will last for years"),
    (55, "will hold up"),
    (30, "won't last long"),
    (-1, "is close to falling apart"),
]


def _word(table: list[tuple[int, str]], value: float) -> str:
    return next(word for floor, word in table if value >= floor)


def condition_word(game: Game, item: str) -> str:
    return _word(CONDITION_WORDS, float(query.prop(game, item, "condition", 100)))


def durability_word(game: Game, item: str) -> str:
    return _word(DURABILITY_WORDS, float(query.prop(game, item, "durability", 100)))


def wears(game: Game, item: str) -> bool:
    return query.prop(game, item, "condition") is not None


def storage_of(game: Game, who: str) -> list[str]:
    return [i for i in query.carried(game, who) if query.prop(game, i, "storage")]


def receive(game: Game, who: str, amount: int, source: str) -> None:
    """Money paid to `who` goes into a carried wallet if there is one (conserved)."""
    wallet = next((i for i in query.carried(game, who) if query.prop(game, i, "wallet")), who)
    ops.transfer(game, source, wallet, amount)


def install(rules: Rulebooks) -> None:
    @rules.rule("report", "examine", order=60)
    def wear_and_tear(game: Game, action: Action) -> str | None:
        if not action.noun:
            return None
        if query.prop(game, action.noun, "storage"):
            inside = [game.world.entities[i].a() for i in query.contents(game, action.noun)]
            return f"Sealed in it: {describe.listing(inside)}." if inside else "It is empty."
        if not wears(game, action.noun):
            return None
        it = "They are" if game.world.entities[action.noun].plural else "It is"
        return (
            f"{it} {condition_word(game, action.noun)}, and {durability_word(game, action.noun)}."
        )

    @rules.rule("check", "sort")
    def something_to_sort(game: Game, action: Action) -> str | None:
        items = _sortable(game, action)
        if not items:
            return "You have nothing whose condition is worth sorting."
        action.data["items"] = items
        return None

    @rules.rule("carry_out", "sort")
    def sorting(game: Game, action: Action) -> None:
        items = action.data["items"]
        key = _key(action.text)
        items.sort(key=lambda i: (-float(query.prop(game, i, key, 0) or 0), i))
        action.minutes = 10 * len(items)
        for holder in {query.holder(game, i) for i in items}:
            ops.set_flag(game, f"sorted.{holder}", True)
        ops.set_flag(game, "sorted.loot", True)

    @rules.rule("report", "sort")
    def report_sort(game: Game, action: Action) -> str:
        key = _key(action.text)
        lines = [f"You lay everything out and sort it by {key}, best first:"]
        for item in action.data["items"]:
            name = game.world.entities[item].name
            lines.append(f"  {name}: {condition_word(game, item)}; {durability_word(game, item)}")
        return "\n".join(lines)

    @rules.rule("check", "unseal")
    def sealed_scroll(game: Game, action: Action) -> str | None:
        scroll = action.noun
        if scroll is None or not query.prop(game, scroll, "storage"):
            return "You can only unseal a storage scroll."
        if not query.is_carried_by(game, scroll, game.world.player):
            return "You need to be holding the scroll."
        if not query.contents(game, scroll):
            return "Nothing is sealed in it."
        return None

    @rules.rule("carry_out", "unseal")
    def unsealing(game: Game, action: Action) -> None:
        assert action.noun is not None
        items = list(query.contents(game, action.noun))
        for item in items:
            ops.move(game, item, game.world.player)
        action.data["items"] = items
        action.minutes = 2

    @rules.rule("report", "unseal")
    def report_unseal(game: Game, action: Action) -> str:
        names = [game.world.entities[i].a() for i in action.data["items"]]
        return f"A puff of smoke, and you are holding {describe.listing(names)}."

    @rules.rule("check", "seal")
    def sealable(game: Game, action: Action) -> str | None:
        if action.noun is None or not query.is_carried_by(game, action.noun, game.world.player):
            return "You need to be holding what you seal."
        scroll = action.second
        if scroll is None:
            scrolls = [s for s in storage_of(game, game.world.player) if s != action.noun]
            if len(scrolls) != 1:
                return "Seal it into which scroll?"
            scroll = action.second = scrolls[0]
        if not query.prop(game, scroll, "storage"):
            return "You can only seal things into a storage scroll."
        if scroll == action.noun or query.prop(game, action.noun, "storage"):
            return "A storage scroll can't hold a storage scroll."
        return None

    @rules.rule("carry_out", "seal")
    def sealing(game: Game, action: Action) -> None:
        assert action.noun is not None and action.second is not None
        ops.move(game, action.noun, action.second)
        action.minutes = 1

    @rules.rule("report", "seal")
    def report_seal(game: Game, action: Action) -> str:
        assert action.noun is not None and action.second is not None
        return (
            f"You seal {describe.name(game, action.noun)} into "
            f"{describe.name(game, action.second)}."
        )


def _key(text: str) -> str:
    for key in ("durability", "value", "condition"):
        if key in text:
            return key
    return "condition"


def _sortable(game: Game, action: Action) -> list[str]:
    player = game.world.player
    if action.noun and query.prop(game, action.noun, "storage"):
        pool = list(query.contents(game, action.noun))
    else:
        pool = [i for i in query.carried(game, player)]
        for scroll in storage_of(game, player):
            pool.extend(i for i in query.contents(game, scroll) if i not in pool)
    return [i for i in pool if wears(game, i)]
