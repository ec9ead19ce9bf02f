"""Render the Sessions tab's statistics panel for the docs, offscreen: docs/spc.png.

    uv run python -m meterlab.gui.spc_shot [OUT_DIR]

Writes a throw-away bench database with sessions of one plan from three stations — the
3V3 rail creeping up on the last units, one reading far out — through the store API (as
a plan run writes them), opens the statistics panel on it as a person would, waits for
the figures (computed on the worker thread) and grabs the panel. Refresh after UI changes.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

PLAN = "Power rail check"
#: (check id, title, nominal V, tolerance): the plan's two checks.
CHECKS = (("3v3", "3V3 rail", 3.3, 0.05), ("5v0", "5V0 rail", 5.0, 0.04))


def write_sessions(db: Path, units: int = 18, seed: int = 2) -> None:
    """`units` finished sessions of PLAN, ten readings per check, on three stations."""
    import numpy as np

    from meterlab.outcome import Outcome
    from meterlab.readings import ReadingBatch
    from meterlab.store import SessionStore

    rng = np.random.default_rng(seed)
    with SessionStore(db) as store:
        for u in range(units):
            w = store.begin(operator="Ana Peeters", station=f"bench-{u % 3 + 1}",
                            dut_serial=f"SN-{100 + u:04d}", plan_name=PLAN, kind="run")
            w.add_instrument(role="dmm", resource="TCPIP::127.0.0.1::5025::SOCKET",
                             maker="Keysight", model="34465A", serial="MY1", firmware="1")
            for cid, title, nominal, tol in CHECKS:
                lo, hi = nominal * (1 - tol), nominal * (1 + tol)
                w.add_check(check_id=cid, title=title, function="VOLT:DC", unit="V",
                            limit_text=f"{nominal} V ±{tol:.0%}", lower=lo, upper=hi,
                            nominal=nominal)
                creep = 0.006 * max(0, u - units + 4) if cid == "3v3" else 0.0
                v = nominal + creep + rng.normal(0, nominal * 0.0015, 10)
                if cid == "3v3" and u == 4:
                    v[3] = nominal * 1.03  # a probe slipped
                t = time.time() + np.arange(v.shape[0]) * 0.05
                ok = (v >= lo) & (v <= hi)
                w.append(ReadingBatch(t=t, values=v, function="VOLT:DC", unit="V"),
                         check_id=cid, verdicts=np.where(ok, 0, 3).astype(np.int8),
                         margins=np.minimum(v - lo, hi - v))
                w.add_result(check_id=cid, value=float(v.mean()), verdict=0, n=v.shape[0])
            w.finish(outcome=Outcome.PASS)


def main(out_dir: str | None = None) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    import meterlab.gui  # noqa: F401  (refcount guard)
    from meterlab.gui.app import _apply_stylesheet
    from meterlab.gui.sessions_view import SessionsView

    out = Path(out_dir) if out_dir else Path(__file__).resolve().parents[2] / "docs"
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    _apply_stylesheet(app)  # type: ignore[arg-type]
    tmp = Path(tempfile.mkdtemp(prefix="meterlab-spc-shot-"))
    db = tmp / "bench.sqlite"
    write_sessions(db)
    settings = QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat)
    view = SessionsView(db, settings=settings)
    done: list[int] = []
    view.refreshed.connect(done.append)
    _spin(app, 20, lambda: bool(done))
    panel = view.open_spc()
    got: list[int] = []
    panel.computed.connect(got.append)
    _spin(app, 30, lambda: bool(got))
    panel.table.selectRow(0)  # 3v3: the creep and the slipped probe
    panel.resize(1200, 780)
    _spin(app, 0.5)
    path = out / "spc.png"
    panel.grab().save(str(path))
    panel.close()
    print(path)
    return 0


def _spin(app: object, seconds: float, until: object = None) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()  # type: ignore[attr-defined]
        if until is not None and until():  # type: ignore[operator]
            return
        time.sleep(0.01)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else None))
