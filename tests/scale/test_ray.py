"""Scale-out on a local Ray instance with 2 workers: rollouts that come back exactly as one
process plays them, the example, and a distributed solve of the well that reports what the
single-process solver reports. Skipped only where the ray extra is not installed; the
Ray instance is started once for the module (some 10-20 s of the module's time)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

ray = pytest.importorskip("ray")

from kage import worlds  # noqa: E402
from kage.interfaces.cli import main  # noqa: E402
from kage.scale.frontier import solve_distributed  # noqa: E402
from kage.scale.rollouts import rollouts  # noqa: E402
from kage.tools.solve import Bounds, solve  # noqa: E402

WELL = Path(__file__).parents[1] / "data" / "worlds" / "well"
EXAMPLE = Path(__file__).parents[2] / "examples" / "ray_rollouts.py"
# the parts of a report that say how it was computed, not what was found
HOW = ("seconds", "commands_tried", "notes")


@pytest.fixture(scope="module", autouse=True)
def local_ray():  # noqa: ANN201
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()


def found(report: dict) -> dict:  # type: ignore[type-arg]
    return {k: v for k, v in report.items() if k not in HOW}


def test_rollouts_on_two_workers_are_the_episodes_one_process_plays() -> None:
    spread = rollouts("cloak", episodes=6, workers=2, max_steps=12)
    here = rollouts("cloak", episodes=6, workers=0, max_steps=12)
    assert spread == here
    assert [e.seed for e in spread] == list(range(6))
    assert all(e.steps == len(e.rewards) > 0 for e in spread)
    assert len({tuple(e.commands) for e in spread}) > 1  # the seeds really differ


def test_the_example_runs_on_one_and_two_workers(capsys: pytest.CaptureFixture[str]) -> None:
    spec = importlib.util.spec_from_file_location("ray_rollouts", EXAMPLE)
    assert spec and spec.loader
    example = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(example)
    rates = example.main(["--episodes", "4", "--steps", "8", "--workers", "1", "2"])
    assert set(rates) == {1, 2} and all(rate > 0 for rate in rates.values())
    printed = capsys.readouterr().out.splitlines()
    assert [line.split(":")[0] for line in printed] == ["1 worker(s)", "2 worker(s)"]


def test_a_distributed_solve_reports_what_one_process_finds() -> None:
    well = worlds.load(str(WELL))
    bounds = Bounds(seconds=50, max_states=300)
    one = solve(well, prefix=["take key"], bounds=bounds, stop_on_win=True)
    two = solve_distributed(well, 2, prefix=["take key"], bounds=bounds, stop_on_win=True)
    assert one.win and two.win_verified and one.states > 10  # 16 states to the win
    assert found(two.to_json()) == found(one.to_json())


def test_kage_solve_with_workers_bounded_by_states(tmp_path: Path) -> None:
    """A search cut by a bound is cut at the same state: the bounds are checked between
    merged states, as one process checks them between expanded ones."""
    one = solve(worlds.load(str(WELL)), bounds=Bounds(max_states=8))
    result = CliRunner().invoke(
        main, ["solve", str(WELL), "--json", "--max-states", "8", "--workers", "2"]
    )
    assert result.exit_code == 1, result.output  # no win within 8 states (the first is at 16)
    two = json.loads(result.output)
    assert two["stopped"] == "states" and two["notes"][-1].endswith("2 Ray workers.")
    assert found(two) == found(json.loads(json.dumps(one.to_json())))
