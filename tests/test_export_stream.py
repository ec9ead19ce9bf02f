"""Streamed exports write exactly what the whole-frame writers write, whatever the pieces,
and the XLSX export continues on further sheets instead of refusing a large session."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from openpyxl import load_workbook

from meterlab import export_stream, export_xlsx
from meterlab.export import export_sessions, write_csv, write_json
from meterlab.readings import ReadingBatch, Verdict
from meterlab.store import SessionStore
from tests.bigsession import make_big_session


@pytest.fixture()
def store(tmp_path: Path) -> SessionStore:
    db = tmp_path / "s.db"
    make_big_session(db, 53, batch=10, overload_every=7)
    with SessionStore(db) as s:
        w = s.begin(operator="=Bob, \"quoted\"", dut_serial="SN-2")
        for k in range(3):  # readings without verdicts, one gap, a second check
            w.append(ReadingBatch(t=np.arange(4) + 10.0 * k, values=np.arange(4) * 0.5,
                                  overload=np.zeros(4, bool), gap_before=k == 1),
                     check_id="x" if k else "")
        w.finish()
    st = SessionStore(db)
    yield st
    st.close()


def body(text: str) -> list[str]:
    return [line for line in text.splitlines() if not line.startswith("#")]


@pytest.mark.parametrize("chunk", [1, 7, 1000])
def test_csv_in_pieces_equals_the_whole_frame_csv(store: SessionStore, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch,
                                                  chunk: int) -> None:
    monkeypatch.setattr(export_stream, "CHUNK", chunk)
    ids = [s.id for s in store.sessions()]
    export_sessions(store, ids, tmp_path / "a.csv")
    write_csv([store.session(i) for i in ids], store.readings(ids), tmp_path / "b.csv")
    a, b = ((tmp_path / n).read_text(encoding="utf-8") for n in ("a.csv", "b.csv"))
    assert body(a) == body(b) and len(body(a)) == 1 + 53 + 12


def test_json_in_pieces_equals_the_whole_frame_json(store: SessionStore, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(export_stream, "CHUNK", 5)
    ids = [s.id for s in store.sessions()]
    export_sessions(store, ids, tmp_path / "a.json")
    write_json([store.session(i) for i in ids], store.readings(ids), tmp_path / "b.json")
    a, b = (json.loads((tmp_path / n).read_text(encoding="utf-8")) for n in ("a.json", "b.json"))
    a.pop("exported_utc")
    b.pop("exported_utc")
    assert a == b and [len(s["readings"]) for s in a["sessions"]] == [53, 12]


def test_parquet_in_pieces_holds_every_reading(store: SessionStore, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    import pyarrow.parquet as pq

    monkeypatch.setattr(export_stream, "CHUNK", 3)
    ids = [s.id for s in store.sessions()]
    export_sessions(store, ids, tmp_path / "a.parquet")
    table = pq.read_table(tmp_path / "a.parquet").to_pandas()
    frame = store.readings(ids)
    assert len(table) == len(frame) == 65
    assert np.array_equal(table["value"].to_numpy(), frame["value"].to_numpy(), equal_nan=True)
    assert table["verdict"].astype(str).tolist()[:8] == ["OVERLOAD", *["PASS"] * 6, "OVERLOAD"]
    assert table["check"].astype(str).tolist()[-12:] == [""] * 4 + ["x"] * 8


def test_parquet_in_pieces_equals_the_whole_frame_parquet(
        store: SessionStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Read ahead in a second thread, in many row groups, the file still holds exactly
    what the whole-frame writer writes, checks without readings included."""
    import pyarrow.parquet as pq

    from meterlab.export import write_parquet
    from meterlab.export_checks import with_unmeasured_checks

    w = store.begin(operator="=cmd|' /C calc'!A0", dut_serial="SN-3")
    w.add_check(check_id="ok", title="rail", function="VOLT:DC", unit="V",
                limit_text="±1 V", lower=-1.0, upper=1.0, nominal=0.0)
    w.add_check(check_id="broke", title="meter fault", function="RES", unit="Ω",
                limit_text="≤ 10 Ω", lower=None, upper=10.0, nominal=None)
    w.add_check(check_id="never", title="not reached", function="CURR:DC", unit="A",
                limit_text="≤ 1 A", lower=None, upper=1.0, nominal=None)
    w.append(ReadingBatch(t=100.0 + np.arange(6), values=np.linspace(-0.5, 0.5, 6),
                          overload=np.zeros(6, bool)),
             check_id="ok", verdicts=np.zeros(6, np.int8), margins=np.full(6, 0.5))
    w.add_result(check_id="broke", value=np.nan, verdict=Verdict.ERROR, note="no reply")
    w.finish()
    monkeypatch.setattr(export_stream, "CHUNK", 2)  # Parquet pieces of 10 readings
    ids = [s.id for s in store.sessions()]
    infos = [store.session(i) for i in ids]
    export_sessions(store, ids, tmp_path / "a.parquet")
    write_parquet(infos, with_unmeasured_checks(infos, store.readings(ids)), tmp_path / "b.parquet")
    a, b = (pq.read_table(tmp_path / n) for n in ("a.parquet", "b.parquet"))
    assert pq.ParquetFile(tmp_path / "a.parquet").metadata.num_row_groups >= 8
    assert a.num_rows == 53 + 12 + 6 + 2
    assert a.to_pylist() == b.to_pylist()
    last = a.slice(a.num_rows - 2).to_pylist()
    assert [(r["check"], r["verdict"], r["time_utc"]) for r in last] == [
        ("broke", "ERROR", None), ("never", "NOT RUN", None)]


def test_parquet_encodes_values_plain_and_repeating_columns_as_dictionaries(
        store: SessionStore, tmp_path: Path) -> None:
    """Why the write is fast: no futile dictionary for times, values and margins (which
    never repeat); the repeating columns still dictionary-encoded; min/max kept for the
    columns one selects row groups by."""
    import pyarrow.parquet as pq

    export_sessions(store, [s.id for s in store.sessions()], tmp_path / "a.parquet")
    group = pq.ParquetFile(tmp_path / "a.parquet").metadata.row_group(0)
    cols = {group.column(i).path_in_schema: group.column(i) for i in range(group.num_columns)}
    assert not any(cols[c].has_dictionary_page for c in ("time_utc", "value", "margin"))
    assert all(cols[c].has_dictionary_page for c in ("session_id", "check", "verdict", "range"))
    assert all(cols[c].is_stats_set and cols[c].statistics.has_min_max
               for c in ("session_id", "time_utc", "check", "value"))
    assert cols["time_utc"].compression == "ZSTD"


def test_xlsx_continues_on_further_sheets_past_the_row_limit(
        store: SessionStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(export_xlsx, "XLSX_MAX_ROWS", 21)  # 20 readings per sheet
    monkeypatch.setattr(export_stream, "CHUNK", 7)
    ids = [s.id for s in store.sessions()]
    export_sessions(store, ids, tmp_path / "a.xlsx")
    wb = load_workbook(tmp_path / "a.xlsx", read_only=True)
    sheets = [n for n in wb.sheetnames if n.startswith("Readings")]
    assert sheets == ["Readings", "Readings 2", "Readings 3", "Readings 4"]
    rows = [r for n in sheets for r in list(wb[n].iter_rows(values_only=True))[1:]]
    assert len(rows) == 65
    values = [r[5] for r in rows]
    assert values[0] == "OVERLOAD" and values[1] == pytest.approx(1.0 + 1e-9)
    assert values[-4:] == [0.0, 0.5, 1.0, 1.5]
    summary = [r for r in wb["Summary"].iter_rows(values_only=True) if len(r) > 17 and r[1] == "v"]
    (stat,) = summary
    assert stat[7] == 53 and stat[17] == 8  # readings, overloads


def test_streamed_statistics_match_the_whole_frame(store: SessionStore) -> None:
    from meterlab.export import check_statistics

    info = store.sessions()[0]
    whole = check_statistics(info, store.readings(info.id))
    streamed = export_stream.check_statistics_stream(store, info)
    for a, b in zip(whole, streamed, strict=True):
        for key in ("check", "n", "n_valid", "overloads", "errors", "counts", "min", "max"):
            assert a[key] == b[key], key
        assert a["mean"] == pytest.approx(b["mean"], rel=1e-12)
        assert a["std"] == pytest.approx(b["std"], rel=1e-6)
        assert a["cpk"] == pytest.approx(b["cpk"], rel=1e-6)
    assert whole[0]["counts"]["OVERLOAD"] == 8 and whole[0]["counts"]["PASS"] == 45
    assert Verdict.PASS.name in streamed[0]["counts"]


def test_plot_sample_is_bounded_and_even(monkeypatch: pytest.MonkeyPatch,
                                         tmp_path: Path) -> None:
    monkeypatch.setattr(export_stream, "PLOT_POINTS", 100)
    monkeypatch.setattr(export_stream, "CHUNK", 37)
    db = tmp_path / "p.db"
    make_big_session(db, 1000, batch=100, overload_every=10**9)
    with SessionStore(db) as s:
        (stat,) = export_stream.check_statistics_stream(s, s.session("latest"))
    t = stat["t"]
    assert 50 <= len(t) <= 100 and len(stat["values"]) == len(t)
    steps = np.diff(np.round((t - 1.78e9) / 2e-5))
    assert len(set(steps.tolist())) == 1  # every k-th reading, k constant
