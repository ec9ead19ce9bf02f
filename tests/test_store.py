"""The session store: round trip, browsing, crash safety and clear failures."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from pathlib import Path

import numpy as np
import pytest

from meterlab.errors import StoreError
from meterlab.outcome import Outcome
from meterlab.readings import ReadingBatch, Verdict
from meterlab.store import NO_VERDICT, SessionStore, default_db_path
from meterlab.store_schema import SCHEMA_VERSION

ROOT = Path(__file__).resolve().parents[1]


def batch(values, t0=1_700_000_000.0, *, over=None, function="VOLT:DC", unit="V", rng=10.0,
          gap=False):
    values = np.asarray(values, dtype=float)
    n = len(values)
    overload = np.zeros(n, bool) if over is None else np.asarray(over, bool)
    values = np.where(overload, np.nan, values)
    return ReadingBatch(t=t0 + np.arange(n) * 0.01, values=values, overload=overload,
                        function=function, unit=unit, range=rng, gap_before=gap, source="dmm")


def simple_session(store: SessionStore, **meta):
    w = store.begin(operator=meta.get("operator", "Ann"), station="bench 3",
                    dut_type="sensor node", dut_serial=meta.get("dut", "SN-001"),
                    plan_name="final test", plan_version="1.0", plan_sha256="ab" * 32)
    w.add_instrument(role="dmm", resource="TCPIP::127.0.0.1::5025::SOCKET", maker="Keysight",
                     model="34465A", serial="MY123", firmware="A.03", cal_due="2099-01-01")
    w.add_check(check_id="3v3", title="3.3 V rail", function="VOLT:DC", unit="V",
                limit_text="3.3 V ±3 %", lower=3.201, upper=3.399, nominal=3.3)
    v = np.array([3.30, 3.31, 3.45, 3.29])
    verdicts = np.where((v < 3.201) | (v > 3.399), Verdict.FAIL, Verdict.PASS).astype(np.int8)
    w.append(batch(v), check_id="3v3", verdicts=verdicts, margins=np.minimum(v - 3.201, 3.399 - v))
    w.append(batch([1.0, 2.0], t0=1_700_000_100.0, over=[False, True], gap=True), check_id="3v3",
             verdicts=np.array([Verdict.PASS, Verdict.OVERLOAD], np.int8))
    w.append(batch([5.0], t0=1_700_000_200.0, function="RES", unit="Ω", rng=None))
    w.finish()
    return w.id


def test_round_trip_keeps_every_field(tmp_path):
    with SessionStore(tmp_path / "s.sqlite") as st:
        sid = simple_session(st)
        info = st.session(sid[:6])
        assert info.id == sid and info.status == "complete" and info.end_utc
        assert info.start_utc.endswith("Z") and info.start_utc <= info.end_utc
        assert (info.operator, info.station, info.dut_serial) == ("Ann", "bench 3", "SN-001")
        assert info.plan_sha256 == "ab" * 32 and info.rule == "simple"
        assert info.n_readings == 7
        assert info.counts["PASS"] == 4 and info.counts["FAIL"] == 1
        assert info.counts["OVERLOAD"] == 1
        # Readings alone judge no unit: the check has no recorded result, so the session's
        # stored outcome (the rule in meterlab.outcome) is NOT JUDGED.
        assert info.outcome is Outcome.NOT_JUDGED and info.chain_version == 2
        assert info.instruments[0].serial == "MY123" and not info.instruments[0].cal_expired
        assert info.checks[0].lower == pytest.approx(3.201)
        df = st.readings(sid)
        assert len(df) == 7
        np.testing.assert_allclose(df["value"].to_numpy()[:4], [3.30, 3.31, 3.45, 3.29])
        assert df["overload"].tolist() == [False] * 5 + [True, False]
        assert np.isnan(df["value"].iloc[5])
        assert df["verdict"].tolist() == [0, 0, 3, 0, 0, 4, NO_VERDICT]
        assert df["gap_before"].tolist() == [False, False, False, False, True, False, False]
        assert df["unit"].tolist()[-1] == "Ω" and np.isnan(df["range"].iloc[-1])
        assert df["check_id"].tolist()[:6] == ["3v3"] * 6
        assert df["time"].iloc[0].year == 2023
        assert st.verify(sid)[0].ok


def test_browse_filters_and_latest(tmp_path):
    with SessionStore(tmp_path / "s.sqlite") as st:
        a = simple_session(st, operator="Ann", dut="SN-1")
        time.sleep(0.01)
        w = st.begin(operator="Bob", dut_serial="SN-2")
        w.append(batch([3.3]), verdicts=[Verdict.PASS])
        w.finish()
        assert [s.id for s in st.sessions()] == [a, w.id]
        assert [s.id for s in st.sessions(dut="SN-2")] == [w.id]
        assert [s.id for s in st.sessions(operator="ann")] == [a]
        assert [s.id for s in st.sessions(verdict="FAIL")] == [a]
        assert st.sessions(since="2999-01-01") == []
        assert len(st.sessions(since="2000-01-01")) == 2
        assert st.session("latest").id == w.id
        with pytest.raises(StoreError, match="No session"):
            st.session("ffffffff")
        with pytest.raises(StoreError, match="not a date"):
            st.sessions(since="yesterday")
        with pytest.raises(StoreError, match="Unknown verdict"):
            st.sessions(verdict="BAD")


def test_expired_calibration_marks_every_reading_it_produced(tmp_path):
    with SessionStore(tmp_path / "s.sqlite") as st:
        w = st.begin()
        w.add_instrument(role="dmm", resource="r", maker="K", model="M", serial="S1",
                         firmware="f", cal_due="2001-05-01")
        w.add_instrument(role="scope", resource="r", maker="R", model="M", serial="S2",
                         firmware="f", cal_due="2099-05-01")
        w.append(batch([1.0, 2.0]), role="dmm", check_id="v")
        w.append(batch([3.0]), role="scope", check_id="f")
        w.add_result(check_id="v", value=1.5, verdict=Verdict.PASS)
        w.add_result(check_id="f", value=3.0, verdict=Verdict.PASS)
        w.finish()
        df = st.readings(w.id)
        assert df["cal_expired"].tolist() == [True, True, False]
        info = st.session(w.id)
        assert info.cal_expired
        assert [i.cal_expired for i in info.instruments] == [True, False]
        assert [r.cal_expired for r in info.results] == [True, False]


def test_appends_from_many_threads_keep_every_reading(tmp_path):
    with SessionStore(tmp_path / "s.sqlite") as st:
        w = st.begin()

        def feed(k):
            for i in range(50):
                w.append(batch(np.full(100, k * 1000 + i), t0=k * 1e6 + i))

        threads = [threading.Thread(target=feed, args=(k,)) for k in range(4)]
        for th in threads:
            th.start()
        for th in threads:
            th.join()
        w.finish()
        df = st.readings(w.id)
        assert len(df) == 4 * 50 * 100
        for k in range(4):
            got = df["value"][(df["value"] >= k * 1000) & (df["value"] < k * 1000 + 50)]
            assert sorted(set(got.astype(int))) == [k * 1000 + i for i in range(50)]
        assert st.verify(w.id)[0].ok


def test_flush_commits_within_a_second_without_finish(tmp_path):
    path = tmp_path / "s.sqlite"
    with SessionStore(path) as st:
        w = st.begin()
        w.append(batch([1.0, 2.0, 3.0]))
        deadline = time.time() + 3
        other = sqlite3.connect(path)
        n = 0
        while time.time() < deadline and n < 3:
            n = other.execute("SELECT COALESCE(SUM(n),0) FROM batches").fetchone()[0]
            time.sleep(0.05)
        other.close()
        assert n == 3
        w.finish()


def test_waveforms_and_digital_captures_round_trip(tmp_path):
    with SessionStore(tmp_path / "s.sqlite") as st:
        w = st.begin()
        y = np.sin(np.linspace(0, 10, 5000)) * 1.65 + 1.65
        w.add_waveform(source="CH1", y=y, t0=-1e-3, dt=1e-6, check_id="pwm")
        codes = np.arange(256, dtype=np.uint8)
        w.add_waveform(source="CH2", y=codes, t0=0.0, dt=2e-6, scale=0.04, offset=-5.0)
        lanes = (np.arange(1000) % 4).astype(np.uint16)
        w.add_digital(lanes=lanes, t0=0.0, dt=1e-7, channels=[1, 0])
        w.finish()
        caps = st.captures(w.id)
        assert [type(c).__name__ for c in caps] == ["Waveform", "Waveform", "DigitalCapture"]
        np.testing.assert_allclose(caps[0].y, y, rtol=1e-6, atol=1e-6)
        assert caps[0].t0 == -1e-3 and caps[0].dt == 1e-6 and caps[0].meta["check_id"] == "pwm"
        np.testing.assert_allclose(caps[1].y, codes * 0.04 - 5.0)
        np.testing.assert_array_equal(caps[2].lanes, lanes)
        assert caps[2].channels == (0, 1)


def test_context_manager_marks_a_crashed_run_aborted(tmp_path):
    with SessionStore(tmp_path / "s.sqlite") as st:
        with pytest.raises(RuntimeError), st.begin() as w:
            w.append(batch([1.0]))
            raise RuntimeError("instrument fell off the bench")
        info = st.session(w.id)
        assert info.status == "aborted" and info.n_readings == 1
        assert st.verify(w.id)[0].ok
        with pytest.raises(StoreError, match="already finished"):
            w.append(batch([2.0]))


def test_default_path_follows_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("METERLAB_DB", str(tmp_path / "x.sqlite"))
    assert default_db_path() == tmp_path / "x.sqlite"
    monkeypatch.delenv("METERLAB_DB")
    assert default_db_path().name == "sessions.sqlite"


# -- crash safety ------------------------------------------------------------------------

_LOGGER = textwrap.dedent("""
    import sys, numpy as np
    from meterlab.store import SessionStore
    from meterlab.readings import ReadingBatch
    st = SessionStore(sys.argv[1])
    w = st.begin(operator="crash test", dut_serial="SN-K9")
    print(w.id, flush=True)
    i = 0
    while True:
        v = np.arange(i, i + 1000, dtype=float)
        w.append(ReadingBatch(t=v * 1e-3, values=v, overload=np.zeros(1000, bool)),
                 verdicts=np.zeros(1000, np.int8))
        i += 1000
        if i % 20000 == 0:
            print(w.flush() and w.committed_readings, flush=True)
""")


def test_kill_9_while_logging_leaves_an_intact_incomplete_session(tmp_path):
    path = tmp_path / "s.sqlite"
    proc = subprocess.Popen([sys.executable, "-c", _LOGGER, str(path)], stdout=subprocess.PIPE,
                            text=True, cwd=ROOT)
    try:
        sid = proc.stdout.readline().strip()
        committed = 0
        while committed < 200_000:
            line = proc.stdout.readline()
            assert line, "the logging process ended early"
            committed = max(committed, int(line) if line.strip().isdigit() else 0)
        time.sleep(0.3)  # let it keep writing: the kill lands mid-stream
    finally:
        proc.kill()
        proc.wait()
    with SessionStore(path) as st:
        info = st.session(sid)
        assert info.status == "incomplete" and info.end_utc and info.final_hash
        df = st.readings(sid)
        assert len(df) >= committed
        np.testing.assert_array_equal(df["value"].to_numpy(), np.arange(len(df), dtype=float))
        result = st.verify(sid)[0]
        assert result.ok, result.problems


# -- failures the user must understand -------------------------------------------------------


def test_newer_schema_is_refused_untouched(tmp_path):
    path = tmp_path / "s.sqlite"
    SessionStore(path).close()
    con = sqlite3.connect(path)
    con.execute("UPDATE schema_version SET version=?", (SCHEMA_VERSION + 5,))
    con.commit()
    con.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="newer meterlab"):
        SessionStore(path)
    assert path.read_bytes() == before


def test_not_a_database_gives_a_clear_message(tmp_path):
    path = tmp_path / "s.sqlite"
    path.write_text("operator,value\nAnn,3.3\n")
    with pytest.raises(StoreError, match="not a readable meterlab session database"):
        SessionStore(path)
    other = tmp_path / "o.sqlite"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE foo (x)")
    con.commit()
    con.close()
    with pytest.raises(StoreError, match="not a meterlab session database"):
        SessionStore(other)


def test_folder_that_cannot_be_created_gives_a_clear_message(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="Cannot create the folder"):
        SessionStore(blocker / "sub" / "s.sqlite")


_AS_OTHER_USER = textwrap.dedent("""
    import os, sys
    from meterlab.errors import StoreError
    from meterlab.store import SessionStore
    if os.geteuid() == 0:  # root writes anywhere: drop to "nobody" once the code is loaded
        os.setgid(65534); os.setuid(65534)
    try:
        st = SessionStore(sys.argv[1])
    except StoreError as e:
        print("ERROR", e); sys.exit(0)
    print("OPEN", st.read_only, len(st.sessions()))
    try:
        st.begin()
    except StoreError as e:
        print("ERROR", e)
""")


def _run_unprivileged(path: Path) -> str:
    out = subprocess.run([sys.executable, "-c", _AS_OTHER_USER, str(path)], capture_output=True,
                         text=True, cwd=ROOT, timeout=60, env={**os.environ, "HOME": "/tmp"})
    assert "Traceback" not in out.stderr, out.stderr
    return out.stdout


@pytest.fixture
def open_tmp():
    """A temporary folder other users can reach (pytest's own is private to us)."""
    path = Path(tempfile.mkdtemp(prefix="meterlab-ro-"))
    path.chmod(0o755)
    yield path
    for p in path.rglob("*"):
        p.chmod(0o755)
    shutil.rmtree(path, ignore_errors=True)


def test_read_only_folder_gives_a_clear_message(open_tmp):
    folder = open_tmp / "ro"
    folder.mkdir()
    os.chmod(folder, 0o555)
    out = _run_unprivileged(folder / "s.sqlite")
    assert out.startswith("ERROR Cannot create the session database"), out
    assert "--db PATH" in out


def test_read_only_database_can_be_browsed_but_not_written(open_tmp):
    folder = open_tmp / "ro"
    folder.mkdir()
    with SessionStore(folder / "s.sqlite") as st:
        simple_session(st)
    os.chmod(folder, 0o555)
    os.chmod(folder / "s.sqlite", 0o444)
    out = _run_unprivileged(folder / "s.sqlite")
    assert "OPEN True 1" in out, out
    assert "read-only, so this run cannot be recorded" in out


def test_full_disk_keeps_readings_and_says_so(tmp_path):
    with SessionStore(tmp_path / "s.sqlite") as st:
        w = st.begin()
        w.append(batch(np.arange(10.0)))
        w.flush()
        pages = st.connection.execute("PRAGMA page_count").fetchone()[0]
        st.connection.execute(f"PRAGMA max_page_count={pages + 2}")
        w.append(batch(np.arange(200_000.0)))
        with pytest.raises(StoreError, match="full"):
            w.flush()
        assert w.error is not None
        st.connection.execute("PRAGMA max_page_count=1073741823")
        w.finish()
        df = st.readings(w.id)
        assert len(df) == 200_010
        assert st.verify(w.id)[0].ok


def test_kill_9_of_meterlab_read_streaming_from_the_simulated_bench(tmp_path):
    """The issue's scenario end to end: `meterlab sim` serves the 34465A over TCP,
    `meterlab read --count 0` streams into the store, and is killed mid-stream."""
    db = tmp_path / "s.sqlite"
    env = {**os.environ, "METERLAB_STATION": str(tmp_path / "none.toml")}
    sim = subprocess.Popen([sys.executable, "-m", "meterlab", "sim", "--dmm-port", "0",
                            "--scope-port", "0"], stdout=subprocess.PIPE, text=True, cwd=ROOT,
                           env=env)
    reader = None
    try:
        resource = ""
        while not resource:
            line = sim.stdout.readline()
            assert line, "the simulator did not start"
            if line.startswith("dmm "):
                resource = line.split()[1]
        reader = subprocess.Popen(
            [sys.executable, "-m", "meterlab", "read", resource, "--count", "0", "--nplc", "0.02",
             "--db", str(db), "--operator", "kill test", "--dut", "SN-K9"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT, env=env)
        committed, deadline = 0, time.time() + 60
        while committed < 200 and time.time() < deadline:
            time.sleep(0.2)
            if db.exists():
                try:
                    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
                    committed = con.execute("SELECT COALESCE(SUM(n), 0) FROM batches").fetchone()[0]
                    con.close()
                except sqlite3.Error:
                    pass
        assert committed >= 200, reader.stderr.read1().decode() if reader.poll() is not None else ""
        reader.kill()
        reader.wait()
    finally:
        if reader is not None and reader.poll() is None:
            reader.kill()
            reader.wait()
        sim.terminate()
        sim.wait(10)
    with SessionStore(db) as st:
        info = st.session("latest")
        assert info.status == "incomplete" and info.final_hash
        assert info.operator == "kill test" and info.instruments[0].model == "34465A"
        df = st.readings(info.id)
        assert len(df) >= committed
        assert df["unit"].eq("V").all() and np.isfinite(df["value"]).all()
        assert st.verify(info.id)[0].ok


def test_program_ending_without_finish_keeps_what_it_queued(tmp_path):
    path = tmp_path / "s.sqlite"
    script = textwrap.dedent("""
        import sys, numpy as np
        from meterlab.store import SessionStore
        from meterlab.readings import ReadingBatch
        st = SessionStore(sys.argv[1])
        w = st.begin()
        w.append(ReadingBatch(t=np.arange(5.0), values=np.arange(5.0),
                              overload=np.zeros(5, bool)))
        print(w.id)
    """)  # exits at once: the flusher never ran, only the exit hook can save the batch
    out = subprocess.run([sys.executable, "-c", script, str(path)], capture_output=True,
                         text=True, cwd=ROOT, timeout=60, check=True)
    with SessionStore(path) as st:
        info = st.session(out.stdout.strip())
        assert info.status == "incomplete" and info.n_readings == 5


def test_forward_migration_keeps_sessions_verifiable(tmp_path, monkeypatch):
    from meterlab import store_schema

    path = tmp_path / "s.sqlite"
    with SessionStore(path) as st:
        sid = simple_session(st)
    monkeypatch.setattr(store_schema, "SCHEMA_VERSION", store_schema.SCHEMA_VERSION + 1)
    monkeypatch.setitem(store_schema.MIGRATIONS, store_schema.SCHEMA_VERSION - 1,
                        "ALTER TABLE sessions ADD COLUMN site TEXT NOT NULL DEFAULT ''")
    with SessionStore(path) as st:
        assert st.session(sid).n_readings == 7 and st.verify(sid)[0].ok
    con = sqlite3.connect(path)
    assert con.execute("SELECT version FROM schema_version").fetchone()[0] == \
        store_schema.SCHEMA_VERSION
    assert "site" in [r[1] for r in con.execute("PRAGMA table_info(sessions)")]
    con.close()


_OTHER_WRITER = textwrap.dedent("""
    import sys, time, numpy as np
    from meterlab.store import SessionStore
    from meterlab.readings import ReadingBatch
    st = SessionStore(sys.argv[1])
    w = st.begin(operator="other process")
    print(w.id, flush=True)
    for i in range(400):
        w.append(ReadingBatch(t=np.arange(100.0), values=np.ones(100),
                              overload=np.zeros(100, bool)))
        w.flush()
        time.sleep(0.005)
    w.finish()
""")


def test_verify_while_another_process_writes_reports_nothing_altered(tmp_path):
    path = tmp_path / "s.sqlite"
    SessionStore(path).close()
    proc = subprocess.Popen([sys.executable, "-c", _OTHER_WRITER, str(path)],
                            stdout=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        sid = proc.stdout.readline().strip()
        with SessionStore(path) as st:
            results = [st.verify(sid)[0] for _ in range(20)]
            assert st.session(sid).status in ("running", "complete")
    finally:
        proc.wait(60)
    assert all(r.ok for r in results), [r.problems for r in results if not r.ok]
    assert {r.status for r in results} <= {"running", "complete"}
