"""The app's start-up order: the meter is told to measure before its view is built.

The view's imports and widgets would otherwise take the interpreter from the
connection, and the meter's own first reading (40 ms at 1 PLC with auto-zero) would
only begin once the view stood. Real parts throughout: the demo bench's process, or
the simulator's meter over TCP, through pyvisa-py.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import socket
import time

from meterlab.gui import startup
from meterlab.gui.feed import ReadingFeed
from meterlab.gui.instrument_source import InstrumentSource
from meterlab.gui.main_window import MainWindow
from meterlab.gui.sources import MeterSetup
from tests.fresh_app import run_json

pytest_plugins = ("gui_fixtures",)


def test_the_meter_view_is_built_while_the_meter_takes_its_first_reading(qtbot, tmp_path,
                                                                         monkeypatch):
    from meterlab.gui.app import build_window

    seen: list[tuple[bool, bool]] = []  # (source settled, view already built) at build time
    build = MainWindow._build_meter_view

    def spy(self, source, feed):
        seen.append((bool(source.settled), self.meter is not None))
        build(self, source, feed)

    monkeypatch.setattr(MainWindow, "_build_meter_view", spy)
    # The order, not the cap: on a loaded machine the connection can outlast SETTLE_MS,
    # after which the view is built anyway (the mute-meter test below holds that).
    monkeypatch.setattr(startup, "SETTLE_MS", 30_000)
    _app, win = build_window([], demo=True, settings_path=str(tmp_path / "s.ini"),
                             db_path=str(tmp_path / "s.db"))
    qtbot.addWidget(win)
    try:
        qtbot.waitUntil(lambda: win.meter is not None, timeout=20000)
        assert seen == [(True, False)]  # once, and only after the meter measured
        qtbot.waitUntil(lambda: win.meter.series.ring.total > 0, timeout=20000)
        assert win.meter.readout.text().endswith("V")
        assert win.meter.running
    finally:
        win.close()


def test_a_meter_that_never_answers_still_gets_its_view_after_the_settle_wait(qtbot,
                                                                              monkeypatch):
    # A LAN meter that accepts the connection and then says nothing (hung firmware).
    mute = socket.socket()
    mute.bind(("127.0.0.1", 0))
    mute.listen(1)
    port = mute.getsockname()[1]
    monkeypatch.setattr(startup, "SETTLE_MS", 150)
    source = InstrumentSource(f"TCPIP0::127.0.0.1::{port}::SOCKET", backend="@py",
                              timeout_ms=3000)
    called: list[tuple[float, bool]] = []  # (when, whether the source had settled then)
    t0 = time.monotonic()
    try:
        feed = startup.start_early(source, _Setup())
        assert feed is not None
        startup.when_source_settled(
            source, lambda: False,
            lambda: called.append((time.monotonic() - t0, source.settled)))
        qtbot.waitUntil(lambda: bool(called), timeout=5000)
        when, settled = called[0]
        assert not settled  # still waiting for its *IDN? reply
        assert 0.14 <= when < 2.5  # the settle wait, not the 3 s timeout
    finally:
        source.close()
        mute.close()


def test_a_dead_meter_settles_at_once_so_its_view_can_say_why(qtbot):
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()  # nothing listens there: connection refused
    source = InstrumentSource(f"TCPIP0::127.0.0.1::{port}::SOCKET", backend="@py")
    feed = ReadingFeed()
    try:
        source.configure(MeterSetup())
        source.start(feed)
        qtbot.waitUntil(lambda: source.settled, timeout=5000)
    finally:
        source.close()


def test_a_meter_is_settled_once_it_measures_not_before_it_starts(qtbot):
    from standins import StandInBoard

    from meterlab.sim.dmm import Keysight34465A
    from meterlab.sim.server import InstrumentServer

    server = InstrumentServer(Keysight34465A(StandInBoard(), seed=3)).start()
    source = InstrumentSource(server.resource, backend="@py")
    feed = ReadingFeed()
    try:
        assert not source.settled  # nothing started yet
        source.configure(MeterSetup(nplc=1.0))
        source.start(feed)
        qtbot.waitUntil(lambda: source.settled, timeout=10000)
        assert source.running
        # Settled means told to measure: the first reading follows the meter's own time.
        got: list = []
        qtbot.waitUntil(lambda: got.extend(feed.drain().batches) or bool(got), timeout=10000)
        assert len(got[0]) >= 1
    finally:
        source.close()
        server.stop()


def test_a_window_closed_while_its_meter_connects_leaves_nothing_running():
    # In a fresh interpreter: a worker left inside pyvisa's loading at exit can crash it.
    code = """
import json, tempfile, threading, time
from meterlab.gui.app import build_window
tmp = tempfile.mkdtemp()
app, win = build_window([], demo=True, settings_path=tmp + "/s.ini", db_path=tmp + "/s.db")
end = time.monotonic() + 30
while win._starting is None and win.meter is None and time.monotonic() < end:
    app.processEvents(); time.sleep(0.001)
caught = win._starting is not None
source = win._starting
bench = source.bench if source is not None else None
win.close()
app.processEvents()
left = sorted(t.name for t in threading.enumerate()
              if t.name.startswith(("acquire", "instrument-control")))
stopped = bench is None or bench.proc.wait(timeout=10) is not None
print(json.dumps({"caught": caught, "built": win.meter is not None, "left": left,
                  "running": bool(source and source.running), "bench_stopped": stopped}))
"""
    out = run_json(code)
    assert out == {"caught": True, "built": False, "left": [], "running": False,
                   "bench_stopped": True}


class _Setup:
    """The settings `start_early` reads, as a user who never changed them has them."""

    meter_function = "VOLT:DC"
    meter_range = None
    meter_nplc = 1.0
    meter_trigger = "IMM"


def test_the_window_shell_leaves_the_qt_namespace_until_the_meter_view():
    # Its first use builds all of its enums (11.5 ms), which the connection would wait for.
    code = """
import json, tempfile
import PySide6.QtCore as core
from meterlab.gui.app import build_window
tmp = tempfile.mkdtemp()
app, win = build_window([], dmm="synthetic", settings_path=tmp + "/s.ini", db_path=tmp + "/s.db")
shell = 'Qt' in core.__dict__
while win.meter is None:
    app.processEvents()
from PySide6.QtGui import QKeySequence
start = win.start_action
print(json.dumps({"shell": shell, "after": 'Qt' in core.__dict__,
                  "keys": [k.toString() for k in start.shortcuts()],
                  "context": start.shortcutContext().name}))
win.close()
"""
    out = run_json(code)
    # The meter's shortcuts are there all along, and reach every window once it exists.
    assert out == {"shell": False, "after": True, "keys": ["F5"],
                   "context": "ApplicationShortcut"}


def test_the_demo_meter_offers_its_choices_before_it_answers_and_its_own_after(qtbot,
                                                                              monkeypatch):
    from meterlab.gui import sources
    from meterlab.gui.instrument_source import SimulatedBenchSource

    reads: list[int] = []
    real = sources.synthetic_capabilities
    monkeypatch.setattr(sources, "synthetic_capabilities",
                        lambda: reads.append(1) or real())
    source = SimulatedBenchSource(in_process=True)
    feed = ReadingFeed()
    try:
        assert reads == []  # not read while the window starts the source
        early = source.capabilities  # a view built before the meter answered
        assert reads == [1] and early.offers_nplc(0.001)
        assert source.capabilities is early  # read once
        source.configure(MeterSetup())
        source.start(feed)
        qtbot.waitUntil(lambda: source.settled, timeout=10000)
        assert source.capabilities is not early  # what the meter said replaces it
        assert source.capabilities.offers_nplc(0.001)
    finally:
        source.close()
