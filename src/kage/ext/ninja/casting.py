"""Casting and releasing jutsu: "cast invisibility", "make 5 clones", "release".

Actions (their phrasings come from the world's `verbs:`):
- `cast` (text: the jutsu's name): any technique; a counted one makes its default number.
- `make_clones` (number optional, text optional): the first counted technique ("clones"
  kind) unless the text names another; without a number, the jutsu's `default`, else as
  many as chakra allows up to its `max`.
- `release` (text optional): a named jutsu; "all"/"everything" ends every one; a bare
  "release" ends the invisibility if one is held (so "become visible" keeps the clones),
  else everything.

The mechanics (paying, upkeep, how each kind ends) live in `kage.ext.ninja.jutsu`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kage.actions.pipeline import Action, rule
from kage.ext.body import stats
from kage.ext.ninja import jutsu
from kage.systems.registry import phrases
from kage.parser.text import words
from kage.world.numbers import Bounds, plural

if TYPE_CHECKING:
    from kage.game import Game

UNKNOWN = "You don't know a jutsu by that name."
NOTHING = "You have no jutsu running."
EVERYTHING = frozenset({"all", "everything", "every"})
CLONES = Bounds(  # how many the player may ask for; chakra and the jutsu's `max` decide the rest
    1,
    10_000,
    too_small="A jutsu for no clones at all is no jutsu. Say how many: one or more.",
    too_large="That is far more clones than anyone could hold.",
)
VAGUE = frozenset({"the", "a", "my", "your", "jutsu", "technique", "it", "them", "this", "that"})


def _plan(game: Game, action: Action, spec: dict[str, Any]) -> str | None:
    """Why the player cannot cast `spec` now, or None (with what to cast in action.data)."""
    player = game.world.player
    if not jutsu.learned(game, spec):
        return game.render(spec.get("refusal") or f"You don't know the {spec['name']}. Not yet.")
    kind = jutsu.kind_of(spec)
    have = jutsu.chakra(game, player)
    cost = int(spec["cost"])
    live = jutsu.running(game, player)
    specs = jutsu.techniques(game)
    if not kind.counted:
        if any(j in specs and specs[j]["kind"] == spec["kind"] for j in live):
            return kind.texts.get("already") or f"You are already holding the {spec['name']}."
        if have < cost:
            return f"The {spec['name']} takes {cost} chakra; you have {int(have)}."
        action.data.update(jutsu=spec["id"], count=1, short="")
        return None
    one, many = kind.unit
    top = int(spec.get("max", 1))
    room = top - (kind.joined(game, player) if kind.joined and spec["id"] in live else 0)
    if room < 1:
        return f"You are already holding {plural(top, one, many)}, as many as you can."
    wanted = action.number or spec.get("default") or room
    affordable = int(have // cost) if cost else wanted
    count = min(wanted, room, affordable)
    if count < 1:
        return f"You need {cost} chakra for even one {one}, and you have {int(have)}."
    short = ""
    if count < wanted:
        short = (
            f"You had the chakra for only {count}."
            if affordable < min(wanted, room)
            else f"You can hold no more than {plural(top, one, many)}."
        )
    action.data.update(jutsu=spec["id"], count=count, short=short)
    return None


def _released(game: Game, action: Action) -> list[str]:
    """The ids of the jutsu a release aims at (none: the check says why)."""
    player = game.world.player
    live = list(jutsu.running(game, player))
    asked = [w for w in words(action.text) if w not in VAGUE]
    if any(w in EVERYTHING for w in asked):
        return live
    if asked:
        spec = jutsu.find(game, action.text)
        return [spec["id"]] if spec is not None and spec["id"] in live else []
    specs = jutsu.techniques(game)
    hiding = [j for j in live if j in specs and jutsu.kind_of(specs[j]).hides]
    return hiding or live


TAKES = {"make_clones": CLONES}  # the numbers its actions take


@rule("check", "cast")
def castable(game: Game, action: Action) -> str | None:
    spec = jutsu.find(game, action.text)
    if spec is None:
        return UNKNOWN
    return _plan(game, action, spec)


@rule("check", "make_clones")
def clones_castable(game: Game, action: Action) -> str | None:
    spec = jutsu.find(game, action.text) if action.text else None
    if spec is None or not jutsu.kind_of(spec).counted:
        spec = jutsu.first_of_kind(game, "clones")
    if spec is None:
        return UNKNOWN
    return _plan(game, action, spec)


@rule("carry_out", "cast", "make_clones")
def casting(game: Game, action: Action) -> None:
    action.minutes = 1
    held = jutsu.cast(game, game.world.player, action.data["jutsu"], action.data["count"])
    action.data["held"] = held


@rule("report", "cast", "make_clones")
def report_cast(game: Game, action: Action) -> str:
    spec = jutsu.techniques(game)[action.data["jutsu"]]
    said = jutsu.text(game, spec, "cast", action.data["count"])
    return " ".join(s for s in (said, action.data["short"]) if s)


@rule("check", "release")
def something_to_release(game: Game, action: Action) -> str | None:
    player = game.world.player
    if not jutsu.running(game, player):
        if stats.has_status(game, player, "invisible"):
            return None  # made invisible by the story, not by a jutsu
        return NOTHING
    if _released(game, action):
        return None
    spec = jutsu.find(game, action.text)
    if spec is None:
        return UNKNOWN
    return f"You are not holding the {spec['name']}."


@rule("carry_out", "release")
def releasing(game: Game, action: Action) -> None:
    player = game.world.player
    said = [jutsu.end(game, player, j, "release", announce=False) for j in _released(game, action)]
    action.data["said"] = said
    if not said:
        jutsu.reveal(game, player, "release")


@rule("report", "release")
def report_release(game: Game, action: Action) -> str:
    return "\n\n".join(s for s in action.data.get("said", ()) if s)


@phrases("cast")
def technique_words(game: Game) -> list[str]:
    """What "cast ..." may name: each technique by its first words, or its name."""
    return [
        (spec.get("words") or [spec.get("name", spec_id)])[0]
        for spec_id, spec in jutsu.techniques(game).items()
    ]
