"""The hostile-input corpus (tests/interfaces/hostile/) through `kage play --script` and
`kage play --json` as real processes: every line answered, exit status 0, no traceback,
no internal error. The processes inherit KAGE_STRICT=1, so a crash inside a command is a
traceback here rather than an apology."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

CORPUS = Path(__file__).parent / "hostile"
FILES = sorted(p.name for p in CORPUS.iterdir() if p.suffix in (".txt", ".bin"))


def generated() -> bytes:
    """The lines too big to keep in the corpus."""
    return b"\n".join(
        [
            b"x" * 1_000_000,
            b"take " + "😀".encode() * 250_000,
            b"\xff\xc3" * 500_000,
            b"look then " * 1000 + b"look",
            b"say " + b"[/]" * 100_000,
            b"wait " + b"9" * 100_000 + b" hours",
        ]
    )


def corpus(name: str) -> bytes:
    return generated() + b"\n" if name == "generated" else (CORPUS / name).read_bytes()


def line_count(data: bytes) -> int:
    return data.count(b"\n") + (0 if data.endswith(b"\n") else 1)


def kage_play(*args: str, data: bytes, saves: Path) -> subprocess.CompletedProcess[bytes]:
    result = subprocess.run(
        [sys.executable, "-m", "kage", "play", *args, "--saves", str(saves)],
        input=data,
        capture_output=True,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        timeout=120,
    )
    both = result.stdout + result.stderr
    assert b"Traceback" not in both, result.stderr.decode("utf-8", "replace")[-3000:]
    assert b"[internal error]" not in both and b"internal error" not in both
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")[-3000:]
    assert result.stderr == b""
    return result


@pytest.mark.parametrize("name", [*FILES, "generated"])
def test_every_hostile_line_is_answered_in_json(name: str, tmp_path: Path) -> None:
    data = corpus(name)
    result = kage_play("--json", data=data, saves=tmp_path)  # standard input, no --script
    played = [json.loads(line) for line in result.stdout.decode("utf-8").splitlines()]
    assert played[0]["line"] == 0
    answered = {o["line"] for o in played[1:]}
    assert answered == set(range(1, line_count(data) + 1))
    assert all(isinstance(o["output"], str) and o["output"] for o in played)


@pytest.mark.parametrize("name", [*FILES, "generated"])
def test_every_hostile_line_is_answered_in_a_script(name: str, tmp_path: Path) -> None:
    data = corpus(name)
    result = kage_play("--script", "-", data=data, saves=tmp_path)
    text = result.stdout.decode("utf-8")
    echoes = [line for line in text.splitlines() if line.startswith(">")]
    assert len(echoes) == line_count(data)
    assert "\x1b" not in text and "\x00" not in text


def test_the_hostile_benchmark_smoke() -> None:
    """A short run of benchmarks/hostile_inputs.py: generated hostile lines through a
    strict Session and both CLI modes, no crash, none unanswered."""
    script = Path(__file__).resolve().parents[2] / "benchmarks" / "hostile_inputs.py"
    result = subprocess.run(
        [sys.executable, str(script), "200", "--seed", "8"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    rows = [line.split("|") for line in result.stdout.splitlines() if line.startswith("| ")]
    ways = {cells[1].strip(): cells for cells in rows[1:4]}
    assert set(ways) == {"Session (in-process)", "kage play --json --script", "kage play --script"}
    for cells in ways.values():
        lines, crashes, unanswered = (cells[i].strip() for i in (2, 3, 4))
        assert (lines, crashes, unanswered) == ("200", "0", "0"), cells
