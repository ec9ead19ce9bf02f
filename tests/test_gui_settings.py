"""The typed settings: every key round-trips, and values earlier releases stored still read."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import ast
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QSettings

import meterlab.gui
from meterlab.gui.settings import Settings, as_bool

#: A value of each setting's type that differs from its default.
SAMPLES = {
    "dmm_resource": "TCPIP::10.0.0.7::5025::SOCKET",
    "scope_resource": "USB0::0x1AB1::0x04CE::DS1ZA1::INSTR",
    "operator": "Ana Peeters",
    "language": "nl",
    "sound_on_fail": True,
    "window_geometry": QByteArray(b"\x01\x02geometry\x00"),
    "window_state": QByteArray(b"state"),
    "window_tab": "scope",
    "export_dir": Path("/tmp/readings"),
    "meter_function": "RES",
    "meter_range": 1e4,
    "meter_nplc": 10.0,
    "meter_trigger": "BUS",
    "meter_limit": "3.3 V ±3 %",
    "meter_splitter": QByteArray(b"split"),
    "dut_serial": "SN-0042",
    "last_plan": "/plans/iot.toml",
    "plan_dir": Path("/plans"),
    "plan_step": True,
    "scope_lines": (0, 3, 15),
    "scope_baud": 115200.0,
    "scope_i2c": False,
    "scope_uart": False,
    "scope_save_dir": Path("/captures"),
    "scope_measure_source": "CH2",
    "scope_limits": {"CH1/VPP": "3.3 V ±5 %", "CH2/FREQ": "1 kHz ±1 %"},
    "scope_splitter": QByteArray(b"main"),
    "scope_plots": QByteArray(b"plots"),
    "sessions_export_dir": Path("/exports"),
    "sessions_export_format": "xlsx",
    "console_history": ["*IDN?", "MEAS:VOLT:DC?"],
}


def _ini(tmp_path: Path, name: str = "meterlab.ini") -> QSettings:
    return QSettings(str(tmp_path / name), QSettings.Format.IniFormat)


def _reread(tmp_path: Path) -> Settings:
    """The settings as a new process would read them: from the file, not Qt's cache."""
    copy = tmp_path / "copy.ini"
    copy.write_bytes((tmp_path / "meterlab.ini").read_bytes())
    return Settings(_ini(tmp_path, copy.name))


def test_every_setting_has_a_sample():
    assert set(SAMPLES) == set(Settings.fields())


def test_defaults_on_an_empty_store(tmp_path):
    s = Settings(_ini(tmp_path))
    assert s.operator == "" and s.meter_function == "VOLT:DC" and s.meter_nplc == 1.0
    assert s.meter_range is None and s.scope_lines is None and s.sound_on_fail is False
    assert s.scope_i2c is True and s.scope_uart is True
    assert s.sessions_export_format == "csv" and s.console_history == []
    assert s.plan_dir == Path.home() and s.window_geometry is None


def test_every_setting_round_trips_through_the_file(tmp_path):
    first = Settings(_ini(tmp_path))
    for name, value in SAMPLES.items():
        setattr(first, name, value)
        assert getattr(first, name) != Settings.fields()[name].default, name
    first.sync()
    again = _reread(tmp_path)
    for name, value in SAMPLES.items():
        assert getattr(again, name) == value, name


def test_a_one_entry_history_and_an_auto_range_survive(tmp_path):
    s = Settings(_ini(tmp_path))
    s.console_history = ["*RST"]
    s.meter_range = None
    s.sync()
    again = _reread(tmp_path)
    assert again.console_history == ["*RST"]
    assert again.meter_range is None


@pytest.mark.parametrize("stored, expected", [
    (True, True), ("true", True), ("True", True), ("1", True), (1, True),
    (False, False), ("false", False), ("0", False), (0, False),
])
def test_booleans_stored_by_earlier_releases_still_read(tmp_path, stored, expected):
    raw = _ini(tmp_path)
    # The three ways booleans were written: a bool (sound), "true"/"false" text
    # (plan step), and 1/0 from native stores (the scope's decoders).
    for key in ("meter/sound_on_fail", "plan/step", "scope/i2c", "scope/uart"):
        raw.setValue(key, stored)
    raw.sync()
    s = _reread(tmp_path)
    assert (s.sound_on_fail, s.plan_step, s.scope_i2c, s.scope_uart) == (expected,) * 4
    s.plan_step = s.plan_step  # written back one way: as a bool, "true"/"false" in INI
    s.sync()
    text = (tmp_path / "copy.ini").read_text(encoding="utf-8")
    assert f"step={'true' if expected else 'false'}" in text


def test_a_value_that_does_not_parse_reads_as_the_default(tmp_path):
    raw = _ini(tmp_path)
    raw.setValue("meter/nplc", "fast")
    raw.setValue("meter/range", "auto?")
    raw.setValue("scope/lines", "0,x")
    raw.setValue("plan/step", "maybe")
    s = Settings(raw)
    assert s.meter_nplc == 1.0 and s.meter_range is None and s.scope_lines is None
    assert s.plan_step is False


def test_as_bool_keeps_the_default_for_nonsense():
    assert as_bool("maybe", True) is True
    assert as_bool(None, False) is False


def test_no_gui_module_names_a_settings_key():
    """Keys live in settings.py only: no other module calls QSettings.value/setValue."""
    offenders = []
    for path in Path(meterlab.gui.__file__).parent.glob("*.py"):
        if path.name == "settings.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr in ("value", "setValue") and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)):
                offenders.append(f"{path.name}:{node.lineno}")
    assert not offenders, offenders
