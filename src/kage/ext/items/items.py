"""Things that wear: condition and durability, sorting loot, wallets.

Condition (0-100) is how a thing is now; durability (0-100) how well it will last. Both
are props, so a writer sets them and play may change them; a thing without `condition`
does not wear and is left out of sorting and appraisal words. Examining a thing that
wears adds one sentence: "It is worn, but it will hold up."

Money a person receives goes into a wallet they carry (a thing with prop `wallet`), else
into their hands; it always moves with `ops.transfer`, so no money is made or lost.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kage.actions.pipeline import Action, rule
from kage.core import prose
from kage.core.responses import response
from kage.systems.registry import phrases
from kage.world import ops, query

if TYPE_CHECKING:
    from kage.game import Game

# (at least, word): how a thing is now. The words are the ones players and writers use.
CONDITION_WORDS: list[tuple[int, str]] = [
    (90, "pristine"),
    (70, "good"),
    (45, "worn"),
    (20, "battered"),
    (0, "broken"),
]
# (at least, predicate): how well it will last, said of "it" or "they".
DURABILITY_WORDS: list[tuple[int, str]] = [
    (90, "will last a lifetime"),
    (70, "will last for years"),
    (45, "will hold up"),
    (20, "won't last long"),
    (0, "will soon fall apart"),
]
GOOD_CONDITION = 70  # below this a thing counts as worn (and a merchant says so)
GOOD_DURABILITY = 45
SORT_KEYS = ("condition", "durability", "value")
MINUTES_PER_ITEM = 5  # looking a piece of loot over properly is work
WEAR = response(
    "examining.wear",
    "{thing|It} {is} {state}, {joint} {it} {lasting}.",
    "thing",
    "state",
    "joint",
    "lasting",
)
SORT_NOT_HERE = response("sorting.not_here", "{The noun} {is} not here.")
NOT_SORTABLE = response(
    "sorting.not_a_container",
    "You can sort your things, or what is in a bag or box; not {the noun}.",
)


def _number(game: Game, item: str, key: str, default: float) -> float:
    value = query.prop(game, item, key, default)
    return float(value) if isinstance(value, int | float) else default


def condition(game: Game, item: str) -> float:
    return _number(game, item, "condition", 100.0)


def durability(game: Game, item: str) -> float:
    return _number(game, item, "durability", 100.0)


def value(game: Game, item: str) -> float:
    return max(0.0, _number(game, item, "value", 0.0))


def _word(table: list[tuple[int, str]], amount: float) -> str:
    return next((word for floor, word in table if amount >= floor), table[-1][1])


def condition_word(game: Game, item: str) -> str:
    """pristine >= 90, good >= 70, worn >= 45, battered >= 20, else broken."""
    return _word(CONDITION_WORDS, condition(game, item))


def durability_word(game: Game, item: str) -> str:
    """will last a lifetime >= 90, for years >= 70, will hold up >= 45, won't last long
    >= 20, else will soon fall apart."""
    return _word(DURABILITY_WORDS, durability(game, item))


def wears(game: Game, item: str) -> bool:
    return isinstance(query.prop(game, item, "condition"), int | float)


def is_worn_out(game: Game, item: str) -> bool:
    """Worn, battered or broken: what makes a merchant knock his price down."""
    return wears(game, item) and condition(game, item) < GOOD_CONDITION


def wear_sentence(game: Game, item: str) -> str:
    """ "It is worn, but it will hold up." — 'but' when the two judgements disagree."""
    state = condition_word(game, item)
    state = "in good condition" if state == "good" else state
    good_now = condition(game, item) >= GOOD_CONDITION
    lasting = durability(game, item) >= GOOD_DURABILITY
    joint = "and" if good_now == lasting else "but"
    return WEAR(
        game,
        thing=prose.subject(game, item),
        state=state,
        joint=joint,
        lasting=durability_word(game, item),
    )


def is_storage(game: Game, item: str) -> bool:
    return bool(query.prop(game, item, "storage"))


def storage_of(game: Game, who: str) -> list[str]:
    """Storage scrolls `who` carries, in the order they are carried."""
    return [i for i in query.carried(game, who) if is_storage(game, i)]


def wallet_of(game: Game, who: str) -> str | None:
    return next((i for i in query.carried(game, who) if query.prop(game, i, "wallet")), None)


def receive(game: Game, who: str, amount: int, source: str) -> bool:
    """Pay `amount` of the world's money from `source` to `who`: into a wallet `who`
    carries, else into their hands. False (and nothing moves) if the source has not got it."""
    return ops.transfer(game, source, wallet_of(game, who) or who, amount)


def sortable(game: Game, holder: str | None = None) -> list[str]:
    """Things that wear, in `holder` (a container or scroll) or carried by the player,
    including what is sealed in carried scrolls."""
    pool = query.carried(game, holder or game.world.player)
    return [i for i in pool if game.world.entities[i].kind == "thing" and wears(game, i)]


def sort_key(text: str) -> str:
    """Which quality "sort X by ..." asks for; condition unless another is named."""
    return next((key for key in SORT_KEYS if key in text.lower()), "condition")


def best_first(game: Game, items: list[str], key: str) -> list[str]:
    getter = {"condition": condition, "durability": durability, "value": value}[key]
    return sorted(items, key=lambda i: (-getter(game, i), game.world.entities[i].name, i))


@rule("report", "examine", order=60)
def wear_and_tear(game: Game, action: Action) -> str | None:
    noun = action.noun
    if noun is None or game.world.entities[noun].kind != "thing":
        return None
    parts = [wear_sentence(game, noun)] if wears(game, noun) else []
    lore = query.prop(game, noun, "lore")
    if (
        isinstance(lore, str)
        and lore
        and lore not in game.pick(game.world.entities[noun].description)
    ):
        parts.append(lore)
    return " ".join(parts) or None


@rule("check", "sort")
def something_to_sort(game: Game, action: Action) -> str | None:
    noun = action.noun
    if noun is not None:
        ent = game.world.entities[noun]
        if ent.kind != "thing" or not ent.container:
            return NOT_SORTABLE(game, action)
        if not query.is_carried_by(game, noun, game.world.player) and query.place_of(
            game, noun
        ) != query.here(game):
            return SORT_NOT_HERE(game, action)
    items = sortable(game, noun)
    if not items:
        return "You have nothing whose condition is worth sorting."
    action.data["items"] = items
    return None


@rule("carry_out", "sort")
def sorting(game: Game, action: Action) -> None:
    key = sort_key(action.text)
    items = best_first(game, action.data["items"], key)
    action.data.update(items=items, key=key)
    action.minutes = MINUTES_PER_ITEM * len(items)
    for holder in sorted({query.holder(game, i) or "" for i in items}):
        ops.set_flag(game, f"sorted.{holder}", True)
    ops.set_flag(game, "sorted.loot", True)
    game.emit("items.sorted", key=key, items=items)


@rule("report", "sort")
def report_sort(game: Game, action: Action) -> str:
    lines = [f"You lay everything out and sort it by {action.data['key']}, best first:"]
    for item in action.data["items"]:
        name = game.world.entities[item].name
        lines.append(f"  {name}: {condition_word(game, item)}, {durability_word(game, item)}")
    return "\n".join(lines)


@phrases("sort")
def sort_keys(game: Game) -> list[str]:
    """What "sort by ..." may name."""
    return list(SORT_KEYS)
