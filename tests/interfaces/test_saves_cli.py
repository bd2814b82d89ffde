"""Saves across real `kage play` processes: a name with spaces and dots saved by one
process is restored by the next, and the listing names its world."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def run(script: str, saves: Path) -> list[dict]:
    result = subprocess.run(
        [sys.executable, "-m", "kage", "play", "--json", "--script", "-", "--saves", str(saves)],
        input=script,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_a_save_made_by_one_process_is_restored_by_the_next(tmp_path: Path) -> None:
    first = run("down\nsave before the fight at mine.3\n", tmp_path)
    assert "Saved as 'before the fight at mine.3' in banished" in first[-1]["output"]
    second = run("restore before the fight at mine.3\nsaves\n", tmp_path)
    restored, listing = second[-2], second[-1]
    assert "[Restored 'before the fight at mine.3'.]" in restored["output"]
    assert restored["location"] == "main_street"
    assert listing["output"].splitlines()[:2] == ["Saves:", "banished (this world):"]
    assert "'before the fight at mine.3': the main street, " in listing["output"]
    assert [p.name for p in tmp_path.iterdir()] == ["banished"]
