"""A short run of the coverage-guided fuzzer (benchmarks/fuzz_parser.py): it must run,
execute inputs, and find no crash. The long runs are the script's, not the suite's."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("atheris")

ROOT = Path(__file__).resolve().parents[2]


def _table(output: str) -> dict[str, str]:
    rows = re.findall(r"^\| (.+?) +\| (.*) \|$", output, re.MULTILINE)
    return {name.strip(): value for name, value in rows}


def test_ten_seconds_of_fuzzing_find_no_crash(tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, "benchmarks/fuzz_parser.py", str(10 / 60), "--crashes", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    table = _table(run.stdout)
    assert int(table["executions (inputs)"].replace(",", "")) > 100, run.stdout
    assert table["distinct crashes"] == "0", run.stdout + run.stderr[-3000:]
    assert not list(tmp_path.iterdir())
