"""A lab of benches on one PostgreSQL: forwarding, verify on the lab, spc — on a real server.

Benches are SQLite files written through the store API (as `meterlab run --db` writes
them); forwarding, verify and spc run as the `meterlab` command in subprocesses, so a
forward can be killed for real.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pg_cluster
import psycopg
import pytest
from hypothesis import given
from hypothesis import strategies as st

from meterlab.outcome import Outcome
from meterlab.readings import ReadingBatch
from meterlab.spc import check_stats, load_series
from meterlab.store import SessionStore

pytest_plugins = ("lab_fixtures",)

LOWER, UPPER = 3.135, 3.465


def record(db: Path, station: str, values: np.ndarray, *, dut: str = "U1",
           plan: str = "rail") -> str:
    """One finished plan session on a bench, check V33 measured `values`."""
    with SessionStore(db) as st:
        w = st.begin(operator="ann", station=station, dut_serial=dut, plan_name=plan,
                     kind="run")
        w.add_instrument(role="dmm", resource="TCPIP::sim", maker="Keysight",
                         model="34465A", serial="MY1", firmware="1")
        w.add_check(check_id="V33", title="3V3 rail", function="VOLT:DC", unit="V",
                    limit_text="3.3 V ±5 %", lower=LOWER, upper=UPPER, nominal=3.3)
        t = time.time() + np.arange(values.shape[0]) * 1e-3
        verdicts = np.where((values >= LOWER) & (values <= UPPER), 0, 3).astype(np.int8)
        w.append(ReadingBatch(t=t, values=values, function="VOLT:DC", unit="V"),
                 check_id="V33", verdicts=verdicts, margins=np.minimum(values - LOWER,
                                                                        UPPER - values))
        mean = float(values.mean())
        ok = LOWER <= mean <= UPPER
        w.add_result(check_id="V33", value=mean, verdict=0 if ok else 3, n=values.shape[0])
        w.finish(outcome=Outcome.PASS if ok else Outcome.FAIL)
        return w.id


def meterlab(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "meterlab", *args], capture_output=True,
                          text=True, timeout=timeout, env={**os.environ, "COLUMNS": "200"})


def cli(*args: str):
    """`meterlab ARGS` in this process (no interpreter start-up), stdout and stderr apart."""
    from click.testing import CliRunner

    from meterlab.cli import cli as group

    return CliRunner().invoke(group, list(args))


def lab_ids(url: str) -> list[str]:
    with psycopg.connect(url) as c:
        try:
            return [r[0] for r in c.execute("SELECT id FROM sessions ORDER BY id")]
        except psycopg.errors.UndefinedTable:
            return []  # the first forward has not made the schema yet


def test_two_benches_forward_concurrently_killed_and_again_each_session_once(tmp_path, lab_db):
    rng = np.random.default_rng(1)
    a, b = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    ids = [record(a, "bench-A", 3.3 + rng.normal(0, 0.01, 50)) for _ in range(3)]
    ids.append(record(a, "bench-A", 3.3 + rng.normal(0, 0.01, 300_000)))  # a long forward
    ids += [record(a, "bench-A", 3.3 + rng.normal(0, 0.01, 50)) for _ in range(2)]
    ids += [record(b, "bench-B", 3.3 + rng.normal(0, 0.01, 80)) for _ in range(4)]

    # Kill bench A's forward while it is inside the big session's transaction.
    proc = subprocess.Popen([sys.executable, "-m", "meterlab", "sync", "--to", lab_db, "--db",
                             str(a)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and len(lab_ids(lab_db)) < 3:
        time.sleep(0.01)
    time.sleep(0.15)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    arrived = lab_ids(lab_db)
    assert 3 <= len(arrived) < 6, "the kill came after the forward finished"

    # Both benches forward at once, bench A twice over.
    procs = [subprocess.Popen([sys.executable, "-m", "meterlab", "sync", "--to", lab_db,
                               "--db", str(db)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) for db in (a, b, a)]
    outs = [p.communicate(timeout=60) for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0], outs
    assert sorted(lab_ids(lab_db)) == sorted(ids)
    with psycopg.connect(lab_db) as c:
        n = c.execute("SELECT count(*) FROM readings_flat").fetchone()[0]
        assert n == 5 * 50 + 300_000 + 4 * 80
        ledger = c.execute("SELECT event, count(DISTINCT session_id) FROM ledger GROUP BY 1")
        assert dict(ledger) == {"open": len(ids), "close": len(ids)}
        stations = dict(c.execute("SELECT station, count(*) FROM sessions GROUP BY 1"))
    assert stations == {"bench-A": 6, "bench-B": 4}
    v = cli("verify", "--db", lab_db)
    assert v.exit_code == 0, v.output
    assert "All 10 session(s) intact." in v.stdout
    again = cli("sync", "--to", lab_db, "--db", str(b))
    assert again.exit_code == 0 and again.stdout.startswith("0 session(s) forwarded")

    listed = cli("sessions", "--db", lab_db, "--station", "BENCH-b", "--plan", "rail")
    assert listed.exit_code == 0
    assert sum(i[:8] in listed.stdout for i in ids[6:]) == 4
    assert not any(i[:8] in listed.stdout for i in ids[:6])


def test_a_session_that_does_not_verify_is_refused_never_merged(tmp_path, lab_db):
    a = tmp_path / "a.sqlite"
    good = record(a, "bench-A", np.full(10, 3.3))
    bad = record(a, "bench-A", np.full(10, 3.31))
    with SessionStore(a) as st:
        st.connection.execute("UPDATE results SET value = 3.2 WHERE session_id = ?", (bad,))
    r = cli("sync", "--to", lab_db, "--db", str(a))
    assert r.exit_code == 1
    assert f"REFUSED {bad}" in r.stderr and "result of check V33" in r.stderr
    assert lab_ids(lab_db) == [good]


def test_tampering_in_the_lab_database_is_found_by_verify(tmp_path, lab_db):
    a = tmp_path / "a.sqlite"
    ids = [record(a, "bench-A", np.linspace(3.2, 3.4, 20)) for _ in range(5)]
    assert cli("sync", "--to", lab_db, "--db", str(a)).exit_code == 0
    assert cli("verify", "--db", lab_db).exit_code == 0
    changed, deleted, edited, gone = ids[0], ids[1], ids[2], ids[3]
    with psycopg.connect(lab_db, autocommit=True) as c:
        c.execute("UPDATE readings SET value = value + 0.001 WHERE idx = 3 AND session_id = %s",
                  (changed,))
        c.execute("DELETE FROM readings WHERE idx = 5 AND session_id = %s", (deleted,))
        c.execute("UPDATE results SET value = 3.0 WHERE session_id = %s", (edited,))
        for table in ("readings", "batches", "results", "checks", "instruments"):
            c.execute(f"DELETE FROM {table} WHERE session_id = %s", (gone,))
        c.execute("DELETE FROM sessions WHERE id = %s", (gone,))
    v = cli("verify", "--db", lab_db)
    assert v.exit_code == 1
    text = " ".join(v.stdout.split())
    for sid, words in ((changed, "differs from the chained batch: it was changed"),
                       (deleted, "holds 19 of the 20 readings of record 3"),
                       (edited, "result of check V33 (record 4) was changed"),
                       (gone, "was deleted: the ledger recorded it")):
        part = text.split(sid, 1)[1].split("✘", 1)[0]
        assert words in part, (sid, words, text)
    assert ids[4][:8] + " complete" in text
    assert "4 of 5 session(s) were altered" in text


def test_server_away_while_bench_records_nothing_lost_and_forwarding_resumes(tmp_path,
                                                                            own_pg_cluster):
    url, base = own_pg_cluster
    a = tmp_path / "a.sqlite"
    first = record(a, "bench-A", np.full(30, 3.3))
    assert cli("sync", "--to", url, "--db", str(a)).exit_code == 0
    pg_cluster.pg_ctl(base, "stop")
    second = record(a, "bench-A", np.full(30, 3.31))  # the bench records on regardless
    r = cli("sync", "--to", url, "--db", str(a))
    assert r.exit_code == 75
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and "forwarding will resume" in lines[0], r.stderr
    assert "Traceback" not in r.stderr
    with SessionStore(a) as st:
        assert {s.id for s in st.sessions()} == {first, second}
    pg_cluster.pg_ctl(base, "start")
    r = cli("sync", "--to", url, "--db", str(a))
    assert r.exit_code == 0 and r.stdout.startswith("1 session(s) forwarded"), r.stdout
    assert lab_ids(url) == sorted([first, second])
    assert cli("verify", "--db", url).exit_code == 0


def test_spc_matches_a_numpy_hand_computation(tmp_path, lab_db):
    rng = np.random.default_rng(7)
    a, b = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    va = [3.3 + rng.normal(0, 0.02, 40) for _ in range(3)]
    vb = [3.31 + rng.normal(0, 0.03, 40) for _ in range(2)]
    va[1][7] = 3.6  # out of tolerance and beyond 3σ: rule 1
    for v in va:
        record(a, "bench-A", v)
    for v in vb:
        record(b, "bench-B", v)
    record(b, "bench-B", np.full(5, 9.0), plan="other")  # another plan: not counted
    for db in (a, b):
        assert cli("sync", "--to", lab_db, "--db", str(db)).exit_code == 0

    with SessionStore(lab_db) as lab:
        whole = load_series(lab, "rail")
        by = load_series(lab, "rail", by_station=True)
    x = np.concatenate(va + vb)
    (s,) = [check_stats(se) for se in whole]
    assert s.count == x.size
    assert s.mean == pytest.approx(x.mean(), rel=1e-12)
    sd = x.std(ddof=1)
    assert s.std == pytest.approx(sd, rel=1e-9)
    assert s.cp == pytest.approx((UPPER - LOWER) / (6 * sd), rel=1e-9)
    assert s.cpk == pytest.approx(min(UPPER - x.mean(), x.mean() - LOWER) / (3 * sd), rel=1e-9)
    assert s.frac_out == pytest.approx(np.mean((x < LOWER) | (x > UPPER)))
    mr = np.abs(np.diff(x))
    sigma = mr.mean() / 1.128
    assert s.chart.sigma == pytest.approx(sigma)
    assert s.chart.mr_ucl == pytest.approx(3.267 * mr.mean())
    expected_rule1 = np.flatnonzero(np.abs(x - x.mean()) > 3 * sigma)
    assert 47 in expected_rule1  # the planted outlier (session 2, reading 7)
    assert s.chart.signals[1] == tuple(expected_rule1)
    xb = np.concatenate(vb)
    (sb,) = [check_stats(se) for se in by if se.group == "bench-B"]
    assert sb.mean == pytest.approx(xb.mean()) and sb.std == pytest.approx(xb.std(ddof=1))

    png = tmp_path / "chart.png"
    r = cli("spc", "--db", lab_db, "--plan", "rail", "--by", "station", "--png", str(png))
    assert r.exit_code == 0, r.output
    assert f"{s.count - 120}" in r.stdout and f"{sb.cpk:.3f}" in r.stdout
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    pdf = tmp_path / "spc.pdf"
    r = cli("spc", "--db", lab_db, "--plan", "rail", "--pdf", str(pdf))
    assert r.exit_code == 0, r.output
    from meterlab.spc_report import rows

    table = rows([s], False)
    assert table[1][:3] == ["V33", str(x.size), table[1][2]] and table[1][5] == f"{s.cpk:.3f}"
    assert "rule 1: " in table[1][-1]
    assert pdf.read_bytes()[:5] == b"%PDF-" and b"/Subtype /Image" in pdf.read_bytes()


def test_western_electric_rules_on_a_made_up_series():
    from meterlab.spc import western_electric

    x = np.zeros(30)
    x[2] = 3.5                 # rule 1
    x[5], x[7] = 2.5, 2.2      # rule 2 completes at 7
    x[10:14] = 1.5             # rule 3 completes at 13 (4 of 5 beyond 1σ)
    x[18:26] = 0.5             # rule 4 completes at 25 (8 on one side)
    r = western_electric(x, 0.0, 1.0)
    assert r[1] == (2,)
    assert 7 in r[2] and 5 not in r[2]
    assert 13 in r[3]
    assert r[4] == (25,)


def test_a_bench_lists_which_sessions_reached_the_lab(tmp_path, lab_db):
    a = tmp_path / "a.sqlite"
    sent = record(a, "bench-A", np.full(5, 3.3))
    assert "lab" not in cli("sessions", "--db", str(a)).stdout.split("\n")[1]
    assert cli("sync", "--to", lab_db, "--db", str(a)).exit_code == 0
    later = record(a, "bench-A", np.full(5, 3.3))
    out = cli("sessions", "--db", str(a)).stdout
    rows = {line.split()[0]: line for line in out.splitlines() if line.strip()}
    assert rows[sent[:8]].rstrip().endswith("✔") and rows[later[:8]].rstrip().endswith("—")


def test_sync_takes_the_lab_from_the_station_file_and_refuses_a_password_in_the_url(
        tmp_path, lab_db, monkeypatch):
    a = tmp_path / "a.sqlite"
    record(a, "bench-A", np.full(5, 3.3))
    station = tmp_path / "station.toml"
    station.write_text(f'[station]\nname = "bench-A"\nlab_db = "{lab_db}"\n', encoding="utf-8")
    monkeypatch.setenv("METERLAB_STATION", str(station))
    r = cli("sync", "--db", str(a))
    assert r.exit_code == 0 and r.stdout.startswith("1 session(s) forwarded")
    with_password = lab_db.replace("://postgres@", "://postgres:secret@")
    r = meterlab("sessions", "--db", with_password)
    assert r.returncode == 2 and "secret" not in r.stderr and "~/.pgpass" in r.stderr


def test_the_engine_adapter_speaks_postgresql():
    from meterlab.store_engine import is_url, shown_url, translate, translate_ddl

    assert translate("BEGIN IMMEDIATE") == "BEGIN"
    assert translate("SELECT a FROM t WHERE b LIKE ? AND c = ? ORDER BY x, rowid") == (
        "SELECT a FROM t WHERE b LIKE %s AND c = %s ORDER BY x, id")
    assert translate("SELECT scale, offset FROM captures") == 'SELECT scale, "offset" FROM captures'
    assert translate("SELECT '5%' WHERE a = ?") == "SELECT '5%%' WHERE a = %s"
    assert translate("SELECT '5%'", False) == "SELECT '5%'"
    ddl = translate_ddl("CREATE TABLE x (a REAL, offset REAL, b BLOB NOT NULL) WITHOUT ROWID;")
    assert ddl == ('CREATE TABLE x (a DOUBLE PRECISION, "offset" DOUBLE PRECISION, '
                   'b BYTEA NOT NULL);')
    assert is_url("postgresql://u@h/db") and is_url("postgres://h/db")
    assert not is_url("/tmp/postgresql.sqlite") and not is_url(None)
    assert shown_url("postgresql://u:pw@h:5433/db") == "postgresql://u:***@h:5433/db"


def test_a_session_recorded_straight_into_the_lab_and_deleted_whole_is_found(lab_db):
    direct = record(lab_db, "bench-C", np.full(7, 3.3))  # meterlab run --db URL does this
    kept = record(lab_db, "bench-C", np.full(7, 3.3))
    with psycopg.connect(lab_db) as c:
        assert c.execute("SELECT count(*) FROM readings_flat").fetchone()[0] == 14
        assert [r[0] for r in c.execute("SELECT session_id FROM ledger WHERE event = 'close' "
                                        "ORDER BY pos")] == [direct, kept]
    assert cli("verify", "--db", lab_db).exit_code == 0
    with psycopg.connect(lab_db, autocommit=True) as c:
        for table in ("readings", "batches", "results", "checks", "instruments"):
            c.execute(f"DELETE FROM {table} WHERE session_id = %s", (direct,))
        c.execute("DELETE FROM sessions WHERE id = %s", (direct,))
    v = cli("verify", "--db", lab_db)
    assert v.exit_code == 1 and direct in v.stdout and "was deleted" in v.stdout


def test_exports_read_many_sessions_from_the_lab_database(tmp_path, lab_db):
    a = tmp_path / "a.sqlite"
    ids = [record(a, "bench-A", np.full(n, 3.3)) for n in (4, 6)]
    assert cli("sync", "--to", lab_db, "--db", str(a)).exit_code == 0
    out = tmp_path / "lab.csv"
    r = cli("export", "--db", lab_db, *[i[:8] for i in ids], "-o", str(out))
    assert r.exit_code == 0, r.output
    lines = [ln for ln in out.read_text(encoding="utf-8").splitlines()
             if ln and not ln.startswith("#")]
    assert sum(ln.count("V33") for ln in lines[1:]) >= 10
    pdf = tmp_path / "lab.pdf"
    assert cli("export", "--db", lab_db, ids[0][:8], "-o", str(pdf)).exit_code == 0
    assert pdf.read_bytes()[:5] == b"%PDF-"


@given(st.text(alphabet="ab ?%,=()'", max_size=60))
def test_translated_placeholders_are_exactly_the_question_marks(sql):
    from meterlab.store_engine import translate

    out = translate(sql)
    rest = out.replace("%%", "").replace("%s", "")
    assert "%" not in rest
    assert out.replace("%%", "").count("%s") == sql.count("?")
    assert translate(sql, False) == sql.strip()
