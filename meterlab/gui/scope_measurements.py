"""The scope view's automatic measurements: the scope's own Vpp, Vrms, frequency,
duty cycle and rise time for one channel, each with an optional limit and a verdict.

The numbers come from the instrument (`Oscilloscope.measure`, read on the
worker thread), so they are what the scope itself would show. A limit takes
any form the tolerance parser knows ("1 kHz ±1 %", "20 % .. 30 %", ">= 3 V").
Duty cycle is shown and judged in percent. A measurement the scope could not
make (no edge, no full period) is ERROR under a limit: a missing number must
never pass.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from meterlab.errors import MeterlabError
from meterlab.gui import limits as limits_mod
from meterlab.gui.fmt import DASH, fmt_value
from meterlab.gui.polish import repolish
from meterlab.gui.scope_worker import MEASURE_ITEMS
from meterlab.gui.style import VERDICT_BG, VERDICT_FG, verdict_word
from meterlab.readings import Verdict
from meterlab.vocabulary import SCOPE_MEASUREMENTS

#: The measurements shown, in order: the ones the scope worker reads. Their units and
#: scale come from the vocabulary.
SHOWN: tuple[str, ...] = MEASURE_ITEMS
#: Translated labels of the shown measurements (the vocabulary's words are English).
_LABELS = {
    "VPP": QT_TRANSLATE_NOOP("ScopeMeasurements", "Peak-to-peak (Vpp)"),
    "VRMS": QT_TRANSLATE_NOOP("ScopeMeasurements", "RMS (Vrms)"),
    "FREQ": QT_TRANSLATE_NOOP("ScopeMeasurements", "Frequency"),
    "PDUT": QT_TRANSLATE_NOOP("ScopeMeasurements", "Duty cycle"),
    "RTIM": QT_TRANSLATE_NOOP("ScopeMeasurements", "Rise time"),
}
#: item → (label, unit shown, factor from the scope's value to the unit shown)
ITEMS: dict[str, tuple[str, str, float]] = {
    name: (_LABELS.get(name, SCOPE_MEASUREMENTS[name].quantity), SCOPE_MEASUREMENTS[name].unit,
           SCOPE_MEASUREMENTS[name].factor)
    for name in SHOWN
}
COLUMNS = 4
COL_NAME, COL_VALUE, COL_LIMIT, COL_VERDICT = range(COLUMNS)


class ScopeMeasurements(QWidget):
    """A table of the scope's measurements for the chosen channel, judged against limits."""

    #: the channel to measure changed ("CH1"…)
    sourceChanged = Signal(str)

    def __init__(self, channels: int = 4, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scopeMeasurements")
        self.setStyleSheet(
            'QLineEdit#scopeLimitEdit[invalid="true"] { border: 2px solid #D55E00;'
            " background: #FFF3EC; }")
        self.source_combo = QComboBox()
        self.source_combo.setObjectName("measureSource")
        for n in range(1, channels + 1):
            self.source_combo.addItem(f"CH{n}", f"CH{n}")
        self.source_combo.currentIndexChanged.connect(self._source_changed)
        title = QLabel(self.tr("Measurements on"))
        title.setObjectName("viewTitle")
        head = QHBoxLayout()
        head.addWidget(title)
        head.addWidget(self.source_combo)
        head.addStretch(1)

        self.table = QTableWidget(len(ITEMS), COLUMNS)
        self.table.setObjectName("measureTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Measurement"), self.tr("Value"), self.tr("Limit"), self.tr("Verdict")])
        self.table.verticalHeader().hide()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_VALUE, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(COL_LIMIT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_VERDICT, QHeaderView.ResizeMode.Fixed)
        self.table.setColumnWidth(COL_VALUE, 112)
        self.table.setColumnWidth(COL_VERDICT, 124)
        mono = QFont("DejaVu Sans Mono")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        mono.setPointSize(11)
        self.limit_edits: dict[str, QLineEdit] = {}
        self.value_items: dict[str, QTableWidgetItem] = {}
        self.verdict_items: dict[str, QTableWidgetItem] = {}
        for row, (key, (label, _unit, _f)) in enumerate(ITEMS.items()):
            name = QTableWidgetItem(QCoreApplication.translate("ScopeMeasurements", label))
            self.table.setItem(row, COL_NAME, name)
            value = QTableWidgetItem(DASH)
            value.setFont(mono)
            value.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, COL_VALUE, value)
            self.value_items[key] = value
            edit = QLineEdit()
            edit.setObjectName("scopeLimitEdit")
            edit.setClearButtonEnabled(True)
            edit.setPlaceholderText(self._example(key))
            edit.editingFinished.connect(lambda k=key: self.apply_limit(k))
            self.table.setCellWidget(row, COL_LIMIT, edit)
            self.limit_edits[key] = edit
            verdict = QTableWidgetItem("")
            verdict.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            bold = QFont()
            bold.setBold(True)
            verdict.setFont(bold)
            self.table.setItem(row, COL_VERDICT, verdict)
            self.verdict_items[key] = verdict
        self.table.resizeRowsToContents()
        for row in range(len(ITEMS)):
            self.table.setRowHeight(row, 27)
        # Every row visible without scrolling: a hidden FAIL is no verdict at all.
        self.table.setMinimumHeight(self.table.horizontalHeader().sizeHint().height()
                                    + 27 * len(ITEMS) + 2 * self.table.frameWidth() + 2)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Room for a limit such as "1 kHz ±1 %" beside name, value and verdict: a
        # squeezed limit field hides what the verdict is judged against.
        name_w = max(self.table.fontMetrics().horizontalAdvance(self.table.item(r, COL_NAME).text())
                     for r in range(len(ITEMS))) + 24
        self.table.setMinimumWidth(name_w + 112 + 170 + 124 + 2 * self.table.frameWidth() + 4)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(head)
        lay.addWidget(self.table, 1)

        #: limit text per (source, item), so each channel keeps its own limits
        self._texts: dict[tuple[str, str], str] = {}
        self._limits: dict[str, object | None] = dict.fromkeys(ITEMS)
        self.errors: dict[str, str] = {}
        self.values: dict[str, float] = dict.fromkeys(ITEMS, math.nan)
        self.verdicts: dict[str, Verdict | None] = dict.fromkeys(ITEMS)
        for key in ITEMS:
            self._show_verdict(key, None, self.tr("no limit"))

    def _example(self, key: str) -> str:
        examples = {"VPP": "3.3 V ±5 %", "VRMS": ">= 1 V", "FREQ": "1 kHz ±1 %",
                    "PDUT": "20 % .. 30 %", "RTIM": "<= 50 ns"}
        return self.tr("e.g. %1").replace("%1", examples[key])

    @property
    def source(self) -> str:
        return str(self.source_combo.currentData())

    def set_source(self, source: str) -> None:
        i = self.source_combo.findData(source)
        if i >= 0:
            self.source_combo.setCurrentIndex(i)

    def _source_changed(self) -> None:
        src = self.source
        for key, edit in self.limit_edits.items():
            edit.setText(self._texts.get((src, key), ""))
            self.apply_limit(key)
        self.update_values({})
        self.sourceChanged.emit(src)

    # -- limits ------------------------------------------------------------------------------
    def set_limit(self, item: str, text: str) -> bool:
        """Set the limit of `item` (VPP, VRMS, FREQ, PDUT, RTIM) for the current channel."""
        self.limit_edits[item].setText(text)
        return self.apply_limit(item)

    def apply_limit(self, item: str) -> bool:
        edit = self.limit_edits[item]
        text = edit.text().strip()
        self._texts[(self.source, item)] = text
        self.errors.pop(item, None)
        if not text:
            self._limits[item] = None
            self._mark_invalid(edit, "")
            self._judge(item)
            return True
        unit = ITEMS[item][1]
        try:
            self._limits[item] = limits_mod.parse(text, unit)
        except MeterlabError as exc:
            self._limits[item] = None
            self.errors[item] = str(exc)
            self._mark_invalid(edit, str(exc))
            self._judge(item)
            return False
        self._mark_invalid(edit, "")
        self._judge(item)
        return True

    def _mark_invalid(self, edit: QLineEdit, message: str) -> None:
        edit.setProperty("invalid", bool(message))
        edit.setToolTip(f"⚠ {message}" if message else "")
        repolish(edit)

    # -- values ----------------------------------------------------------------------------------
    def update_values(self, values: dict[str, float]) -> None:
        """Show the scope's numbers (in its units: duty as a fraction) and judge them."""
        for key, (_label, unit, factor) in ITEMS.items():
            raw = values.get(key, math.nan)
            v = raw * factor if raw is not None and math.isfinite(raw) else math.nan
            self.values[key] = v
            text = fmt_value(v, unit, 4)
            if self.value_items[key].text() != text:
                self.value_items[key].setText(text)
            self._judge(key)

    def _judge(self, key: str) -> None:
        limit = self._limits.get(key)
        if key in self.errors:
            self._show_verdict(key, None, self.tr("invalid limit"))
            return
        if limit is None:
            self._show_verdict(key, None, self.tr("no limit"))
            return
        v = self.values.get(key, math.nan)
        verdict = Verdict(int(limit.evaluate(v).verdicts[0]))  # type: ignore[attr-defined]
        self._show_verdict(key, verdict, "")

    def _show_verdict(self, key: str, verdict: Verdict | None, hint: str) -> None:
        cell = self.verdict_items[key]
        if verdict is None:
            text = hint
            bg, fg = QColor("#F0F0F0"), QColor("#555555")
        else:
            text = f"{verdict.symbol}  {verdict_word(verdict)}"
            bg, fg = QColor(VERDICT_BG[verdict]), QColor(VERDICT_FG[verdict])
        self.verdicts[key] = verdict
        if cell.text() != text:
            cell.setText(text)
            cell.setBackground(QBrush(bg))
            cell.setForeground(QBrush(fg))
            cell.setToolTip(self.errors.get(key, ""))

    # -- persistence --------------------------------------------------------------------------
    def limit_texts(self) -> dict[str, str]:
        return {f"{src}/{item}": text for (src, item), text in self._texts.items() if text}

    def restore_limit_texts(self, texts: dict[str, str]) -> None:
        for key, text in texts.items():
            src, _, item = key.partition("/")
            if item in ITEMS:
                self._texts[(src, item)] = text
        self._source_changed()
