"""SI formatting and quantity parsing: the table of what people see and type on the bench."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from meterlab.errors import LimitError, MeterlabError
from meterlab.units import (
    FUNCTION_UNITS,
    canonical_unit,
    format_reading,
    format_si,
    format_si_many,
    function_unit,
    normalise_function,
    parse_quantity,
    split_quantity,
)

FORMAT_TABLE = [
    (3.3, "V", 4, "3.300 V"),
    (0.04207, "A", 4, "42.07 mA"),
    (4700.0, "Ω", 4, "4.700 kΩ"),
    (4700.0, "ohm", 4, "4.700 kΩ"),
    (1000.0, "Hz", 4, "1.000 kHz"),
    (999.96, "Hz", 4, "1.000 kHz"),   # rounding carries into the next prefix
    (999.94, "Hz", 4, "999.9 Hz"),
    (0.99996, "V", 4, "1.000 V"),
    (2.2e-6, "F", 4, "2.200 µF"),
    (100e-9, "F", 3, "100 nF"),
    (1.5e-3, "s", 4, "1.500 ms"),
    (-0.0423, "A", 3, "-42.3 mA"),
    (0.0, "V", 4, "0.000 V"),
    (-0.0, "V", 4, "0.000 V"),
    (3.30123, "V", 6, "3.30123 V"),
    (3.3, "V", 1, "3 V"),
    (9600.0, "Bd", 4, "9.600 kBd"),
    (12e6, "Hz", 4, "12.00 MHz"),
    (25.0, "°C", 4, "25.00 °C"),
    (-40.0, "°C", 3, "-40.0 °C"),
    (1234.5, "°C", 4, "1234 °C"),     # °C never takes a prefix
    (25.0, "%", 4, "25.00 %"),
    (99.996, "%", 4, "100.0 %"),
    (-3.0, "dB", 3, "-3.00 dB"),
    (0.5, "dB", 2, "0.50 dB"),
]


@pytest.mark.parametrize(("value", "unit", "digits", "expected"), FORMAT_TABLE)
def test_format_si_table(value: float, unit: str, digits: int, expected: str) -> None:
    assert format_si(value, unit, digits) == expected


@pytest.mark.parametrize(("value", "unit", "digits", "expected"), FORMAT_TABLE)
def test_format_si_many_matches_scalar_table(value: float, unit: str, digits: int,
                                             expected: str) -> None:
    assert format_si_many(np.array([value]), unit, digits) == [expected]


def test_format_si_nan_is_a_dash_and_infinity_is_named() -> None:
    assert format_si(math.nan, "V") == "—"
    assert format_si(math.inf, "V") == "∞ V"
    assert format_si(-math.inf, "A") == "-∞ A"


def test_format_reading_overload_wins_over_the_number() -> None:
    assert format_reading(9.9e37, "V", overload=True) == "OVERLOAD"
    assert format_reading(math.nan, "V", overload=True) == "OVERLOAD"
    assert format_reading(3.3, "V", overload=False) == "3.300 V"
    assert format_reading(math.nan, "V", overload=False) == "—"


def test_format_si_many_flags_overload_and_nan() -> None:
    out = format_si_many(np.array([1.0, math.nan, 2.0]), "V", 3,
                         overload=np.array([False, False, True]))
    assert out == ["1.00 V", "—", "OVERLOAD"]


@pytest.mark.parametrize("digits", [0, -1, 16])
def test_format_si_refuses_nonsense_digits(digits: int) -> None:
    with pytest.raises(ValueError):
        format_si(1.0, "V", digits)


@given(st.floats(min_value=-1e14, max_value=1e14, allow_nan=False).filter(
    lambda v: v == 0 or abs(v) > 1e-17), st.integers(1, 8),
    st.sampled_from(["V", "A", "Ω", "Hz", "s", "F", "Bd", "°C", "%", "dB"]))
def test_vectorised_formatting_agrees_with_scalar(value: float, digits: int, unit: str) -> None:
    assert format_si_many(np.array([value]), unit, digits) == [format_si(value, unit, digits)]


@given(st.floats(min_value=-1e20, max_value=1e20, allow_nan=False).filter(
    lambda v: v == 0 or abs(v) > 1e-22), st.integers(1, 8),
    st.sampled_from(["V", "A", "Ω", "ohm", "Hz", "s", "F", "Bd", ""]))
def test_fast_formatting_prints_what_quantiphy_prints(value: float, digits: int,
                                                      unit: str) -> None:
    # format_si renders SI prefixes itself (quantiphy took ~0.5 ms a value on the GUI
    # thread); quantiphy with meterlab's preferences stays the reference.
    from meterlab.units import canonical_unit, quantiphy_si

    unit = canonical_unit(unit) if unit else ""
    expected = str(quantiphy_si()(0.0 if value == 0 else value, unit).render(prec=digits - 1))
    assert format_si(value, unit, digits) == expected


@given(st.floats(min_value=1e-17, max_value=1e14), st.sampled_from(["V", "A", "Ω", "Hz", "F"]))
def test_formatted_text_parses_back_within_its_precision(value: float, unit: str) -> None:
    text = format_si(value, unit, 6)
    back, back_unit = parse_quantity(text)
    assert back_unit == unit
    assert back == pytest.approx(value, rel=1e-5)


PARSE_TABLE = [
    ("3.3 V", None, 3.3, "V"),
    ("3V3", None, 3.3, "V"),
    ("4k7", None, 4700.0, "Ω"),
    ("4K7", None, 4700.0, "Ω"),
    ("1M5", None, 1.5e6, "Ω"),
    ("4R7", None, 4.7, "Ω"),
    ("4.7 kΩ", None, 4700.0, "Ω"),
    ("4.7 kΩ", None, 4700.0, "Ω"),          # U+2126 OHM SIGN
    ("4.7kohm", None, 4700.0, "Ω"),
    ("4.7 k Ω", None, 4700.0, "Ω"),
    ("10 Ohm", None, 10.0, "Ω"),
    ("42 mA", None, 0.042, "A"),
    ("1 kHz", None, 1000.0, "Hz"),
    ("2.5 MHz", None, 2.5e6, "Hz"),
    ("100 mV", None, 0.1, "V"),
    ("25 °C", None, 25.0, "°C"),
    ("25 ℃", None, 25.0, "°C"),
    ("25 degC", None, 25.0, "°C"),
    ("2.2uF", None, 2.2e-6, "F"),
    ("2.2 µF", None, 2.2e-6, "F"),
    ("2.2 μF", None, 2.2e-6, "F"),          # Greek mu
    ("100 nF", None, 1e-7, "F"),
    ("10 %", None, 10.0, "%"),
    ("-3 dB", None, -3.0, "dB"),
    ("9600 Bd", None, 9600.0, "Bd"),
    ("1.5 ms", None, 1.5e-3, "s"),
    ("-3.3V", None, -3.3, "V"),
    ("−3.3 V", None, -3.3, "V"),             # Unicode minus
    ("1e-3 A", None, 1e-3, "A"),
    ("4.7", "V", 4.7, "V"),
    ("100m", "V", 0.1, "V"),
    ("4.7k", "Ω", 4700.0, "Ω"),
    ("2u2", "F", 2.2e-6, "F"),
    ("4k7", "V", 4700.0, "V"),               # the check's unit wins over the resistor habit
    ("10", "ohm", 10.0, "Ω"),
]


@pytest.mark.parametrize(("text", "default", "value", "unit"), PARSE_TABLE)
def test_parse_quantity_table(text: str, default: str | None, value: float, unit: str) -> None:
    got, got_unit = parse_quantity(text, default)
    assert got_unit == unit
    assert got == value  # exact: scaled inputs are snapped to their decimal value


@pytest.mark.parametrize(("text", "needle"), [
    ("4.7", "expected a unit"),
    ("100m", "after the prefix"),
    ("3,3 V", "decimal point"),
    ("3.3 Q", 'unknown unit "Q"'),
    ("5 m%", "takes no SI prefix"),
    ("5 k°C", "takes no SI prefix"),
    ("abc", "expected a number"),
    ("", "expected a number"),
    ("1e999 V", "too large"),
    ("nan V", "expected a number"),
    ("inf V", "expected a number"),
    ("4R7 V", "means Ω"),
])
def test_parse_quantity_errors_name_the_text(text: str, needle: str) -> None:
    with pytest.raises(LimitError) as info:
        parse_quantity(text)
    assert needle in str(info.value)
    assert f'"{text}"' in str(info.value) or text == ""


def test_split_quantity_keeps_missing_unit_as_none() -> None:
    assert split_quantity("3.3") == (3.3, None)
    assert split_quantity("4.7k") == (4700.0, None)
    assert split_quantity("3.3 V") == (3.3, "V")


@given(st.text(max_size=20))
def test_parse_quantity_random_text_parses_or_raises_limit_error(text: str) -> None:
    try:
        value, unit = parse_quantity(text, "V")
    except LimitError:
        return
    assert math.isfinite(value)
    assert unit


def test_canonical_unit_aliases() -> None:
    for alias in ("ohm", "Ohm", "ohms", "Ω", "Ω", "R"):
        assert canonical_unit(alias) == "Ω"
    assert canonical_unit("hz") == "Hz"
    assert canonical_unit("degC") == "°C"
    assert canonical_unit("mystery") == "mystery"


@pytest.mark.parametrize(("function", "key", "unit"), [
    ("VOLT:DC", "VOLT:DC", "V"),
    ("VOLTage:DC", "VOLT:DC", "V"),
    ("VOLT", "VOLT:DC", "V"),
    ("voltage:ac", "VOLT:AC", "V"),
    ('"VOLT"', "VOLT:DC", "V"),
    ("CURR", "CURR:DC", "A"),
    ("CURRent:AC", "CURR:AC", "A"),
    ("SENS:CURR:DC", "CURR:DC", "A"),
    ("RESistance", "RES", "Ω"),
    ("FRES", "FRES", "Ω"),
    ("FREQuency", "FREQ", "Hz"),
    ("PERiod", "PER", "s"),
    ("CAPacitance", "CAP", "F"),
    ("TEMPerature", "TEMP", "°C"),
    ("CONTinuity", "CONT", "Ω"),
    ("DIODe", "DIOD", "V"),
])
def test_function_unit_normalises_scpi_spellings(function: str, key: str, unit: str) -> None:
    assert normalise_function(function) == key
    assert function_unit(function) == unit
    assert FUNCTION_UNITS[key] == unit


def test_unknown_function_is_a_user_error() -> None:
    with pytest.raises(MeterlabError, match="unknown DMM function"):
        function_unit("VOLT:XX")


# --- the decimal mark follows the reader's language -----------------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    (None, "3.300 V"), ("en", "3.300 V"), ("nl", "3,300 V"), ("fr", "3,300 V"),
    ("fr_FR", "3,300 V"), ("nl-BE", "3,300 V"), ("de", "3.300 V"),
])
def test_format_si_writes_the_decimal_mark_of_the_language(lang, text):
    assert format_si(3.3, "V", 4, lang) == text


def test_every_formatter_follows_the_language_and_machine_output_keeps_the_point():
    assert format_si(0.04207, "A", 4, "nl") == "42,07 mA"
    assert format_si(25.5, "°C", 3, "fr") == "25,5 °C"
    assert format_reading(3.3, "V", True, 4, "fr") == "OVERLOAD"
    assert format_si_many(np.array([3.3, 4700.0, np.nan]), "V", 4, lang="fr") == [
        "3,300 V", "4,700 kV", "—"]
    # Default (exports, CLI, SCPI) is unchanged.
    assert format_si(3.3, "V") == "3.300 V"
    assert format_si_many(np.array([3.3]), "V") == ["3.300 V"]


def test_decimal_comma_is_read_only_where_the_language_writes_it():
    assert parse_quantity("3,3 V", lang="nl") == (3.3, "V")
    assert parse_quantity("4,7 kΩ", lang="fr") == (4700.0, "Ω")
    assert parse_quantity("3.3 V", lang="fr") == (3.3, "V")  # a point is still understood
    with pytest.raises(LimitError, match="decimal point"):
        parse_quantity("3,3 V", lang="en")
    with pytest.raises(LimitError, match="decimal point"):
        parse_quantity("3,3 V")


@given(
    st.floats(min_value=1e-15, max_value=1e12, allow_nan=False),
    st.sampled_from(["V", "A", "Ω", "Hz", "s", "F"]),
    st.integers(min_value=1, max_value=9),
    st.sampled_from(["nl", "fr"]),
    st.booleans(),
)
def test_localised_text_reads_back_as_the_english_text_does(value, unit, digits, lang, neg):
    v = -value if neg else value
    english = format_si(v, unit, digits)
    local = format_si(v, unit, digits, lang)
    assert "." not in local
    assert local == english.replace(".", ",")
    assert parse_quantity(local, unit, lang) == parse_quantity(english, unit)


def test_localise_swaps_only_decimal_points_not_range_dots():
    from meterlab.units import delocalise, localise

    assert localise("3.2 V .. 3.4 V", "fr") == "3,2 V .. 3,4 V"
    assert delocalise("3,2 V .. 3,4 V", "fr") == "3.2 V .. 3.4 V"
    assert localise("3.2 V .. 3.4 V", "en") == "3.2 V .. 3.4 V"
