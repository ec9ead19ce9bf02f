"""Sessions written by the release before outcomes were stored (schema 1) still open,
verify and export after the upgrade, each with its outcome given once by the rule.

`data/sessions_schema1.sqlite` was written by that release's own store: four plan runs
(two passing checks; a pass and an error; a fail and an error; a pass and a check without
result) and one log of readings.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from meterlab.export import export_sessions
from meterlab.outcome import Outcome
from meterlab.store import SessionStore
from meterlab.store_schema import SCHEMA_VERSION

LEGACY = Path(__file__).parent / "data" / "sessions_schema1.sqlite"
EXPECTED = {"SN-PASS": Outcome.PASS, "SN-NJ": Outcome.NOT_JUDGED,
            "SN-FAILERR": Outcome.FAIL, "SN-SKIP": Outcome.NOT_JUDGED, "SN-LOG": None}


@pytest.fixture
def legacy(tmp_path) -> Path:
    path = tmp_path / "old.sqlite"
    shutil.copy(LEGACY, path)
    con = sqlite3.connect(path)
    assert con.execute("SELECT version FROM schema_version").fetchone()[0] == 1
    con.close()
    return path


def test_old_sessions_open_with_their_outcome_and_still_verify(legacy):
    with SessionStore(legacy) as store:
        infos = store.sessions()
        assert {i.dut_serial: i.outcome for i in infos} == EXPECTED
        assert all(i.chain_version == 1 for i in infos)
        results = store.verify()
    assert len(results) == 5 and all(r.ok for r in results), results
    con = sqlite3.connect(legacy)
    assert con.execute("SELECT version FROM schema_version").fetchone()[0] == SCHEMA_VERSION
    con.close()


def test_old_sessions_export_with_their_outcome(legacy, tmp_path):
    with SessionStore(legacy) as store:
        ids = [i.id for i in store.sessions()]
        export_sessions(store, ids, tmp_path / "old.json")
        out = export_sessions(store, ids[:1], tmp_path / "old.pdf")
        export_sessions(store, ids, tmp_path / "old.xlsx")
        export_sessions(store, ids, tmp_path / "old.csv")
    doc = json.loads((tmp_path / "old.json").read_text(encoding="utf-8"))
    assert [s["outcome"] for s in doc["sessions"]] == [
        None if o is None else str(o) for o in EXPECTED.values()]
    assert b"/Keywords (outcome PASS)" in out.read_bytes()
    # The check that never got a result is listed too (issue 11).
    csv_text = (tmp_path / "old.csv").read_text(encoding="utf-8")
    assert ",c1,VOLT:DC,AUTO,,V,NOT RUN," in csv_text


def test_an_edited_outcome_of_an_old_session_is_found(legacy):
    """An old session's outcome is outside its (closed) chain, so verify checks that the
    stored word still follows from its chained results."""
    with SessionStore(legacy) as store:
        sid = next(i.id for i in store.sessions() if i.dut_serial == "SN-FAILERR")
        store.connection.execute("UPDATE sessions SET outcome='PASS' WHERE id=?", (sid,))
        result = store.verify(sid)[0]
    assert not result.ok
    assert any("outcome PASS does not follow" in p for p in result.problems), result.problems


def test_a_new_session_beside_old_ones_is_written_with_a_chained_outcome(legacy):
    with SessionStore(legacy) as store:
        w = store.begin(operator="new", kind="run")
        w.add_check(check_id="a", title="", function="VOLT:DC", unit="V", limit_text="",
                    lower=0.0, upper=1.0, nominal=None)
        w.add_result(check_id="a", value=0.5, verdict=0)
        w.finish(outcome=Outcome.PASS)
        info = store.session(w.id)
        assert info.outcome is Outcome.PASS and info.chain_version == 2
        assert all(r.ok for r in store.verify())


def test_a_run_whose_program_died_is_closed_with_the_outcome_of_what_it_recorded(tmp_path):
    """Closed as incomplete at the next open: a recorded FAIL fails the unit; the closing
    record holds the outcome and the session verifies."""
    import subprocess
    import sys
    import textwrap

    path = tmp_path / "s.sqlite"
    script = textwrap.dedent("""
        import sys
        from meterlab.store import SessionStore
        st = SessionStore(sys.argv[1])
        w = st.begin(kind="run")
        for c in ("a", "b", "c"):
            w.add_check(check_id=c, title="", function="VOLT:DC", unit="V", limit_text="",
                        lower=0.0, upper=1.0, nominal=None)
        w.add_result(check_id="a", value=0.5, verdict=0)
        w.add_result(check_id="b", value=2.0, verdict=3)
        print(w.id)
    """)  # exits without finishing: the exit hook saves what was queued, nothing closes it
    out = subprocess.run([sys.executable, "-c", script, str(path)], capture_output=True,
                         text=True, timeout=60, check=True)
    with SessionStore(path) as store:
        info = store.session(out.stdout.strip())
        assert info.status == "incomplete" and info.outcome is Outcome.FAIL
        assert store.verify(info.id)[0].ok
