"""Render the plan runner and sessions views for the docs, offscreen, on the simulated bench.

    uv run python -m meterlab.gui.plan_screenshots [OUT_DIR]

Runs the shipped IoT sensor node plan through the real plan runner (worker thread,
pyvisa-py, the in-process simulated bench) for three units — one with R1 open —
into a throw-away session database, then grabs the window with each view in
front: `plan-runner.png` (a passing unit), `plan-runner-fail.png` and
`sessions.png` (a session opened and verified). Refresh them after UI changes.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path


def _spin(app: object, seconds: float, until: object = None) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()  # type: ignore[attr-defined]
        if until is not None and until():  # type: ignore[operator]
            return
        time.sleep(0.01)


def main(out_dir: str | None = None) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    import meterlab.gui  # noqa: F401  (refcount guard)
    from meterlab.gui.app import _apply_stylesheet
    from meterlab.gui.instrument_source import SimulatedBenchSource
    from meterlab.gui.main_window import MainWindow
    from meterlab.gui.plan_view import PlanView
    from meterlab.gui.sessions_view import SessionsView
    from meterlab.paths import shipped_dir

    out = Path(out_dir) if out_dir else Path(__file__).resolve().parents[2] / "docs"
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    _apply_stylesheet(app)  # type: ignore[arg-type]
    tmp = Path(tempfile.mkdtemp(prefix="meterlab-shots-"))
    settings = QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat)
    db = tmp / "sessions.sqlite"
    source = SimulatedBenchSource(seed=1)  # what the demo window runs on
    bench = source.bench
    try:
        window = MainWindow(source, settings=settings)
        plan = PlanView(bench.dmm_resource, bench.scope_resource, simulated=True, db_path=db,
                        settings=settings)
        sessions = SessionsView(db, settings=settings)
        window.add_view("plan", window.tr("Plan runner"), plan)
        window.add_view("sessions", window.tr("Sessions"), sessions)
        window.connect_news(plan)
        window.connect_news(sessions)
        plan.sessionFinished.connect(sessions.refresh)
        window.resize(1400, 860)
        window.show()
        window.show_view("plan")
        plan.load(shipped_dir("limits") / "iot-sensor-node.toml")
        plan.operator_edit.setText("Ana Peeters")

        def run(serial: str, fault: str = "") -> None:
            if fault:
                _sim(bench, f"SIM:FAUL {fault},ON")
            try:
                plan.serial_edit.setText(serial)
                plan.start_run()
                _spin(app, 60, lambda: plan._state == "review")
            finally:
                if fault:
                    _sim(bench, f"SIM:FAUL {fault},OFF")

        run("SN-0041", "r1_open")
        plan.table.selectRow(plan.table.rows["r1"])
        _spin(app, 0.3)
        window.grab().save(str(out / "plan-runner-fail.png"))
        plan.finish_run()
        _spin(app, 10, lambda: not plan.running)
        run("SN-0042")
        plan.finish_run()
        _spin(app, 10, lambda: not plan.running)
        run("SN-0043")
        plan.table.clearSelection()
        _spin(app, 0.3)
        window.grab().save(str(out / "plan-runner.png"))
        plan.finish_run()
        _spin(app, 10, lambda: not plan.running)

        window.show_view("sessions")
        _spin(app, 10, lambda: sessions.table.rowCount() == 3)
        sessions.table.selectRow(2)  # the failed unit
        _spin(app, 20, lambda: sessions.current is not None)
        sessions.verify_selected()
        _spin(app, 2, lambda: sessions.detail.verify_label.isVisible())
        _spin(app, 0.3)
        window.grab().save(str(out / "sessions.png"))
        window.close()
    finally:
        source.close()
    for name in ("plan-runner.png", "plan-runner-fail.png", "sessions.png"):
        print(out / name)
    return 0


def _sim(bench: object, command: str) -> None:
    """Send one simulator control command (a fault on or off) over the app's own link type."""
    from meterlab.visa import open_instrument

    resource = bench.dmm_resource  # type: ignore[attr-defined]
    with open_instrument(resource, backend="@py", timeout_ms=3000, verify=False) as conn:
        conn.write(command)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else None))
