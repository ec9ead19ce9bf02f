"""The "Measurement" box: function, range, integration time and trigger.

It edits a `MeterSetup` and says when the *user* changed it (`changed`);
filling the widgets from a setup (at start, from saved settings) is silent,
so the instrument is not reconfigured by its own echo.
"""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLayout, QWidget

from meterlab.bench.capabilities import DmmCapabilities
from meterlab.gui.fmt import fmt_local, fmt_range
from meterlab.gui.sources import MeterSetup


class SetupPanel(QGroupBox):
    """Setup controls; `setup()` reads them, `show_setup()` fills them without `changed`.

    The choices come from the connected model's `DmmCapabilities` (`set_capabilities`):
    a 34401A offers a 34401A's ranges and integration times. Until the instrument has
    identified itself (capabilities None) each menu holds only the present setting, so
    nothing is offered that the meter might refuse.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Measurement"))
        self._filling = False
        self.capabilities: DmmCapabilities | None = None
        self.function_combo = QComboBox()
        self.range_combo = QComboBox()
        self.nplc_combo = QComboBox()
        self.trigger_combo = QComboBox()
        self._fill(MeterSetup())
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
        """Translated names of the functions the meter view offers (vocabulary names)."""
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

    def trigger_names(self) -> dict[str, str]:
        return {"IMM": self.tr("Immediate"), "BUS": self.tr("Bus (Single)"),
                "EXT": self.tr("External")}

    def setup(self) -> MeterSetup:
        nplc = self.nplc_combo.currentData()
        return MeterSetup(
            function=self.function_combo.currentData(),
            range=self.range_combo.currentData(),
            nplc=float(nplc) if nplc is not None else 1.0,
            trigger=self.trigger_combo.currentData() or "IMM",
        )

    def set_capabilities(self, capabilities: DmmCapabilities | None) -> bool:
        """Offer what `capabilities` lists; True when the setup shown had to change
        (a range or NPLC this model does not have), so the owner can reconfigure."""
        before = self.setup()
        self.capabilities = capabilities
        self.show_setup(before)
        return self.setup() != before

    def show_setup(self, setup: MeterSetup) -> None:
        """Fill the menus for `setup`; a value the model lacks falls back to its nearest."""
        self._filling = True
        try:
            self._fill(setup)
        finally:
            self._filling = False

    # -- filling --------------------------------------------------------------------------

    def _offered_functions(self) -> list[str]:
        names = self.function_names()
        caps = self.capabilities
        return [f for f in (caps.functions if caps is not None else names) if f in names]

    def _fill(self, setup: MeterSetup) -> None:
        names = self.function_names()
        functions = self._offered_functions()
        function = setup.function if setup.function in functions else (
            functions[0] if functions else setup.function)
        _refill(self.function_combo, [(names.get(function, function), function)]
                if not functions else [(names[f], f) for f in functions], function)
        self._fill_ranges(function, setup.range)
        self._fill_nplc(setup.nplc)
        self._fill_triggers(setup.trigger)

    def _fill_ranges(self, function: str, keep: float | None) -> None:
        caps = self.capabilities
        unit = MeterSetup(function=function).unit
        if caps is None:
            ranges: tuple[float, ...] = () if keep is None else (keep,)
        else:
            ranges = caps.ranges_for(function)
        items: list[tuple[str, Any]] = [(self.tr("Auto"), None)]
        items += [(fmt_range(r, unit), r) for r in ranges]
        want = keep if keep is None or any(math.isclose(keep, r) for r in ranges) else None
        _refill(self.range_combo, items, want)

    def _fill_nplc(self, keep: float) -> None:
        caps = self.capabilities
        if caps is None:
            values: tuple[float, ...] = (keep,)
        elif caps.nplc:
            values = caps.nplc
            keep = caps.nearest_nplc(keep) or keep
        else:  # named speeds (Rigol): the view sets no NPLC; the meter keeps its own
            values = (keep,)
        label = self.tr("%1 PLC")
        _refill(self.nplc_combo,
                [(label.replace("%1", fmt_local(f"{v:g}")), v) for v in values], keep)
        self.nplc_combo.setEnabled(caps is None or bool(caps.nplc))

    def _fill_triggers(self, keep: str) -> None:
        caps = self.capabilities
        sources = caps.trigger_sources if caps is not None else ("IMM",) if keep == "IMM" \
            else ("IMM", keep)
        if keep not in sources:
            keep = "IMM"
        names = self.trigger_names()
        _refill(self.trigger_combo, [(names.get(t, t), t) for t in sources], keep)

    def _function_changed(self) -> None:
        if self._filling:
            return
        keep = self.range_combo.currentData()
        self._filling = True
        try:
            # A range kept only if the new function has it (10 V means nothing for Ω).
            self._fill_ranges(self.function_combo.currentData(), keep)
        finally:
            self._filling = False
        self.changed.emit()

    def _edited(self) -> None:
        if not self._filling:
            self.changed.emit()


def _refill(combo: QComboBox, items: list[tuple[str, Any]], current: Any) -> None:
    """Replace `combo`'s items and select `current` (the first item if it is not there)."""
    combo.clear()
    for text, data in items:
        combo.addItem(text, data)
    index = next((i for i, (_t, d) in enumerate(items) if _same(d, current)), 0)
    combo.setCurrentIndex(index if items else -1)


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, float) and isinstance(b, float):
        return math.isclose(a, b, rel_tol=1e-9)
    return bool(a == b)
