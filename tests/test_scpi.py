"""Client-side SCPI parsers: known replies from the programming guides, plus hypothesis
tests that random input gives either a correct result or InstrumentError, nothing else."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from meterlab.errors import InstrumentError
from meterlab.scpi import (
    Idn,
    block_header,
    format_number,
    overload_mask,
    parse_block,
    parse_conf,
    parse_error,
    parse_idn,
    parse_number,
    parse_numbers,
    split_block,
    unquote,
)

# -- *IDN? ------------------------------------------------------------------------------------


def test_idn_keysight_four_fields() -> None:
    idn = parse_idn("Keysight Technologies,34465A,MY57501234,A.03.01-03.15-03.01-00.52-04-02\n")
    assert idn == Idn(
        "Keysight Technologies", "34465A", "MY57501234", "A.03.01-03.15-03.01-00.52-04-02"
    )


def test_idn_keithley_spaces_after_commas() -> None:
    idn = parse_idn("KEITHLEY INSTRUMENTS INC., MODEL 2000, 1234567, A19  /A02")
    assert idn.maker == "KEITHLEY INSTRUMENTS INC."
    assert idn.model == "MODEL 2000"
    assert idn.serial == "1234567"
    assert idn.firmware == "A19  /A02"


def test_idn_five_fields_and_short() -> None:
    assert parse_idn("OWON,XDM1241,2250123,V4.3.0,3").extra == ("3",)
    short = parse_idn("ACME,BOX")
    assert (short.serial, short.firmware, short.extra) == ("", "", ())


@pytest.mark.parametrize("bad", ["", "   ", "hello", ",34461A,1,2", "ACME,", "\x00\x01,\x02"])
def test_idn_rejects_non_identification(bad: str) -> None:
    with pytest.raises(InstrumentError, match="not a \\*IDN\\? reply"):
        parse_idn(bad)


@given(st.text())
def test_idn_random_text_never_crashes(text: str) -> None:
    try:
        idn = parse_idn(text)
    except InstrumentError:
        return
    assert idn.maker and idn.model


@given(
    st.lists(
        st.text(
            alphabet=st.characters(min_codepoint=33, max_codepoint=126, exclude_characters=',"'),
            min_size=1,
            max_size=12,
        ),
        min_size=2, max_size=6,
    ),
    st.sampled_from([",", ", ", " , "]),
)
def test_idn_round_trip(fields: list[str], sep: str) -> None:
    idn = parse_idn(sep.join(fields))
    assert [idn.maker, idn.model] == fields[:2]
    assert idn.serial == (fields[2] if len(fields) > 2 else "")
    assert idn.firmware == (fields[3] if len(fields) > 3 else "")
    assert list(idn.extra) == fields[4:]


# -- blocks -----------------------------------------------------------------------------------


def test_block_examples() -> None:
    payload = b"-4.98748741E-01,-4.35163427E-01,-7.41859188E-01"
    assert len(payload) == 47
    assert parse_block(b"#247" + payload + b"\n") == payload
    assert parse_block(b"#800000003abc") == b"abc"  # InfiniiVision: N = 8
    assert parse_block(b"#9000000003\n\r\x00") == b"\n\r\x00"  # binary payload with newlines
    assert parse_block(b"#10\n") == b""  # empty R? drain
    assert parse_block(b"#0abc\n") == b"abc"  # indefinite length
    assert block_header(b"  #3100xyz") == (7, 100)


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "empty reply"),
        (b"1.0,2.0\n", "does not start with a data block header"),
        (b"#", "cut off after '#'"),
        (b"#x12", "a digit must follow"),
        (b"#51234", "cut off"),
        (b"#3a00abc", "not a number"),
        (b"#3010abc\n", "only 4 arrived"),
        (b"#13abcdef\n", "longer than its header says"),
        (b"#3003abc\n#3003abc\n", "two replies ran together"),
        (b"#9999999999", "probably garbled"),
    ],
)
def test_block_malformed(data: bytes, words: str) -> None:
    with pytest.raises(InstrumentError, match=words):
        parse_block(data)


def test_split_block_leaves_the_rest() -> None:
    assert split_block(b"#15hello#11x\n") == (b"hello", b"#11x\n")


@given(st.binary(max_size=3000), st.sampled_from([b"", b"\n", b"\r\n"]))
def test_block_round_trip(payload: bytes, term: bytes) -> None:
    digits = str(len(payload))
    for ndig in (len(digits), 9):
        header = b"#" + str(ndig).encode() + digits.zfill(ndig).encode()
        assert parse_block(header + payload + term) == payload


@given(st.binary(max_size=200))
def test_block_random_bytes(data: bytes) -> None:
    try:
        payload = parse_block(data)
    except InstrumentError:
        return
    assert payload in data


@given(st.binary(min_size=1, max_size=500), st.integers(min_value=1, max_value=50))
def test_block_truncated_is_refused(payload: bytes, cut: int) -> None:
    data = b"#9" + str(len(payload)).zfill(9).encode() + payload
    cut = min(cut, len(payload))
    with pytest.raises(InstrumentError, match="cut off"):
        parse_block(data[:-cut])


# -- error queue ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('-113,"Undefined header"\n', (-113, "Undefined header")),
        ('+0,"No error"', (0, "No error")),
        ('0,"No error"', (0, "No error")),
        ('-113,"Undefined header;FOO:BAR?"', (-113, "Undefined header;FOO:BAR?")),
        ('-222,"Data out of range, max 10"', (-222, "Data out of range, max 10")),
        ("-100", (-100, "")),
    ],
)
def test_parse_error(text: str, expected: tuple[int, str]) -> None:
    assert parse_error(text) == expected


def test_parse_error_rejects_non_error() -> None:
    with pytest.raises(InstrumentError, match="SYST:ERR"):
        parse_error("OK")


@given(st.text())
def test_parse_error_random(text: str) -> None:
    try:
        code, msg = parse_error(text)
    except InstrumentError:
        return
    assert isinstance(code, int) and isinstance(msg, str)


@given(st.integers(-999, 999), st.text(alphabet=st.characters(exclude_characters='"\r\n')))
def test_parse_error_round_trip(code: int, message: str) -> None:
    assert parse_error(f'{code:+d},"{message}"') == (code, message)


# -- numbers ----------------------------------------------------------------------------------


def test_numbers_truevolt_formats() -> None:
    v = parse_numbers("-4.98748741E-01,-4.35163427E-01, +9.90000000E+37\n")
    np.testing.assert_array_equal(v, [-4.98748741e-01, -4.35163427e-01, 9.9e37])
    np.testing.assert_array_equal(overload_mask(v), [False, False, True])
    assert parse_numbers(b"").shape == (0,)
    assert parse_number(b"+1.23456789E+00\r\n") == 1.23456789


@pytest.mark.parametrize("bad", ["1.0,abc", "1.0 VDC", "nan", "inf", "1_0", "1.0,,2.0", "0x10"])
def test_numbers_refuse_non_numbers(bad: str) -> None:
    with pytest.raises(InstrumentError, match="where a number was expected"):
        parse_numbers(bad)


def test_number_exactly_one() -> None:
    with pytest.raises(InstrumentError, match="one reading"):
        parse_number("1,2")


@given(st.lists(st.floats(allow_nan=False, allow_infinity=False, width=64), max_size=200))
def test_numbers_round_trip(values: list[float]) -> None:
    text = ",".join(f"{v:+.17E}" for v in values)
    np.testing.assert_array_equal(parse_numbers(text), np.array(values, dtype=np.float64))


@given(st.text(max_size=100))
def test_numbers_random_text(text: str) -> None:
    try:
        v = parse_numbers(text)
    except InstrumentError:
        return
    assert v.dtype == np.float64 and np.isfinite(v).all()


def test_numbers_large_reply_is_fast_enough_to_be_vectorised() -> None:
    values = np.linspace(-1, 1, 100_000)
    text = ",".join(f"{x:+.9E}" for x in values)
    np.testing.assert_allclose(parse_numbers(text.encode()), values, rtol=1e-9)


# -- small helpers ----------------------------------------------------------------------------


def test_parse_conf() -> None:
    assert parse_conf('"VOLT +1.000000E+01,+3.000000E-06"') == ("VOLT", 10.0, 3e-06)
    assert parse_conf('"CONT"') == ("CONT", None, None)
    with pytest.raises(InstrumentError):
        parse_conf('""')


def test_unquote() -> None:
    assert unquote('"VOLT:DC"') == "VOLT:DC"
    assert unquote('"say ""hi"""') == 'say "hi"'
    assert unquote("plain") == "plain"


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_format_number_round_trip(x: float) -> None:
    assert float(format_number(x)) == x


def test_format_number_refuses_nan() -> None:
    with pytest.raises(ValueError):
        format_number(math.nan)
