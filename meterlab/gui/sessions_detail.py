"""One session opened: who and what, the result per check, every reading, and a plot.

The readings table is a model over numpy arrays (formatted only for the rows on
screen), so a session of a million readings opens as fast as one of ten. The
plot shows the chosen check's readings over time beside their distribution,
with the limits drawn in and readings outside them in a distinct colour and
symbol.

Why one long module: the session detail shows one session's header, checks, plot and
integrity together and pages them in the background; splitting would pass one session's
state around.
"""

from __future__ import annotations

import html
import math
from dataclasses import dataclass
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from meterlab.gui import style
from meterlab.gui.decimate import peak_decimate, stride_pick
from meterlab.gui.fmt import DASH, fmt_reading, fmt_si
from meterlab.gui.plan_table import VerdictDelegate, rule_word, status_word
from meterlab.gui.style import VERDICT_BG, VERDICT_FG, outcome_word, verdict_word
from meterlab.readings import Verdict
from meterlab.store import SessionInfo

_Index = QModelIndex | QPersistentModelIndex
#: Points the session plots draw at most (beyond that they show a min/max envelope).
MAX_PLOT_POINTS = 4000


@dataclass
class Labels:
    """A text column as codes into a short list of names (a million rows, a few checks)."""

    codes: np.ndarray   # int32 index into names, -1 = none
    names: list[str]

    @classmethod
    def of(cls, column: Any) -> Labels:
        cat = column if str(column.dtype) == "category" else column.astype("category")
        return cls(cat.cat.codes.to_numpy(np.int32), [str(x) for x in cat.cat.categories])

    def at(self, row: int) -> str:
        code = int(self.codes[row])
        return self.names[code] if code >= 0 else ""

    def mask(self, name: str) -> np.ndarray:
        if name not in self.names:
            return np.zeros(self.codes.shape, bool)
        return self.codes == self.names.index(name)

    def counts(self) -> dict[str, int]:
        n = np.bincount(self.codes[self.codes >= 0], minlength=len(self.names))
        return {name: int(k) for name, k in zip(self.names, n, strict=True)}


@dataclass
class SessionData:
    """A session's metadata and its readings as plain arrays (built on a worker thread)."""

    info: SessionInfo
    t: np.ndarray
    check: Labels
    function: Labels
    unit: Labels
    value: np.ndarray
    overload: np.ndarray
    verdict: np.ndarray     # int8, -1 = not judged

    @classmethod
    def load(cls, store: Any, session_id: str) -> SessionData:
        info = store.session(session_id)
        frame = store.readings(info.id)
        return cls(info, frame["t"].to_numpy(np.float64), Labels.of(frame["check_id"]),
                   Labels.of(frame["function"]), Labels.of(frame["unit"]),
                   frame["value"].to_numpy(np.float64), frame["overload"].to_numpy(bool),
                   frame["verdict"].to_numpy(np.int8))

    def __len__(self) -> int:
        return int(self.t.shape[0])


class ReadingsModel(QAbstractTableModel):
    """Readings of one session for a QTableView; text is made only for visible cells."""

    HEADERS = ("time", "check", "function", "value", "verdict")

    def __init__(self) -> None:
        super().__init__()
        self.data_: SessionData | None = None

    def set_data(self, data: SessionData | None) -> None:
        self.beginResetModel()
        self.data_ = data
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's API
        return 0 if self.data_ is None or parent.isValid() else len(self.data_)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        names = {"time": self.tr("Time (UTC)"), "check": self.tr("Check"),
                 "function": self.tr("Function"), "value": self.tr("Value"),
                 "verdict": self.tr("Verdict")}
        return names[self.HEADERS[section]]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        d = self.data_
        if d is None or not index.isValid():
            return None
        row, col = index.row(), self.HEADERS[index.column()]
        code = int(d.verdict[row])
        if role == Qt.ItemDataRole.DisplayRole:
            if col == "time":
                return _utc_time(float(d.t[row]))
            if col == "check":
                return d.check.at(row)
            if col == "function":
                return d.function.at(row)
            if col == "value":
                return fmt_reading(float(d.value[row]), d.unit.at(row),
                                      bool(d.overload[row]), 5)
            if col == "verdict":
                if code < 0:
                    return DASH
                v = Verdict(code)
                return f"{v.symbol} {verdict_word(v)}"
        if role == Qt.ItemDataRole.TextAlignmentRole and col == "value":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if col == "verdict" and code >= 0:
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(QColor(VERDICT_BG[Verdict(code)]))
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor(VERDICT_FG[Verdict(code)]))
        return None


class SessionDetail(QWidget):
    """The lower half of the sessions view: `show_session(data)` fills it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data: SessionData | None = None
        self.header = QLabel()
        self.header.setObjectName("sessionHeader")
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.verify_label = QLabel()
        self.verify_label.setObjectName("verifyLabel")
        self.verify_label.setWordWrap(True)
        self.verify_label.hide()

        self.results = QTableWidget(0, 6)
        self.results.setObjectName("resultsTable")
        self.results.setHorizontalHeaderLabels([
            self.tr("Check"), self.tr("Title"), self.tr("Value"), self.tr("Limits"),
            self.tr("Verdict"), self.tr("Note")])
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.results.verticalHeader().setVisible(False)
        self.results.horizontalHeader().setStretchLastSection(True)
        for col, width in enumerate((90, 200, 95, 190, 120)):
            self.results.setColumnWidth(col, width)
        self.results.itemSelectionChanged.connect(self._result_selected)
        self.results.setItemDelegateForColumn(4, VerdictDelegate(self.results))

        self.model = ReadingsModel()
        self.readings = QTableView()
        self.readings.setObjectName("readingsTable")
        self.readings.setModel(self.model)
        self.readings.setItemDelegateForColumn(4, VerdictDelegate(self.readings))
        self.readings.verticalHeader().setVisible(False)
        self.readings.verticalHeader().setDefaultSectionSize(24)
        self.readings.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.readings.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.readings.horizontalHeader().setStretchLastSection(True)
        for col, width in enumerate((120, 100, 90, 120)):
            self.readings.setColumnWidth(col, width)

        self.tabs = QTabWidget()
        self.tabs.addTab(self.results, self.tr("Results per check"))
        self.tabs.addTab(self.readings, self.tr("Readings"))

        self.check_combo = QComboBox()
        self.check_combo.setObjectName("plotCheckCombo")
        self.check_combo.setMinimumWidth(200)
        self.check_combo.currentIndexChanged.connect(self._plot_selected)
        self.plot_info = QLabel()
        self.plot_info.setObjectName("plotInfo")
        self.trend = _plot_widget()
        self.trend.setLabel("bottom", self.tr("time since start"), units="s")
        self.hist = _plot_widget()
        self.hist.setLabel("left", self.tr("count"))
        self.trend_curve = pg.PlotDataItem(pen=pg.mkPen(style.BLUE, width=1.5), symbol="o",
                                           symbolSize=6, symbolBrush=style.BLUE,
                                           symbolPen=None)
        self.trend_bad = pg.ScatterPlotItem(symbol="x", size=12,
                                            pen=pg.mkPen(style.VERMILLION, width=2.5),
                                            brush=pg.mkBrush(style.VERMILLION))
        self.trend.addItem(self.trend_curve)
        self.trend.addItem(self.trend_bad)
        self.bars = pg.PlotDataItem(stepMode="center", fillLevel=0,
                                    pen=pg.mkPen(style.BLUE, width=1),
                                    brush=pg.mkBrush(0, 114, 178, 110))
        self.hist.addItem(self.bars)
        limit_pen = pg.mkPen(style.VERMILLION, width=2, style=Qt.PenStyle.DashLine)
        self.limit_lines = {
            "trend_lower": pg.InfiniteLine(angle=0, pen=limit_pen),
            "trend_upper": pg.InfiniteLine(angle=0, pen=limit_pen),
            "hist_lower": pg.InfiniteLine(angle=90, pen=limit_pen),
            "hist_upper": pg.InfiniteLine(angle=90, pen=limit_pen),
        }
        for key, line in self.limit_lines.items():
            (self.trend if key.startswith("trend") else self.hist).addItem(line)
            line.hide()

        plot_head = QHBoxLayout()
        plot_head.addWidget(QLabel(self.tr("Plot check")))
        plot_head.addWidget(self.check_combo)
        plot_head.addWidget(self.plot_info, 1)
        plots = QHBoxLayout()
        plots.addWidget(self.trend, 3)
        plots.addWidget(self.hist, 2)
        plot_box = QWidget()
        pv = QVBoxLayout(plot_box)
        pv.setContentsMargins(0, 0, 0, 0)
        pv.addLayout(plot_head)
        pv.addLayout(plots, 1)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.tabs)
        split.addWidget(plot_box)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([780, 520])
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.header)
        lay.addWidget(self.verify_label)
        lay.addWidget(split, 1)
        self.body = split
        self.show_session(None)

    # -- filling ------------------------------------------------------------------------------
    def show_session(self, data: SessionData | None) -> None:
        self.data = data
        self.model.set_data(data)
        self.results.setRowCount(0)
        self.check_combo.blockSignals(True)
        self.check_combo.clear()
        self.check_combo.blockSignals(False)
        self.set_verify(None)
        if data is None:
            self.header.setText(self.tr("Select a session above to see its results, readings "
                                        "and plots."))
            self._plot(None)
            self.body.hide()
            return
        self.body.show()
        self.header.setText(self._header_html(data.info))
        self._fill_results(data.info)
        counts = data.check.counts()
        checks = list(dict.fromkeys([c.check_id for c in data.info.checks]
                                    + [c for c in counts if c]))
        self.check_combo.blockSignals(True)
        for cid in checks:
            self.check_combo.addItem(self.tr("%1 (%2 readings)").replace("%1", cid)
                                     .replace("%2", str(counts.get(cid, 0))), cid)
        self.check_combo.blockSignals(False)
        # Start with the check that has most to show.
        if checks:
            self.check_combo.setCurrentIndex(max(range(len(checks)),
                                                 key=lambda i: counts.get(checks[i], 0)))
        self._plot_selected()

    def set_verify(self, result: Any) -> None:
        """Show a `VerifyResult` (None hides the line)."""
        if result is None:
            self.verify_label.hide()
            return
        if result.ok:
            text = "✔ " + self.tr("Verified: %1 records intact, final hash %2…") \
                .replace("%1", str(result.records)).replace("%2", (result.final_hash or "")[:16])
            colour, bg = "#00553D", "#E1F4EC"
        else:
            text = "✘ " + self.tr("ALTERED after recording: %1").replace(
                "%1", "; ".join(result.problems))
            colour, bg = "#8A2A00", "#FBE2D5"
        self.verify_label.setText(text)
        self.verify_label.setStyleSheet(
            f"QLabel#verifyLabel {{ color: {colour}; background: {bg}; font-weight: 600;"
            f" padding: 6px 10px; border-radius: 4px; }}")
        self.verify_label.show()

    def _header_html(self, s: SessionInfo) -> str:
        def e(x: object) -> str:
            return html.escape(str(x)) if x not in (None, "") else DASH

        cal_due = self.tr("cal. due")
        expired = self.tr("calibration expired")
        station, serial, rule = self.tr("station"), self.tr("serial"), self.tr("rule")
        inst = "; ".join(
            f"{e(i.role)}: {e(i.maker)} {e(i.model)} s/n {e(i.serial)}"
            + (f" ({cal_due} {e(i.cal_due)})" if i.cal_due else "")
            + (f" <b style='color:#A63A00'>{expired}</b>" if i.cal_expired else "")
            for i in s.instruments) or DASH
        plan = " ".join(x for x in (s.plan_name, s.plan_version and f"v{s.plan_version}") if x)
        if s.outcome is None:
            outcome = DASH
        else:
            v = s.outcome.colour_verdict
            outcome = (f"<b style='background:{VERDICT_BG[v]}; color:{VERDICT_FG[v]}'>"
                       f"&nbsp;{s.outcome.symbol} {e(outcome_word(s.outcome))}&nbsp;</b>")
        rows = [
            (self.tr("Outcome"), outcome),
            (self.tr("Session"), f"<b>{e(s.id)}</b> · {e(status_word(s.status))}"),
            (self.tr("When (UTC)"), f"{e(_utc_text(s.start_utc))} → {e(_utc_text(s.end_utc))}"),
            (self.tr("Operator"), f"{e(s.operator)} · {station} {e(s.station)}"),
            (self.tr("DUT"), f"{e(s.dut_type)} · {serial} <b>{e(s.dut_serial)}</b>"),
            (self.tr("Plan"), f"{e(plan)} · {rule} {e(rule_word(s.rule))}"),
            (self.tr("Instruments"), inst),
        ]
        cells = "".join(f"<tr><td style='color:#555555; padding-right:10px'>{k}</td>"
                        f"<td>{v}</td></tr>" for k, v in rows)
        return f"<table cellspacing='0' cellpadding='1'>{cells}</table>"

    def _fill_results(self, s: SessionInfo) -> None:
        last = {r.check_id: r for r in s.results}  # a retried check: the last attempt counts
        limits = {c.check_id: c for c in s.checks}
        order = list(dict.fromkeys([c.check_id for c in s.checks] + list(last)))
        self.results.setRowCount(len(order))
        for row, cid in enumerate(order):
            c, r = limits.get(cid), last.get(cid)
            unit = c.unit if c else ""
            if r is None:
                value, verdict, note = DASH, None, self.tr("not measured")
            else:
                v = math.nan if r.value is None else float(r.value)
                value = fmt_reading(v, unit, r.overload)
                verdict, note = r.verdict, r.note
                if r.n > 1:
                    note = self.tr("%1 readings").replace("%1", str(r.n)) + " · " + note
            cells = [cid, c.title if c else "", value, _limits_text(c), "", note]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if col == 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.results.setItem(row, col, item)
            vitem = QTableWidgetItem(DASH if verdict is None
                                     else f"{verdict.symbol}  {verdict_word(verdict)}")
            if verdict is not None:
                vitem.setBackground(QBrush(QColor(VERDICT_BG[verdict])))
                vitem.setForeground(QBrush(QColor(VERDICT_FG[verdict])))
                f = vitem.font()
                f.setBold(True)
                vitem.setFont(f)
            self.results.setItem(row, 4, vitem)

    # -- plotting ------------------------------------------------------------------------------
    def _result_selected(self) -> None:
        rows = {i.row() for i in self.results.selectedItems()}
        if rows:
            item = self.results.item(min(rows), 0)
            index = self.check_combo.findData(item.text()) if item is not None else -1
            if index >= 0:
                self.check_combo.setCurrentIndex(index)

    def _plot_selected(self) -> None:
        cid = self.check_combo.currentData()
        self._plot(str(cid) if cid is not None else None)

    def plotted_points(self) -> int:
        x, _y = self.trend_curve.getData()
        return 0 if x is None else len(x)

    def _plot(self, check_id: str | None) -> None:
        d = self.data
        for line in self.limit_lines.values():
            line.hide()
        if d is None or check_id is None:
            self.trend_curve.setData([], [])
            self.trend_bad.setData([], [])
            self.bars.setData([0, 1], [0])
            self.plot_info.setText("")
            return
        mask = d.check.mask(check_id)
        t = d.t[mask]
        y = d.value[mask]
        over = d.overload[mask]
        verdict = d.verdict[mask]
        first = int(np.argmax(mask)) if mask.any() else -1
        unit = d.unit.at(first) if first >= 0 else ""
        t0 = float(d.t[0]) if len(d) else 0.0
        x = t - t0
        ok = np.isfinite(y)
        bad = ok & (verdict >= int(Verdict.FAIL))
        xs, ys = x[ok], y[ok]
        if xs.size > MAX_PLOT_POINTS:
            # A million readings cannot be drawn one by one: keep each column's min and max
            # (no spike is lost), without per-point symbols.
            xs, ys = peak_decimate(xs, ys, MAX_PLOT_POINTS // 2)
            self.trend_curve.setSymbol(None)
        else:
            self.trend_curve.setSymbol("o")
        self.trend_curve.setData(xs, ys)
        self.trend_bad.setData(*stride_pick(x[bad], y[bad], MAX_PLOT_POINTS))
        self.trend.setLabel("left", check_id, units=unit)
        self.hist.setLabel("bottom", check_id, units=unit)
        finite = y[ok]
        limit = next((c for c in d.info.checks if c.check_id == check_id), None)
        if finite.size:
            # Bins across the tolerance too: where the readings sit inside it is the point.
            bounds = [float(finite.min()), float(finite.max())]
            if limit is not None:
                bounds += [b for b in (limit.lower, limit.upper)
                           if b is not None and math.isfinite(b)]
            lo, hi = min(bounds), max(bounds)
            if hi <= lo:
                span = abs(lo) * 1e-3 or 1e-9
                lo, hi = lo - span, hi + span
            bins = int(min(40, max(12, math.sqrt(finite.size) * 2)))
            counts, edges = np.histogram(finite, bins=bins, range=(lo, hi))
            self.bars.setData(edges, counts)
        else:
            self.bars.setData([0, 1], [0])
        if limit is not None:
            for side, value in (("lower", limit.lower), ("upper", limit.upper)):
                if value is not None and math.isfinite(value):
                    for where in ("trend", "hist"):
                        line = self.limit_lines[f"{where}_{side}"]
                        line.setValue(value)
                        line.show()
        n_over = int(over.sum())
        parts = [self.tr("%1 readings").replace("%1", str(int(mask.sum())))]
        if bad.any():
            parts.append(self.tr("%1 outside the limits").replace("%1", str(int(bad.sum()))))
        if n_over:
            parts.append(self.tr("%1 overload").replace("%1", str(n_over)))
        if limit is not None:
            parts.append(_limits_text(limit))
        self.plot_info.setText(" · ".join(parts))
        self.trend.enableAutoRange()
        self.hist.enableAutoRange()


def _plot_widget() -> pg.PlotWidget:
    w = pg.PlotWidget()
    w.setBackground("w")
    w.setMenuEnabled(False)
    w.getPlotItem().hideButtons()
    w.showGrid(x=True, y=True, alpha=0.25)
    w.setMinimumHeight(180)
    return w


def _limits_text(c: Any) -> str:
    if c is None:
        return DASH
    lo = c.lower if c.lower is not None and math.isfinite(c.lower) else None
    hi = c.upper if c.upper is not None and math.isfinite(c.upper) else None
    if lo is not None and hi is not None:
        return f"{fmt_si(lo, c.unit)} … {fmt_si(hi, c.unit)}"
    if lo is not None:
        return f"≥ {fmt_si(lo, c.unit)}"
    if hi is not None:
        return f"≤ {fmt_si(hi, c.unit)}"
    return c.limit_text or DASH


def _utc_time(t: float) -> str:
    if not math.isfinite(t):
        return DASH
    import datetime as dt

    s = dt.datetime.fromtimestamp(t, dt.UTC)
    return s.strftime("%H:%M:%S.") + f"{s.microsecond // 1000:03d}"


def _utc_text(text: str | None) -> str:
    if not text:
        return ""
    return text[:19].replace("T", " ")
