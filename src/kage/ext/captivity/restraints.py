"""Restraints and captives: chains cut, enemies tied up, a plan whispered, a signal given.

Data it reads and writes:

- people: `chained` (in chains; a blade cuts them), `tied` (a prisoner tied up from the
  start; untying clears it), `rally` (a place: where they run to at the signal; else to
  the player), `fights_back` (set on whoever rises at the signal: they count as the
  player's allies in combat from then on); statuses "bound" (tied up by the player,
  until untied) and "waiting" (told the plan: they stay put until the signal).
- things: `blade: true` cuts chains, `rope: true` ties people up.
- places: `cut_chains` is set where chains were cut; those chains will tie a man up too,
  so a player without rope can use the prisoners' own chains on their guards.
- flags: `freed.<id>`, `untied.<id>`, `plan.<id>`; events `restraints.freed`,
  `restraints.bound`, `restraints.untied`, `restraints.whispered`, `restraints.signal`.

The signal carries to the player's place and the places one exit away (shouted down a
tunnel); whoever is still chained, tied or out cold cannot answer and keeps waiting.
The actions are in `kage.actions.captives`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kage.core import prose
from kage.ext.body import stats
from kage.ext.combat import combat
from kage.world import ops, query

if TYPE_CHECKING:
    from kage.game import Game

CHAINS = "chains"  # what `binding` returns when the cut chains lying here will do
# the placeholders `person_slots` fills for a person under a key (here "noun"): the
# person, whom {The noun}, {he}, {his}, {is} ... name and agree with (kage.core.prose)
PERSON = ("{0}",)


def person_placeholders(key: str) -> tuple[str, ...]:
    return tuple(slot.format(key) for slot in PERSON)


def person_slots(game: Game, key: str, who: str) -> dict[str, Any]:
    """The values of `person_placeholders(key)` for `who`, for a response to fill."""
    return {key: prose.subject(game, who)}


def carried_with(game: Game, prop: str) -> str | None:
    """The first thing the player has at hand with a true `prop` (blade, rope, drawn):
    a knife sealed away in a closed case cuts nothing."""
    return next(
        (i for i in query.at_hand(game, game.world.player) if query.prop(game, i, prop)), None
    )


def binding(game: Game) -> str | None:
    """What the player could tie someone up with: a carried rope, else the cut chains
    lying here (CHAINS), else None."""
    rope = carried_with(game, "rope")
    if rope is not None:
        return rope
    return CHAINS if query.prop(game, query.here(game), "cut_chains") else None


def restrained(game: Game, who: str) -> bool:
    """In chains or tied up: not free to move."""
    return bool(
        query.prop(game, who, "chained")
        or query.prop(game, who, "tied")
        or stats.has_status(game, who, "bound")
    )


def captives(game: Game, place: str) -> list[str]:
    """The non-hostile people at `place` in chains or tied up."""
    return [
        e
        for e in query.contents(game, place)
        if combat.person(game, e)
        and e != game.world.player
        and not combat.hostile(game, e)
        and restrained(game, e)
        and not stats.has_status(game, e, "dead")
    ]


def spotted(game: Game) -> list[str]:
    """Hostiles here who would notice the player now. Checks must not change the world,
    so the seeded draw is peeked at, not spent: asking twice gives the same answer."""
    saved = game.state.rng
    try:
        return [
            h
            for h in combat.standing(game, query.here(game))
            if combat.noticed(game, h, game.world.player)
        ]
    finally:
        game.state.rng = saved


def cut_free(game: Game, who: str) -> None:
    ops.set_prop(game, who, "chained", False)
    place = query.place_of(game, who)
    if place and not query.prop(game, place, "cut_chains"):
        ops.set_prop(game, place, "cut_chains", True)
    ops.set_flag(game, f"freed.{who}", True)
    game.emit("restraints.freed", who=who)


def tie(game: Game, who: str, using: str) -> None:
    """Bind `who` (status "bound", until untied). A bound person follows nobody and waits
    for no signal."""
    stats.remove_status(game, who, "following")
    stats.remove_status(game, who, "waiting")
    stats.add_status(game, who, "bound")
    game.emit("restraints.bound", who=who, using=using)


def untie(game: Game, who: str) -> None:
    if query.prop(game, who, "tied"):
        ops.set_prop(game, who, "tied", False)
    stats.remove_status(game, who, "bound")
    ops.set_flag(game, f"untied.{who}", True)
    game.emit("restraints.untied", who=who)


def tell_plan(game: Game, who: str) -> None:
    stats.add_status(game, who, "waiting")
    stats.remove_status(game, who, "following")
    ops.set_flag(game, f"plan.{who}", True)
    game.emit("restraints.whispered", who=who)


def earshot(game: Game) -> list[str]:
    """Where the signal is heard: the player's place and the places one exit away."""
    here = query.here(game)
    places = [here]
    for way in game.world.entities[here].exits.values():
        if way.to not in places:
            places.append(way.to)
    return places


def waiting(game: Game) -> list[str]:
    """People within earshot waiting for the signal."""
    return [
        e
        for place in earshot(game)
        for e in query.contents(game, place)
        if combat.person(game, e) and stats.has_status(game, e, "waiting")
    ]


def give_signal(game: Game) -> tuple[list[str], list[str]]:
    """Everyone waiting within earshot rises and runs to their `rally` place (or to the
    player), counting as an ally from now on; (risen, held back) — the held still wait."""
    here = query.here(game)
    risen, held = [], []
    for who in waiting(game):
        if restrained(game, who) or combat.out(game, who):
            held.append(who)
            continue
        stats.remove_status(game, who, "waiting")
        ops.set_prop(game, who, "fights_back", True)
        rally = query.prop(game, who, "rally")
        ops.move(game, who, str(rally) if rally else here)
        risen.append(who)
    game.emit("restraints.signal", who=risen, held=held)
    return risen, held


def chase(game: Game, risen: dict[str, str]) -> dict[str, list[str]]:
    """Hostiles standing where captives rose (`risen`: who -> the place they rose from)
    see them run: put on the alert, they go after them to where they ran; those already
    there are put on the alert too. {place run to: those who came after them}. There the
    every-turn morale check weighs them against the freed men, as anywhere."""
    chased: dict[str, list[str]] = {}
    for origin in dict.fromkeys(risen.values()):
        went = [w for w, came in risen.items() if came == origin]
        to = query.place_of(game, went[0])
        if to is None or to == origin:
            continue
        combat.alert(game, combat.standing(game, to))
        foes = combat.standing(game, origin)
        if not foes:
            continue
        combat.alert(game, foes)
        for foe in foes:
            ops.move(game, foe, to)
        chased.setdefault(to, []).extend(foes)
        game.emit("restraints.chased", who=foes, place=origin, to=to)
    return chased
