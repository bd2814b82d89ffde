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
