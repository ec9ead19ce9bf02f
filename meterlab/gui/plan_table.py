"""The live verdict table of a plan run: the paper test sheet, filled in as the run goes.

Every check of the plan is listed before the run starts, so the person sees
the whole sheet; rows fill with a value, the limits and a verdict as results
arrive, and a retried check replaces its own row. The verdict cell carries the
word, the symbol and the colour, so it reads without colour vision too.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
)

from meterlab.gui.fmt import DASH, fmt_reading
from meterlab.gui.style import VERDICT_BG, VERDICT_FG, verdict_word
from meterlab.plan import Check, Plan
from meterlab.runner import CheckResult

COLUMNS = ("check", "title", "value", "limits", "verdict", "note")
COL = {name: i for i, name in enumerate(COLUMNS)}
SKIPPED_FG = "#555555"
CURRENT_BG = "#E3F1FB"


def status_word(status: str) -> str:
    """A session status (as the store spells it) in the user's language."""
    words = {
        "complete": QCoreApplication.translate("Session", "complete"),
        "aborted": QCoreApplication.translate("Session", "aborted"),
        "incomplete": QCoreApplication.translate("Session", "incomplete"),
        "running": QCoreApplication.translate("Session", "running"),
    }
    return words.get(status, status)


def rule_word(rule: str) -> str:
    """A decision rule's name in the user's language."""
    words = {"simple": QCoreApplication.translate("Session", "simple"),
             "guarded": QCoreApplication.translate("Session", "guarded")}
    return words.get(rule, rule)


class VerdictDelegate(QStyledItemDelegate):
    """Paints a verdict cell in its own colours even in a selected row.

    The selection highlight would otherwise paint over exactly the cell the
    person selected the row to look at; the rest of the row still shows it.
    """

    def initStyleOption(self, option: QStyleOptionViewItem,
                        index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        if index.data(Qt.ItemDataRole.BackgroundRole) is not None:
            option.state &= ~QStyle.StateFlag.State_Selected  # type: ignore[assignment]


class PlanTable(QTableWidget):
    """One row per check; `show_result()` fills a row, `mark_current()` points at one."""

    def __init__(self) -> None:
        super().__init__(0, len(COLUMNS))
        self.setObjectName("planTable")
        self.setHorizontalHeaderLabels([
            self.tr("Check"), self.tr("Title"), self.tr("Value"), self.tr("Limits"),
            self.tr("Verdict"), self.tr("Note"),
        ])
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(False)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(34)
        self.setWordWrap(False)
        head = self.horizontalHeader()
        head.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        head.setStretchLastSection(True)
        for name, width in (("check", 110), ("title", 280), ("value", 130), ("limits", 430),
                            ("verdict", 175)):
            self.setColumnWidth(COL[name], width)
        self.setItemDelegateForColumn(COL["verdict"], VerdictDelegate(self))
        self.rows: dict[str, int] = {}
        #: The result each row shows (None while not measured).
        self.results: dict[str, CheckResult | None] = {}
        self._current = ""

    def set_plan(self, plan: Plan) -> None:
        self.clearContents()
        self.setRowCount(len(plan.checks))
        self.rows = {c.id: i for i, c in enumerate(plan.checks)}
        self.results = dict.fromkeys(self.rows)
        self._current = ""
        mono = QFont("DejaVu Sans Mono")
        for i, c in enumerate(plan.checks):
            self._set(i, "check", c.id, tip=c.describe())
            self._set(i, "title", c.title, tip=c.describe())
            self._set(i, "value", DASH, align=Qt.AlignmentFlag.AlignRight, font=mono)
            self._set(i, "limits", c.limit.describe(), tip=c.limit.text)
            self._set(i, "verdict", self.tr("pending"), fg=SKIPPED_FG)
            self._set(i, "note", "")

    def _set(self, row: int, col: str, text: str, *, tip: str = "", fg: str | None = None,
             bg: str | None = None, bold: bool = False, align: Qt.AlignmentFlag | None = None,
             font: QFont | None = None) -> QTableWidgetItem:
        item = self.item(row, COL[col])
        if item is None:
            item = QTableWidgetItem()
            self.setItem(row, COL[col], item)
        item.setText(text)
        item.setToolTip(tip or text)
        if font is not None:
            item.setFont(font)
        if bold:
            f = item.font()
            f.setBold(True)
            item.setFont(f)
        item.setForeground(QBrush(QColor(fg)) if fg else QBrush())
        item.setBackground(QBrush(QColor(bg)) if bg else QBrush())
        if align is not None:
            item.setTextAlignment(align | Qt.AlignmentFlag.AlignVCenter)
        return item

    def mark_current(self, check: Check | None, text: str = "") -> None:
        """Point at the check being prompted or measured (a tinted row, a word in its cell)."""
        if self._current in self.rows and self.results.get(self._current) is None:
            self._set(self.rows[self._current], "verdict", self.tr("pending"), fg=SKIPPED_FG)
        self._current = check.id if check is not None else ""
        if check is None or check.id not in self.rows:
            return
        row = self.rows[check.id]
        self._set(row, "verdict", text or self.tr("▶ measuring…"), bg=CURRENT_BG, bold=True)
        self.scrollToItem(self.item(row, 0))

    def show_result(self, result: CheckResult, *, retry: bool = False,
                    note_extra: str = "") -> None:
        cid = result.check.id
        if cid not in self.rows:
            return
        row = self.rows[cid]
        self.results[cid] = result
        c = result.check
        if result.skipped:
            self._set(row, "value", DASH, align=Qt.AlignmentFlag.AlignRight)
            self._set(row, "verdict", "⏭ " + self.tr("SKIPPED"), fg=SKIPPED_FG, bold=True)
            self._set(row, "note", self.tr("skipped by the operator"), fg=SKIPPED_FG)
            return
        value = fmt_reading(result.value, c.unit, result.overload)
        if result.overload:
            value = self.tr("OVERLOAD")
        tip = value
        if len(result.values) > 1:
            tip = self.tr("%1 of %2 readings").replace("%1", self._reduce_word(c.reduce)) \
                .replace("%2", str(len(result.values)))
        self._set(row, "value", value, tip=tip, align=Qt.AlignmentFlag.AlignRight, bold=True)
        v = result.verdict
        self._set(row, "verdict", f"{v.symbol}  {verdict_word(v)}", fg=VERDICT_FG[v],
                  bg=VERDICT_BG[v], bold=True)
        notes = [n for n in (result.message, result.warning, note_extra) if n]
        if retry:
            notes.insert(0, self.tr("retried"))
        self._set(row, "note", " · ".join(notes), tip="\n".join(notes))

    def _reduce_word(self, how: str) -> str:
        return {"mean": self.tr("mean"), "max": self.tr("maximum"),
                "min": self.tr("minimum")}.get(how, self.tr("last"))

    def verdict_text(self, check_id: str) -> str:
        """The verdict cell's text (tests and screen readers)."""
        item = self.item(self.rows[check_id], COL["verdict"])
        return item.text() if item is not None else ""

    def cell_text(self, check_id: str, col: str) -> str:
        item = self.item(self.rows[check_id], COL[col])
        return item.text() if item is not None else ""

    def selected_check(self) -> str | None:
        rows = {i.row() for i in self.selectedItems()}
        for cid, r in self.rows.items():
            if r in rows:
                return cid
        return None
