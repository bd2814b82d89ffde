"""`kage world`: the living-world report from the command line, with its plots."""

from __future__ import annotations

from pathlib import Path

from tests.content.test_cli import kage, no_traceback


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


def test_world_report_errors_are_plain(tmp_path: Path) -> None:
    for args in (
        ["synthetic:abc"],
        ["synthetic:0:10"],
        ["synthetic:10:999999999999"],
        ["no_such_world"],
        ["--at", "-1"],
        ["--at", "soon"],
    ):
        result = kage("world", *args, "--out", str(tmp_path / "o"), cache=tmp_path / "cache")
        no_traceback(result)
        assert result.returncode == 2, args
        assert result.stderr.strip(), args
