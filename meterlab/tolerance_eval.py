"""The verdict kernels: batches of readings → int8 `Verdict` codes, as fast as numpy allows.

Judging is memory-bound: a bare `(x >= lo) & (x <= hi)` streams the float64
array from RAM once per comparison. The kernels here walk the batch in chunks
small enough to stay in the CPU cache, so each reading is fetched from RAM once
however many thresholds (limits, warn band) it is compared with, and they build
the verdict codes from sums of comparison results in place, with byte-wide
arithmetic instead of `np.select`:

* limits only: s = [x ≥ lo] + [x ≤ hi] is 2 inside, 1 outside and 0 for NaN
  (every comparison with NaN is False), and 5 − 2s − (s >> 1) maps that to
  PASS 0, FAIL 3, ERROR 5;
* with a warn band (nested inside the limits): f = 4 − Σ of four comparisons is
  0 inside the band, 1 between band and limit, 2 outside, 4 NaN, and
  f + (f >> 1) − (f >> 2) maps that to PASS 0, MARGINAL 1, FAIL 3, ERROR 5.
"""

from __future__ import annotations

import numpy as np

from meterlab.readings import OVERLOAD_THRESHOLD, VERDICT_DTYPE, Verdict

#: Readings per chunk: 64 Ki float64 = 512 KiB, which stays in L2 while it is compared.
CHUNK = 65_536

_PASS = np.int8(Verdict.PASS)
_MARGINAL = np.int8(Verdict.MARGINAL)
_INDET = np.int8(Verdict.INDETERMINATE)
_FAIL = np.int8(Verdict.FAIL)
_OVERLOAD = np.int8(Verdict.OVERLOAD)
_ERROR = np.int8(Verdict.ERROR)
_FOUR = np.int8(4)


def simple_codes(
    x: np.ndarray,
    lower: float,
    upper: float,
    warn_lower: float | None = None,
    warn_upper: float | None = None,
) -> np.ndarray:
    """Verdict codes under the simple rule for a 1-D contiguous float64 array.

    End points belong inside. Raw overload numbers (|v| ≥ 9E37) become OVERLOAD.
    """
    n = x.shape[0]
    out = np.empty(n, dtype=VERDICT_DTYPE)
    size = min(CHUNK, max(n, 1))
    cmp_buf = np.empty(size, dtype=bool)
    tmp_buf = np.empty(size, dtype=np.int8)
    warn = warn_lower is not None and warn_upper is not None
    # On an open side an overload number would count as inside; then every chunk is scanned.
    open_side = upper >= OVERLOAD_THRESHOLD or lower <= -OVERLOAD_THRESHOLD
    for start in range(0, n, CHUNK):
        xs = x[start:start + CHUNK]
        m = xs.shape[0]
        s = out[start:start + m]
        c = cmp_buf[:m]
        t = tmp_buf[:m]
        np.greater_equal(xs, lower, out=s.view(bool))
        np.less_equal(xs, upper, out=c)
        s += c.view(np.int8)
        if warn:
            np.greater_equal(xs, warn_lower, out=c)
            s += c.view(np.int8)
            np.less_equal(xs, warn_upper, out=c)
            s += c.view(np.int8)
            np.subtract(_FOUR, s, out=s)
            q = c.view(np.int8)
            np.right_shift(s, 1, out=t)
            np.right_shift(t, 1, out=q)
            s += t
            s -= q
        else:
            np.right_shift(s, 1, out=t)
            s += s
            s += t
            np.subtract(_ERROR, s, out=s)
        if open_side:
            s[np.abs(xs) >= OVERLOAD_THRESHOLD] = _OVERLOAD
        elif s.max() >= _FAIL:
            _overload_values(xs, s, _FAIL)
    return out


def margins(x: np.ndarray, codes: np.ndarray, lower: float, upper: float) -> np.ndarray:
    """min(x − lower, upper − x) per reading, NaN where the verdict is OVERLOAD or ERROR."""
    n = x.shape[0]
    out = np.empty(n, dtype=np.float64)
    tmp_buf = np.empty(min(CHUNK, max(n, 1)), dtype=np.float64)
    for start in range(0, n, CHUNK):
        xs = x[start:start + CHUNK]
        m = out[start:start + xs.shape[0]]
        t = tmp_buf[:xs.shape[0]]
        np.subtract(xs, lower, out=m)
        np.subtract(upper, xs, out=t)
        np.minimum(m, t, out=m)
        cs = codes[start:start + xs.shape[0]]
        if cs.max() >= _OVERLOAD:
            m[cs >= _OVERLOAD] = np.nan
    return out


def guarded_codes(
    x: np.ndarray,
    u: np.ndarray,
    lower: float,
    upper: float,
    warn_lower: float | None = None,
    warn_upper: float | None = None,
) -> np.ndarray:
    """Verdict codes under ILAC-G8 guarded acceptance with expanded uncertainty `u`.

    PASS when [x − u, x + u] lies inside the limits, FAIL when it lies wholly
    outside, INDETERMINATE when it straddles a limit (or u is NaN: unknown).
    """
    codes = np.empty(x.shape, dtype=VERDICT_DTYPE)
    for start in range(0, x.shape[0], CHUNK):
        sl = slice(start, start + CHUNK)
        codes[sl] = _guarded_chunk(x[sl], u[sl], lower, upper, warn_lower, warn_upper)
    return codes


def _guarded_chunk(x: np.ndarray, u: np.ndarray, lower: float, upper: float,
                   warn_lower: float | None, warn_upper: float | None) -> np.ndarray:
    lo_x = x - u
    hi_x = x + u
    passed = (lo_x >= lower) & (hi_x <= upper)
    failed = (hi_x < lower) | (lo_x > upper)
    codes = np.full(x.shape, _INDET, dtype=VERDICT_DTYPE)
    codes[passed] = _PASS
    codes[failed] = _FAIL
    if warn_lower is not None and warn_upper is not None:
        codes[passed & ((x < warn_lower) | (x > warn_upper))] = _MARGINAL
    codes[np.isnan(x)] = _ERROR
    codes[np.abs(x) >= OVERLOAD_THRESHOLD] = _OVERLOAD
    return codes


def _overload_values(x: np.ndarray, codes: np.ndarray, among: np.int8) -> None:
    """Raw ±9.9E37 numbers are OVERLOAD, not FAIL; between finite limits they are all FAILs."""
    idx = np.flatnonzero(codes == among)
    if idx.size:
        hit = idx[np.abs(x[idx]) >= OVERLOAD_THRESHOLD]
        if hit.size:
            codes[hit] = _OVERLOAD
