"""Playing in a terminal: rich for the prose, prompt_toolkit for the prompt (history,
line editing, completion of the words the game knows).

Everything printed goes through `rich.text.Text`, never a markup string, so brackets in
the player's words or the game's prose ("say [/]") are printed as typed. Lines come
through `kage.interfaces.lines`, bounded like every other input.

Ctrl-C or Ctrl-D at the prompt asks "Save before quitting? (y/n)" as interactive fiction
players expect (when there is anything to save); a second Ctrl-C there quits without
saving. Ctrl-C while a command runs is held until the command has finished, so it never
leaves a half-played turn behind.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.text import Text

from kage.interfaces.lines import ENDLESS, Line, LineReader, bound, standard_input
from kage.interfaces.output import printable
from kage.parser.text import clean
from kage.session import Session

if TYPE_CHECKING:
    from prompt_toolkit import PromptSession

    from kage.interfaces.completion import SeenWords
    from kage.world.model import World

# asks with a prompt; None at the end of the input; KeyboardInterrupt on Ctrl-C
Ask = Callable[[str], Line | None]


def show(console: Console, text: str, heading: bool = True) -> None:
    """Print prose; a place's name (the first line of a description) in bold."""
    text = printable(text)
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


def say(console: Console, text: str, style: str | None = None) -> None:
    """Print one line as it is: no markup, no control characters."""
    console.print(Text(printable(text), style=style) if style else Text(printable(text)))


def play_script(session: Session, lines: Iterable[Line], console: Console | None = None) -> None:
    """Play every line of a script, echoing each command before its reply."""
    console = console or Console(highlight=False)
    show(console, session.opening())
    for line in lines:
        say(console, f"> {line.text.strip()}", style="bold cyan")
        for step in session.step(line.text, cut=line.cut):
            show(console, step.text)
            if step.quit:
                return


def status_wanted() -> bool:
    """Whether a status line fits this terminal: not on a dumb one (TERM=dumb or unset)."""
    return os.environ.get("TERM", "dumb") not in ("", "dumb")


def paged(console: Console, text: str, more: Callable[[], bool]) -> None:
    """Show `text` a screenful at a time when it is taller than the terminal, calling
    `more` ("[MORE]", a key to go on) between screens; `more` returning False shows the
    rest at once."""
    with console.capture() as captured:
        show(console, text)
    lines = captured.get().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    room = max(1, console.size.height - 1)  # a line for [MORE]
    start = 0
    while start < len(lines):
        chunk = lines[start : start + room] if start + room < len(lines) else lines[start:]
        console.file.write("\n".join(chunk) + "\n")
        console.file.flush()
        start += len(chunk)
        if start < len(lines) and not more():
            room = len(lines)


def play(session: Session, console: Console | None = None, status: bool = True) -> int:
    """Play at the terminal until the player quits or the input ends. Returns the exit
    status: 1 if the input had a line without an end, else 0. At a real terminal a status
    line sits under the prompt (unless `status` is False) and a reply taller than the
    screen pauses at [MORE]; piped play has neither."""
    console = console or Console(highlight=False)
    interactive = sys.stdin is not None and sys.stdin.isatty()
    if interactive:
        paged(console, session.opening(), more)
    else:
        show(console, session.opening())
    threading.Thread(target=_warm_up, args=(session.world,), daemon=True).start()
    reader = None if interactive else LineReader(standard_input())
    completer = _completer(session) if interactive else None
    ask = _typed(session, completer, status) if completer is not None else _piped(reader)
    while True:
        try:
            line = ask("> ")
        except KeyboardInterrupt:
            line = None
        if line is None:  # Ctrl-C, Ctrl-D, or the end of piped input
            if interactive:
                save_before_quitting(session, console, _asked())
            say(console, "Goodbye.")
            if reader is not None and reader.endless:
                print(ENDLESS, file=sys.stderr)
                return 1
            return 0
        with deferred_interrupt() as interrupted:
            steps = session.step(line.text, cut=line.cut)
        for step in steps:
            if interactive:
                paged(console, step.text, more)
            else:
                show(console, step.text)
            if completer is not None:
                completer.read(step.text)
            if step.quit:
                return 0
        if interrupted:  # Ctrl-C while the command ran: quit now that it is done
            if interactive:
                save_before_quitting(session, console, _asked())
            say(console, "Goodbye.")
            return 0


def save_before_quitting(session: Session, console: Console, ask: Ask) -> None:
    """Ask whether to save before quitting, and save under the name given (Enter: the
    default name), asking again if that fails. Nothing is asked when nothing has been
    played; Ctrl-C or the end of input at the question means no."""
    if not session.log:
        return
    while True:
        try:
            answer = ask("Save before quitting? (y/n) ")
        except KeyboardInterrupt:
            answer = None
        if answer is None:
            return
        reply = answer.text.strip().lower()
        if reply in ("n", "no"):
            return
        if reply not in ("y", "yes"):
            say(console, "Please answer y (save, then quit) or n (quit without saving).")
            continue
        try:
            name = ask('Save as (Enter for "save"): ')
        except KeyboardInterrupt:
            continue
        if name is None:
            continue
        step = session.one(clean(f"save {name.text}"))
        show(console, step.text)
        if step.text.startswith("Saved"):
            return


@contextlib.contextmanager
def deferred_interrupt() -> Iterator[list[int]]:
    """Hold Ctrl-C (SIGINT) while the block runs; the list says whether it came. Off
    the main thread, where signals cannot be caught, the block runs as it is."""
    caught: list[int] = []

    def hold(signum: int, frame: object) -> None:
        caught.append(signum)

    try:
        previous = signal.signal(signal.SIGINT, hold)
    except ValueError:
        yield caught
        return
    try:
        yield caught
    finally:
        signal.signal(signal.SIGINT, previous)


def _warm_up(world: World) -> None:
    """Play one turn of a scratch game while the player reads the opening, so the
    systems that load lazily (numpy, the living world's arrays) are ready for the first
    real command instead of delaying it."""
    from kage.game import Game

    with contextlib.suppress(Exception):  # a warm-up must never disturb play
        Game(world, seed=0).command("look")


def _piped(reader: LineReader) -> Ask:
    def ask(prompt: str) -> Line | None:
        sys.stdout.write(prompt)
        sys.stdout.flush()
        return reader.read()

    return ask


def _completer(session: Session) -> SeenWords:
    """Completion for a real terminal, having read the opening (late: prompt_toolkit is
    slow to load, and piped play needs none of it)."""
    from kage.interfaces.completion import SeenWords

    completer = SeenWords(session)
    completer.read(session.opening())
    return completer


def _typed(session: Session, completer: SeenWords, status: bool = True) -> Ask:
    """The prompt at a real terminal: history, line editing, completion, and the status
    line under it."""
    from prompt_toolkit import PromptSession

    from kage.systems.status import status as status_of

    def toolbar() -> str:
        return printable(status_of(session.game)["line"])

    prompt_session: PromptSession[str] = PromptSession(
        history=_history(),
        completer=completer,
        bottom_toolbar=toolbar if status else None,
    )
    return _asking(prompt_session)


def more(input: object = None, output: object = None) -> bool:
    """Show [MORE] and wait for a key: True to go on a screen at a time, False (Ctrl-C,
    Ctrl-D, q) to show the rest at once. `input`/`output` are prompt_toolkit's, for tests."""
    from prompt_toolkit.application import Application
    from prompt_toolkit.key_binding import KeyBindings
    from prompt_toolkit.layout import Layout
    from prompt_toolkit.layout.containers import Window
    from prompt_toolkit.layout.controls import FormattedTextControl

    keys = KeyBindings()

    @keys.add("c-c")
    @keys.add("c-d")
    @keys.add("q")
    def _rest(event: Any) -> None:
        event.app.exit(result=False)

    @keys.add("<any>")
    def _next(event: Any) -> None:
        event.app.exit(result=True)

    app: Application[bool] = Application(
        layout=Layout(Window(FormattedTextControl("[MORE]"), height=1)),
        key_bindings=keys,
        erase_when_done=True,
        input=input,  # type: ignore[arg-type]
        output=output,  # type: ignore[arg-type]
    )
    return bool(app.run())


def _asked() -> Ask:
    """A prompt for questions (y/n, a save name): no history, no completion."""
    from prompt_toolkit import PromptSession

    return _asking(PromptSession())


def _asking(prompt_session: PromptSession[str]) -> Ask:
    def ask(prompt: str) -> Line | None:
        try:
            return bound(prompt_session.prompt(prompt))
        except EOFError:
            return None

    return ask


def history_file() -> Path:
    """Where the commands typed at the prompt are remembered: kage's folder in the
    user's state directory ($XDG_STATE_HOME, else ~/.local/state), as the XDG base
    directory spec places history."""
    base = os.environ.get("XDG_STATE_HOME", "")
    if not os.path.isabs(base):  # the spec: a relative path is to be ignored
        base = str(Path.home() / ".local" / "state")
    return Path(base) / "kage" / "history"


def private(path: Path) -> Path:
    """Create `path` (and its folder) readable by its owner only, or make it so: what a
    player types is nobody else's business."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND | os.O_NOFOLLOW, 0o600)
    try:
        os.fchmod(fd, 0o600)
    finally:
        os.close(fd)
    return path


def _history() -> object:
    from prompt_toolkit.history import FileHistory, InMemoryHistory

    try:
        return FileHistory(str(private(history_file())))
    except OSError:  # no writable home: history for this game only
        return InMemoryHistory()
