"""Exports in flat memory: a session goes out piece by piece, whatever its size.

An hour at 50 kSa/s is 180 million readings; holding them as one DataFrame (about
420 bytes a reading once turned into text) cannot work. Here the store hands the
readings over in pieces of `CHUNK` rows (`store_frame.iter_reading_frames`), each piece
is turned into cells with the same vectorised column code as the whole-frame writers in
`export`, written, and dropped. Peak memory is a few pieces, not the session.

What needs the whole session first — the statistics per check on the XLSX Summary sheet
and in the PDF report — comes from a first pass of running sums (`RunningStats`: count,
mean, σ, min, max, verdict counts) plus a decimated copy of the readings for plots.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from meterlab.export import (
    _JSON_ROW,
    PARQUET_WRITE,
    csv_columns,
    csv_head,
    json_columns,
    json_head,
    json_session_open,
    need_pyarrow,
    parquet_meta,
    parquet_table,
    write_csv_rows,
)
from meterlab.export_ahead import ReadAhead
from meterlab.readings import Verdict
from meterlab.stats import RunningStats, capability
from meterlab.store import SessionInfo, SessionStore
from meterlab.store_frame import iter_reading_frames

#: Rows per piece: ~100 MB of cell text at most, and large enough that numpy's per-call
#: overhead is nothing.
CHUNK = 100_000
#: Points kept per check for plots (every k-th reading, k doubling as the check grows).
PLOT_POINTS = 20_000


def frames(store: SessionStore, ids: list[str], chunk: int | None = None
           ) -> Iterator[tuple[str, pd.DataFrame]]:
    """(session id, piece of readings) in session then recorded order (the "time" column
    left empty: every export formats `t` itself)."""
    return iter_reading_frames(store.connection, store.lock, ids, chunk=chunk or CHUNK,
                               with_time=False)


def export_frames(store: SessionStore, infos: list[SessionInfo], ids: list[str],
                  chunk: int | None = None) -> Iterator[tuple[str, pd.DataFrame]]:
    """`frames` for the export files: after each session's readings, one row for each of
    its checks that has none (ERROR or NOT RUN, see `export_checks`), so every check of
    the plan is in the file, measured or not."""
    from meterlab.export_checks import with_unmeasured_checks
    from meterlab.store_frame import frame_from_rows

    by_id = {info.id: info for info in infos}
    for sid in ids:
        have: set[tuple[str, str]] = set()
        for key, piece in frames(store, [sid], chunk):
            if len(piece):
                have.update((sid, str(c)) for c in piece["check_id"].unique())
            yield key, piece
        info = by_id.get(sid)
        if info is not None:
            rest = with_unmeasured_checks([info], frame_from_rows([], with_time=False), have)
            if len(rest):
                yield sid, rest


def unmeasured_count(infos: list[SessionInfo],
                     stats: dict[str, list[dict[str, Any]]]) -> int:
    """How many rows `export_frames` adds for checks without readings (sizes a sheet),
    from the statistics pass already made (`check_statistics_stream`: a row per check that
    has readings), so the store is not asked again."""
    n = 0
    for info in infos:
        have = {row["check"] for row in stats.get(info.id, [])}
        n += sum(1 for cid, _ in info.last_results() if cid not in have)
    return n


def write_csv_stream(store: SessionStore, infos: list[SessionInfo], ids: list[str],
                     path: str | Path) -> None:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write(csv_head(infos))
        for _, piece in export_frames(store, infos, ids):
            write_csv_rows(fh, csv_columns(piece), len(piece))


def write_json_stream(store: SessionStore, infos: list[SessionInfo], ids: list[str],
                      path: str | Path) -> None:
    fmt = _JSON_ROW.format
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(json_head())
        for k, info in enumerate(infos):
            fh.write(json_session_open(info, first=k == 0))
            first = True
            for _, piece in export_frames(store, [info], [info.id]):
                columns = [c.tolist() for c in json_columns(piece)]
                fh.write(("" if first else ",") + "\n" + ",\n".join(
                    fmt(*row) for row in zip(*columns, strict=True)))
                first = False
            fh.write("]}")
        fh.write("]}\n")


def write_parquet_stream(store: SessionStore, infos: list[SessionInfo], ids: list[str],
                         path: str | Path) -> None:
    """One row group per piece; the schema (and the sessions' metadata) is fixed by the
    first piece, so every piece must and does build the same column types.

    The pieces are read from the store and turned into Arrow tables in a second thread,
    one piece ahead, while this one writes: pyarrow's writer lets go of the GIL, so
    reading and writing overlap instead of taking turns (a third of the time was
    reading). Memory stays flat: at most three pieces exist at once."""
    _, pq = need_pyarrow()
    meta = parquet_meta(infos)
    writer = None
    tables = ReadAhead(parquet_table(piece) for _, piece in
                       export_frames(store, infos, ids, chunk=5 * CHUNK))
    try:
        for table in tables:
            if writer is None:
                writer = pq.ParquetWriter(str(path), table.schema.with_metadata(meta),
                                          **PARQUET_WRITE)
            writer.write_table(table)
            del table
        if writer is None:  # no readings: still a file with the columns and the metadata
            empty = parquet_table(_empty_frame(store)).replace_schema_metadata(meta)
            pq.write_table(empty, str(path), **PARQUET_WRITE)
    finally:
        tables.close()
        if writer is not None:
            writer.close()


def _empty_frame(store: SessionStore) -> pd.DataFrame:
    from meterlab.store_frame import frame_from_rows

    del store
    return frame_from_rows([])


# -- statistics in one pass ---------------------------------------------------------------


@dataclass
class _CheckAcc:
    stats: RunningStats = field(default_factory=RunningStats)
    unit: str = ""
    stride: int = 1
    seen: int = 0
    values: list[np.ndarray] = field(default_factory=list)
    times: list[np.ndarray] = field(default_factory=list)
    kept: int = 0

    def add(self, values: np.ndarray, t: np.ndarray, overload: np.ndarray,
            verdicts: np.ndarray) -> None:
        self.stats.update(values, overload=overload, verdicts=verdicts)
        # every stride-th reading by global index, so the sample is even across the run
        first = (-self.seen) % self.stride
        self.values.append(values[first::self.stride].copy())
        self.times.append(t[first::self.stride].copy())
        self.kept += self.values[-1].size
        self.seen += values.size
        while self.kept > PLOT_POINTS:
            self._halve()

    def _halve(self) -> None:
        v = np.concatenate(self.values)
        t = np.concatenate(self.times)
        self.values, self.times = [v[::2]], [t[::2]]
        self.kept = self.values[0].size
        self.stride *= 2

    def plot(self) -> tuple[np.ndarray, np.ndarray]:
        if not self.values:
            return np.empty(0), np.empty(0)
        return np.concatenate(self.values), np.concatenate(self.times)


def check_statistics_stream(store: SessionStore, info: SessionInfo) -> list[dict[str, Any]]:
    """`export.check_statistics` for one session, from running sums in one pass over the
    store; "values" and "t" hold at most PLOT_POINTS readings per check, evenly spread
    (for plots and histograms), not every reading."""
    accs: dict[str, _CheckAcc] = {}
    for _, piece in frames(store, [info.id]):
        cats = piece["check_id"].cat.categories
        codes = piece["check_id"].cat.codes.to_numpy()
        values = piece["value"].to_numpy()
        t = piece["t"].to_numpy()
        over = piece["overload"].to_numpy()
        ver = piece["verdict"].to_numpy()
        units = piece["unit"].astype(str).to_numpy()
        for code in np.unique(codes):
            mask = codes == code
            check_id = str(cats[code]) if code >= 0 else ""
            acc = accs.setdefault(check_id, _CheckAcc())
            if not acc.unit:
                acc.unit = str(units[mask][0])
            acc.add(values[mask], t[mask], over[mask], ver[mask])
    limits = {c.check_id: c for c in info.checks}
    order = list(dict.fromkeys(limits)) + sorted(c for c in accs if c not in limits)
    out: list[dict[str, Any]] = []
    for check_id in order:
        acc = accs.get(check_id)
        if acc is None:
            continue
        s = acc.stats.summary()
        lim = limits.get(check_id)
        cp = cpk = None
        if lim is not None and lim.lower is not None and lim.upper is not None:
            cp, cpk = capability(s.mean, s.std, lim.lower, lim.upper)
        counts = {k.name: int(acc.stats.counts[k]) for k in Verdict} if int(
            acc.stats.counts.sum()) else {}
        v, t = acc.plot()
        out.append({
            "check": check_id, "title": lim.title if lim else "", "unit": acc.unit,
            "limit": lim.limit_text if lim else "", "nominal": lim.nominal if lim else None,
            "lower": lim.lower if lim else None, "upper": lim.upper if lim else None,
            "n": s.count, "n_valid": s.n_valid, "mean": s.mean, "std": s.std, "min": s.min,
            "max": s.max, "overloads": s.n_overload, "errors": s.n_error,
            "counts": counts, "cp": cp, "cpk": cpk, "values": v, "t": t,
        })
    return out
