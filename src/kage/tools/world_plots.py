"""The plots of `kage world`: opinion of a faction per nation over time, and the news front
on the map.

Every series has its own colour and its own (colour, line style) pair, and is named by a
label at the end of its line; labels are spread so that none overlaps another (on the map,
adjustText moves them apart). Each series and label carries an SVG id ("series:N",
"label:N") and each label a box, so a test can read the drawing back and check all this.
The x axis ends at the day asked for. matplotlib is imported only here, when plots are drawn.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from kage.ext.living import opinion
from kage.ext.living.sim import Sim

LINE_STYLES = ("-", "--", "-.", ":")
MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*")
MAX_SERIES = 20  # distinct colours to be had; larger worlds plot their top 20 nations
LABEL_SIZE = 7
ITERATIONS = 100  # adjustText's steps moving names apart
ROWS = 30  # settlements named on the map up to twice this many


def palette(count: int) -> list[tuple[str, str]]:
    """`count` (colour, line style) pairs, colours all different (tab20's strong colours
    first, then its pale ones) and neighbours in line style too."""
    from matplotlib import colormaps
    from matplotlib.colors import to_hex

    tab = colormaps["tab20"]
    order = [*range(0, 20, 2), *range(1, 20, 2)]
    return [(to_hex(tab(order[k % 20])), LINE_STYLES[k % len(LINE_STYLES)]) for k in range(count)]


def ink(colour: str) -> str:
    """A colour dark enough for text on white: pale ones are darkened, keeping their hue."""
    from matplotlib.colors import to_hex, to_rgb

    rgb = np.array(to_rgb(colour))
    luminance = float(rgb @ np.array([0.2126, 0.7152, 0.0722]))
    return colour if luminance < 0.5 else to_hex(rgb * (0.5 / luminance) * 0.8)


def spread(wanted: list[float], gap: float, low: float, high: float) -> list[float]:
    """Positions as near `wanted` as may be with at least `gap` between any two, kept
    within [low, high] when there is room (a one-dimensional label layout)."""
    order = sorted(range(len(wanted)), key=lambda i: wanted[i])
    placed = [min(max(wanted[i], low), high) for i in order]
    for k in range(1, len(placed)):  # push up from the bottom
        placed[k] = max(placed[k], placed[k - 1] + gap)
    if placed and placed[-1] > high:  # then down from the top, if that ran over
        placed[-1] = max(high, low + gap * (len(placed) - 1))
        for k in range(len(placed) - 2, -1, -1):
            placed[k] = min(placed[k], placed[k + 1] - gap)
    out = [0.0] * len(wanted)
    for k, i in enumerate(order):
        out[i] = placed[k]
    return out


def opinion_plot(sim: Sim, target: int, at: float, out_dir: Path) -> list[Path]:
    """Opinion of faction `target` per nation from day 0 to day `at`, each line named at
    its end."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    geo = sim.static.geo
    fac = sim.static.factions
    t = int(fac.target[target])
    days = np.linspace(0, at, 121) if at > 0 else np.array([0.0])
    series = np.array([opinion.by_nation(geo, sim.opinion_at(d)[:, :, t]) for d in days])
    order = np.argsort(-series[-1], kind="stable").tolist()[:MAX_SERIES]
    fig, ax = plt.subplots(figsize=(11, 5.5))
    fig.subplots_adjust(left=0.08, right=0.74, top=0.92, bottom=0.1)
    for k, (n, (colour, style)) in enumerate(zip(order, palette(len(order)), strict=True)):
        marker = MARKERS[k % len(MARKERS)] if len(days) == 1 else None  # day 0: a point each
        (line,) = ax.plot(days, series[:, n], color=colour, linestyle=style, marker=marker)
        line.set_gid(f"series:{k}")
    if at > 0:
        ax.set_xlim(0, at)
    else:
        ax.set_xlim(-0.5, 0.5)
        ax.set_xticks([0])
    low, high = float(series.min()), float(series.max())
    pad = max(5.0, (high - low) * 0.08)
    ax.set_ylim(low - pad, high + pad)
    ax.set_xlabel("day")
    ax.set_ylabel(f"opinion of {fac.names[target]}")
    span = f"days 0 to {at:g}" if at > 0 else "on day 0"
    ax.set_title(f"Opinion of {fac.names[target]} by nation, {span}")
    _end_labels(fig, ax, [geo.nation_names[n] for n in order], series[-1, order], at)
    written = _save(fig, out_dir / "opinion_over_time")
    plt.close(fig)
    return written


def _end_labels(fig: Any, ax: Any, names: list[str], ends: Any, at: float) -> None:
    """Name each line at its right end, the names spread apart, a thin leader to each."""
    styles = palette(len(names))
    to_axes = ax.transAxes.inverted()
    wanted = [float(to_axes.transform(ax.transData.transform((at, y)))[1]) for y in ends]
    height_px = LABEL_SIZE * 1.45 * fig.dpi / 72  # one label's box, in pixels
    gap = height_px / ax.get_window_extent().height
    placed = spread(wanted, gap, 0.0, 1.0)
    for k, (name, y) in enumerate(zip(names, placed, strict=True)):
        label = ax.annotate(
            name,
            xy=(1.0, wanted[k]),
            xycoords="axes fraction",
            xytext=(1.04, y),
            textcoords="axes fraction",
            fontsize=LABEL_SIZE,
            va="center",
            color=ink(styles[k][0]),
            bbox={"boxstyle": "square,pad=0.15", "fc": "white", "ec": "none"},
            arrowprops={"arrowstyle": "-", "color": styles[k][0], "lw": 0.6},
            annotation_clip=False,
        )
        label.set_gid(f"label:{k}")


def news_plot(sim: Sim, item: Any, at: float, title: str, out_dir: Path) -> list[Path]:
    """Where news `item` has arrived by day `at`; settlements named, no name over another."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    geo = sim.static.geo
    fig, ax = plt.subplots(figsize=(8, 8))
    a, b, _ = geo.roads()
    if len(a) <= 20_000:
        from matplotlib.collections import LineCollection

        segments = np.stack([geo.pos[a], geo.pos[b]], axis=1)
        ax.add_collection(LineCollection(segments, colors="#cccccc", linewidths=0.6, zorder=1))
    arrival = np.where(np.isfinite(item.arrival), item.arrival - item.born, np.nan)
    known = item.arrival <= at
    size = 60 if geo.size <= ROWS * 2 else max(2, 4000 // geo.size + 1)
    points = ax.scatter(
        geo.pos[:, 0],
        geo.pos[:, 1],
        c=arrival,
        cmap="viridis",
        s=size,
        zorder=2,
        edgecolors=np.where(known, "black", "none").tolist(),
        linewidths=0.8,
    )
    fig.colorbar(points, ax=ax, label="days for the news to arrive")
    ax.scatter(*geo.pos[item.origin], marker="*", s=250, c="red", zorder=3, label="origin")
    ax.set_title(title)
    ax.set_aspect("equal")
    ax.margins(0.12)
    ax.legend(loc="lower right")
    fig.tight_layout()
    ax.set_autoscale_on(False)  # names are placed in pixels: the scale must hold still
    if geo.size <= ROWS * 2:
        _place_names(fig, ax, [geo.names[s] for s in range(geo.size)], geo.pos)
    written = _save(fig, out_dir / "news_front")
    plt.close(fig)
    return written


def _place_names(fig: Any, ax: Any, names: list[str], pos: Any) -> None:
    """Each settlement's name beside its dot, moved apart by adjustText until none
    overlaps another."""
    from adjustText import adjust_text

    texts = []
    for s, name in enumerate(names):
        text = ax.text(
            float(pos[s, 0]),
            float(pos[s, 1]),
            name,
            fontsize=6,
            bbox={"boxstyle": "square,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.8},
            zorder=4,
        )
        text.set_gid(f"label:{s}")
        texts.append(text)
    adjust_text(
        texts,
        x=pos[:, 0].tolist(),
        y=pos[:, 1].tolist(),
        ax=ax,
        iter_lim=ITERATIONS,  # not its default time limit: the same map every time
    )
    _settle(fig, ax, texts, pos)
    for s, text in enumerate(texts):  # a leader from each name moved off its dot
        x, y = text.get_position()
        if np.hypot(x - pos[s, 0], y - pos[s, 1]) > 0:
            ax.plot([pos[s, 0], x], [pos[s, 1], y], color="#888888", lw=0.5, zorder=1.5)


def _settle(fig: Any, ax: Any, texts: list[Any], pos: Any) -> None:
    """Where adjustText left a name over another, put it at the first free spot of a ring
    of spots around its dot, farther and farther out."""
    renderer = fig.canvas.get_renderer()
    margin = 2.0  # pixels: each box's padding and a little air

    def extent(text: Any) -> Any:
        # a little wider than measured: text in the SVG is not hinted as on this screen
        return text.get_window_extent(renderer).expanded(1.08, 1.1).padded(margin)

    boxes = [extent(t) for t in texts]
    for i, text in enumerate(texts):
        if not any(boxes[i].overlaps(b) for j, b in enumerate(boxes) if j != i):
            continue
        dot = ax.transData.transform(pos[i])
        width, height = boxes[i].width, boxes[i].height
        for ring in range(1, 16):
            spots = [
                (dot[0] + dx * ring * 6 + (0 if dx >= 0 else -width), dot[1] + dy * ring * 4)
                for dx, dy in AROUND
            ]
            free = next(
                (
                    (x, y)
                    for x, y in spots
                    if not any(
                        _box(x, y, width, height).overlaps(b) for j, b in enumerate(boxes) if j != i
                    )
                ),
                None,
            )
            if free is not None:
                text.set_position(ax.transData.inverted().transform((free[0] + margin, free[1])))
                text.set_horizontalalignment("left")
                text.set_verticalalignment("bottom")
                boxes[i] = extent(text)
                break


AROUND = ((1, 0), (-1, 0), (1, 1), (-1, 1), (1, -1), (-1, -1), (0, 1), (0, -1))


def _box(x: float, y: float, width: float, height: float) -> Any:
    from matplotlib.transforms import Bbox

    return Bbox.from_bounds(x, y, width, height)


def _save(fig: Any, stem: Path) -> list[Path]:
    paths = [stem.with_suffix(".png"), stem.with_suffix(".svg")]
    for path in paths:
        fig.savefig(path, dpi=110)
    return paths
