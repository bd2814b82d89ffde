"""Factions and diplomacy: who is bound to whom by alliance, pact, trade or patronage, and
how those bonds change when opinion crosses a treaty's thresholds.

A faction's view of another is the opinion of its seats' people, weighted by population
and by whose voice counts (a fortress listens to its soldiers, a court to its
courtiers). The rules, applied once a day to each party of each treaty:

- a party that does not honour the treaty's kind breaks it when its view of the other
  falls below `breaks_below - 50 x loyalty` (a loyal faction takes more before it walks);
- below `strains_below - 50 x loyalty` the treaty is strained: half its value flows;
  it eases again 10 points above that line;
- a broken treaty with `restores_above` is restored when both views are above it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from kage.ext.living.geography import Geography

ACTIVE, STRAINED, BROKEN = 0, 1, 2
STATUS = ("in force", "strained", "broken")
LOYALTY_SPAN = 50.0
EASE = 10.0


@dataclass
class Factions:
    """Factions, with their seats as sparse rows (faction, settlement, group, weight)
    sorted by faction, so a faction's view is one segmented sum over its rows."""

    ids: list[str]
    names: list[str]
    seat_f: np.ndarray  # (K,) faction of each row, sorted
    seat_s: np.ndarray  # (K,) settlement
    seat_g: np.ndarray  # (K,) group
    seat_w: np.ndarray  # (K,) share of the faction's voice (each faction's rows sum to 1)
    starts: np.ndarray  # (F,) first row of each faction
    loyalty: np.ndarray  # (F,)
    honours: list[frozenset[str]]
    income: np.ndarray  # (F,)
    seat: np.ndarray  # (F,) first seat: where its news is born
    target: np.ndarray  # (F,) index of each faction among opinion targets
    base_views: np.ndarray | None = None  # (F, F) views before any news

    @property
    def index(self) -> dict[str, int]:
        return {f: i for i, f in enumerate(self.ids)}

    def segment_sum(self, rows: np.ndarray) -> np.ndarray:
        """Sum of per-row values (K,) or (K, n) for each faction."""
        return np.add.reduceat(rows, self.starts, axis=0)

    def views(self, opinion: np.ndarray) -> np.ndarray:
        """(F, F): faction i's opinion of faction j, from a full (S, G, T) opinion."""
        rows = opinion[self.seat_s, self.seat_g][:, self.target]  # (K, F)
        return self.segment_sum(rows * self.seat_w[:, None])


@dataclass
class Treaties:
    ids: list[str]
    kinds: list[str]
    a: np.ndarray  # (n,) faction index
    b: np.ndarray
    breaks: np.ndarray  # (n,)
    strains: np.ndarray  # nan: never strained
    restores: np.ndarray  # nan: never restored
    value: np.ndarray  # (n, 2) income to a and to b
    honoured: np.ndarray  # (n, 2) bool: does a / b honour this kind
    told: list[str]
    effects: list[dict[str, list[dict[str, Any]]]]  # on_break / on_strain / on_restore
    _lines: dict[str, np.ndarray] | None = None

    def lines(self, factions: Factions) -> dict[str, np.ndarray]:
        """Each party's lines (n,), loyalty taken into account; nan: no such line (a
        party never breaks a kind of treaty it honours). Worked out once, for the
        factions these treaties were made with."""
        if self._lines is None:
            lines = {}
            for k, (side, party) in enumerate((("a", self.a), ("b", self.b))):
                slack = LOYALTY_SPAN * factions.loyalty[party]
                lines[f"breaks_{side}"] = np.where(self.honoured[:, k], np.nan, self.breaks - slack)
                lines[f"strains_{side}"] = self.strains - slack
                lines[f"eases_{side}"] = self.strains - slack + EASE
            self._lines = lines
        return self._lines


def seats(
    geo: Geography, members: list[list[int]], voices: list[dict[str, float]]
) -> tuple[np.ndarray, ...]:
    """Sparse seat rows from each faction's settlements and whose voice counts. A faction
    without people keeps one row of weight 0, so every faction has a segment."""
    f_rows, s_rows, g_rows, w_rows = [], [], [], []
    for f, (places, voice) in enumerate(zip(members, voices, strict=True)):
        weights = [
            (s, g, geo.pop[s, g] * (voice.get(group, 0.0) if voice else 1.0))
            for s in places
            for g, group in enumerate(geo.groups)
        ]
        weights = [w for w in weights if w[2] > 0] or [(places[0] if places else 0, 0, 0.0)]
        total = sum(w for _, _, w in weights) or 1.0
        for s, g, w in weights:
            f_rows.append(f)
            s_rows.append(s)
            g_rows.append(g)
            w_rows.append(w / total)
    seat_f = np.array(f_rows, dtype=np.int64)
    starts = np.searchsorted(seat_f, np.arange(len(members)))
    return (
        seat_f,
        np.array(s_rows, dtype=np.int64),
        np.array(g_rows, dtype=np.int64),
        np.array(w_rows),
        starts,
    )


def from_data(
    geo: Geography, data: dict[str, Any], targets: dict[str, int]
) -> tuple[Factions, Treaties]:
    entries = list(data.get("factions", {}).values())
    members = [[geo.index[s] for s in e["seats"]] for e in entries]
    seat_f, seat_s, seat_g, seat_w, starts = seats(
        geo, members, [e.get("voice", {}) for e in entries]
    )
    factions = Factions(
        ids=[e["id"] for e in entries],
        names=[e["name"] for e in entries],
        seat_f=seat_f,
        seat_s=seat_s,
        seat_g=seat_g,
        seat_w=seat_w,
        starts=starts,
        loyalty=np.array([e.get("loyalty", 0.0) for e in entries]),
        honours=[frozenset(e.get("honours", [])) for e in entries],
        income=np.array([float(e.get("income", 0)) for e in entries]),
        seat=np.array([m[0] if m else 0 for m in members], dtype=np.int64),
        target=np.array([targets[e["id"]] for e in entries], dtype=np.int64),
    )
    return factions, treaties_from(factions, list(data.get("treaties", {}).values()))


def treaties_from(factions: Factions, entries: list[dict[str, Any]]) -> Treaties:
    index = factions.index
    a = np.array([index[e["between"][0]] for e in entries], dtype=np.int64)
    b = np.array([index[e["between"][1]] for e in entries], dtype=np.int64)

    def number(value: Any) -> float:
        return float("nan") if value is None else float(value)

    return Treaties(
        ids=[e["id"] for e in entries],
        kinds=[e["kind"] for e in entries],
        a=a,
        b=b,
        breaks=np.array([number(e.get("breaks_below", -30)) for e in entries]),
        strains=np.array([number(e.get("strains_below")) for e in entries]),
        restores=np.array([number(e.get("restores_above")) for e in entries]),
        value=np.array(
            [[e.get("value", {}).get(e["between"][k], 0.0) for k in (0, 1)] for e in entries]
        ).reshape(len(entries), 2),
        honoured=np.array(
            [
                [e["kind"] in factions.honours[index[e["between"][k]]] for k in (0, 1)]
                for e in entries
            ],
            dtype=bool,
        ).reshape(len(entries), 2),
        told=[e.get("told", "") for e in entries],
        effects=[
            {k: e.get(k, []) for k in ("on_break", "on_strain", "on_restore")} for e in entries
        ],
    )


def evaluate(
    factions: Factions, treaties: Treaties, views: np.ndarray, status: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Apply the rules once: (new status, index of the party that acted, -1 for none)."""
    if not len(status):
        return status.copy(), np.full(0, -1, dtype=np.int64)
    table, acting = outcomes(factions, treaties, views)
    new = table[status, np.arange(len(status))]
    return new, np.where(new != status, acting, -1)


def outcomes(
    factions: Factions, treaties: Treaties, views: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """The rules worked out for every status a treaty might have, so a day's outcome is a
    lookup. `views` is (F, F), or (days, F, F) for several days at once; returns the new
    status (..., 3, n), indexed by the status before, and the party that would act (..., n).
    """
    a, b = treaties.a, treaties.b
    view_a, view_b = views[..., a, b], views[..., b, a]  # each party's view of the other
    lines = treaties.lines(factions)
    # comparisons with nan (no such line) are simply False
    breaking_a, breaking_b = view_a < lines["breaks_a"], view_b < lines["breaks_b"]
    straining_a, straining_b = view_a < lines["strains_a"], view_b < lines["strains_b"]
    easing = (view_a >= lines["eases_a"]) & (view_b >= lines["eases_b"])
    restoring = (view_a >= treaties.restores) & (view_b >= treaties.restores)
    breaks = breaking_a | breaking_b
    strains = ~breaks & (straining_a | straining_b)
    table = np.empty((*view_a.shape[:-1], 3, len(a)), dtype=np.int64)
    table[..., ACTIVE, :] = np.where(breaks, BROKEN, np.where(strains, STRAINED, ACTIVE))
    table[..., STRAINED, :] = np.where(
        breaks, BROKEN, np.where(strains | ~easing, STRAINED, ACTIVE)
    )
    table[..., BROKEN, :] = np.where(restoring, ACTIVE, BROKEN)
    return table, np.where(breaking_a | straining_a, a, b)


def income(factions: Factions, treaties: Treaties, status: np.ndarray) -> np.ndarray:
    """Each faction's income: its own, plus what its treaties bring (half when strained)."""
    flow = np.select([status == ACTIVE, status == STRAINED], [1.0, 0.5], 0.0)
    total = factions.income.copy()
    np.add.at(total, treaties.a, treaties.value[:, 0] * flow)
    np.add.at(total, treaties.b, treaties.value[:, 1] * flow)
    return total
