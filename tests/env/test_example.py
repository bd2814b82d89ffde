"""The example agent runs and reports its episodes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLE = Path(__file__).parents[2] / "examples" / "random_agent.py"


def test_the_random_agent_example_plays_cloak() -> None:
    pytest.importorskip("kage.agents.admissible")
    result = subprocess.run(
        [sys.executable, str(EXAMPLE), "--world", "cloak", "--episodes", "2", "--steps", "30"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    lines = [ln for ln in result.stdout.splitlines() if ln.startswith("episode")]
    assert len(lines) == 2 and all("of 2" in ln for ln in lines)
