"""The desktop app's demo bench: its own process, started with the app, gone with the window."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import socket
import time

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
    finally:
        win.close()
    assert proc.wait(timeout=10) is not None  # no simulator left behind
    end = time.monotonic() + 5
    while (_listening(dmm) or _listening(scope)) and time.monotonic() < end:
        time.sleep(0.05)
    assert not _listening(dmm) and not _listening(scope)
