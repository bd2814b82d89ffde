"""A short run of the coverage-guided fuzzer of the loader (benchmarks/fuzz_loader.py): it
must run, execute inputs and find no crash; and its harness must see a crash when there is
one. The long runs are the script's, not the suite's."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))


def test_ten_seconds_of_fuzzing_the_loader_find_no_crash(tmp_path: Path) -> None:
    pytest.importorskip("atheris")
    run = subprocess.run(
        [sys.executable, "benchmarks/fuzz_loader.py", "--minutes", str(10 / 60)]
        + ["--out", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    log = (tmp_path / "fuzz.log").read_text(errors="replace")[-3000:]
    assert run.returncode == 0, run.stdout + log
    assert "distinct crashes" in run.stdout
    stats = json.loads((tmp_path / "stats.json").read_text())
    assert stats["runs"] > 20, run.stdout + log
    assert stats["crashes"] == {}, run.stdout
    assert not (tmp_path / "crashes").exists()


def test_the_harness_sees_a_crash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import fuzz_loader

    from kage.content import compile as compile_module
    from kage.content.compile import Builder

    monkeypatch.setattr(compile_module, "read", compile_module.read)  # the harness swaps it
    harness = fuzz_loader.Harness(tmp_path / "work", tmp_path / "out", seconds=600)

    def planted(self: Builder, world: object) -> None:
        raise ZeroDivisionError("planted")

    monkeypatch.setattr(Builder, "check_containment", planted)
    harness(bytes([0, 9]) + b"hope: []\n")
    harness(bytes([0, 9]) + b"hope: [{text: x}]\n")
    ((key, crash),) = harness.crashes.items()
    assert key.startswith("ZeroDivisionError at compile.py:")
    assert crash["count"] == 2
    assert len(list((tmp_path / "out" / "crashes").glob("*.bin"))) == 1
    assert harness.runs == 2
