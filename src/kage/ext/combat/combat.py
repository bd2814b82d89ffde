"""Non-lethal combat and morale.

A blow is the player's fighting skill (the stat the world's `combat: {skill: ...}` names,
default `fighting`; statuses' modifiers count) plus luck and a seeded draw against the
target's `strength`, shifted by the target's `morale`; a target who does not notice the
player (stealth's `noticed`, or without it a `slacking` prop) goes down for sure, and so
does one who has surrendered. A miss leaves the player "injured". Killing is possible and
remembered (flags `killed.<id>`, `killed_someone`, event `combat.killed`).

Morale: each hostile who falls costs the others in the place morale and puts them on the
alert. Surrounded hostiles break: when the player's allies in a place (those other
extensions count with `kage.systems.registry.allies`, such as clones, plus freed,
conscious, non-hostile people with `fights_back`, each worth their `count`) are at least
twice the hostiles still standing, they all surrender; a lone hostile whose morale falls
to `BREAKS` gives up too (status "surrendered", event `combat.surrendered`; when
surrounded, flags `surrounded` and `surrounded.<place>`); what the player reads is the
responses `combat.surrounded`, `combat.gave_up` (and `..._one` for a lone foe).
`check_morale` decides this. It runs after every turn through the engine's `every_turn`
hook (see `_after_each_turn`), in every place where hostiles still stand, so the line of
shaking men follows the report of whatever turned the tide, and triggers that same turn
already see them surrendered.

The actions (knock out, kill, fight) are in `kage.actions.fighting`; this module is the
mechanics plus the data vocabulary: conditions `hostiles_down`, `guards_down`,
`killed_someone`; effects `alert`, `gather`.

Guards: the hostiles who guard a place are those whose `post` prop names it, else those the
world put there at the start, wherever they have gone since (drawn off by a decoy, say).
`guards_down` asks about them as people, not about who happens to stand where: a way they
block opens once every one of them is out of the fight (out cold, tied up, dead, fled,
surrendered, or no longer hostile), whichever route brought that about.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kage.actions.describe import capital, listing
from kage.actions.pipeline import ACTIVITY, MOVED, Action, rule
from kage.core import prose
from kage.core.responses import pool, response
from kage.ext.body import fortune, stats
from kage.ext.body.status import effective
from kage.ext.combat import wounds
from kage.ext.combat.settings import setting
from kage.systems.registry import every_turn
from kage.world import ops, query, watch
from kage.world.conditions import TIME, condition
from kage.world.effects import effect
from kage.world.events import MOVED_AT

if TYPE_CHECKING:
    from kage.game import Game

KNOCKOUT = 6 * 60  # minutes a knocked-out person stays out cold
OUT = ("unconscious", "dead", "bound", "fled")  # no longer a fighter, whatever their side
DRAW = 40  # the spread of the seeded draw in a blow
EDGE = 20  # what skill must beat strength by, before the draw
GRAZE = 12  # a blow that falls short by less than this still lands: a wound, not a miss
LUCK = 5  # skill per point of luck
MORALE_STEP = 5  # every 5 morale above 50 is a point of strength (below: a point less)
FALL_COST = 15  # morale the others lose when one of them is knocked out
KILL_COST = 25  # ... and when one of them is killed
BREAKS = 10  # a hostile at or below this morale gives up

ONE_FOE = ("foe",)  # a lone foe ({The foe} {looks}..., {his}: the text layer agrees)
SEEN_YOU = response("combat.seen_you", "{The seers} {has} seen you.", "seers")
SURROUNDED = response(
    "combat.surrounded",
    "They look from one side to the other and find no way out. One by one their weapons "
    "go down, and they raise their hands and beg you not to hurt them.",
)
SURROUNDED_ONE = response(
    "combat.surrounded_one",
    "{The foe} {looks} from one side to the other and {finds} no way out. {His} weapon goes "
    "down, and {he} {raises} {his} hands and {begs} you not to hurt {him}.",
    *ONE_FOE,
)
GAVE_UP = response(
    "combat.gave_up", "They have had enough. Weapons hit the floor, and their hands go up."
)
GAVE_UP_ONE = response(
    "combat.gave_up_one",
    "{The foe} {has} had enough. Down goes {his} weapon, and up go {his} hands.",
    *ONE_FOE,
)


# -- who is who ------------------------------------------------------------------------
def person(game: Game, entity: str) -> bool:
    return game.world.entities[entity].kind == "person"


def count(game: Game, who: str) -> int:
    """How many people an entity stands for ("the chained miners": several)."""
    value = query.prop(game, who, "count", 1)
    return max(0, int(value)) if isinstance(value, int | float) else 1


def out(game: Game, who: str) -> bool:
    """Out cold, dead, tied up or fled: not fighting for anyone."""
    return stats.has_any_status(game, who, OUT)


def hostile(game: Game, who: str) -> bool:
    return bool(query.prop(game, who, "hostile"))


def standing(game: Game, place: str) -> list[str]:
    """Hostiles at `place` still able and willing to fight (not out, not surrendered)."""
    return [
        e
        for e in query.contents(game, place)
        if person(game, e)
        and hostile(game, e)
        and not out(game, e)
        and not stats.has_status(game, e, "surrendered")
    ]


def able(game: Game, who: str) -> bool:
    """A hostile still able and willing to fight: in the world, not out, not surrendered."""
    return (
        hostile(game, who)
        and not out(game, who)
        and not stats.has_status(game, who, "surrendered")
        and query.place_of(game, who) is not None
    )


def post_of(game: Game, who: str) -> str | None:
    """The place `who` guards: the `post` prop, else where the world put them at the start."""
    post = query.prop(game, who, "post")
    if isinstance(post, str):
        return post
    start = game.world.entities[who].start
    begun = game.world.entities.get(start) if start is not None else None
    return start if begun is not None and begun.kind == "place" else None


def guarding(game: Game, place: str) -> list[str]:
    """The guards of `place` still able and willing to stop the player, wherever they are
    now, and any other hostile standing there."""
    posted = [w for w in _maybe_hostile(game) if post_of(game, w) == place and able(game, w)]
    return posted + [who for who in standing(game, place) if who not in posted]


def allies(game: Game, place: str) -> int:
    """The player's side at `place`: allies other extensions count (clones) plus freed
    people who fight back."""
    total = _counted_allies(game, place)
    for entity in query.contents(game, place):
        if (
            person(game, entity)
            and entity != game.world.player
            and query.prop(game, entity, "fights_back")
            and not hostile(game, entity)
            and not query.prop(game, entity, "chained")
            and not query.prop(game, entity, "tied")
            and not out(game, entity)
            and not stats.has_status(game, entity, "waiting")
        ):
            total += count(game, entity)
    return total


# -- the other systems, if they are there -----------------------------------------------
def _counted_allies(game: Game, place: str) -> int:
    """The allies at `place` that extensions count (`registry.allies`), not people."""
    return sum(int(count_at(game, place)) for count_at in game.engine.hooks("allies"))


def noticed(game: Game, observer: str, subject: str) -> bool:
    """Stealth's perception check when it exists; without it, a person notices anyone
    visible unless they are `slacking` (and not `alert`)."""
    if game.engine.uses("stealth"):
        from kage.ext.stealth.stealth import noticed as stealth_noticed

        return bool(stealth_noticed(game, observer, subject))
    if observer == subject or query.place_of(game, observer) != query.place_of(game, subject):
        return False
    if stats.has_status(game, subject, "invisible"):
        return False
    if any(stats.has_status(game, observer, s) for s in ("unconscious", "asleep", "dead")):
        return False
    return not query.prop(game, observer, "slacking") or bool(query.prop(game, observer, "alert"))


def surprised(game: Game, target: str) -> bool:
    """Would a blow take `target` by surprise? Not if they notice the attacker, and not
    once they have seen a comrade fall; always if they are out cold."""
    if stats.has_status(game, target, "unconscious"):
        return True
    if query.prop(game, target, "roused"):
        return False
    return not noticed(game, target, game.world.player)


def reveal(game: Game, who: str, reason: str = "attack") -> None:
    """End whatever hides `who` (attacking breaks an invisibility): the extensions'
    revealers (`registry.revealer`) if there are any, else the status "invisible"."""
    revealers = game.engine.hooks("revealer")
    for end_hiding in revealers:
        end_hiding(game, who, reason)
    if not revealers:
        stats.remove_status(game, who, "invisible")


# -- blows -----------------------------------------------------------------------------
def chance_of(game: Game, target: str) -> float:
    """The player's chance to drop an alert `target` in a fair fight (for hints, tools)."""
    margin = _guard(game, target) + EDGE - _skill(game)
    return max(0.0, min(1.0, 1 - margin / DRAW))


def _skill(game: Game) -> float:
    skill = setting(game.world.data, "skill")
    own = effective(game, game.world.player, skill, 30) - wounds.penalty(game, skill)
    return own + LUCK * fortune.luck(game)


def _guard(game: Game, target: str) -> float:
    morale = stats.stat(game, target, "morale", 50)
    guard = stats.stat(game, target, "strength", 20) + (morale - 50) / MORALE_STEP
    return guard - wounds.FOE_PENALTY * wounds.wounds(game, target)


def _margin(game: Game) -> float:
    """By how much the player's blow beats `target`'s guard (below zero: it does not)."""
    return _skill(game) + game.random() * DRAW


def blow(game: Game, target: str, surprise: bool) -> str:
    """One non-lethal blow at `target`: "down" (out cold for KNOCKOUT), "worn" (a wound
    too many: down too), "grazed" (it landed, and hurt, but he is still up) or "missed"
    (he hurt the player instead; see `wounds`)."""
    sure = surprise or stats.has_status(game, target, "surrendered")
    margin = 1.0 if sure else _margin(game) - (_guard(game, target) + EDGE)
    outcome = "down" if margin > 0 else "grazed" if margin > -GRAZE else "missed"
    if outcome == "grazed" and wounds.wound(game, target) == "down":
        outcome = "worn"
    if outcome in ("down", "worn"):
        stats.add_status(game, target, "unconscious", KNOCKOUT)
        game.emit("combat.knocked_out", who=target, surprise=surprise)
        shaken(game, target, FALL_COST)
        return outcome
    alert(game, [target, *standing(game, query.place_of(game, target) or "")])
    if outcome == "missed":
        hurt(game)
        game.emit("combat.missed", who=target)
    else:
        game.emit("combat.grazed", who=target)
    return outcome


def strike(game: Game, target: str, surprise: bool) -> bool:
    """One non-lethal blow (see `blow`). True if `target` went down."""
    return blow(game, target, surprise) in ("down", "worn")


def kill(game: Game, target: str, surprise: bool) -> bool:
    """A lethal blow: sure on a helpless or unsuspecting target, else a fight like any
    other (a graze wounds him, a miss the player). True if `target` died."""
    helpless = out(game, target) or stats.has_status(game, target, "surrendered")
    if not (surprise or helpless):
        margin = _margin(game) - (_guard(game, target) + EDGE)
        if margin <= 0:
            alert(game, [target, *standing(game, query.place_of(game, target) or "")])
            if margin > -GRAZE and wounds.wound(game, target) != "down":
                game.emit("combat.grazed", who=target)
                return False
            if margin <= -GRAZE:
                hurt(game)
                game.emit("combat.missed", who=target)
                return False
    for status in ("unconscious", "surrendered", "waiting", "following"):
        stats.remove_status(game, target, status)
    stats.add_status(game, target, "dead")
    ops.set_flag(game, f"killed.{target}", True)
    ops.set_flag(game, "killed_someone", True)
    game.emit("combat.killed", who=target)
    shaken(game, target, KILL_COST)
    return True


def hurt(game: Game) -> str:
    """The player takes a blow: a wound (see `wounds`). "beaten" if it beat him. Its
    `begins` line is left to the report (`injury_text`), so it follows the blow."""
    return wounds.wound(game, game.world.player)


def injury_text(game: Game) -> str:
    """What the player reads on being hurt: the `begins` line of how hurt he is now."""
    return wounds.wound_text(game)


def foe_slots(game: Game, who: str) -> dict[str, str]:
    """The slots a blow's response fills for its foe: {the foe}, {The foe}, {he}, {He},
    {him}, {his}, {His}, and {s}, a verb's ending after {he} ("twist{s}")."""
    the = prose.subject(game, who).the()
    he, him, his = pronouns(game, who)
    return {
        "the foe": the,
        "The foe": capital(the),
        "he": he,
        "He": capital(he),
        "him": him,
        "his": his,
        "His": capital(his),
        "s": verb_s(game, who),
    }


def alert(game: Game, people: list[str]) -> None:
    for who in people:
        if query.prop(game, who, "slacking"):
            ops.set_prop(game, who, "slacking", False)
        if not query.prop(game, who, "alert"):
            ops.set_prop(game, who, "alert", True)


def shaken(game: Game, fallen: str, cost: int) -> None:
    """The fallen one's comrades in the place lose heart and stop slacking."""
    others = [h for h in standing(game, query.place_of(game, fallen) or "") if h != fallen]
    for other in others:
        stats.add_stat(game, other, "morale", -cost, 0, 100)
        if not query.prop(game, other, "roused"):
            ops.set_prop(game, other, "roused", True)  # they saw it: no more surprises
    alert(game, others)


# -- morale ----------------------------------------------------------------------------
def breaking(game: Game, place: str) -> tuple[list[str], bool]:
    """(hostiles at `place` whose nerve would break now, whether they are surrounded),
    without changing anything: all of them when the player's allies outnumber them two to
    one, else any whose morale is spent."""
    foes = standing(game, place)
    if not foes:
        return [], False
    numbers = sum(count(game, f) for f in foes)
    if allies(game, place) >= 2 * numbers:
        return foes, True
    return [f for f in foes if stats.stat(game, f, "morale", 50) <= BREAKS], False


def check_morale(game: Game, place: str) -> list[str]:
    """Surrender whoever's nerve breaks at `place` now (see `breaking`); the player reads
    it if there. Returns who surrendered."""
    broken, surrounded = breaking(game, place)
    if not broken:
        return []
    for foe in broken:
        stats.add_status(game, foe, "surrendered")
        stats.set_stat(game, foe, "morale", 0)
    if surrounded:
        ops.set_flag(game, "surrounded", True)
        ops.set_flag(game, f"surrounded.{place}", True)
    game.emit("combat.surrendered", place=place, who=broken, surrounded=surrounded)
    if query.here(game) == place:
        game.say(_surrender_line(game, broken, surrounded))
    return broken


def pronouns(game: Game, who: str) -> tuple[str, str, str]:
    """(he, him, his) for a person; a group or a plural name is "they"."""
    ent = game.world.entities[who]
    if ent.plural or count(game, who) > 1 or ent.gender == "them":
        return "they", "them", "their"
    if ent.gender == "her":
        return "she", "her", "her"
    if ent.gender == "him":
        return "he", "him", "his"
    return "it", "it", "its"


def verb_s(game: Game, who: str) -> str:
    """The "-s" a verb takes after `who`'s pronoun ("he calms", "they calm")."""
    return "" if pronouns(game, who)[0] == "they" else "s"


def _surrender_line(game: Game, broken: list[str], surrounded: bool) -> str:
    one = len(broken) == 1 and pronouns(game, broken[0])[0] != "they"
    if not one:
        return (SURROUNDED if surrounded else GAVE_UP)(game)
    return (SURROUNDED_ONE if surrounded else GAVE_UP_ONE)(game, foe=prose.subject(game, broken[0]))


def _maybe_hostile(game: Game) -> list[str]:
    """Who could be hostile now: those the world defines so (listed once per world) and
    anyone the story has made so since, in definition order."""
    defined = game.world.runtime.get("combat.hostile")
    if defined is None:
        defined = [
            e.id
            for e in game.world.entities.values()
            if e.kind == "person" and e.props.get("hostile")
        ]
        game.world.runtime["combat.hostile"] = defined
    made = [
        who
        for who, props in game.state.props.items()
        if props.get("hostile") and who not in defined and person(game, who)
    ]
    return defined + made if made else defined


def places_at_risk(game: Game) -> list[str]:
    """Places with a hostile still standing (cheap: one pass over the maybe-hostile)."""
    found: dict[str, None] = {}
    for who in _maybe_hostile(game):
        if not hostile(game, who) or out(game, who):
            continue
        place = query.place_of(game, who)
        if place and not stats.has_status(game, who, "surrendered"):
            found[place] = None
    return list(found)


@every_turn("morale", after="living")
def _after_each_turn(game: Game, action: Action, first_event: int) -> None:
    """The every-turn morale check: after each action that took time, wherever hostiles
    still stand (clones or freed men may surround them away from the player too).

    What it reads at a place (who is there, their props and statuses, the `allies`
    hooks' counts) changes only through kage.world.ops: the contents list of a place is
    replaced whenever someone comes or goes, and `Game.props_revision` moves with every
    prop. While both stand where they stood after the last check of a place, nobody's
    nerve there can have broken since, and the place is passed over.

    So is the whole check, places at risk and all, until something it reads has happened
    (kage.world.watch): a move into or out of a place at risk, a move of anyone who may be
    hostile, a prop (statuses, morale, hostility, clones), a thing used up, or a status
    running out (`stats.next_end`)."""
    looking = watch.look(game, "watch.morale")
    if looking.unchanged(MORALE):
        if watch.VERIFY_SKIPS and any(breaking(game, p)[0] for p in places_at_risk(game)):
            raise AssertionError("a morale check was passed over")
        return
    checked = game.kept.setdefault("morale.checked", {})
    places = places_at_risk(game)
    for place in places:
        if game.state.done:
            return
        there = query.contents(game, place)
        last = checked.get(place)
        if last is not None and last[0] is there and last[1] == game.props_revision:
            continue
        check_morale(game, place)
        checked[place] = (query.contents(game, place), game.props_revision)
    looking.keep(MORALE, (_stirs_morale(game, places), stats.next_end(game)))


MORALE = "morale"  # its key in the watch "watch.morale"


def _stirs_morale(game: Game, places: list[str]) -> frozenset[str]:
    hostiles = _maybe_hostile(game)
    return frozenset(
        [MOVED_AT + p for p in places] + [f"moved:{who}" for who in hostiles] + STIRS_MORALE
    )


STIRS_MORALE = ["prop", "consumed"]


# -- guards who have seen the player ----------------------------------------------------
ATTACKS = frozenset({"knock_out", "kill", "fight"})
HANG_BACK = 10  # morale a sighted foe loses each turn he hangs back from the odds


def seen_by(game: Game, place: str) -> list[str]:
    """Foes at `place` on their feet and watching (not slacking) who notice the player
    now. The draw is peeked at, not spent, so asking changes nothing."""
    saved = game.state.rng
    try:
        return [
            f
            for f in standing(game, place)
            if not query.prop(game, f, "slacking") and noticed(game, f, game.world.player)
        ]
    finally:
        game.state.rng = saved


def mark_sighted(game: Game, foes: list[str]) -> None:
    for foe in foes:
        if not query.prop(game, foe, "sighted"):
            ops.set_prop(game, foe, "sighted", True)


HANGING_BACK = response("combat.hang_back", "They eye the odds and hang back, for now.")
FOE = ("the foe", "The foe", "he", "He", "him", "his", "His", "s")
MEETS = pool(
    "combat.meets",
    "{The foe} comes for you. You meet {him} halfway, and {he} goes down.",
    "{The foe} rushes you. You sidestep, and {his} own weight carries {him} into your "
    "fist; {he} does not get up.",
    "{The foe} closes in, and you are ready for {him}: a block, a blow, and {he} is on the ground.",
    slots=FOE,
)
TRADED = pool(
    "combat.traded",
    "{The foe} comes for you, and you trade blows. {He} come{s} off worse, but {he} "
    "stay{s} on {his} feet.",
    "{The foe} swings; you duck and hit back hard. {He} stagger{s}, hurt, and circles you again.",
    "You and {the foe} crash together and break apart. {He} is bleeding now, and breathing hard.",
    slots=FOE,
)
CAUGHT = pool(
    "combat.caught",
    "{The foe} comes for you, and gets a blow in before you can stop {him}.",
    "{The foe} feints left and hits you from the right. You never saw it.",
    "{The foe} catches your arm, twists, and drives a knee into your side.",
    "{The foe} is faster than {he} looks. {His} fist finds your jaw before your guard is up.",
    slots=FOE,
)


@every_turn("watchful", after="watch")  # who saw the player walk in comes for him
def _guards_close_in(game: Game, action: Action, first_event: int) -> None:
    """A foe who has seen the player (on an earlier turn) comes for him: one exchange
    each, fought as the player's blow against a foe who is ready. Not while the player
    is hidden, not on a turn he attacks or arrives (he gets his first move), and not
    while the odds are against them: then they hang back, and their nerve wears down."""
    player = game.world.player
    if game.state.done or action.name in ATTACKS or stats.has_status(game, player, "invisible"):
        return
    if any(e.kind == "moved" and e.data.get("entity") == player for e in game.log[first_event:]):
        return
    here = query.here(game)
    foes = standing(game, here)
    ready = [f for f in foes if query.prop(game, f, "sighted")]
    newly = [f for f in seen_by(game, here) if f not in ready]
    lines = []
    if newly:
        mark_sighted(game, newly)
        # those the player has just called over need no telling that they see him
        told = [f for f in newly if query.prop(game, f, "drawn") != game.state.turn]
        if told:
            lines.append(SEEN_YOU(game, seers=prose.group(game, told)))
    if ready and allies(game, here) >= sum(count(game, f) for f in foes):
        for foe in ready:
            stats.add_stat(game, foe, "morale", -HANG_BACK, 0, 100)
        lines.append(HANGING_BACK(game))
        ready = []
    for foe in ready:
        if foe not in standing(game, here):
            continue
        outcome = blow(game, foe, surprise=False)
        slots = foe_slots(game, foe)
        if outcome in ("down", "worn"):
            lines.append(MEETS(game, **slots))
        elif outcome == "grazed":
            lines.append(TRADED(game, **slots))
        else:
            lines.append(f"{CAUGHT(game, **slots)} {injury_text(game)}".strip())
            break
    if lines:
        game.say("\n\n".join(lines))


# -- leaving a fight --------------------------------------------------------------------
PURSUED = pool(
    "combat.pursued",
    "{The foe} comes pounding after you.",
    "You hear {the foe} on your heels.",
    "{The foe} is not letting you go that easily: {he} follows.",
    slots=FOE,
)
LEFT_BEHIND = response("combat.left_behind", "{Names} {let} you go.", "Names", "let")


def engaged(game: Game, place: str) -> list[str]:
    """The foes at `place` on their feet who have seen the player and would fight him."""
    return [f for f in standing(game, place) if query.prop(game, f, "sighted")]


def pursues(game: Game, foe: str) -> bool:
    """Whether `foe` follows a player who runs: the `pursues` prop, a flag or a chance."""
    value = query.prop(game, foe, "pursues")
    if isinstance(value, bool) or value is None:
        return bool(value)
    return isinstance(value, int | float) and game.random() < float(value)


@rule(ACTIVITY, MOVED, after="at_their_pace")
def fleeing(game: Game, action: Action) -> None:
    """The player leaves a place where foes were coming for him: he has fled the fight
    (event `combat.fled`). Those who pursue follow him, still after him (they come for
    him next turn); the others stay, and lose sight of him."""
    origin = action.data.get("from")
    if not isinstance(origin, str) or game.state.done:
        return
    foes = engaged(game, origin)
    if not foes:
        return
    here = query.here(game)
    if stats.has_status(game, game.world.player, "invisible"):
        for foe in foes:  # nobody saw him go
            ops.set_prop(game, foe, "sighted", False)
        return
    chasing = [f for f in foes if pursues(game, f)]
    game.emit("combat.fled", place=origin, to=here, who=foes, pursued=chasing)
    told = game.state.flags.get(CHASE)
    lines = []
    for foe in chasing:
        ops.move(game, foe, here)
        ops.set_prop(game, foe, "drawn", game.state.turn)
        lines.append(PURSUED(game, **foe_slots(game, foe)))
    staying = [f for f in foes if f not in chasing]
    for foe in staying:
        ops.set_prop(game, foe, "sighted", False)
    if staying:
        names = capital(listing([prose.subject(game, f).the() for f in staying]))
        let = "lets" if len(staying) == 1 and verb_s(game, staying[0]) else "let"
        lines.append(LEFT_BEHIND(game, Names=names, let=let))
    # told after the place he reaches is described (see `chase_told`)
    ops.set_flag(
        game, CHASE, " ".join([told, *lines]) if isinstance(told, str) else " ".join(lines)
    )


CHASE = "combat.chase"  # state flag: what the player reads of a flight, once he has arrived


@every_turn("chase_told", before="companion")
def chase_told(game: Game, action: Action, first_event: int) -> None:
    """Who came after the player and who let him go, after his arrival is described."""
    told = game.state.flags.get(CHASE)
    if told is not None:
        ops.set_flag(game, CHASE, None)
        game.say(str(told))


# -- data: conditions and effects ------------------------------------------------------
# who still stands at a place: where people are, their props, statuses that run out
FIGHTERS = ("moved", "consumed", "prop", TIME)


def _until_a_status_ends(game: Game, arg: Any) -> float:
    """When the clock alone may change who still stands: the next status to run out."""
    return stats.next_end(game)


def _moves_there(arg: str | list[str]) -> frozenset[str]:
    """Who stands in a place is who is directly in it: moves into and out of it, props
    (statuses, hostility), things used up, and statuses running out."""
    places = [arg] if isinstance(arg, str) else arg
    return frozenset({MOVED_AT + p for p in places} | {"consumed", "prop", TIME})


@condition("hostiles_down", reads=FIGHTERS, changes=_until_a_status_ends, wakes=_moves_there)
def _hostiles_down(game: Game, arg: str | list[str]) -> bool:
    """{hostiles_down: great_chamber}: no hostile there still conscious, unbound and not
    surrendered (a list: in every one of them)."""
    return not any(standing(game, p) for p in ([arg] if isinstance(arg, str) else arg))


@condition("guards_down", reads=FIGHTERS, changes=_until_a_status_ends)
def _guards_down(game: Game, arg: str | list[str]) -> bool:
    """{guards_down: great_chamber}: none of the place's guards (see `guarding`) is still
    able and willing to stop the player, wherever they are (a list: for every place)."""
    return not any(guarding(game, p) for p in ([arg] if isinstance(arg, str) else arg))


@condition("killed_someone", reads=("flag",))
def _killed_someone(game: Game, arg: bool) -> bool:
    """{killed_someone: true}: the player has killed (false: has not)."""
    return bool(game.state.flags.get("killed_someone")) == bool(arg)


@effect("alert")
def _alert(game: Game, arg: str | list[str]) -> None:
    """{alert: great_chamber}: every hostile standing there is alerted and comes to the
    player's place (the "I'm lost" distraction), leaving whatever they guarded."""
    here = query.here(game)
    for place in [arg] if isinstance(arg, str) else arg:
        foes = standing(game, place)
        alert(game, foes)
        for foe in foes:
            ops.move(game, foe, here)
            if query.prop(game, foe, "sighted"):  # they come to look, not yet to fight
                ops.set_prop(game, foe, "sighted", False)
            ops.set_prop(game, foe, "drawn", game.state.turn)  # seeing him goes unsaid
        game.emit("combat.alerted", place=place, to=here, who=foes)


@effect("gather")
def _gather(game: Game, arg: dict[str, Any]) -> None:
    """{gather: {who: [a, b], to: place}}: move people (`to` omitted or "here": to the
    player's place)."""
    to = arg.get("to") or "here"
    if to == "here":
        to = query.here(game)
    who = arg["who"]
    for entity in [who] if isinstance(who, str) else who:
        ops.move(game, entity, to)
    game.emit("combat.gathered", who=who, to=to)
