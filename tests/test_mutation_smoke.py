"""Smoke test of benchmarks/mutation.py on a tiny module (about 25 mutants, two runs).

Weak tests must let a known-bad mutant through and the script must show it with its line
and diff; strong tests must kill that same mutant and every other. If the script (or
mutmut under it) stops planting or detecting mutants, this goes red."""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("mutmut")

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "benchmarks" / "mutation.py"
MODULE = "src/kage/world/rng.py"
# The known-bad mutant: SplitMix64 stepping backwards, `state + _GAMMA` -> `state - _GAMMA`.
# Its values are still 64-bit and distinct, so only a test of the actual sequence sees it.
KNOWN_BAD = "+    state = (state - _GAMMA) & _MASK"


def mutate(out: Path, tests: str, *options: str) -> dict[str, Any]:
    command = [sys.executable, str(SCRIPT), MODULE, "--tests", tests, "--out", str(out)]
    done = subprocess.run(
        [*command, "--survivors", *options],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    (result,) = json.loads((out / "results.json").read_text()).values()
    return {"stdout": done.stdout, **result}


def test_a_known_bad_mutant_survives_weak_tests_and_is_killed_by_strong_ones(
    tmp_path: Path,
) -> None:
    weak = mutate(
        tmp_path / "weak", "tests/world/test_rng.py::test_outputs_are_64_bit_and_do_not_repeat"
    )
    counts = weak["counts"][MODULE]
    assert counts["mutants"] >= 15
    assert 0 < counts["survived"] < counts["mutants"]
    # each survivor is listed with its line in the module and its diff
    shown = re.split(r"^## ", weak["stdout"], flags=re.M)[1:]
    assert len(shown) == len(weak["survivors"][MODULE])
    (bad,) = [s for s in shown if KNOWN_BAD in s]
    where, name = bad.split("\n", 1)[0].split()
    assert where == f"{MODULE}:16"
    assert weak["verdicts"][name] == "survived"

    # re-checking the survivors with other tests re-checks every mutant: mutmut forgets
    # all its verdicts when the tests change, and none may be left unchecked
    strong = mutate(tmp_path / "weak", "tests/world/test_rng.py", "--rerun-survivors")
    counts = strong["counts"][MODULE]
    assert strong["verdicts"][name] == "killed"
    assert counts["killed"] == counts["mutants"] == len(weak["verdicts"])
    assert re.search(
        rf"\| kage/world/rng.py \| {counts['mutants']} +\| {counts['mutants']} ", strong["stdout"]
    )


def load_script() -> Any:
    spec = importlib.util.spec_from_file_location("mutation_script", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def test_named_test_folders_still_leave_out_the_tests_that_cannot_run_in_the_copy() -> None:
    # The fuzz smoke test runs benchmarks/, which the scratch copy lacks: collected, it
    # fails the clean run and the whole mutation run ends in errors.
    script = load_script()
    smoke, kills = script.FUZZ_SMOKE, script.KILLS
    assert smoke in script.resolve("src/kage/parser/nouns.py", ["tests/parser/"]).ignore
    assert smoke in script.resolve("parser", ["./tests/parser", "tests/actions"]).ignore
    assert {smoke, kills} <= set(script.resolve("src/kage/world/rng.py", ["tests"]).ignore)
    # tests that would not collect them, or that name them, leave nothing out
    assert script.resolve("parser", ["tests/parser/test_reading.py"]).ignore == []
    assert script.resolve("src/kage/parser/nouns.py", [smoke]).ignore == []
