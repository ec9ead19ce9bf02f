"""The meter view on a real stack: simulated 34465A over TCP, pyvisa-py, driver, engine.

A board whose true value the test sets stands behind the simulator's meter (as in
the driver's own tests), so moving the value out of tolerance plays the part of a
fault; stopping the server plays an unplugged meter.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator

import pytest
from standins import StandInBoard as Board

from meterlab.gui.instrument_source import InstrumentSource
from meterlab.gui.main_window import MainWindow
from meterlab.readings import Verdict
from meterlab.sim.dmm import Keysight34465A
from meterlab.sim.server import InstrumentServer

pytest_plugins = ("gui_fixtures",)


@pytest.fixture
def bench() -> Iterator[tuple[InstrumentServer, Board, Keysight34465A]]:
    board = Board()
    meter = Keysight34465A(board, seed=4)
    server = InstrumentServer(meter).start()
    yield server, board, meter
    server.stop()


@pytest.fixture
def live(qtbot, gui_settings, bench) -> Iterator[tuple[MainWindow, Board, InstrumentServer]]:
    server, board, _meter = bench
    source = InstrumentSource(server.resource, backend="@py")
    win = MainWindow(source, settings=gui_settings, capacity=100_000)
    qtbot.addWidget(win)
    win.show()
    win.meter.nplc_combo.setCurrentIndex(win.meter.nplc_combo.findData(0.02))
    yield win, board, server
    win.meter.set_source(None)


def test_readings_from_the_simulated_meter_reach_trend_and_badge(qtbot, live):
    win, board, _server = live
    meter = win.meter
    assert meter.apply_limit("3.3 V ±3 %")
    meter.start()
    qtbot.waitUntil(lambda: meter.trend.point_count() > 20, timeout=15000)
    assert meter.series.unit == "V"
    qtbot.waitUntil(lambda: meter.badge.verdict == Verdict.PASS, timeout=5000)
    assert "34465A" in win.windowTitle()  # identified itself once connected
    # A real (non-simulated) source that answered is remembered for the next start.
    assert win.settings.dmm_resource == win.meter.source.resource
    board.values["VOLT:DC"] = 3.6  # the regulator drifts out
    qtbot.waitUntil(lambda: meter.badge.verdict == Verdict.FAIL, timeout=10000)
    assert meter.series.first_failure is not None


def test_meter_that_stops_answering_shows_banner_and_resumes(qtbot, live):
    win, _board, server = live
    meter = win.meter
    meter.start()
    qtbot.waitUntil(lambda: meter.trend.point_count() > 20, timeout=15000)
    port, instrument = server.port, server.instrument
    server.stop()
    qtbot.waitUntil(lambda: win.banner.isVisible() and "stopped answering" in win.banner.text,
                    timeout=15000)
    assert meter.stale
    assert meter.badge.verdict is None  # no verdict shown for a meter that is gone
    before = meter.trend.point_count()
    # The rest of the window keeps working meanwhile.
    assert meter.apply_limit("3.3 V ±5 %")
    restarted = InstrumentServer(instrument, port=port).start()
    try:
        qtbot.waitUntil(lambda: meter.trend.point_count() > before + 20, timeout=20000)
        qtbot.waitUntil(lambda: not meter.stale, timeout=5000)
        assert win.banner.level == "info" or not win.banner.isVisible()
    finally:
        meter.set_source(None)
        restarted.stop()


def test_single_reading_from_the_simulated_meter(qtbot, live):
    win, board, _server = live
    meter = win.meter
    board.values["VOLT:DC"] = 1.234
    meter.single()  # off the GUI thread: the window stays responsive meanwhile
    qtbot.waitUntil(lambda: meter.trend.point_count() == 1, timeout=15000)
    assert abs(meter.series.latest_value - 1.234) < 0.001
    qtbot.waitUntil(lambda: meter.readout.text().endswith(" V"), timeout=3000)
    assert meter.readout.text().startswith("1.23")


def test_unsupported_trigger_is_said_not_pretended(qtbot, live):
    win, _board, _server = live
    meter = win.meter
    meter.start()
    qtbot.waitUntil(lambda: meter.trend.point_count() > 5, timeout=15000)
    meter.trigger_combo.setCurrentIndex(meter.trigger_combo.findData("EXT"))
    qtbot.waitUntil(lambda: win.banner.isVisible() and win.banner.level == "error", timeout=5000)
    assert "not supported" in win.banner.text
    count = meter.trend.point_count()
    qtbot.waitUntil(lambda: meter.trend.point_count() > count + 5, timeout=15000)
