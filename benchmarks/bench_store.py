"""Session store speed, as ratios against bare baselines measured in the same run.

1. Append: readings streamed into a `SessionWriter` (buffered, hash-chained, committed
   by its flusher) until `finish()` returns, against a bare `executemany` of the same
   arrays as BLOB rows into SQLite (no hashing, no thread). Target ≥ 500 000 readings/s.
   Three batch shapes: 1000-reading batches (a streaming DMM), 50 000 (the engine's
   largest), and single readings (timed mode, the worst case per reading).
2. Read back all readings as a DataFrame, and verify the chain, as readings/s.

Run: uv run python benchmarks/bench_store.py [--readings 2000000]
"""

from __future__ import annotations

import argparse
import sqlite3
import tempfile
import time
from pathlib import Path

import numpy as np

from meterlab.readings import ReadingBatch
from meterlab.store import SessionStore

TARGET = 500_000


def _batches(total: int, size: int) -> list[tuple[ReadingBatch, np.ndarray, np.ndarray]]:
    rng = np.random.default_rng(0)
    out = []
    t = 1.78e9
    for k in range(0, total, size):
        n = min(size, total - k)
        v = rng.normal(3.3, 0.01, n)
        b = ReadingBatch(t=t + np.arange(n) * 1e-4, values=v, overload=np.zeros(n, bool),
                         range=10.0)
        out.append((b, np.zeros(n, np.int8), 3.399 - v))
        t += n * 1e-4
    return out


def bench_store(folder: Path, batches: list, tag: str) -> float:
    path = folder / f"store-{tag}.sqlite"
    with SessionStore(path) as store:
        t0 = time.perf_counter()
        w = store.begin(operator="bench")
        for b, ver, mar in batches:
            w.append(b, check_id="3v3", verdicts=ver, margins=mar)
        w.finish()
        return time.perf_counter() - t0


def bench_bare(folder: Path, batches: list, tag: str) -> float:
    path = folder / f"bare-{tag}.sqlite"
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=NORMAL")
    con.execute("CREATE TABLE b (seq INTEGER PRIMARY KEY, n INTEGER, t BLOB, v BLOB, o BLOB, "
                "ver BLOB, m BLOB)")
    t0 = time.perf_counter()
    con.execute("BEGIN")
    con.executemany("INSERT INTO b VALUES (?,?,?,?,?,?,?)", (
        (i, len(b), b.t.tobytes(), b.values.tobytes(), b.overload.tobytes(), ver.tobytes(),
         mar.tobytes()) for i, (b, ver, mar) in enumerate(batches)))
    con.execute("COMMIT")
    dt = time.perf_counter() - t0
    con.close()
    return dt


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--readings", type=int, default=2_000_000)
    args = ap.parse_args()
    n = args.readings
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        print(f"append {n:,} readings (target ≥ {TARGET:,}/s)")
        for size in (1000, 50_000, 1):
            total = n if size > 1 else min(n, 50_000)
            batches = _batches(total, size)
            store_s = min(bench_store(folder, batches, f"{size}-{k}") for k in range(2))
            bare_s = min(bench_bare(folder, batches, f"{size}-{k}") for k in range(2))
            rate = total / store_s
            print(f"  batches of {size:>6,}: store {rate:>12,.0f} readings/s "
                  f"({rate / TARGET:5.1f}× target)  bare sqlite {total / bare_s:>12,.0f}/s  "
                  f"store/bare time ratio {store_s / bare_s:5.2f}")
        with SessionStore(folder / "store-1000-0.sqlite") as store:
            sid = store.session("latest").id
            t0 = time.perf_counter()
            df = store.readings(sid)
            read_s = time.perf_counter() - t0
            t0 = time.perf_counter()
            ok = store.verify(sid)[0].ok
            verify_s = time.perf_counter() - t0
        print(f"read back {len(df):,} readings as a DataFrame: {len(df) / read_s:,.0f}/s")
        print(f"verify the chain ({'intact' if ok else 'ALTERED'}): {len(df) / verify_s:,.0f} "
              f"readings/s")


if __name__ == "__main__":
    main()
