"""Playing in a terminal: rich for the prose, prompt_toolkit for the prompt (history,
line editing, completion of the words the game knows)."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from rich.console import Console
from rich.text import Text

from kage.session import Session, default_save_dir

if TYPE_CHECKING:
    from kage.world.model import World


def show(console: Console, text: str, heading: bool = True) -> None:
    """Print prose; a place's name (the first line of a description) in bold."""
    for block in text.split("\n\n"):
        lines = block.split("\n")
        if (
            heading
            and lines
            and lines[0]
            and len(lines) > 1
            and len(lines[0]) < 60
            and (not lines[0].rstrip().endswith((".", "!", "?", '"')))
        ):
            console.print(Text(lines[0], style="bold"))
            lines = lines[1:]
        body = "\n".join(lines)
        style = "dim" if body.startswith("[") else None
        console.print(Text(body, style=style) if style else Text(body))
        console.print()


def play(session: Session, console: Console | None = None) -> None:
    console = console or Console(highlight=False)
    show(console, session.opening())
    threading.Thread(target=_warm_up, args=(session.world,), daemon=True).start()
    prompt = _prompt(session)
    while True:
        try:
            line = prompt()
        except (EOFError, KeyboardInterrupt):
            console.print("\nGoodbye.")
            return
        for step in session.step(line):
            show(console, step.text)
            if step.quit:
                return


def _warm_up(world: World) -> None:
    """Play one turn of a scratch game while the player reads the opening, so the
    systems that load lazily (numpy, the living world's arrays) are ready for the first
    real command instead of delaying it."""
    from kage.game import Game

    with contextlib.suppress(Exception):  # a warm-up must never disturb play
        Game(world, seed=0).command("look")


def _prompt(session: Session) -> Callable[[], str]:
    import sys

    if not sys.stdin.isatty():
        return lambda: input("> ")
    from prompt_toolkit import PromptSession
    from prompt_toolkit.completion import WordCompleter
    from prompt_toolkit.history import FileHistory

    history_file = Path(default_save_dir()).parent / "history"
    try:
        history_file.parent.mkdir(parents=True, exist_ok=True)
        history = FileHistory(str(history_file))
    except OSError:
        history = None
    words = sorted(session.game.lexicon.words)
    prompt_session: PromptSession[str] = PromptSession(
        history=history, completer=WordCompleter(words, ignore_case=True)
    )
    return lambda: prompt_session.prompt("> ")
