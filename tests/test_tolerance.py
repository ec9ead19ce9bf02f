"""Tolerance expressions, limits and verdicts: every form on the test sheet, the decision
rules at their boundaries, and hypothesis fed with random and near-miss expressions."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from meterlab.errors import LimitError
from meterlab.readings import Verdict
from meterlab.tolerance import (
    E_SERIES,
    Limit,
    expanded_uncertainty,
    limit_from,
    parse_limit,
    tur,
    tur_warning,
)
from meterlab.tolerance_eval import CHUNK
from meterlab.tolerance_parse import in_e_series

P, M, Q, F, X, E = (int(v) for v in Verdict)  # PASS MARGINAL ?INDETERMINATE FAIL X-OVERLOAD ERROR
INF = math.inf

# -- every form ---------------------------------------------------------------------------------

FORMS = [
    # text, check unit, nominal, lower, upper, unit
    ("3.3 V ±3 %", None, 3.3, 3.201, 3.399, "V"),
    ("3.3 V ±3 %", "V", 3.3, 3.201, 3.399, "V"),
    ("3.3V±3%", None, 3.3, 3.201, 3.399, "V"),
    ("3.3 V +-3 %", None, 3.3, 3.201, 3.399, "V"),
    ("3.3 V +/-3 %", None, 3.3, 3.201, 3.399, "V"),
    ("3.3 V ± 0.1 V", None, 3.3, 3.2, 3.4, "V"),
    ("3.3 V ± 100 mV", None, 3.3, 3.2, 3.4, "V"),
    ("3.3 V ± 0.1", None, 3.3, 3.2, 3.4, "V"),
    ("5 V +5 %/-2 %", None, 5.0, 4.9, 5.25, "V"),
    ("5 V -2 %/+5 %", None, 5.0, 4.9, 5.25, "V"),
    ("5 V +5/-2 %", None, 5.0, 4.9, 5.25, "V"),
    ("3.3 V +0.2 V -0.1 V", None, 3.3, 3.2, 3.5, "V"),
    ("3.2 V .. 3.4 V", None, None, 3.2, 3.4, "V"),
    ("3.2 .. 3.4 V", None, None, 3.2, 3.4, "V"),
    ("3.2 V … 3.4 V", None, None, 3.2, 3.4, "V"),
    ("-3.4 V .. -3.2 V", None, None, -3.4, -3.2, "V"),
    (">= 4.75 V", None, None, 4.75, INF, "V"),
    ("≥ 4.75 V", None, None, 4.75, INF, "V"),
    ("<= 50 mA", None, None, -INF, 0.05, "A"),
    ("≤ 50 mA", "A", None, -INF, 0.05, "A"),
    ("1 kHz ±(0.5 % + 2 Hz)", None, 1000.0, 993.0, 1007.0, "Hz"),
    ("1 kHz ±(2 Hz + 0.5 %)", "Hz", 1000.0, 993.0, 1007.0, "Hz"),
    ("4k7 ±5 %", None, 4700.0, 4465.0, 4935.0, "Ω"),
    ("4k7 ±5 %", "Ω", 4700.0, 4465.0, 4935.0, "Ω"),
    ("4.7 kΩ E24", None, 4700.0, 4465.0, 4935.0, "Ω"),
    ("4.7 kohm E24", "ohm", 4700.0, 4465.0, 4935.0, "Ω"),
    ("10 kΩ E6", None, 1e4, 8e3, 12e3, "Ω"),
    ("8.2 kΩ E12", None, 8200.0, 7380.0, 9020.0, "Ω"),
    ("1.02 kΩ E96", None, 1020.0, 1009.8, 1030.2, "Ω"),
    ("9.2 kΩ E192", None, 9200.0, 9154.0, 9246.0, "Ω"),   # the E192 table's exception
    ("-5 V ±5 %", None, -5.0, -5.25, -4.75, "V"),
    ("3.3 V ±50 ppm", None, 3.3, 3.299835, 3.300165, "V"),
    ("23 % .. 27 %", "%", None, 23.0, 27.0, "%"),
    ("25 °C ± 2 °C", None, 25.0, 23.0, 27.0, "°C"),
    ("9600 Bd ±2 %", "Bd", 9600.0, 9408.0, 9792.0, "Bd"),
    ("100 nF ±10 %", None, 1e-7, 9e-8, 1.1e-7, "F"),
    ("0 V ± 10 mV", None, 0.0, -0.01, 0.01, "V"),
]


@pytest.mark.parametrize(("text", "unit", "nominal", "lower", "upper", "lim_unit"), FORMS)
def test_every_form(text: str, unit: str | None, nominal: float | None, lower: float,
                    upper: float, lim_unit: str) -> None:
    lim = parse_limit(text, unit)
    assert lim.unit == lim_unit
    assert lim.nominal == nominal
    assert lim.lower == lower  # exact: 3.3 V ±3 % ends at 3.201 V, not 3.2010000000000005
    assert lim.upper == upper
    assert lim.warn_lower is None and lim.warn_upper is None
    assert lim.text == text.strip()


def test_e_series_tolerances() -> None:
    assert E_SERIES == {"E6": 20.0, "E12": 10.0, "E24": 5.0, "E48": 2.0, "E96": 1.0,
                        "E192": 0.5}
    for series, pct in E_SERIES.items():
        lim = parse_limit(f"10 kΩ {series}")
        assert lim.upper == pytest.approx(1e4 * (1 + pct / 100))
        assert lim.lower == pytest.approx(1e4 * (1 - pct / 100))


def test_value_outside_its_e_series_is_refused_with_neighbours() -> None:
    with pytest.raises(LimitError, match=r"not a value of the E24 series \(nearest: 4.7 kΩ or "
                                         r"5.1 kΩ\)"):
        parse_limit("4.8 kΩ E24")
    assert in_e_series(47.0, "E12") and not in_e_series(5.1, "E12")


def test_warn_band() -> None:
    lim = parse_limit("3.3 V ±3 % warn ±2 %", "V")
    assert (lim.lower, lim.upper) == (3.201, 3.399)
    assert (lim.warn_lower, lim.warn_upper) == (3.234, 3.366)
    lim = parse_limit("3.2 V .. 3.4 V warn 3.25 V .. 3.35 V")
    assert (lim.warn_lower, lim.warn_upper) == (3.25, 3.35)
    lim = parse_limit(">= 4.75 V WARN >= 4.8 V")
    assert (lim.warn_lower, lim.warn_upper) == (4.8, INF)
    lim = parse_limit("3.3V±3%warn±2%")
    assert (lim.warn_lower, lim.warn_upper) == (3.234, 3.366)
    lim = parse_limit("4.7 kΩ E24 warn ±2 %")
    assert (lim.lower, lim.warn_lower, lim.warn_upper, lim.upper) == (4465, 4606, 4794, 4935)


def test_limit_from_nominal_and_tolerance() -> None:
    lim = limit_from(3.3, "±3 %", "V")
    assert (lim.nominal, lim.lower, lim.upper, lim.unit) == (3.3, 3.201, 3.399, "V")
    assert lim.text == "3.3 V ±3 %"
    lim = limit_from("5 V", "+5 %/-2 %", "V")
    assert (lim.lower, lim.upper) == (4.9, 5.25)
    lim = limit_from(1000.0, "±(0.5 % + 2 Hz)", "Hz")
    assert (lim.lower, lim.upper) == (993.0, 1007.0)
    lim = limit_from(4700.0, "E24", "Ω")
    assert (lim.lower, lim.upper) == (4465.0, 4935.0)
    lim = limit_from(3.3, "±3 % warn ±2 %", "V")
    assert (lim.warn_lower, lim.warn_upper) == (3.234, 3.366)
    lim = limit_from(25.0, "23 % .. 27 %", "%")
    assert (lim.nominal, lim.lower, lim.upper) == (25.0, 23.0, 27.0)
    with pytest.raises(LimitError, match="outside"):
        limit_from(30.0, "23 % .. 27 %", "%")


def test_bare_tolerance_needs_a_nominal() -> None:
    for text in ("±5 %", "+5 %/-2 %", "E24"):
        with pytest.raises(LimitError, match="without its nominal"):
            parse_limit(text, "V")


@pytest.mark.parametrize(("text", "unit", "needle"), [
    ("±5 V%", "V", '"5 V%" — expected a number with a unit, e.g. "±5 %"'),
    ("3.3 V ±3 %", "A", "the limit is in V, but this check measures A"),
    ("3.3 A ±3 %", "V", "the limit is in A, but this check measures V"),
    ("3.3 V ± 0.1 A", None, "mixes V and A"),
    ("3.3 V ± 0.1 A", "V", "measures V"),
    ("3.2 V .. 3.4 A", None, "mixes V and A"),
    ("> 4.75 V", "V", 'write ">="'),
    ("< 4.75 V", "V", 'write "<="'),
    ("3.4 V .. 3.2 V", None, "write the lower one first"),
    ("25 % ±2 %", "%", "ambiguous"),
    ("3.3", None, "no tolerance"),
    ("3.3 V", None, "no tolerance"),
    ("3.3 ±3 %", None, "expected a unit"),
    ("0 V ±5 %", None, "zero nominal"),
    ("3.3 V ±3 % warn ±5 %", None, "must lie inside the limits"),
    ("3.3 V ±3 % warn", None, '"warn" needs a band'),
    ("3.3 V ±3 % warn ±1 % warn ±2 %", None, "twice"),
    ("3.2 V .. 3.4 V warn ±1 %", None, "needs a nominal"),
    ("3.3 V ±(3 %", None, '")"'),
    ("3.3 V +3 % +2 %", None, 'both sides of the tolerance are "+"'),
    ("3.3 V +3 %", None, "needs its other side"),
    ("3.3 V ±3 % 7", None, 'unexpected "7"'),
    ("hello", None, 'cannot read "hello"'),
    ("", None, "empty"),
    ("3.3 V ±-3 %", None, "tolerance amount"),
    ("3,3 V ±3 %", None, "decimal point"),
    ("3.3 V ±3 % ; rm -rf", None, "cannot read"),
    ("1e308 V ± 1e308 V", None, "too large"),
    ("3.3 V ±1e999 ppm", None, "too large"),
])
def test_bad_expressions_say_what_was_expected(text: str, unit: str | None, needle: str) -> None:
    with pytest.raises(LimitError) as info:
        parse_limit(text, unit)
    assert needle in str(info.value)


def test_plan_style_error_message_names_the_tolerance() -> None:
    with pytest.raises(LimitError) as info:
        limit_from(5.0, "±5 V%", "V")
    assert str(info.value).startswith('tolerance "±5 V%": cannot read "5 V%" — expected a '
                                      'number with a unit, e.g. "±5 %"')
    assert 'unknown unit "V%"' in str(info.value)
    with pytest.raises(LimitError, match="the nominal is given separately"):
        limit_from(3.3, "3.3 V ±3 %", "V")
    with pytest.raises(LimitError, match=r'e\.g\. "±3 %"'):
        limit_from(3.3, "±abc", "V")


def test_limit_constructor_enforces_order() -> None:
    with pytest.raises(LimitError):
        Limit("x", None, 2.0, 1.0, "V")
    with pytest.raises(LimitError):
        Limit("x", 5.0, 1.0, 2.0, "V")
    with pytest.raises(LimitError):
        Limit("x", None, 1.0, 2.0, "V", warn_lower=0.5, warn_upper=1.5)
    with pytest.raises(LimitError):
        Limit("x", None, math.nan, 2.0, "V")


def test_describe_uses_si_prefixes() -> None:
    assert parse_limit("3.3 V ±3 %").describe() == "3.201 V … 3.399 V"
    assert parse_limit(">= 4.75 V").describe() == "≥ 4.750 V"
    assert parse_limit("<= 50 mA").describe() == "≤ 50.00 mA"
    assert parse_limit("4k7 E24").describe() == "4.465 kΩ … 4.935 kΩ"
    assert parse_limit("3.3 V ±3 % warn ±2 %").describe() == (
        "3.201 V … 3.399 V (warn band 3.234 V … 3.366 V)")
    # close limits get enough digits to stay apart
    assert parse_limit("3.3 V ± 10 µV").describe() == "3.29999 V … 3.30001 V"


# -- verdicts -----------------------------------------------------------------------------------


def verdicts(limit: Limit, values: list[float], **kw: object) -> list[int]:
    return limit.evaluate(np.array(values, dtype=float), **kw).verdicts.tolist()  # type: ignore[arg-type]


def test_simple_rule_boundaries_pass_exactly_at_the_limit() -> None:
    lim = parse_limit("3.3 V ±3 %")
    below = np.nextafter(3.201, 0)
    above = np.nextafter(3.399, 10)
    assert verdicts(lim, [3.201, 3.399, below, above, 3.3]) == [P, P, F, F, P]


def test_verdict_codes_for_nan_overload_and_warn_band() -> None:
    lim = parse_limit("3.3 V ±3 % warn ±2 %")
    values = [3.3, 3.234, 3.2339, 3.366, 3.3661, 3.201, 3.2009, 3.399, 3.3991, math.nan,
              9.9e37, -9.9e37, 3.3]
    over = np.zeros(len(values), bool)
    over[-1] = True
    ev = lim.evaluate(np.array(values), overload=over)
    assert ev.verdicts.tolist() == [P, P, M, P, M, M, F, M, F, E, X, X, X]
    assert ev.verdicts.dtype == np.int8
    assert ev.rule == "simple"


def test_one_sided_limits() -> None:
    assert verdicts(parse_limit(">= 4.75 V"), [4.75, 4.7499, 1e30, -1e30]) == [P, F, P, F]
    assert verdicts(parse_limit("<= 50 mA"), [0.05, 0.0501, -1.0]) == [P, F, P]
    # an overload number is never "above 4.75 V": it is no number at all
    assert verdicts(parse_limit(">= 4.75 V"), [9.9e37, -9.9e37, math.inf, -math.inf, math.nan]) \
        == [X, X, X, X, E]
    assert verdicts(parse_limit("<= 50 mA"), [-9.9e37, 9.9e37]) == [X, X]


def test_overload_flag_wins_even_over_a_number_inside() -> None:
    lim = parse_limit("3.3 V ±3 %")
    assert verdicts(lim, [3.3, 3.3], overload=np.array([True, False])) == [X, P]
    assert verdicts(lim, [3.3, 3.3], overload=True) == [X, X]


def test_margin_is_signed_distance_positive_inside() -> None:
    lim = parse_limit("3.2 V .. 3.4 V")
    ev = lim.evaluate(np.array([3.3, 3.25, 3.45, 3.1, math.nan, 9.9e37]))
    m = ev.margin
    assert m[:4] == pytest.approx([0.1, 0.05, -0.05, -0.1])
    assert np.isnan(m[4]) and np.isnan(m[5])
    one = parse_limit(">= 4.75 V").evaluate(np.array([5.0])).margin
    assert one.tolist() == pytest.approx([0.25])


def test_scalar_and_shaped_input() -> None:
    lim = parse_limit("3.3 V ±3 %")
    assert lim.evaluate(3.3).verdicts.tolist() == [P]
    ev = lim.evaluate(np.array([[3.3, 4.0], [math.nan, 3.25]]))
    assert ev.verdicts.tolist() == [[P, F], [E, P]]
    assert ev.margin.shape == (2, 2)
    assert lim.evaluate(np.array([])).verdicts.shape == (0,)


def test_guarded_rule_ilac_g8() -> None:
    lim = parse_limit("3.3 V ±3 %")  # 3.201 .. 3.399
    u = 0.01
    values = [3.3, 3.211, 3.21, 3.205, 3.1915, 3.19, 3.389, 3.39, 3.41, 3.409, math.nan, 9.9e37]
    ev = lim.evaluate(np.array(values), uncertainty=u, rule="guarded")
    assert ev.rule == "guarded"
    assert ev.verdicts.tolist() == [P, P, Q, Q, Q, F, P, Q, F, Q, E, X]


def test_guarded_rule_with_per_reading_uncertainty_and_warn() -> None:
    lim = parse_limit("3.3 V ±3 % warn ±2 %")
    values = np.array([3.3, 3.3, 3.37, 3.5])
    u = np.array([0.0, 0.2, 0.01, 0.05])
    ev = lim.evaluate(values, uncertainty=u, rule="guarded")
    assert ev.verdicts.tolist() == [P, Q, M, F]
    with pytest.raises(LimitError, match="negative"):
        lim.evaluate(values, uncertainty=-1.0, rule="guarded")


def test_guarded_rule_overload_on_an_open_side() -> None:
    lim = parse_limit(">= 4.75 V")
    ev = lim.evaluate(np.array([9.9e37, 5.0, 4.76]), uncertainty=0.02, rule="guarded")
    assert ev.verdicts.tolist() == [X, P, Q]


def test_guarded_with_zero_uncertainty_equals_simple() -> None:
    lim = parse_limit("3.3 V ±3 % warn ±1 %")
    x = np.random.default_rng(3).normal(3.3, 0.06, 2000)
    x[::97] = np.nan
    assert np.array_equal(lim.evaluate(x, uncertainty=0.0, rule="guarded").verdicts,
                          lim.evaluate(x).verdicts)


def test_guarded_without_uncertainty_falls_back_and_says_so() -> None:
    ev = parse_limit("3.3 V ±3 %").evaluate(np.array([3.3]), rule="guarded")
    assert ev.rule == "simple"
    with pytest.raises(LimitError, match="decision rule"):
        parse_limit("3.3 V ±3 %").evaluate(np.array([3.3]), rule="lenient")


def reference_verdicts(lim: Limit, x: np.ndarray, over: np.ndarray) -> np.ndarray:
    """The obvious np.select formulation, to check the int8 arithmetic against."""
    inside = (x >= lim.lower) & (x <= lim.upper)
    if lim.warn_lower is not None:
        in_warn = (x >= lim.warn_lower) & (x <= lim.warn_upper)
    else:
        in_warn = inside
    is_over = over | (np.abs(x) >= 9e37)
    return np.select([is_over, np.isnan(x), ~inside, ~in_warn], [X, E, F, M], P).astype(np.int8)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(st.floats(3.0, 3.6), st.sampled_from(
    [3.201, 3.399, 3.234, 3.366, math.nan, math.inf, -math.inf, 9.9e37, -9.9e37, 9e37])),
    min_size=1, max_size=40), st.booleans(), st.integers(0, 2**32 - 1))
def test_kernel_agrees_with_reference(vals: list[float], warn: bool, seed: int) -> None:
    lim = parse_limit("3.3 V ±3 % warn ±2 %" if warn else "3.3 V ±3 %")
    x = np.array(vals)
    over = np.random.default_rng(seed).random(x.size) < 0.1
    got = lim.evaluate(x, overload=over).verdicts
    assert np.array_equal(got, reference_verdicts(lim, x, over))


@pytest.mark.parametrize("warn", [False, True])
def test_kernel_across_chunk_boundaries(warn: bool) -> None:
    lim = parse_limit("3.3 V ±3 % warn ±2 %" if warn else "3.3 V ±3 %")
    rng = np.random.default_rng(7)
    x = rng.normal(3.3, 0.05, 3 * CHUNK + 17)
    for i in (0, CHUNK - 1, CHUNK, 2 * CHUNK + 5, x.size - 1):
        x[i] = math.nan
    x[CHUNK + 1] = 9.9e37
    x[-2] = -9.9e37
    over = np.zeros(x.size, bool)
    over[[5, CHUNK * 2]] = True
    got = lim.evaluate(x, overload=over).verdicts
    assert np.array_equal(got, reference_verdicts(lim, x, over))
    counts = lim.evaluate(x, overload=over).counts()
    assert sum(counts.values()) == x.size
    assert counts[Verdict.ERROR] == 5 and counts[Verdict.OVERLOAD] == 4


def test_evaluation_overall_and_counts() -> None:
    lim = parse_limit("3.3 V ±3 %")
    ev = lim.evaluate(np.array([3.3, 3.5, 3.3]))
    assert ev.overall() is Verdict.FAIL
    assert ev.counts()[Verdict.PASS] == 2
    assert lim.evaluate(np.array([])).overall() is Verdict.ERROR


# -- uncertainty and TUR ------------------------------------------------------------------------


def test_expanded_uncertainty_from_accuracy_spec() -> None:
    # 0.0030 % of reading + 0.0005 % of range, 10 V range, rectangular → k=2
    u = expanded_uncertainty(np.array([3.3, -3.3, math.nan]), pct_reading=0.0030,
                             pct_range=0.0005, range_=10.0)
    spec = 3.3 * 30e-6 + 10.0 * 5e-6
    assert u[0] == pytest.approx(spec * 2 / math.sqrt(3))
    assert u[1] == u[0]
    assert math.isnan(u[2])
    assert expanded_uncertainty(1.0, pct_reading=1, pct_range=0, range_=1, k=math.sqrt(3)) \
        == pytest.approx(0.01)
    with pytest.raises(LimitError):
        expanded_uncertainty(1.0, pct_reading=-1, pct_range=0, range_=1)


def test_tur_and_warning() -> None:
    lim = parse_limit("3.3 V ±3 %")  # half-width 99 mV
    assert tur(lim, 0.0099) == pytest.approx(10.0)
    assert tur_warning(lim, 0.0099) is None
    msg = tur_warning(lim, 0.03)
    assert msg is not None and "TUR 3.3" in msg and "below 4" in msg
    assert tur(parse_limit(">= 4.75 V"), 0.1) == math.inf
    assert tur(lim, 0.0) == math.inf


# -- hypothesis: random and near-miss expressions ------------------------------------------------

NUMBERS = ["3.3", "0", "4k7", "3V3", "1e3", ".5", "-5", "10", "0.001", "1e-3", "100", "4R7",
           "1e308", "99999999999999999999"]
UNITS = ["V", "mV", "A", "mA", "µA", "kΩ", "ohm", "Hz", "kHz", "s", "ms", "F", "nF", "°C",
         "%", "dB", "Bd", "", "ppm", "k", "m"]
OPS = ["±", "+-", "+/-", "+", "-", "/", "..", "…", ">=", "<=", "≥", "≤", ">", "<", "(", ")",
       "warn", "E24", "E6", "E7", " ", "", "%", "±(", "+ "]


def quantity() -> st.SearchStrategy[str]:
    return st.builds(lambda n, sp, u: f"{n}{sp}{u}", st.sampled_from(NUMBERS),
                     st.sampled_from(["", " "]), st.sampled_from(UNITS))


def expression() -> st.SearchStrategy[str]:
    well_formed = st.one_of(
        st.builds(lambda q, t: f"{q} ±{t}", quantity(), quantity()),
        st.builds(lambda q, a, b: f"{q} +{a}/-{b}", quantity(), quantity(), quantity()),
        st.builds(lambda a, b: f"{a} .. {b}", quantity(), quantity()),
        st.builds(lambda op, q: f"{op} {q}", st.sampled_from([">=", "<=", "≥", "≤"]), quantity()),
        st.builds(lambda q, a, b: f"{q} ±({a} + {b})", quantity(), quantity(), quantity()),
        st.builds(lambda q, s: f"{q} {s}", quantity(), st.sampled_from([*E_SERIES, "E7"])),
    )
    with_warn = st.builds(lambda e, w: f"{e} warn ±{w}", well_formed, quantity())
    pieces = st.lists(st.one_of(quantity(), st.sampled_from(OPS)), max_size=8).map(" ".join)
    return st.one_of(well_formed, with_warn, pieces)


@st.composite
def mutated(draw: st.DrawFn) -> str:
    text = draw(expression())
    for _ in range(draw(st.integers(0, 3))):
        if not text:
            break
        i = draw(st.integers(0, len(text) - 1))
        action = draw(st.sampled_from(["delete", "insert", "duplicate", "swap"]))
        if action == "delete":
            text = text[:i] + text[i + 1:]
        elif action == "insert":
            text = text[:i] + draw(st.sampled_from(list("±+-./%() 0.5kmVEe,µ∞\x00"))) + text[i:]
        elif action == "duplicate":
            text = text[:i] + text[i] + text[i:]
        elif i + 1 < len(text):
            text = text[:i] + text[i + 1] + text[i] + text[i + 2:]
    return text


def assert_consistent(lim: Limit) -> None:
    assert isinstance(lim, Limit)
    assert lim.lower <= lim.upper
    assert not math.isnan(lim.lower) and not math.isnan(lim.upper)
    if lim.nominal is not None:
        assert math.isfinite(lim.nominal)
        assert lim.lower <= lim.nominal <= lim.upper
    if lim.warn_lower is not None:
        assert lim.warn_upper is not None
        assert lim.lower <= lim.warn_lower <= lim.warn_upper <= lim.upper
    assert lim.describe()
    lim.evaluate(np.array([lim.lower, lim.upper, 0.0, math.nan]))


@settings(max_examples=100, deadline=None)
@given(st.one_of(mutated(), st.text(max_size=30)), st.sampled_from([None, "V", "A", "Ω", "%"]))
def test_random_and_near_miss_expressions_parse_consistently_or_raise_limit_error(
        text: str, unit: str | None) -> None:
    try:
        lim = parse_limit(text, unit)
    except LimitError as exc:
        assert str(exc)
        return
    assert_consistent(lim)
    if unit is not None:
        assert lim.unit == unit


@settings(max_examples=80, deadline=None)
@given(st.one_of(mutated(), st.text(max_size=20)),
       st.floats(allow_nan=True, allow_infinity=True), st.sampled_from(["V", "Hz", "%"]))
def test_limit_from_random_tolerances(tolerance: str, nominal: float, unit: str) -> None:
    try:
        lim = limit_from(nominal, tolerance, unit)
    except LimitError:
        return
    assert_consistent(lim)
    assert lim.nominal == pytest.approx(nominal, rel=1e-11)


# --- a decimal comma where the language writes one ------------------------------------------


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_a_limit_written_with_decimal_commas_reads_as_with_points(lang):
    for local, english in [("3,3 V ±3 %", "3.3 V ±3 %"),           # the Dutch placeholder
                           ("3,2 V .. 3,4 V", "3.2 V .. 3.4 V"),
                           ("5 V +2,5 %/-1,5 %", "5 V +2.5 %/-1.5 %"),
                           (">= 4,75 V", ">= 4.75 V"),
                           ("1 kHz ±(0,5 % + 2 Hz)", "1 kHz ±(0.5 % + 2 Hz)"),
                           ("3,3 V ±5 % warn ±2,5 %", "3.3 V ±5 % warn ±2.5 %")]:
        got, want = parse_limit(local, "V" if "Hz" not in local else "Hz", lang), \
            parse_limit(english, "V" if "Hz" not in english else "Hz")
        assert (got.lower, got.upper, got.nominal, got.warn_lower, got.warn_upper) == (
            want.lower, want.upper, want.nominal, want.warn_lower, want.warn_upper)
        assert got.text == want.text  # stored with points: re-read anywhere
    lim = limit_from("3,3 V", "±3 %", "V", lang)
    assert (lim.lower, lim.upper) == (3.201, 3.399)


def test_english_input_still_refuses_a_decimal_comma_and_keeps_points():
    with pytest.raises(LimitError, match="decimal point"):
        parse_limit("3,3 V ±3 %", "V")
    with pytest.raises(LimitError, match="decimal point"):
        parse_limit("3,3 V ±3 %", "V", "en")
    assert parse_limit("3.3 V ±3 %", "V", "nl").upper == 3.399


@given(st.integers(0, 999), st.integers(1, 999), st.integers(1, 9))
def test_any_comma_limit_in_nl_equals_the_point_limit(whole, frac, pct):
    local = f"{whole},{frac} V ±{pct} %"
    english = local.replace(",", ".")
    assert parse_limit(local, "V", "nl").upper == parse_limit(english, "V").upper
