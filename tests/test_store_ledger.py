"""Tamper evidence across sessions: deleting a whole session, orphaned rows, batches
reordered or duplicated, and sessions from before the ledger (schema 2) still verifying."""

from __future__ import annotations

import sqlite3
import uuid

import pytest

from meterlab.cli import main
from meterlab.store import SessionStore
from tests.test_store_tamper import _make

CHILDREN = ("instruments", "checks", "batches", "captures", "results")


def edit(path, *statements):
    con = sqlite3.connect(path)
    for sql, *args in statements:
        con.execute(sql, args)
    con.commit()
    con.close()


def verify(path):
    with SessionStore(path) as store:
        return {r.session_id: r for r in store.verify()}


def test_intact_database_has_no_ledger_problems(tmp_path):
    path = tmp_path / "s.sqlite"
    sid, other = _make(path)
    res = verify(path)
    assert set(res) == {sid, other} and all(r.ok for r in res.values())


def test_deleting_a_session_row_is_found_with_its_orphans(tmp_path):
    path = tmp_path / "s.sqlite"
    sid, other = _make(path)
    edit(path, ("DELETE FROM sessions WHERE id=?", sid))
    res = verify(path)
    assert res[other].ok
    gone = res[sid]
    assert not gone.ok and gone.status == "deleted"
    assert any("deleted" in p for p in gone.problems)
    assert any("orphans" in p and "batches" in p for p in gone.problems)


def test_deleting_a_session_with_all_its_records_is_found(tmp_path, capsys):
    path = tmp_path / "s.sqlite"
    sid, other = _make(path)
    edit(path, *((f"DELETE FROM {t} WHERE session_id=?", sid) for t in CHILDREN),
         ("DELETE FROM sessions WHERE id=?", sid))
    res = verify(path)
    assert not res[sid].ok and res[other].ok
    with pytest.raises(SystemExit) as exc:
        main(["verify", "--db", str(path)])
    out = capsys.readouterr().out
    assert exc.value.code == 1 and "intact." not in out.splitlines()[-1]
    assert sid in out and "deleted" in out


def test_deleting_a_session_and_its_ledger_entries_breaks_the_ledger(tmp_path):
    path = tmp_path / "s.sqlite"
    sid, _other = _make(path)
    edit(path, *((f"DELETE FROM {t} WHERE session_id=?", sid) for t in CHILDREN),
         ("DELETE FROM sessions WHERE id=?", sid),
         ("DELETE FROM ledger WHERE session_id=?", sid))
    res = verify(path)
    ledger = res["(the store's ledger)"]
    assert not ledger.ok and any("missing" in p for p in ledger.problems)


def test_deleting_the_last_session_and_its_ledger_tail_shows_at_the_head(tmp_path):
    path = tmp_path / "s.sqlite"
    sid, other = _make(path)
    edit(path, *((f"DELETE FROM {t} WHERE session_id=?", other) for t in CHILDREN),
         ("DELETE FROM sessions WHERE id=?", other),
         ("DELETE FROM ledger WHERE session_id=?", other))
    res = verify(path)
    assert res[sid].ok
    assert any("head" in p for p in res["(the store's ledger)"].problems)


def test_rows_of_an_unknown_session_are_orphans(tmp_path):
    path = tmp_path / "s.sqlite"
    sid, _ = _make(path)
    ghost = str(uuid.uuid4())
    edit(path, ("INSERT INTO results SELECT ?, seq, check_id, value, verdict, margin, overload, "
                "n, note, cal_expired, hash FROM results WHERE session_id=?", ghost, sid))
    res = verify(path)
    assert any("orphans" in p for p in res[ghost].problems)


def test_a_copied_session_is_not_in_the_ledger(tmp_path):
    path = tmp_path / "s.sqlite"
    sid, _ = _make(path)
    copy = str(uuid.uuid4())
    con = sqlite3.connect(path)
    cols = [r[1] for r in con.execute("PRAGMA table_info(sessions)")]
    picks = ", ".join("?" if c == "id" else c for c in cols)
    con.execute(f"INSERT INTO sessions ({', '.join(cols)}) SELECT {picks} FROM sessions "
                f"WHERE id=?", (copy, sid))
    con.commit()
    con.close()
    res = verify(path)
    assert not res[copy].ok and any("ledger" in p for p in res[copy].problems)
    assert res[sid].ok


def test_reordered_batches_are_found(tmp_path):
    path = tmp_path / "s.sqlite"
    sid, other = _make(path)
    edit(path, ("UPDATE batches SET seq=-1 WHERE session_id=? AND seq=3", sid),
         ("UPDATE batches SET seq=3 WHERE session_id=? AND seq=4", sid),
         ("UPDATE batches SET seq=4 WHERE session_id=? AND seq=-1", sid))
    res = verify(path)
    assert not res[sid].ok and res[other].ok
    assert any("record 3" in p for p in res[sid].problems)


def test_a_duplicated_batch_is_found(tmp_path):
    path = tmp_path / "s.sqlite"
    sid, other = _make(path)
    con = sqlite3.connect(path)
    cols = [r[1] for r in con.execute("PRAGMA table_info(batches)")]
    top = con.execute("SELECT max(seq) FROM batches WHERE session_id=?", (sid,)).fetchone()[0]
    picks = ", ".join(f"seq + {100}" if c == "seq" else c for c in cols)
    con.execute(f"INSERT INTO batches ({', '.join(cols)}) SELECT {picks} FROM batches "
                f"WHERE session_id=? AND seq=?", (sid, top))
    con.commit()
    con.close()
    res = verify(path)
    assert not res[sid].ok and res[other].ok


def _as_schema_2(path):
    """Turn a database into what the release before the ledger wrote: no ledger, schema
    version 2 (schema 1, before the stored outcome, is migrated in test_store_migration)."""
    con = sqlite3.connect(path)
    con.execute("DROP TABLE ledger")
    con.execute("DROP TABLE ledger_head")
    con.execute("UPDATE schema_version SET version=2")
    con.commit()
    con.close()


def test_sessions_of_schema_2_verify_after_the_upgrade_and_a_later_deletion_shows(tmp_path):
    path = tmp_path / "s.sqlite"
    sid, other = _make(path)
    _as_schema_2(path)
    res = verify(path)  # opening migrates: the ledger is built from the sessions present
    assert set(res) == {sid, other} and all(r.ok for r in res.values())
    with SessionStore(path) as store:
        w = store.begin(operator="Cy")
        w.finish()
        third = w.id
    assert all(r.ok for r in verify(path).values())
    edit(path, ("DELETE FROM sessions WHERE id=?", other))
    res = verify(path)
    assert not res[other].ok and res[sid].ok and res[third].ok


def test_session_closed_as_incomplete_after_a_crash_stays_in_the_ledger(tmp_path):
    path = tmp_path / "s.sqlite"
    with SessionStore(path) as store:
        w = store.begin(operator="Dee")
        w.flush()
        sid = w.id
    # Pretend its writer died in another process: running, foreign pid.
    edit(path, ("UPDATE sessions SET status='running', final_hash=NULL, end_utc=NULL, "
                "n_records=n_records-1, head_hash=header_hash, pid=999999999 WHERE id=?", sid),
         ("DELETE FROM ledger WHERE session_id=? AND event='close'", sid))
    con = sqlite3.connect(path)
    pos, h = con.execute("SELECT pos, hash FROM ledger ORDER BY pos DESC LIMIT 1").fetchone()
    con.execute("UPDATE ledger_head SET pos=?, hash=?", (pos, h))
    con.commit()
    con.close()
    res = verify(path)  # opening closes it as incomplete, with its ledger entry
    assert res[sid].status == "incomplete" and res[sid].ok, res[sid].problems


def test_a_read_only_schema_2_database_can_still_be_opened_and_checked(tmp_path):
    """A read-only copy from an earlier release cannot be upgraded; it is opened as it is
    (its sessions' own chains still verify), with no ledger to check."""
    from meterlab.store_ledger import ledger_problems
    from meterlab.store_schema import _check_and_migrate
    from meterlab.store_verify import verify_session

    path = tmp_path / "s.sqlite"
    sid, other = _make(path)
    _as_schema_2(path)
    con = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    _check_and_migrate(con, path, read_only=True)  # must not raise "needs an upgrade"
    rows = con.execute("SELECT id, header_hash, final_hash FROM sessions").fetchall()
    report = ledger_problems(con, rows)
    assert not report.store and not report.deleted and not report.by_session
    assert all(verify_session(con, s, live=False).ok for s in (sid, other))
    con.close()
