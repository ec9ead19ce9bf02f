"""Writing one session: buffered, chained, crash-safe.

The acquisition engine calls `append` on its worker thread at whatever rate the
meter delivers; that call only queues the batch. A background thread commits the
queue in one transaction every half second (and on `finish`), so a killed process
loses at most that much, and SQLite's WAL keeps every committed transaction. The
hash chain is extended at commit time, in the order records were queued, so the
chain order is the order of the calls.
"""

from __future__ import annotations

import atexit
import contextlib
import datetime as dt
import sqlite3
import threading
import time
import weakref
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from meterlab.errors import StoreError
from meterlab.outcome import JUDGED_KINDS, Outcome, decide_outcome, last_verdicts
from meterlab.readings import ReadingBatch, Verdict
from meterlab.store_chain import CHAIN_VERSION, KINDS, finish_kind, normalise, record_hash
from meterlab.store_ledger import append as ledger_append

if TYPE_CHECKING:
    from meterlab.store import SessionStore

#: Verdict code stored for a reading that was not judged (no limit known).
NO_VERDICT = -1
FLUSH_INTERVAL = 0.5
HEARTBEAT_INTERVAL = 5.0
#: Readings queued before the flusher is woken early, and the largest row it writes.
WAKE_READINGS = 500_000
MAX_ROW_READINGS = 1_000_000

_COUNT_FIELDS = ("c_pass", "c_marginal", "c_indeterminate", "c_fail", "c_overload", "c_error")

#: Session ids with a live writer in this process; others found "running" are dead.
LIVE: set[str] = set()
_WRITERS: weakref.WeakSet[SessionWriter] = weakref.WeakSet()


@atexit.register
def _flush_at_exit() -> None:
    """A program that ends without `finish` still commits what it queued (the session is
    then closed as "incomplete" at the next open, which is what it is)."""
    for writer in list(_WRITERS):
        if not writer.finished:
            with contextlib.suppress(Exception):
                writer.flush()


def utc_iso(epoch: float | None = None) -> str:
    """UTC ISO 8601 with milliseconds and a Z, so text order is time order."""
    t = dt.datetime.fromtimestamp(time.time() if epoch is None else epoch, dt.UTC)
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond // 1000:03d}Z"


@dataclass
class _Batch:
    key: tuple[Any, ...]       # (check_id, role, function, unit, range, source, cal_expired)
    gap_before: bool
    t: list[np.ndarray]
    value: list[np.ndarray]
    overload: list[np.ndarray]
    verdict: list[np.ndarray] | None
    margin: list[np.ndarray] | None
    n: int = 0

    def can_take(self, other: _Batch) -> bool:
        return (other.key == self.key and not other.gap_before
                and (self.verdict is None) == (other.verdict is None)
                and (self.margin is None) == (other.margin is None)
                and self.n + other.n <= MAX_ROW_READINGS)

    def take(self, other: _Batch) -> None:
        self.t += other.t
        self.value += other.value
        self.overload += other.overload
        if self.verdict is not None and other.verdict is not None:
            self.verdict += other.verdict
        if self.margin is not None and other.margin is not None:
            self.margin += other.margin
        self.n += other.n


@dataclass
class _Record:
    kind: str
    table: str
    fields: dict[str, Any]
    blobs: tuple[bytes | None, ...] = ()


@dataclass
class _Queue:
    items: list[_Batch | _Record] = field(default_factory=list)
    readings: int = 0


def _cat(parts: list[np.ndarray], dtype: str) -> np.ndarray:
    return parts[0].astype(dtype, copy=False) if len(parts) == 1 else np.concatenate(
        parts).astype(dtype, copy=False)


def _batch_record(b: _Batch) -> _Record:
    check_id, role, function, unit, rng, source, cal_expired = b.key
    t = _cat(b.t, "<f8").tobytes()
    value = _cat(b.value, "<f8").tobytes()
    over = _cat(b.overload, "u1")
    over_blob = over.tobytes() if over.any() else None
    counts = [0] * len(_COUNT_FIELDS)
    verdict_blob = margin_blob = None
    if b.verdict is not None:
        v = _cat(b.verdict, "i1")
        counts = np.bincount(v[v >= 0].astype(np.intp), minlength=len(_COUNT_FIELDS)).tolist()
        verdict_blob = v.tobytes()
    if b.margin is not None:
        margin_blob = _cat(b.margin, "<f8").tobytes()
    fields = {"check_id": check_id, "role": role, "function": function, "unit": unit,
              "range": rng, "gap_before": int(b.gap_before), "source": source,
              "cal_expired": int(cal_expired), "n": b.n}
    fields.update(zip(_COUNT_FIELDS, counts, strict=False))
    return _Record("batch", "batches", fields, (t, value, over_blob, verdict_blob, margin_blob))


def _parse_date(text: str | None) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(str(text)[:10])
    except ValueError:
        return None


class SessionWriter:
    """Records one session; get it from `SessionStore.begin`, end it with `finish`.

    Thread-safe: `append` may be called from any thread. Use it as a context
    manager to finish the session even when the run raises (status "aborted").
    """

    def __init__(self, store: SessionStore, session_id: str, start_epoch: float,
                 head_hash: str, *, kind: str = "run") -> None:
        self.id = session_id
        self.kind = kind
        #: The outcome stored when the session finished (None before, and for logs).
        self.outcome: Outcome | None = None
        self._check_ids: list[str] = []
        self._result_verdicts: list[tuple[str, Verdict]] = []
        self._store = store
        self._start_date = dt.datetime.fromtimestamp(start_epoch, dt.UTC).date()
        self._seq = 1
        self._head = head_hash
        self._queue = _Queue()
        self._qlock = threading.Lock()
        self._flush_lock = threading.Lock()
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._expired: dict[str, bool] = {}
        self._check_roles: dict[str, str] = {}
        self._error: StoreError | None = None
        self._finished = False
        self._last_beat = time.time()
        self.committed_readings = 0
        LIVE.add(session_id)
        _WRITERS.add(self)
        self._thread = threading.Thread(target=self._loop, name=f"store-{session_id[:8]}",
                                        daemon=True)
        self._thread.start()

    # -- what a run records ---------------------------------------------------------------

    def add_instrument(self, *, role: str, resource: str, maker: str, model: str, serial: str,
                       firmware: str, cal_due: str | None = None) -> None:
        """Record an instrument's identity; an instrument past its calibration-due date
        marks every batch it produces afterwards (`cal_expired`)."""
        due = _parse_date(cal_due)
        expired = due is not None and due < self._start_date
        self._expired[role] = expired or self._expired.get(role, False)
        self._put(_Record("instrument", "instruments", {
            "role": role, "resource": resource, "maker": maker, "model": model,
            "serial": serial, "firmware": firmware,
            "cal_due": due.isoformat() if due else (cal_due or None),
            "cal_expired": int(expired)}))

    def add_check(self, *, check_id: str, title: str, function: str, unit: str, limit_text: str,
                  lower: float, upper: float, nominal: float | None) -> None:
        self._check_ids.append(check_id)
        self._put(_Record("check", "checks", {
            "check_id": check_id, "title": title, "function": function, "unit": unit,
            "limit_text": limit_text, "lower": _f(lower), "upper": _f(upper),
            "nominal": _f(nominal)}))

    def add_result(self, *, check_id: str, value: float, verdict: int, margin: float = np.nan,
                   overload: bool = False, n: int = 1, note: str = "",
                   role: str | None = None) -> None:
        """The judged result of a check (e.g. the mean of 5 readings under the session's
        decision rule), which the report prints; the readings themselves go in `append`.
        `role` defaults to the instrument whose readings were appended for this check."""
        if role is None:
            role = self._check_roles.get(check_id, "dmm")
        self._result_verdicts.append((check_id, Verdict(int(verdict))))
        self._put(_Record("result", "results", {
            "check_id": check_id, "value": _f(value), "verdict": int(verdict),
            "margin": _f(margin), "overload": int(bool(overload)), "n": int(n), "note": note,
            "cal_expired": int(self._expired.get(role, False))}))

    def append(self, batch: ReadingBatch, *, check_id: str = "", verdicts: Any = None,
               margins: Any = None, role: str = "dmm") -> None:
        """Queue a batch (copied; the caller may reuse its arrays) with its verdict codes
        and margins when a limit judged it."""
        n = len(batch)
        if n == 0:
            return
        v = None
        if verdicts is not None:
            v = np.array(verdicts, dtype=np.int8, copy=True)
            if v.shape != (n,):
                raise ValueError(f"{v.shape[0] if v.ndim else 1} verdicts for {n} readings")
        m = None
        if margins is not None:
            m = np.array(margins, dtype=np.float64, copy=True)
            if m.shape != (n,):
                raise ValueError(f"{m.shape[0] if m.ndim else 1} margins for {n} readings")
        over = batch.overload if batch.overload.shape == (n,) else np.zeros(n, bool)
        if check_id:
            self._check_roles[check_id] = role
        rng = None if batch.range is None else float(batch.range)
        b = _Batch(key=(check_id, role, batch.function, batch.unit, rng, batch.source,
                        self._expired.get(role, False)),
                   gap_before=bool(batch.gap_before),
                   t=[np.array(batch.t, dtype=np.float64, copy=True)],
                   value=[np.array(batch.values, dtype=np.float64, copy=True)],
                   overload=[np.array(over, dtype=bool, copy=True)],
                   verdict=None if v is None else [v], margin=None if m is None else [m], n=n)
        self._put(b, n)

    def add_waveform(self, *, source: str, y: Any, t0: float, dt: float, unit: str = "V",
                     check_id: str = "", scale: float = 1.0, offset: float = 0.0) -> None:
        """Store a waveform compressed. Float samples are kept as float32 (a scope's 8–12
        bits fit with room to spare); integer samples (raw ADC codes) are kept as they are
        with `scale`/`offset` so volts = code·scale + offset."""
        arr = np.asarray(y)
        if arr.dtype.kind in "iu":
            dtype = arr.dtype.newbyteorder("<").str
            data = arr.astype(dtype, copy=False)
        else:
            dtype, data, scale, offset = "<f4", arr.astype("<f4"), 1.0, 0.0
        self._put(_Record("capture", "captures", {
            "capture": "waveform", "source": source, "check_id": check_id, "unit": unit,
            "t0": float(t0), "dt": float(dt), "n": int(data.shape[0]), "dtype": dtype,
            "scale": float(scale), "offset": float(offset), "channels": ""},
            (zlib.compress(data.tobytes(), 1),)))

    def add_digital(self, *, lanes: Any, t0: float, dt: float, channels: Any,
                    check_id: str = "") -> None:
        """Store a digital capture (one uint16 word per sample, bit n = line Dn)."""
        data = np.asarray(lanes).astype("<u2")
        chans = ",".join(str(int(c)) for c in sorted({int(c) for c in channels}))
        self._put(_Record("capture", "captures", {
            "capture": "digital", "source": "D", "check_id": check_id, "unit": "",
            "t0": float(t0), "dt": float(dt), "n": int(data.shape[0]), "dtype": "<u2",
            "scale": 1.0, "offset": 0.0, "channels": chans},
            (zlib.compress(data.tobytes(), 1),)))

    def subscriber(self, *, check_id: str = "", role: str = "dmm",
                   judge: Callable[[ReadingBatch], tuple[Any, Any]] | None = None,
                   ) -> Callable[[ReadingBatch], None]:
        """A callback for `Acquisition.subscribe`; `judge(batch) -> (verdicts, margins)`
        adds verdicts when the readings have a limit."""

        def on_batch(batch: ReadingBatch) -> None:
            verdicts = margins = None
            if judge is not None:
                verdicts, margins = judge(batch)
            self.append(batch, check_id=check_id, verdicts=verdicts, margins=margins, role=role)

        return on_batch

    # -- flushing --------------------------------------------------------------------------

    @property
    def error(self) -> StoreError | None:
        """The last write failure, if the database currently refuses writes."""
        return self._error

    def _put(self, item: _Batch | _Record, n: int = 0) -> None:
        if self._finished:
            raise StoreError(f"Session {self.id[:8]} is already finished; start a new one.")
        with self._qlock:
            q = self._queue
            last = q.items[-1] if q.items else None
            if isinstance(item, _Batch) and isinstance(last, _Batch) and last.can_take(item):
                last.take(item)
            else:
                q.items.append(item)
            q.readings += n
            wake = q.readings >= WAKE_READINGS
        if wake:
            self._wake.set()
        if self._error is not None:
            raise StoreError(f"{self._error} The readings are kept in memory and will be "
                             f"written as soon as the database accepts them.")

    def _loop(self) -> None:
        while not self._stop.is_set():
            self._wake.wait(FLUSH_INTERVAL)
            self._wake.clear()
            if self._stop.is_set():
                break
            # A failure is kept in self._error and the queue, and retried next round.
            with contextlib.suppress(StoreError):
                self.flush()

    def flush(self) -> int:
        """Commit everything queued so far in one transaction; returns readings committed."""
        with self._flush_lock:
            with self._qlock:
                q, self._queue = self._queue, _Queue()
            now = time.time()
            if not q.items and now - self._last_beat < HEARTBEAT_INTERVAL:
                return 0
            try:
                self._commit(q.items, now)
            except sqlite3.Error as exc:
                with self._qlock:  # put it back in front, in order
                    self._queue.items[:0] = q.items
                    self._queue.readings += q.readings
                self._error = self._store.write_error(exc, "while saving readings")
                raise self._error from exc
            self._error = None
            self._last_beat = now
            self.committed_readings += q.readings
            return q.readings

    def _commit(self, items: list[_Batch | _Record], now: float,
                finish: dict[str, Any] | None = None) -> None:
        seq, head = self._seq, self._head
        rows: dict[tuple[str, str], list[tuple[Any, ...]]] = {}
        for item in items:
            rec = _batch_record(item) if isinstance(item, _Batch) else item
            fields = normalise(rec.kind, rec.fields)
            head = record_hash(head, rec.kind, fields, rec.blobs)
            rows.setdefault((rec.table, rec.kind), []).append(
                (self.id, seq, *fields.values(), *rec.blobs, head))
            seq += 1
        final = None
        if finish is not None:
            final = record_hash(head, finish_kind(CHAIN_VERSION), {**finish, "records": seq})
        with self._store.lock:
            conn = self._store.connection
            conn.execute("BEGIN IMMEDIATE")
            try:
                for (table, kind), values in rows.items():
                    conn.executemany(_insert_sql(table, kind), values)
                if finish is None:
                    cur = conn.execute(
                        "UPDATE sessions SET n_records=?, head_hash=?, heartbeat=? "
                        "WHERE id=? AND status='running'", (seq, head, now, self.id))
                else:
                    cur = conn.execute(
                        "UPDATE sessions SET n_records=?, head_hash=?, heartbeat=?, end_utc=?, "
                        "status=?, final_hash=?, outcome=? WHERE id=? AND status='running'",
                        (seq + 1, final, now, finish["end_utc"], finish["status"], final,
                         finish["outcome"], self.id))
                if cur.rowcount != 1:
                    raise sqlite3.IntegrityError(
                        "the session was closed by another program (marked incomplete)")
                if final is not None:
                    ledger_append(conn, self.id, "close", final)
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
        self._seq, self._head = seq, head

    def finish(self, *, status: str = "complete", outcome: Outcome | None = None) -> None:
        """Commit what is queued, write the closing record (with the unit's outcome) and
        the final hash.

        `outcome` is what the application layer decided (`meterlab.bench.session`). A
        session closed without it (aborted by `SessionStore.close` or a `with` block) gets
        the outcome the same rule gives for the checks and results it recorded; a log
        without a plan has none.
        """
        if self._finished:
            return
        if outcome is None and self.kind in JUDGED_KINDS:
            outcome = decide_outcome(last_verdicts(
                self._check_ids + [c for c, _ in self._result_verdicts], self._result_verdicts))
        if self.kind not in JUDGED_KINDS:
            outcome = None
        self._stop.set()
        self._wake.set()
        self._thread.join(10.0)
        with self._flush_lock:
            with self._qlock:
                q, self._queue = self._queue, _Queue()
            try:
                self._commit(q.items, time.time(), {
                    "end_utc": utc_iso(), "status": status,
                    "outcome": None if outcome is None else str(outcome)})
            except sqlite3.Error as exc:
                with self._qlock:
                    self._queue.items[:0] = q.items
                self._error = self._store.write_error(exc, "while closing the session")
                self._stop.clear()
                self._thread = threading.Thread(target=self._loop, daemon=True)
                self._thread.start()
                raise self._error from exc
            self.committed_readings += q.readings
        self._finished = True
        self.outcome = outcome
        self._error = None
        LIVE.discard(self.id)

    @property
    def finished(self) -> bool:
        return self._finished

    def __enter__(self) -> SessionWriter:
        return self

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        self.finish(status="complete" if exc_type is None else "aborted")


def _insert_sql(table: str, kind: str) -> str:
    names, blobs = KINDS[kind]
    cols = ("session_id", "seq", *names, *blobs, "hash")
    # Table and column names come from KINDS, never from input.
    return f"INSERT INTO {table} ({','.join(cols)}) VALUES ({','.join('?' * len(cols))})"  # noqa: S608


def _f(x: float | None) -> float | None:
    if x is None:
        return None
    f = float(x)
    return None if f != f else f


def capture_channels(text: str) -> tuple[int, ...]:
    return tuple(int(c) for c in text.split(",") if c.strip())


def verdict_name(code: int) -> str:
    return Verdict(code).name if code >= 0 else ""


