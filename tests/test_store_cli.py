"""meterlab sessions / verify / export: what a person at the bench types and reads."""

from __future__ import annotations

import sqlite3

import numpy as np
import pytest

from meterlab.cli import main
from meterlab.readings import ReadingBatch, Verdict
from meterlab.store import SessionStore


def run(*argv):
    with pytest.raises(SystemExit) as exc:
        main(list(argv))
    return exc.value.code


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "s.sqlite"
    with SessionStore(path) as store:
        for op, dut, verdict in (("Ann", "SN-1", Verdict.PASS), ("Bob", "SN-2", Verdict.FAIL)):
            w = store.begin(operator=op, dut_serial=dut, dut_type="node", plan_name="final",
                            plan_version="2")
            w.append(ReadingBatch(t=np.arange(3.0), values=np.ones(3), overload=np.zeros(3, bool)),
                     verdicts=np.full(3, verdict, np.int8))
            w.finish()
    return path


def test_sessions_lists_and_filters(db, capsys):
    assert run("sessions", "--db", str(db)) == 0
    out = capsys.readouterr().out
    assert "Ann" in out and "Bob" in out and "node SN-1" in out and "final v2" in out
    assert "✘3" in out and "2 session(s)" in out
    assert run("sessions", "--db", str(db), "--verdict", "FAIL") == 0
    out = capsys.readouterr().out
    assert "Bob" in out and "Ann" not in out
    assert run("sessions", "--db", str(db), "--operator", "ann", "--since", "2000-01-01") == 0
    out = capsys.readouterr().out
    assert "Ann" in out and "Bob" not in out


def test_sessions_db_from_environment(db, capsys, monkeypatch):
    monkeypatch.setenv("METERLAB_DB", str(db))
    assert run("sessions", "--dut", "SN-2") == 0
    assert "Bob" in capsys.readouterr().out


def test_missing_database_is_one_clear_line(tmp_path, capsys):
    assert run("sessions", "--db", str(tmp_path / "none.sqlite")) == 2
    err = capsys.readouterr().err
    assert "No session database" in err and "Traceback" not in err
    assert not (tmp_path / "none.sqlite").exists()


def test_verify_exit_codes(db, capsys):
    assert run("verify", "--db", str(db)) == 0
    assert "All 2 session(s) intact" in capsys.readouterr().out
    con = sqlite3.connect(db)
    con.execute("UPDATE sessions SET operator='Mallory' WHERE operator='Bob'")
    con.commit()
    con.close()
    assert run("verify", "--db", str(db)) == 1
    out = capsys.readouterr().out
    assert "ALTERED" in out and "session details" in out and "1 of 2" in out
    assert run("verify", "--db", str(db), "latest") == 1
    capsys.readouterr()
    with SessionStore(db) as store:
        # the session nobody edited (two sessions can share a start time, so not by order)
        intact = next(s.id for s in store.sessions() if s.operator != "Mallory")
    assert run("verify", "--db", str(db), intact[:6]) == 0


def test_export_latest_and_by_dut(db, tmp_path, capsys):
    out = tmp_path / "x.csv"
    assert run("export", "--db", str(db), "latest", "-o", str(out)) == 0
    assert "Wrote 1 session(s), 3 readings" in capsys.readouterr().out
    assert "Bob" in out.read_text(encoding="utf-8")
    assert run("export", "--db", str(db), "--since", "2000-01-01", "--format", "json",
               "-o", str(tmp_path / "all.dat")) == 0
    assert "Wrote 2 session(s), 6 readings" in capsys.readouterr().out


def test_export_usage_errors(db, tmp_path, capsys):
    assert run("export", "--db", str(db), "-o", str(tmp_path / "x.csv")) == 2
    assert "Name a session" in capsys.readouterr().err
    assert run("export", "--db", str(db), "zzzz", "-o", str(tmp_path / "x.csv")) == 2
    assert "not a session id" in capsys.readouterr().err
    assert run("export", "--db", str(db), "latest", "-o", str(tmp_path / "x.docx")) == 2
    assert "Unknown export format" in capsys.readouterr().err
