"""Tab completion at the prompt: verbs anywhere a command starts, and after them only the
words the player has already read in the game's replies (so completion never gives away
a thing not yet met: no "tanto" in Act 1)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from prompt_toolkit.completion import CompleteEvent, Completer, Completion
from prompt_toolkit.document import Document

from kage.parser.grammar import DIRECTIONS
from kage.parser.text import words

if TYPE_CHECKING:
    from kage.session import Session

MIN_TYPED = 1  # letters typed before anything is offered


class SeenWords(Completer):
    def __init__(self, session: Session) -> None:
        self.session = session  # read each time: a restore or restart replaces its game
        self.seen: set[str] = set()

    def read(self, text: str) -> None:
        """Note the words of a reply the player has just been shown."""
        self.seen.update(words(text))

    def get_completions(
        self, document: Document, complete_event: CompleteEvent
    ) -> Iterator[Completion]:
        typed = document.get_word_before_cursor()
        if len(typed) < MIN_TYPED or not typed.isalpha():
            return
        before = document.text_before_cursor[: -len(typed)]
        lexicon = self.session.game.lexicon
        starting = not words(before) or before.rstrip().endswith((".", ",", ";", "then"))
        pool = lexicon.verbs if starting else (self.seen & lexicon.words) | set(DIRECTIONS)
        low = typed.lower()
        for word in sorted(pool):
            if word.startswith(low) and word != low and word.isalpha():
                yield Completion(word, start_position=-len(typed))
