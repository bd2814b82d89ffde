"""Completion offers verbs to start a command and, after them, only words already read."""

from __future__ import annotations

from pathlib import Path

from prompt_toolkit.completion import CompleteEvent
from prompt_toolkit.document import Document

from kage import worlds
from kage.interfaces.completion import SeenWords
from kage.session import Session


def offered(completer: SeenWords, typed: str) -> list[str]:
    document = Document(typed, len(typed))
    return [c.text for c in completer.get_completions(document, CompleteEvent())]


def test_only_words_the_player_has_read_are_offered(tmp_path: Path) -> None:
    session = Session(worlds.load("banished"), 0, saves=tmp_path)
    completer = SeenWords(session)
    completer.read(session.opening())
    assert "examine" in offered(completer, "exa")
    assert offered(completer, "take ta") == []  # the tanto is in the game, not yet seen
    assert "tsunade" in offered(completer, "ask ts")
    assert offered(completer, "x neck") == []
    (step,) = session.step("inventory")
    completer.read(step.text)
    assert offered(completer, "x neck") == ["necklace"]
    assert "take" in offered(completer, "x desk. ta")  # a new command starts a verb


def test_nothing_is_offered_for_what_is_not_a_word(tmp_path: Path) -> None:
    completer = SeenWords(Session(worlds.load("cloak"), 0, saves=tmp_path))
    assert offered(completer, "") == [] and offered(completer, "x 3") == []


def test_act_one_never_offers_the_tanto(tmp_path: Path) -> None:
    """The tanto lies in the Oashisu shop (Act 2): all through Act 1 completion must not
    give it away; once the shop has shown it, it is offered."""
    from tests.helpers import walkthrough

    session = Session(worlds.load("banished"), 0, saves=tmp_path)
    completer = SeenWords(session)
    completer.read(session.opening())
    for line in walkthrough("act1.txt"):
        for step in session.step(line):
            completer.read(step.text)
        for typed in ("take ta", "x t", "buy tan", "ask kurama about ta"):
            assert "tanto" not in offered(completer, typed), (line, typed)
    assert "left_in_time" in session.game.state.milestones  # Act 1 is over
    for line in walkthrough("full.txt"):
        for step in session.step(line):
            completer.read(step.text)
        if "tanto" in step.text.lower():
            break
    assert "tanto" in offered(completer, "take ta")


def test_every_word_offered_after_a_verb_was_shown(tmp_path: Path) -> None:
    """Along the whole walkthrough, what completion offers after a verb is a direction or
    a word of a reply the player has read: never a word of a thing still unmet."""
    from tests.helpers import walkthrough

    from kage.parser.grammar import DIRECTIONS
    from kage.parser.text import words

    session = Session(worlds.load("banished"), 0, saves=tmp_path)
    completer = SeenWords(session)
    shown = set(words(session.opening()))
    completer.read(session.opening())
    things = {n for e in session.world.entities.values() for n in e.nouns}
    for number, line in enumerate(walkthrough("full.txt")):
        for step in session.step(line):
            completer.read(step.text)
            shown.update(words(step.text))
        if number % 10:
            continue
        for letter in "abcdefghijklmnopqrstuvwxyz":
            for word in offered(completer, f"x {letter}"):
                assert word in shown or word in DIRECTIONS, (line, word)
    unmet = things - shown
    assert unmet  # the walkthrough leaves some things unmet, and none was offered above
