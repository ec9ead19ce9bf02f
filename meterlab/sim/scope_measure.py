"""Automatic measurements of the simulated MSO1104Z (`:MEASure:ITEM?`), on arrays.

They follow the scope's definitions: top and base are the histogram modes of the
upper and lower halves (falling back to max/min when a waveform has no flat
tops), timing uses the 10/50/90 % thresholds of the amplitude, periods and
widths are averaged over the edges on screen, and anything that cannot be
measured is 9.9e37, as the real firmware reports it.
"""

from __future__ import annotations

import numpy as np

INVALID = 9.9e37

VOLTAGE_ITEMS = ("VMAX", "VMIN", "VPP", "VTOP", "VBASE", "VAMP", "VAVG", "VRMS",
                 "VUPPER", "VMID", "VLOWER", "OVERSHOOT", "PRESHOOT", "VARIANCE")
TIMING_ITEMS = ("PERIOD", "FREQUENCY", "RTIME", "FTIME", "PWIDTH", "NWIDTH", "PDUTY",
                "NDUTY", "PPULSES", "NPULSES", "PEDGES", "NEDGES", "TVMAX", "TVMIN")
#: the long forms as the guide spells them (short form = the capitals)
ITEM_NAMES = ("VMAX", "VMIN", "VPP", "VTOP", "VBASe", "VAMP", "VAVG", "VRMS", "VUPper",
              "VMID", "VLOWer", "OVERshoot", "PREShoot", "VARIance", "PERiod", "FREQuency",
              "RTIMe", "FTIMe", "PWIDth", "NWIDth", "PDUTy", "NDUTy", "PPULses", "NPULses",
              "PEDGes", "NEDGes", "TVMAX", "TVMIN")
DIGITAL_ITEMS = ("PERIOD", "FREQUENCY", "PWIDTH", "NWIDTH", "PDUTY", "NDUTY", "PPULSES",
                 "NPULSES", "PEDGES", "NEDGES")


def top_base(v: np.ndarray) -> tuple[float, float]:
    """Histogram modes of the upper and lower halves of the range."""
    vmax, vmin = float(v.max()), float(v.min())
    if vmax - vmin <= 0:
        return vmax, vmin
    mid = 0.5 * (vmax + vmin)
    return _mode(v[v >= mid], vmax, v.size), _mode(v[v < mid], vmin, v.size)


def _mode(part: np.ndarray, fallback: float, total: int) -> float:
    if part.size < max(3, total // 20):
        return fallback
    values, counts = np.unique(part, return_counts=True)
    if counts.max() < part.size * 0.05:
        return fallback
    # average the most populated value with its neighbours: noise spreads a flat top
    i = int(np.argmax(counts))
    sl = slice(max(0, i - 2), i + 3)
    return float(np.average(values[sl], weights=counts[sl]))


def crossings(t: np.ndarray, v: np.ndarray, level: float, rising: bool) -> np.ndarray:
    """Interpolated times where v crosses `level` in one direction."""
    above = v >= level
    if rising:
        i = np.flatnonzero(~above[:-1] & above[1:])
    else:
        i = np.flatnonzero(above[:-1] & ~above[1:])
    if i.size == 0:
        return np.empty(0)
    v0, v1 = v[i], v[i + 1]
    frac = np.where(v1 != v0, (level - v0) / np.where(v1 != v0, v1 - v0, 1.0), 0.0)
    return t[i] + frac * (t[i + 1] - t[i])


def _hysteresis_edges(t: np.ndarray, v: np.ndarray, lo: float, mid: float, hi: float,
                      ) -> tuple[np.ndarray, np.ndarray]:
    """Mid-level crossings of edges that go all the way from below `lo` to above `hi`
    (or back), so noise riding on a level is not counted as edges."""
    state = np.full(v.shape, np.nan)
    state[v >= hi] = 1.0
    state[v <= lo] = 0.0
    # forward-fill the last definite state
    idx = np.where(~np.isnan(state), np.arange(v.size), 0)
    np.maximum.accumulate(idx, out=idx)
    filled = state[idx]
    valid = ~np.isnan(filled)
    change = np.flatnonzero(valid[1:] & valid[:-1] & (filled[1:] != filled[:-1])) + 1
    rises, falls = [], []
    for j in change:
        # walk back from where the hysteresis state flipped to the mid crossing
        k = j
        up = filled[j] == 1.0
        while k > 0 and ((v[k - 1] >= mid) == up):
            k -= 1
        if k == 0:
            continue
        v0, v1 = v[k - 1], v[k]
        frac = (mid - v0) / (v1 - v0) if v1 != v0 else 0.0
        tc = t[k - 1] + frac * (t[k] - t[k - 1])
        (rises if up else falls).append(tc)
    return np.asarray(rises), np.asarray(falls)


def measure(item: str, t: np.ndarray, v: np.ndarray, digital: bool = False,
            thresholds: tuple[float, float, float] = (0.1, 0.5, 0.9),
            min_amplitude: float = 0.0) -> float:
    """One measurement item (upper-case long form) on samples v at times t.

    `thresholds` are the lower/middle/upper reference levels as fractions of the
    amplitude (`:MEASure:SETup:MIN|MID|MAX`, 10/50/90 % by default). Timing items
    need a swing of at least `min_amplitude` (the scope's noise floor, a fifth of a
    division), else a flat rail's noise would be timed.
    """
    f_lo, f_mid, f_hi = thresholds
    if v.size < 4:
        return INVALID
    if digital:
        if item not in DIGITAL_ITEMS:
            return INVALID
        vtop, vbase = 1.0, 0.0
    else:
        vtop, vbase = top_base(v)
    vmax, vmin = float(v.max()), float(v.min())
    amp = vtop - vbase
    if item == "VMAX":
        return vmax
    if item == "VMIN":
        return vmin
    if item == "VPP":
        return vmax - vmin
    if item == "VTOP":
        return vtop
    if item == "VBASE":
        return vbase
    if item == "VAMP":
        return amp
    if item == "VAVG":
        return float(np.mean(v))
    if item == "VRMS":
        return float(np.sqrt(np.mean(v * v)))
    if item == "VARIANCE":
        return float(np.var(v))
    if item == "VUPPER":
        return vbase + f_hi * amp
    if item == "VMID":
        return vbase + f_mid * amp
    if item == "VLOWER":
        return vbase + f_lo * amp
    if item == "OVERSHOOT":
        return (vmax - vtop) / amp if amp > 0 else INVALID
    if item == "PRESHOOT":
        return (vbase - vmin) / amp if amp > 0 else INVALID
    if item == "TVMAX":
        return float(t[int(np.argmax(v))])
    if item == "TVMIN":
        return float(t[int(np.argmin(v))])
    # timing items need a real swing, not noise on a DC level
    span = vmax - vmin
    if amp <= max(0.0, min_amplitude) or span <= 0 or (not digital and amp < 0.2 * span):
        return INVALID
    lo, mid, hi = vbase + f_lo * amp, vbase + f_mid * amp, vbase + f_hi * amp
    if digital:
        lo, mid, hi = 0.25, 0.5, 0.75
    rises, falls = _hysteresis_edges(t, v, lo, mid, hi)
    if item == "PEDGES":
        return float(rises.size)
    if item == "NEDGES":
        return float(falls.size)
    if item in ("PPULSES", "NPULSES"):
        a, b = (rises, falls) if item == "PPULSES" else (falls, rises)
        return float(sum(1 for x in a if np.any(b > x)))
    if item in ("RTIME", "FTIME"):
        return _transition(t, v, lo, hi, item == "RTIME")
    period = _period(rises, falls)
    if item == "PERIOD":
        return period
    if item == "FREQUENCY":
        return 1.0 / period if period < INVALID else INVALID
    pw = _widths(rises, falls)
    nw = _widths(falls, rises)
    if item == "PWIDTH":
        return pw
    if item == "NWIDTH":
        return nw
    if item in ("PDUTY", "NDUTY"):
        if period >= INVALID:
            return INVALID
        w = pw if item == "PDUTY" else nw
        return w / period if w < INVALID else INVALID
    return INVALID


def _period(rises: np.ndarray, falls: np.ndarray) -> float:
    if rises.size >= 2:
        return float(np.mean(np.diff(rises)))
    if falls.size >= 2:
        return float(np.mean(np.diff(falls)))
    return INVALID


def _widths(starts: np.ndarray, ends: np.ndarray) -> float:
    out = []
    for s in starts:
        later = ends[ends > s]
        if later.size:
            out.append(later[0] - s)
    return float(np.mean(out)) if out else INVALID


def _transition(t: np.ndarray, v: np.ndarray, lo: float, hi: float, rising: bool) -> float:
    """10→90 % (or 90→10 %) time of the first complete edge on screen."""
    a = crossings(t, v, lo if rising else hi, rising)
    b = crossings(t, v, hi if rising else lo, rising)
    for x in a:
        later = b[b >= x]
        if later.size:
            return float(later[0] - x)
    return INVALID
