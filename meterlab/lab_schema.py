"""What a lab database holds beyond a bench's: readings one row each, for plain SQL.

The session tables are the bench's own (same schema version, same migrations, same hash
chain; `store_schema` is run through `store_engine.translate_ddl`). On top of them the lab
keeps, derived from the chained batches and checked against them by `meterlab verify`:

* `readings`: one row per reading (session, batch record, index, t, value, overload,
  verdict code, margin), written by binary COPY in the same transaction as its batch;
  NaN stands for "no value" so every row has the same width;
* the view `readings_flat` (documented in the README), one row per reading with the
  session's station, operator, DUT, plan and outcome and the batch's check, function and
  unit, so quality staff query values with plain SQL.
* binary columns of `batches` stored uncompressed (STORAGE EXTERNAL): packed floats do
  not compress, and trying costs the forward time;
and the store's own ledger (`store_ledger`, the same as a bench's) finds a session deleted
whole: a forwarded session is entered in it when it arrives, one recorded straight into
the lab database when it starts and closes.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np

from meterlab.errors import StoreError

#: Advisory lock keys: one migration at a time; one writing transaction at a time past
#: its first write (what SQLite's BEGIN IMMEDIATE gives the store: the ledger and its
#: head are appended to by one program at a time).
MIGRATE_LOCK = 0x6D6C_0001
WRITE_LOCK = 0x6D6C_0002

LAB_DDL = """
CREATE TABLE IF NOT EXISTS readings (
    session_id TEXT NOT NULL,
    batch_seq INTEGER NOT NULL,
    idx INTEGER NOT NULL,
    t DOUBLE PRECISION NOT NULL,
    value DOUBLE PRECISION NOT NULL,
    overload BOOLEAN NOT NULL,
    verdict SMALLINT NOT NULL,
    margin DOUBLE PRECISION NOT NULL
);
CREATE INDEX IF NOT EXISTS readings_session ON readings (session_id, batch_seq);
CREATE INDEX IF NOT EXISTS sessions_plan ON sessions (plan_name, start_utc);
ALTER TABLE batches ALTER COLUMN t SET STORAGE EXTERNAL,
    ALTER COLUMN value SET STORAGE EXTERNAL, ALTER COLUMN overload SET STORAGE EXTERNAL,
    ALTER COLUMN verdict SET STORAGE EXTERNAL, ALTER COLUMN margin SET STORAGE EXTERNAL;
CREATE OR REPLACE VIEW readings_flat AS
SELECT r.session_id, s.station, s.operator, s.dut_type, s.dut_serial, s.plan_name,
       s.plan_version, s.outcome, s.status AS session_status, s.start_utc AS session_start,
       b.check_id, b.role, b.function, b.unit, b.range, b.source,
       r.batch_seq, r.idx, r.t, to_timestamp(r.t) AS time,
       NULLIF(r.value, 'NaN'::float8) AS value, r.overload,
       CASE r.verdict WHEN 0 THEN 'PASS' WHEN 1 THEN 'MARGINAL' WHEN 2 THEN 'INDETERMINATE'
            WHEN 3 THEN 'FAIL' WHEN 4 THEN 'OVERLOAD' WHEN 5 THEN 'ERROR' END AS verdict,
       NULLIF(r.margin, 'NaN'::float8) AS margin, b.cal_expired <> 0 AS cal_expired
FROM readings r
JOIN batches b ON b.session_id = r.session_id AND b.seq = r.batch_seq
JOIN sessions s ON s.id = r.session_id
"""

_COPY_HEADER = b"PGCOPY\n\xff\r\n\x00" + b"\x00" * 8
_COPY_TRAILER = b"\xff\xff"
_ROWS_PER_WRITE = 200_000
#: One row of `readings` without its session id, as binary COPY sends it back.
_OUT = np.dtype([("nf", ">i2"), ("l0", ">i4"), ("bseq", ">i4"), ("l1", ">i4"), ("idx", ">i4"),
                 ("l2", ">i4"), ("t", ">f8"), ("l3", ">i4"), ("value", ">f8"), ("l4", ">i4"),
                 ("over", "u1"), ("l5", ">i4"), ("verdict", ">i2"), ("l6", ">i4"),
                 ("margin", ">f8")])


def migrate(conn: Any) -> None:
    """Bring a lab database to this meterlab's schema, then add the lab's own tables.

    One transaction under an advisory lock, so eight benches forwarding to a fresh
    database at once migrate it once.
    """
    from meterlab.store_engine import translate_ddl
    from meterlab.store_schema import MIGRATIONS, SCHEMA_VERSION, _statements

    raw = conn.raw
    if _current(raw, SCHEMA_VERSION):
        # No DDL and no lock on an up-to-date database: CREATE … IF NOT EXISTS still locks
        # the tables, which would queue a bench's open behind another bench's forward.
        return
    conn.execute("BEGIN")
    try:
        raw.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATE_LOCK,))
        names = {r[0] for r in raw.execute(
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_schema = current_schema()")}
        if "schema_version" in names:
            row = raw.execute("SELECT version FROM schema_version").fetchone()
            version = int(row[0]) if row else 0
        elif "sessions" in names:
            raise StoreError("The database has a table `sessions` that meterlab did not make. "
                             "Nothing was changed; give meterlab a database of its own.")
        else:
            version = 0
        if version > SCHEMA_VERSION:
            raise StoreError(f"The lab database was written by a newer meterlab (schema "
                             f"{version}; this one reads up to {SCHEMA_VERSION}). Nothing was "
                             f"changed. Update meterlab on this bench.")
        while version < SCHEMA_VERSION:
            migration = MIGRATIONS[version]
            if isinstance(migration, tuple):
                script, step = migration
            elif isinstance(migration, str):
                script, step = migration, None
            else:
                script, step = "", migration
            for statement in _statements(translate_ddl(script)):
                raw.execute(statement)
            if step is not None:
                step(conn)
            version += 1
            raw.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
            raw.execute("DELETE FROM schema_version")
            raw.execute("INSERT INTO schema_version VALUES (%s)", (version,))
        for statement in _statements(LAB_DDL):
            raw.execute(statement)
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def _current(raw: Any, version: int) -> bool:
    """Whether the database has this schema version and the lab's tables and view."""
    names = {r[0] for r in raw.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = "
        "current_schema() AND table_name IN ('schema_version', 'readings', 'readings_flat')")}
    if len(names) < 3:
        return False
    row = raw.execute("SELECT version FROM schema_version").fetchone()
    return row is not None and int(row[0]) == version


def _arrays(batch: Mapping[str, Any]) -> tuple[np.ndarray, ...]:
    n = int(batch["n"])
    t = np.frombuffer(batch["t"], "<f8", n)
    value = np.frombuffer(batch["value"], "<f8", n)
    over = (np.zeros(n, "u1") if batch.get("overload") is None
            else np.frombuffer(batch["overload"], "u1", n))
    verdict = (np.full(n, -1, "i2") if batch.get("verdict") is None
               else np.frombuffer(batch["verdict"], "i1", n).astype("i2"))
    margin = (np.full(n, np.nan) if batch.get("margin") is None
              else np.frombuffer(batch["margin"], "<f8", n))
    return t, value, over, verdict, margin


def _copy_rows(batch: Mapping[str, Any]) -> Iterable[bytes]:
    """The batch's readings as binary COPY rows, built by numpy (no Python per reading)."""
    sid = str(batch["session_id"]).encode()
    dtype = np.dtype([("nf", ">i2"), ("l0", ">i4"), ("sid", f"S{len(sid)}"), ("l1", ">i4"),
                      ("bseq", ">i4"), ("l2", ">i4"), ("idx", ">i4"), ("l3", ">i4"),
                      ("t", ">f8"), ("l4", ">i4"), ("value", ">f8"), ("l5", ">i4"),
                      ("over", "u1"), ("l6", ">i4"), ("verdict", ">i2"), ("l7", ">i4"),
                      ("margin", ">f8")])
    t, value, over, verdict, margin = _arrays(batch)
    n = t.shape[0]
    for start in range(0, n, _ROWS_PER_WRITE):
        stop = min(n, start + _ROWS_PER_WRITE)
        a = np.empty(stop - start, dtype)
        a["nf"] = 8
        a["l0"], a["sid"] = len(sid), sid
        a["l1"], a["bseq"] = 4, int(batch["seq"])
        a["l2"], a["idx"] = 4, np.arange(start, stop)
        a["l3"], a["t"] = 8, t[start:stop]
        a["l4"], a["value"] = 8, value[start:stop]
        a["l5"], a["over"] = 1, over[start:stop] != 0
        a["l6"], a["verdict"] = 2, verdict[start:stop]
        a["l7"], a["margin"] = 8, margin[start:stop]
        yield a.tobytes()


def copy_readings(raw: Any, batches: list[Mapping[str, Any]]) -> None:
    """Write the readings of inserted batch rows into `readings`, by binary COPY."""
    if not batches:
        return
    with raw.cursor().copy(
            "COPY readings (session_id, batch_seq, idx, t, value, overload, verdict, margin) "
            "FROM STDIN (FORMAT BINARY)") as cp:
        cp.write(_COPY_HEADER)
        for batch in batches:
            for chunk in _copy_rows(batch):
                cp.write(chunk)
        cp.write(_COPY_TRAILER)


def readings_problems(conn: Any, sid: str) -> list[str]:
    """Where the per-reading rows of a session no longer match its chained batches."""
    from psycopg import sql

    raw = conn.raw
    stmt = sql.SQL("COPY (SELECT batch_seq, idx, t, value, overload, verdict, margin FROM "
                   "readings WHERE session_id = {} ORDER BY batch_seq, idx) TO STDOUT "
                   "(FORMAT BINARY)").format(sql.Literal(sid))
    buf = bytearray()
    with raw.cursor().copy(stmt) as cp:
        for data in cp:
            buf += data
    body = bytes(buf[len(_COPY_HEADER):len(buf) - len(_COPY_TRAILER)]) if buf else b""
    rows = np.frombuffer(body, _OUT) if body else np.zeros(0, _OUT)
    problems: list[str] = []
    batches = raw.execute("SELECT seq, n, t, value, overload, verdict, margin FROM batches "
                          "WHERE session_id = %s ORDER BY seq", (sid,)).fetchall()
    known = {int(b[0]) for b in batches}
    extra = sorted({int(s) for s in np.unique(rows["bseq"])} - known)
    if extra:
        problems.append(f"readings_flat has rows for records {extra} that hold no batch: "
                        f"rows were added")
    bounds = np.searchsorted(rows["bseq"], np.array([*sorted(known), 2 ** 31 - 1]), "left")
    where = dict(zip(sorted(known), itertools.pairwise(bounds), strict=True))
    for seq, n, t, value, over, verdict, margin in batches:
        lo, hi = where[int(seq)]
        got = rows[lo:hi]
        # The chain guards the batch itself; here only its derived rows are compared.
        t_, v_, o_, vd_, m_ = _arrays({"n": n, "t": t, "value": value, "overload": over,
                                       "verdict": verdict, "margin": margin})
        if got.shape[0] != int(n):
            problems.append(f"readings_flat holds {got.shape[0]} of the {n} readings of record "
                            f"{seq}: rows were deleted or added")
            continue
        same = (np.array_equal(got["idx"], np.arange(int(n)))
                and np.array_equal(got["t"].astype("f8"), t_, equal_nan=True)
                and np.array_equal(got["value"].astype("f8"), v_, equal_nan=True)
                and np.array_equal(got["over"] != 0, o_ != 0)
                and np.array_equal(got["verdict"].astype("i2"), vd_)
                and np.array_equal(got["margin"].astype("f8"), m_, equal_nan=True))
        if not same:
            problems.append(f"a reading of record {seq} in readings_flat differs from the "
                            f"chained batch: it was changed")
    return problems
