"""The store's ledger: a hash chain over the sessions themselves, so a deleted session shows.

Each session chains its own records (`store_chain`), but a chain cannot testify to its own
absence: deleting a session's row, with or without its records, left nothing to check.
The ledger is one more chain, across the database: every session start appends an "open"
entry carrying the session's header hash, and every close a "close" entry carrying its
final hash; each entry's hash covers the entry before it. A one-row head holds the last
position and hash, so removing entries at the end shows too. Entries are appended in the
same transaction as the session row they describe, so two programs writing one database
still build one chain.

What verify concludes from it (`ledger_problems`):

* a session named in the ledger but missing from the database was deleted;
* rows of instruments, checks, batches, captures or results whose session is gone are
  orphans left by such a deletion;
* a gap, a changed entry or a head that does not match means the ledger itself was edited;
* a session whose header or final hash differs from its ledger entry was rewritten.

There is no secret key: someone with write access and this source can rebuild every hash.
docs/tamper-evidence.md says what that means and how to anchor the chain outside the file.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field

SCHEMA = """
CREATE TABLE ledger (
    pos INTEGER PRIMARY KEY,
    session_id TEXT NOT NULL,
    event TEXT NOT NULL,
    digest TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX ledger_session ON ledger(session_id);
CREATE TABLE ledger_head (
    one INTEGER PRIMARY KEY CHECK (one = 1),
    pos INTEGER NOT NULL,
    hash TEXT NOT NULL
)
"""

_CHILD_TABLES = ("instruments", "checks", "batches", "captures", "results")


def entry_hash(prev: str, pos: int, session_id: str, event: str, digest: str) -> str:
    """SHA-256 of one ledger entry, chained to the previous entry's hash."""
    h = hashlib.sha256()
    for part in (prev, str(pos), session_id, event, digest):
        h.update(part.encode("utf-8"))
        h.update(b"\x1f")
    return h.hexdigest()


def append(conn: sqlite3.Connection, session_id: str, event: str, digest: str) -> str:
    """Append one entry; the caller holds a write transaction (BEGIN IMMEDIATE)."""
    row = conn.execute("SELECT pos, hash FROM ledger_head WHERE one=1").fetchone()
    pos, prev = (0, "") if row is None else (int(row[0]), str(row[1]))
    pos += 1
    h = entry_hash(prev, pos, session_id, event, digest)
    conn.execute("INSERT INTO ledger (pos, session_id, event, digest, hash) VALUES (?,?,?,?,?)",
                 (pos, session_id, event, digest, h))
    conn.execute("INSERT INTO ledger_head (one, pos, hash) VALUES (1, ?, ?) ON CONFLICT(one) "
                 "DO UPDATE SET pos=excluded.pos, hash=excluded.hash", (pos, h))
    return h


def migrate(conn: sqlite3.Connection) -> None:
    """Schema 1 → 2: create the ledger and enter the sessions already recorded, oldest
    first, so the sessions of earlier releases are covered from now on (a deletion made
    before the upgrade cannot be found, and docs/tamper-evidence.md says so)."""
    for statement in (s.strip() for s in SCHEMA.split(";")):
        if statement:
            conn.execute(statement)
    rows = conn.execute("SELECT id, header_hash, final_hash FROM sessions "
                        "ORDER BY start_utc, rowid").fetchall()
    for sid, header_hash, final_hash in rows:
        append(conn, sid, "open", header_hash)
        if final_hash is not None:
            append(conn, sid, "close", final_hash)


@dataclass
class LedgerReport:
    """What the ledger says: problems per existing session, and about the whole store."""

    by_session: dict[str, list[str]] = field(default_factory=dict)
    deleted: dict[str, list[str]] = field(default_factory=dict)  # session id → problems
    store: list[str] = field(default_factory=list)

    def session(self, sid: str) -> list[str]:
        return self.by_session.get(sid, [])


def ledger_problems(conn: sqlite3.Connection,
                    sessions: Iterable[tuple[str, str, str | None]]) -> LedgerReport:
    """Check the ledger against the sessions [(id, header_hash, final_hash)] present."""
    report = LedgerReport()
    if conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='ledger'"
                    ).fetchone() is None:
        return report  # a read-only schema-1 database: it has no ledger to check
    present = {sid: (head, final) for sid, head, final in sessions}
    opens: dict[str, str] = {}
    closes: dict[str, str] = {}
    order: dict[str, int] = {}
    prev, expected = "", 1
    for pos, sid, event, digest, stored in conn.execute(
            "SELECT pos, session_id, event, digest, hash FROM ledger ORDER BY pos"):
        if pos != expected:
            report.store.append(f"ledger entries {expected}–{pos - 1} are missing (deleted)")
        if entry_hash(prev, pos, sid, event, digest) != stored:
            report.store.append(f"ledger entry {pos} (session {sid[:8]}, {event}) was changed")
        prev, expected = stored, pos + 1
        (opens if event == "open" else closes)[sid] = digest
        order.setdefault(sid, len(order) + 1)
    head = conn.execute("SELECT pos, hash FROM ledger_head WHERE one=1").fetchone()
    last = expected - 1
    if (head is None and last) or (head is not None and (int(head[0]), head[1]) != (last, prev)):
        report.store.append(
            f"the ledger's head says {head[0] if head else 0} entries, found {last}: entries at "
            f"the end were removed or added")
    for sid, (header_hash, final_hash) in present.items():
        problems: list[str] = []
        if sid not in opens:
            problems.append("the session is not in the store's ledger: it was added behind "
                            "meterlab's back, or its ledger entry was removed")
        elif opens[sid] != header_hash:
            problems.append("the session's header hash differs from the one the ledger "
                            "recorded when it started: the session was rewritten")
        if final_hash is not None and sid in opens:
            if sid not in closes:
                problems.append("the session was closed without its ledger entry")
            elif closes[sid] != final_hash:
                problems.append("the session's final hash differs from the one the ledger "
                                "recorded when it was closed: the session was rewritten")
        if problems:
            report.by_session[sid] = problems
    for sid in opens:
        if sid not in present:
            n = order[sid]
            report.deleted[sid] = [f"the session (started {_ordinal(n)} in this database) was "
                                   f"deleted: the ledger recorded it, the database no longer "
                                   f"holds it"]
    for sid, table, n in _orphans(conn, present):
        report.deleted.setdefault(sid, []).append(
            f"{n} row(s) of {table} belong to this session, which is no longer in the "
            f"database (orphans of a deletion)")
    return report


def _orphans(conn: sqlite3.Connection,
             present: dict[str, tuple[str, str | None]]) -> list[tuple[str, str, int]]:
    out = []
    for table in _CHILD_TABLES:
        for sid, n in conn.execute(
                f"SELECT c.session_id, count(*) FROM {table} c LEFT JOIN sessions s "  # noqa: S608
                f"ON s.id = c.session_id WHERE s.id IS NULL GROUP BY c.session_id"):
            if sid not in present:
                out.append((str(sid), table, int(n)))
    return out


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
