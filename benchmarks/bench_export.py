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

Run: uv run python benchmarks/bench_export.py [--readings 1000000] [--xlsx-readings 200000]
"""

from __future__ import annotations

import argparse
import tempfile
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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--readings", type=int, default=1_000_000)
    ap.add_argument("--xlsx-readings", type=int, default=200_000)
    args = ap.parse_args()
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
