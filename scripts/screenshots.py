"""Render the main window offscreen after it has streamed for a while; save docs/*.png.

    uv run python scripts/screenshots.py            # English
    uv run python scripts/screenshots.py --lang nl  # Dutch UI, files get a -nl suffix

The window runs in demo mode: the simulated bench in-process, on 127.0.0.1.
Nothing here touches the user's own settings: a throw-away settings file is used.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent


def _pump(app, seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.005)


def drift(source, relative: float) -> None:
    """Move the demo signal by `relative` (synthetic source or simulated bench)."""
    if hasattr(source, "offset"):
        source.offset = relative
    else:  # the simulated bench: its regulator drifts low (3.05 V) instead
        source.bench.board.set_fault("ldo_drift", relative != 0.0)


def drop(source) -> None:
    if hasattr(source, "dropout"):
        source.dropout(60.0)
    else:
        source.bench.dmm_server.stop()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "docs")
    ap.add_argument("--seconds", type=float, default=8.0, help="streaming time before a shot")
    ap.add_argument("--lang", default="en")
    args = ap.parse_args(argv)

    from PySide6.QtCore import QSettings

    from meterlab.gui.app import build_window

    with tempfile.TemporaryDirectory() as tmp:
        ini = str(Path(tmp) / "meterlab.ini")
        settings = QSettings(ini, QSettings.Format.IniFormat)
        settings.setValue("ui/language", args.lang)
        settings.sync()
        app, win = build_window([sys.argv[0]], demo=True, settings_path=ini,
                                db_path=str(Path(tmp) / "sessions.db"))
        win.resize(1440, 900)
        win.build_views()  # normally on the first event-loop turn; needed now
        meter = win.meter
        meter.stop()
        meter.nplc_combo.setCurrentIndex(meter.nplc_combo.findData(0.2))
        meter.trend.span_combo.setCurrentIndex(0)  # 10 s
        meter.apply_limit("3.3 V ±3 % warn ±2 %")
        meter.start()
        source = meter.source
        suffix = "" if args.lang == "en" else f"-{args.lang}"
        args.out.mkdir(parents=True, exist_ok=True)
        shots = []

        def shot(name: str) -> None:
            app.processEvents()
            meter._update_text()
            meter.histogram.refresh(force=True)
            app.processEvents()
            path = args.out / f"{name}{suffix}.png"
            win.grab().save(str(path))
            shots.append(path)

        _pump(app, args.seconds)
        shot("meter-pass")
        drift(source, 0.045)  # the rail drifts up: marginal, then out of tolerance
        _pump(app, args.seconds / 2)
        shot("meter-fail")
        drift(source, 0.0)
        drop(source)  # the meter stops answering
        end = time.monotonic() + 15.0  # a real connection needs its timeout to notice
        while not win.banner.isVisible() and time.monotonic() < end:
            _pump(app, 0.1)
        _pump(app, 0.5)
        shot("meter-dropout")
        meter.stop()
        win.close()
        for p in shots:
            print(p.relative_to(ROOT) if p.is_relative_to(ROOT) else p)
    return 0


if __name__ == "__main__":
    sys.exit(main())
