"""XLSX export: a Summary sheet for the reader, the Readings for the analyst, the Limits.

Written with openpyxl's streaming (write-only) mode, row by row from plain Python
lists, which is what keeps a million readings within the time of a bare pandas
`to_excel` of the same frame. Verdict cells are coloured by conditional formatting
on the verdict column, not cell by cell: the colours cost nothing per row and
stay right if someone sorts the sheet. Every text cell goes through `neutralise`,
because openpyxl writes any string starting with "=" as a formula.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from meterlab import __version__
from meterlab.errors import UsageError
from meterlab.export import (
    META_FIELDS,
    check_statistics,
    time_text,
    verdict_text,
)
from meterlab.export import _text_column as _inert_column
from meterlab.export import neutralise as _inert
from meterlab.export_checks import result_text
from meterlab.store import SessionInfo, SessionStore

XLSX_MAX_ROWS = 1_048_576
#: Fill and font per verdict; colour-blind readers still have the word in the cell.
VERDICT_COLOURS = {
    "PASS": ("C6EFCE", "006100"), "MARGINAL": ("FFEB9C", "9C5700"),
    "INDETERMINATE": ("FFEB9C", "9C5700"), "FAIL": ("FFC7CE", "9C0006"),
    "OVERLOAD": ("E4C7F0", "5B1F73"), "ERROR": ("D9D9D9", "3F3F3F"),
}
_BOLD = Font(bold=True)
# XLSX is XML 1.0, which cannot hold control characters other than tab, LF and CR (openpyxl
# raises on them); an ESC typed into --operator becomes visible \xNN text instead.
_CONTROLS = {c: f"\\x{c:02x}" for c in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20))}


def neutralise(text: Any) -> str:
    """`export.neutralise`, plus control characters made visible so the cell can be written."""
    s = _inert(text)
    return s.translate(_CONTROLS) if not s.isprintable() else s


def _text_column(col: pd.Series) -> np.ndarray:
    out = _inert_column(col)
    distinct = set(out.tolist())
    if all(x.isprintable() for x in distinct):
        return out
    table = {x: neutralise(x) for x in distinct}
    return np.array([table[x] for x in out], dtype=object)
_TITLE = Font(bold=True, size=14)


def write_xlsx(infos: list[SessionInfo], frame: pd.DataFrame, path: str | Path) -> None:
    n = len(frame)
    if n + 1 > XLSX_MAX_ROWS:
        raise UsageError(f"{n:,} readings do not fit in one Excel sheet (at most "
                         f"{XLSX_MAX_ROWS - 1:,}). Export to csv or parquet, or fewer sessions.")
    wb = Workbook(write_only=True)
    _summary(wb, infos, frame)
    _readings(wb, frame)
    _limits(wb, infos)
    wb.save(str(path))


def _cell(ws: Any, value: Any, font: Font | None = None) -> Any:
    c = WriteOnlyCell(ws, value=value)
    if font is not None:
        c.font = font
    return c


def _v(x: Any) -> Any:
    """A number for a cell: None instead of NaN or ±inf (which Excel cannot read; an
    infinite limit is an open side, and the limit text says so)."""
    if x is None:
        return None
    if isinstance(x, float | np.floating):
        return float(x) if np.isfinite(x) else None
    return x


def write_xlsx_stream(store: SessionStore, infos: list[SessionInfo], ids: list[str],
                      path: str | Path) -> None:
    """The same workbook, from the store piece by piece: statistics from a first pass of
    running sums, then the readings, continued on "Readings 2", "Readings 3"… past
    Excel's 1,048,576 rows per sheet."""
    from meterlab.export_stream import check_statistics_stream, export_frames, unmeasured_count

    stats = {info.id: check_statistics_stream(store, info) for info in infos}
    wb = Workbook(write_only=True)
    _summary(wb, infos, None, stats)
    # the readings, and a row for each check without readings (export_frames)
    total = sum(info.n_readings for info in infos) + unmeasured_count(infos, stats)
    units = sorted({s["unit"] for rows in stats.values() for s in rows})
    per_sheet = XLSX_MAX_ROWS - 1
    ws, room, sheet_no = None, 0, 0
    for _, piece in export_frames(store, infos, ids):
        rows = _reading_rows(piece)
        i = 0
        while i < len(piece):
            if room == 0:
                sheet_no += 1
                n_here = min(per_sheet, total - (sheet_no - 1) * per_sheet)
                name = "Readings" if sheet_no == 1 else f"Readings {sheet_no}"
                ws = _readings_sheet(wb, name, units, n_here)
                room = per_sheet
            take = min(room, len(piece) - i)
            append = ws.append  # type: ignore[union-attr]
            for row in rows[i:i + take]:
                append(row)
            i += take
            room -= take
    if sheet_no == 0:
        _readings_sheet(wb, "Readings", units, 0)
    _limits(wb, infos)
    wb.save(str(path))


def _summary(wb: Workbook, infos: list[SessionInfo], frame: pd.DataFrame | None,
             stats: dict[str, list[dict[str, Any]]] | None = None) -> None:
    ws = wb.create_sheet("Summary")
    ws.column_dimensions["A"].width = 24
    ws.column_dimensions["B"].width = 40
    for col in "CDEFGHIJKLMNOPQRSTU":
        ws.column_dimensions[col].width = 12
    ws.append([_cell(ws, "meterlab measurement sessions", _TITLE)])
    ws.append([f"exported by meterlab {__version__}"])
    ws.append([])
    for info in infos:
        ws.append([_cell(ws, f"Session {info.short_id}", _BOLD)])
        for key, label in META_FIELDS:
            value = getattr(info, key)
            if key == "outcome":  # the stored outcome, or none for a log without a plan
                value = info.outcome_text
            ws.append([label, value if isinstance(value, int) else neutralise(value or "")])
        for inst in info.instruments:
            due = inst.cal_due or "unknown"
            ws.append([f"instrument ({neutralise(inst.role)})",
                       neutralise(f"{inst.maker} {inst.model} s/n {inst.serial}, firmware "
                                  f"{inst.firmware}, {inst.resource}"),
                       "calibration due", neutralise(due),
                       "EXPIRED" if inst.cal_expired else ""])
        ws.append([_cell(ws, "verdict counts", _BOLD)])
        for name, count in info.counts.items():
            ws.append([name, count])
        ws.append([_cell(ws, "every check of the plan (last result)", _BOLD)])
        for cid, r in info.last_results():
            ws.append([neutralise(cid), neutralise(result_text(info, cid, r))])
        if info.results:
            ws.append([_cell(ws, "check results (every attempt)", _BOLD)])
            ws.append([_cell(ws, h, _BOLD) for h in ("check", "value", "verdict", "margin",
                                                      "readings", "note")])
            for r in info.results:
                ws.append([neutralise(r.check_id), "OVERLOAD" if r.overload else _v(r.value),
                           r.verdict.name, _v(r.margin), r.n, neutralise(r.note)])
        ws.append([])
    ws.append([_cell(ws, "Statistics per check", _BOLD)])
    heads = ("session", "check", "title", "unit", "limit", "lower", "upper", "readings",
             "valid", "mean", "std dev", "min", "max", "pass", "marginal", "indeterminate",
             "fail", "overload", "error", "Cp", "Cpk")
    ws.append([_cell(ws, h, _BOLD) for h in heads])
    for info in infos:
        for s in (stats[info.id] if stats is not None else check_statistics(info, frame)):
            c = s["counts"]
            ws.append([info.short_id, neutralise(s["check"] or "(no check)"),
                       neutralise(s["title"]), neutralise(s["unit"]), neutralise(s["limit"]),
                       _v(s["lower"]), _v(s["upper"]), s["n"], s["n_valid"], _v(s["mean"]),
                       _v(s["std"]), _v(s["min"]), _v(s["max"]),
                       *(c.get(k, 0) if c else None for k in ("PASS", "MARGINAL",
                                                              "INDETERMINATE", "FAIL")),
                       s["overloads"], s["errors"], _v(s["cp"]), _v(s["cpk"])])


def _unit_header(name: str, units: list[str]) -> str:
    return f"{name} ({units[0]})" if len(units) == 1 and units[0] else f"{name} (see unit)"


def _readings(wb: Workbook, frame: pd.DataFrame) -> None:
    units = frame["unit"].astype(str).unique().tolist()
    ws = _readings_sheet(wb, "Readings", units, len(frame))
    append = ws.append
    for row in _reading_rows(frame):
        append(row)


def _readings_sheet(wb: Workbook, name: str, units: list[str], n: int) -> Any:
    """A readings sheet with its header, widths, filter and verdict colours for n rows."""
    ws = wb.create_sheet(name)
    heads = ["session", "time (UTC)", "check", "function", _unit_header("range", units),
             _unit_header("value", units), "unit", "verdict", _unit_header("margin", units),
             "overload", "gap before", "calibration expired"]
    widths = (10, 24, 12, 12, 12, 14, 6, 14, 14, 9, 9, 10)
    for i, w in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(i)].width = w
    ws.freeze_panes = "A2"
    last = get_column_letter(len(heads))
    ws.auto_filter.ref = f"A1:{last}{n + 1}"
    if n:
        area = f"H2:H{n + 1}"
        for vname, (fill, font) in VERDICT_COLOURS.items():
            ws.conditional_formatting.add(area, CellIsRule(
                operator="equal", formula=[f'"{vname}"'],
                fill=PatternFill("solid", start_color=fill, end_color=fill),
                font=Font(color=font, bold=vname == "FAIL")))
    ws.append([_cell(ws, h, _BOLD) for h in heads])
    return ws


def _reading_rows(frame: pd.DataFrame) -> list[tuple[Any, ...]]:
    """The readings as sheet rows (plain Python values)."""
    if not len(frame):
        return []
    values = frame["value"].to_numpy()
    over = frame["overload"].to_numpy()
    value_col = _nan_to_none(values)
    value_col[over] = "OVERLOAD"
    sid = frame["session_id"].astype("category")
    short = np.array([str(c)[:8] for c in sid.cat.categories] + [""], dtype=object)[
        sid.cat.codes.to_numpy()]
    columns = [
        short.tolist(),
        time_text(frame["t"].to_numpy()).tolist(),
        _text_column(frame["check_id"]).tolist(),
        _text_column(frame["function"]).tolist(),
        _nan_to_none(frame["range"].to_numpy()).tolist(),
        value_col.tolist(),
        _text_column(frame["unit"]).tolist(),
        verdict_text(frame["verdict"].to_numpy()).tolist(),
        _nan_to_none(frame["margin"].to_numpy()).tolist(),
        np.where(over, "yes", "").tolist(),
        np.where(frame["gap_before"].to_numpy(), "gap", "").tolist(),
        np.where(frame["cal_expired"].to_numpy(), "EXPIRED", "").tolist(),
    ]
    return list(zip(*columns, strict=True))


def _nan_to_none(x: np.ndarray) -> np.ndarray:
    out = x.astype(object)
    out[~np.isfinite(x)] = None
    return out


def _limits(wb: Workbook, infos: list[SessionInfo]) -> None:
    ws = wb.create_sheet("Limits")
    heads = ("session", "check", "title", "function", "unit", "limit", "nominal", "lower",
             "upper")
    for i, w in enumerate((10, 12, 30, 14, 6, 24, 12, 12, 12), 1):
        ws.column_dimensions[get_column_letter(i)].width = w
    ws.append([_cell(ws, h, _BOLD) for h in heads])
    for info in infos:
        for c in info.checks:
            ws.append([info.short_id, neutralise(c.check_id), neutralise(c.title),
                       neutralise(c.function), neutralise(c.unit), neutralise(c.limit_text),
                       _v(c.nominal), _v(c.lower), _v(c.upper)])
