"""Forwarding a bench's finished sessions to the lab database, exactly once each.

A bench records into its own SQLite file first, so a lab server that is down, slow or
being upgraded never stops a measurement. `forward` then copies every finished session
the lab does not hold yet:

* one PostgreSQL transaction per session: the session row, its records and its readings
  (binary COPY) arrive together or not at all, so a forward killed half-way leaves
  nothing behind and the next run sends the session again;
* the session id is the lab's primary key and the row is inserted with ON CONFLICT DO
  NOTHING: a second forwarder (the same bench twice, or two benches racing) waits for
  the first's transaction and then finds the session there, so it arrives once;
* a session whose hash chain does not verify on the bench is refused and reported, never
  merged (it is verified on a second connection while it travels, and the lab's
  transaction is committed only when it verified); a session the lab already holds with
  another final hash is reported too;
* each forwarded session is entered in the lab's ledger (`store_ledger`, as if it had been
  opened and closed there), and noted in the bench file (`lab_forwarded`), so the next
  run skips it without asking.

The note is only a shortcut: what decides is the lab's primary key, so a note lost with a
kill between the lab's commit and the note costs one lookup, not a duplicate.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from meterlab.errors import StoreError

_TABLES = ("instruments", "checks", "captures", "results", "batches")
_NOTE_DDL = ("CREATE TABLE IF NOT EXISTS lab_forwarded (session_id TEXT NOT NULL, lab TEXT NOT "
             "NULL, final_hash TEXT NOT NULL, at_utc TEXT NOT NULL, "
             "PRIMARY KEY (session_id, lab))")


class LabUnreachable(StoreError):
    """The lab database could not be reached; nothing on the bench was lost."""


@dataclass
class SyncReport:
    """What one `forward` did; `refused` holds (session id, reason)."""

    lab: str
    sent: list[str] = field(default_factory=list)
    already: list[str] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)
    running: int = 0


def lab_key(url: str) -> str:
    """The lab a note refers to: host, port and database, without user or password."""
    from urllib.parse import urlsplit

    p = urlsplit(url)
    return f"{p.hostname or ''}:{p.port or 5432}{p.path}"


def forwarded_ids(local: Any, url: str) -> set[str]:
    """Ids of the bench's sessions noted as having reached this lab database."""
    try:
        return {r[0] for r in local.connection.execute(
            "SELECT session_id FROM lab_forwarded WHERE lab=?", (lab_key(url),))}
    except sqlite3.OperationalError:
        return set()  # no table yet: nothing forwarded


def reached_lab(store: Any) -> set[str] | None:
    """Ids of a bench's sessions noted as having reached a lab database (any lab), or None
    when this bench never forwarded (the faces then show no lab column)."""
    if getattr(store, "engine", "sqlite") != "sqlite":
        return None
    try:
        with store.lock:
            return {r[0] for r in store.connection.execute("SELECT session_id FROM lab_forwarded")}
    except sqlite3.OperationalError:
        return None


def forward(local_db: str | Path | None, url: str, *,
            progress: Callable[[str, str], None] | None = None) -> SyncReport:
    """Forward every finished, intact session of `local_db` to the lab database `url`."""
    from meterlab.store import SessionStore
    from meterlab.store_engine import shown_url

    report = SyncReport(lab=shown_url(url))
    with SessionStore(local_db) as local:
        if local.engine != "sqlite":
            raise StoreError("meterlab sync forwards from a bench's SQLite file (--db PATH) to "
                             "a lab database (--to URL); --db names a PostgreSQL database.")
        try:
            lab = SessionStore(url)
        except StoreError as exc:
            if isinstance(exc.__cause__, sqlite3.OperationalError):
                raise LabUnreachable(_reason(exc.__cause__)) from exc
            raise
        try:
            _forward_all(local, lab, url, report, progress)
        except sqlite3.OperationalError as exc:
            raise LabUnreachable(f"it went away while forwarding: {_reason(exc)}") from exc
        finally:
            lab.close()
    return report


def _reason(exc: BaseException) -> str:
    """The server's words, without libpq's "connection to server at … failed:" preamble."""
    text = str(exc).strip().rstrip(".")
    return text.rsplit(" failed: ", 1)[-1] if " failed: " in text else text


def _forward_all(local: Any, lab: Any, url: str, report: SyncReport,
                 progress: Callable[[str, str], None] | None) -> None:
    lconn = local.connection
    if not local.read_only:
        lconn.execute(_NOTE_DDL)
    done = forwarded_ids(local, url)
    rows = lconn.execute("SELECT id, final_hash FROM sessions ORDER BY start_utc, id").fetchall()
    report.running = sum(1 for _, f in rows if f is None)
    todo = [(sid, fin) for sid, fin in rows if fin is not None and sid not in done]
    if not todo:
        return
    held = dict(lab.connection.raw.execute(
        "SELECT id, final_hash FROM sessions WHERE id = ANY(%s)", ([s for s, _ in todo],)
    ).fetchall())
    for sid, final in todo:
        if sid in held:
            if held[sid] == final:
                _note(local, url, sid, final)
                report.already.append(sid)
            else:
                report.refused.append((sid, "the lab database holds this session with another "
                                            "final hash; neither copy was changed"))
            continue
        # The chain is verified on a second connection while the session travels; the
        # lab's transaction is committed only when it verified (else rolled back).
        with ThreadPoolExecutor(1) as pool:
            check = pool.submit(_verify, local.path, sid)
            outcome = _send(lconn, lab.connection, sid, check)
        if isinstance(outcome, tuple):
            report.refused.append((sid, "; ".join(outcome)))
            if progress:
                progress("refused", sid)
            continue
        if outcome:
            report.sent.append(sid)
            if progress:
                progress("sent", sid)
        else:
            report.already.append(sid)
        _note(local, url, sid, final)


def _verify(path: Path, sid: str) -> tuple[str, ...]:
    """The problems of one session's chain, read on a connection of its own."""
    from meterlab.store_verify import verify_session

    conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True,
                           isolation_level=None)
    try:
        conn.execute("BEGIN")
        result = verify_session(conn, sid, False)
        conn.execute("COMMIT")
        return tuple(result.problems)
    finally:
        conn.close()


def _note(local: Any, url: str, sid: str, final: str) -> None:
    from meterlab.store_writer import utc_iso

    if local.read_only:
        return
    local.connection.execute(
        "INSERT OR IGNORE INTO lab_forwarded (session_id, lab, final_hash, at_utc) "
        "VALUES (?, ?, ?, ?)", (sid, lab_key(url), final, utc_iso()))


def _rows(lconn: sqlite3.Connection, table: str, sid: str) -> tuple[list[str], list[Any]]:
    key = "id" if table == "sessions" else "session_id"
    order = "" if table == "sessions" else " ORDER BY seq"
    cur = lconn.execute(f"SELECT * FROM {table} WHERE {key}=?{order}", (sid,))  # noqa: S608
    return [d[0] for d in cur.description], cur.fetchall()


def _send(lconn: sqlite3.Connection, pg: Any, sid: str,
          check: Future[tuple[str, ...]]) -> bool | tuple[str, ...]:
    """One session in one transaction: True when sent, False when the lab already had it,
    the chain's problems when it does not verify (nothing committed then)."""
    lconn.execute("BEGIN")  # one consistent read of the session on the bench
    try:
        names, rows = _rows(lconn, "sessions", sid)
        content = {t: _rows(lconn, t, sid) for t in _TABLES}
    finally:
        lconn.execute("COMMIT")
    pg.execute("BEGIN")
    try:
        cols = ", ".join(f'"{n}"' for n in names)
        cur = pg.raw.execute(
            f"INSERT INTO sessions ({cols}) VALUES ({', '.join(['%s'] * len(names))}) "  # noqa: S608
            f"ON CONFLICT (id) DO NOTHING", rows[0])
        if cur.rowcount != 1:
            pg.execute("ROLLBACK")
            return False
        for table in _TABLES:
            tnames, trows = content[table]
            if trows:
                pg.executemany(f"INSERT INTO {table} ({', '.join(tnames)}) "  # noqa: S608
                               f"VALUES ({', '.join('?' * len(tnames))})", trows)
        problems = check.result()
        if problems:
            pg.execute("ROLLBACK")
            return problems
        from meterlab.lab_schema import WRITE_LOCK
        from meterlab.store_ledger import append as ledger_append

        # Entered in the lab's ledger (as opened and closed there), taking the writers'
        # turn only now, for the few rows the ledger needs.
        pg.raw.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
        session = dict(zip(names, rows[0], strict=True))
        ledger_append(pg, sid, "open", session["header_hash"])
        ledger_append(pg, sid, "close", session["final_hash"])
        pg.execute("COMMIT")
    except BaseException:
        if pg.in_transaction:
            pg.execute("ROLLBACK")
        raise
    return True
