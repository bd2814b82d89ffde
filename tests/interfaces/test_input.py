"""Every input mode of `kage play` as a real process: bounded lines, any bytes, any
locale, and printing that never interprets or chokes on the text."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from kage.interfaces.lines import ENDLESS
from kage.parser.text import MAX_LINE

MODES = {
    "json": ["--json"],
    "json-script": ["--json", "--script", "-"],
    "script": ["--script", "-"],
    "piped": [],  # the terminal front end, reading a pipe
}


def kage_play(
    *args: str, data: bytes = b"", env: dict[str, str] | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "kage", "play", *args],
        input=data,
        capture_output=True,
        env={**os.environ, **(env or {})},
        timeout=timeout,
    )


def clean_exit(result: subprocess.CompletedProcess[bytes]) -> str:
    """The output as text, after checking the process ended well."""
    errors = result.stderr.decode("utf-8", "replace")
    assert result.returncode == 0, errors
    assert b"Traceback" not in result.stdout + result.stderr
    assert errors == ""
    return result.stdout.decode("utf-8", "replace")


def objects(result: subprocess.CompletedProcess[bytes]) -> list[dict]:
    return [json.loads(line) for line in clean_exit(result).splitlines()]


@pytest.mark.parametrize("mode", MODES)
def test_an_endless_line_ends_the_input_instead_of_hanging(mode: str, tmp_path: Path) -> None:
    """`cat /dev/zero | kage play`: the line limit holds before the rest is read, and a
    line with no end stops the reading with a clear message."""
    read_end, write_end = os.pipe()
    proc = subprocess.Popen(
        [sys.executable, "-m", "kage", "play", *MODES[mode], "--saves", str(tmp_path)],
        stdin=read_end,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    os.close(read_end)

    def feed() -> None:
        zeros = bytes(1 << 20)
        try:
            while True:
                os.write(write_end, zeros)
        except OSError:  # kage stopped reading
            pass
        finally:
            os.close(write_end)

    threading.Thread(target=feed, daemon=True).start()
    try:
        out, err = proc.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        pytest.fail("kage kept reading an endless line")
    assert proc.returncode == 1, err
    assert ENDLESS.encode() in err
    assert b"Traceback" not in out + err
    assert b"very long line" in out


def test_a_device_is_not_a_script() -> None:
    result = kage_play("--script", "/dev/zero", timeout=30)
    assert result.returncode == 2
    assert b"'/dev/zero' is a device" in result.stderr
    assert b"Traceback" not in result.stderr


def test_a_folder_is_not_a_script(tmp_path: Path) -> None:
    result = kage_play("--script", str(tmp_path), timeout=30)
    assert result.returncode == 2
    assert b"is a folder" in result.stderr
    assert b"Traceback" not in result.stderr


def test_a_million_character_line_is_cut_and_play_goes_on(tmp_path: Path) -> None:
    data = b"take " + b"x" * 1_000_000 + b"\nlook\n"
    played = objects(kage_play("--json", "--saves", str(tmp_path), data=data))
    assert [o["line"] for o in played] == [0, 1, 2]
    assert f"I read only its first {MAX_LINE} characters" in played[1]["output"]
    assert len(played[1]["command"]) <= MAX_LINE
    assert played[2]["output"].startswith("Hokage's office")
    text = clean_exit(kage_play("--script", "-", "--saves", str(tmp_path), data=data))
    assert f"I read only its first {MAX_LINE} characters" in text
    assert "> look\nHokage's office" in text


BAD_BYTES = b"say caf\xe9 \xff\xfe\xfd\nlook\n\xc3\nsay \xf0\x9f\x98\x80 done\n"


@pytest.mark.parametrize("mode", MODES)
def test_invalid_utf8_is_read_as_replacement_characters(mode: str, tmp_path: Path) -> None:
    env = {"LC_ALL": "C.UTF-8", "PYTHONIOENCODING": "utf-8"}
    result = kage_play(*MODES[mode], "--saves", str(tmp_path), data=BAD_BYTES, env=env)
    text = clean_exit(result)
    if mode.startswith("json"):
        played = json.loads("[" + ",".join(text.splitlines()) + "]")
        assert [o["line"] for o in played] == [0, 1, 2, 3, 4]
        assert played[1]["command"] == "say caf\ufffd \ufffd\ufffd\ufffd"
        assert played[4]["command"] == "say 😀 done"
    assert "Hokage's office" in text


@pytest.mark.parametrize("encoding", ["latin-1", "ascii"])
@pytest.mark.parametrize("mode", MODES)
def test_a_narrow_locale_never_crashes(encoding: str, mode: str, tmp_path: Path) -> None:
    """A latin-1 or ASCII terminal: the input is still read as UTF-8, and what the
    output's encoding cannot hold becomes '?' (or a JSON escape), not a traceback."""
    env = {"PYTHONIOENCODING": encoding, "LC_ALL": "C", "PYTHONUTF8": "0"}
    data = BAD_BYTES + "say “quoted” — naïve ✓\n".encode()
    result = kage_play(*MODES[mode], "--saves", str(tmp_path), data=data, env=env)
    text = clean_exit(result)
    if mode.startswith("json"):
        assert text.isascii()
        played = [json.loads(line) for line in text.splitlines()]
        assert played[-1]["command"] == "say “quoted” — naïve ✓"
    elif mode == "script":
        assert "say ?quoted? ? na" in text


@pytest.mark.parametrize(
    "line",
    ["say [/]", "say [bold]x", "say [bold]x[/bold] [link=http://a]b[/link]", "say :smile:"],
)
def test_brackets_are_printed_as_typed(line: str, tmp_path: Path) -> None:
    text = clean_exit(kage_play("--script", "-", "--saves", str(tmp_path), data=line.encode()))
    assert f"> {line}\n" in text


def test_escape_sequences_never_reach_the_terminal(tmp_path: Path) -> None:
    data = b"\x1b[2J\x1b]0;owned\x07look\nsay \x1b[31mred\n"
    for mode in ("script", "piped"):
        text = clean_exit(kage_play(*MODES[mode], "--saves", str(tmp_path), data=data))
        assert "\x1b" not in text and "\x07" not in text
        assert "Hokage's office" in text


@pytest.mark.parametrize("mode", MODES)
def test_no_standard_input_at_all_is_no_commands(mode: str, tmp_path: Path) -> None:
    """Started with standard input closed (sys.stdin is None): the opening, then the end."""
    result = subprocess.run(
        [sys.executable, "-m", "kage", "play", *MODES[mode], "--saves", str(tmp_path)],
        capture_output=True,
        stdin=subprocess.DEVNULL,
        preexec_fn=lambda: os.close(0),
        timeout=60,
    )
    text = clean_exit(result)
    assert "Hokage's office" in text
