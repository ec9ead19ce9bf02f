"""The sessions view on a database filled by the plan runner's own worker (simulated bench,
pyvisa-py over TCP): listing, filters, opening, export through the dialog, verify."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import datetime as dt
import gc
import shutil
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QDate, QEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget

from meterlab.gui.plan_worker import EventKind, PlanRunWorker, RunConfig
from meterlab.gui.sessions_view import SessionsView
from meterlab.outcome import Outcome
from meterlab.plan import parse_plan
from meterlab.readings import Verdict
from meterlab.sim import SimulatedBench

pytest_plugins = ("gui_fixtures",)

PLAN = """\
[plan]
name = "Rails and R1"
version = "3"
dut = "IoT sensor node rev B"

[[check]]
id = "3v3"
title = "3.3 V logic rail"
at = "3V3"
measure = "VOLT:DC"
readings = 8
nominal = "3.30 V"
tolerance = "±3 %"

[[check]]
id = "r1"
title = "R1 pull-up"
at = "R1"
measure = "RES"
limit = "4.7 kΩ E24"
"""


def _run(bench: SimulatedBench, db: Path, operator: str, serial: str) -> str:
    """One run through the plan runner's worker (the GUI's own path), finished at once."""
    worker = PlanRunWorker(parse_plan(PLAN, path="rails.toml"), RunConfig(
        bench.dmm_resource, bench.scope_resource, simulated=True, operator=operator,
        dut_serial=serial, db_path=str(db), backend="@py"))
    worker.start()
    deadline = time.monotonic() + 30
    kinds: list[EventKind] = []
    while EventKind.FINISHED not in kinds and time.monotonic() < deadline:
        for ev in worker.events():
            kinds.append(ev.kind)
            if ev.kind is EventKind.DONE:
                worker.finish()
            assert ev.kind is not EventKind.ERROR, ev.text
        time.sleep(0.02)
    assert EventKind.FINISHED in kinds
    return worker.session_id


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("sessions") / "sessions.sqlite"
    with SimulatedBench(seed=9) as bench:
        _run(bench, path, "Ana", "SN-1")
        from tests.visa_link import link

        with link(bench.dmm_resource, timeout=3000) as res:
            res.write("SIM:FAUL r1_open,ON")
            try:
                _run(bench, path, "Bob", "SN-2")
            finally:
                res.write("SIM:FAUL r1_open,OFF")
        _run(bench, path, "ana", "SN-3")
    return path


def dispose(widget: QWidget) -> None:
    """Delete a widget and collect garbage on the GUI thread (never on a worker's)."""
    widget.close()
    widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()


@pytest.fixture
def view(qtbot, db, gui_settings) -> Iterator[SessionsView]:
    v = SessionsView(db, settings=gui_settings)
    v.resize(1400, 860)
    v.show()
    news: list[tuple[str, str, int]] = []
    v.news.connect(lambda *a: news.append(a))
    v.news_log = news  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: v.table.rowCount() == 3, timeout=10_000)
    yield v
    qtbot.wait(100)  # let background tasks hand their results back
    dispose(v)


def _column(view: SessionsView, name: str) -> list[str]:
    from meterlab.gui.sessions_view import COLUMNS

    col = COLUMNS.index(name)
    return [view.table.item(r, col).text() for r in range(view.table.rowCount())]


def _refresh(qtbot, view: SessionsView) -> int:
    with qtbot.waitSignal(view.refreshed, timeout=10_000) as blocker:
        view.refresh()
    return int(blocker.args[0])


def test_an_empty_database_is_a_friendly_empty_state(qtbot, tmp_path, gui_settings):
    path = tmp_path / "none.sqlite"
    v = SessionsView(path, settings=gui_settings)
    v.show()
    assert v.stack.currentWidget() is v.empty
    assert "No sessions yet" in v.empty.text() and str(path) in v.empty.text()
    assert not v.export_button.isEnabled() and not v.verify_button.isEnabled()
    assert not path.exists()  # browsing never creates a database
    dispose(v)


def test_lists_the_plan_runner_sessions_newest_first(view):
    assert _column(view, "operator") == ["ana", "Bob", "Ana"]
    assert [d.split(" · ")[0] for d in _column(view, "dut")] == ["SN-3", "SN-2", "SN-1"]
    assert all(p == "Rails and R1 v3" for p in _column(view, "plan"))
    assert _column(view, "status") == ["complete"] * 3
    verdicts = _column(view, "verdict")
    assert verdicts[1] == f"{Verdict.FAIL.symbol}  FAIL"  # the unit failed: R1 OVERLOAD
    assert verdicts[0].endswith("PASS") and verdicts[2].endswith("PASS")
    assert all(len(i) == 8 for i in _column(view, "id"))
    assert f"{Verdict.PASS.symbol} 9" in _column(view, "counts")[0]  # 8 rail readings + R1
    assert "3 session(s)" in view.count_label.text()


def test_filters_by_verdict_operator_dut_and_date(qtbot, view):
    view.verdict_combo.setCurrentIndex(view.verdict_combo.findData("OVERLOAD"))
    qtbot.waitUntil(lambda: view.table.rowCount() == 1, timeout=10_000)
    assert _column(view, "operator") == ["Bob"]
    view.verdict_combo.setCurrentIndex(0)
    view.operator_edit.setText("ANA")
    assert _refresh(qtbot, view) == 2
    view.operator_edit.clear()
    view.dut_edit.setText("SN-2")
    assert _refresh(qtbot, view) == 1
    view.dut_edit.clear()
    tomorrow = dt.datetime.now(dt.UTC).date() + dt.timedelta(days=1)
    view.since_edit.setDate(QDate(tomorrow.year, tomorrow.month, tomorrow.day))
    view.since_box.setChecked(True)
    qtbot.waitUntil(lambda: view.stack.currentWidget() is view.empty, timeout=10_000)
    assert "No session matches" in view.empty.text()
    view.since_edit.setDate(QDate(tomorrow.year, tomorrow.month, tomorrow.day).addDays(-2))
    qtbot.waitUntil(lambda: view.table.rowCount() == 3, timeout=10_000)


def test_opening_a_session_shows_results_readings_and_a_plot(qtbot, view):
    with qtbot.waitSignal(view.opened, timeout=15_000):
        view.table.selectRow(1)  # Bob's unit with R1 open
    d = view.detail
    assert "SN-2" in d.header.text() and "Bob" in d.header.text()
    assert "34465A" in d.header.text()
    assert d.results.rowCount() == 2
    verdicts = {d.results.item(r, 0).text(): d.results.item(r, 4).text() for r in range(2)}
    assert verdicts["r1"].endswith("OVERLOAD") and verdicts["3v3"].endswith("PASS")
    assert d.results.item(1, 2).text() == "OVERLOAD"
    assert d.model.rowCount() == 9  # every reading, not just the results
    assert d.check_combo.currentData() == "3v3"  # the check with most readings
    assert d.plotted_points() == 8
    assert d.limit_lines["trend_lower"].isVisible()
    d.check_combo.setCurrentIndex(d.check_combo.findData("r1"))
    assert d.plotted_points() == 0 and "overload" in d.plot_info.text()


def test_export_dialog_writes_csv_and_xlsx_that_read_back(qtbot, view, tmp_path):
    import pandas as pd
    from openpyxl import load_workbook

    view.table.selectRow(2)  # Ana, SN-1
    sid = view.selected_ids()[0]
    for fmt in ("csv", "xlsx"):
        dialog = view.open_export_dialog()
        assert dialog is not None and dialog.isVisible()
        assert QApplication.activeModalWidget() in (None, dialog)
        dialog.set_format(fmt)
        target = tmp_path / f"out.{fmt}"
        dialog.path_edit.setText(str(target))
        with qtbot.waitSignal(view.exported, timeout=30_000) as blocker:
            dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        assert blocker.args == [str(target), ""]
        assert target.is_file()
    frame = pd.read_csv(tmp_path / "out.csv", comment="#")
    assert len(frame) == 9 and set(frame["check"]) == {"3v3", "r1"}
    assert set(frame["verdict"]) == {"PASS"}
    wb = load_workbook(tmp_path / "out.xlsx")
    assert wb.sheetnames == ["Summary", "Readings", "Limits"]
    assert wb["Readings"].max_row == 10  # header + 9 readings
    assert any(sid in str(c) for row in wb["Summary"].iter_rows(values_only=True)
               for c in row if c)
    assert any("Exported" in t for t, level, _ in view.news_log if level == "info")
    assert view.settings.sessions_export_format == "xlsx"


def test_export_to_an_impossible_place_is_news_not_a_traceback(qtbot, view, tmp_path):
    view.table.selectRow(0)
    target = tmp_path / "no" / "such" / "folder" / "x.csv"
    with qtbot.waitSignal(view.exported, timeout=20_000) as blocker:
        view.export(view.selected_ids(), target, "csv")
    assert blocker.args[1] and "Traceback" not in blocker.args[1]
    assert any(level == "error" for _t, level, _ in view.news_log)


def test_verify_says_ok_then_finds_an_edit_made_with_sqlite3(qtbot, db, tmp_path, gui_settings):
    copy = tmp_path / "copy.sqlite"
    for suffix in ("", "-wal", "-shm"):
        src = Path(str(db) + suffix)
        if src.exists():
            shutil.copy(src, str(copy) + suffix)
    v = SessionsView(copy, settings=gui_settings)
    news: list[tuple[str, str, int]] = []
    v.news.connect(lambda *a: news.append(a))
    qtbot.waitUntil(lambda: v.table.rowCount() == 3, timeout=10_000)
    with qtbot.waitSignal(v.opened, timeout=15_000):
        v.table.selectRow(0)
    sid = v.selected_ids()[0]
    with qtbot.waitSignal(v.verified, timeout=10_000) as blocker:
        v.verify_button.click()
    assert blocker.args == [sid, True]
    assert v.detail.verify_label.text().startswith("✔")
    assert news[-1][1] == "info"

    con = sqlite3.connect(copy)
    with con:
        con.execute("UPDATE results SET value = value * 1.01 WHERE session_id = ? "
                    "AND check_id = '3v3'", (sid,))
    con.close()
    with qtbot.waitSignal(v.verified, timeout=10_000) as blocker:
        v.verify_button.click()
    assert blocker.args == [sid, False]
    text = v.detail.verify_label.text()
    assert text.startswith("✘") and "ALTERED" in text and "changed" in text
    assert news[-1][1] == "error" and sid[:8] in news[-1][0]
    dispose(v)


def test_coming_back_to_the_tab_shows_new_sessions(qtbot, db, tmp_path, gui_settings):
    from meterlab.store import SessionStore

    copy = tmp_path / "copy.sqlite"
    for suffix in ("", "-wal", "-shm"):
        src = Path(str(db) + suffix)
        if src.exists():
            shutil.copy(src, str(copy) + suffix)
    v = SessionsView(copy, settings=gui_settings)
    v.show()
    qtbot.waitUntil(lambda: v.table.rowCount() == 3, timeout=10_000)
    v.hide()
    with SessionStore(copy) as store:
        store.begin(operator="Cas", dut_serial="SN-9", plan_name="Rails and R1").finish()
    with qtbot.waitSignal(v.refreshed, timeout=10_000) as blocker:
        v.show()
    assert blocker.args == [4]
    assert _column(v, "operator")[0] == "Cas"
    # A run with nothing judged is not a PASS: its stored outcome is NOT JUDGED.
    assert _column(v, "verdict")[0] == f"{Outcome.NOT_JUDGED.symbol}  NOT JUDGED"
    dispose(v)


def test_a_long_logged_session_opens_with_an_envelope_not_every_point(qtbot, tmp_path,
                                                                       gui_settings):
    import numpy as np

    from meterlab.gui.sessions_detail import MAX_PLOT_POINTS
    from meterlab.readings import ReadingBatch
    from meterlab.store import SessionStore

    n = 200_000
    rng = np.random.default_rng(3)
    v = 3.3 + rng.normal(0, 0.03, n)
    v[1234] = 4.0  # one spike far outside: the envelope must keep it
    path = tmp_path / "long.sqlite"
    with SessionStore(path) as store:
        w = store.begin(operator="log", dut_serial="L1", plan_name="logging", kind="read")
        w.add_check(check_id="v", title="rail", function="VOLT:DC", unit="V",
                    limit_text="3.2 V .. 3.4 V", lower=3.2, upper=3.4, nominal=None)
        w.append(ReadingBatch(t=1.7e9 + np.arange(n) * 1e-3, values=v,
                              overload=np.zeros(n, bool), function="VOLT:DC", unit="V"),
                 check_id="v", verdicts=np.where(np.abs(v - 3.3) > 0.1, 3, 0))
        w.finish()
    view = SessionsView(path, settings=gui_settings)
    view.show()
    qtbot.waitUntil(lambda: view.table.rowCount() == 1, timeout=10_000)
    # A log of readings judges no unit (no outcome); its readings' verdicts are counted.
    assert _column(view, "verdict")[0] == "—"
    assert f"{Verdict.FAIL.symbol} " in _column(view, "counts")[0]
    with qtbot.waitSignal(view.opened, timeout=20_000):
        view.table.selectRow(0)
    d = view.detail
    assert d.model.rowCount() == n
    assert 0 < d.plotted_points() <= MAX_PLOT_POINTS + 1
    _x, y = d.trend_curve.getData()
    assert y.max() == 4.0
    bad = int(np.count_nonzero(np.abs(v - 3.3) > 0.1))
    assert f"{bad} outside the limits" in d.plot_info.text()
    dispose(view)


def test_a_view_dropped_while_it_lists_does_not_crash(qtbot, tmp_path, gui_settings):
    """Deleting the view with a listing still on its worker once segfaulted (the task,
    a Qt child of the view, was deleted under its own pending deleteLater)."""
    from meterlab.store import SessionStore

    db = tmp_path / "one.sqlite"
    with SessionStore(db) as store:
        store.begin(kind="read", operator="Ana").finish()
    for _ in range(5):
        v = SessionsView(db, settings=gui_settings)
        qtbot.addWidget(v)
        v.show()
        qtbot.waitUntil(lambda v=v: v.table.rowCount() == 1, timeout=10_000)
        v.refresh()  # still running when the view goes
        del v
    qtbot.wait(300)  # the orphaned listings report to nobody
