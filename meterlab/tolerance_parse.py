"""Reading tolerance expressions as people write them on test sheets.

The grammar is small and fixed, so it is a hand-written tokenizer and a
recursive-descent reader rather than a regex per form: every form shares the
same quantity reader (SI prefixes, `4k7`, unit aliases) and the same unit
checks, and every failure can say which piece was not understood and what a
correct one looks like.

    limit     := nominal tol | bound ".." bound | (">=" | "<=") bound
                 | nominal "E6|E12|E24|E48|E96|E192"          then optionally: "warn" band
    tol       := "±" term | "+" term ["/"] "-" term | "-" term ["/"] "+" term
    term      := amount | "(" amount ("+" amount)* ")"
    amount    := number "%" | number "ppm" | quantity (absolute, in the nominal's unit)

`%` and `ppm` after a `±` are always relative to the nominal. On a check that
itself reads in % (a duty cycle), `25 % ±2 %` would be ambiguous, so it is
refused with a pointer to the unambiguous range form `23 % .. 27 %`.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from meterlab.errors import LimitError
from meterlab.units import UNITS, _normalise_text, canonical_unit, format_si, split_quantity

#: E-series → the tolerance its parts are made to (percent).
E_SERIES: dict[str, float] = {
    "E6": 20.0, "E12": 10.0, "E24": 5.0, "E48": 2.0, "E96": 1.0, "E192": 0.5,
}

_E6 = (1.0, 1.5, 2.2, 3.3, 4.7, 6.8)
_E12 = (1.0, 1.2, 1.5, 1.8, 2.2, 2.7, 3.3, 3.9, 4.7, 5.6, 6.8, 8.2)
_E24 = (1.0, 1.1, 1.2, 1.3, 1.5, 1.6, 1.8, 2.0, 2.2, 2.4, 2.7, 3.0, 3.3, 3.6, 3.9, 4.3,
        4.7, 5.1, 5.6, 6.2, 6.8, 7.5, 8.2, 9.1)

EXAMPLE = '"3.3 V ±3 %", "5 V +5 %/-2 %", "3.2 V .. 3.4 V", ">= 4.75 V" or "4.7 kΩ E24"'
#: Examples for a tolerance written apart from its nominal (plan files).
TOL_EXAMPLE = '"±3 %", "+5 %/-2 %", "± 0.1 V", "±(0.5 % + 2 Hz)" or "E24"'


def e_series_values(series: str) -> tuple[float, ...]:
    """The mantissas (1 ≤ m < 10) of a series; E48 and up follow the IEC 60063 formula."""
    n = int(series[1:])
    if n == 6:
        return _E6
    if n == 12:
        return _E12
    if n == 24:
        return _E24
    return tuple(round(10 ** (i / n), 2) for i in range(n))


def in_e_series(value: float, series: str) -> bool:
    """Whether `value` (any decade) is a preferred value of `series`.

    The formula for E48..E192 differs from the published table in one place by
    0.01 (E192 9.20), so those are matched within 0.011 of the mantissa.
    """
    if value <= 0 or not math.isfinite(value):
        return False
    mant = value / 10 ** math.floor(math.log10(value))
    mant = round(mant, 6)
    if mant >= 10:
        mant /= 10
    slack = 0.011 if int(series[1:]) >= 48 else 1e-6
    return any(abs(mant - m) <= slack for m in (*e_series_values(series), 10.0))


# --- tokens -------------------------------------------------------------------------------

_NUM = r"(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?"
_UNITWORD = r"(?:\s*(?!E\d)(?!warn\b)[A-Za-zΩµ°%]+)?"
_TOKEN = re.compile(
    r"\s*(?:"
    r"(?P<op>>=|<=|\.\.|[±+\-()/<>])"
    rf"|(?P<short>\d+[pnuµmkKMGRVA]\d+(?:\s*(?!E\d)[A-Za-zΩµ°%]+)?)"
    rf"|(?P<num>{_NUM}{_UNITWORD})"
    r"|(?P<word>[A-Za-z]\w*)"
    r")"
)


@dataclass(frozen=True)
class Tok:
    kind: str     # "op", "num", "word"
    text: str
    value: float = 0.0
    unit: str | None = None   # canonical unit, "%", "ppm", or None when none was written


def _normalise(text: str) -> str:
    t = _normalise_text(text)
    for a, b in (("+/-", "±"), ("+-", "±"), ("≥", ">="), ("≤", "<="), ("…", ".."),
                 ("...", ".."), ("⩾", ">="), ("⩽", "<=")):
        t = t.replace(a, b)
    return t


def tokenize(text: str, what: str, example: str = EXAMPLE) -> list[Tok]:
    """Split into operators, quantities and words; anything else is an error naming it."""
    toks: list[Tok] = []
    pos = 0
    src = text.rstrip()
    while pos < len(src):
        m = _TOKEN.match(src, pos)
        if not m or m.end() == pos:
            bad = src[pos:].strip()
            if re.match(r",\d", bad) and pos and src[pos - 1].isdigit():
                raise LimitError(f"{what}: use a decimal point, not a comma, e.g. {example}")
            raise LimitError(f'{what}: cannot read "{bad}" — expected a number with a unit '
                             f"or one of ± + - .. >= <= ( ), e.g. {example}")
        pos = m.end()
        if m.group("op"):
            toks.append(Tok("op", m.group("op")))
        elif m.group("word"):
            toks.append(Tok("word", m.group("word")))
        else:
            lex = (m.group("short") or m.group("num")).strip()
            toks.append(_quantity_token(lex, what))
    return toks


def _quantity_token(lex: str, what: str) -> Tok:
    compact = lex.replace(" ", "")
    if compact.endswith("ppm"):
        body = compact[:-3]
        if not re.fullmatch(_NUM, body):
            raise LimitError(f'{what}: "{lex}" — expected a plain number before ppm, '
                             'e.g. "±50 ppm"')
        return Tok("num", lex, float(body), "ppm")
    try:
        value, unit = split_quantity(lex)
    except LimitError as exc:
        detail = str(exc).partition(": ")[2].partition(" (expected one of")[0]
        raise LimitError(f'{what}: cannot read "{lex}" — expected a number with a unit, '
                         f'e.g. "±5 %" or "3.3 V" ({detail}; units: {", ".join(UNITS)})'
                         ) from None
    return Tok("num", lex, value, unit)


# --- reading ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Amount:
    value: float
    unit: str | None   # "%", "ppm", an absolute unit, or None (the nominal's unit)
    text: str


@dataclass(frozen=True)
class Spec:
    """A tolerance before it meets its nominal: what to add above and take off below."""

    plus: tuple[Amount, ...]
    minus: tuple[Amount, ...]
    series: str | None = None


@dataclass(frozen=True)
class Parsed:
    """What the text says, before the numbers are checked against each other."""

    nominal: Tok | None = None
    spec: Spec | None = None
    lower: Tok | None = None
    upper: Tok | None = None
    lower_sign: float = 1.0
    upper_sign: float = 1.0


class Reader:
    def __init__(self, toks: list[Tok], what: str, example: str = EXAMPLE) -> None:
        self.toks = toks
        self.i = 0
        self.what = what
        self.example = example

    def peek(self, k: int = 0) -> Tok | None:
        j = self.i + k
        return self.toks[j] if j < len(self.toks) else None

    def is_op(self, text: str, k: int = 0) -> bool:
        t = self.peek(k)
        return t is not None and t.kind == "op" and t.text == text

    def take(self) -> Tok:
        t = self.peek()
        if t is None:
            raise self.error("the text ends too early")
        self.i += 1
        return t

    def done(self) -> bool:
        return self.i >= len(self.toks)

    def error(self, problem: str) -> LimitError:
        return LimitError(f"{self.what}: {problem} — expected e.g. {self.example}")

    def signed_quantity(self) -> tuple[float, Tok]:
        sign = 1.0
        if self.is_op("+") or self.is_op("-"):
            sign = -1.0 if self.take().text == "-" else 1.0
        t = self.take()
        if t.kind != "num":
            raise self.error(f'"{t.text}" where a number was expected')
        if t.unit == "ppm":
            raise self.error(f'"{t.text}": ppm only makes sense after ±')
        return sign, t

    def amount(self) -> Amount:
        t = self.take()
        if t.kind != "num":
            raise self.error(f'"{t.text}" where a tolerance amount was expected')
        return Amount(t.value, t.unit, t.text)

    def term(self) -> tuple[Amount, ...]:
        if not self.is_op("("):
            return (self.amount(),)
        self.take()
        parts = [self.amount()]
        while self.is_op("+"):
            self.take()
            parts.append(self.amount())
        if not self.is_op(")"):
            raise self.error('a "(" without its ")", or something other than "+" inside it')
        self.take()
        return tuple(parts)

    def spec(self) -> Spec:
        """A tolerance after the nominal: ±…, +…/-…, -…/+…, or an E-series name."""
        t = self.peek()
        if t is None:
            raise self.error("a nominal without a tolerance")
        if t.kind == "word":
            name = t.text.upper()
            if name in E_SERIES:
                self.take()
                pct = Amount(E_SERIES[name], "%", name)
                return Spec((pct,), (pct,), series=name)
            raise self.error(f'unknown word "{t.text}"')
        if self.is_op("±"):
            self.take()
            term = self.term()
            return Spec(term, term)
        if self.is_op("+") or self.is_op("-"):
            first = self.take().text
            a = self.term()
            if self.is_op("/"):
                self.take()
            if not (self.is_op("+") or self.is_op("-")):
                raise self.error(f'"{first}{a[0].text}" needs its other side, '
                                 'e.g. "+5 %/-2 %"')
            second = self.take().text
            if second == first:
                raise self.error(f'both sides of the tolerance are "{first}"; '
                                 'give one "+" and one "-" part')
            b = self.term()
            plus, minus = (a, b) if first == "+" else (b, a)
            plus, minus = _share_units(plus, minus)
            return Spec(plus, minus)
        raise self.error(f'"{t.text}" where a tolerance (±, +/-, E24) was expected')


def _share_units(plus: tuple[Amount, ...], minus: tuple[Amount, ...]) -> tuple[
        tuple[Amount, ...], tuple[Amount, ...]]:
    """"+5/-2 %": a lone unitless side borrows the unit written on the other side."""
    if len(plus) == 1 and len(minus) == 1:
        p, m = plus[0], minus[0]
        if p.unit is None and m.unit is not None:
            plus = (Amount(p.value, m.unit, p.text),)
        elif m.unit is None and p.unit is not None:
            minus = (Amount(m.value, p.unit, m.text),)
    return plus, minus


def read_band(r: Reader) -> Parsed:
    """A band that needs no nominal: `a .. b`, `>= a`, `<= b`."""
    if r.is_op(">=") or r.is_op("<="):
        op = r.take().text
        sign, q = r.signed_quantity()
        return Parsed(lower=q, lower_sign=sign) if op == ">=" else Parsed(upper=q, upper_sign=sign)
    if r.is_op(">") or r.is_op("<"):
        op = r.take().text
        raise r.error(f'"{op}": limits include their end points, write "{op}="')
    s1, q1 = r.signed_quantity()
    if not r.is_op(".."):
        raise r.error(f'"{q1.text}" alone is not a limit')
    r.take()
    s2, q2 = r.signed_quantity()
    return Parsed(lower=q1, upper=q2, lower_sign=s1, upper_sign=s2)


def read_limit(r: Reader, *, nominal_given: bool) -> Parsed:
    """The main part of a limit (before "warn"); with `nominal_given` the text is a tolerance."""
    first = r.peek()
    if first is None:
        raise r.error("the text is empty")
    if (r.is_op(">=") or r.is_op("<=") or r.is_op(">") or r.is_op("<")
            or any(t.kind == "op" and t.text == ".." for t in r.toks[r.i:])):
        return read_band(r)
    if nominal_given:
        if first.kind == "num":
            raise r.error(f'"{first.text}" where the tolerance should start; the nominal is '
                          "given separately, so write only the tolerance")
        return Parsed(spec=r.spec())
    if first.kind == "word" and first.text.upper() not in E_SERIES:
        raise r.error(f'cannot read "{first.text}"')
    if r.is_op("±") or first.kind == "word":
        raise r.error("a tolerance without its nominal value (write e.g. \"3.3 V ±3 %\", or "
                      "give the nominal separately)")
    start = r.i
    if r.is_op("+") or r.is_op("-"):
        # "+5 %/-2 %" is a bare tolerance; "-5 V ±1 %" a signed nominal. Try the former.
        try:
            r.spec()
        except LimitError:
            r.i = start
        else:
            if r.done():
                raise r.error("a tolerance without its nominal value (write e.g. "
                              '"5 V +5 %/-2 %", or give the nominal separately)')
            r.i = start
    sign, nom = r.signed_quantity()
    if r.done():
        raise r.error(f'"{nom.text}" has no tolerance after it')
    spec = r.spec()
    return Parsed(nominal=Tok("num", nom.text, sign * nom.value, nom.unit), spec=spec)


def split_warn(text: str, what: str) -> tuple[str, str | None]:
    parts = re.split(r"(?i)\bwarn\b", text)
    if len(parts) > 2:
        raise LimitError(f'{what}: "warn" given twice — one marginal band per limit')
    if len(parts) == 2:
        if not parts[1].strip():
            raise LimitError(f'{what}: "warn" needs a band after it, e.g. "warn ±2 %"')
        return parts[0], parts[1]
    return text, None


def describe_bounds(lower: float, upper: float, unit: str) -> str:
    """ "3.201 V … 3.399 V", "≥ 4.750 V", "≤ 50.00 mA": enough digits to tell the ends apart."""
    if math.isinf(lower) and math.isinf(upper):
        return "any value"
    if math.isinf(lower):
        return f"≤ {format_si(upper, unit)}"
    if math.isinf(upper):
        return f"≥ {format_si(lower, unit)}"
    digits = 4
    lo, hi = format_si(lower, unit, digits), format_si(upper, unit, digits)
    while lo == hi and lower != upper and digits < 12:
        digits += 1
        lo, hi = format_si(lower, unit, digits), format_si(upper, unit, digits)
    return f"{lo} … {hi}"


def unit_of(unit: str | None) -> str | None:
    return canonical_unit(unit) if unit else None
