"""Reduce a visible slice of a long series to what a plot can show.

A plot a thousand pixels wide cannot show more than a thousand columns; a
min/max pair per column (peak decimation) keeps every spike visible while the
line drawn holds a few thousand points, whatever the series length. Only the
slice inside the view is touched, so cost follows the view, not the buffer.
Qt-free.
"""

from __future__ import annotations

import numpy as np


def visible_slice(t: np.ndarray, x0: float, x1: float) -> tuple[int, int]:
    """Index range of `t` (ascending) covering [x0, x1], one point beyond each edge."""
    n = t.shape[0]
    i0 = int(np.searchsorted(t, x0, side="left")) - 1
    i1 = int(np.searchsorted(t, x1, side="right")) + 1
    return max(i0, 0), min(i1, n)


def peak_decimate(t: np.ndarray, v: np.ndarray, columns: int) -> tuple[np.ndarray, np.ndarray]:
    """At most ~2×`columns` points keeping each chunk's maximum and minimum.

    Chunks are aligned to the *newest* end, so the latest reading always
    appears exactly; fewer than one chunk of the oldest points may be left
    out. NaN (a gap) only survives if a whole chunk is NaN.
    """
    n = t.shape[0]
    columns = max(int(columns), 1)
    if n <= 2 * columns:
        return t, v
    ds = -(-n // columns)  # ceil: at most `columns` chunks
    m = n // ds
    start = n - m * ds
    tt = t[start:].reshape(m, ds)
    vv = v[start:].reshape(m, ds)
    x = np.repeat(tt[:, ds // 2], 2)
    y = np.empty(2 * m, dtype=np.float64)
    y[0::2] = np.fmax.reduce(vv, axis=1)
    y[1::2] = np.fmin.reduce(vv, axis=1)
    # End on the newest reading itself, not on a chunk summary.
    return np.append(x, t[-1]), np.append(y, v[-1])


def stride_pick(t: np.ndarray, v: np.ndarray, limit: int) -> tuple[np.ndarray, np.ndarray]:
    """Every k-th point so at most `limit` remain (for marker scatters)."""
    n = t.shape[0]
    if n <= limit:
        return t, v
    k = -(-n // limit)
    return t[::-k][::-1], v[::-k][::-1]


def block_decimate(
    bt: np.ndarray, blo: np.ndarray, bhi: np.ndarray, columns: int
) -> tuple[np.ndarray, np.ndarray]:
    """Like `peak_decimate`, but from precomputed per-block minima and maxima.

    With blocks of a few hundred readings the work per frame is independent of
    how many million readings the view spans.
    """
    n = bt.shape[0]
    if n == 0:
        return bt, blo
    columns = max(int(columns), 1)
    k = -(-n // columns)
    m = n // k
    start = n - m * k
    x = np.repeat(bt[start:][:: k][:m] if k > 1 else bt[start:], 2)
    y = np.empty(2 * m, dtype=np.float64)
    y[0::2] = np.fmax.reduce(bhi[start:].reshape(m, k), axis=1)
    y[1::2] = np.fmin.reduce(blo[start:].reshape(m, k), axis=1)
    return x, y
