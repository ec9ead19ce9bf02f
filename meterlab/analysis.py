"""Waveform measurements computed on the PC: Vpp, Vrms, frequency, duty, rise time…

These are the numbers a scope's own automatic measurements give, computed from
a captured `Waveform` so they work on any record (deep memory, a saved file, a
window the user zoomed into) and can be checked against the scope's values.

Edges are found with hysteresis (a Schmitt trigger around the mid level), so
noise riding on a slow edge gives one edge, not a burst of them. Timing is then
taken where the signal actually crosses the reference level, interpolated
between samples. Everything is vectorised: a 24 Mpts record costs a few passes
of numpy, never a Python loop per sample. A measurement that does not apply (a
DC level has no frequency) is NaN, never an exception.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from meterlab.waveform import Waveform

#: Default hysteresis: ±10 % of the amplitude around the reference level.
DEFAULT_HYSTERESIS = 0.1


def _y(wf: Waveform | np.ndarray) -> np.ndarray:
    return wf.y if isinstance(wf, Waveform) else np.asarray(wf)


def vmax(wf: Waveform | np.ndarray) -> float:
    y = _y(wf)
    return float(np.max(y)) if y.size else float("nan")


def vmin(wf: Waveform | np.ndarray) -> float:
    y = _y(wf)
    return float(np.min(y)) if y.size else float("nan")


def vpp(wf: Waveform | np.ndarray) -> float:
    y = _y(wf)
    return float(np.ptp(y)) if y.size else float("nan")


def vavg(wf: Waveform | np.ndarray) -> float:
    y = _y(wf)
    return float(np.mean(y, dtype=np.float64)) if y.size else float("nan")


def vrms(wf: Waveform | np.ndarray) -> float:
    """True RMS over the whole record (DC included, as the scopes' VRMS)."""
    y = _y(wf)
    if not y.size:
        return float("nan")
    return float(np.sqrt(np.dot(y, y) / y.size)) if y.dtype == np.float64 else float(
        np.sqrt(np.mean(np.square(y, dtype=np.float64)))
    )


def levels(wf: Waveform | np.ndarray) -> tuple[float, float]:
    """Base and top levels (low and high state), by histogram mode of each half.

    For a pulse train the modes ignore overshoot and ringing, which is why scopes
    use them for rise time and duty. A sine has no flat states: when a half has no
    clear mode (its peak bin holds < 5 % of its samples) that level falls back to
    the min or max.
    """
    y = _y(wf)
    if not y.size:
        return float("nan"), float("nan")
    lo, hi = float(np.min(y)), float(np.max(y))
    if hi <= lo:
        return lo, hi
    counts, edges = np.histogram(y, bins=256, range=(lo, hi))
    out = []
    for first, last, outer, fallback in ((0, 128, 0, lo), (128, 256, 255, hi)):
        c = counts[first:last]
        total = int(c.sum())
        k = first + int(np.argmax(c))
        if not total or counts[k] < 0.05 * total or k == outer:
            # no flat state, or the state *is* the extreme: the extreme is exact
            out.append(fallback)
        else:
            # the mean of the samples in the mode bin, not the bin centre
            sel = y[(y >= edges[k]) & (y < edges[k + 1])]
            out.append(float(np.mean(sel, dtype=np.float64)))
    return out[0], out[1]


def schmitt(y: np.ndarray, low: float, high: float) -> np.ndarray:
    """Logic state with hysteresis: high after y > high, low after y < low, else unchanged.

    Samples before the first decisive one take the state of that first decision.
    """
    y = np.asarray(y)
    decided = (y > high) | (y < low)
    idx = np.flatnonzero(decided)
    if idx.size == 0:
        return np.full(y.shape, bool(y.size and y[0] > (low + high) / 2))
    # forward-fill the index of the last decisive sample
    last = np.where(decided, np.arange(y.size), 0)
    np.maximum.accumulate(last, out=last)
    last[: idx[0]] = idx[0]
    return y[last] > high


def _crossings(y: np.ndarray, level: float, rising: bool) -> np.ndarray:
    """Fractional sample positions where y crosses level (upward or downward)."""
    above = y >= level
    if rising:
        i = np.flatnonzero(~above[:-1] & above[1:])
    else:
        i = np.flatnonzero(above[:-1] & ~above[1:])
    y0 = y[i].astype(np.float64)
    y1 = y[i + 1].astype(np.float64)
    with np.errstate(divide="ignore", invalid="ignore"):
        frac = np.where(y1 != y0, (level - y0) / (y1 - y0), 0.0)
    return i + np.clip(frac, 0.0, 1.0)


@dataclass(frozen=True, slots=True)
class Edges:
    """Edge times (fractional sample positions) of a pulse train, found with hysteresis.

    `rising`/`falling` are where the signal crosses the mid level on each edge that
    the Schmitt trigger accepted. `base`/`top` are the levels used.
    """

    rising: np.ndarray
    falling: np.ndarray
    base: float
    top: float


def find_edges(
    wf: Waveform | np.ndarray,
    *,
    hysteresis: float = DEFAULT_HYSTERESIS,
    reference: float = 0.5,
    base_top: tuple[float, float] | None = None,
) -> Edges:
    """Edges of a pulse train; noise smaller than ±hysteresis·amplitude is ignored.

    `base_top` passes levels already computed (saves a histogram pass on big records).
    """
    y = _y(wf)
    base, top = base_top if base_top is not None else levels(y)
    amp = top - base
    empty = np.empty(0)
    if y.size < 2 or not np.isfinite(amp) or amp <= 0:
        return Edges(empty, empty, base, top)
    mid = base + reference * amp
    state = schmitt(y, mid - hysteresis * amp, mid + hysteresis * amp)
    flips = np.flatnonzero(state[1:] != state[:-1]) + 1  # first sample of the new state
    rise_at = flips[state[flips]]
    fall_at = flips[~state[flips]]
    return Edges(
        _last_crossing_before(_crossings(y, mid, True), rise_at),
        _last_crossing_before(_crossings(y, mid, False), fall_at),
        base,
        top,
    )


def _last_crossing_before(cross: np.ndarray, at: np.ndarray) -> np.ndarray:
    """For each accepted edge (index `at`), the last crossing of the level at or before it."""
    if at.size == 0 or cross.size == 0:
        return np.empty(0)
    k = np.searchsorted(cross, at, side="right") - 1
    ok = k >= 0
    return cross[k[ok]]


def _dt(wf: Waveform | np.ndarray, dt: float | None) -> float:
    if dt is not None:
        return dt
    if isinstance(wf, Waveform):
        return wf.dt
    raise TypeError("pass dt= when measuring a bare array")


def period(
    wf: Waveform | np.ndarray, *, dt: float | None = None, hysteresis: float = DEFAULT_HYSTERESIS
) -> float:
    """Mean period between the first and last rising edge (needs two rising edges)."""
    return _period(find_edges(wf, hysteresis=hysteresis), _dt(wf, dt))


def _period(e: Edges, dt: float) -> float:
    r = e.rising
    if r.size < 2:
        return float("nan")
    return float((r[-1] - r[0]) / (r.size - 1) * dt)


def frequency(
    wf: Waveform | np.ndarray, *, dt: float | None = None, hysteresis: float = DEFAULT_HYSTERESIS
) -> float:
    p = period(wf, dt=dt, hysteresis=hysteresis)
    return 1.0 / p if p > 0 else float("nan")


def duty_cycle(wf: Waveform | np.ndarray, *, hysteresis: float = DEFAULT_HYSTERESIS) -> float:
    """Positive duty cycle (0…1) over the complete periods in the record."""
    return _duty(find_edges(wf, hysteresis=hysteresis))


def _duty(e: Edges) -> float:
    r, f = e.rising, e.falling
    if r.size < 2 or f.size == 0:
        return float("nan")
    # for each complete period [r_k, r_k+1), the first falling edge inside it
    k = np.searchsorted(f, r[:-1], side="right")
    ok = k < f.size
    ok &= np.where(ok, f[np.minimum(k, f.size - 1)] < r[1:], False)
    if not ok.any():
        return float("nan")
    high = f[k[ok]] - r[:-1][ok]
    per = r[1:][ok] - r[:-1][ok]
    return float(np.sum(high) / np.sum(per))


def _transition_times(
    wf: Waveform | np.ndarray,
    dt: float | None,
    lo_frac: float,
    hi_frac: float,
    rising: bool,
    base_top: tuple[float, float] | None = None,
) -> np.ndarray:
    """Durations (s) from crossing the lo to the hi level on each edge (10–90 % by default).

    A Schmitt trigger with its thresholds *at* the 10 % and 90 % levels accepts
    only full transitions; each one's duration runs from the last crossing of the
    start level to the crossing of the end level.
    """
    y = _y(wf)
    step = _dt(wf, dt)
    base, top = base_top if base_top is not None else levels(y)
    amp = top - base
    if y.size < 2 or not np.isfinite(amp) or amp <= 0:
        return np.empty(0)
    lo, hi = base + lo_frac * amp, base + hi_frac * amp
    state = schmitt(y, lo, hi)
    flips = np.flatnonzero(state[1:] != state[:-1]) + 1
    if rising:
        at = flips[state[flips]]
        start_level, end_level = lo, hi
    else:
        at = flips[~state[flips]]
        start_level, end_level = hi, lo
    if at.size == 0:
        return np.empty(0)
    end = _last_crossing_before(_crossings(y, end_level, rising), at)
    start_all = _crossings(y, start_level, rising)
    if start_all.size == 0 or end.size == 0:
        return np.empty(0)
    k = np.searchsorted(start_all, end, side="right") - 1
    ok = k >= 0
    # the state before the first accepted edge is unknown: drop an edge with no start
    return (end[ok] - start_all[k[ok]]) * step


def rise_time(
    wf: Waveform | np.ndarray, *, dt: float | None = None, low: float = 0.1, high: float = 0.9
) -> float:
    """Mean 10–90 % rise time (s) over the rising edges in the record."""
    d = _transition_times(wf, dt, low, high, rising=True)
    return float(np.mean(d)) if d.size else float("nan")


def fall_time(
    wf: Waveform | np.ndarray, *, dt: float | None = None, low: float = 0.1, high: float = 0.9
) -> float:
    """Mean 90–10 % fall time (s) over the falling edges in the record."""
    d = _transition_times(wf, dt, low, high, rising=False)
    return float(np.mean(d)) if d.size else float("nan")


def vtop(wf: Waveform | np.ndarray) -> float:
    return levels(wf)[1]


def vbase(wf: Waveform | np.ndarray) -> float:
    return levels(wf)[0]


def vamp(wf: Waveform | np.ndarray) -> float:
    base, top = levels(wf)
    return top - base


#: Generic measurement names (the ones the scope drivers accept too) → (function, unit).
MEASUREMENTS: dict[str, tuple[Callable[[Waveform], float], str]] = {
    "VPP": (vpp, "V"),
    "VMAX": (vmax, "V"),
    "VMIN": (vmin, "V"),
    "VAVG": (vavg, "V"),
    "VRMS": (vrms, "V"),
    "VTOP": (vtop, "V"),
    "VBASE": (vbase, "V"),
    "VAMP": (vamp, "V"),
    "FREQ": (frequency, "Hz"),
    "PER": (period, "s"),
    "PDUT": (duty_cycle, ""),
    "RTIM": (rise_time, "s"),
    "FTIM": (fall_time, "s"),
}


def measure(wf: Waveform, item: str) -> float:
    """One measurement by its generic name (VPP, VRMS, FREQ, PDUT, RTIM, …)."""
    key = item.upper()
    if key not in MEASUREMENTS:
        known = ", ".join(MEASUREMENTS)
        raise KeyError(f"unknown measurement {item!r}; known: {known}")
    fn, _unit = MEASUREMENTS[key]
    return fn(wf)


def measure_all(wf: Waveform) -> dict[str, float]:
    """Every measurement in MEASUREMENTS, for a table beside the trace.

    Same numbers as the single functions, but the levels and edges are found once,
    which matters on a 24 Mpts record.
    """
    y = wf.y
    if y.size == 0:
        return dict.fromkeys(MEASUREMENTS, float("nan"))
    lv = levels(y)
    edges = find_edges(y, base_top=lv)
    per = _period(edges, wf.dt)
    rise = _transition_times(y, wf.dt, 0.1, 0.9, True, lv)
    fall = _transition_times(y, wf.dt, 0.1, 0.9, False, lv)
    return {
        "VPP": vpp(y), "VMAX": vmax(y), "VMIN": vmin(y), "VAVG": vavg(y), "VRMS": vrms(y),
        "VTOP": lv[1], "VBASE": lv[0], "VAMP": lv[1] - lv[0],
        "FREQ": 1.0 / per if per > 0 else float("nan"), "PER": per, "PDUT": _duty(edges),
        "RTIM": float(np.mean(rise)) if rise.size else float("nan"),
        "FTIM": float(np.mean(fall)) if fall.size else float("nan"),
    }  # fmt: skip
