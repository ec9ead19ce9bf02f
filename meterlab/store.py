"""The session store: every run, traceable, in one SQLite file.

A session records who measured which DUT, with which instruments (identity and
calibration date), against which plan and decision rule, and every reading with
its verdict; quality staff browse, verify and export it later. The database
lives in the user data folder unless `--db PATH` / `METERLAB_DB` says otherwise.

Readings are stored as batches (numpy arrays as little-endian BLOBs), which keeps
appends far above what any meter delivers; `readings()` hands them back as one
pandas DataFrame. Every record is chained with SHA-256 (see `store_chain`), and
`verify()` recomputes the chains. A session whose writing process died is closed
as "incomplete" the next time the database is opened for writing, keeping every
committed reading.

Qt-free: the CLI, the GUI and other programs share it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import socket
import sqlite3
import threading
import time
import uuid
import zlib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np

from meterlab import __version__
from meterlab.errors import StoreError
from meterlab.outcome import Outcome
from meterlab.paths import user_data_dir
from meterlab.readings import Verdict
from meterlab.store_chain import CHAIN_VERSION, finish_kind, normalise, record_hash
from meterlab.store_info import (
    CheckInfo,
    InstrumentInfo,
    ResultInfo,
    SessionInfo,
    VerifyResult,
)
from meterlab.store_ledger import append as ledger_append
from meterlab.store_schema import open_database
from meterlab.store_writer import LIVE, NO_VERDICT, SessionWriter, capture_channels, utc_iso

__all__ = [
    "NO_VERDICT", "CheckInfo", "InstrumentInfo", "ResultInfo", "SessionInfo", "SessionStore",
    "SessionWriter", "VerifyResult", "default_db_path",
]

VERDICT_NAMES: tuple[str, ...] = tuple(v.name for v in Verdict)
_COUNT_COLS = ("c_pass", "c_marginal", "c_indeterminate", "c_fail", "c_overload", "c_error")
#: A "running" session on another computer is presumed dead after this long silent.
STALE_HEARTBEAT_S = 600.0


def default_db_path() -> Path:
    """The session database: METERLAB_DB if set, else the user data folder."""
    env = os.environ.get("METERLAB_DB", "").strip()
    if env:
        return Path(env).expanduser()
    return user_data_dir() / "sessions.sqlite"


_SESSION_COLS = ("id", "start_utc", "end_utc", "status", "kind", "operator", "station",
                 "dut_type", "dut_serial", "meterlab_version", "plan_name", "plan_version",
                 "plan_sha256", "rule", "notes", "final_hash", "head_hash", "outcome",
                 "chain_version")


class SessionStore:
    """Open (or create) a session database; close it or use it as a context manager.

    `read_only` is True when the file could only be opened for reading (browsing,
    exporting and verifying still work; `begin` raises a StoreError).
    """

    def __init__(self, path: str | Path | None = None) -> None:
        from meterlab.store_engine import is_url, open_url, shown_url

        #: "sqlite" for a bench's file, "postgresql" for a lab database (see store_engine).
        self.engine = "postgresql" if is_url(path) else "sqlite"
        self.connection: Any
        if self.engine == "postgresql":
            self.path: Any = shown_url(str(path))
            self.connection, self.read_only = open_url(str(path).strip())
        else:
            self.path = Path(path).expanduser() if path else default_db_path()
            self.connection, self.read_only = open_database(self.path)
        self.lock = threading.RLock()
        self._writers: list[SessionWriter] = []
        if not self.read_only:
            self._close_dead_sessions()
            self._fill_legacy_outcomes()

    # -- errors ---------------------------------------------------------------------------

    def write_error(self, exc: BaseException, doing: str) -> StoreError:
        """A StoreError for a failed write, in words for the bench."""
        text = str(exc).lower()
        if "full" in text:
            why = "the disk (or the database's size limit) is full; free some space"
        elif "readonly" in text or "read-only" in text or "permission" in text:
            why = "the database is read-only; make it writable or use --db PATH"
        elif "locked" in text or "busy" in text:
            why = "another program holds the database locked; close it and try again"
        else:
            why = f"{str(exc).strip()}; check the disk and the file {self.path}"
        return StoreError(f"Could not write to the session database {self.path} {doing}: "
                          f"{why}. Everything committed before is intact.")

    # -- writing --------------------------------------------------------------------------

    def begin(self, *, operator: str = "", station: str = "", dut_type: str = "",
              dut_serial: str = "", plan_name: str = "", plan_version: str = "",
              plan_sha256: str = "", rule: str = "simple", kind: str = "run",
              notes: str = "") -> SessionWriter:
        """Start a session; its header (who, what, which plan) is committed at once."""
        if self.read_only:
            raise StoreError(f"The session database {self.path} is read-only, so this run "
                             f"cannot be recorded. Make it writable or use --db PATH.")
        start = time.time()
        header = normalise("header", {
            "id": str(uuid.uuid4()), "start_utc": utc_iso(start), "operator": operator,
            "station": station, "dut_type": dut_type, "dut_serial": dut_serial,
            "meterlab_version": __version__, "plan_name": plan_name,
            "plan_version": plan_version, "plan_sha256": plan_sha256, "rule": rule,
            "kind": kind, "notes": notes})
        h = record_hash("", "header", header)
        cols = (*header.keys(), "status", "host", "pid", "heartbeat", "header_hash",
                "n_records", "head_hash", "chain_version")
        values = (*header.values(), "running", socket.gethostname(), os.getpid(), start, h, 1, h,
                  CHAIN_VERSION)
        sql = f"INSERT INTO sessions ({','.join(cols)}) VALUES ({','.join('?' * len(cols))})"  # noqa: S608
        with self.lock:
            conn = self.connection
            try:
                conn.execute("BEGIN IMMEDIATE")
                conn.execute(sql, values)
                ledger_append(conn, header["id"], "open", h)
                conn.execute("COMMIT")
            except sqlite3.Error as exc:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise self.write_error(exc, "while starting a session") from exc
        writer = SessionWriter(self, header["id"], start, h, kind=kind)
        self._writers.append(writer)
        return writer

    def _fill_legacy_outcomes(self) -> None:
        from meterlab.store_outcome import fill_legacy_outcomes

        with self.lock:
            try:
                self.connection.execute("BEGIN IMMEDIATE")
                fill_legacy_outcomes(self.connection)
                self.connection.execute("COMMIT")
            except sqlite3.Error:
                if self.connection.in_transaction:
                    self.connection.execute("ROLLBACK")  # busy: the next open does it

    def _close_dead_sessions(self) -> None:
        """Close sessions whose writer died (kill -9, power cut) as "incomplete", with the
        outcome the rule gives for what they recorded (see `store_outcome`)."""
        from meterlab.store_outcome import recorded_outcome

        with self.lock:
            rows = self.connection.execute(
                "SELECT id, host, pid, heartbeat, head_hash, n_records, kind, chain_version "
                "FROM sessions WHERE status='running'").fetchall()
        for sid, host, pid, beat, head, n, kind, chain in rows:
            if _writer_alive(sid, host, pid, beat):
                continue
            end = utc_iso(beat or time.time())
            with self.lock:
                try:
                    self.connection.execute("BEGIN IMMEDIATE")
                    outcome = recorded_outcome(self.connection, sid, kind)
                    word = None if outcome is None else str(outcome)
                    final = record_hash(head, finish_kind(chain), {
                        "end_utc": end, "status": "incomplete", "records": n, "outcome": word})
                    cur = self.connection.execute(
                        "UPDATE sessions SET status='incomplete', end_utc=?, final_hash=?, "
                        "head_hash=?, n_records=n_records+1, outcome=? WHERE id=? AND "
                        "status='running' AND head_hash=? AND n_records=?",
                        (end, final, final, word, sid, head, n))
                    if cur.rowcount == 1:
                        ledger_append(self.connection, sid, "close", final)
                    self.connection.execute("COMMIT")
                except sqlite3.Error:
                    if self.connection.in_transaction:
                        self.connection.execute("ROLLBACK")
                    return  # busy or read-only: leave it for the next open

    # -- reading --------------------------------------------------------------------------

    def sessions(self, *, dut: str | None = None, operator: str | None = None,
                 since: str | dt.date | dt.datetime | None = None,
                 verdict: str | Verdict | None = None,
                 outcome: str | Outcome | None = None, station: str | None = None,
                 plan: str | None = None) -> list[SessionInfo]:
        """Sessions oldest first; `dut` matches the serial, `operator` ignores case,
        `since` is a date or ISO time (UTC), `verdict` keeps sessions with at least one
        reading or result of that verdict, `outcome` those whose unit had that outcome,
        `station` the bench's name (any case) and `plan` the plan's name (a lab database
        holds many benches)."""
        where, args = [], []
        if station:
            where.append("lower(s.station) = lower(?)")
            args.append(station)
        if plan:
            where.append("s.plan_name = ?")
            args.append(plan)
        if outcome is not None:
            where.append("s.outcome = ?")
            args.append(str(_outcome(outcome)))
        if dut:
            where.append("s.dut_serial = ?")
            args.append(dut)
        if operator:
            where.append("lower(s.operator) = lower(?)")
            args.append(operator)
        if since:
            where.append("s.start_utc >= ?")
            args.append(_since_text(since))
        having = ""
        if verdict is not None:
            v = _verdict(verdict)
            col = _COUNT_COLS[int(v)]
            having = (f"HAVING COALESCE(SUM(b.{col}), 0) > 0 OR EXISTS (SELECT 1 FROM results r "  # noqa: S608
                      "WHERE r.session_id = s.id AND r.verdict = ?)")
            args.append(int(v))
        cond = f"WHERE {' AND '.join(where)}" if where else ""
        sums = ", ".join(f"COALESCE(SUM(b.{c}), 0)" for c in _COUNT_COLS)
        sql = (f"SELECT {', '.join('s.' + c for c in _SESSION_COLS)}, COALESCE(SUM(b.n), 0), "  # noqa: S608
               f"{sums}, COALESCE(MAX(b.cal_expired), 0) FROM sessions s "
               f"LEFT JOIN batches b ON b.session_id = s.id {cond} GROUP BY s.id {having} "
               f"ORDER BY s.start_utc, s.id")
        with self.lock:
            rows = self.connection.execute(sql, args).fetchall()
            ids = [r[0] for r in rows]
            extra = self._details(ids)
        return [_info(r, *extra.get(r[0], ((), (), ()))) for r in rows]

    def session(self, session_id_or_prefix: str) -> SessionInfo:
        """One session by full id, unique id prefix, or "latest"."""
        sid = self.resolve(session_id_or_prefix)
        with self.lock:
            sums = ", ".join(f"COALESCE(SUM(b.{c}), 0)" for c in _COUNT_COLS)
            row = self.connection.execute(
                f"SELECT {', '.join('s.' + c for c in _SESSION_COLS)}, COALESCE(SUM(b.n), 0), "  # noqa: S608
                f"{sums}, COALESCE(MAX(b.cal_expired), 0) FROM sessions s LEFT JOIN batches b "
                f"ON b.session_id = s.id WHERE s.id = ? GROUP BY s.id", (sid,)).fetchone()
            extra = self._details([sid])
        return _info(row, *extra.get(sid, ((), (), ())))

    def resolve(self, session_id_or_prefix: str) -> str:
        """The full id for an id, a unique prefix of one, or "latest"."""
        key = (session_id_or_prefix or "").strip()
        with self.lock:
            if key.lower() == "latest":
                row = self.connection.execute(
                    "SELECT id FROM sessions ORDER BY start_utc DESC, rowid DESC LIMIT 1"
                ).fetchone()
                if row is None:
                    raise StoreError(f"There are no sessions in {self.path} yet.")
                return str(row[0])
            if not key or any(c not in "0123456789abcdef-" for c in key.lower()):
                raise StoreError(f"{session_id_or_prefix!r} is not a session id. List them with "
                                 f"`meterlab sessions`.")
            rows = self.connection.execute(
                "SELECT id FROM sessions WHERE id LIKE ? LIMIT 3", (key.lower() + "%",)
            ).fetchall()
        if not rows:
            raise StoreError(f"No session {key} in {self.path}. List them with "
                             f"`meterlab sessions`.")
        if len(rows) > 1:
            raise StoreError(f"{key} matches more than one session; give more of the id.")
        return str(rows[0][0])

    def _details(self, ids: list[str]) -> dict[str, tuple[tuple[Any, ...], ...]]:
        if not ids:
            return {}
        inst: dict[str, list[InstrumentInfo]] = {}
        checks: dict[str, list[CheckInfo]] = {}
        results: dict[str, list[ResultInfo]] = {}
        for chunk in _chunks(ids, 500):
            marks = ",".join("?" * len(chunk))
            for r in self.connection.execute(
                    f"SELECT session_id, role, resource, maker, model, serial, firmware, cal_due, "  # noqa: S608
                    f"cal_expired FROM instruments WHERE session_id IN ({marks}) ORDER BY seq",
                    chunk):
                inst.setdefault(r[0], []).append(InstrumentInfo(*r[1:8], bool(r[8])))
            for r in self.connection.execute(
                    f"SELECT session_id, check_id, title, function, unit, limit_text, lower, "  # noqa: S608
                    f"upper, nominal FROM checks WHERE session_id IN ({marks}) ORDER BY seq",
                    chunk):
                checks.setdefault(r[0], []).append(CheckInfo(*r[1:]))
            for r in self.connection.execute(
                    f"SELECT session_id, check_id, value, verdict, margin, overload, n, note, "  # noqa: S608
                    f"cal_expired FROM results WHERE session_id IN ({marks}) ORDER BY seq", chunk):
                results.setdefault(r[0], []).append(ResultInfo(
                    r[1], r[2], Verdict(r[3]), r[4], bool(r[5]), int(r[6] or 0), r[7] or "",
                    bool(r[8])))
        return {i: (tuple(inst.get(i, ())), tuple(checks.get(i, ())), tuple(results.get(i, ())))
                for i in ids}

    def readings(self, session_id: str | Iterable[str]) -> Any:
        """Every reading of one or more sessions as a pandas DataFrame, in recorded order.

        Columns: session_id, t (UTC epoch s, float64), time (datetime64 UTC), check_id,
        role, function, unit, range (NaN = auto), value (NaN for overload/error),
        overload (bool), verdict (int8 Verdict code, -1 = not judged), margin (NaN when
        none), gap_before (bool, first reading after a gap), cal_expired (bool: the
        instrument was past its calibration date), source. Text columns are categorical.
        """
        from meterlab.store_frame import readings_frame

        ids = [self.resolve(session_id)] if isinstance(session_id, str) else [
            self.resolve(s) for s in session_id]
        with self.lock:
            return readings_frame(self.connection, ids)

    def captures(self, session_id: str) -> list[Any]:
        """The session's waveforms and digital captures as `Waveform` / `DigitalCapture`
        (meta carries check_id and the record number)."""
        from meterlab.waveform import DigitalCapture, Waveform

        sid = self.resolve(session_id)
        with self.lock:
            rows = self.connection.execute(
                "SELECT seq, capture, source, check_id, unit, t0, dt, n, dtype, scale, offset, "
                "channels, data FROM captures WHERE session_id=? ORDER BY seq", (sid,)).fetchall()
        out: list[Any] = []
        for seq, cap, source, check_id, unit, t0, dt_, n, dtype, scale, offset, chans, data in rows:
            arr = np.frombuffer(zlib.decompress(data), dtype=np.dtype(dtype))[:n]
            meta = {"check_id": check_id, "record": seq}
            if cap == "digital":
                out.append(DigitalCapture(arr.astype(np.uint16), t0, dt_, capture_channels(chans),
                                          meta))
            else:
                y = arr.astype(np.float64) * scale + offset if arr.dtype.kind in "iu" else arr
                out.append(Waveform(y, t0, dt_, source, unit, meta))
        return out

    def verify(self, session_id: str | None = None) -> list[VerifyResult]:
        """Recompute the hash chains of one session (or all) and say what was altered."""
        from meterlab.store_verify import verify_session, with_ledger

        with self.lock:
            ids = None if session_id is None else [self.resolve(session_id)]
            conn = self.connection
            # One read transaction: a writer in another process committing meanwhile must
            # not make its half-seen records look like tampering.
            # On PostgreSQL one snapshot for the whole check (sessions arriving meanwhile
            # are seen completely or not at all, ledger included).
            conn.execute("BEGIN" if self.engine == "sqlite"
                         else "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            try:
                rows = conn.execute(
                    "SELECT id, host, pid, heartbeat FROM sessions ORDER BY start_utc, id"
                ).fetchall()
                results = [verify_session(conn, sid, _writer_alive(sid, host, pid, beat))
                           for sid, host, pid, beat in rows if ids is None or sid in ids]
                results = with_ledger(conn, results, whole_store=ids is None)
                if self.engine == "postgresql":
                    from meterlab.lab_verify import lab_checks

                    results = lab_checks(conn, results)
                return results
            finally:
                conn.execute("COMMIT")

    # -- lifetime -------------------------------------------------------------------------

    def close(self) -> None:
        """Finish nothing silently: open writers are closed as "aborted" first."""
        for w in self._writers:
            if not w.finished:
                # What was committed stays; if closing fails the next open marks it incomplete.
                with contextlib.suppress(StoreError):
                    w.finish(status="aborted")
        self._writers.clear()
        with self.lock:
            self.connection.close()

    def __enter__(self) -> SessionStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _writer_alive(sid: str, host: str, pid: int, beat: float) -> bool:
    if sid in LIVE:
        return True
    if host == socket.gethostname():
        if pid == os.getpid():
            return False  # this process has no writer for it: an earlier one died
        return _pid_alive(pid)
    return time.time() - (beat or 0.0) < STALE_HEARTBEAT_S


def _pid_alive(pid: int) -> bool:
    if os.name != "posix" or pid <= 0:
        return True  # cannot tell here; the heartbeat rule only applies to other hosts
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _verdict(v: str | Verdict) -> Verdict:
    if isinstance(v, Verdict):
        return v
    try:
        return Verdict[str(v).strip().upper()]
    except KeyError:
        raise StoreError(f"Unknown verdict {v!r}; use one of {', '.join(VERDICT_NAMES)}.") from None


def _outcome(o: str | Outcome) -> Outcome:
    found = Outcome.parse(" ".join(str(o).replace("_", " ").upper().split()))
    if found is None:
        raise StoreError(f"Unknown outcome {o!r}; use one of "
                         f"{', '.join(x.value for x in Outcome)}.")
    return found


def _since_text(since: str | dt.date | dt.datetime) -> str:
    if isinstance(since, dt.datetime):
        t = since if since.tzinfo else since.replace(tzinfo=dt.UTC)
        return utc_iso(t.timestamp())
    if isinstance(since, dt.date):
        return since.isoformat()
    text = str(since).strip()
    try:
        if len(text) == 10:
            return dt.date.fromisoformat(text).isoformat()
        return _since_text(dt.datetime.fromisoformat(text.replace("Z", "+00:00")))
    except ValueError:
        raise StoreError(f"--since {text!r} is not a date; write it as 2026-03-01 or "
                         f"2026-03-01T14:00") from None


def _chunks(items: list[str], n: int) -> Iterable[list[str]]:
    for i in range(0, len(items), n):
        yield items[i:i + n]


def _info(row: tuple[Any, ...], inst: tuple[Any, ...], checks: tuple[Any, ...],
          results: tuple[Any, ...]) -> SessionInfo:
    base = dict(zip(_SESSION_COLS, row[:len(_SESSION_COLS)], strict=True))
    base["outcome"] = Outcome.parse(base["outcome"])
    base["chain_version"] = int(base["chain_version"] or 1)
    rest = row[len(_SESSION_COLS):]
    counts = dict(zip(VERDICT_NAMES, (int(x) for x in rest[1:7]), strict=True))
    return SessionInfo(**base, n_readings=int(rest[0]), counts=counts, instruments=inst,
                       checks=checks, results=results,
                       cal_expired=bool(rest[7]) or any(i.cal_expired for i in inst))
