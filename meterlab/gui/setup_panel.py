"""The "Measurement" box: function, range, integration time and trigger.

It edits a `MeterSetup` and says when the *user* changed it (`changed`);
filling the widgets from a setup (at start, from saved settings) is silent,
so the instrument is not reconfigured by its own echo.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLayout, QWidget

from meterlab.gui.fmt import fmt_range
from meterlab.gui.sources import FUNCTIONS, NPLC_CHOICES, RANGES, MeterSetup


class SetupPanel(QGroupBox):
    """Setup controls; `setup()` reads them, `show_setup()` fills them without `changed`."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Measurement"))
        self._filling = False
        self.function_combo = QComboBox()
        for code, label in self.function_names().items():
            self.function_combo.addItem(label, code)
        self.range_combo = QComboBox()
        self.nplc_combo = QComboBox()
        for nplc in NPLC_CHOICES:
            self.nplc_combo.addItem(self.tr("%1 PLC").replace("%1", f"{nplc:g}"), nplc)
        self.nplc_combo.setCurrentIndex(NPLC_CHOICES.index(1.0))
        self.trigger_combo = QComboBox()
        self.trigger_combo.addItem(self.tr("Immediate"), "IMM")
        self.trigger_combo.addItem(self.tr("Bus (Single)"), "BUS")
        self.trigger_combo.addItem(self.tr("External"), "EXT")
        self._fill_ranges("VOLT:DC")
        self.form = QFormLayout(self)
        self.form.addRow(self.tr("Function"), self.function_combo)
        self.form.addRow(self.tr("Range"), self.range_combo)
        self.form.addRow(self.tr("Integration"), self.nplc_combo)
        self.form.addRow(self.tr("Trigger"), self.trigger_combo)
        self.function_combo.currentIndexChanged.connect(self._function_changed)
        for combo in (self.range_combo, self.nplc_combo, self.trigger_combo):
            combo.currentIndexChanged.connect(self._edited)

    def add_row(self, layout: QLayout) -> None:
        """Put a row of the owner's controls (start/stop buttons) under the settings."""
        self.form.addRow(layout)

    def function_names(self) -> dict[str, str]:
        return {
            "VOLT:DC": self.tr("DC voltage"),
            "VOLT:AC": self.tr("AC voltage"),
            "CURR:DC": self.tr("DC current"),
            "CURR:AC": self.tr("AC current"),
            "RES": self.tr("Resistance (2-wire)"),
            "FRES": self.tr("Resistance (4-wire)"),
            "FREQ": self.tr("Frequency"),
            "PER": self.tr("Period"),
            "CAP": self.tr("Capacitance"),
            "TEMP": self.tr("Temperature"),
        }

    def setup(self) -> MeterSetup:
        return MeterSetup(
            function=self.function_combo.currentData(),
            range=self.range_combo.currentData(),
            nplc=float(self.nplc_combo.currentData()),
            trigger=self.trigger_combo.currentData(),
        )

    def show_setup(self, setup: MeterSetup) -> None:
        self._filling = True
        try:
            i = self.function_combo.findData(setup.function)
            if i >= 0:
                self.function_combo.setCurrentIndex(i)
            self._fill_ranges(setup.function)
            self.range_combo.setCurrentIndex(max(self.range_combo.findData(setup.range), 0))
            i = self.nplc_combo.findData(setup.nplc)
            if i >= 0:
                self.nplc_combo.setCurrentIndex(i)
            i = self.trigger_combo.findData(setup.trigger)
            if i >= 0:
                self.trigger_combo.setCurrentIndex(i)
        finally:
            self._filling = False

    def _fill_ranges(self, function: str) -> None:
        self.range_combo.clear()
        self.range_combo.addItem(self.tr("Auto"), None)
        unit = FUNCTIONS[function]
        for r in RANGES.get(function, ()):
            self.range_combo.addItem(fmt_range(r, unit), r)

    def _function_changed(self) -> None:
        if self._filling:
            return
        keep = self.range_combo.currentData()
        self._filling = True
        try:
            # A range kept only if the new function has it (10 V means nothing for Ω).
            self._fill_ranges(self.function_combo.currentData())
            self.range_combo.setCurrentIndex(max(self.range_combo.findData(keep), 0))
        finally:
            self._filling = False
        self.changed.emit()

    def _edited(self) -> None:
        if not self._filling:
            self.changed.emit()
