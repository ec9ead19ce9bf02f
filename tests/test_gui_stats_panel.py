"""The statistics box never shows a mean outside the min and max it shows beside it."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from meterlab.gui.fmt import digits_for_nplc, ui_language
from meterlab.gui.series import Summary
from meterlab.gui.stats_panel import StatsPanel
from meterlab.readings import Verdict
from meterlab.units import parse_quantity


def _shown(panel: StatsPanel, key: str) -> float:
    return parse_quantity(panel.labels[key].text(), "V", ui_language())[0]


def _summary(lo: float, mean: float, hi: float) -> Summary:
    return Summary(n=995, mean=mean, std=7e-6, min=lo, max=hi, cp=float("nan"),
                   cpk=float("nan"), counts=dict.fromkeys(Verdict, 0))


def test_microvolt_noise_at_a_fast_integration(qtbot):
    # The case seen on the bench: a 3.3 V rail with µV noise at 0.2 PLC (4 digits).
    panel = StatsPanel()
    qtbot.addWidget(panel)
    panel.show_summary(_summary(3.29988, 3.29990, 3.29992), "V", digits_for_nplc(0.2))
    assert _shown(panel, "min") <= _shown(panel, "mean") <= _shown(panel, "max")
    assert panel.labels["mean"].text() == panel.labels["min"].text()
    assert _shown(panel, "mean") == pytest.approx(3.2999)


@pytest.fixture(scope="module")
def panel(qapp):
    return StatsPanel()


@settings(max_examples=200, deadline=None)
@given(centre=st.floats(1e-3, 900.0), spread=st.floats(0.0, 0.2),
       share=st.floats(0.0, 1.0), nplc=st.sampled_from([0.02, 0.2, 1, 10]))
def test_the_mean_is_shown_between_min_and_max(panel, centre, spread, share, nplc):
    lo, hi = centre * (1 - spread), centre * (1 + spread)
    mean = min(hi, max(lo, lo + (hi - lo) * share))
    panel.show_summary(_summary(lo, mean, hi), "V", digits_for_nplc(nplc))
    assert _shown(panel, "min") <= _shown(panel, "mean") <= _shown(panel, "max")


@pytest.mark.parametrize("nplc", [0.2, 1, 10])
def test_the_histograms_footer_shows_the_mean_as_the_statistics_box_does(qtbot, nplc):
    import numpy as np

    from meterlab.gui.histogram import HistogramView
    from meterlab.gui.series import LiveSeries
    from meterlab.readings import ReadingBatch

    series = LiveSeries(capacity=10_000)
    t = 1.7e9 + np.arange(500) / 50.0
    v = 3.3 + 7e-6 * np.random.default_rng(5).standard_normal(500)
    series.ingest([ReadingBatch.from_raw(t, v, function="VOLT:DC", unit="V")])
    hist = HistogramView(series)
    box = StatsPanel()
    qtbot.addWidget(hist)
    qtbot.addWidget(box)
    digits = digits_for_nplc(nplc)
    hist.reading_digits = digits  # as the meter view keeps it
    hist.refresh(force=True)
    box.show_summary(series.summary(), "V", digits)
    assert f"<b>{box.labels['mean'].text()}</b>" in hist.stats_label.text()
