"""A lab of benches on PostgreSQL, as ratios against bare baselines in the same run.

1. Forward one session of 1 M readings from a bench's SQLite file to the lab database
   (`lab_sync.forward`: read, verify its chain, insert its records, binary COPY of its
   readings, arrival ledger, one transaction), against a bare binary COPY of the same
   reading rows, prebuilt, into a table of the same shape on the same server.
   Goal ≥ 0.8×.
2. Eight benches forwarding at once (eight `meterlab sync` processes on this machine),
   each bench's file holding the same number of sessions: every session must arrive
   exactly once and verify; the figure is their joint readings/s against one bench
   forwarding alone.
3. `meterlab spc`'s figures (`load_series` + `check_stats`: count, mean, σ, Cp, Cpk,
   fraction out, control chart) over 10 000 sessions of one plan, against the bare SQL
   aggregate (count, avg, stddev_samp per check) over the same rows.

A private PostgreSQL cluster is started for the run (tests/pg_cluster.py) unless
METERLAB_BENCH_PG names a database to use.

Figure 1 is the median of --repeat rounds, each round timing the bare COPY and the
forward back to back (a shared machine's load swings single timings by ±30 %); every
round's ratio is printed too.

Run: uv run python benchmarks/bench_lab.py [--readings 1000000] [--sessions 10000]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import psycopg

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

import pg_cluster

from meterlab.lab_schema import _COPY_HEADER, _COPY_TRAILER, _copy_rows
from meterlab.lab_sync import forward
from meterlab.outcome import Outcome
from meterlab.readings import ReadingBatch
from meterlab.spc import check_stats, load_series
from meterlab.store import SessionStore

LOWER, UPPER = 3.135, 3.465


def record(db: Path, station: str, n: int, seed: int, plan: str = "rail") -> str:
    rng = np.random.default_rng(seed)
    values = rng.normal(3.3, 0.02, n)
    with SessionStore(db) as st:
        w = st.begin(operator="bench", station=station, plan_name=plan, kind="run")
        w.add_check(check_id="V33", title="3V3", function="VOLT:DC", unit="V",
                    limit_text="3.3 V ±5 %", lower=LOWER, upper=UPPER, nominal=3.3)
        for k in range(0, n, 50_000):
            v = values[k:k + 50_000]
            w.append(ReadingBatch(t=1.78e9 + (k + np.arange(v.size)) * 1e-4, values=v,
                                  function="VOLT:DC", unit="V"), check_id="V33",
                     verdicts=np.zeros(v.size, np.int8), margins=UPPER - v)
        w.add_result(check_id="V33", value=float(values.mean()), verdict=0, n=n)
        w.finish(outcome=Outcome.PASS)
        return w.id


def fresh_db(server: str, name: str) -> str:
    with psycopg.connect(server, autocommit=True) as c:
        c.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        c.execute(f"CREATE DATABASE {name}")
    return server.rsplit("/", 1)[0] + "/" + name


def bench_forward(server: str, tmp: Path, n: int, repeat: int) -> None:
    db = tmp / "one.sqlite"
    sid = record(db, "A", n, 1)
    with SessionStore(db) as st:
        rows = st.connection.execute(
            "SELECT session_id, seq, n, t, value, overload, verdict, margin FROM batches "
            "WHERE session_id=? ORDER BY seq", (sid,)).fetchall()
    names = ("session_id", "seq", "n", "t", "value", "overload", "verdict", "margin")
    payload = _COPY_HEADER + b"".join(
        chunk for r in rows for chunk in _copy_rows(dict(zip(names, r, strict=True)))
    ) + _COPY_TRAILER
    bare_times, fwd_times = [], []
    for _ in range(repeat):  # paired rounds: the machine is shared
        lab = fresh_db(server, "bench_forward")
        SessionStore(lab).close()  # schema made outside the timing
        with psycopg.connect(lab, autocommit=True) as c:
            c.execute("CREATE TABLE bare (LIKE readings INCLUDING ALL)")
            t0 = time.perf_counter()
            with c.transaction(), c.cursor().copy(
                    "COPY bare (session_id, batch_seq, idx, t, value, overload, verdict, "
                    "margin) FROM STDIN (FORMAT BINARY)") as cp:
                cp.write(payload)
            bare_times.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        report = forward(db, lab)
        fwd_times.append(time.perf_counter() - t0)
        assert report.sent == [sid]
        with SessionStore(db) as st:  # forget the note: the next round sends it again
            st.connection.execute("DELETE FROM lab_forwarded")
    with SessionStore(lab) as st:
        assert all(r.ok for r in st.verify())
    ratios = [b / f for b, f in zip(bare_times, fwd_times, strict=True)]
    k = int(np.argsort(ratios)[len(ratios) // 2])  # the median round, paired under one load
    bare, fwd = bare_times[k], fwd_times[k]
    each = ", ".join(f"{r:.2f}" for r in ratios)
    print(f"1. forward a {n:,}-reading session: {fwd:.2f} s ({n / fwd:,.0f} readings/s); "
          f"bare COPY of the same rows {bare:.2f} s → {ratios[k]:.2f}× (goal ≥ 0.8×; median "
          f"of {repeat} rounds; each round {each})")


def bench_eight(server: str, tmp: Path, sessions: int, n: int) -> None:
    files = []
    for b in range(8):
        f = tmp / f"bench{b}.sqlite"
        for k in range(sessions):
            record(f, f"bench-{b}", n, 1000 * b + k)
        files.append(f)
    lab1 = fresh_db(server, "bench_one")
    SessionStore(lab1).close()
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "meterlab", "sync", "--to", lab1, "--db",
                    str(files[0])], check=True, capture_output=True)
    one = time.perf_counter() - t0
    lab = fresh_db(server, "bench_eight")
    SessionStore(lab).close()
    t0 = time.perf_counter()
    procs = [subprocess.Popen([sys.executable, "-m", "meterlab", "sync", "--to", lab, "--db",
                               str(f)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
             for f in files]
    codes = [p.wait() for p in procs]
    eight = time.perf_counter() - t0
    assert codes == [0] * 8, codes
    with psycopg.connect(lab) as c:
        held = c.execute("SELECT count(*), count(DISTINCT id) FROM sessions").fetchone()
        nread = c.execute("SELECT count(*) FROM readings").fetchone()[0]
    with SessionStore(lab) as st:
        bad = [r for r in st.verify() if not r.ok]
    total = 8 * sessions
    print(f"2. eight benches at once: {held[0]} of {total} sessions arrived, {held[1]} distinct, "
          f"{nread:,} of {total * n:,} readings, {len(bad)} failing verify; "
          f"{8 * sessions * n / eight:,.0f} readings/s together = "
          f"{(8 * sessions * n / eight) / (sessions * n / one):.2f}× one bench alone "
          f"({eight:.1f} s vs {one:.1f} s for one)")
    assert held == (total, total) and nread == total * n and not bad


def bench_spc(server: str, tmp: Path, sessions: int, n: int) -> None:
    lab = fresh_db(server, "bench_spc")
    db = tmp / "spc.sqlite"
    seeds = 50
    for k in range(seeds):
        record(db, f"bench-{k % 5}", n, 5000 + k)
    forward(db, lab)
    copies = max(0, sessions // seeds - 1)
    with psycopg.connect(lab, autocommit=True) as c:
        # Clone the forwarded sessions under new ids: a plan's worth of sessions quickly.
        c.execute("CREATE TEMP TABLE k AS SELECT generate_series(1, %s) AS k", (copies,))
        c.execute("CREATE TEMP TABLE m AS SELECT s.id AS old, k.k, md5(s.id || k.k) AS new, "
                  "k.k AS shift FROM sessions s CROSS JOIN k")
        cols = [r[0] for r in c.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name='sessions' "
            "AND table_schema=current_schema() ORDER BY ordinal_position")]
        sel = ", ".join("m.new" if x == "id" else
                        "to_char(to_timestamp(extract(epoch FROM s.start_utc::timestamptz) "
                        "+ m.shift), 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')" if x == "start_utc"
                        else f"s.{x}" for x in cols)
        c.execute(f"INSERT INTO sessions ({', '.join(cols)}) SELECT {sel} FROM sessions s "
                  f"JOIN m ON m.old = s.id")
        for table in ("checks", "batches", "results", "readings"):
            tcols = [r[0] for r in c.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name=%s AND "
                "table_schema=current_schema() ORDER BY ordinal_position", (table,))]
            tsel = ", ".join("m.new" if x == "session_id" else f"x.{x}" for x in tcols)
            quoted = ", ".join(f'"{x}"' for x in tcols)
            c.execute(f"INSERT INTO {table} ({quoted}) SELECT {tsel} FROM {table} x "
                      f"JOIN m ON m.old = x.session_id")
        c.execute("ANALYZE")
        total = c.execute("SELECT count(*) FROM sessions").fetchone()[0]
        rows = c.execute("SELECT count(*) FROM readings").fetchone()[0]
    with psycopg.connect(lab) as c:
        t0 = time.perf_counter()
        bare = c.execute(
            "SELECT b.check_id, count(*), avg(r.value), stddev_samp(r.value), "
            "avg(((r.value < c.lower) OR (r.value > c.upper))::int) FROM readings r "
            "JOIN batches b ON b.session_id = r.session_id AND b.seq = r.batch_seq "
            "JOIN sessions s ON s.id = r.session_id "
            "JOIN checks c ON c.session_id = s.id AND c.check_id = b.check_id "
            "WHERE s.plan_name = 'rail' AND NOT r.overload AND r.value <> 'NaN' "
            "GROUP BY b.check_id").fetchall()
        t_bare = time.perf_counter() - t0
    with SessionStore(lab) as st:
        t0 = time.perf_counter()
        stats = [check_stats(s) for s in load_series(st, "rail")]
        t_spc = time.perf_counter() - t0
    assert stats[0].count == bare[0][1] and abs(stats[0].mean - bare[0][2]) < 1e-9
    print(f"3. spc over {total:,} sessions ({rows:,} readings): {t_spc:.2f} s; bare SQL "
          f"aggregate {t_bare:.2f} s → spc takes {t_spc / t_bare:.2f}× the bare query "
          f"(and adds Cp/Cpk, moving ranges and the four control rules)")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--readings", type=int, default=1_000_000)
    ap.add_argument("--sessions", type=int, default=10_000)
    ap.add_argument("--eight-sessions", type=int, default=20)
    ap.add_argument("--eight-readings", type=int, default=20_000)
    ap.add_argument("--only", choices=["1", "2", "3"], default=None)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    server = os.environ.get("METERLAB_BENCH_PG", "").strip()
    base = None
    if not server:
        server, base = pg_cluster.start()
    try:
        with tempfile.TemporaryDirectory() as d:
            tmp = Path(d)
            if args.only in (None, "1"):
                bench_forward(server, tmp, args.readings, args.repeat)
            if args.only in (None, "2"):
                bench_eight(server, tmp, args.eight_sessions, args.eight_readings)
            if args.only in (None, "3"):
                bench_spc(server, tmp, args.sessions, 100)
    finally:
        if base is not None:
            pg_cluster.stop(base)


if __name__ == "__main__":
    main()
