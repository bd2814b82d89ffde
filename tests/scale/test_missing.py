"""Without Ray, `kage solve --workers` says how to install it, and nothing else breaks."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kage.interfaces.cli import main
from kage.scale import RayMissing, ray_module
from kage.scale.rollouts import rollouts

WELL = Path(__file__).parents[1] / "data" / "worlds" / "well"


@pytest.fixture
def no_ray(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)  # what `import ray` meets when absent


def test_solve_with_workers_without_ray_is_a_usage_error(no_ray: None) -> None:
    result = CliRunner().invoke(main, ["solve", str(WELL), "--workers", "2"])
    assert result.exit_code == 2
    assert "kage solve --workers needs Ray, which is not installed here" in result.output
    assert "pip install 'kage[ray]'" in result.output


def test_rollouts_without_ray_say_so_and_workers_0_needs_none(no_ray: None) -> None:
    with pytest.raises(RayMissing, match=r"kage\[ray\]"):
        rollouts("cloak", episodes=1, workers=2, max_steps=2)
    with pytest.raises(RayMissing):
        ray_module()
    (episode,) = rollouts("cloak", episodes=1, workers=0, max_steps=3)
    assert 0 < episode.steps <= 3
