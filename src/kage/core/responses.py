"""Named responses: every sentence the engine says has a name a world can replace.

Modelled on Inform 7's responses ("the can't take yourself rule response (A)"). Code
declares a response once, at module level, with its default text:

    TAKEN = response("taking.taken", "Taken.")

and says it with the action's words filled in: ``TAKEN(game, action)``. A world's
`responses:` section replaces the text by name (a string, or variants with `when`).

Placeholders, in single braces: ``{noun}``/``{second}`` (the thing's name), ``{the noun}``,
``{The noun}``, ``{a noun}``, ``{A noun}`` (likewise for ``second``), ``{number}``,
``{text}``, ``{direction}``, ``{player}``, ``{here}`` (the place's name), and any extra
slot the code passes (``{price}``, ``{currency}``...). ``{{provider:arg}}`` slots are
filled afterwards by ``Game.render``. A placeholder nobody fills is left as written, so a
typo shows in play and `kage check` can name it.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from kage.core.naming import printed_name
from kage.world import ops, query

if TYPE_CHECKING:
    from kage.actions.pipeline import Action
    from kage.game import Game

_SLOT = re.compile(r"(?<!\{)\{([A-Za-z][A-Za-z_ ]*)\}(?!\})")

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


def _entity_slots(game: Game, key: str, entity: str | None, slots: dict[str, str]) -> None:
    if not entity or entity not in game.world.entities:
        return
    ent = game.world.entities[entity]
    the, a = ent.the(), ent.a()
    slots[key] = ent.name
    slots[f"the {key}"] = the
    slots[f"The {key}"] = the[:1].upper() + the[1:]
    slots[f"a {key}"] = a
    slots[f"A {key}"] = a[:1].upper() + a[1:]


def fill(game: Game, text: str, action: Action | None = None, **extra: Any) -> str:
    """Fill a response's placeholders, then the world's {{provider}} slots."""
    if "{" not in text:
        return text
    slots: dict[str, str] = {}
    world = game.world
    player = world.entities.get(world.player)
    if player is not None:
        slots["player"] = player.name
    here = query.place_of(game, world.player)  # the room, not the chair sat on
    if here in world.entities:
        slots["here"] = printed_name(game, here)
    if action is not None:
        _entity_slots(game, "noun", action.noun, slots)
        _entity_slots(game, "second", action.second, slots)
        slots["number"] = str(action.number)
        slots["text"] = action.text
        slots["direction"] = action.direction
    for key, value in extra.items():
        slots[key] = str(value)
    filled = _SLOT.sub(lambda m: slots.get(m.group(1), m.group(0)), text)
    return game.render(filled)


def say(game: Game, resp: Response, action: Action | None = None, **slots: Any) -> str:
    if resp.vague:
        game.vague.append(resp.name)
    return fill(game, text_of(game, resp), action, **slots)


def placeholders(text: str) -> list[str]:
    """The single-brace placeholders a text uses (for `kage check`)."""
    return _SLOT.findall(text)


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
