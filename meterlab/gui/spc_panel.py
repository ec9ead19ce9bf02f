"""Process statistics in the app: the figures of `meterlab spc` and its control chart.

Quality staff who browse a lab database (or a bench's own file) in the Sessions tab ask
the next question there: is this plan's process capable and in control? The panel asks
for a plan, optionally one check, a start date and whether to split by station, then
shows per check what `meterlab spc` prints — count, mean, σ, Cp, Cpk, fraction out of
tolerance, overloads, points out of control — and, for the row picked, the individuals
and moving-range charts with the Western Electric violations ringed in red.

The figures come from `meterlab.spc` (Qt-free, the same code as the command), computed
on a worker thread (`gui.tasks`): reading a lab's batches may take seconds and the
window must not freeze meanwhile. Only the drawing (pyqtgraph) lives here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from meterlab.gui import style
from meterlab.gui.tasks import run_in_background

# Individuals drawn at most (the newest), as in the PNG; the figures use every reading.
MAX_POINTS = 5000
# Rule numbers written beside at most this many ringed points (the rings are all drawn).
MAX_LABELS = 50


def figures(st: Any) -> list[str]:
    """A row of the table for one `spc.CheckStats`, worded as `meterlab spc` prints it."""
    from meterlab.units import format_si

    s = st.series
    unit = s.limits.unit

    def si(x: float | None) -> str:
        return "—" if x is None else format_si(x, unit)

    def ratio(x: float | None) -> str:
        return "—" if x is None else f"{x:.3f}"

    ooc = "—"
    if st.chart is not None:
        ooc = ", ".join(f"{r}: {len(p)}" for r, p in sorted(st.chart.signals.items()) if p)
    frac = "—" if st.frac_out is None else f"{100 * st.frac_out:.2f} %"
    return [s.check_id, s.group or "—", str(st.count), si(st.mean), si(st.std),
            ratio(st.cp), ratio(st.cpk), frac, str(s.n_overload), ooc or "none"]


class SpcPanel(QDialog):
    """SPC of one plan in the database at `db_path` (a bench's file or a lab's URL)."""

    # A computation ended: the number of rows shown (-1: it failed, said in the label).
    computed = Signal(int)

    def __init__(self, db_path: str | Path, plans: list[str], plan: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("spcPanel")
        self.setWindowTitle(self.tr("Statistics (SPC)"))
        self.db_path = db_path
        self.stats: list[Any] = []
        self._generation = 0
        self._build(plans, plan)
        self.resize(1100, 760)

    # -- construction -----------------------------------------------------------------------
    def _build(self, plans: list[str], plan: str) -> None:
        self.plan_combo = QComboBox()
        self.plan_combo.setEditable(True)
        self.plan_combo.addItems(plans)
        self.plan_combo.setCurrentText(plan or (plans[0] if plans else ""))
        self.plan_combo.setMinimumWidth(220)
        self.check_edit = QLineEdit()
        self.check_edit.setPlaceholderText(self.tr("all checks"))
        self.check_edit.setClearButtonEnabled(True)
        self.since_box = QCheckBox(self.tr("Since"))
        self.since_edit = QDateEdit(QDate.currentDate().addDays(-30))
        self.since_edit.setCalendarPopup(True)
        self.since_edit.setDisplayFormat("yyyy-MM-dd")
        self.since_edit.setEnabled(False)
        self.since_box.toggled.connect(self.since_edit.setEnabled)
        self.by_station = QCheckBox(self.tr("By station"))
        self.by_station.setToolTip(self.tr("One row and one chart per check and station"))
        self.compute_button = QPushButton(self.tr("Compute"))
        self.compute_button.setDefault(True)
        self.compute_button.clicked.connect(self.compute)
        self.check_edit.returnPressed.connect(self.compute)

        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Plan:")))
        bar.addWidget(self.plan_combo, 2)
        bar.addWidget(QLabel(self.tr("Check:")))
        bar.addWidget(self.check_edit, 1)
        bar.addWidget(self.since_box)
        bar.addWidget(self.since_edit)
        bar.addWidget(self.by_station)
        bar.addWidget(self.compute_button)

        self.table = QTableWidget(0, 10)
        self.table.setObjectName("spcTable")
        self.table.setHorizontalHeaderLabels([
            self.tr("Check"), self.tr("Station"), "n", self.tr("Mean"), "σ",
            "Cp", "Cpk", self.tr("Out of tol."), self.tr("Overloads"),
            self.tr("Out of control (rule: points)")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._row_changed)

        self.status = QLabel(self.tr("Pick a plan and press Compute."))
        self.status.setObjectName("spcStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.charts = pg.GraphicsLayoutWidget()
        self.charts.setBackground("w")
        self.x_plot = self.charts.addPlot(row=0, col=0)
        self.mr_plot = self.charts.addPlot(row=1, col=0)
        self.mr_plot.setXLink(self.x_plot)
        for p in (self.x_plot, self.mr_plot):
            p.showGrid(x=True, y=True, alpha=0.2)
        self.mr_plot.setLabel("bottom", self.tr("reading, oldest session first"))
        self.ooc_item = pg.ScatterPlotItem(size=11, pen=pg.mkPen(style.VERMILLION, width=2),
                                           brush=None, symbol="o")

        top = QWidget()
        tv = QVBoxLayout(top)
        tv.setContentsMargins(0, 0, 0, 0)
        tv.addLayout(bar)
        tv.addWidget(self.table, 1)
        tv.addWidget(self.status)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(self.charts)
        split.setSizes([260, 480])
        lay = QVBoxLayout(self)
        lay.addWidget(split)

    # -- computing ----------------------------------------------------------------------------
    def compute(self) -> None:
        """Read the plan's readings and compute the figures on a worker thread."""
        plan = self.plan_combo.currentText().strip()
        if not plan:
            self.status.setText(self.tr("Pick a plan first."))
            return
        check = self.check_edit.text().strip() or None
        since = (self.since_edit.date().toString("yyyy-MM-dd") if self.since_box.isChecked()
                 else None)
        by = self.by_station.isChecked()
        path = self.db_path
        self._generation += 1
        generation = self._generation

        def work() -> list[Any]:
            from meterlab.spc import check_stats, load_series
            from meterlab.store import SessionStore

            with SessionStore(path) as store:
                series = load_series(store, plan, check=check, since=since, by_station=by)
            return [check_stats(s) for s in series]

        def done(stats: list[Any]) -> None:
            if generation == self._generation:
                self._show(stats, plan, check)

        def failed(exc: BaseException) -> None:
            if generation == self._generation:
                from meterlab.gui.sessions_view import _words

                self.status.setText("⚠ " + _words(exc))
                self.compute_button.setEnabled(True)
                self.computed.emit(-1)

        self.compute_button.setEnabled(False)
        self.status.setText(self.tr("Computing the statistics of %1…").replace("%1", plan))
        run_in_background(work, done, failed, self, "spc")

    def _show(self, stats: list[Any], plan: str, check: str | None) -> None:
        self.compute_button.setEnabled(True)
        self.stats = stats
        self.table.setColumnHidden(1, not any(s.series.group for s in stats))
        self.table.setRowCount(len(stats))
        for row, st in enumerate(stats):
            for col, text in enumerate(figures(st)):
                item = QTableWidgetItem(text)
                if 2 <= col <= 8:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                if col == 9 and st.chart is not None and st.chart.out_of_control().size:
                    item.setForeground(Qt.GlobalColor.red)
                self.table.setItem(row, col, item)
        self.table.resizeColumnsToContents()
        if stats:
            self.status.setText(self.tr(
                "Plan %1 in %2. σ: sample standard deviation; Cp/Cpk against each check's "
                "limits; control limits from the mean moving range / 1.128. Out-of-control "
                "points (Western Electric rules 1–4) are ringed in red.")
                .replace("%1", plan).replace("%2", str(self.db_path)))
            self.table.selectRow(0)
        else:
            what = plan + (f" · {check}" if check else "")
            self.status.setText(self.tr("No readings of plan %1 in %2.")
                                .replace("%1", what).replace("%2", str(self.db_path)))
            self._draw(None)
        self.computed.emit(len(stats))

    # -- the chart ------------------------------------------------------------------------------
    def _row_changed(self) -> None:
        rows = {i.row() for i in self.table.selectedItems()}
        self._draw(self.stats[min(rows)] if rows and min(rows) < len(self.stats) else None)

    def _draw(self, st: Any | None) -> None:
        """The individuals and moving-range charts of one row (cleared when None)."""
        self.x_plot.clear()
        self.mr_plot.clear()
        self.ooc_item.setData([], [])
        self.x_plot.setTitle("")
        self.mr_plot.setTitle("")
        if st is None or st.chart is None:
            return
        ch, x = st.chart, st.series.values
        first = max(0, x.shape[0] - MAX_POINTS)
        idx = np.arange(first, x.shape[0])
        unit = st.series.limits.unit
        dash = Qt.PenStyle.DashLine
        self.x_plot.setLabel("left", units=unit)
        self.mr_plot.setLabel("left", units=unit)
        self.x_plot.plot(idx, x[first:], pen=pg.mkPen(style.BLUE, width=1), symbol="o",
                         symbolSize=4, symbolBrush=style.BLUE, symbolPen=None)
        for y, pen_style in ((ch.centre, Qt.PenStyle.SolidLine), (ch.ucl, dash), (ch.lcl, dash)):
            self.x_plot.addLine(y=y, pen=pg.mkPen(style.GREY, width=1, style=pen_style))
        ooc = ch.out_of_control()
        ooc = ooc[ooc >= first]
        self.ooc_item.setData(ooc.astype(float), x[ooc])
        self.x_plot.addItem(self.ooc_item)
        for rule, pts in sorted(ch.signals.items()):
            for i in [p for p in pts if p >= first][:MAX_LABELS]:
                label = pg.TextItem(str(rule), color=style.VERMILLION, anchor=(0, 1))
                label.setPos(i, x[i])
                self.x_plot.addItem(label)
        name = st.series.check_id + (f" · {st.series.group}" if st.series.group else "")
        from meterlab.units import format_si

        self.x_plot.setTitle(self.tr("%1: individuals, centre %2, UCL %3, LCL %4")
                             .replace("%1", name).replace("%2", format_si(ch.centre, unit))
                             .replace("%3", format_si(ch.ucl, unit))
                             .replace("%4", format_si(ch.lcl, unit)), size="9pt")
        mr_first = max(0, first - 1)
        self.mr_plot.plot(np.arange(mr_first + 1, x.shape[0]), ch.mr[mr_first:],
                          pen=pg.mkPen(style.BLUE, width=1))
        self.mr_plot.addLine(y=ch.mr_bar, pen=pg.mkPen(style.GREY, width=1))
        self.mr_plot.addLine(y=ch.mr_ucl, pen=pg.mkPen(style.GREY, width=1, style=dash))
        self.mr_plot.setTitle(self.tr("moving range, MR̄ %1, UCL %2")
                              .replace("%1", format_si(ch.mr_bar, unit))
                              .replace("%2", format_si(ch.mr_ucl, unit)), size="9pt")
