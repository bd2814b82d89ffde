"""Out-of-world answers that take no time: score and full score, exits, pronouns,
version, hint, help, time, think.

These are actions (a world may replace their responses, or refuse them with a check
rule: a darkness rule that hides the ways out belongs in the check rulebook of
"exits"), but they take no turn and no minute, and answer after the story has ended.
The session's own commands (undo, save, verbose, transcript ...) are in kage.session.
"""

from __future__ import annotations

import platform
from typing import TYPE_CHECKING

from kage import __version__
from kage.actions import describe
from kage.actions.pipeline import Action, rule
from kage.core import prose
from kage.core.responses import response
from kage.parser.nouns import PRONOUN_WORDS
from kage.world import calendar, query
from kage.world.conditions import holds

if TYPE_CHECKING:
    from kage.game import Game

FREE = frozenset(
    {
        "score",
        "full_score",
        "exits",
        "pronouns",
        "version",
        "hint",
        "help",
        "time",
        "think",
        "diagnose",
    }
)

SCORE = response(
    "scoring.score",
    "You have scored {score} out of a possible {max}, in {turns|turn}.",
    "score",
    "max",
    "turns",
    "turn_word",
)
RANK = response("scoring.rank", "That makes you {rank}.", "rank")
NO_SCORE = response("scoring.none", "This story keeps no score.")
FULL_HEADING = response("full_scoring.heading", "Your score is made up of:")
FULL_NOTHING = response("full_scoring.nothing", "You have not scored any points yet.")
FULL_TOTAL = response("full_scoring.total", "in all, out of a possible {max}", "max")
EXITS = response("listing_exits.some", "From here you can go {ways}.", "ways")
NO_EXITS = response("listing_exits.none", "You can see no way out of here.")
PRONOUNS = response("telling_pronouns.list", "At the moment, {meanings}.", "meanings")
PRONOUN_MEANS = response(
    "telling_pronouns.means", '"{pronoun}" means {meaning}', "pronoun", "meaning"
)
PRONOUN_UNSET = response("telling_pronouns.unset", '"{pronoun}" is not set', "pronoun")
VERSION = response(
    "requesting_version.banner",
    "{title}{release}\nWorld '{world}', source hash {hash}.\nKage {engine}, on Python {python}.",
    "title",
    "release",
    "world",
    "hash",
    "engine",
    "python",
)
# said when no hint of the world's applies: it claims nothing about how the story stands
NO_HINT = response("hinting.none", "There is no hint for this part of the story.")
TIME = response(
    "telling_time.now",
    "It is {part} ({clock}), on {date}.",
    "part",
    "clock",
    "date",
    "day",
    "phrase",
)
THOUGHTS = response("thinking.default", "Your thoughts wander.")

HELP_TEXT = """Type what you want to do, in plain words. Some commands:
  look (l), examine THING (x), inventory (i), take / drop THING, put X in Y, give X to Y
  go north (n, s, e, w, u, d), go to PLACE, leave, exits
  talk to PERSON, ask PERSON about TOPIC, tell PERSON about TOPIC, say WORDS
  wait (z), wait 3 hours, sleep, think, time
  again (g), undo, save, restore, restart, quit
  score, full score, hint, help, pronouns, version, verify
  verbose / brief / superbrief, notify on / off, transcript on / off
Several commands on one line: "take {example}. go south" or "take {example} then go south".
"it", "him", "her" and "them" refer to what you mentioned last; "all" and "all except" work."""
HELP = response("helping.commands", HELP_TEXT, "example")
# the thing the help's example takes: a world names one of its own
HELP_EXAMPLE = response("helping.example_thing", "lamp")


_SLOTS = {
    "person": "PERSON",
    "thing": "THING",
    "things": "THINGS",
    "held": "THING",
    "topic": "TOPIC",
    "number": "N",
    "unit": "DAYS",
    "text": "WORDS",
    "place": "PLACE",
}


def _world_verbs(game: Game) -> str:
    """The verbs this world and its extensions add, each as its first phrasing ("hug
    PERSON"); an extension's own first phrasing stands for its action."""
    shown = []
    verbs = {**game.world.verbs, **{action: list(p) for action, p in game.engine.grammar}}
    named = game.engine.slot_names
    for action, patterns in verbs.items():
        if not patterns:
            continue
        words = []
        for word in patterns[0].split():
            if word in ("{topic}", "{text}") and action in named:
                words.append(named[action].upper())
            elif word.startswith("{") and word.endswith("}"):
                words.append(_SLOTS.get(word[1:-1], word[1:-1].upper()))
            else:
                words.append(word.split("|")[0])
        shown.append(" ".join(words))
    if not shown:
        return ""
    return "\nThis story also knows: " + ", ".join(sorted(set(shown))) + "."


def rank(game: Game) -> str:
    """The world's rank for the score now: the one with the highest threshold reached."""
    for least, name in game.world.ranks:
        if game.score >= least:
            return name
    return ""


WON = response("ending.won", "*** You have won ***")
LOST = response("ending.lost", "*** You have lost ***")
FINAL_SCORE = response(
    "ending.score",
    "In that game you scored {score} out of a possible {max}, in {turns|turn}.",
    "score",
    "max",
    "turns",
    "turn_word",
)
OPTIONS = response(
    "ending.options",
    "Would you like to RESTART, RESTORE a saved game, UNDO your last move, see the FULL "
    "SCORE for that game, or QUIT?",
)
AFTER_THE_END = response(
    "ending.after",
    "The story has ended. You can UNDO, RESTORE a save, RESTART, see the FULL SCORE or QUIT.",
)


def ending(game: Game) -> str:
    """What every ending prints after its own text: won or lost, the final score and
    rank, and what the player can do now (as Inform's games end)."""
    parts = [(WON if game.state.won else LOST)(game)]
    world = game.world
    if world.max_score:
        turns = game.state.turn
        final = FINAL_SCORE(
            game,
            score=game.score,
            max=world.max_score,
            turns=turns,
            turn_word="turn" if turns == 1 else "turns",
        )
        named = rank(game)
        parts.append(final + (" " + RANK(game, rank=named) if named else ""))
    parts.append(OPTIONS(game))
    return "\n\n".join(parts)


@rule("carry_out", *FREE)
def no_time(game: Game, action: Action) -> None:
    action.minutes = 0


@rule("report", "score")
def report_score(game: Game, action: Action) -> str:
    world = game.world
    if not world.max_score:
        return NO_SCORE(game, action)
    turns = game.state.turn
    lines = [
        SCORE(
            game,
            action,
            score=game.score,
            max=world.max_score,
            turns=turns,
            turn_word="turn" if turns == 1 else "turns",
        )
    ]
    named = rank(game)
    if named:
        lines.append(RANK(game, action, rank=named))
    return " ".join(lines)


@rule("report", "full_score")
def report_full_score(game: Game, action: Action) -> str:
    """The milestones reached, in the order they were reached, then the total."""
    world = game.world
    if not world.max_score:
        return NO_SCORE(game, action)
    reached = [world.milestones[m] for m in game.state.milestones if m in world.milestones]
    earned = [m for m in reached if m.points]
    if not earned:
        return FULL_NOTHING(game, action)
    width = len(str(world.max_score))
    lines = [FULL_HEADING(game, action)]
    lines += [f"  {m.points:>{width}}  {m.text or m.id}" for m in earned]
    total = FULL_TOTAL(game, action, max=world.max_score)
    lines.append(f"  {game.score:>{width}}  {total}")
    return "\n".join(lines)


@rule("report", "exits")
def report_exits(game: Game, action: Action) -> str:
    ways = describe.ways_out(game, query.here(game))
    if not ways:
        return NO_EXITS(game, action)
    return EXITS(game, action, ways=describe.listing(ways))


@rule("report", "pronouns")
def report_pronouns(game: Game, action: Action) -> str:
    meanings = []
    entities = game.world.entities
    for word in PRONOUN_WORDS:
        meant = [t for t in game.state.pronouns.get(word, "").split(",") if t in entities]
        if meant:
            meaning = describe.listing([prose.the(game, t) for t in meant])
            meanings.append(PRONOUN_MEANS(game, action, pronoun=word, meaning=meaning))
        else:
            meanings.append(PRONOUN_UNSET(game, action, pronoun=word))
    return PRONOUNS(game, action, meanings=describe.listing(meanings))


@rule("report", "version")
def report_version(game: Game, action: Action) -> str:
    world = game.world
    return VERSION(
        game,
        action,
        title=world.title,
        release=f", version {world.version}" if world.version else "",
        world=world.id,
        hash=world.source_hash or "unknown",
        engine=__version__,
        python=platform.python_version(),
    )


@rule("report", "hint")
def report_hint(game: Game, action: Action) -> str:
    for hint in game.world.hints:
        if holds(game, hint.when) and not holds(game, hint.done):
            return game.render(hint.text)
    return NO_HINT(game, action)


@rule("report", "help")
def report_help(game: Game, action: Action) -> str:
    return HELP(game, action, example=HELP_EXAMPLE(game, action)) + _world_verbs(game)


@rule("report", "time")
def report_time(game: Game, action: Action) -> str:
    world, now = game.world, game.state.minutes
    part = calendar.part_now(world, now)
    return TIME(
        game,
        action,
        part=part.name,
        clock=calendar.clock_text(world.calendar, calendar.minute_of_day(world, now)),
        date=calendar.date_text(world, now),
        day=calendar.story_day(world, now),
        phrase=calendar.phrase(part),
    )


@rule("report", "think")
def report_thoughts(game: Game, action: Action) -> str:
    return game.pick(game.world.hope_lines) or THOUGHTS(game, action)
