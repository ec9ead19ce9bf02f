"""The desktop app's sessions list marks each session that reached the lab database
(forwarded by `meterlab sync` to a real PostgreSQL)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np
from click.testing import CliRunner
from test_lab import record

from meterlab.cli import cli
from meterlab.gui.sessions_view import COLUMNS, SessionsView

pytest_plugins = ("gui_fixtures", "lab_fixtures")


def test_the_sessions_list_marks_sessions_that_reached_the_lab(qtbot, tmp_path, gui_settings,
                                                                lab_db):
    db = tmp_path / "bench.sqlite"
    sent = record(db, "bench-A", np.full(5, 3.3))
    assert CliRunner().invoke(cli, ["sync", "--to", lab_db, "--db", str(db)]).exit_code == 0
    later = record(db, "bench-A", np.full(5, 3.3))
    v = SessionsView(db, settings=gui_settings)
    qtbot.addWidget(v)
    v.show()
    qtbot.waitUntil(lambda: v.table.rowCount() == 2, timeout=10_000)
    status = {v.table.item(r, 0).text(): v.table.item(r, COLUMNS.index("status"))
              for r in range(2)}
    assert status[sent[:8]].text().endswith("✔ lab")
    assert "reached the lab database" in status[sent[:8]].toolTip()
    assert "lab" not in status[later[:8]].text()


def test_the_app_forwards_in_the_background_and_says_once_when_the_lab_is_away(
        qtbot, tmp_path, lab_db):
    from test_lab import lab_ids

    from meterlab.gui.lab_forwarder import LabForwarder

    db = tmp_path / "bench.sqlite"
    sid = record(db, "bench-A", np.full(5, 3.3))
    fwd = LabForwarder(db, lab_db, interval_ms=600_000, first_ms=0)
    said: list[tuple[str, str]] = []
    fwd.message.connect(lambda text, level: said.append((text, level)))
    with qtbot.waitSignal(fwd.forwarded, timeout=20_000) as got:
        pass
    assert got.args == [1] and lab_ids(lab_db) == [sid]
    assert said == [("1 session(s) forwarded to the lab database.", "info")]
    fwd.stop()

    away = LabForwarder(db, "postgresql://postgres@127.0.0.1:1/lab", interval_ms=600_000,
                        first_ms=0)
    said.clear()
    away.message.connect(lambda text, level: said.append((text, level)))
    qtbot.waitUntil(lambda: len(said) == 1, timeout=20_000)
    assert said[0][1] == "warning" and "forwarding will resume" in said[0][0]
    away.poke()
    qtbot.wait(1500)
    assert len(said) == 1  # said once while the lab stays away
    away.stop()


def test_the_sessions_view_browses_and_verifies_a_lab_database(qtbot, tmp_path, gui_settings,
                                                              lab_db):
    a, b = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    ids = [record(a, "bench-A", np.full(6, 3.3)), record(b, "bench-B", np.full(4, 3.31))]
    for db in (a, b):
        assert CliRunner().invoke(cli, ["sync", "--to", lab_db, "--db", str(db)]).exit_code == 0
    v = SessionsView(lab_db, settings=gui_settings)
    qtbot.addWidget(v)
    v.show()
    qtbot.waitUntil(lambda: v.table.rowCount() == 2, timeout=10_000)
    shown = {v.table.item(r, 0).text() for r in range(2)}
    assert shown == {i[:8] for i in ids}
    with qtbot.waitSignal(v.opened, timeout=15_000):
        v.table.selectRow(0)
    assert v.detail.model.rowCount() in (4, 6)  # every reading, read from PostgreSQL
    with qtbot.waitSignal(v.verified, timeout=15_000) as got:
        v.verify(ids[0])
    assert got.args == [ids[0], True]


def test_a_session_finished_in_the_app_is_forwarded_at_once_the_timer_stays_as_retry(
        qtbot, tmp_path, gui_settings, synthetic, lab_db):
    from test_lab import lab_ids

    from meterlab.gui.lab_forwarder import LabForwarder
    from meterlab.gui.main_window import MainWindow

    db = tmp_path / "bench.sqlite"
    win = MainWindow(synthetic, settings=gui_settings, capacity=100_000, db_path=str(db))
    qtbot.addWidget(win)
    win.show()
    # Neither the first round nor the timer comes within this test: only the finish does.
    fwd = LabForwarder(db, lab_db, win, interval_ms=600_000, first_ms=600_000)
    fwd.follow(win)
    assert fwd._timer.isActive() and fwd._timer.interval() == 600_000
    assert win.meter.start_logging()
    log = win.meter.session_log
    qtbot.waitUntil(lambda: log.readings > 5, timeout=10_000)
    with qtbot.waitSignal(fwd.forwarded, timeout=20_000) as got:
        win.meter.stop_logging()
    assert got.args == [1] and lab_ids(lab_db) == [log.session_id]
    win.meter.stop()

    # A session finished while a round is going gets a round of its own right after.
    rounds: list[int] = []
    fwd.forwarded.connect(rounds.append)
    first = record(db, "bench-A", np.full(5, 3.3))
    fwd.poke()
    later = record(db, "bench-A", np.full(5, 3.3))
    fwd.session_finished(later)
    qtbot.waitUntil(lambda: len(rounds) == 2, timeout=20_000)
    assert sum(rounds) == 2 and sorted(lab_ids(lab_db)) == sorted([log.session_id, first,
                                                                  later])
    fwd.stop()


def test_the_statistics_panel_reads_a_lab_database(qtbot, tmp_path, lab_db):
    from meterlab.gui.spc_panel import SpcPanel, figures
    from meterlab.spc import check_stats, load_series
    from meterlab.store import SessionStore

    rng = np.random.default_rng(5)
    for name in ("a", "b"):
        db = tmp_path / f"{name}.sqlite"
        record(db, f"bench-{name.upper()}", 3.3 + rng.normal(0, 0.004, 20))
        assert CliRunner().invoke(cli, ["sync", "--to", lab_db, "--db", str(db)]).exit_code == 0
    panel = SpcPanel(lab_db, ["rail"], "rail")
    qtbot.addWidget(panel)
    panel.by_station.setChecked(True)
    with qtbot.waitSignal(panel.computed, timeout=20_000) as got:
        panel.compute()
    assert got.args == [2]
    with SessionStore(lab_db) as store:
        expected = [figures(check_stats(s)) for s in load_series(store, "rail",
                                                                 by_station=True)]
    assert [[panel.table.item(r, c).text() for c in range(10)] for r in range(2)] == expected
    assert [e[2] for e in expected] == ["20", "20"]


def test_a_plan_run_finished_in_the_window_reaches_the_lab_at_once(qtbot, tmp_path, gui_settings,
                                                                   synthetic, lab_db):
    from test_gui_plan import SHORT_PLAN, dispose
    from test_lab import lab_ids

    from meterlab.gui.lab_forwarder import LabForwarder
    from meterlab.gui.main_window import MainWindow
    from meterlab.gui.plan_view import PlanView
    from meterlab.sim import SimulatedBench

    db = tmp_path / "bench.sqlite"
    plan_file = tmp_path / "rails.toml"
    plan_file.write_text(SHORT_PLAN.split("[[check]]")[0] + "[[check]]"
                         + SHORT_PLAN.split("[[check]]")[1], encoding="utf-8")  # vbus only
    win = MainWindow(synthetic, settings=gui_settings, capacity=100_000, db_path=str(db))
    qtbot.addWidget(win)
    fwd = LabForwarder(db, lab_db, win, interval_ms=600_000, first_ms=600_000)
    fwd.follow(win)
    with SimulatedBench(seed=5) as bench:
        plan = PlanView(bench.dmm_resource, bench.scope_resource, simulated=True, db_path=db,
                        backend="@py", settings=gui_settings)
        win.add_view("plan", "Plan runner", plan)
        sessions = SessionsView(db, settings=gui_settings)
        win.add_view("sessions", "Sessions", sessions)
        plan.load(plan_file)
        plan.serial_edit.setText("SN-LAB")
        plan.start_run()
        qtbot.waitUntil(lambda: plan._state == "review", timeout=45_000)
        sid = plan.session_id
        with qtbot.waitSignal(fwd.forwarded, timeout=20_000) as got:
            plan.finish_run()
        assert got.args == [1] and lab_ids(lab_db) == [sid]
        # … and the Sessions tab marks it at once, without waiting to be shown again.
        status = COLUMNS.index("status")
        qtbot.waitUntil(lambda: sessions.table.rowCount() == 1 and sessions.table.item(
            0, status).text().endswith("✔ lab"), timeout=10_000)
        plan.shutdown(5.0)
    fwd.stop()
    dispose(plan)
