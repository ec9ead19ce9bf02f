"""The Sessions tab's statistics panel shows what `meterlab spc` computes, on a bench's file."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np
from test_lab import LOWER, UPPER, record

from meterlab.gui.sessions_view import SessionsView
from meterlab.gui.spc_panel import SpcPanel, figures
from meterlab.spc import check_stats, load_series
from meterlab.store import SessionStore
from meterlab.units import format_si

pytest_plugins = ("gui_fixtures",)


def _bench(tmp_path):
    """Three sessions of plan "rail" on two stations; one reading far out (rule 1) and a
    run of eight above the centre (rule 4); a session of another plan beside them."""
    rng = np.random.default_rng(3)
    db = tmp_path / "bench.sqlite"
    a = 3.3 + rng.normal(0, 0.004, 12)
    a[5] = 3.36
    b = 3.3 + rng.normal(0, 0.004, 10)
    c = 3.305 + np.abs(rng.normal(0, 0.002, 9))
    record(db, "bench-A", a)
    record(db, "bench-B", b)
    record(db, "bench-A", c)
    record(db, "bench-A", np.full(4, 5.0), plan="other")
    return db, np.concatenate([a, b, c])


def test_the_statistics_panel_shows_the_spc_figures_and_rings_the_points_out_of_control(
        qtbot, tmp_path, gui_settings):
    db, values = _bench(tmp_path)
    v = SessionsView(db, settings=gui_settings)
    qtbot.addWidget(v)
    v.show()
    qtbot.waitUntil(lambda: v.table.rowCount() == 4, timeout=10_000)
    v.table.selectRow(next(r for r in range(4) if v.sessions[r].plan_name == "rail"))
    v.spc_button.click()  # "Statistics…"
    panel = v.spc_panel
    assert panel.isVisible()
    assert panel.plan_combo.currentText() == "rail"
    assert sorted(panel.plan_combo.itemText(i) for i in range(panel.plan_combo.count())) == \
        ["other", "rail"]
    with qtbot.waitSignal(panel.computed, timeout=15_000) as got:
        pass  # opening computes on the selected session's plan
    assert got.args == [1]

    # The figures a hand computation with numpy gives, worded as the table shows them.
    n = values.shape[0]
    mean, sd = values.mean(), values.std(ddof=1)
    cpk = min(UPPER - mean, mean - LOWER) / (3 * sd)
    row = [panel.table.item(0, c).text() for c in range(10)]
    assert row[:5] == ["V33", "—", str(n), format_si(mean, "V"), format_si(sd, "V")]
    assert row[5] == f"{(UPPER - LOWER) / (6 * sd):.3f}" and row[6] == f"{cpk:.3f}"
    frac = np.count_nonzero((values < LOWER) | (values > UPPER)) / n
    assert row[7] == f"{100 * frac:.2f} %" and row[8] == "0"
    # … and exactly what spc.py says (the same code as `meterlab spc`).
    with SessionStore(db) as store:
        expected = check_stats(load_series(store, "rail")[0])
    assert row == figures(expected)

    # Out-of-control points are ringed in red on the individuals chart: those spc.py marks.
    ooc = expected.chart.out_of_control()
    assert 5 in ooc and expected.chart.signals[1] == (5,) and expected.chart.signals[4]
    xs, ys = panel.ooc_item.getData()
    assert xs.astype(int).tolist() == ooc.tolist()
    assert np.allclose(ys, values[ooc])
    assert "1: 1" in row[9] and "4: " in row[9]
    assert panel.table.item(0, 9).foreground().color().red() == 255


def test_the_statistics_panel_splits_by_station_and_says_when_nothing_matches(
        qtbot, tmp_path, gui_settings):
    db, _ = _bench(tmp_path)
    panel = SpcPanel(db, ["rail", "other"], "rail")
    qtbot.addWidget(panel)
    panel.show()
    panel.by_station.setChecked(True)
    with qtbot.waitSignal(panel.computed, timeout=15_000) as got:
        panel.compute()
    assert got.args == [2]
    with SessionStore(db) as store:
        expected = [figures(check_stats(s)) for s in load_series(store, "rail",
                                                                 by_station=True)]
    shown = [[panel.table.item(r, c).text() for c in range(10)] for r in range(2)]
    assert shown == expected and [r[1] for r in shown] == ["bench-A", "bench-B"]

    panel.check_edit.setText("NOPE")
    with qtbot.waitSignal(panel.computed, timeout=15_000) as got:
        panel.compute()
    assert got.args == [0] and panel.table.rowCount() == 0
    assert "No readings of plan rail · NOPE" in panel.status.text()
    assert len(panel.ooc_item.getData()[0]) == 0
