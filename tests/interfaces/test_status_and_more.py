"""The status line (under the prompt at a terminal, a `status` object in --json) and
[MORE] paging of replies taller than the screen, only at a real terminal."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pexpect
import pytest
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput
from rich.console import Console
from tests.interfaces.test_terminal import ANSI, READY

from kage.interfaces import terminal

CPR = "\x1b[6n"  # prompt_toolkit asks where the cursor is; the toolbar needs the answer


def spawn(tmp_path: Path, *args: str, rows: int = 40, cpr: bool = False) -> pexpect.spawn:
    env = {**os.environ, "XDG_STATE_HOME": str(tmp_path / "state"), "TERM": "xterm"}
    for name in ("PROMPT_TOOLKIT_NO_CPR", "LINES", "COLUMNS"):  # the pty's size rules
        env.pop(name, None)
    if not cpr:
        env["PROMPT_TOOLKIT_NO_CPR"] = "1"
    return pexpect.spawn(
        sys.executable,
        ["-m", "kage", "play", "--saves", str(tmp_path / "saves"), *args],
        env=env,
        encoding="utf-8",
        timeout=60,
        dimensions=(rows, 100),
    )


def ready(child: pexpect.spawn) -> None:
    """Wait until the prompt is drawn and takes keys."""
    child.expect_exact(READY)
    child.expect_exact("\x1b[?25h")


def answer_cpr(child: pexpect.spawn) -> str:
    """Answer the prompt's cursor question; what was shown before it."""
    child.expect_exact(CPR)
    child.send("\x1b[20;1R")
    return ANSI.sub("", child.before or "")


def screen_until(child: pexpect.spawn, text: str) -> str:
    """What the terminal showed (escape sequences removed) up to `text`."""
    child.expect_exact(text)
    return ANSI.sub("", child.before or "")


def json_turns(*commands: str) -> list[dict]:
    result = subprocess.run(
        [sys.executable, "-m", "kage", "play", "--json"],
        input="\n".join(commands) + "\n",
        capture_output=True,
        text=True,
        timeout=120,
    )
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_json_turns_carry_the_status_line() -> None:
    first, _, waited = json_turns("down", "wait 3 hours")
    status = first["status"]
    assert status["place"] == "Hokage's office" and status["when"] == "Day 1, 09:00"
    assert status["score"] == f"0/{first['max_score']}"
    assert status["world"] == ["0 ryo", "chakra 300/300", "2d to leave the Leaf"]
    assert status["line"].startswith("Hokage's office | Day 1, 09:00 | Score 0/")
    later = waited["status"]
    assert later["when"] == "Day 1, 12:05" and later["place"] == "The main street"
    assert "1d 20h to leave the Leaf" in later["world"]  # the banishment's clock runs


def test_the_status_line_sits_under_the_prompt(tmp_path: Path) -> None:
    child = spawn(tmp_path, cpr=True)
    answer_cpr(child)
    shown = screen_until(child, "to leave the Leaf")
    assert "Day 1, 09:00" in shown and "Score 0/" in shown and "chakra 300/300" in shown
    child.sendline("wait 3 hours")
    answer_cpr(child)
    assert "Day 1, 12:00" in screen_until(child, "to leave the Leaf")
    child.sendcontrol("d")
    child.expect_exact("(y/n)")
    child.sendline("n")
    child.expect(pexpect.EOF)


def test_no_status_means_none(tmp_path: Path) -> None:
    child = spawn(tmp_path, "--no-status", cpr=True)
    shown = answer_cpr(child) + screen_until(child, "\x1b[?25h")
    child.sendline("wait 3 hours")
    shown += answer_cpr(child) + screen_until(child, "\x1b[?25h")
    assert "Hokage's office" in shown and "Score 0/" not in shown and "Day 1" not in shown
    child.sendcontrol("d")
    child.expect_exact("(y/n)")
    child.sendline("n")
    child.expect(pexpect.EOF)


def test_a_dumb_terminal_gets_no_status_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERM", "dumb")
    assert not terminal.status_wanted()
    monkeypatch.delenv("TERM")
    assert not terminal.status_wanted()
    monkeypatch.setenv("TERM", "xterm-256color")
    assert terminal.status_wanted()


def test_a_long_reply_pauses_at_more_at_a_terminal(tmp_path: Path) -> None:
    child = spawn(tmp_path, "--no-status", rows=12)
    opening = screen_until(child, "[MORE]")  # the opening is taller than twelve rows
    assert "Tsunade" in opening and "Exits:" not in opening
    child.send("q")  # the rest at once
    assert "Exits:" in screen_until(child, READY)
    child.expect_exact("\x1b[?25h")
    child.sendline("help")
    before = screen_until(child, "[MORE]")
    assert "HELP" in before.upper() and "whisper to PERSON" not in before  # the end waits
    child.send(" ")
    rest = screen_until(child, READY)
    assert "whisper to PERSON" in rest and "[MORE]" not in rest  # one key, the rest
    child.expect_exact("\x1b[?25h")
    child.sendcontrol("d")  # nothing played (HELP is not a move): nothing to save
    child.expect_exact("Goodbye.")
    child.expect(pexpect.EOF)


def test_piped_play_never_pauses(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "kage", "play", "--saves", str(tmp_path)],
        input="help\nhelp\n",
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "LINES": "5", "COLUMNS": "40"},
    )
    assert result.returncode == 0
    assert "[MORE]" not in result.stdout and result.stdout.count("Goodbye.") == 1


def test_paging_shows_every_line_once_a_screen_at_a_time() -> None:
    out = io.StringIO()
    console = Console(file=out, width=60, height=8, highlight=False)
    text = "\n".join(f"line {n}." for n in range(30))
    asked: list[int] = []

    def more() -> bool:
        asked.append(out.getvalue().count("\n"))
        return True

    terminal.paged(console, text, more)
    lines = [line for line in out.getvalue().splitlines() if line]
    assert lines == [f"line {n}." for n in range(30)]
    assert len(asked) == 4 and asked[0] == 7  # a screen less the line [MORE] takes
    out.truncate(0)
    out.seek(0)
    terminal.paged(console, "short.", more)
    assert len(asked) == 4  # nothing to page


def test_q_at_more_shows_the_rest_at_once() -> None:
    out = io.StringIO()
    console = Console(file=out, width=60, height=8, highlight=False)
    answers = iter([False])
    calls: list[bool] = []

    def more() -> bool:
        calls.append(True)
        return next(answers)

    terminal.paged(console, "\n".join(f"line {n}." for n in range(30)), more)
    assert len(calls) == 1 and out.getvalue().count("line ") == 30


def test_more_waits_for_a_key() -> None:
    with create_pipe_input() as keys:
        keys.send_text(" ")
        assert terminal.more(input=keys, output=DummyOutput()) is True
    with create_pipe_input() as keys:
        keys.send_text("q")
        assert terminal.more(input=keys, output=DummyOutput()) is False


def test_the_banishments_clock_leaves_the_status_line_once_the_player_is_out(
    tmp_path: Path,
) -> None:
    from tests.helpers import play, walkthrough

    from kage import worlds
    from kage.session import Session
    from kage.systems.status import status

    session = Session(worlds.load("banished"), 0, saves=tmp_path)
    session.opening()
    lines = walkthrough("act1.txt")
    play(session, *lines[:-1])
    assert any(part.endswith("to leave the Leaf") for part in status(session.game)["world"])
    play(session, *lines[-1:])
    assert "left_in_time" in session.game.state.milestones
    after = status(session.game)
    assert not any("to leave" in part for part in after["world"])
    money, chakra = after["world"]  # the rest of the world's status stays
    assert money.endswith(" ryo") and chakra.startswith("chakra ")


def test_the_status_line_names_no_place_the_player_cannot_see(tmp_path: Path) -> None:
    from tests.helpers import play

    from kage import worlds
    from kage.session import Session
    from kage.systems.status import status

    session = Session(worlds.load("cloak"), 0, saves=tmp_path)
    session.opening()
    assert status(session.game)["place"] == "Foyer of the Opera House"
    play(session, "s")  # the bar, dark while the cloak is worn
    shown = status(session.game)
    assert shown["place"] == "Darkness" and "Bar" not in shown["line"]
    assert shown["score"] == "0/2"


def test_piped_play_loads_no_prompt_toolkit(tmp_path: Path) -> None:
    """The status line and [MORE] belong to a real terminal: piped play does not even
    import what draws them (prompt_toolkit is slow to load)."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "kage", "play", "--saves", str(tmp_path)],
        input="help\nlook\n",
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0 and "Goodbye." in result.stdout
    assert "kage.interfaces.terminal" in result.stderr  # the import log is there
    assert "prompt_toolkit" not in result.stderr


def test_a_world_words_its_own_day_and_time(tmp_path: Path) -> None:
    """The status line's day and time is a named response: a world with a calendar of its
    own says it its own way, and its status entries show while their `when` holds."""
    import shutil

    from kage import worlds
    from kage.content.compile import load_world
    from kage.session import Session
    from kage.systems.status import status

    folder = tmp_path / "cloak"
    shutil.copytree(worlds.locate("cloak"), folder)
    (folder / "status.yaml").write_text(
        "responses:\n"
        '  status.when: "Night {day} at the opera, {time} ({part})"\n'
        "status:\n"
        '  - text: "{{money}} in your pocket"\n'
        '  - text: "cloaked"\n'
        "    when: {wearing: cloak}\n"
    )
    session = Session(load_world(folder), 0, saves=tmp_path / "saves")
    session.opening()
    shown = status(session.game)
    assert shown["when"] == "Night 1 at the opera, 21:00 (evening)"  # the calendar's parts
    assert shown["line"].startswith("Foyer of the Opera House | Night 1 at the opera")
    assert shown["world"] == ["0 coins in your pocket", "cloaked"]
    session.step("take off cloak")
    assert status(session.game)["world"] == ["0 coins in your pocket"]
