"""Export speed, as ratios against pandas' own writers on the same frame, in the same run.

* CSV, 1 000 000 readings: `export_sessions(..., "csv")` (metadata header, inert text,
  OVERLOAD words, ISO times) against `DataFrame.to_csv` of the frame `SessionStore.readings`
  returns (the brief's baseline; target ≤ 1.2×), and against `to_csv` of a leaner frame
  with the exported columns in native dtypes (naive UTC datetimes), the cheapest honest
  bare write.
* XLSX: `export_sessions(..., "xlsx")` (Summary, Readings, Limits sheets) against a bare
  `DataFrame.to_excel(engine="openpyxl")` of the readings frame (tz dropped: Excel has
  none). Target ≤ 1.2×. Default 200 000 readings: openpyxl needs minutes for a million.
* JSON and Parquet timings for information.

* Peak memory (`--memory 1000000,10000000`, add 100000000 if you have the time and the
  disk): each export (CSV, Parquet, JSON, PDF) and `verify` runs in a fresh process
  and reports its peak resident-memory growth after imports (getrusage ru_maxrss), and
  its time. Exports stream the session piece by piece, so the growth must stay flat.
* Throughput against pyarrow's own writers on the same rows: `pyarrow.csv.write_csv`
  and `pyarrow.parquet.write_table` (defaults, zstd) of the same final table already in
  memory (the bare cost of writing, no store, no text rules); ratio = pyarrow time /
  ours (1.0 = as fast as pyarrow, goal ≥ 0.8). Parquet also against `write_table` with
  meterlab's own encoding choices, for information (see `pyarrow_ratios`).

Run: uv run python benchmarks/bench_export.py [--readings 1000000] [--xlsx-readings 200000]
     uv run python benchmarks/bench_export.py --only-memory --memory 1000000,10000000
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

from meterlab.export import export_sessions
from meterlab.readings import ReadingBatch, Verdict
from meterlab.store import SessionStore

CHECKS = (("3v3", "VOLT:DC", "V", 3.3), ("5v", "VOLT:DC", "V", 5.0),
          ("idd", "CURR:DC", "A", 0.042), ("rth", "RES", "Ω", 4700.0))


def make_session(store: SessionStore, n: int) -> str:
    rng = np.random.default_rng(1)
    w = store.begin(operator="=bench", dut_serial="SN-1", plan_name="bench plan")
    for cid, fn, unit, nom in CHECKS:
        w.add_check(check_id=cid, title=cid, function=fn, unit=unit, limit_text="±3 %",
                    lower=nom * 0.97, upper=nom * 1.03, nominal=nom)
    t = 1.78e9
    per = n // len(CHECKS)
    for cid, fn, unit, nom in CHECKS:
        for k in range(0, per, 10_000):
            m = min(10_000, per - k)
            v = rng.normal(nom, nom * 0.008, m)
            over = rng.random(m) < 1e-4
            v[over] = np.nan
            ver = np.where(np.abs(v - nom) > nom * 0.03, Verdict.FAIL, Verdict.PASS).astype(
                np.int8)
            ver[over] = Verdict.OVERLOAD
            w.append(ReadingBatch(t=t + np.arange(m) * 1e-3, values=v, overload=over,
                                  function=fn, unit=unit, range=None if unit == "Ω" else 10.0),
                     check_id=cid, verdicts=ver, margins=nom * 0.03 - np.abs(v - nom))
            t += m * 1e-3
    w.finish()
    return w.id


def timed(fn: Callable[[], object]) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def best(fn: Callable[[], object], runs: int = 2) -> float:
    return min(timed(fn) for _ in range(runs))


def lean_frame(df: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({
        "session": df["session_id"], "time_utc": df["time"].dt.tz_localize(None),
        "check": df["check_id"], "function": df["function"], "range": df["range"],
        "value": df["value"], "unit": df["unit"], "verdict": df["verdict"],
        "margin": df["margin"], "overload": df["overload"], "gap_before": df["gap_before"],
        "cal_expired": df["cal_expired"], "source": df["source"]})


_PROBE = textwrap.dedent("""
    import json, resource, sys, time
    import pyarrow, pyarrow.parquet, pandas, reportlab  # imports are not the export's growth
    from meterlab.export import export_sessions
    from meterlab.store import SessionStore

    db, what, out = sys.argv[1], sys.argv[2], sys.argv[3]
    with SessionStore(db) as store:
        sid = store.session("latest").id
        base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        t0 = time.perf_counter()
        if what == "verify":
            assert all(r.ok for r in store.verify())
        else:
            export_sessions(store, [sid], out)
        took = time.perf_counter() - t0
        grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - base
    print(json.dumps({"seconds": took, "grown_mb": grown / 1024}))
""")


def fill_fast(store: SessionStore, n: int) -> str:
    """A session of n readings written in 1 M-reading batches (random values near 3.3 V,
    a few overloads): big sessions in seconds, not the minutes logging them would take."""
    rng = np.random.default_rng(2)
    w = store.begin(operator="bench", dut_serial="SN-M", plan_name="memory")
    w.add_check(check_id="3v3", title="rail", function="VOLT:DC", unit="V",
                limit_text="3.3 V ±3 %", lower=3.201, upper=3.399, nominal=3.3)
    t = 1.78e9
    for start in range(0, n, 1_000_000):
        m = min(1_000_000, n - start)
        v = rng.normal(3.3, 0.01, m)
        over = rng.random(m) < 1e-5
        v[over] = np.nan
        ver = np.where(over, Verdict.OVERLOAD, np.where(np.abs(v - 3.3) > 0.099, Verdict.FAIL,
                                                          Verdict.PASS)).astype(np.int8)
        w.append(ReadingBatch(t=t + np.arange(m) * 2e-5, values=v, overload=over, range=10.0),
                 check_id="3v3", verdicts=ver, margins=0.099 - np.abs(v - 3.3))
        w.flush()
        t += m * 2e-5
    w.finish()
    return w.id


def probe(db: Path, what: str, out: Path) -> dict[str, float]:
    proc = subprocess.run([sys.executable, "-c", _PROBE, str(db), what, str(out)],
                          capture_output=True, text=True, check=False)
    if proc.returncode:
        raise SystemExit(f"{what} failed: {proc.stderr.strip()[-400:]}")
    out.unlink(missing_ok=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def memory_figures(sizes: list[int], whats: tuple[str, ...] = ("csv", "parquet", "json", "pdf",
                                                                 "verify")) -> None:
    print("Peak resident-memory growth (fresh process, after imports) and time")
    print(f"  {'readings':>12}  {'what':8} {'peak growth':>12} {'time':>9} {'readings/s':>12}")
    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            db = folder / "m.sqlite"
            with SessionStore(db) as store:
                fill_fast(store, n)
            for what in whats:
                r = probe(db, what, folder / f"x.{what}")
                print(f"  {n:>12,}  {what:8} {r['grown_mb']:>9.0f} MB {r['seconds']:>8.1f}s "
                      f"{n / r['seconds']:>12,.0f}", flush=True)


def timed_cpu(fn: Callable[[], object]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of every thread of this process)."""
    t0, c0 = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - t0, time.process_time() - c0


def best_both(fn: Callable[[], object], runs: int = 3) -> tuple[float, float]:
    """Best wall and best CPU time of `runs` runs (the machine is shared: the best run is
    the one least disturbed)."""
    runs_ = [timed_cpu(fn) for _ in range(runs)]
    return min(w for w, _ in runs_), min(c for _, c in runs_)


def pyarrow_ratios(n: int) -> None:
    """Ours against pyarrow's writers on the same rows, throughput ratio (goal ≥ 0.8).

    Ours: `export_sessions` from the store (reading the session from SQLite piece by
    piece, building the columns, writing, renaming the .part file). pyarrow: writing the
    same final table (same columns, types and the sessions' metadata), built beforehand
    and already in memory, so it pays for none of the reading. Parquet is compared
    twice: against `pq.write_table` with pyarrow's default encodings (the goal) and with
    the encodings meterlab chose (`export.PARQUET_WRITE`), which isolates what reading
    the store still costs."""
    import pyarrow as pa
    import pyarrow.csv as pacsv
    import pyarrow.parquet as pq

    from meterlab.export import PARQUET_WRITE, parquet_meta, parquet_table

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        with SessionStore(folder / "r.sqlite") as store:
            sid = fill_fast(store, n)
            table = parquet_table(store.readings(sid)).replace_schema_metadata(
                parquet_meta([store.session(sid)]))
            plain = table.cast(pa.schema([  # dictionaries as plain strings for the CSV writer
                f.with_type(f.type.value_type) if pa.types.is_dictionary(f.type) else f
                for f in table.schema]))
            print(f"Against pyarrow's writers, {n:,} readings (ratio = pyarrow time / ours; "
                  f"best of 3; wall clock, and CPU time of all threads)")
            export_sessions(store, [sid], folder / "warm.parquet")  # imports, page cache
            cases = (
                ("CSV", "o.csv", "pyarrow.csv.write_csv",
                 lambda: pacsv.write_csv(plain, str(folder / "p.csv"))),
                ("Parquet", "o.parquet", "pq.write_table, defaults, zstd",
                 lambda: pq.write_table(table, str(folder / "p.parquet"), compression="zstd")),
                ("Parquet", "o.parquet", "pq.write_table, meterlab's encodings",
                 lambda: pq.write_table(table, str(folder / "q.parquet"), **PARQUET_WRITE)))
            for name, out, what, theirs_fn in cases:
                ours_w, ours_c = best_both(lambda out=out: export_sessions(store, [sid],
                                                                           folder / out))
                theirs_w, theirs_c = best_both(theirs_fn)
                print(f"  {name:8} meterlab {ours_w:5.2f} s (CPU {ours_c:5.2f} s)   "
                      f"{what} {theirs_w:5.2f} s (CPU {theirs_c:5.2f} s)   "
                      f"ratio {theirs_w / ours_w:4.2f} (CPU {theirs_c / ours_c:4.2f})",
                      flush=True)
            print("  (goal ≥ 0.80 against pyarrow's own writers; the last line is for "
                  "information)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--readings", type=int, default=1_000_000)
    ap.add_argument("--xlsx-readings", type=int, default=200_000)
    ap.add_argument("--memory", default="1000000,10000000",
                    help="comma-separated session sizes for the peak-memory figures")
    ap.add_argument("--only-memory", action="store_true",
                    help="only the peak-memory figures and the pyarrow ratios")
    ap.add_argument("--what", default="csv,parquet,json,pdf,verify",
                    help="which exports the peak-memory figures cover (e.g. parquet,pdf,verify "
                         "for 100 M readings, where CSV and JSON take the better part of an hour)")
    ap.add_argument("--no-ratios", action="store_true", help="skip the pyarrow comparison")
    args = ap.parse_args()
    memory_figures([int(x) for x in args.memory.split(",") if x.strip()],
                   tuple(w.strip() for w in args.what.split(",") if w.strip()))
    if not args.no_ratios:
        pyarrow_ratios(args.readings)
    if args.only_memory:
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        with SessionStore(folder / "s.sqlite") as store:
            big = make_session(store, args.readings)
            small = make_session(store, args.xlsx_readings)
            df = store.readings(big)
            lean = lean_frame(df)
            print(f"CSV, {len(df):,} readings")
            ours = best(lambda: export_sessions(store, [big], folder / "x.csv"))
            base = best(lambda: df.to_csv(folder / "base.csv", index=False))
            bare = best(lambda: lean.to_csv(folder / "lean.csv", index=False))
            print(f"  meterlab export       {ours:7.2f} s")
            print(f"  readings().to_csv     {base:7.2f} s   ratio {ours / base:5.2f}  "
                  f"(target ≤ 1.20)")
            print(f"  lean frame .to_csv    {bare:7.2f} s   ratio {ours / bare:5.2f}")
            j = timed(lambda: export_sessions(store, [big], folder / "x.json"))
            p = timed(lambda: export_sessions(store, [big], folder / "x.parquet"))
            print(f"  (JSON {j:.2f} s, Parquet {p:.2f} s for the same readings)")

            sdf = store.readings(small)
            sdf = sdf.assign(time=sdf["time"].dt.tz_localize(None))
            print(f"XLSX, {len(sdf):,} readings")
            ours = timed(lambda: export_sessions(store, [small], folder / "x.xlsx"))
            base = timed(lambda: sdf.to_excel(folder / "base.xlsx", index=False,
                                              engine="openpyxl"))
            print(f"  meterlab export       {ours:7.2f} s")
            print(f"  pandas to_excel       {base:7.2f} s   ratio {ours / base:5.2f}  "
                  f"(target ≤ 1.20)")
            pdf = timed(lambda: export_sessions(store, [big], folder / "x.pdf"))
            print(f"PDF report of {len(df):,} readings: {pdf:.2f} s")


if __name__ == "__main__":
    main()
