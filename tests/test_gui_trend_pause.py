"""Pause holds the trend exactly as it was on screen, however the frames fell."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np

from meterlab.gui.series import LiveSeries
from meterlab.gui.trend import TrendView
from meterlab.readings import ReadingBatch


def _feed(series: LiveSeries, t0: float, n: int) -> None:
    t = t0 + np.arange(n) / 50.0
    v = 3.3 + 1e-3 * np.sin(np.arange(n))
    series.ingest([ReadingBatch.from_raw(t, v, function="VOLT:DC", unit="V")])


def test_readings_that_came_after_the_last_frame_do_not_step_the_paused_chart(qtbot):
    series = LiveSeries(capacity=10_000)
    view = TrendView(series)
    qtbot.addWidget(view)
    view.resize(900, 400)
    view.show()
    _feed(series, 1.7e9, 200)
    assert view.refresh()
    on_screen = float(view.curve.getData()[0][-1])
    _feed(series, 1.7e9 + 4.0, 3)  # taken between this frame and the press of Pause
    view.set_paused(True)
    view.refresh()
    assert float(view.curve.getData()[0][-1]) == on_screen
    _feed(series, 1.7e9 + 4.06, 100)  # and more while paused: kept, not drawn
    view.refresh()
    assert float(view.curve.getData()[0][-1]) == on_screen
    assert view.point_count() == 303
    view.follow_newest()  # back to live: the newest reading is drawn
    view.refresh()
    assert float(view.curve.getData()[0][-1]) == series.ring.view("t")[-1]
