"""The demo window as a whole: instruments picked in the Instruments view reach the
meter and the scope, the demo scope shows the board at a glance, F5/F6 follow the tab.

A second simulated bench started by the test plays "a real instrument on the LAN":
its addresses are not the window's own bench, so they are remembered like hardware.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator

import pytest

from meterlab.gui.main_window import MainWindow
from meterlab.sim.bench import SimulatedBench

pytest_plugins = ("gui_fixtures",)


@pytest.fixture
def demo(qtbot, tmp_path) -> Iterator[MainWindow]:
    from meterlab.gui.app import build_window

    _app, win = build_window([], demo=True, settings_path=str(tmp_path / "s.ini"),
                             db_path=str(tmp_path / "sessions.db"))
    qtbot.addWidget(win)
    try:
        qtbot.waitUntil(lambda: "instruments" in win.views, timeout=20000)
        yield win
    finally:
        win.close()


@pytest.fixture
def other_bench() -> Iterator[SimulatedBench]:
    bench = SimulatedBench(seed=3).start()
    yield bench
    bench.stop()


def _wait_four_traces(qtbot, scope) -> None:
    qtbot.waitUntil(lambda: scope.frame is not None and len(scope.frame.waveforms) == 4,
                    timeout=20000)


def test_demo_scope_shows_four_traces_and_the_uart_lane(qtbot, demo):
    scope = demo.views["scope"]
    _wait_four_traces(qtbot, scope)
    assert all(scope.analog.traces[n].isVisible() for n in range(1, 5))
    assert scope.trig_source.currentData() == "CH2"  # DEMO_SETUP, not the scope's default
    qtbot.waitUntil(lambda: "T=" in scope.uart_text.toPlainText(), timeout=20000)
    assert "uart" in dict(scope.logic.rows)


def test_f5_and_f6_drive_the_scope_on_its_tab_and_the_meter_elsewhere(qtbot, demo):
    scope, meter = demo.views["scope"], demo.meter
    _wait_four_traces(qtbot, scope)
    qtbot.waitUntil(lambda: scope.running, timeout=10000)
    assert meter.running
    demo.show_view("scope")
    demo.start_action.trigger()  # F5
    assert not scope.running and meter.running
    demo.start_action.trigger()
    assert scope.running
    demo.single_action.trigger()  # F6: one acquisition of the scope
    assert not scope.running and meter.running
    demo.show_view("meter")
    demo.start_action.trigger()
    assert not meter.running


def test_picking_instruments_switches_the_meter_and_the_scope(qtbot, demo, other_bench):
    inst, meter = demo.views["instruments"], demo.meter
    bench = demo.bench()
    assert meter.source.resource == bench.dmm_resource
    demo.show_view("instruments")  # lists the window's own bench first
    qtbot.waitUntil(lambda: {bench.dmm_resource, bench.scope_resource} <= set(inst.entries),
                    timeout=15000)
    assert inst.entries[bench.dmm_resource].in_use == "dmm"
    for res in (other_bench.dmm_resource, other_bench.scope_resource):
        inst.add_instrument(res, "@py", connect=False)
        qtbot.waitUntil(lambda r=res: inst.entries[r].identity is not None, timeout=15000)

    inst.use_as("dmm", other_bench.dmm_resource)
    assert meter.source.resource == other_bench.dmm_resource and not meter.source.simulated
    assert meter.running  # it was streaming, so it streams from the new meter
    assert demo.settings.dmm_resource == other_bench.dmm_resource
    assert inst.entries[other_bench.dmm_resource].in_use == "dmm"
    points = meter.series.ring.total
    qtbot.waitUntil(lambda: meter.series.ring.total > points + 5, timeout=15000)

    demo.show_view("scope")
    inst.use_as("scope", other_bench.scope_resource)
    scope = demo.views["scope"]
    assert scope.resource == other_bench.scope_resource
    assert demo.tabs.currentWidget() is scope  # the new scope view took the old tab's place
    assert demo.settings.scope_resource == other_bench.scope_resource
    assert inst.entries[other_bench.scope_resource].in_use == "scope"
    qtbot.waitUntil(lambda: scope.connected and scope.frames_drawn > 0, timeout=20000)
    assert demo.views["plan"].scope_resource == other_bench.scope_resource

    # Back to the window's own simulated rows: switched, but simulated ports not remembered.
    inst.use_as("dmm", bench.dmm_resource)
    inst.use_as("scope", bench.scope_resource)
    assert meter.source.resource == bench.dmm_resource and meter.source.simulated
    assert demo.views["scope"].resource == bench.scope_resource
    assert demo.settings.dmm_resource == other_bench.dmm_resource
    assert demo.settings.scope_resource == other_bench.scope_resource
    assert demo.resources().simulated
    _wait_four_traces(qtbot, demo.views["scope"])
