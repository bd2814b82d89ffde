"""The plots of `kage world`, read back from the SVG files they are written to: every
nation its own line (colour, and colour with line style), every line named at its end, no
label over another, and nothing drawn past the day asked for. And the report's words:
no internal ids in the chronicle, counts that agree."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from kage.tools.world_plots import spread
from kage.tools.world_report import report

pytest.importorskip("matplotlib")

SVG = "{http://www.w3.org/2000/svg}"
NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
Box = tuple[float, float, float, float]


def groups(path: Path, prefix: str) -> dict[str, ET.Element]:
    root = ET.parse(path).getroot()
    return {g.get("id", ""): g for g in root.iter(f"{SVG}g") if g.get("id", "").startswith(prefix)}


def style(element: ET.Element) -> dict[str, str]:
    pairs = (part.split(":", 1) for part in (element.get("style") or "").split(";") if ":" in part)
    return {k.strip(): v.strip() for k, v in pairs}


def box(group: ET.Element) -> Box:
    """The white box drawn behind a label: (left, top, right, bottom) in SVG units."""
    for path in group.iter(f"{SVG}path"):
        if style(path).get("fill") == "#ffffff":
            numbers = [float(n) for n in NUMBER.findall(path.get("d", ""))]
            xs, ys = numbers[0::2], numbers[1::2]
            return min(xs), min(ys), max(xs), max(ys)
    raise AssertionError(f"label {group.get('id')} has no box")


def overlapping(boxes: dict[str, Box]) -> list[tuple[str, str]]:
    names = sorted(boxes)
    found = []
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            (l1, t1, r1, b1), (l2, t2, r2, b2) = boxes[a], boxes[b]
            if l1 < r2 and l2 < r1 and t1 < b2 and t2 < b1:
                found.append((a, b))
    return found


def tick_labels(path: Path, axis: str) -> list[tuple[float, str]]:
    """The ticks of an axis: (position, label). matplotlib draws a label as glyphs and
    writes its text beside them in a comment."""
    parser = ET.XMLParser(target=ET.TreeBuilder(insert_comments=True))
    root = ET.parse(path, parser).getroot()
    ticks = []
    for group in root.iter(f"{SVG}g"):
        if not re.fullmatch(rf"{axis}tick_\d+", group.get("id", "")):
            continue
        mark = next(u for u in group.iter(f"{SVG}use") if u.get(axis))
        comment = next(c for c in group.iter() if c.tag is ET.Comment)
        text = (comment.text or "").strip().replace("\u2212", "-")
        ticks.append((float(mark.get(axis, "0")), text))
    return sorted(ticks)


def right_edge(path: Path) -> float:
    """Where the plot area ends on the right: its background patch."""
    root = ET.parse(path).getroot()
    axes = next(g for g in root.iter(f"{SVG}g") if g.get("id") == "axes_1")
    background = next(axes.iter(f"{SVG}path"))
    return max(float(n) for n in NUMBER.findall(background.get("d", ""))[0::2])


def last_day_shown(path: Path) -> float:
    """The day at the right edge of the plot, from the axis' ticks."""
    ticks = [(x, float(t)) for x, t in tick_labels(path, "x") if t]
    (x0, d0), (x1, d1) = ticks[0], ticks[-1]
    return d0 + (right_edge(path) - x0) * (d1 - d0) / (x1 - x0)


@pytest.fixture(scope="module")
def banished_report(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    out = tmp_path_factory.mktemp("report")
    return report(None, 7, out), out


def test_every_nation_has_a_line_of_its_own(banished_report: tuple[str, Path]) -> None:
    _, out = banished_report
    series = groups(out / "opinion_over_time.svg", "series:")
    assert len(series) == 14  # Banished's fourteen nations
    looks = []
    for group in series.values():
        line = style(next(group.iter(f"{SVG}path")))
        looks.append((line["stroke"], line.get("stroke-dasharray", "solid")))
    assert len({colour for colour, _ in looks}) == len(looks)  # colours all different
    assert len({dash for _, dash in looks}) >= 4  # and line styles vary too
    assert len(set(looks)) == len(looks)


def test_every_line_is_named_at_its_end_and_no_name_covers_another(
    banished_report: tuple[str, Path],
) -> None:
    _, out = banished_report
    labels = {k: box(g) for k, g in groups(out / "opinion_over_time.svg", "label:").items()}
    assert len(labels) == 14
    edge = right_edge(out / "opinion_over_time.svg")
    assert all(left > edge for left, _, _, _ in labels.values())  # beyond the lines' ends
    assert overlapping(labels) == []


def test_no_settlement_name_on_the_map_covers_another(banished_report: tuple[str, Path]) -> None:
    _, out = banished_report
    labels = {k: box(g) for k, g in groups(out / "news_front.svg", "label:").items()}
    assert len(labels) == 21  # Banished's settlements
    assert overlapping(labels) == []


@pytest.mark.parametrize("day", [7, 3])
def test_the_plot_ends_at_the_day_asked_for(tmp_path: Path, day: int) -> None:
    text = report(None, day, tmp_path)
    assert last_day_shown(tmp_path / "opinion_over_time.svg") == pytest.approx(day, abs=0.05)
    series = groups(tmp_path / "opinion_over_time.svg", "series:")
    ends = [
        max(map(float, NUMBER.findall(next(g.iter(f"{SVG}path")).get("d", ""))[0::2]))
        for g in series.values()
    ]
    assert max(ends) <= right_edge(tmp_path / "opinion_over_time.svg") + 0.01
    header = next(line for line in text.splitlines() if line.startswith("| nation "))
    columns = [float(c.strip()[1:]) for c in header.split("|")[2:-1]]
    assert max(columns) == day  # the table has no column past the day either


def test_the_chronicle_speaks_in_names_not_ids(banished_report: tuple[str, Path]) -> None:
    text, _ = banished_report
    chronicle = text.split("\nChronicle\n", 1)[1].split("\nPlots:", 1)[0]
    assert "the trade between the Hidden Leaf and the Land of Tea is broken by the Land of Tea" in (
        chronicle
    )
    assert not re.search(r"\b[a-z]+_[a-z_]+\b", chronicle)  # no leaf_tea_trade, fire_court
    assert not re.search(r"\bby (tea|wave|fire_court)\b", chronicle)


def test_counts_agree_with_their_nouns(tmp_path: Path) -> None:
    one = report("synthetic:1:1:7", 1, tmp_path / "one")
    assert "a synthetic world (1 settlement, 1 person), day 1" in one
    two = report("synthetic:2:0:7", 1, tmp_path / "two")
    assert "a synthetic world (2 settlements, 0 people), day 1" in two


def test_labels_are_spread_apart_but_stay_near_their_lines() -> None:
    placed = spread([0.5, 0.5, 0.5, 0.9, 0.1], 0.1, 0.0, 1.0)
    ordered = sorted(placed)
    assert all(b - a >= 0.1 - 1e-9 for a, b in zip(ordered, ordered[1:], strict=False))
    assert placed[4] == 0.1 and placed[3] == 0.9  # the ones with room stay put
    crowded = spread([0.99] * 5, 0.1, 0.0, 1.0)
    assert max(crowded) <= 1.0 and min(crowded) >= 0.0


@pytest.mark.parametrize("world", ["synthetic:40:0:1", "synthetic:60:0:2"])
def test_names_in_a_crowded_map_are_moved_apart(tmp_path: Path, world: str) -> None:
    report(world, 2, tmp_path)
    labels = {k: box(g) for k, g in groups(tmp_path / "news_front.svg", "label:").items()}
    assert len(labels) == int(world.split(":")[1])
    assert overlapping(labels) == []


def test_day_zero_is_one_point_a_nation_and_no_other_day(tmp_path: Path) -> None:
    report(None, 0, tmp_path)
    assert [t for _, t in tick_labels(tmp_path / "opinion_over_time.svg", "x")] == ["0"]
    assert len(groups(tmp_path / "opinion_over_time.svg", "series:")) == 14


def test_line_names_are_dark_enough_to_read(banished_report: tuple[str, Path]) -> None:
    _, out = banished_report
    for gid, group in groups(out / "opinion_over_time.svg", "label:").items():
        fills = [style(g).get("fill", "") for g in group.iter(f"{SVG}g") if style(g).get("fill")]
        assert fills, gid
        for fill in fills:
            r, g, b = (int(fill[i : i + 2], 16) / 255 for i in (1, 3, 5))
            assert 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5, (gid, fill)
