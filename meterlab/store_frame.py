"""Stored reading batches back into one pandas DataFrame, without per-reading Python.

Each batch row carries its arrays as BLOBs and its labels (check, function, unit…)
once; the frame is built by concatenating the arrays and repeating the labels as
categorical codes, so a million readings come back in a fraction of a second.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from typing import Any

import numpy as np
import pandas as pd

from meterlab.store_writer import NO_VERDICT

_LABELS = ("session_id", "check_id", "role", "function", "unit", "source")

COLUMNS = ("session_id", "t", "time", "check_id", "role", "function", "unit", "range", "value",
           "overload", "verdict", "margin", "gap_before", "cal_expired", "source")


_ROW_SQL = ("SELECT session_id, check_id, role, function, unit, source, range, gap_before, "
            "cal_expired, n, t, value, overload, verdict, margin FROM batches ")


def readings_frame(conn: sqlite3.Connection, session_ids: list[str]) -> pd.DataFrame:
    """All readings of the given sessions, in session order then recorded order."""
    rows: list[tuple[Any, ...]] = []
    for sid in session_ids:
        rows += conn.execute(_ROW_SQL + "WHERE session_id=? ORDER BY seq", (sid,)).fetchall()
    return frame_from_rows(rows)


def iter_reading_frames(conn: sqlite3.Connection, lock: Any, session_ids: list[str], *,
                        chunk: int = 100_000, with_time: bool = True
                        ) -> Iterator[tuple[str, pd.DataFrame]]:
    """The readings of the given sessions as (session id, frame) pieces of at most `chunk`
    rows, in session order then recorded order: what `readings_frame` returns, cut so that
    an export's memory does not grow with the session.

    Only the batch index (seq, n) is read up front; each stored row is fetched when its
    turn comes (under `lock`, released between fetches so a writer is never held up)."""
    for sid in session_ids:
        with lock:
            index = conn.execute("SELECT seq, n FROM batches WHERE session_id=? ORDER BY seq",
                                 (sid,)).fetchall()
        group: list[int] = []
        size = 0
        for pos, (seq, n) in enumerate(index):
            group.append(seq)
            size += int(n)
            if size >= chunk or pos == len(index) - 1:
                with lock:
                    rows = conn.execute(_ROW_SQL + "WHERE session_id=? AND seq BETWEEN ? AND ? "
                                        "ORDER BY seq", (sid, group[0], group[-1])).fetchall()
                frame = frame_from_rows(rows, with_time=with_time)
                del rows
                for i in range(0, len(frame), chunk):
                    yield sid, frame.iloc[i:i + chunk]
                group, size = [], 0


def frame_from_rows(rows: list[tuple[Any, ...]], *, with_time: bool = True) -> pd.DataFrame:
    """Stored batch rows (as `_ROW_SQL` selects them) as one frame. Without `with_time`
    the "time" column is NaT: exports format `t` themselves and skip the conversion."""
    n = np.array([r[9] for r in rows], dtype=np.int64)
    total = int(n.sum())
    t = _concat([r[10] for r in rows], "<f8", n, np.nan)
    value = _concat([r[11] for r in rows], "<f8", n, np.nan)
    over = _concat([r[12] for r in rows], "u1", n, 0).astype(bool)
    verdict = _concat([r[13] for r in rows], "i1", n, NO_VERDICT)
    margin = _concat([r[14] for r in rows], "<f8", n, np.nan)
    gap = np.zeros(total, dtype=bool)
    if total:
        starts = np.concatenate(([0], np.cumsum(n)[:-1]))
        gap[starts] = np.array([bool(r[7]) for r in rows])
    data: dict[str, Any] = {}
    for i, name in enumerate(_LABELS):
        data[name] = _repeat_labels([r[i] or "" for r in rows], n)
    rng = np.repeat(np.array([np.nan if r[6] is None else r[6] for r in rows], dtype=np.float64),
                    n)
    cal = np.repeat(np.array([bool(r[8]) for r in rows], dtype=bool), n)
    frame = pd.DataFrame({
        "session_id": data["session_id"],
        "t": t,
        "time": (pd.to_datetime(t, unit="s", utc=True) if with_time
                 else pd.DatetimeIndex(np.full(total, np.datetime64("NaT", "ns"))
                                       ).tz_localize("UTC")),
        "check_id": data["check_id"],
        "role": data["role"],
        "function": data["function"],
        "unit": data["unit"],
        "range": rng,
        "value": value,
        "overload": over,
        "verdict": verdict,
        "margin": margin,
        "gap_before": gap,
        "cal_expired": cal,
        "source": data["source"],
    }, columns=list(COLUMNS), copy=False)  # arrays are fresh: no copy into 2-D blocks
    return frame


def _concat(blobs: list[bytes | None], dtype: str, n: np.ndarray, fill: float) -> np.ndarray:
    out_dtype = np.dtype(dtype).newbyteorder("=")
    out = np.empty(int(n.sum()), dtype=out_dtype)
    pos = 0
    for blob, k in zip(blobs, n.tolist(), strict=True):
        if blob is None:
            out[pos:pos + k] = fill
        else:
            out[pos:pos + k] = np.frombuffer(blob, dtype=dtype, count=k)
        pos += k
    return out


def _repeat_labels(labels: list[str], n: np.ndarray) -> pd.Categorical:
    cats, codes = np.unique(np.array(labels, dtype=object), return_inverse=True) if labels else (
        np.array([], dtype=object), np.array([], dtype=np.intp))
    return pd.Categorical.from_codes(np.repeat(codes.astype(np.int32), n),
                                     categories=pd.Index(list(cats), dtype=object))
