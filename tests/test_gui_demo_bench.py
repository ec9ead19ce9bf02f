"""The desktop app's demo bench: its own process, started with the app, gone with the window."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import socket
import time

import pytest

from meterlab.errors import UsageError
from meterlab.gui.views import VIEWS
from meterlab.sim.process import BenchProcess

pytest_plugins = ("gui_fixtures",)


def _listening(resource: str) -> bool:
    port = int(resource.split("::")[2])
    try:
        socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
    except OSError:
        return False
    return True


def test_demo_bench_runs_in_a_child_process_and_ends_with_the_window(qtbot, tmp_path):
    from meterlab.gui.app import build_window

    _app, win = build_window([], demo=True, settings_path=str(tmp_path / "s.ini"),
                             db_path=str(tmp_path / "sessions.db"))
    qtbot.addWidget(win)
    seen_at_call: list[tuple[set[str], int]] = []
    win.after_views(lambda: seen_at_call.append((set(win.views), win.meter.series.ring.total)))
    try:
        qtbot.waitUntil(lambda: win.meter is not None, timeout=10000)
        bench = win.bench()
        proc = bench.proc  # started with the app, before the views were built
        assert proc.pid != os.getpid() and proc.poll() is None
        # The first reading reaches the readout, from the child's multimeter.
        qtbot.waitUntil(lambda: win.meter.series.ring.total > 0, timeout=20000)
        assert win.meter.readout.text().endswith("V")
        assert win.meter.source.resource == bench.dmm_resource
        dmm, scope = bench.dmm_resource, bench.scope_resource
        assert _listening(dmm) and _listening(scope)
        # What nobody waits for (the lab forwarder) starts once every view is built,
        # after the first reading.
        qtbot.waitUntil(lambda: bool(seen_at_call), timeout=30000)
        views, readings = seen_at_call[0]
        assert {spec.key for spec in VIEWS} <= views and readings > 0
        assert win.lab_forwarder is None  # no lab database named: none started
    finally:
        win.close()
    assert proc.wait(timeout=10) is not None  # no simulator left behind
    end = time.monotonic() + 5
    while (_listening(dmm) or _listening(scope)) and time.monotonic() < end:
        time.sleep(0.05)
    assert not _listening(dmm) and not _listening(scope)


def test_a_bench_that_cannot_start_says_why_in_one_line():
    bench = BenchProcess(faults=["no_such_fault"])
    try:
        with pytest.raises(UsageError) as err:
            bench.wait_ready(timeout=30)
    finally:
        bench.stop()
    text = str(err.value)
    assert "could not start" in text and "unknown fault 'no_such_fault'" in text
    assert "\n" not in text
