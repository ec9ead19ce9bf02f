"""The running-statistics box of the meter view: n, mean, σ, min, max, Cp, Cpk, verdicts.

Figures come from `LiveSeries.summary()` (the same maths as the reports) and
are shown with SI prefixes; a dash marks a figure not defined yet.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QWidget

from meterlab.gui.fmt import DASH, fmt_plain, fmt_statistic, fmt_value
from meterlab.gui.series import Summary
from meterlab.readings import Verdict


class StatsPanel(QGroupBox):
    """Labels for one series' summary; `show_summary()` on the text timer."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Statistics"))
        grid = QGridLayout(self)
        grid.setHorizontalSpacing(14)
        self.labels: dict[str, QLabel] = {}
        names = [
            ("n", self.tr("n")), ("mean", self.tr("mean")), ("std", "σ"),
            ("min", self.tr("min")), ("max", self.tr("max")),
            ("cp", "Cp"), ("cpk", "Cpk"), ("counts", self.tr("verdicts")),
        ]
        for row, (key, text) in enumerate(names):
            name = QLabel(text)
            name.setObjectName("statName")
            value = QLabel(DASH)
            value.setObjectName("statValue")
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(name, row, 0)
            grid.addWidget(value, row, 1)
            self.labels[key] = value

    def show_summary(self, sm: Summary, unit: str, digits: int) -> None:
        lab = self.labels
        lab["n"].setText(f"{sm.n:,}".replace(",", " "))
        lab["mean"].setText(fmt_statistic(sm.mean, unit, digits))
        lab["std"].setText(fmt_value(sm.std, unit, 3))
        lab["min"].setText(fmt_statistic(sm.min, unit, digits))
        lab["max"].setText(fmt_statistic(sm.max, unit, digits))
        lab["cp"].setText(fmt_plain(sm.cp, 2))
        lab["cpk"].setText(fmt_plain(sm.cpk, 2))
        c = sm.counts
        lab["counts"].setText(
            f"{Verdict.PASS.symbol} {c[Verdict.PASS]}  {Verdict.MARGINAL.symbol} "
            f"{c[Verdict.MARGINAL]}  {Verdict.FAIL.symbol} {c[Verdict.FAIL]}"
        )
