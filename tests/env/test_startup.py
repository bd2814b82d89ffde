"""Gymnasium is for agents: playing at the prompt never imports it, or kage.env."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def test_kage_play_imports_neither_gymnasium_nor_the_env(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "kage", "play", "--script", "-"],
        input="look\nx necklace\n",
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "KAGE_SAVES": str(tmp_path)},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    imported = [line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines()]
    assert "kage.game" in imported  # the import log is there to be read
    assert not [m for m in imported if m.startswith(("gymnasium", "kage.env"))]
