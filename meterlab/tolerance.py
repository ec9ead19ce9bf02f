"""Limits and verdicts: is this reading inside its reference value and tolerance?

`parse_limit("3.3 V ±3 % warn ±2 %", "V")` gives a `Limit`; `Limit.evaluate(values)`
judges a whole numpy batch at once and returns `Verdict` codes (int8) plus each
reading's margin to the nearest limit. Limits are compared with the raw values;
rounding is for display only.

Two decision rules (ILAC-G8):

* ``simple`` — a reading passes when it lies inside the limits, end points included.
* ``guarded`` — the reading's expanded uncertainty U is taken into account: PASS only
  when all of [v − U, v + U] is inside, FAIL when all of it is outside, otherwise
  INDETERMINATE. Without a known U the rule cannot be applied; the evaluation then
  falls back to ``simple`` and records that it did (`Evaluation.rule`).

The expression grammar lives in `meterlab.tolerance_parse`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np

from meterlab.errors import LimitError
from meterlab.readings import Verdict
from meterlab.tolerance_eval import guarded_codes, margins, simple_codes
from meterlab.tolerance_parse import (
    E_SERIES,
    EXAMPLE,
    TOL_EXAMPLE,
    Amount,
    Parsed,
    Reader,
    Spec,
    _normalise,
    describe_bounds,
    e_series_values,
    in_e_series,
    read_limit,
    split_warn,
    tokenize,
    unit_of,
)
from meterlab.units import delocalise, format_si, parse_quantity, snap

RULES = ("simple", "guarded")

#: Below this test uncertainty ratio the instrument is too coarse for the tolerance.
TUR_MINIMUM = 4.0

_OVERLOAD = np.int8(Verdict.OVERLOAD)

__all__ = [
    "E_SERIES",
    "RULES",
    "TUR_MINIMUM",
    "Evaluation",
    "Limit",
    "expanded_uncertainty",
    "limit_from",
    "parse_limit",
    "tur",
    "tur_warning",
]


@dataclass(frozen=True, eq=False)
class Evaluation:
    """Verdicts for a batch of readings, and the decision rule that produced them.

    `margin` is computed on first access from the values that were evaluated:
    live displays only need the verdicts, and the margin costs more than the
    verdicts themselves on large batches. Do not modify those values in place
    before reading `margin`.
    """

    verdicts: np.ndarray
    rule: str
    _values: np.ndarray = field(repr=False)
    _lower: float = field(repr=False)
    _upper: float = field(repr=False)

    @cached_property
    def margin(self) -> np.ndarray:
        """Signed distance to the nearest limit in the limit's unit: positive inside.

        NaN where there is no number to measure from (ERROR, OVERLOAD).
        """
        x = self._values
        flat = np.ascontiguousarray(x).reshape(-1)
        codes = np.ascontiguousarray(self.verdicts).reshape(-1)
        return margins(flat, codes, self._lower, self._upper).reshape(x.shape)

    def counts(self) -> dict[Verdict, int]:
        """How many readings got each verdict (all six keys)."""
        n = np.bincount(self.verdicts.astype(np.intp, copy=False).ravel(), minlength=6)
        return {v: int(n[v]) for v in Verdict}

    def overall(self) -> Verdict:
        """The worst verdict of the batch (verdict codes are ordered by severity)."""
        if self.verdicts.size == 0:
            return Verdict.ERROR
        return Verdict(int(self.verdicts.max()))


@dataclass(frozen=True)
class Limit:
    """Lower and upper limits in base units, with an optional marginal (warning) band.

    `lower` may be -inf and `upper` +inf for one-sided limits. The warn band, when
    given, lies inside the limits; a reading inside the limits but outside the warn
    band is MARGINAL. On a one-sided limit the band's open side is infinite too.
    """

    text: str
    nominal: float | None
    lower: float
    upper: float
    unit: str
    warn_lower: float | None = None
    warn_upper: float | None = None

    def __post_init__(self) -> None:
        what = f'limit "{self.text}"'
        lo, hi, nom = self.lower, self.upper, self.nominal
        if math.isnan(lo) or math.isnan(hi) or (nom is not None and not math.isfinite(nom)):
            raise LimitError(f"{what}: the limits must be numbers")
        if lo > hi:
            raise LimitError(f"{what}: the lower limit {format_si(lo, self.unit)} is above the "
                             f"upper limit {format_si(hi, self.unit)}; write the lower one first")
        if nom is not None and not lo <= nom <= hi:
            raise LimitError(f"{what}: the nominal {format_si(nom, self.unit)} lies outside its "
                             f"own limits {describe_bounds(lo, hi, self.unit)}")
        if (self.warn_lower is None) != (self.warn_upper is None):
            raise LimitError(f"{what}: a warn band needs both sides (use ±inf for an open side)")
        if self.warn_lower is not None and self.warn_upper is not None:
            wl, wu = self.warn_lower, self.warn_upper
            if math.isnan(wl) or math.isnan(wu) or wl > wu:
                raise LimitError(f"{what}: the warn band is empty or reversed")
            if wl < lo or wu > hi:
                raise LimitError(f"{what}: the warn band {describe_bounds(wl, wu, self.unit)} "
                                 "must lie inside the limits "
                                 f"{describe_bounds(lo, hi, self.unit)}")
            if nom is not None and not wl <= nom <= wu:
                raise LimitError(f"{what}: the nominal lies outside the warn band")

    @property
    def half_width(self) -> float:
        """Half the distance between the limits (inf for a one-sided limit)."""
        return (self.upper - self.lower) / 2.0

    @property
    def has_warn(self) -> bool:
        return self.warn_lower is not None

    def describe(self) -> str:
        """The limits in words with SI prefixes: "3.201 V … 3.399 V", "≥ 4.750 V"."""
        text = describe_bounds(self.lower, self.upper, self.unit)
        if self.warn_lower is not None and self.warn_upper is not None:
            band = describe_bounds(self.warn_lower, self.warn_upper, self.unit)
            text += f" (warn band {band})"
        return text

    def evaluate(
        self,
        values: np.ndarray | float,
        *,
        overload: np.ndarray | bool | None = None,
        uncertainty: np.ndarray | float | None = None,
        rule: str = "simple",
    ) -> Evaluation:
        """Judge readings (any shape; a scalar counts as one reading) against this limit.

        NaN → ERROR; an overload flag or |v| ≥ 9E37 → OVERLOAD; outside the limits
        → FAIL (INDETERMINATE too under ``guarded``); inside the limits but outside
        the warn band → MARGINAL; else PASS.
        """
        if rule not in RULES:
            raise LimitError(f'decision rule "{rule}": expected "simple" or "guarded"')
        x = np.asarray(values, dtype=np.float64)
        if x.ndim == 0:
            x = x.reshape(1)
        flat = np.ascontiguousarray(x).reshape(-1)
        if rule == "guarded" and uncertainty is not None:
            u = np.asarray(uncertainty, dtype=np.float64)
            if np.any(u < 0):
                raise LimitError("the uncertainty U must not be negative")
            u = np.broadcast_to(u, x.shape).reshape(-1)
            codes = guarded_codes(flat, u, self.lower, self.upper,
                                  self.warn_lower, self.warn_upper)
        else:
            rule = "simple"
            codes = simple_codes(flat, self.lower, self.upper, self.warn_lower, self.warn_upper)
        codes = codes.reshape(x.shape)
        if overload is not None:
            ov = np.asarray(overload, dtype=bool)
            if ov.shape != x.shape:
                ov = np.broadcast_to(ov, x.shape)
            if ov.any():
                np.putmask(codes, ov, _OVERLOAD)
        return Evaluation(codes, rule, x, self.lower, self.upper)

# --- building limits from text --------------------------------------------------------------


def parse_limit(text: str, unit: str | None = None, lang: str | None = None) -> Limit:
    """Read a limit such as "3.3 V ±3 %", "3.2 V .. 3.4 V", ">= 4.75 V", "4k7 E24".

    `unit` is the unit the check measures in: quantities written without a unit
    take it, and a limit in another unit is an error rather than a guess.
    `lang` "nl"/"fr" also reads a decimal comma ("3,3 V ±3 %"); the limit's
    `text` is then kept with points, so stored sessions re-read anywhere.
    """
    if isinstance(text, str):
        text = delocalise(text, lang)
    return _build(text, unit, nominal=None)


def limit_from(nominal: float | str, tolerance: str, unit: str,
               lang: str | None = None) -> Limit:
    """A limit from a nominal given apart from its tolerance (plan files: nominal + tolerance).

    `tolerance` is "±3 %", "+5 %/-2 %", "±(0.5 % + 2 Hz)", "E24", optionally with
    "warn …"; a band ("3.2 V .. 3.4 V", ">= 4.75 V") is accepted too, with the
    nominal required to lie inside it.
    """
    if isinstance(tolerance, str):
        tolerance = delocalise(tolerance, lang)
    if isinstance(nominal, str):
        nominal, nom_unit = parse_quantity(nominal, unit, lang)
        if unit and nom_unit != unit_of(unit):
            raise LimitError(f'nominal is in {nom_unit}, but the check measures {unit_of(unit)}')
    nominal = float(nominal)
    if not math.isfinite(nominal):
        raise LimitError(f'tolerance "{tolerance}": the nominal must be a number')
    return _build(tolerance, unit, nominal=nominal)


def _build(text: str, unit: str | None, nominal: float | None) -> Limit:
    if not isinstance(text, str):
        raise LimitError(f"limit {text!r}: expected text such as \"3.3 V ±3 %\"")
    label = "tolerance" if nominal is not None else "limit"
    what = f'{label} "{text.strip()}"'
    example = TOL_EXAMPLE if nominal is not None else EXAMPLE
    main_text, warn_text = split_warn(_normalise(text), what)
    r = Reader(tokenize(main_text, what, example), what, example)
    parsed = read_limit(r, nominal_given=nominal is not None)
    if not r.done():
        raise r.error(f'unexpected "{r.peek().text}" after the limit')  # type: ignore[union-attr]
    warn: Parsed | None = None
    if warn_text is not None:
        wr = Reader(tokenize(warn_text, what, TOL_EXAMPLE), what, TOL_EXAMPLE)
        warn = read_limit(wr, nominal_given=True)
        if not wr.done():
            raise wr.error(f'unexpected "{wr.peek().text}" after the warn band')  # type: ignore[union-attr]
    lim_unit = _decide_unit(parsed, warn, unit, what)
    if parsed.nominal is not None:
        nominal = snap(parsed.nominal.value)
    lower, upper = _bounds(parsed, nominal, lim_unit, what)
    warn_lower = warn_upper = None
    if warn is not None:
        if warn.spec is not None and nominal is None:
            raise LimitError(f"{what}: a relative warn band needs a nominal; give the band as "
                             'limits instead, e.g. "warn 3.25 V .. 3.35 V"')
        wl, wu = _bounds(warn, nominal, lim_unit, what)
        if warn.spec is None:
            # an open side of a one-sided warn band follows the limit itself
            wl = lower if math.isinf(wl) else wl
            wu = upper if math.isinf(wu) else wu
        warn_lower, warn_upper = wl, wu
    if nominal is not None and parsed.spec is None and not lower <= nominal <= upper:
        raise LimitError(f"{what}: the nominal {format_si(nominal, lim_unit)} lies outside "
                         f"{describe_bounds(lower, upper, lim_unit)}")
    shown = text.strip()
    if parsed.nominal is None and nominal is not None:
        nom_text = _compact(nominal, lim_unit)
        shown = f"{nom_text} {shown}" if parsed.spec is not None else f"{shown}, nominal {nom_text}"
    return Limit(text=shown, nominal=nominal, lower=lower, upper=upper, unit=lim_unit,
                 warn_lower=warn_lower, warn_upper=warn_upper)


def _compact(value: float, unit: str) -> str:
    """The nominal as a person would write it: "3.3 V", "4.7 kΩ" (no padding zeros)."""
    for digits in range(1, 13):
        text = format_si(value, unit, digits)
        try:
            back, _ = parse_quantity(text, unit)
        except LimitError:
            break
        if math.isclose(back, value, rel_tol=1e-9, abs_tol=0.0) or back == value:
            break
    # trailing zeros after the point say nothing about a nominal
    num, _, rest = text.partition(" ")
    if "." in num and "e" not in num:
        num = num.rstrip("0").rstrip(".")
    return f"{num} {rest}".strip()


def _decide_unit(parsed: Parsed, warn: Parsed | None, unit: str | None, what: str) -> str:
    """The limit's unit: the check's, or the one written; any other unit is an error."""
    check_unit = unit_of(unit)
    written: list[str] = []
    for p in (parsed, warn):
        if p is None:
            continue
        for tok in (p.nominal, p.lower, p.upper):
            if tok is not None and tok.unit is not None:
                written.append(tok.unit)
        if p.spec is not None:
            for a in (*p.spec.plus, *p.spec.minus):
                if a.unit is not None and a.unit not in ("%", "ppm"):
                    written.append(a.unit)
    target = check_unit or (written[0] if written else None)
    if target is None:
        raise LimitError(f"{what}: expected a unit on the values, e.g. \"3.3 V ±3 %\"")
    for u in written:
        if u != target:
            if check_unit is not None:
                raise LimitError(f"{what}: the limit is in {u}, but this check measures "
                                 f"{check_unit}")
            raise LimitError(f"{what}: mixes {target} and {u}; a limit has one unit")
    return target


def _bounds(p: Parsed, nominal: float | None, unit: str, what: str) -> tuple[float, float]:
    if p.spec is None:
        lo = -math.inf if p.lower is None else snap(p.lower_sign * p.lower.value)
        hi = math.inf if p.upper is None else snap(p.upper_sign * p.upper.value)
        if lo > hi:
            raise LimitError(f"{what}: the lower limit {format_si(lo, unit)} is above the upper "
                             f"limit {format_si(hi, unit)}; write the lower one first")
        return lo, hi
    if nominal is None:  # pragma: no cover - read_limit never yields a spec without a nominal
        raise LimitError(f"{what}: a tolerance needs a nominal value")
    _check_series(p.spec, nominal, unit, what)
    below = sum(_resolve(a, nominal, unit, what) for a in p.spec.minus)
    above = sum(_resolve(a, nominal, unit, what) for a in p.spec.plus)
    lo, hi = snap(nominal - below), snap(nominal + above)
    if not (math.isfinite(lo) and math.isfinite(hi)):
        raise LimitError(f"{what}: the tolerance is too large to be a limit")
    return lo, hi


def _resolve(a: Amount, nominal: float, unit: str, what: str) -> float:
    if a.unit in ("%", "ppm"):
        if unit == "%" and a.unit == "%":
            raise LimitError(f'{what}: "{a.text}" on a value that is itself in % is ambiguous '
                             '(percent of the value, or percentage points?); write the limits '
                             'instead, e.g. "23 % .. 27 %"')
        if nominal == 0:
            raise LimitError(f"{what}: {a.text} of a zero nominal is zero; give an absolute "
                             f'tolerance instead, e.g. "± 10 m{unit}"')
        scale = 1e-2 if a.unit == "%" else 1e-6
        return abs(nominal) * a.value * scale
    if a.unit is not None and a.unit != unit:
        raise LimitError(f'{what}: "{a.text}" is in {a.unit}, but the limit is in {unit}')
    return a.value


def _check_series(spec: Spec, nominal: float, unit: str, what: str) -> None:
    if spec.series is None:
        return
    if not in_e_series(abs(nominal), spec.series):
        decade = 10 ** math.floor(math.log10(abs(nominal))) if nominal else 1.0
        near = sorted((*e_series_values(spec.series), 10.0),
                      key=lambda m: abs(m * decade - abs(nominal)))[:2]
        hint = " or ".join(format_si(m * decade, unit, 2 if spec.series in ("E6", "E12",
                                                                              "E24") else 3)
                           for m in sorted(near))
        raise LimitError(f"{what}: {format_si(nominal, unit)} is not a value of the "
                         f"{spec.series} series (nearest: {hint})")


# --- uncertainty ------------------------------------------------------------------------------


def expanded_uncertainty(
    values: np.ndarray | float,
    *,
    pct_reading: float,
    pct_range: float,
    range_: float,
    k: float = 2.0,
) -> np.ndarray:
    """Expanded uncertainty U of DMM readings from the spec "±(% of reading + % of range)".

    The spec is read as the half-width of a rectangular distribution (GUM 4.3.7:
    standard uncertainty = a/√3), then expanded with coverage factor `k`
    (2 ≈ 95 %), so U ≈ 1.15 × the spec limit. NaN readings give NaN.
    """
    if pct_reading < 0 or pct_range < 0 or range_ < 0 or k <= 0:
        raise LimitError("the accuracy spec, range and coverage factor must be positive")
    x = np.asarray(values, dtype=np.float64)
    a = np.abs(x) * (pct_reading / 100.0) + (pct_range / 100.0) * range_
    return a * (k / math.sqrt(3.0))


def tur(limit: Limit, uncertainty: float) -> float:
    """Test uncertainty ratio: the tolerance half-width over U (inf for one-sided limits)."""
    u = float(uncertainty)
    if math.isnan(u):
        return math.nan
    half = limit.half_width
    if math.isinf(half) or u <= 0:
        return math.inf
    return half / u


def tur_warning(limit: Limit, uncertainty: float) -> str | None:
    """A sentence for the technician when the meter is too coarse for the tolerance, else None."""
    ratio = tur(limit, uncertainty)
    if math.isnan(ratio) or ratio >= TUR_MINIMUM:
        return None
    return (f"the meter's uncertainty (±{format_si(uncertainty, limit.unit, 3)}) is large "
            f"against the tolerance {limit.describe()}: TUR {ratio:.1f}, below "
            f"{TUR_MINIMUM:g}. Use a finer range, a longer NPLC or a better meter, or expect "
            "INDETERMINATE verdicts under the guarded rule.")

