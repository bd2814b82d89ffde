"""`kage world`: the living-world report from the command line, with its plots."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.content.test_cli import kage, no_traceback

from kage.tools import world_args


def test_world_report_at_a_day_writes_plots(tmp_path: Path) -> None:
    out = tmp_path / "report"
    result = kage("world", "--at", "7", "--out", str(out), cache=tmp_path / "cache")
    no_traceback(result)
    assert result.returncode == 0, result.stderr
    assert "The living world of Banished, day 7" in result.stdout
    assert "Oashisu" in result.stdout and "Naruto" in result.stdout
    for name in ("opinion_over_time", "news_front"):
        assert (out / f"{name}.png").stat().st_size > 1000
        assert (out / f"{name}.svg").read_text().lstrip().startswith("<?xml")


BAD_ARGUMENTS = [
    ["synthetic:abc"],
    ["synthetic:0:10"],
    ["synthetic:10:999999999999"],
    ["synthetic:::"],
    ["synthetic:0:0"],
    ["synthetic:"],
    ["synthetic:10"],
    ["synthetic:10:10:1:2"],
    ["synthetic:-5:10"],
    ["synthetic:1e3:10"],
    ["synthetic:١٠:10"],  # Arabic-Indic digits: int() takes them, a size should not
    ["synthetic:30001:10"],
    ["synthetic:10:10000001"],
    ["synthetic:10:10:99999999999999999999"],
    ["synthetic:200000:20000000", "--at", "3650"],  # ran for minutes within the old limits
    ["synthetic:10000:1000000", "--at", "3650"],  # each within limits; together too much
    ["no_such_world"],
    ["--at", "-1"],
    ["--at", "soon"],
    ["--at", "nan"],
    ["--at", "inf"],
    ["--at", "-inf"],
    ["--at", "3650.5"],
    ["--at", "1e400"],
]


@pytest.mark.parametrize("args", BAD_ARGUMENTS, ids=" ".join)
def test_world_report_errors_are_plain(tmp_path: Path, args: list[str]) -> None:
    """Each is refused at once with a usage error (exit status 2), never a traceback."""
    result = kage("world", *args, "--out", str(tmp_path / "o"), cache=tmp_path / "cache")
    no_traceback(result)
    assert result.returncode == 2, args
    assert result.stderr.strip(), args
    assert not (tmp_path / "o").exists()


def test_an_empty_out_folder_is_refused(tmp_path: Path) -> None:
    result = kage("world", "--out", "", cache=tmp_path / "cache")
    no_traceback(result)
    assert result.returncode == 2
    assert "'--out'" in result.stderr and "empty" in result.stderr


def test_the_limits_are_in_the_help(tmp_path: Path) -> None:
    result = kage("world", "--help", cache=tmp_path / "cache")
    assert result.returncode == 0
    text = " ".join(result.stdout.split())
    assert f"1 to {world_args.MAX_SETTLEMENTS:,} settlements" in text
    assert f"0 to {world_args.MAX_PEOPLE:,} people" in text
    assert f"at most {world_args.MAX_LIVED:,}" in text
    assert f"0 to {world_args.MAX_DAY}" in text


def test_every_example_in_the_limits_is_within_them() -> None:
    world = world_args.parse_synthetic("synthetic:10000:990000")
    world_args.check_budget(world, 300)
    with pytest.raises(ValueError, match="at most 300 days"):
        world_args.check_budget(world, 301)


def test_a_small_synthetic_world_at_the_last_day(tmp_path: Path) -> None:
    out = tmp_path / "o"
    result = kage(
        "world", "synthetic:1:0:7", "--at", "3650", "--out", str(out), cache=tmp_path / "c"
    )
    no_traceback(result)
    assert result.returncode == 0, result.stderr
    assert "a synthetic world (1 settlement, 0 people), day 3650" in result.stdout
