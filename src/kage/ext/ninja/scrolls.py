"""Storage scrolls: seal, unseal, and reading what a scroll holds.

A storage scroll is a container with props `storage` and `opaque`: what is sealed in it
is out of sight (query.visible does not look inside), so it can't be taken or named until
it is unsealed. Examining the scroll reads the list written on it. Putting something
into a scroll is sealing it, and taking something out of one is refused: unseal it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kage.actions import describe
from kage.actions.pipeline import Action, rule
from kage.core import prose
from kage.core.responses import response
from kage.ext.items.items import is_storage, storage_of
from kage.world import ops, query

if TYPE_CHECKING:
    from kage.game import Game


OPEN_ALREADY = response(
    "unsealing.open_already",
    "{The noun} {is} open already. LOOK IN {it} to see what {it} {holds}.",
)
NOT_A_SCROLL = response(
    "unsealing.not_a_scroll", "{The noun} {is} not something you can open or unseal."
)
SCROLL_NOT_HERE = response("sealing.scroll_not_here", "{The second} {is} not here.")


def _the(game: Game, entity: str) -> str:
    return prose.the(game, entity)


def _prefix(game: Game, action: Action, text: str) -> str:
    if action.several and action.noun:
        return f"{prose.name(game, action.noun)}: {text}"
    return text


def _holds_storage(game: Game, item: str) -> bool:
    """Whether `item` is a storage scroll or has one somewhere inside it."""
    return is_storage(game, item) or any(is_storage(game, i) for i in query.carried(game, item))


@rule("before", "put_in", order=10)
def putting_into_a_scroll_is_sealing(game: Game, action: Action) -> None:
    if action.second is not None and is_storage(game, action.second):
        action.name = "seal"  # from here on the seal rules decide


@rule("check", "take", order=40)
def sealed_away(game: Game, action: Action) -> str | None:
    holder = query.holder(game, action.noun or "")
    if holder and is_storage(game, holder) and query.prop(game, holder, "opaque"):
        return _prefix(game, action, f"It is sealed in {_the(game, holder)}. Unseal it first.")
    return None


@rule("after", "examine", order=60)
def reading_a_scroll(game: Game, action: Action) -> str | None:
    """The scroll's own list replaces the usual "In the scroll: ..." line."""
    scroll = action.noun
    if scroll is None or not is_storage(game, scroll):
        return None
    ent = game.world.entities[scroll]
    inside = [prose.a(game, i) for i in query.contents(game, scroll)]
    money = game.state.money.get(scroll, 0)
    if money:
        inside.append(f"{money:,} ryo")
    listed = (
        f"The seals along its edge list what it holds: {describe.listing(inside)}."
        if inside
        else "Nothing is sealed in it."
    )
    return " ".join(p for p in (game.pick(ent.description), listed) if p)


@rule("check", "unseal")
def a_scroll_to_unseal(game: Game, action: Action) -> str | None:
    player = game.world.player
    if action.noun is None:
        full = [s for s in storage_of(game, player) if query.contents(game, s)]
        if len(full) != 1:
            return "Unseal which scroll?" if full else "You have nothing sealed away."
        action.noun = full[0]
    scroll = action.noun
    if not is_storage(game, scroll):
        if game.world.entities[scroll].container:  # "open backpack": it never shuts
            return OPEN_ALREADY(game, action)
        return NOT_A_SCROLL(game, action)
    if not query.is_carried_by(game, scroll, player):
        return f"You need to be holding {_the(game, scroll)}."
    if not query.contents(game, scroll) and not game.state.money.get(scroll, 0):
        return f"Nothing is sealed in {_the(game, scroll)}."
    return None


@rule("carry_out", "unseal")
def unsealing(game: Game, action: Action) -> None:
    assert action.noun is not None
    player = game.world.player
    items = list(query.contents(game, action.noun))
    for item in items:
        ops.move(game, item, player)  # one event per thing
    money = game.state.money.get(action.noun, 0)
    if money:
        ops.transfer(game, action.noun, player, money)
    action.data.update(items=items, money=money)
    action.minutes = 2


@rule("report", "unseal")
def report_unseal(game: Game, action: Action) -> str:
    names = [prose.a(game, i) for i in action.data["items"]]
    if action.data["money"]:
        names.append(f"{action.data['money']:,} ryo")
    return (
        f"You break the seal on {_the(game, action.noun or '')}. A puff of smoke, and "
        f"you are holding {describe.listing(names)}."
    )


@rule("check", "seal")
def sealable(game: Game, action: Action) -> str | None:
    player = game.world.player
    noun = action.noun
    if noun is None:
        return "What do you want to seal?"
    if not query.is_carried_by(game, noun, player):
        return _prefix(game, action, f"You aren't holding {_the(game, noun)}.")
    if query.prop(game, noun, "worn"):
        return _prefix(game, action, f"You would have to take off {_the(game, noun)} first.")
    if game.world.entities[noun].kind != "thing":
        return _prefix(game, action, "Only things can be sealed away.")
    if _holds_storage(game, noun):
        return _prefix(game, action, "A storage scroll can't hold a storage scroll.")
    if action.second is None:
        scrolls = storage_of(game, player)
        if len(scrolls) != 1:
            names = describe.listing([_the(game, s) for s in scrolls]).replace(" and ", " or ")
            return (
                f"Seal it into which scroll: {names}?" if scrolls else "You have no storage scroll."
            )
        action.second = scrolls[0]
    scroll = action.second
    if not is_storage(game, scroll):
        return f"You can only seal things into a storage scroll, not {_the(game, scroll)}."
    if not query.is_carried_by(game, scroll, player) and query.place_of(game, scroll) != query.here(
        game
    ):
        return SCROLL_NOT_HERE(game, action)
    if query.holder(game, noun) == scroll:
        return _prefix(game, action, "It is already sealed in there.")
    return None  # (no loops: what holds a scroll was refused above)


@rule("carry_out", "seal")
def sealing(game: Game, action: Action) -> None:
    assert action.noun is not None and action.second is not None
    ops.move(game, action.noun, action.second)
    action.minutes = 1


@rule("report", "seal")
def report_seal(game: Game, action: Action) -> str:
    assert action.noun is not None and action.second is not None
    text = f"You seal {_the(game, action.noun)} into {_the(game, action.second)}."
    return _prefix(game, action, text)
