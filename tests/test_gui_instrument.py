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

from meterlab.bench.capabilities import dmm_capabilities
from meterlab.gui.instrument_source import InstrumentSource
from meterlab.gui.main_window import MainWindow
from meterlab.gui.setup_panel import SetupPanel
from meterlab.gui.sources import MeterSetup
from meterlab.paths import shipped_dir
from meterlab.profiles import load_profile
from meterlab.readings import Verdict
from meterlab.sim.dmm import Keysight34465A
from meterlab.sim.server import InstrumentServer
from meterlab.visa import open_instrument

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
    # Until the meter has identified itself the menus hold only the present setting.
    win.meter.setup_panel.show_setup(MeterSetup(nplc=0.02))
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
        qtbot.waitUntil(lambda: not win.banner.isVisible(), timeout=5000)  # the warning ends
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


def _items(combo) -> list:
    return [combo.itemData(i) for i in range(combo.count())]


def test_menus_offer_the_connected_models_choices(qtbot, gui_settings, bench):
    """Issue 9, reproduction 5: a meter that is not a 34465A (here the simulated meter told
    to identify as an HP 34401A, as a real Truevolt can) gets its own ranges, NPLC values
    and trigger sources in the menus, read from its profile once it has answered."""
    server, _board, _meter = bench
    with open_instrument(server.resource) as conn:
        conn.write("SYST:IDEN HP34401A")
    source = InstrumentSource(server.resource, backend="@py")
    win = MainWindow(source, settings=gui_settings, capacity=10_000)
    qtbot.addWidget(win)
    win.show()
    meter = win.meter
    try:
        meter.start()
        qtbot.waitUntil(lambda: source.capabilities is not None
                        and meter.setup_panel.capabilities is source.capabilities,
                        timeout=15000)
        assert source.capabilities.model == "HP/Agilent 34401A"
        assert _items(meter.nplc_combo) == [0.02, 0.2, 1.0, 10.0, 100.0]  # no 0.001
        functions = _items(meter.function_combo)
        assert "VOLT:DC" in functions and "CAP" not in functions and "TEMP" not in functions
        assert _items(meter.trigger_combo) == ["IMM", "BUS", "EXT"]
        meter.function_combo.setCurrentIndex(meter.function_combo.findData("CURR:DC"))
        assert _items(meter.range_combo) == [None, 0.01, 0.1, 1.0, 3.0]  # 34465A: 1 µA…10 A
        qtbot.waitUntil(lambda: meter.series.unit == "A", timeout=15000)  # it measures
    finally:
        meter.set_source(None)


def test_setup_panel_follows_a_meter_without_nplc_or_trigger_source(qtbot):
    """A Rigol DM3058 sets its speed by named rates and has no trigger-source command."""
    panel = SetupPanel()
    qtbot.addWidget(panel)
    caps = dmm_capabilities(load_profile(shipped_dir("instruments") / "rigol-dm3058.toml"))
    panel.show_setup(MeterSetup(function="VOLT:DC", range=10.0, nplc=1.0, trigger="EXT"))
    assert panel.set_capabilities(caps)  # 10 V and EXT do not exist there: the setup moved
    assert _items(panel.range_combo) == [None, 0.2, 2.0, 20.0, 200.0, 1000.0]
    assert panel.setup().range is None  # 10 V is no DM3058 range: autorange, not a guess
    assert _items(panel.trigger_combo) == ["IMM"]
    assert not panel.nplc_combo.isEnabled()
    panel.range_combo.setCurrentIndex(panel.range_combo.findData(20.0))
    assert panel.set_capabilities(caps) is False  # the same model again changes nothing
    assert panel.setup().range == 20.0
