"""The meter's "Log to session" on the simulated 34465A: every reading and verdict stored.

The readings go through the whole stack (pyvisa-py over TCP, driver, engine) and
into a session database in tmp_path; the test compares what the meter view says
it logged with what the store holds, and finds the session in the Sessions view.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from standins import StandInBoard as Board

from meterlab.gui.instrument_source import InstrumentSource
from meterlab.gui.main_window import MainWindow
from meterlab.gui.sessions_view import SessionsView
from meterlab.gui.settings import Settings
from meterlab.readings import Verdict
from meterlab.sim.dmm import Keysight34465A
from meterlab.sim.server import InstrumentServer
from meterlab.store import SessionStore

pytest_plugins = ("gui_fixtures",)


@pytest.fixture
def live(qtbot, gui_settings, tmp_path) -> Iterator[tuple[MainWindow, Board]]:
    board = Board()
    server = InstrumentServer(Keysight34465A(board, seed=4)).start()
    Settings(gui_settings).operator = "Anke"
    source = InstrumentSource(server.resource, backend="@py")
    win = MainWindow(source, settings=gui_settings, capacity=100_000,
                     db_path=str(tmp_path / "sessions.db"))
    qtbot.addWidget(win)
    win.show()
    win.meter.nplc_combo.setCurrentIndex(win.meter.nplc_combo.findData(0.02))
    yield win, board
    win.meter.set_source(None)
    server.stop()


def test_logging_stores_every_reading_with_its_verdict(qtbot, live, tmp_path):
    win, board = live
    meter = win.meter
    assert meter.operator_edit.text() == "Anke"  # taken from the shared setting
    meter.dut_edit.setText("SN-42")
    assert meter.apply_limit("3.3 V ±3 %")
    news: list[str] = []
    meter.news.connect(lambda text, *_: news.append(text))
    meter.log_button.click()  # starts the meter as well
    assert meter.logging and meter.running
    log = meter.session_log
    assert any(log.short_id in n for n in news)
    qtbot.waitUntil(lambda: meter.badge.verdict == Verdict.PASS, timeout=15000)
    qtbot.waitUntil(lambda: log.readings > 20, timeout=10000)
    board.values["VOLT:DC"] = 3.6
    qtbot.waitUntil(lambda: meter.badge.verdict == Verdict.FAIL, timeout=10000)
    meter.log_button.click()
    assert not meter.logging
    assert meter.running  # the meter goes on; only the session ended
    assert any("saved" in n and log.short_id in n for n in news)

    with SessionStore(tmp_path / "sessions.db") as store:
        info = store.session(log.session_id)
        frame = store.readings(log.session_id)
    assert info.kind == "read" and info.status == "complete"
    assert info.operator == "Anke" and info.dut_serial == "SN-42"
    assert [i.model for i in info.instruments] == ["34465A"]
    assert info.checks and info.checks[0].limit_text == "3.3 V ±3 %"
    assert len(frame) == log.readings == info.n_readings
    verdicts = frame["verdict"].to_numpy()
    assert (verdicts == Verdict.PASS).any() and (verdicts == Verdict.FAIL).any()
    values = frame["value"].to_numpy()
    assert np.all(verdicts[values > 3.5] == Verdict.FAIL)

    view = SessionsView(db_path=str(tmp_path / "sessions.db"), settings=win.settings)
    view.show()
    qtbot.waitUntil(lambda: view.table.rowCount() == 1, timeout=10_000)
    row = " ".join(view.table.item(0, c).text() for c in range(view.table.columnCount())
                   if view.table.item(0, c) is not None)
    qtbot.wait(100)  # let the listing task hand back before the view goes
    view.close()
    view.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert "SN-42" in row and "Anke" in row


def test_closing_the_window_closes_the_logged_session(qtbot, live, tmp_path):
    win, _board = live
    meter = win.meter
    assert meter.start_logging()
    log = meter.session_log
    qtbot.waitUntil(lambda: log.readings > 10, timeout=15000)
    win.close()
    with SessionStore(tmp_path / "sessions.db") as store:
        info = store.session(log.session_id)
        n = len(store.readings(log.session_id))
    assert info.status == "complete" and n == log.readings
    assert (store_verdicts := info.counts) is not None and not any(store_verdicts.values())
