"""Named responses: every sentence the engine says has a name a world can replace.

Modelled on Inform 7's responses ("the can't take yourself rule response (A)"). Code
declares a response once, at module level, with its default text:

    TAKEN = response("taking.taken", "Taken.")

and says it with the action's words filled in: ``TAKEN(game, action)``. A world's
`responses:` section replaces the text by name (a string, or variants with `when`).

Placeholders, in single braces, are filled by the text layer (kage.core.prose):
``{noun}``/``{second}`` (the name the player knows), ``{the noun}``, ``{The noun}``,
``{a noun}``, ``{A noun}`` (likewise for ``second`` and any slot that holds a person or
thing), verbs and pronouns that agree with the subject named last (``{is}``, ``{nods}``,
``{he}``, ``{His}``) or with a named one (``{second|is}``), counts (``{turns|turn}``),
any entity by its id (``{The kai}``), ``{number}``, ``{text}``, ``{direction}``,
``{player}``, ``{here}`` (the place's name), and any extra slot the code passes
(``{price}``, ``{currency}``...). ``{{provider:arg}}`` slots are filled afterwards. A
placeholder nobody fills is left as written, so a typo shows in play and `kage check` can
name it.
"""

from __future__ import annotations

import functools
import re
import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from kage.core import prose
from kage.core.naming import printed_name
from kage.world import ops, query

if TYPE_CHECKING:
    from kage.actions.pipeline import Action
    from kage.game import Game

# every declared response, by name: for `kage rules`, `kage docs` and `kage check`
RESPONSES: dict[str, Response] = {}
# the placeholders `fill` knows for any text; a response may declare more (its `slots`)
STANDARD_SLOTS = (
    *(
        f"{article}{key}"
        for key in ("noun", "second")
        for article in ("", "the ", "The ", "a ", "A ")
    ),
    "number",
    "text",
    "direction",
    "player",
    "here",
)


@dataclass(frozen=True, slots=True)
class Response:
    name: str  # "family.what", e.g. "taking.taken"
    default: str
    slots: tuple[str, ...] = ()  # extra placeholders the code fills, for docs and check
    # a non-answer ("Nothing comes of it."): the turn that says it is counted as a failure,
    # like a word the parser did not know, by the session's `failure` and the corpus
    vague: bool = False
    module: str = field(default="", compare=False)  # where it is declared: whose it is

    def __call__(self, game: Game, action: Action | None = None, **slots: Any) -> str:
        return say(game, self, action, **slots)


def response(name: str, default: str, *slots: str, vague: bool = False) -> Response:
    """Declare a response. Declaring one name twice with different defaults is a bug."""
    found = RESPONSES.get(name)
    module = sys._getframe(1).f_globals.get("__name__", "")
    made = Response(name, default, tuple(slots), vague, module)
    if found is not None and found != made:
        raise ValueError(f"response '{name}' declared twice")
    RESPONSES[name] = made
    return made


def text_of(game: Game, resp: Response) -> str:
    """The text to say: the world's replacement whose condition holds, else the default."""
    variants = game.world.responses.get(resp.name)
    if variants:
        from kage.world.conditions import holds

        for variant in variants:
            if holds(game, variant.when):
                return variant.text
    return resp.default


def fill(game: Game, text: str, action: Action | None = None, **extra: Any) -> str:
    """Fill a response's placeholders through the text layer (verbs and pronouns agree,
    sentences start with a capital), then the world's {{provider}} slots."""
    if "{" not in text:
        return text
    world = game.world
    slots = _Slots(world.entities)
    player = world.entities.get(world.player)
    if player is not None:
        slots["player"] = player.name
    here = query.place_of(game, world.player)  # the room, not the chair sat on
    if here in world.entities:
        slots["here"] = printed_name(game, here)
    first = None
    if action is not None:
        for key, entity in (("noun", action.noun), ("second", action.second)):
            if entity and entity in world.entities:
                slots[key] = Named(entity)
                first = first or key
        slots["number"] = action.number
        slots["text"] = action.text
        slots["direction"] = action.direction
    slots.update(extra)

    def to_subject(value: Any) -> prose.Subject | None:
        if isinstance(value, prose.Subject):
            return value
        if isinstance(value, Named):
            return prose.subject(game, value.entity)
        return None

    filled = prose.adapt(text, slots, to_subject, first)
    return game.providers(filled)


class _Slots(dict[str, Any]):
    """The slots a text may name: those filled for it, then any entity by its id
    ({kai}, {The kai}, {kai|nods})."""

    def __init__(self, entities: dict[str, Any]) -> None:
        super().__init__()
        self.entities = entities

    def __contains__(self, key: object) -> bool:
        return dict.__contains__(self, key) or key in self.entities

    def __getitem__(self, key: str) -> Any:
        if dict.__contains__(self, key):
            return dict.__getitem__(self, key)
        if key in self.entities:
            return Named(key)
        raise KeyError(key)


@dataclass(frozen=True, slots=True)
class Named:
    """A slot's value that is an entity: printed by the name the player knows it by."""

    entity: str


def say(game: Game, resp: Response, action: Action | None = None, **slots: Any) -> str:
    if resp.vague:
        game.vague.append(resp.name)
    text = text_of(game, resp)
    if getattr(game, "dry", 0) and _worded(text):
        return text  # only asked whether something is said (pipeline.applies): no filling
    return fill(game, text, action, **slots)


@functools.cache
def _worded(text: str) -> bool:
    """Whether a text says something whatever its placeholders are filled with."""
    return any(c.isalnum() for c in re.sub(r"\{[^{}]*\}", "", text))


def placeholders(text: str) -> list[str]:
    """The slots a text's placeholders name (for `kage check`)."""
    return prose.placeholders(text)


@dataclass(frozen=True, slots=True)
class Pool:
    """Several named responses that say one thing in different words (a blow that lands,
    a companion's jibe): each is `NAME.1`, `NAME.2` ... so a world replaces any of them
    by name. Which is said is drawn from the world's seeded generator, never the one said
    last time, so a fight told ten times is not told the same way twice running."""

    name: str
    lines: tuple[Response, ...]

    def __call__(self, game: Game, action: Action | None = None, **slots: Any) -> str:
        return say(game, self.lines[choose(game, self.name, len(self.lines))], action, **slots)


def pool(name: str, *defaults: str, slots: tuple[str, ...] = ()) -> Pool:
    """Declare a pool of responses `name.1` ... `name.N`, one for each default."""
    module = sys._getframe(1).f_globals.get("__name__", "")
    lines = []
    for number, default in enumerate(defaults, 1):
        made = Response(f"{name}.{number}", default, tuple(slots), False, module)
        found = RESPONSES.get(made.name)
        if found is not None and found != made:
            raise ValueError(f"response '{made.name}' declared twice")
        RESPONSES[made.name] = made
        lines.append(made)
    return Pool(name, tuple(lines))


SAID = "said."  # state flag prefix: the index of the variant a pool said last


def choose(game: Game, name: str, size: int) -> int:
    """An index below `size` drawn from the seeded generator, not the one `name` chose
    last time (remembered in the state's flags, so undo and replay agree)."""
    if size <= 1:
        return 0
    last = game.state.flags.get(SAID + name)
    options = [i for i in range(size) if i != last]
    index = options[min(len(options) - 1, int(game.random() * len(options)))]
    ops.set_flag(game, SAID + name, index)
    return index
