"""The Scope view on its own, on the in-process simulated bench (a demo, and the docs' screenshot).

    uv run python -m meterlab.gui.scope_demo                 # a window to play with
    uv run python -m meterlab.gui.scope_demo --screenshot docs/scope.png \
        --deep-screenshot docs/scope-i2c.png

With --screenshot the view runs offscreen for a few seconds on the demo bench,
with limits on the CH1 measurements and the cursors on one PWM period, and is
saved as a PNG, so the picture in the docs can be refreshed with one command.
--deep-screenshot then takes a 300 k-point deep capture and zooms onto one I²C
transaction (START, address, data, ACK/NAK, STOP decoded on the lanes).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--screenshot", type=Path, help="save the view as this PNG and quit")
    parser.add_argument("--deep-screenshot", type=Path,
                        help="then a deep capture zoomed onto I²C, saved as this PNG")
    parser.add_argument("--seconds", type=float, default=4.0, help="run this long first")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    if args.screenshot:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    import meterlab.gui  # noqa: F401  (the PySide6 refcount guard)
    from meterlab.gui.app import _apply_stylesheet
    from meterlab.gui.scope_view import DEMO_SETUP, ScopeView
    from meterlab.sim import SimulatedBench

    app = QApplication.instance() or QApplication(sys.argv[:1])
    _apply_stylesheet(app)
    bench = SimulatedBench(seed=args.seed).start()
    with tempfile.TemporaryDirectory() as tmp:
        settings = QSettings(str(Path(tmp) / "scope-demo.ini"), QSettings.Format.IniFormat)
        view = ScopeView(bench.scope_resource, "@py", settings, initial=DEMO_SETUP)
        view.setWindowTitle("Scope (simulated bench) — meterlab")
        view.resize(1400, 820)
        view.show()
        try:
            if not args.screenshot:
                return int(app.exec())
            rc = _screenshot(app, view, args.screenshot, args.seconds)
            if rc == 0 and args.deep_screenshot:
                rc = _deep_screenshot(app, view, args.deep_screenshot)
            return rc
        finally:
            view.shutdown()
            bench.stop()


def _spin(app: object, seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()  # type: ignore[attr-defined]
        time.sleep(0.01)


def _save(view: object, path: Path) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    ok = view.grab().save(str(path))  # type: ignore[attr-defined]
    print(f"{'wrote' if ok else 'could not write'} {path}")
    return 0 if ok else 1


def _screenshot(app: object, view: object, path: Path, seconds: float) -> int:
    import numpy as np

    def spin(s: float) -> None:
        _spin(app, s)

    spin(seconds)
    m = view.measurements  # type: ignore[attr-defined]
    m.set_limit("FREQ", "1 kHz ±1 %")
    m.set_limit("PDUT", "20 % .. 30 %")
    m.set_limit("RTIM", "<= 100 ns")
    t, y = view.analog.traces[1].getOriginalDataset()  # type: ignore[attr-defined]
    if t is not None and len(t) > 2:
        rising = np.flatnonzero((y[:-1] < 1.65) & (y[1:] >= 1.65)) + 1
        if len(rising) > 6:
            view.analog.set_cursor_times(float(t[rising[4]]), float(t[rising[5]]))  # type: ignore[attr-defined]
    spin(1.0)
    return _save(view, path)


def _deep_screenshot(app: object, view: object, path: Path) -> int:
    v: object = view
    combo = v.depth_combo  # type: ignore[attr-defined]
    combo.setCurrentIndex(combo.findData(300_000))
    _spin(app, 1.0)
    v.deep_capture()  # type: ignore[attr-defined]
    end = time.monotonic() + 60
    while v.deep_frame is None and time.monotonic() < end:  # type: ignore[attr-defined]
        _spin(app, 0.05)
    frame = v.deep_frame  # type: ignore[attr-defined]
    if frame is None:
        print("the deep capture did not arrive")
        return 1
    _spin(app, 0.5)
    i2c = [a for a in frame.decoded.annotations if a.row == "i2c"]
    stops = [a for a in i2c if a.kind == "stop"]
    if i2c and stops:
        t0, t1 = i2c[0].t0, stops[0].t1
        pad = 0.08 * (t1 - t0)
        v.analog.set_time_window(t0 - pad, t1 + pad)  # type: ignore[attr-defined]
        v.analog.set_cursor_times(i2c[1].t0, i2c[1].t1)  # type: ignore[attr-defined]
    _spin(app, 0.5)
    return _save(view, path)


if __name__ == "__main__":
    sys.exit(main())
