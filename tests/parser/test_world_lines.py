"""A world's own phrasing against the engine's: the world's line wins a tie of shape, and
the engine's is used when the world's action would refuse the thing and the engine's would
not. So a world may give "open {thing}" to its own verb and doors still open."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.helpers import opened, play, world_from

from kage.actions.pipeline import Action
from kage.parser.lexicon import build
from kage.parser.parser import _allowed, parse
from kage.session import Session
from kage.world.model import World

PARTY = """
world: {id: party, title: "Party", intro: "Balloons.", player: pat}
places:
  - {id: den, name: "the den", nouns: [den]}
people:
  - {id: pat, name: "Pat", nouns: [me], gender: her, at: den}
things:
  - {id: gift, name: "gift", nouns: [gift], at: den}
  - {id: box, name: "box", nouns: [box], container: true, open: false, at: den}
  - {id: lamp, name: "lamp", nouns: [lamp], at: den}
  - {id: vase, name: "vase", nouns: [vase], at: pat}
  - {id: cup, name: "cup", nouns: [cup], at: pat}
  - {id: coin, name: "coin", nouns: [coin], at: den}
interactions:
  - {verb: unwrap, target: gift, text: "You tear the paper off the gift."}
  - {verb: set_down, target: vase, text: "You set the vase down as if it were an egg.",
     effects: [{move: {vase: den}}]}
  - {verb: flick, target: coin, when: {chance: 0.0}, text: "Heads."}
  - {verb: rustle, target: gift, text: "The paper rustles."}
verbs:
  unwrap: ["open {thing}"]
  set_down: ["put {thing} down"]
  flick: ["switch {thing}"]
  put_in: ["tuck {things} in {thing}"]
  rustle: ["jiggle {thing}"]
endings:
  - {id: never, when: {flag: never_set}, won: true, text: "The end."}
"""


@pytest.fixture(scope="module")
def party(tmp_path_factory: pytest.TempPathFactory) -> World:
    return world_from(tmp_path_factory, "party", PARTY)


@pytest.fixture
def session(party: World, tmp_path: Path) -> Session:
    return opened(party, tmp_path)


def test_the_world_line_wins_when_its_action_applies(session: Session) -> None:
    assert play(session, "open gift") == "You tear the paper off the gift."
    assert play(session, "put vase down") == "You set the vase down as if it were an egg."


def test_the_engine_line_is_used_when_the_world_action_refuses(session: Session) -> None:
    assert play(session, "open box") == "You open the box."
    assert play(session, "put cup down") == "Dropped."
    assert session.game.state.holder["cup"] == "den"


def test_when_both_refuse_the_world_says_why(session: Session) -> None:
    assert play(session, "open lamp") == "You can't see any point in doing that to the lamp."


def test_a_world_line_the_world_alone_refuses_is_its_answer(session: Session) -> None:
    """Two world verbs of the same words can no longer pass `kage check` (one could never
    win); a world line with no engine rival answers even when it refuses."""
    assert play(session, "jiggle gift") == "The paper rustles."
    assert play(session, "jiggle box") == "You can't see any point in doing that to the box."


def test_asking_whether_the_world_action_applies_draws_no_chance(session: Session) -> None:
    game = session.game
    parsed = parse(game, "switch coin")
    assert [a.name for a in parsed.actions] == ["flick"]  # neither applies: the world's
    before = game.state.rng
    assert not _allowed(game, Action("flick", "coin"))  # its condition is a chance
    assert game.state.rng == before


def test_a_world_phrasing_for_an_engine_action_still_works(session: Session) -> None:
    play(session, "open box")
    assert play(session, "tuck cup in box") == "You put the cup in the box."


def test_in_banished_open_still_unseals_and_backpacks_stay_open(new_session) -> None:  # type: ignore[no-untyped-def]
    session = new_session()
    play(session, "go to apartment")
    said = play(session, "open backpack")
    assert "open already" in said


def test_the_worlds_and_its_extensions_lines_are_the_worlds_own(party: World) -> None:
    """Built here rather than taken from a session: the lexicon is built once per world,
    so only a test that builds it sees how its lines are marked."""
    extension = [("jimmy", ["open   {things}", "jimmy {thing}"]), ("goad", ["goad {person}"])]
    lex = build(party, extension)
    opens = [(ln.pattern, ln.action, ln.world) for ln in lex.lines["open"]]
    # the world's line comes before the core's line of the same words
    assert opens.index(("open {thing}", "unwrap", True)) < opens.index(
        ("open {thing}", "open", False)
    )
    # the extension's "open {things}" says the world's words (slots aside): it gives way
    assert not [o for o in opens if o[1] == "jimmy"]
    # the core's lines stay the engine's: the parser falls back to them
    assert all(world is False for _, action, world in opens if action != "unwrap")
    assert [(ln.action, ln.world) for ln in lex.lines["jimmy"]] == [("jimmy", True)]
    assert [(ln.action, ln.world) for ln in lex.lines["goad"]] == [("goad", True)]
