"""The scope driver's parsers and the [scope] profile validator, without an instrument.

Replies come from scopes meterlab has never met, so each parser either gives the
right value or raises an error in plain words; hypothesis feeds them both.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from meterlab.commands.capture import parse_channels
from meterlab.drivers.scope_dialect import (
    canonical_source,
    normalise_slope,
    normalise_sweep,
    parse_float,
    parse_preamble,
    reported_source,
)
from meterlab.drivers.scope_profile import ScopeSpec
from meterlab.drivers.scope_siglent import number_of, value_of
from meterlab.errors import FileFormatError, InstrumentError, UsageError
from meterlab.profiles import load_profile, match_profile
from meterlab.scpi import parse_idn

floats = st.floats(allow_nan=False, allow_infinity=False, width=64)


@given(
    fmt=st.integers(0, 4), typ=st.integers(0, 3), points=st.integers(1, 24_000_000),
    xinc=st.floats(1e-12, 1e3), xorigin=floats, xref=st.integers(0, 10),
    yinc=floats, yorigin=floats, yref=st.integers(0, 65535),
)
def test_preamble_round_trip(fmt, typ, points, xinc, xorigin, xref, yinc, yorigin, yref) -> None:  # type: ignore[no-untyped-def]
    text = f"{fmt},{typ},{points},1,{xinc:.6e},{xorigin:.6e},{xref},{yinc:.6e},{yorigin:.6e},{yref}"
    pre = parse_preamble(text + "\n")
    assert (pre.format, pre.type, pre.points, pre.xref, pre.yref) == (fmt, typ, points, xref, yref)
    assert pre.xinc == pytest.approx(float(f"{xinc:.6e}"))
    assert pre.t0(3) == pytest.approx((3 - xref) * pre.xinc + pre.xorigin)


@given(st.text(max_size=60))
def test_garbled_preamble_is_an_instrument_error(text: str) -> None:
    try:
        pre = parse_preamble(text)
    except InstrumentError as exc:
        assert "preamble" in str(exc) or "time step" in str(exc)
    else:
        assert pre.xinc > 0 and len(text.split(",")) == 10


def test_rigol_example_preamble_from_the_guide() -> None:
    pre = parse_preamble("0,2,6000000,1,1.000000e-09,-3.000000e-03,0,4.132813e-01,0,122")
    assert (pre.format, pre.type, pre.points) == (0, 2, 6_000_000)
    assert pre.t0(0) == -3e-3 and pre.yinc == pytest.approx(0.4132813)
    with pytest.raises(InstrumentError, match="time step"):
        parse_preamble("0,2,6000000,1,0,-3.000000e-03,0,4.132813e-01,0,122")


@pytest.mark.parametrize(("name", "canon"), [
    ("CH1", "CH1"), ("chan2", "CH2"), ("CHANNEL3", "CH3"), ("C4", "CH4"), ("1", "CH1"),
    ("D0", "D0"), ("d15", "D15"), ("DIG7", "D7"), ("digital12", "D12"), ("math", "MATH"),
    ("external", "EXT"),
])
def test_source_spellings(name: str, canon: str) -> None:
    assert canonical_source(name) == canon


@given(st.text(max_size=12))
def test_any_source_text_is_canonical_or_refused(text: str) -> None:
    try:
        canon = canonical_source(text)
    except UsageError as exc:
        assert "not a scope source" in str(exc)
    else:
        assert canonical_source(canon) == canon


def test_sources_the_scope_reports_are_never_refused() -> None:
    assert [reported_source(x) for x in ("CHAN2", "DIG3", "c1", "line", " WGEN ", "EX5")] == [
        "CH2", "D3", "CH1", "LINE", "WGEN", "EX5"]


def test_slopes_and_sweeps() -> None:
    assert [normalise_slope(s) for s in ("rising", "NEG", "either")] == ["POS", "NEG", "EITHER"]
    assert [normalise_sweep(s) for s in ("auto", "Normal", "single")] == ["AUTO", "NORM",
                                                                         "SINGLE"]
    with pytest.raises(UsageError, match="rising, falling"):
        normalise_slope("sideways")
    with pytest.raises(UsageError, match="auto, normal"):
        normalise_sweep("twice")


@given(floats)
def test_numbers_survive_echo_headers_and_units(value: float) -> None:
    text = f"{value:.6E}"
    assert number_of(f"C1:VDIV {text}V", "x") == float(text)
    assert number_of(f"TDIV {text}S", "x") == float(text)
    assert number_of(f"C2:PAVA FREQ,{text}Hz", "x") == float(text)
    assert parse_float(f"{text}\n", "x") == float(text)


def test_siglent_no_result_and_garbage() -> None:
    assert math.isnan(number_of("C1:PAVA FREQ,****", "x"))
    assert value_of("SAST Trig'd", "x") == "Trig'd"
    assert value_of("5.00E-01V", "x") == "5.00E-01V"
    with pytest.raises(InstrumentError, match="a number was expected"):
        number_of("C1:VDIV OFF", "the scale")


@pytest.mark.parametrize(("text", "analog", "digital"), [
    ("CH1", ["CH1"], []),
    ("CH1,CH2,D0-D7", ["CH1", "CH2"], list(range(8))),
    ("ch3, d2, D0, CH1-CH2", ["CH3", "CH1", "CH2"], [0, 2]),
    ("D8-15", [], list(range(8, 16))),
])
def test_capture_channel_lists(text: str, analog: list[str], digital: list[int]) -> None:
    assert parse_channels(text) == (analog, digital)


@pytest.mark.parametrize(("text", "match"), [
    ("", "No channels"), ("D7-D0", "backwards"), ("CH1,XX", "not a scope source"),
    ("MATH", "cannot be captured"),
])
def test_bad_capture_channel_lists(text: str, match: str) -> None:
    with pytest.raises(UsageError, match=match):
        parse_channels(text)


# -- profiles ----------------------------------------------------------------------------------

GOOD = """\
[profile]
name = "Test scope"
kind = "scope"
dialect = "rigol-ds1000z"

[identify]
models = ["TS1000"]

[scope]
channels = 2
digital_channels = 8
read_limits = { BYTE = 1000 }
format_codes = { 0 = "BYTE", 1 = "WORD" }
"""


def test_a_user_scope_profile_loads(tmp_path: Path) -> None:
    p = tmp_path / "ts.toml"
    p.write_text(GOOD, encoding="utf-8")
    prof = load_profile(p)
    spec = prof.spec
    assert isinstance(spec, ScopeSpec)
    assert (spec.channels, spec.digital_channels, spec.read_limit("BYTE")) == (2, 8, 1000)
    assert spec.read_limit("WORD") > 10**12  # no limit named: one block
    assert spec.format_codes == {0: "BYTE", 1: "WORD"}


@pytest.mark.parametrize(("change", "key", "line"), [
    (('dialect = "rigol-ds1000z"', 'dialect = "tek"'), "profile.dialect", 4),
    (("channels = 2", "channels = 0"), "scope.channels", 10),
    (("channels = 2", 'channels = "two"'), "scope.channels", 10),
    (("digital_channels = 8", "digital_channels = 17"), "scope.digital_channels", 11),
    (("read_limits = { BYTE = 1000 }", "read_limits = { BYTES = 1000 }"), "scope.read_limits",
     12),
    (("read_limits = { BYTE = 1000 }", "read_limits = { BYTE = -5 }"), "scope.read_limits", 12),
    (('format_codes = { 0 = "BYTE", 1 = "WORD" }', 'format_codes = { x = "BYTE" }'),
     "scope.format_codes", 13),
    (("channels = 2", "channels = 2\nmemory = 5"), "scope.memory", 11),
])
def test_broken_scope_profiles_name_file_line_and_key(
    tmp_path: Path, change: tuple[str, str], key: str, line: int
) -> None:
    p = tmp_path / "broken.toml"
    p.write_text(GOOD.replace(*change), encoding="utf-8")
    with pytest.raises(FileFormatError) as exc:
        load_profile(p)
    assert exc.value.key == key
    assert exc.value.line == line
    assert "broken.toml" in str(exc.value)


def test_missing_scope_table_is_named(tmp_path: Path) -> None:
    p = tmp_path / "noscope.toml"
    p.write_text(GOOD.split("[scope]")[0], encoding="utf-8")
    with pytest.raises(FileFormatError, match=r"needs a \[scope\] table"):
        load_profile(p)


@pytest.mark.parametrize(("idn", "family"), [
    ("RIGOL TECHNOLOGIES,MSO1104Z,DS1ZC204807063,00.04.04.SP4", "rigol-ds1000z"),
    ("RIGOL TECHNOLOGIES,DS1054Z,DS1ZA000000001,00.04.04.SP4", "rigol-ds1000z"),
    ("Siglent Technologies,SDS1104X-E,SDSMMEBQ3R1234,8.1.6.1.37R2", "siglent-sds1000xe"),
    ("KEYSIGHT TECHNOLOGIES,DSO-X 1102G,CN57096441,01.20.2019061038", "keysight-infiniivision"),
    ("KEYSIGHT TECHNOLOGIES,MSO-X 3104T,MY58490001,07.20.2019051434", "keysight-infiniivision"),
    ("AGILENT TECHNOLOGIES,DSO-X 2024A,MY12345678,02.50.2019022736", "keysight-infiniivision"),
])
def test_shipped_scope_profiles_recognise_their_models(idn: str, family: str) -> None:
    prof = match_profile(parse_idn(idn))
    assert prof is not None and prof.kind == "scope" and prof.family == family


def test_a_rigol_dmm_is_not_taken_for_a_scope() -> None:
    prof = match_profile(parse_idn("Rigol Technologies,DM3058E,DM3S000000001,01.01.00.02.02.00"))
    assert prof is None or prof.kind != "scope"
