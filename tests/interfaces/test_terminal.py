"""`kage play` at a real terminal (a pseudo-terminal driven by pexpect): quitting with
Ctrl-C or Ctrl-D offers to save; the prompt's history is private and lives in kage's
state folder."""

from __future__ import annotations

import os
import re
import signal
import stat
import sys
from pathlib import Path

import pexpect
import pytest

from kage.interfaces import terminal

READY = "\x1b[?2004h"  # prompt_toolkit turns on bracketed paste when a prompt starts
ANSI = re.compile(r"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07]*\x07|[@-Z\\-_])")


class Game:
    """One `kage play` in a pseudo-terminal, with its own saves and state folders."""

    def __init__(self, tmp_path: Path) -> None:
        self.saves = tmp_path / "data" / "kage" / "saves"
        self.state = tmp_path / "state"
        env = {
            **os.environ,
            "XDG_STATE_HOME": str(self.state),
            "TERM": "xterm",
            "PROMPT_TOOLKIT_NO_CPR": "1",
        }
        env.pop("KAGE_SAVES", None)
        self.child = pexpect.spawn(
            sys.executable,
            ["-m", "kage", "play", "--saves", str(self.saves)],
            env=env,
            encoding="utf-8",
            timeout=60,
            dimensions=(40, 200),
        )
        self.seen = ""  # the screen's text so far, escape sequences removed
        self.see("Exits:")
        self.ready()

    def ready(self) -> None:
        """Wait until a prompt is up (and the terminal in raw mode)."""
        self.child.expect_exact(READY)
        self.seen += ANSI.sub("", self.child.before or "")

    def see(self, text: str) -> str:
        """Wait until `text` is on the screen; what was shown up to it."""
        while text not in self.seen:
            self.child.expect(r"[\s\S]+")
            self.seen += ANSI.sub("", self.child.after)
            self.seen = self.seen.replace("\r", "")
        shown, _, self.seen = self.seen.partition(text)
        return shown

    def command(self, line: str) -> None:
        self.child.sendline(line)
        self.ready()

    def answer(self, question: str, reply: str) -> None:
        self.see(question)
        self.child.sendline(reply)

    def ends(self) -> str:
        shown = self.see("Goodbye.")
        self.child.expect(pexpect.EOF)
        self.child.close()
        assert self.child.exitstatus == 0, self.child.before
        return shown

    def saved(self) -> list[str]:
        folder = self.saves / "banished"
        return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


SAVE = "Save before quitting? (y/n)"
NAME = 'Save as (Enter for "save"):'


def test_ctrl_c_offers_to_save_under_a_name(tmp_path: Path) -> None:
    game = Game(tmp_path)
    game.command("down")
    game.child.sendintr()
    game.answer(SAVE, "y")
    game.answer(NAME, "before the fight")
    game.see("Saved as 'before the fight' in banished")
    game.ends()
    assert len(game.saved()) == 1
    # the next game restores it: the save is real
    again = Game(tmp_path)
    again.child.sendline("restore before the fight")
    again.see("[Restored 'before the fight'.]")
    again.ready()
    again.child.sendcontrol("d")
    again.answer(SAVE, "n")
    again.ends()


def test_ctrl_c_then_enter_saves_under_the_default_name(tmp_path: Path) -> None:
    game = Game(tmp_path)
    game.command("wait")
    game.child.sendintr()
    game.answer(SAVE, "maybe")
    game.see("Please answer y")
    game.answer(SAVE, "yes")
    game.answer(NAME, "")
    game.see("Saved as 'save' in banished")
    game.ends()
    assert len(game.saved()) == 1


def test_ctrl_d_asks_too_and_no_means_no(tmp_path: Path) -> None:
    game = Game(tmp_path)
    game.command("wait")
    game.child.sendcontrol("d")
    game.answer(SAVE, "n")
    game.ends()
    assert game.saved() == []


def test_a_second_ctrl_c_quits_without_saving(tmp_path: Path) -> None:
    game = Game(tmp_path)
    game.command("wait")
    game.child.sendintr()
    game.see(SAVE)
    game.child.sendintr()
    game.ends()
    assert game.saved() == []


def test_nothing_played_nothing_asked(tmp_path: Path) -> None:
    game = Game(tmp_path)
    game.child.sendintr()
    text = game.ends()
    assert SAVE not in text


def test_history_is_private_and_in_the_state_folder(tmp_path: Path) -> None:
    game = Game(tmp_path)
    game.command("examine desk")
    game.command("quit")
    game.child.sendline("y")
    game.ends()
    history = game.state / "kage" / "history"
    assert "examine desk" in history.read_text()
    assert stat.S_IMODE(history.stat().st_mode) == 0o600
    assert stat.S_IMODE(history.parent.stat().st_mode) == 0o700
    assert not (game.saves.parent / "history").exists()  # not beside the saves any more


def test_history_file_place(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("KAGE_SAVES", str(tmp_path / "elsewhere" / "saves"))
    monkeypatch.delenv("XDG_STATE_HOME", raising=False)
    assert terminal.history_file() == tmp_path / ".local" / "state" / "kage" / "history"
    monkeypatch.setenv("XDG_STATE_HOME", "relative/path")  # the spec says: ignore it
    assert terminal.history_file() == tmp_path / ".local" / "state" / "kage" / "history"
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "st"))
    assert terminal.history_file() == tmp_path / "st" / "kage" / "history"


def test_an_old_readable_history_is_made_private(tmp_path: Path) -> None:
    old = os.umask(0)
    try:
        path = tmp_path / "kage" / "history"
        terminal.private(path)
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        path.chmod(0o644)
        path.write_text("look\n")
        terminal.private(path)
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert path.read_text() == "look\n"
    finally:
        os.umask(old)


def test_a_symlinked_history_is_not_followed(tmp_path: Path) -> None:
    target = tmp_path / "secret"
    target.write_text("")
    target.chmod(0o644)
    link = tmp_path / "kage" / "history"
    link.parent.mkdir()
    link.symlink_to(target)
    with pytest.raises(OSError):
        terminal.private(link)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


def test_ctrl_c_during_a_command_waits_for_it() -> None:
    """A turn is never cut in half: SIGINT while a command runs is held, then seen."""
    with terminal.deferred_interrupt() as interrupted:
        os.kill(os.getpid(), signal.SIGINT)
        finished = True
    assert finished and interrupted == [signal.SIGINT]


def test_ctrl_c_during_a_piped_command_finishes_it_then_quits(
    new_session, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A real SIGINT arriving while `look` runs: the turn completes, then play stops
    before the next line (`wait`) instead of losing the interrupt or half a turn."""
    import io

    from rich.console import Console

    session = new_session()
    real_step = session.step

    def step_interrupted(text: str, cut: bool = False):  # type: ignore[no-untyped-def]
        os.kill(os.getpid(), signal.SIGINT)  # Ctrl-C, in the middle of the command
        return real_step(text, cut=cut)

    monkeypatch.setattr(session, "step", step_interrupted)

    class Piped:
        buffer = io.BytesIO(b"down\nwait\n")

        def isatty(self) -> bool:
            return False

    monkeypatch.setattr(sys, "stdin", Piped())
    monkeypatch.setattr(sys, "stdout", io.StringIO())
    out = io.StringIO()
    status = terminal.play(session, Console(file=out, highlight=False))
    assert status == 0
    assert session.log == ["down"]
    assert out.getvalue().rstrip().endswith("Goodbye.")
