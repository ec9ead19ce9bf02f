"""The station file: calibration-due dates by serial, and errors that point at the line."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from meterlab.errors import FileFormatError
from meterlab.station import load_station, parse_station, station_path

GOOD = """\
[station]
name = "Bench 3"

[[instrument]]
serial = "MY59001234"
model = "34465A"
maker = "Keysight"
cal_due = 2027-03-01

[[instrument]]
serial = "DS1ZA000001"
model = "MSO1104Z"
cal_due = "2025-01-31"
"""


def test_reads_instruments_and_dates():
    s = parse_station(GOOD, path="station.toml")
    assert s.name == "Bench 3"
    assert s.cal_due_for("my59001234 ") == dt.date(2027, 3, 1)
    assert s.cal_due_for("DS1ZA000001") == dt.date(2025, 1, 31)
    assert s.cal_due_for("unknown") is None


def test_expiry_is_after_the_due_day():
    s = parse_station(GOOD)
    assert not s.is_expired("DS1ZA000001", dt.date(2025, 1, 31))
    assert s.is_expired("DS1ZA000001", dt.date(2025, 2, 1))
    assert not s.is_expired("nobody-knows", dt.date(2100, 1, 1))
    text = s.warning("DS1ZA000001", what="Rigol MSO1104Z", today=dt.date(2026, 1, 1))
    assert "2025-01-31" in text and "Rigol MSO1104Z s/n DS1ZA000001" in text
    assert s.warning("MY59001234", today=dt.date(2026, 1, 1)) is None


@pytest.mark.parametrize(("text", "line", "key"), [
    (GOOD.replace("cal_due = 2027-03-01", 'cal_due = "next spring"'), 8, "cal_due"),
    (GOOD.replace("cal_due = 2027-03-01", "cal-due = 2027-03-01"), 8, "cal-due"),
    (GOOD.replace('serial = "DS1ZA000001"', 'serial = "MY59001234"'), 11, "serial"),
    (GOOD.replace('serial = "DS1ZA000001"\n', ""), 10, None),
    (GOOD.replace('name = "Bench 3"', 'nmae = "Bench 3"'), 2, "nmae"),
    (GOOD.replace('model = "34465A"', "model = 34465"), 6, "model"),
    (GOOD + "\n[extra]\nx = 1\n", 15, "extra"),
    (GOOD.replace('model = "34465A"', 'model = "34465A'), 6, None),
])
def test_broken_file_names_file_line_and_key(text, line, key):
    with pytest.raises(FileFormatError) as err:
        parse_station(text, path="/home/q/station.toml")
    e = err.value
    assert e.path == "/home/q/station.toml" and e.line == line and e.key == key
    assert str(e).startswith(f"/home/q/station.toml:{line}:")


def test_missing_file_is_an_empty_station_and_env_overrides(tmp_path, monkeypatch):
    monkeypatch.setenv("METERLAB_STATION", str(tmp_path / "st.toml"))
    assert station_path() == tmp_path / "st.toml"
    assert load_station().instruments == ()
    (tmp_path / "st.toml").write_text(GOOD, encoding="utf-8")
    assert len(load_station().instruments) == 2


_serial = st.text(alphabet="ABCDEFGHJKLMNPQRSTUVWXYZ0123456789-", min_size=1, max_size=12)


@given(st.lists(st.tuples(_serial, st.dates(dt.date(2000, 1, 1), dt.date(2099, 12, 31))),
                max_size=6, unique_by=lambda x: x[0].upper()))
def test_whatever_is_written_is_read_back(entries):
    text = "[station]\nname = 'b'\n" + "".join(
        f"[[instrument]]\nserial = '{s}'\nmodel = 'm'\ncal_due = {d.isoformat()}\n"
        for s, d in entries)
    station = parse_station(text)
    for s, d in entries:
        assert station.cal_due_for(s) == d


@given(st.text(max_size=200))
def test_any_text_is_read_or_refused_with_a_file_format_error(text):
    try:
        parse_station(text, path="x.toml")
    except FileFormatError as e:
        assert e.path == "x.toml"
