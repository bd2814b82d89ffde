"""Chakra and jutsu: what a technique costs, how long it holds, and how it ends.

Chakra is a person's props `chakra`, `chakra_max` (default: the `chakra` they start with)
and `chakra_regen` (per hour). It flows back, and drains for the upkeep of whatever the
person holds, in one closed-form step per stretch of time, so a three-week skip costs the
same as a minute; it never goes below zero or above the maximum.

A jutsu in force is a record in its caster's prop `jutsu_running` ({id: {until, count}}),
replaced whole on every change. What it does to the world belongs to its kind:

- "invisibility": the caster has the status "invisible"; `reveal` ends it (an attack).
- "clones": the caster's props `clones` (how many) and `clones_at` (the place they were
  made, where they stay); `allies_at` counts them for combat.

A person holds one jutsu of each kind at a time (a kind's effects live in shared props), so
casting another of the same kind ends the first. A jutsu ends when released, when its
`lasts` runs out (a scheduled "jutsu:who/id" event), or when the chakra paying its upkeep
runs dry. New kinds register in `KINDS`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from kage.actions.diagnosing import answered
from kage.actions.pipeline import Action, rule
from kage.core.responses import response
from kage.ext.body import stats
from kage.parser import typos
from kage.parser.text import words
from kage.systems.registry import allies, handler, provider, revealer, ticker
from kage.world import ops, query
from kage.world.clock import parse_duration
from kage.world.conditions import condition, holds
from kage.world.effects import effect

if TYPE_CHECKING:
    from kage.game import Game

RUNNING = "jutsu_running"  # the caster's prop: {jutsu id: {"until": minute | -1, "count": n}}
ATTACKS = ("attack", "kill", "knock_out", "fight")  # actions that break a concealment
EMPTY = 1e-6  # chakra at or below this is none


@dataclass(frozen=True, slots=True)
class Kind:
    """What one kind of jutsu does to the world.

    `start` puts it in force and returns how many are held now (1, or the clones);
    `stop` takes it away; `holds` says whether it is still in force (a status removed
    by something else ends the record). `counted` kinds are cast in numbers, paying
    cost and upkeep per one, and `joined` says how many already held would join new
    ones (and count against `max`); `hides` kinds end when their caster attacks.
    """

    start: Callable[[Game, str, dict[str, Any], int], int]
    stop: Callable[[Game, str, dict[str, Any]], None]
    holds: Callable[[Game, str], bool]
    texts: dict[str, str] = field(default_factory=dict)
    counted: bool = False
    hides: bool = False
    unit: tuple[str, str] = ("", "")  # counted kinds: one, many ("clone", "clones")
    joined: Callable[[Game, str], int] | None = None


KINDS: dict[str, Kind] = {}


# -- reading the data ------------------------------------------------------------------
def techniques(game: Game) -> dict[str, dict[str, Any]]:
    return game.world.data.get("jutsu", {})


def find(game: Game, text: str) -> dict[str, Any] | None:
    """The technique the player named: the longest of its `words` (or its id or name)
    found in the text as whole words, a plural "s" forgiven; failing that, with each word
    one slip from a technique's word read as it ("invisibilty")."""
    found = _find(game, [w.rstrip("s") for w in words(text)])
    if found is None:
        known = {
            w.rstrip("s")
            for spec in techniques(game).values()
            for phrase in (*spec["words"], spec["name"])
            for w in words(phrase)
        }
        mended = [(typos.candidates(w, known, 1) or [w])[0] for w in words(text)]
        found = _find(game, [w.rstrip("s") for w in mended])
    return found


def _find(game: Game, asked: list[str]) -> dict[str, Any] | None:
    best: tuple[int, dict[str, Any]] | None = None
    for spec in techniques(game).values():
        for phrase in (*spec["words"], spec["name"], spec["id"].replace("_", " ")):
            wanted = [w.rstrip("s") for w in words(phrase)]
            n = len(wanted)
            longer = best is None or n > best[0]
            if n and longer and any(asked[i : i + n] == wanted for i in range(len(asked))):
                best = (n, spec)
    return best[1] if best else None


def first_of_kind(game: Game, kind: str) -> dict[str, Any] | None:
    return next((s for s in techniques(game).values() if s["kind"] == kind), None)


def learned(game: Game, spec: dict[str, Any]) -> bool:
    """Known if its `requires` holds, or if it was taught with `learn_jutsu`."""
    return bool(game.state.flags.get(f"learned.{spec['id']}")) or holds(game, spec.get("requires"))


def kind_of(spec: dict[str, Any]) -> Kind:
    return KINDS[spec["kind"]]


def upkeep(spec: dict[str, Any], count: int) -> float:
    """Chakra per hour to hold `count` of it."""
    return float(spec.get("upkeep") or 0) * (count if kind_of(spec).counted else 1)


def text(game: Game, spec: dict[str, Any], which: str, count: int = 1) -> str:
    """One of a technique's texts, the writer's if given, else its kind's default."""
    kind = kind_of(spec)
    said = spec.get(which) or (spec.get("ended") if which == "expired" else "")
    if not said:
        said = kind.texts.get(f"{which}_one" if count == 1 else which) or kind.texts.get(which, "")
    return game.render(said).replace("{count}", str(count))


# -- chakra ------------------------------------------------------------------------------
def chakra(game: Game, who: str) -> float:
    return stats.stat(game, who, "chakra")


@provider("ninja.chakra")
def chakra_shown(game: Game, who: str) -> str:
    """{{ninja.chakra}}: the player's (or `who`'s) chakra and the most they can hold,
    "80/100"."""
    who = who or game.world.player
    return f"{int(chakra(game, who))}/{int(capacity(game, who))}"


def capacity(game: Game, who: str) -> float:
    """The most chakra `who` can hold: `chakra_max`, else what they started with."""
    top = query.prop(game, who, "chakra_max")
    if isinstance(top, int | float):
        return float(top)
    start = game.world.entities[who].props.get("chakra", 0)
    return float(max(start, chakra(game, who)))


def running(game: Game, who: str) -> dict[str, dict[str, int]]:
    """The jutsu `who` holds now: id -> {"until": minute or -1, "count": n}."""
    found = query.prop(game, who, RUNNING)
    return dict(found) if isinstance(found, dict) else {}


def _defined_with(game: Game, *keys: str) -> list[str]:
    """People whose world definition sets any of `keys` (cached per world)."""
    cache = game.world.runtime.setdefault("jutsu_defined", {})
    found = cache.get(keys)
    if found is None:
        found = [
            e.id
            for e in game.world.entities.values()
            if e.kind == "person" and any(k in e.props for k in keys)
        ]
        cache[keys] = found
    return found


def _people_with_chakra(game: Game) -> list[str]:
    """Everyone whose chakra may change: defined with chakra props, or changed in play."""
    defined = _defined_with(game, "chakra", "chakra_max", "chakra_regen")
    extra = [
        who
        for who, props in game.state.props.items()
        if ("chakra" in props or RUNNING in props) and who not in defined
    ]
    return defined + sorted(extra)


@ticker("chakra")
def _chakra(game: Game, start: int, now: int) -> None:
    for who in _people_with_chakra(game):
        flow(game, who, start, now)


def flow(game: Game, who: str, start: int, now: int) -> None:
    """Chakra regained and spent on upkeep between two minutes, in closed form.

    The stretch is cut only where the rate changes (a jutsu's end falls inside it, or the
    chakra runs dry), so its cost does not grow with its length."""
    live = running(game, who)
    if not live and chakra(game, who) >= capacity(game, who):
        return  # full, and nothing drawing on it: the common case, made cheap
    specs = techniques(game)
    for jutsu_id in [j for j in live if j not in specs or not kind_of(specs[j]).holds(game, who)]:
        end(game, who, jutsu_id, "lost")  # taken away by something else (a status removed)
        del live[jutsu_id]
    regen = stats.stat(game, who, "chakra_regen")
    drains = {j: upkeep(specs[j], r.get("count", 1)) for j, r in live.items()}
    if not regen and not any(drains.values()):
        return
    top = capacity(game, who)
    level = min(chakra(game, who), top)
    t = float(start)
    dry: list[str] = []
    while t < now:
        active = [j for j in drains if j not in dry and _lasts_past(live[j], t)]
        drain = sum(drains[j] for j in active)
        stop = min([float(now)] + [live[j]["until"] for j in active if live[j]["until"] >= 0])
        rate = (regen - drain) / 60  # per minute
        if drain > 0 and rate < 0 and level + rate * (stop - t) <= EMPTY:
            t += level / -rate
            level = 0.0
            dry.extend(j for j in active if drains[j] > 0)
            continue
        level = max(0.0, min(top, level + rate * (stop - t)))
        t = stop
    stats.set_stat(game, who, "chakra", level, 0, top)
    for jutsu_id in dry:
        end(game, who, jutsu_id, "chakra")


def _lasts_past(record: dict[str, int], minute: float) -> bool:
    return record["until"] < 0 or record["until"] > minute


# -- casting and ending ------------------------------------------------------------------
def cast(game: Game, who: str, jutsu_id: str, count: int = 1) -> int:
    """Pay for and start a jutsu (no questions asked: the `cast` action's checks decide
    whether it may be cast). Returns how many are held now."""
    specs = techniques(game)
    spec = specs[jutsu_id]
    kind = kind_of(spec)
    count = max(1, int(count)) if kind.counted else 1
    for other in running(game, who):  # one of each kind at a time: they share the props
        if other != jutsu_id and other in specs and specs[other]["kind"] == spec["kind"]:
            end(game, who, other, "replaced")
    stats.add_stat(game, who, "chakra", -spec["cost"] * count)
    held = kind.start(game, who, spec, count)
    until = -1
    if spec.get("lasts") is not None:
        until = game.state.minutes + max(1, parse_duration(spec["lasts"]))
        ops.schedule(game, f"jutsu:{who}/{jutsu_id}", until)
    ops.set_prop(
        game, who, RUNNING, {**running(game, who), jutsu_id: {"until": until, "count": held}}
    )
    cost = spec["cost"] * count
    game.emit(
        "jutsu.cast",
        who=who,
        jutsu=jutsu_id,
        technique=spec["kind"],
        count=count,
        cost=cost,
        held=held,
        until=until,
    )
    return held


def end(game: Game, who: str, jutsu_id: str, reason: str, announce: bool = True) -> str:
    """End a jutsu `who` holds. `reason`: "release", "expired", "chakra", "attack" (or any
    word a system likes). Returns what the player reads if `who` is the player (said at
    once unless `announce` is False, for a report to return it instead)."""
    live = running(game, who)
    if jutsu_id not in live:
        return ""
    del live[jutsu_id]
    ops.set_prop(game, who, RUNNING, live)
    spec = techniques(game).get(jutsu_id)
    if spec is None:
        return ""
    kind_of(spec).stop(game, who, spec)
    game.emit("jutsu.ended", who=who, jutsu=jutsu_id, technique=spec["kind"], reason=reason)
    which = {"chakra": "exhausted", "attack": "broken", "expired": "expired"}.get(reason, "ended")
    quiet = reason in ("lost", "replaced") or who != game.world.player
    said = "" if quiet else text(game, spec, which)
    if announce:
        game.say(said)
    return said


@revealer("jutsu")
def reveal(game: Game, who: str, reason: str = "attack") -> bool:
    """End whatever hides `who` (an invisibility), e.g. because they attacked. Combat and
    any other system call this; True if something ended."""
    ended = False
    specs = techniques(game)
    for jutsu_id in running(game, who):
        if jutsu_id in specs and kind_of(specs[jutsu_id]).hides:
            end(game, who, jutsu_id, reason)
            ended = True
    if stats.has_status(game, who, "invisible"):  # given by data, not by a jutsu
        stats.remove_status(game, who, "invisible")
        spec = first_of_kind(game, "invisibility")
        if who == game.world.player and spec is not None:
            which = {"chakra": "exhausted", "attack": "broken"}.get(reason, "ended")
            game.say(text(game, spec, which))
        ended = True
    return ended


@handler("jutsu")
def _times_up(game: Game, arg: str) -> None:
    """A scheduled "jutsu:who/id": the jutsu ends if this is still its time (it may have
    been released and cast again since)."""
    who, _, jutsu_id = arg.partition("/")
    record = running(game, who).get(jutsu_id)
    if record is not None and 0 <= record["until"] <= game.state.minutes:
        end(game, who, jutsu_id, "expired")


# -- the kinds ---------------------------------------------------------------------------
def _invisible(game: Game, who: str, spec: dict[str, Any], count: int) -> int:
    stats.add_status(game, who, "invisible")  # the jutsu, not the status, keeps time
    return 1


def _visible(game: Game, who: str, spec: dict[str, Any]) -> None:
    stats.remove_status(game, who, "invisible")


KINDS["invisibility"] = Kind(
    start=_invisible,
    stop=_visible,
    holds=lambda game, who: stats.has_status(game, who, "invisible"),
    hides=True,
    texts={
        "cast": "You fold your hands into the seals and bend the light around you. Your "
        "hands fade, then your arms, then the rest of you.",
        "ended": "You let the genjutsu go and step back into sight.",
        "expired": "The genjutsu thins and frays, and you are visible again.",
        "exhausted": "Your chakra gutters out, and the genjutsu with it. You are visible again.",
        "broken": "The genjutsu tears like wet paper the moment you strike.",
        "already": "You are already invisible.",
    },
)


def clones_at(game: Game, who: str, place: str) -> int:
    """How many of `who`'s clones stand at `place`."""
    if query.prop(game, who, "clones_at") != place:
        return 0
    return int(query.prop(game, who, "clones", 0) or 0)


def _make_clones(game: Game, who: str, spec: dict[str, Any], count: int) -> int:
    """New clones join a band standing here; a band left elsewhere bursts."""
    here = query.place_of(game, who) or ""
    old_place = query.prop(game, who, "clones_at")
    if old_place and old_place != here and query.prop(game, who, "clones"):
        game.emit("jutsu.ended", who=who, jutsu=spec["id"], technique="clones", reason="recast")
    held = min(int(spec.get("max", 1)), clones_at(game, who, here) + count)
    ops.set_prop(game, who, "clones", held)
    ops.set_prop(game, who, "clones_at", here)
    return held


def _drop_clones(game: Game, who: str, spec: dict[str, Any]) -> None:
    ops.set_prop(game, who, "clones", 0)
    ops.set_prop(game, who, "clones_at", None)


KINDS["clones"] = Kind(
    start=_make_clones,
    stop=_drop_clones,
    holds=lambda game, who: bool(query.prop(game, who, "clones")),
    counted=True,
    unit=("clone", "clones"),
    joined=lambda game, who: clones_at(game, who, query.place_of(game, who) or ""),
    texts={
        "cast": '"Shadow Clone Jutsu!" Smoke bursts, and {count} more of you stand there '
        "grinning, shoulder to shoulder.",
        "cast_one": '"Shadow Clone Jutsu!" Smoke bursts, and another of you stands there grinning.',
        "ended": "Your clones vanish in a ripple of smoke.",
        "expired": "Your shadow clones burst one after another in little puffs of smoke, "
        "their time run out.",
        "exhausted": "Your chakra runs dry, and your clones go up in smoke.",
    },
)


@allies("shadow_clones")
def allies_at(game: Game, place: str) -> int:
    """Shadow clones standing at `place`, whoever made them (combat counts them)."""
    changed = game.state.props
    total = 0
    for who, props in changed.items():  # clones made in play
        if props.get("clones_at") == place and who in game.world.entities:
            total += int(props.get("clones", 0) or 0)
    for who in _defined_with(game, "clones_at"):  # clones a world starts with
        if "clones_at" not in changed.get(who, {}):
            total += clones_at(game, who, place)
    return total


# -- data: conditions and effects ------------------------------------------------------
@condition("knows_jutsu")
def _knows(game: Game, arg: str) -> bool:
    """{knows_jutsu: invisibility}: the player could cast it."""
    spec = techniques(game).get(arg)
    return spec is not None and learned(game, spec)


@condition("chakra")
def _has_chakra(game: Game, arg: dict[str, Any]) -> bool:
    """{chakra: {min: 50}} (also max, above, below; who: defaults to the player)."""
    value = chakra(game, arg.get("who", game.world.player))
    return (
        value >= arg.get("min", float("-inf"))
        and value <= arg.get("max", float("inf"))
        and value > arg.get("above", float("-inf"))
        and value < arg.get("below", float("inf"))
    )


def learn_flag(spec: dict[str, Any]) -> str:
    """The flag that teaches a jutsu: the one its `requires` names if that is a plain
    {flag: name}, else "learned.<id>" (which `learned` also accepts)."""
    requires = spec.get("requires") or {}
    flag = requires.get("flag") if len(requires) == 1 else None
    return flag if isinstance(flag, str) else f"learned.{spec['id']}"


@effect("learn_jutsu")
def _learn(game: Game, arg: str | list[str]) -> None:
    """{learn_jutsu: invisibility}: the player knows it from now on."""
    for jutsu_id in [arg] if isinstance(arg, str) else arg:
        ops.set_flag(game, learn_flag(techniques(game)[jutsu_id]), True)
        game.emit("jutsu.learned", jutsu=jutsu_id)


@rule("carry_out", "*", order=5)
def striking_breaks_concealment(game: Game, action: Action) -> None:
    """An attack ends the attacker's invisibility. Written for every action and
    filtered by name, so "attack" stays free for a world's own data verbs; combat
    sizes up its target at order 1, while the attacker is still unseen."""
    if action.name in ATTACKS:
        reveal(game, action.actor or game.world.player, "attack")


CHAKRA_NOW = response("diagnosing.chakra", "Your chakra: {now} of {most}.", "now", "most")


@rule("report", "diagnose", order=30)
def chakra_now(game: Game, action: Action) -> str:
    """How much chakra the player holds, if the player has any to hold."""
    player = game.world.player
    most = capacity(game, player)
    if most <= 0:
        return ""
    answered(action)
    return CHAKRA_NOW(game, action, now=round(chakra(game, player)), most=round(most))
