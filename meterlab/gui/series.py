"""The live reading series behind the meter, trend and histogram views.

Batches drained from the feed land here: they are judged against the current
limit (vectorised, one call per batch), appended to the ring buffers, and
folded into running statistics and an incremental histogram. The views only
read from this object on their frame timer. Qt-free, so its behaviour is
tested without a window and its cost measured on its own.
"""

from __future__ import annotations

import math
import time
from collections import deque
from dataclasses import dataclass, field

import numpy as np

from meterlab.gui.limits import Band, limit_band
from meterlab.gui.ringbuffer import ColumnRing
from meterlab.readings import VERDICT_DTYPE, ReadingBatch, Verdict
from meterlab.stats import RunningStats, capability

#: Verdict code stored for readings taken while no limit was set, and for the
#: break rows that mark a gap in the trend.
NO_VERDICT = -1

DEFAULT_CAPACITY = 10_000_000

#: Readings per min/max block kept beside the ring, so a view spanning millions
#: of readings draws from blocks instead of touching every reading per frame.
BLOCK = 512


@dataclass(frozen=True, slots=True)
class Summary:
    """What the statistics panel shows; NaN where a figure is not defined yet."""

    n: int
    mean: float
    std: float
    min: float
    max: float
    cp: float
    cpk: float
    counts: dict[Verdict, int] = field(default_factory=dict)


def _nan(x: float | None) -> float:
    return math.nan if x is None else float(x)


class LiveSeries:
    """Everything the live views draw, fed batch by batch on the GUI's frame timer."""

    def __init__(self, capacity: int = DEFAULT_CAPACITY, *, hist_bins: int = 80) -> None:
        self.ring = ColumnRing(
            capacity, {"t": np.float64, "v": np.float64, "verdict": VERDICT_DTYPE}
        )
        self.blocks = ColumnRing(
            capacity // BLOCK + 2, {"t": np.float64, "lo": np.float64, "hi": np.float64}
        )
        self._partial: tuple[float, float, float] | None = None  # t0, lo, hi
        self.partial_fill = 0  # newest ring rows not yet in a complete block
        self.failures = ColumnRing(max(1000, capacity // 10), {"t": np.float64, "v": np.float64})
        self.limit: object | None = None
        self.limit_unit: str | None = None
        self.band: Band | None = None
        self.function: str | None = None
        self.unit: str = ""
        self.moments = RunningStats()
        self.counts = np.zeros(len(Verdict), dtype=np.int64)
        self.first_failure: tuple[float, float] | None = None
        self.latest_value: float = math.nan
        self.latest_verdict: int = NO_VERDICT
        self.latest_overload = False
        self.revision = 0  # bumped on every change the views must redraw for
        self._rate_window: deque[tuple[float, int]] = deque()
        self.hist = Histogram(hist_bins)

    # -- feeding ---------------------------------------------------------
    def ingest(self, batches: list[ReadingBatch]) -> int:
        """Judge and store drained batches; returns how many readings were added."""
        added = 0
        for batch in batches:
            if len(batch) == 0:
                continue
            if batch.function != self.function or batch.unit != self.unit:
                self._new_series(batch.function, batch.unit)
            if batch.gap_before and len(self.ring):
                # A NaN row breaks the line (curves draw with connect="finite").
                self._append_rows(batch.t[:1], np.array([math.nan]),
                                  np.array([NO_VERDICT], dtype=VERDICT_DTYPE))
            verdicts = self._judge(batch.values, batch.overload)
            self._append_rows(batch.t, batch.values, verdicts)
            self.moments.update(batch.values, overload=batch.overload)
            self.hist.add(batch.values)
            self._count_and_mark(batch.t, batch.values, verdicts)
            self.latest_value = float(batch.values[-1])
            self.latest_verdict = int(verdicts[-1])
            self.latest_overload = bool(batch.overload[-1])
            added += len(batch)
        if added:
            now = time.monotonic()
            self._rate_window.append((now, added))
            self.revision += 1
        return added

    def set_limit(self, limit: object | None, unit: str | None = None) -> None:
        """Judge everything stored again against a new limit (or none).

        `unit` is the unit the limit was parsed for; when readings in another
        unit arrive the limit is dropped rather than applied to the wrong quantity.
        """
        self.limit = limit
        self.limit_unit = unit if limit is not None else None
        self.band = limit_band(limit) if limit is not None else None
        t = self.ring.view("t")
        v = self.ring.view("v")
        verdict = self.ring.view("verdict")
        gap_rows = np.isnan(v) & (verdict == NO_VERDICT) if len(v) else np.zeros(0, bool)
        overload = np.zeros(len(v), dtype=bool)
        # Overloads are NaN values that were judged OVERLOAD before; keep them so.
        overload[verdict == Verdict.OVERLOAD] = True
        new = self._judge(v, overload)
        new[gap_rows] = NO_VERDICT
        verdict[:] = new
        self.failures.clear()
        self.counts[:] = 0
        self.first_failure = None
        self._count_and_mark(t, v, new)
        if len(new):
            self.latest_verdict = int(new[-1])
        self.hist.reset(self.band, v)
        self.revision += 1

    def clear(self) -> None:
        self._new_series(self.function, self.unit)

    # -- reading ----------------------------------------------------------
    def rate(self, window: float = 1.0) -> float:
        """Readings per second over the last `window` seconds of frames."""
        now = time.monotonic()
        while self._rate_window and self._rate_window[0][0] < now - window:
            self._rate_window.popleft()
        if not self._rate_window:
            return 0.0
        span = max(now - self._rate_window[0][0], 1e-3)
        total = sum(n for _, n in self._rate_window)
        if len(self._rate_window) == 1:
            return float(total) / window
        return float(total - self._rate_window[0][1]) / span

    def summary(self) -> Summary:
        """Figures from `meterlab.stats` (the same maths as reports), NaN where undefined."""
        m = self.moments
        cp = cpk = None
        if self.band is not None and self.band.lower is not None and self.band.upper is not None:
            cp, cpk = capability(m.mean if m.n else None, m.std, self.band.lower,
                                 self.band.upper)
        return Summary(
            n=m.n,
            mean=m.mean if m.n else math.nan,
            std=_nan(m.std),
            min=m.min if m.n else math.nan,
            max=m.max if m.n else math.nan,
            cp=_nan(cp),
            cpk=_nan(cpk),
            counts={v: int(self.counts[v]) for v in Verdict},
        )

    # -- internals ----------------------------------------------------------
    def _append_rows(self, t: np.ndarray, v: np.ndarray, verdicts: np.ndarray) -> None:
        self.ring.append(t=t, v=v, verdict=verdicts)
        self._add_blocks(t, v)

    def _add_blocks(self, t: np.ndarray, v: np.ndarray) -> None:
        """Fold rows into per-BLOCK min/max summaries (NaN ignored unless all NaN)."""
        n = v.shape[0]
        pos = 0
        if self.partial_fill:
            take = min(BLOCK - self.partial_fill, n)
            t0, lo, hi = self._partial  # type: ignore[misc]
            lo = float(np.fmin(lo, np.fmin.reduce(v[:take])))
            hi = float(np.fmax(hi, np.fmax.reduce(v[:take])))
            self.partial_fill += take
            pos = take
            if self.partial_fill == BLOCK:
                self.blocks.append(t=[t0], lo=[lo], hi=[hi])
                self.partial_fill = 0
                self._partial = None
            else:
                self._partial = (t0, lo, hi)
        full = (n - pos) // BLOCK
        if full:
            end = pos + full * BLOCK
            vv = v[pos:end].reshape(full, BLOCK)
            self.blocks.append(
                t=t[pos:end:BLOCK],
                lo=np.fmin.reduce(vv, axis=1),
                hi=np.fmax.reduce(vv, axis=1),
            )
            pos = end
        if pos < n:
            rest = v[pos:]
            self._partial = (float(t[pos]), float(np.fmin.reduce(rest)),
                             float(np.fmax.reduce(rest)))
            self.partial_fill = n - pos

    def _new_series(self, function: str | None, unit: str) -> None:
        self.ring.clear()
        self.blocks.clear()
        self._partial = None
        self.partial_fill = 0
        self.failures.clear()
        self.function = function
        if self.limit_unit is not None and unit != self.limit_unit:
            # A V limit makes no sense on an Ω series: drop it rather than guess.
            self.limit = None
            self.limit_unit = None
            self.band = None
        self.unit = unit
        self.moments = RunningStats()
        self.counts[:] = 0
        self.first_failure = None
        self.latest_value = math.nan
        self.latest_verdict = NO_VERDICT
        self.hist.reset(self.band, np.empty(0))
        self.revision += 1

    def _judge(self, values: np.ndarray, overload: np.ndarray) -> np.ndarray:
        if self.limit is not None:
            ev = self.limit.evaluate(values, overload=overload)  # type: ignore[attr-defined]
            return np.asarray(ev.verdicts, dtype=VERDICT_DTYPE)
        out = np.full(values.shape[0], NO_VERDICT, dtype=VERDICT_DTYPE)
        nan = np.isnan(values)
        out[nan] = Verdict.ERROR
        out[overload] = Verdict.OVERLOAD
        return out

    def _count_and_mark(self, t: np.ndarray, v: np.ndarray, verdicts: np.ndarray) -> None:
        valid = verdicts >= 0
        if valid.any():
            self.counts += np.bincount(verdicts[valid].astype(np.int64), minlength=len(Verdict))[
                : len(Verdict)
            ]
        fail = verdicts == Verdict.FAIL
        if fail.any():
            ft, fv = t[fail], v[fail]
            self.failures.append(t=ft, v=fv)
            if self.first_failure is None:
                self.first_failure = (float(ft[0]), float(fv[0]))


#: A limit this many times wider than the readings' spread zooms the histogram to the readings.
ZOOM_RATIO = 20.0


class Histogram:
    """Counts over fixed bins, updated per batch in O(batch).

    Bins span the limit with room either side when a limit is set, else the
    spread of the first readings. When too many readings fall outside the bins
    the owner calls `reset()` with all stored values to re-bin (rare: a limit
    change, or a signal that wandered far).
    """

    def __init__(self, bins: int = 80) -> None:
        self.bins = bins
        self.edges: np.ndarray | None = None
        self.counts = np.zeros(bins, dtype=np.int64)
        self.outside = 0
        self.inside = 0
        self._spread_known = False

    def reset(self, band: Band | None, values: np.ndarray) -> None:
        self.edges = None
        self.counts[:] = 0
        self.outside = 0
        self.inside = 0
        finite = values[np.isfinite(values)] if len(values) else values
        self._spread_known = len(finite) >= 50
        if band is not None and band.lower is not None and band.upper is not None:
            lo, hi = band.lower, band.upper
            width = hi - lo
            lo, hi = lo - 0.5 * width, hi + 0.5 * width
            if len(finite):
                dlo, dhi = float(finite.min()), float(finite.max())
                span = dhi - dlo
                if span > 0 and width > ZOOM_RATIO * span:
                    # Readings far tighter than the limit: bins across the limit would
                    # draw one spike, so the bins follow the readings (the limit lines
                    # then lie outside; Cp says how far).
                    lo, hi = dlo - 0.5 * span, dhi + 0.5 * span
                else:
                    # Readings far outside the limit must still land in a bin.
                    lo, hi = min(lo, dlo), max(hi, dhi)
            self.edges = np.linspace(lo, hi, self.bins + 1)
        elif len(finite) >= 2:
            self._edges_from(finite)
        if self.edges is not None and len(finite):
            self.add(finite)

    def _edges_from(self, finite: np.ndarray) -> None:
        lo, hi = float(np.min(finite)), float(np.max(finite))
        if band_width := hi - lo:
            self.edges = np.linspace(lo - 0.25 * band_width, hi + 0.25 * band_width, self.bins + 1)
        else:
            w = abs(lo) * 1e-3 or 1e-9
            self.edges = np.linspace(lo - w, hi + w, self.bins + 1)

    def add(self, values: np.ndarray) -> None:
        finite = values[np.isfinite(values)]
        if finite.shape[0] == 0:
            return
        if self.edges is None:
            if finite.shape[0] < 2:
                return
            self._edges_from(finite)
        assert self.edges is not None
        c, _ = np.histogram(finite, bins=self.edges)
        self.counts += c
        got = int(c.sum())
        self.inside += got
        self.outside += finite.shape[0] - got

    @property
    def needs_rebin(self) -> bool:
        """Too many readings outside the bins, or bins chosen before the spread was known."""
        total = self.inside + self.outside
        if total > 50 and self.outside > 0.05 * total:
            return True
        return (not self._spread_known and self.inside >= 50
                and int(np.count_nonzero(self.counts)) <= 2)
