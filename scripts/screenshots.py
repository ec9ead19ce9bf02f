"""Render every main view offscreen on the demo bench; save docs/*.png.

    uv run python scripts/screenshots.py                 # all views, English and Dutch
    uv run python scripts/screenshots.py --meter-only --lang nl

The meter shots (pass, fail, dropout; English and Dutch) come from the main window
in demo mode after it has streamed for a while, logging to a session. The scope,
plan runner, sessions and instruments views come from their own renderers
(`meterlab.gui.scope_demo`, `plan_screenshots`, `instruments_shot`, `spc_shot`), each run in
its own process (one QApplication each). Everything runs on the simulated bench
on 127.0.0.1 (the demo window's in its own `meterlab sim` process), with
throw-away settings and session database.
"""

from __future__ import annotations

import argparse
import os
import subprocess
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
    else:  # the simulated bench (its own process): its regulator drifts low (3.05 V)
        from meterlab.gui.plan_screenshots import _sim

        _sim(source.bench, f"SIM:FAUL ldo_drift,{'ON' if relative != 0.0 else 'OFF'}")


def drop(source) -> None:
    if hasattr(source, "dropout"):
        source.dropout(60.0)
    else:  # the bench's process ends: the meter stops answering
        source.bench.stop()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "docs")
    ap.add_argument("--seconds", type=float, default=8.0, help="streaming time before a shot")
    ap.add_argument("--lang", default="en")
    ap.add_argument("--meter-only", action="store_true",
                    help="only the meter shots in --lang (the other views are skipped)")
    args = ap.parse_args(argv)
    if not args.meter_only:
        return _all_views(args.out, args.seconds)

    from PySide6.QtCore import QSettings

    from meterlab.gui.app import build_window
    from meterlab.gui.settings import Settings

    with tempfile.TemporaryDirectory() as tmp:
        ini = str(Path(tmp) / "meterlab.ini")
        settings = Settings(QSettings(ini, QSettings.Format.IniFormat))
        settings.language = args.lang
        settings.sync()
        app, win = build_window([sys.argv[0]], demo=True, settings_path=ini,
                                db_path=str(Path(tmp) / "sessions.db"))
        win.resize(1440, 900)
        win.build_views()  # normally on the first event-loop turn; needed now
        win.meter.build_plots()  # normally once the first reading is shown
        meter = win.meter
        meter.stop()
        meter.nplc_combo.setCurrentIndex(meter.nplc_combo.findData(0.2))
        meter.trend.span_combo.setCurrentIndex(0)  # 10 s
        meter.apply_limit("3.3 V ±3 % warn ±2 %")
        meter.operator_edit.setText("A. Peeters")
        meter.dut_edit.setText("SN-0042")
        meter.start_logging()
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


def _all_views(out: Path, seconds: float) -> int:
    """Each renderer in its own process; the file names are printed as they are written."""
    py = sys.executable
    runs = [
        [py, __file__, "--meter-only", "--lang", "en", "--out", str(out),
         "--seconds", str(seconds)],
        [py, __file__, "--meter-only", "--lang", "nl", "--out", str(out),
         "--seconds", str(seconds)],
        [py, "-m", "meterlab.gui.scope_demo", "--screenshot", str(out / "scope.png"),
         "--deep-screenshot", str(out / "scope-i2c.png")],
        [py, "-m", "meterlab.gui.plan_screenshots", str(out)],
        [py, "-m", "meterlab.gui.instruments_shot", str(out), "en", "nl"],
        [py, "-m", "meterlab.gui.spc_shot", str(out)],
    ]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    failed = 0
    for cmd in runs:
        done = subprocess.run(cmd, cwd=ROOT, env=env, check=False)  # noqa: S603 - our own modules
        if done.returncode != 0:
            print(f"failed ({done.returncode}): {' '.join(cmd[1:])}", file=sys.stderr)
            failed += 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
