"""The session store on PostgreSQL: a small adapter under the SQLite store's API.

One bench keeps its sessions in SQLite; a lab keeps every bench's sessions in one
PostgreSQL database (`--db postgresql://user@host:port/dbname`). Rather than two
stores, `PgConnection` gives psycopg 3 the face of the `sqlite3` connection the store
already speaks, so the same SQL, the same schema version and migrations and the same
hash chain serve both engines. What differs is translated here, once:

* placeholders (`?` → `%s`), `rowid` (→ the session id, the only places the store orders
  by it), the catalogue (`sqlite_master` → `information_schema.tables`);
* `BEGIN IMMEDIATE` (SQLite's write lock, under which the store appends to its ledger)
  → BEGIN and a transaction-scoped advisory lock, so writers take turns the same way;
* types in the schema: BLOB → BYTEA, REAL → DOUBLE PRECISION (PostgreSQL's REAL is
  float4, which would round the stored values and break their hashes), no
  `WITHOUT ROWID`; the column `offset` is quoted (a reserved word there; the store's SQL
  never uses an OFFSET clause);
* errors: psycopg's are raised as the `sqlite3` exception of the same kind, so the
  store's callers keep catching one family (IntegrityError, OperationalError, …);
* a reading batch inserted into `batches` also lands one row per reading in `readings`
  (binary COPY, same transaction) — the table behind the documented `readings_flat`
  view, so quality staff can query values with plain SQL (see `lab_schema`).

The password never appears on a command line: libpq reads PGPASSWORD / PGPASSFILE /
~/.pgpass as usual. psycopg is imported only when a URL is opened (extra `meterlab[lab]`).
"""

from __future__ import annotations

import functools
import re
import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from meterlab.errors import StoreError

_URL_SCHEMES = ("postgresql://", "postgres://")


def is_url(db: object) -> bool:
    """Whether a --db value names a PostgreSQL database rather than an SQLite file."""
    return isinstance(db, str) and db.strip().lower().startswith(_URL_SCHEMES)


def shown_url(url: str) -> str:
    """The URL as printed to a person: any password in it replaced by ***."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    netloc = f"{parts.username or ''}:***@{host}" + (f":{parts.port}" if parts.port else "")
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


@functools.lru_cache(maxsize=512)
def translate(sql: str, with_params: bool = True) -> str:
    """One statement of the store's SQLite dialect in PostgreSQL's. A literal % is doubled
    only when parameters are sent (psycopg reads placeholders only then)."""
    s = sql.strip()
    if s.upper() == "BEGIN IMMEDIATE":
        return "BEGIN"
    s = s.replace("FROM sqlite_master WHERE type='table' AND name=",
                  "FROM information_schema.tables WHERE table_schema = current_schema() AND "
                  "table_name=")
    if with_params:
        s = s.replace("%", "%%").replace("?", "%s")
    s = re.sub(r"\browid\b", "id", s)
    return re.sub(r'(?<![\w"])offset(?![\w"])', '"offset"', s)


def translate_ddl(script: str) -> str:
    """A schema script of `store_schema` in PostgreSQL's types."""
    s = re.sub(r"\)\s*WITHOUT ROWID", ")", script)
    s = re.sub(r"\bBLOB\b", "BYTEA", s)
    s = re.sub(r"\bREAL\b", "DOUBLE PRECISION", s)
    return re.sub(r'(?<![\w"])offset(?![\w"])', '"offset"', s)


def _sqlite_error(exc: Exception) -> sqlite3.Error:
    import psycopg

    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    if isinstance(exc, psycopg.IntegrityError):
        return sqlite3.IntegrityError(text)
    if isinstance(exc, psycopg.OperationalError):
        return sqlite3.OperationalError(text)
    return sqlite3.DatabaseError(text)


class PgConnection:
    """The subset of `sqlite3.Connection` the store uses, on a psycopg 3 connection.

    Autocommit like the store's SQLite connection (isolation_level=None): a transaction
    is what the store opens with BEGIN and ends with COMMIT or ROLLBACK.
    """

    engine = "postgresql"

    def __init__(self, url: str) -> None:
        import psycopg

        self.url = url
        try:
            self.raw = psycopg.connect(url, autocommit=True, connect_timeout=5)
        except psycopg.Error as exc:
            raise _sqlite_error(exc) from exc

    def execute(self, sql: str, params: Sequence[Any] | None = ()) -> Any:
        import psycopg

        args = tuple(params or ())
        try:
            if sql.strip().upper() == "BEGIN IMMEDIATE":
                from meterlab.lab_schema import WRITE_LOCK

                cur = self.raw.execute("BEGIN")
                self.raw.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
                return cur
            if not args:
                return self.raw.execute(translate(sql, False))
            return self.raw.execute(translate(sql), args)
        except psycopg.Error as exc:
            raise _sqlite_error(exc) from exc

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> Any:
        import psycopg

        rows = list(rows)
        try:
            cur = self.raw.cursor()
            # Binary parameters: reading blobs travel as they are, not hex-escaped.
            cur.executemany(translate(sql).replace("%s", "%b"), rows)
            table = re.match(r"\s*INSERT INTO (\w+)\s*\(([^)]*)\)", sql)
            if table and table.group(1) == "batches":
                from meterlab.lab_schema import copy_readings

                names = [c.strip().strip('"') for c in table.group(2).split(",")]
                copy_readings(self.raw, [dict(zip(names, r, strict=True)) for r in rows])
            return cur
        except psycopg.Error as exc:
            raise _sqlite_error(exc) from exc

    @property
    def in_transaction(self) -> bool:
        from psycopg.pq import TransactionStatus

        return self.raw.info.transaction_status != TransactionStatus.IDLE

    def close(self) -> None:
        self.raw.close()


def open_url(url: str) -> tuple[PgConnection, bool]:
    """Connect to a lab database and bring its schema to this version; (connection, False).

    Failures become one StoreError for the person at the bench: what happened, that
    nothing was written, what to do.
    """
    try:
        import psycopg  # noqa: F401
    except ImportError:
        raise StoreError("A PostgreSQL --db needs the lab extra: install it with "
                         "`pip install 'meterlab[lab]'` (or `uv sync --extra lab`). "
                         "Nothing was written.") from None
    if urlsplit(url).password is not None:
        raise StoreError(f"The lab database URL {shown_url(url)} holds a password; leave it out "
                         f"and put it in ~/.pgpass or PGPASSWORD instead. Nothing was written.")
    try:
        conn = PgConnection(url)
    except sqlite3.Error as exc:
        raise StoreError(
            f"Cannot reach the lab database {shown_url(url)}: {exc}. Nothing was written. "
            f"Check that the server runs and the URL, user and password (PGPASSWORD or "
            f"~/.pgpass) are right.") from exc
    from meterlab.lab_schema import migrate

    try:
        migrate(conn)
    except sqlite3.Error as exc:
        conn.close()
        raise StoreError(f"Could not prepare the lab database {shown_url(url)}: {exc}. It "
                         f"keeps its old contents.") from exc
    except StoreError:
        conn.close()
        raise
    return conn, False
