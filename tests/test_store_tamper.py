"""Tamper evidence: any edit made behind meterlab's back with sqlite3 is found by verify."""

from __future__ import annotations

import sqlite3

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from meterlab.readings import ReadingBatch, Verdict
from meterlab.store import SessionStore


def _make(path, n_batches=3):
    with SessionStore(path) as store:
        w = store.begin(operator="Ann", station="bench 3", dut_type="node", dut_serial="SN-1",
                        plan_name="final", plan_version="1", plan_sha256="cd" * 32)
        w.add_instrument(role="dmm", resource="TCPIP::1", maker="Keysight", model="34465A",
                         serial="MY1", firmware="A.1", cal_due="2099-01-01")
        w.add_check(check_id="3v3", title="rail", function="VOLT:DC", unit="V",
                    limit_text="3.3 V ±3 %", lower=3.2, upper=3.4, nominal=3.3)
        for i in range(n_batches):
            v = np.array([3.30, 3.31, 3.32]) + i * 0.001
            w.append(ReadingBatch(t=np.arange(3) + 10.0 * i, values=v,
                                  overload=np.zeros(3, bool), range=10.0, gap_before=i == 1),
                     check_id="3v3", verdicts=np.zeros(3, np.int8), margins=v - 3.2)
            w.flush()  # one stored row per batch, so an edit can target one
        w.add_waveform(source="CH1", y=np.linspace(0, 1, 100), t0=0.0, dt=1e-6)
        w.add_result(check_id="3v3", value=3.31, verdict=Verdict.PASS, margin=0.09, n=9)
        w.finish()
        other = store.begin(operator="Bob")
        other.append(ReadingBatch(t=np.arange(2.0), values=np.ones(2), overload=np.zeros(2, bool)))
        other.finish()
        return w.id, other.id


def _edit(path, sql, *args):
    con = sqlite3.connect(path)
    con.execute(sql, args)
    con.commit()
    con.close()


def _verify(path):
    with SessionStore(path) as store:
        return {r.session_id: r for r in store.verify()}


def test_untouched_database_verifies(tmp_path):
    path = tmp_path / "s.sqlite"
    sid, other = _make(path)
    res = _verify(path)
    assert res[sid].ok and res[other].ok
    assert res[sid].final_hash and res[sid].status == "complete"


EDITS = {
    "operator": ("UPDATE sessions SET operator='Mallory' WHERE id=?", "session details"),
    "dut serial": ("UPDATE sessions SET dut_serial='SN-2' WHERE id=?", "session details"),
    "plan hash": ("UPDATE sessions SET plan_sha256='00' WHERE id=?", "session details"),
    "start time": ("UPDATE sessions SET start_utc='2020-01-01T00:00:00.000Z' WHERE id=?",
                   "session details"),
    "status": ("UPDATE sessions SET status='complete ' WHERE id=?", "closing record"),
    "end time": ("UPDATE sessions SET end_utc='2030-01-01' WHERE id=?", "closing record"),
    "instrument serial": ("UPDATE instruments SET serial='X' WHERE session_id=?", "instrument"),
    "calibration date": ("UPDATE instruments SET cal_due='2100-01-01' WHERE session_id=?",
                         "instrument"),
    "limit": ("UPDATE checks SET upper=9 WHERE session_id=?", "limit of check 3v3"),
    "range": ("UPDATE batches SET range=100 WHERE seq=4 AND session_id=?", "record 4"),
    "verdict counts": ("UPDATE batches SET c_fail=1 WHERE seq=4 AND session_id=?", "record 4"),
    "function": ("UPDATE batches SET function='VOLT:AC' WHERE seq=4 AND session_id=?",
                 "record 4"),
    "gap flag": ("UPDATE batches SET gap_before=0 WHERE seq=4 AND session_id=?", "record 4"),
    "batch deleted": ("DELETE FROM batches WHERE seq=4 AND session_id=?", "missing"),
    "last batch deleted": ("DELETE FROM batches WHERE seq=5 AND session_id=?", "missing"),
    "waveform": ("UPDATE captures SET dt=2e-6 WHERE session_id=?", "waveform"),
    "result verdict": ("UPDATE results SET verdict=0, value=3.5 WHERE session_id=?", "result"),
    "final hash": ("UPDATE sessions SET final_hash=upper(final_hash) WHERE id=?", "closing"),
}


@pytest.mark.parametrize("what", EDITS)
def test_each_kind_of_edit_is_reported_for_that_session_only(tmp_path, what):
    path = tmp_path / "s.sqlite"
    sid, other = _make(path)
    sql, words = EDITS[what]
    _edit(path, sql, sid)
    res = _verify(path)
    assert not res[sid].ok
    assert any(words in p for p in res[sid].problems), res[sid].problems
    assert res[other].ok


def _blob_edit(path, sid, column, dtype, index, new):
    con = sqlite3.connect(path)
    blob = con.execute(f"SELECT {column} FROM batches WHERE session_id=? AND seq=4",
                       (sid,)).fetchone()[0]
    arr = np.frombuffer(blob, dtype=dtype).copy()
    arr[index] = new
    con.execute(f"UPDATE batches SET {column}=? WHERE session_id=? AND seq=4",
                (arr.tobytes(), sid))
    con.commit()
    con.close()


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(column=st.sampled_from([("value", "<f8"), ("t", "<f8"), ("margin", "<f8"),
                               ("verdict", "i1")]),
       index=st.integers(0, 2), delta=st.sampled_from([1e-12, -1e-9, 1.0, 0.5]))
def test_any_single_stored_number_changed_is_detected(tmp_path_factory, column, index, delta):
    path = tmp_path_factory.mktemp("t") / "s.sqlite"
    sid, other = _make(path, n_batches=2)
    name, dtype = column
    con = sqlite3.connect(path)
    blob = con.execute(f"SELECT {name} FROM batches WHERE session_id=? AND seq=4",
                       (sid,)).fetchone()[0]
    con.close()
    old = np.frombuffer(blob, dtype=dtype)[index]
    new = Verdict.FAIL if dtype == "i1" else old + delta
    assert new != old
    _blob_edit(path, sid, name, dtype, index, new)
    res = _verify(path)
    assert not res[sid].ok and res[other].ok
    assert any("record 4" in p for p in res[sid].problems)


def test_verify_one_session_by_prefix(tmp_path):
    path = tmp_path / "s.sqlite"
    sid, other = _make(path)
    _edit(path, "UPDATE sessions SET notes='x' WHERE id=?", other)
    with SessionStore(path) as store:
        [one] = store.verify(sid[:8])
        assert one.ok and one.session_id == sid
        [two] = store.verify(other)
        assert not two.ok


def test_open_sided_limits_keep_their_infinity_and_verify(tmp_path):
    with SessionStore(tmp_path / "s.sqlite") as store:
        w = store.begin()
        w.add_check(check_id="idd", title="current", function="CURR:DC", unit="A",
                    limit_text="≤ 50 mA", lower=-np.inf, upper=0.05, nominal=None)
        w.finish()
        [check] = store.session(w.id).checks
        assert check.lower == -np.inf and isinstance(check.lower, float)
        assert store.verify(w.id)[0].ok
    _edit(tmp_path / "s.sqlite", "UPDATE checks SET lower=0 WHERE session_id=?", w.id)
    assert not _verify(tmp_path / "s.sqlite")[w.id].ok
