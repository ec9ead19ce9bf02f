"""Render the Instruments view (with a console in use) and the connect dialog to PNG files.

The screenshots in `docs/` come from here, so they can be refreshed whenever the
view changes: `python -m meterlab.gui.instruments_shot [docs/ [en nl]]` (offscreen, on
the simulated bench started in-process).
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

#: What the console shows in the screenshot: an ordinary little session at the bench.
COMMANDS = ("*IDN?", "CONF:VOLT:DC 10", "VOLT:RANG?", "VOLT:NPLC?", "READ?", "SYST:BOGUS?")


def _wait_until(app: object, done: Callable[[], bool], timeout_s: float = 20.0) -> None:
    end = time.monotonic() + timeout_s
    while not done():
        if time.monotonic() > end:
            raise TimeoutError("the simulated bench did not answer in time")
        app.processEvents()  # type: ignore[attr-defined]
        time.sleep(0.01)


def render(out_dir: Path, *, settings_path: Path | None = None, language: str = "en"
           ) -> list[Path]:
    """Write instruments.png and instruments-connect.png into `out_dir` (with "-nl" etc.
    before .png for another language); return their paths."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from meterlab.gui.app import _apply_stylesheet
    from meterlab.gui.connect_dialog import ConnectDialog
    from meterlab.gui.i18n import install_translators
    from meterlab.gui.instruments_text import State
    from meterlab.gui.instruments_view import InstrumentsView
    from meterlab.sim.bench import SimulatedBench

    app = QApplication.instance() or QApplication(["meterlab"])
    _apply_stylesheet(app)  # type: ignore[arg-type]
    install_translators(app, language)
    tail = "" if language == "en" else f"-{language}"
    out_dir.mkdir(parents=True, exist_ok=True)
    ini = settings_path or out_dir / ".instruments-shot.ini"
    settings = QSettings(str(ini), QSettings.Format.IniFormat)
    written: list[Path] = []
    with SimulatedBench(seed=1) as bench:
        sim = {"dmm": bench.dmm_resource, "scope": bench.scope_resource}
        view = InstrumentsView(settings=settings, simulated=sim)
        view.resize(1280, 820)
        view.show()
        _wait_until(app, lambda: all(
            view.entries.get(r) is not None and view.entries[r].state == State.AVAILABLE
            for r in sim.values()))
        view.mark_in_use("dmm", bench.dmm_resource)  # as when the meter view reads from it
        view.table.select_resource(bench.dmm_resource)
        view.open_console(bench.dmm_resource)
        _wait_until(app, lambda: bench.dmm_resource in view.consoles)
        console = view.consoles[bench.dmm_resource]
        console.set_timeout(1.0)
        for command in COMMANDS:
            console.send(command)
        console.read_error_queue()
        _wait_until(app, lambda: not console.busy)
        console.command_line.setText("MEAS:VOLT:DC?")
        app.processEvents()
        path = out_dir / f"instruments{tail}.png"
        view.grab().save(str(path))
        written.append(path)

        dialog = ConnectDialog(view, simulated=sim)
        dialog.resource_edit.setText(bench.dmm_resource)
        _wait_until(app, lambda: dialog.found_list.count() > 0)
        dialog.show()
        dialog.test_connection()
        _wait_until(app, lambda: not dialog.testing)
        app.processEvents()
        path = out_dir / f"instruments-connect{tail}.png"
        dialog.grab().save(str(path))
        written.append(path)
        dialog.close()
        view.close_all()
        view.close()
    if settings_path is None:
        ini.unlink(missing_ok=True)
    return written


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "docs")
    for lang in sys.argv[2:] or ["en"]:
        for p in render(target, language=lang):
            print(p)
