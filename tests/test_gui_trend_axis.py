"""The trend's value axis: its tick labels never run into its title, however long they get."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np
import pytest

from meterlab.gui.series import LiveSeries
from meterlab.gui.trend import TrendView
from meterlab.readings import ReadingBatch


def _feed(series: LiveSeries, values: np.ndarray) -> None:
    t = 1.7e9 + np.arange(len(values)) / 50.0
    series.ingest([ReadingBatch.from_raw(t, values, function="VOLT:DC", unit="V")])


@pytest.mark.parametrize(("centre", "noise"), [
    (3.3, 3e-6),    # µV of noise on a 3.3 V rail: ticks such as 3.299916
    (3.3, 0.05),    # an ordinary span: 3.30, 3.35
    (-12.0, 2e-6),  # negative and long: -11.999998
])
def test_tick_labels_and_the_axis_title_do_not_overlap(qtbot, centre, noise):
    series = LiveSeries(capacity=10_000)
    view = TrendView(series)
    qtbot.addWidget(view)
    view.resize(900, 500)
    view.show()
    _feed(series, centre + noise * np.random.default_rng(3).standard_normal(500))
    for _ in range(3):  # the axis learns its tick text width as it paints, then re-lays out
        view.refresh()
        view.plot.grab()
        qtbot.wait(30)
    axis = view.plot.getAxis("left")
    title = axis.label.mapRectToParent(axis.label.boundingRect())
    ticks_start = (axis.width() - axis.textWidth - axis.style["tickTextOffset"][0]
                   - max(0, axis.style["tickLength"]))
    assert axis.textWidth > 0
    assert title.right() <= ticks_start + 1, (title.right(), ticks_start, axis.textWidth)
