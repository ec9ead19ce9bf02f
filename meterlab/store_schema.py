"""The session database's schema, its migrations, and opening it safely.

The schema version lives in the database; opening runs every forward migration
the file has not seen yet, in one transaction each, so an interrupted upgrade
leaves the old version intact. A file written by a newer meterlab is refused
before anything is changed: an old program must never rewrite records it does
not understand (their hashes would still verify, but fields would be lost).

Every SQLite failure a user can meet on opening (read-only folder, full disk,
not a database, newer schema) becomes a `StoreError` saying what happened, what
was kept, and what to do.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from meterlab.errors import StoreError
from meterlab.store_ledger import migrate as ledger_migrate

SCHEMA_VERSION = 3

_V1 = """
CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    start_utc TEXT NOT NULL,
    end_utc TEXT,
    status TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'run',
    operator TEXT NOT NULL DEFAULT '',
    station TEXT NOT NULL DEFAULT '',
    dut_type TEXT NOT NULL DEFAULT '',
    dut_serial TEXT NOT NULL DEFAULT '',
    meterlab_version TEXT NOT NULL DEFAULT '',
    plan_name TEXT NOT NULL DEFAULT '',
    plan_version TEXT NOT NULL DEFAULT '',
    plan_sha256 TEXT NOT NULL DEFAULT '',
    rule TEXT NOT NULL DEFAULT 'simple',
    notes TEXT NOT NULL DEFAULT '',
    host TEXT NOT NULL DEFAULT '',
    pid INTEGER NOT NULL DEFAULT 0,
    heartbeat REAL NOT NULL DEFAULT 0,
    header_hash TEXT NOT NULL,
    n_records INTEGER NOT NULL DEFAULT 1,
    head_hash TEXT NOT NULL,
    final_hash TEXT
);
CREATE INDEX sessions_start ON sessions(start_utc);
CREATE INDEX sessions_dut ON sessions(dut_serial);

CREATE TABLE instruments (
    session_id TEXT NOT NULL REFERENCES sessions(id),
    seq INTEGER NOT NULL,
    role TEXT, resource TEXT, maker TEXT, model TEXT, serial TEXT, firmware TEXT,
    cal_due TEXT, cal_expired INTEGER NOT NULL DEFAULT 0,
    hash TEXT NOT NULL,
    PRIMARY KEY (session_id, seq)
) WITHOUT ROWID;

CREATE TABLE checks (
    session_id TEXT NOT NULL REFERENCES sessions(id),
    seq INTEGER NOT NULL,
    check_id TEXT, title TEXT, function TEXT, unit TEXT, limit_text TEXT,
    lower REAL, upper REAL, nominal REAL,
    hash TEXT NOT NULL,
    PRIMARY KEY (session_id, seq)
) WITHOUT ROWID;

CREATE TABLE batches (
    session_id TEXT NOT NULL REFERENCES sessions(id),
    seq INTEGER NOT NULL,
    check_id TEXT, role TEXT, function TEXT, unit TEXT, range REAL,
    gap_before INTEGER NOT NULL, source TEXT, cal_expired INTEGER NOT NULL,
    n INTEGER NOT NULL,
    c_pass INTEGER NOT NULL, c_marginal INTEGER NOT NULL, c_indeterminate INTEGER NOT NULL,
    c_fail INTEGER NOT NULL, c_overload INTEGER NOT NULL, c_error INTEGER NOT NULL,
    t BLOB NOT NULL, value BLOB NOT NULL, overload BLOB, verdict BLOB, margin BLOB,
    hash TEXT NOT NULL,
    PRIMARY KEY (session_id, seq)
);

CREATE TABLE captures (
    session_id TEXT NOT NULL REFERENCES sessions(id),
    seq INTEGER NOT NULL,
    capture TEXT NOT NULL, source TEXT, check_id TEXT, unit TEXT,
    t0 REAL, dt REAL, n INTEGER, dtype TEXT, scale REAL, offset REAL, channels TEXT,
    data BLOB NOT NULL,
    hash TEXT NOT NULL,
    PRIMARY KEY (session_id, seq)
);

CREATE TABLE results (
    session_id TEXT NOT NULL REFERENCES sessions(id),
    seq INTEGER NOT NULL,
    check_id TEXT, value REAL, verdict INTEGER, margin REAL, overload INTEGER,
    n INTEGER, note TEXT, cal_expired INTEGER NOT NULL DEFAULT 0,
    hash TEXT NOT NULL,
    PRIMARY KEY (session_id, seq)
) WITHOUT ROWID;
"""

# Schema 2: the unit's outcome is a stored fact of the session. New sessions are written
# with chain version 2, whose closing record holds the outcome; sessions of schema 1 keep
# their chain (version 1) and get their outcome once, here, by the same rule.
_V2 = """
ALTER TABLE sessions ADD COLUMN outcome TEXT;
ALTER TABLE sessions ADD COLUMN chain_version INTEGER NOT NULL DEFAULT 1
"""


def _fill_outcomes(conn: sqlite3.Connection) -> None:
    from meterlab.store_outcome import fill_legacy_outcomes

    fill_legacy_outcomes(conn)


Migration = str | Callable[[sqlite3.Connection], None] | \
    tuple[str, Callable[[sqlite3.Connection], None]]

#: MIGRATIONS[v] turns a version-v database into version v+1: an SQL script, a function
#: when rows must be computed, or a script and a function run in the same transaction.
#: 1 → 2: the unit's outcome; 2 → 3: the store's ledger, entered for the sessions there.
MIGRATIONS: dict[int, Migration] = {0: _V1, 1: (_V2, _fill_outcomes), 2: ledger_migrate}


def _describe(exc: BaseException) -> str:
    return str(exc).strip() or type(exc).__name__


def open_database(path: Path) -> tuple[sqlite3.Connection, bool]:
    """Open (creating if needed) and migrate the database; return (connection, read_only).

    A database that exists but cannot be written (read-only file or folder) is
    opened read-only, so sessions can still be browsed, exported and verified.
    """
    try:
        existed = path.exists()
    except OSError as exc:
        raise StoreError(
            f"Cannot reach the session database {path}: {exc.strerror or exc}. Nothing was "
            f"written. Check the folder's permissions or choose another place with --db PATH."
        ) from exc
    if not existed:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(
                f"Cannot create the folder for the session database {path.parent}: "
                f"{exc.strerror or exc}. Nothing was written. Choose another place with "
                f"--db PATH or METERLAB_DB.") from exc
    if path.is_dir():
        raise StoreError(
            f"{path} is a folder, not a session database file. Nothing was written. Give a "
            f"file name, e.g. --db {path / 'sessions.sqlite'}.")
    read_only = False
    try:
        conn = sqlite3.connect(str(path), timeout=10.0, check_same_thread=False,
                               isolation_level=None)
        conn.execute("PRAGMA journal_mode=WAL").fetchone()
    except sqlite3.OperationalError as exc:
        if not existed:
            raise StoreError(
                f"Cannot create the session database {path}: {_describe(exc)} (is the folder "
                f"read-only or the disk full?). Nothing was written. Choose another place "
                f"with --db PATH or METERLAB_DB.") from exc
        conn = _open_read_only(path, exc)
        read_only = True
    except sqlite3.DatabaseError as exc:
        raise _not_a_database(path, exc) from exc
    try:
        _check_and_migrate(conn, path, read_only)
    except StoreError:
        conn.close()
        raise
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise _not_a_database(path, exc) from exc
    if not read_only:
        conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("PRAGMA foreign_keys=ON")
    return conn, read_only


def _not_a_database(path: Path, exc: BaseException) -> StoreError:
    return StoreError(
        f"{path} is not a readable meterlab session database ({_describe(exc)}). It was left "
        f"untouched. If it is a copy, restore the original; otherwise start a new database "
        f"with --db PATH.")


def _open_read_only(path: Path, first: BaseException) -> sqlite3.Connection:
    # A WAL database in a folder we cannot write has no -shm file to share; opening it
    # "immutable" reads the file as it is (fine for browsing: nobody can write there
    # through us, and a writer elsewhere would hold the folder writable anyway).
    last: BaseException = first
    for query in ("?mode=ro", "?mode=ro&immutable=1"):
        try:
            conn = sqlite3.connect(path.resolve().as_uri() + query, uri=True, timeout=10.0,
                                   check_same_thread=False, isolation_level=None)
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return conn
        except sqlite3.OperationalError as exc:
            last = exc
        except sqlite3.DatabaseError as exc:
            raise _not_a_database(path, exc) from exc
    raise StoreError(
        f"Cannot open the session database {path}: {_describe(first)} ({_describe(last)}). "
        f"The file was left untouched. Check its permissions, or choose another database "
        f"with --db PATH.") from last


def _check_and_migrate(conn: sqlite3.Connection, path: Path, read_only: bool) -> None:
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if "schema_version" in names:
        row = conn.execute("SELECT version FROM schema_version").fetchone()
        try:
            version = int(row[0]) if row else 0
        except (TypeError, ValueError):
            raise StoreError(
                f"{path} has a damaged schema version ({row[0]!r}), so meterlab cannot tell how "
                f"to read it. It was left untouched; restore a backup or choose another file "
                f"with --db PATH.") from None
    elif names:
        raise StoreError(
            f"{path} is an SQLite database but not a meterlab session database. It was left "
            f"untouched; choose another file with --db PATH.")
    else:
        version = 0
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"{path} was written by a newer meterlab (schema {version}; this version reads up "
            f"to {SCHEMA_VERSION}). Nothing was changed. Update meterlab to open it, or use "
            f"another database with --db PATH.")
    if version == SCHEMA_VERSION:
        return
    if read_only and version >= 2:
        # Schema 2 lacks only the ledger: a read-only copy from an earlier release can still
        # be browsed, exported and verified session by session (no ledger to check).
        return
    if read_only:
        raise StoreError(
            f"{path} needs an upgrade (schema {version} → {SCHEMA_VERSION}) but is read-only. "
            f"Nothing was changed. Make it writable or copy it somewhere writable.")
    while version < SCHEMA_VERSION:
        migration = MIGRATIONS[version]
        script, step = migration if isinstance(migration, tuple) else (migration, None)
        target = version + 1
        try:
            conn.execute("BEGIN IMMEDIATE")
            if callable(script):
                script(conn)
            else:
                for statement in _statements(script):
                    conn.execute(statement)
            if step is not None:
                step(conn)
            conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
            conn.execute("DELETE FROM schema_version")
            conn.execute("INSERT INTO schema_version VALUES (?)", (target,))
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise StoreError(
                f"Could not prepare the session database {path} (schema {version} → "
                f"{target}): {_describe(exc)}. The file keeps its old contents. Is the "
                f"disk full or the file read-only?") from exc
        version = target


def _statements(script: str) -> list[str]:
    return [s.strip() for s in script.split(";") if s.strip()]
