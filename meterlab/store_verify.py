"""Recomputing a session's hash chain and saying, in words, what no longer matches.

Each record is checked against the stored hash of the record before it, so one
edit is reported once, at the record that was edited (plus the break it causes in
the final hash), instead of as a cascade. Missing or extra records show up as gaps
in the record numbers and as a head/final hash that no longer matches.
"""

from __future__ import annotations

import heapq
import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from meterlab.store_chain import KINDS, finish_kind, record_hash

_TABLES = (("instruments", "instrument"), ("checks", "check"), ("batches", "batch"),
           ("captures", "capture"), ("results", "result"))


def verify_session(conn: sqlite3.Connection, sid: str, live: bool) -> Any:
    from meterlab.store import VerifyResult

    names, _ = KINDS["header"]
    row = conn.execute(
        f"SELECT {', '.join(names)}, status, end_utc, header_hash, n_records, head_hash, "  # noqa: S608
        f"final_hash, outcome, chain_version FROM sessions WHERE id=?", (sid,)).fetchone()
    header = dict(zip(names, row[:len(names)], strict=True))
    (status, end_utc, header_hash, n_records, head_hash, final_hash, outcome,
     chain) = row[len(names):]
    problems: list[str] = []
    if record_hash("", "header", header) != header_hash:
        problems.append("session details (operator, station, DUT, plan, rule, start time or "
                        "notes) were changed")
    records = _records(conn, sid)
    prev = header_hash
    expected = 1
    for seq, kind, fields, blobs, stored, label in records:
        if seq != expected:
            if seq > expected:
                problems.append(f"records {expected}–{seq - 1} are missing (deleted)")
            else:
                problems.append(f"record {seq} appears twice")
        if record_hash(prev, kind, fields, blobs) != stored:
            problems.append(f"{label} (record {seq}) was changed")
        prev = stored
        expected = seq + 1
    finished = final_hash is not None
    content_records = expected  # header + content records
    if finished:
        if n_records != content_records + 1:
            problems.append(f"the session should hold {max(n_records - 1, 0)} records, "
                            f"found {content_records}: records were removed or added")
        fin = record_hash(prev, finish_kind(chain or 1), {
            "end_utc": end_utc, "status": status, "records": content_records,
            "outcome": outcome})
        if fin != final_hash or head_hash != final_hash:
            problems.append("the closing record (end time, status, outcome, record count or "
                            "final hash) does not match")
        if (chain or 1) < 2:
            problems += _legacy_outcome_problems(conn, sid, header["kind"], outcome)
    else:
        if status != "running":
            problems.append(f"status says {status!r} but the session was never closed")
        if n_records != content_records or head_hash != prev:
            problems.append("the record count or last hash does not match the records "
                            "(records removed or added)")
    if not live and not finished and status == "running":
        problems.append("the session is still marked running but no program is writing it")
    return VerifyResult(session_id=sid, ok=not problems, status=status, records=content_records,
                        final_hash=final_hash, problems=tuple(problems))


def _legacy_outcome_problems(conn: sqlite3.Connection, sid: str, kind: str,
                             outcome: str | None) -> list[str]:
    """A session closed before outcomes were chained got its outcome at migration, from
    its chained results; the stored word must still be the one they give."""
    from meterlab.store_outcome import recorded_outcome

    expected = recorded_outcome(conn, sid, kind)
    word = None if expected is None else str(expected)
    if outcome == word:
        return []
    return [f"the outcome {outcome or 'none'!s} does not follow from the recorded results "
            f"({word or 'none'}): it was changed"]


def _records(conn: sqlite3.Connection, sid: str) -> Iterator[tuple[Any, ...]]:
    """The session's records in chain order, one at a time: each table is read by its own
    cursor in seq order and the cursors are merged, so verifying a session of any size
    holds one stored row per table, not the session."""
    return heapq.merge(*(_table_records(conn, sid, table, kind) for table, kind in _TABLES),
                       key=lambda rec: rec[0])


def _table_records(conn: sqlite3.Connection, sid: str, table: str, kind: str
                   ) -> Iterator[tuple[Any, ...]]:
    names, blobs = KINDS[kind]
    cols = ", ".join((*names, *blobs))
    cur = conn.execute(
        f"SELECT seq, hash, {cols} FROM {table} WHERE session_id=? ORDER BY seq",  # noqa: S608
        (sid,))
    for r in cur:
        fields = dict(zip(names, r[2:2 + len(names)], strict=True))
        blob_values = tuple(r[2 + len(names):])
        yield (r[0], kind, fields, blob_values, r[1], _label(kind, fields))


def _label(kind: str, f: dict[str, Any]) -> str:
    if kind == "batch":
        check = f" of check {f['check_id']}" if f.get("check_id") else ""
        return f"a batch of {f['n']} {f['function']} readings{check}"
    if kind == "instrument":
        return f"instrument {f['maker']} {f['model']} s/n {f['serial']} ({f['role']})"
    if kind == "check":
        return f"limit of check {f['check_id']}"
    if kind == "capture":
        return f"{f['capture']} capture {f['source']}"
    if kind == "result":
        return f"result of check {f['check_id']}"
    return kind


def with_ledger(conn: sqlite3.Connection, results: list[Any], *, whole_store: bool) -> list[Any]:
    """Add what the store's ledger says: rewritten sessions to their own result, and (when
    the whole store is verified) deleted sessions, orphaned rows and ledger edits as results
    of their own, so `meterlab verify` can no longer call a database with a missing session
    intact."""
    from meterlab.store import VerifyResult
    from meterlab.store_ledger import ledger_problems

    rows = conn.execute("SELECT id, header_hash, final_hash FROM sessions").fetchall()
    report = ledger_problems(conn, rows)
    out = []
    for r in results:
        extra = report.session(r.session_id)
        out.append(replace(r, ok=False, problems=(*r.problems, *extra)) if extra else r)
    if whole_store:
        for sid, problems in report.deleted.items():
            out.append(VerifyResult(session_id=sid, ok=False, status="deleted", records=0,
                                    final_hash=None, problems=tuple(problems)))
        if report.store:
            out.append(VerifyResult(session_id="(the store's ledger)", ok=False,
                                    status="edited", records=0, final_hash=None,
                                    problems=tuple(report.store)))
    return out
