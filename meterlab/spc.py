"""Statistical process control across sessions: capability and control-chart signals.

Quality staff ask of a plan run on many units and benches: is each check's process
centred and capable, and is it in control? Per check (and per station when asked) this
module gives the count of valid readings, mean, σ (sample), Cp and Cpk against the
check's limits (`stats.capability`, the same formula as a single run's), the fraction
of readings outside the limits, and the individuals / moving-range chart's figures with
the points that break a Western Electric rule (Western Electric, *Statistical Quality
Control Handbook*, 1956; summarised in NIST/SEMATECH e-Handbook §6.3.2):

1. one point beyond 3σ from the centre line;
2. two of three consecutive points beyond 2σ on the same side;
3. four of five consecutive points beyond 1σ on the same side;
4. eight consecutive points on the same side of the centre line.

σ for the chart is the short-term estimate MR̄ / d2 (d2 = 1.128 for ranges of two), as
an individuals chart uses; the MR chart's upper limit is D4·MR̄ (D4 = 3.267). A point is
marked at the reading that completes the pattern. Overloads and errors never enter the
figures (they are counted apart), as in `stats`.

Qt-free and independent of the engine: `load_series` reads a lab database's chained
batches (their packed value arrays, decoded by numpy: a million values without one
Python object each), or a bench's SQLite file through the store's DataFrame.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from meterlab.stats import capability

D2 = 1.128
D4 = 3.267


@dataclass(frozen=True)
class Limits:
    lower: float
    upper: float
    unit: str


@dataclass
class Series:
    """One check's valid readings (in time order) with its limits; `group` is the station
    when grouping by station, else ""."""

    check_id: str
    group: str
    values: np.ndarray
    limits: Limits
    n_overload: int = 0


@dataclass(frozen=True)
class ControlChart:
    centre: float
    sigma: float          # MR̄ / d2
    mr: np.ndarray        # moving ranges (len n-1)
    mr_bar: float
    mr_ucl: float
    signals: dict[int, tuple[int, ...]]  # rule → indices of points marked

    @property
    def ucl(self) -> float:
        return self.centre + 3 * self.sigma

    @property
    def lcl(self) -> float:
        return self.centre - 3 * self.sigma

    def out_of_control(self) -> np.ndarray:
        """Indices marked by any rule, sorted."""
        idx = {i for v in self.signals.values() for i in v}
        return np.array(sorted(idx), dtype=np.int64)


@dataclass
class CheckStats:
    series: Series
    count: int
    mean: float | None
    std: float | None
    cp: float | None
    cpk: float | None
    frac_out: float | None
    chart: ControlChart | None = field(default=None, repr=False)


def _window_count(flags: np.ndarray, width: int) -> np.ndarray:
    """For each index i ≥ width-1, how many of flags[i-width+1 .. i] are set."""
    c = np.concatenate(([0], np.cumsum(flags.astype(np.int64))))
    out = np.zeros(flags.shape[0], dtype=np.int64)
    if flags.shape[0] >= width:
        out[width - 1:] = c[width:] - c[:-width]
    return out


def western_electric(x: np.ndarray, centre: float, sigma: float) -> dict[int, tuple[int, ...]]:
    """Indices of the points completing each of the rules 1–4 (vectorised)."""
    if x.shape[0] == 0 or not math.isfinite(sigma) or sigma <= 0:
        return {1: (), 2: (), 3: (), 4: ()}
    z = (x - centre) / sigma
    rules: dict[int, tuple[int, ...]] = {1: tuple(np.flatnonzero(np.abs(z) > 3).tolist())}
    for rule, width, need, zone in ((2, 3, 2, 2.0), (3, 5, 4, 1.0), (4, 8, 8, 0.0)):
        hit = np.zeros(x.shape[0], dtype=bool)
        for side in (z > zone, z < -zone):
            hit |= _window_count(side, width) >= need
        rules[rule] = tuple(np.flatnonzero(hit).tolist())
    return rules


def control_chart(x: np.ndarray) -> ControlChart | None:
    """The individuals / moving-range chart of a series (None below two points)."""
    if x.shape[0] < 2:
        return None
    mr = np.abs(np.diff(x))
    mr_bar = float(mr.mean())
    centre = float(x.mean())
    sigma = mr_bar / D2
    return ControlChart(centre, sigma, mr, mr_bar, D4 * mr_bar,
                        western_electric(x, centre, sigma))


def check_stats(series: Series) -> CheckStats:
    """Count, mean, σ, Cp, Cpk, fraction out of tolerance and the control chart."""
    x = series.values
    n = int(x.shape[0])
    if n == 0:
        return CheckStats(series, 0, None, None, None, None, None)
    mean = float(x.mean())
    std = float(x.std(ddof=1)) if n > 1 else None
    lo, hi = series.limits.lower, series.limits.upper
    cp, cpk = capability(mean, std, lo, hi)
    out = np.count_nonzero((x < lo) | (x > hi)) if (math.isfinite(lo) or math.isfinite(hi)) \
        else 0
    return CheckStats(series, n, mean, std, cp, cpk, out / n, control_chart(x))


# -- reading the series ------------------------------------------------------------------

def load_series(store: Any, plan: str, *, check: str | None = None, since: str | None = None,
                by_station: bool = False) -> list[Series]:
    """The valid readings of every check of `plan` (one series per check, or per check and
    station), oldest session first."""
    if getattr(store, "engine", "sqlite") == "postgresql":
        return _pg_series(store, plan, check, since, by_station)
    return _sqlite_series(store, plan, check, since, by_station)


def _limits(rows: list[tuple[Any, ...]]) -> dict[str, Limits]:
    out: dict[str, Limits] = {}
    for cid, lower, upper, unit in rows:  # newest session last: its limits win
        out[cid] = Limits(-math.inf if lower is None else float(lower),
                          math.inf if upper is None else float(upper), unit or "")
    return out


def _pg_series(store: Any, plan: str, check: str | None, since: str | None,
               by_station: bool) -> list[Series]:
    from psycopg import sql

    from meterlab.store import _since_text

    raw = store.connection.raw
    cond = [sql.SQL("plan_name = {}").format(sql.Literal(plan))]
    if since:
        cond.append(sql.SQL("start_utc >= {}").format(sql.Literal(_since_text(since))))
    where = sql.SQL(" AND ").join(cond)
    limits = _limits(raw.execute(sql.SQL(
        "SELECT c.check_id, c.lower, c.upper, c.unit FROM checks c JOIN sessions s "
        "ON s.id = c.session_id WHERE {} ORDER BY s.start_utc, c.seq").format(where)).fetchall())
    groups = [""]
    if by_station:
        groups = [r[0] for r in raw.execute(sql.SQL(
            "SELECT DISTINCT station FROM sessions WHERE {} ORDER BY 1").format(where))]
    out: list[Series] = []
    for cid in sorted(limits):
        if check and cid != check:
            continue
        for g in groups:
            scond = [sql.SQL("s.") + c for c in cond]
            if by_station:
                scond.append(sql.SQL("s.station = {}").format(sql.Literal(g)))
            # The chained batches themselves, a few rows per session: their value arrays
            # are decoded by numpy, not sent one row per reading.
            rows = raw.execute(sql.SQL(
                "SELECT b.n, b.value, b.overload FROM batches b JOIN sessions s "
                "ON s.id = b.session_id WHERE {} AND b.check_id = {} "
                "ORDER BY s.start_utc, s.id, b.seq"
            ).format(sql.SQL(" AND ").join(scond), sql.Literal(cid))).fetchall()
            values, n_over = _decode(rows)
            if values.shape[0] or n_over:
                out.append(Series(cid, g, values, limits[cid], n_over))
    return out


def _decode(rows: list[tuple[Any, ...]]) -> tuple[np.ndarray, int]:
    """Valid values (no overload, no error) and the overload count of batch rows."""
    if not rows:
        return np.zeros(0), 0
    v = np.concatenate([np.frombuffer(r[1], "<f8", int(r[0])) for r in rows])
    over = np.concatenate([np.zeros(int(r[0]), bool) if r[2] is None
                           else np.frombuffer(r[2], "u1", int(r[0])) != 0 for r in rows])
    good = ~over & np.isfinite(v)
    return v[good].astype(np.float64), int(np.count_nonzero(over))


def _sqlite_series(store: Any, plan: str, check: str | None, since: str | None,
                   by_station: bool) -> list[Series]:
    sessions = store.sessions(plan=plan, since=since)
    if not sessions:
        return []
    limits = _limits([(c.check_id, c.lower, c.upper, c.unit) for s in sessions
                      for c in s.checks])
    frame = store.readings([s.id for s in sessions])
    station = {s.id: s.station for s in sessions}
    frame["station"] = frame["session_id"].astype(str).map(station)
    out: list[Series] = []
    for cid in sorted(limits):
        if check and cid != check:
            continue
        part = frame[frame["check_id"].astype(str) == cid]
        keys = sorted(part["station"].unique()) if by_station else [""]
        for g in keys:
            sub = part[part["station"] == g] if by_station else part
            over = sub["overload"].to_numpy(bool)
            v = sub["value"].to_numpy(np.float64)
            good = ~over & np.isfinite(v)
            if good.any() or over.any():
                out.append(Series(cid, g, v[good], limits[cid], int(over.sum())))
    return out
