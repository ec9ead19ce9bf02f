"""Units and SI prefixes: how quantities are read from text and shown to people.

Readings travel in base units (V, A, Ω, Hz, s, F, °C); people write and read
them with prefixes (`42.07 mA`, `4.700 kΩ`, `4k7`). This module is the one
place that translates between the two, so the CLI, the GUI, the reports and
the limit plans can never disagree on what "4.7k" means.

Units that are not ratio-scaled or are already ratios (°C, %, dB) never take a
prefix: "m°C" is refused rather than guessed at.
"""

from __future__ import annotations

import functools
import math
import re
from typing import Any

import numpy as np

from meterlab import vocabulary
from meterlab.errors import LimitError

# The unit names themselves live in the vocabulary; this module reads and writes values.
UNITS = vocabulary.UNITS
NO_PREFIX = vocabulary.NO_PREFIX
_ALIASES = vocabulary.UNIT_ALIASES

DASH = "—"

_PREFIXES: dict[str, float] = {
    "a": 1e-18, "f": 1e-15, "p": 1e-12, "n": 1e-9, "u": 1e-6, "µ": 1e-6,
    "m": 1e-3, "k": 1e3, "K": 1e3, "M": 1e6, "G": 1e9, "T": 1e12,
}

_NUM = r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?"
_PLAIN = re.compile(rf"^({_NUM})\s*(.*)$")
# Engineering shorthand: the letter stands where the decimal point goes (4k7, 3V3, 4R7, 2u2).
_SHORT = re.compile(r"^([+-]?\d+)([pnuµmkKMGRVA])(\d+)\s*(.*)$")

_UNIT_LIST = ", ".join(UNITS)

#: Languages that write a decimal comma (3,30 V). Machine formats (CSV, JSON, SCPI)
#: never pass a language, so they always keep the point.
DECIMAL_COMMA_LANGUAGES = frozenset({"nl", "fr"})


def uses_decimal_comma(lang: str | None) -> bool:
    """Whether people reading `lang` ("nl", "fr_FR", None = machine/English) expect 3,30."""
    return bool(lang) and lang.replace("-", "_").split("_")[0].lower() in DECIMAL_COMMA_LANGUAGES


def localise(text: str, lang: str | None) -> str:
    """Formatted text for readers of `lang`: the decimal point becomes a comma in nl/fr.

    Formatted values never contain thousands separators (engineering notation
    keeps at most three digits before the point), so the only mark to swap is
    the decimal point. Only a point between two digits is swapped, so a limit
    text such as "3.2 V .. 3.4 V" keeps its range dots.
    """
    return _DECIMAL_POINT.sub(",", text) if uses_decimal_comma(lang) else text


_DECIMAL_POINT = re.compile(r"(?<=\d)\.(?=\d)")
_DECIMAL_COMMA = re.compile(r"(?<=\d),(?=\d)")


def delocalise(text: str, lang: str | None) -> str:
    """Input written in `lang` with the machine's decimal point: "3,3 V" → "3.3 V" in nl/fr.

    Only a comma between two digits is a decimal mark; meterlab's grammars use
    no comma elsewhere, so nothing else can be misread. English input is left
    alone, so "3,3" there still gets the "use a decimal point" message.
    """
    return _DECIMAL_COMMA.sub(".", text) if uses_decimal_comma(lang) else text


def canonical_unit(unit: str) -> str:
    """The canonical spelling of a unit ("ohm" → "Ω"); unknown units are returned as given."""
    u = _normalise_text(unit).replace(" ", "")
    return _ALIASES.get(u, u)


def _normalise_text(text: str) -> str:
    # Look-alike code points people paste from datasheets: Greek mu, ohm sign, ℃.
    return (
        text.replace("\u03bc", "µ")
        .replace("\u2126", "Ω")
        .replace("℃", "°C")
        .replace("º", "°")
        .replace("−", "-")
        .strip()
    )


_BARE = "\x00"  # stands for "no unit written" inside split_quantity


def split_quantity(text: str) -> tuple[float, str | None]:
    """Like `parse_quantity`, but a number written without a unit gives unit None.

    The tolerance parser needs to know whether a unit was written ("± 0.1" takes
    the nominal's unit, "± 0.1 A" must match it), which a default would hide.
    """
    value, unit = parse_quantity(text, _BARE)
    return value, (None if unit == _BARE else unit)


def parse_quantity(text: str, default_unit: str | None = None,
                   lang: str | None = None) -> tuple[float, str]:
    """Read "3.3 V", "3V3", "4k7", "4.7 kΩ", "2.2uF", "25 °C" as (value in base unit, unit).

    A number without a unit takes `default_unit` (the unit of the check it belongs
    to); without one it is refused, because a bare "4.7" could be anything.
    With `lang` "nl" or "fr", "3,3 V" is read as people there write it.
    """
    if not isinstance(text, str):
        raise LimitError(f"quantity {text!r}: expected text such as \"3.3 V\"")
    src = delocalise(_normalise_text(text), lang)
    default = (default_unit if default_unit == _BARE
               else canonical_unit(default_unit) if default_unit else None)
    m = _SHORT.match(src)
    if m:
        whole, mark, frac, rest = m.groups()
        number = float(f"{whole}.{frac}")
        if mark in ("R", "V", "A"):
            unit = _ALIASES[mark]
            if rest and canonical_unit(rest) != unit:
                raise LimitError(f'quantity "{text}": "{mark}" in the middle means {unit}, '
                                 f'but it ends in "{rest}"')
            return number, unit
        scale = _PREFIXES[mark]
        if rest:
            unit = canonical_unit(rest)
            if unit not in _ALIASES.values():
                raise LimitError(f'quantity "{text}": unknown unit "{rest}" '
                                 f"(expected one of {_UNIT_LIST})")
        elif mark in "kKM" and default in (None, "Ω", _BARE):
            unit = "Ω"  # 4k7 / 1M5 without a unit is the resistor marking convention
        elif default is not None:
            unit = default
        else:
            raise LimitError(f'quantity "{text}": expected a unit after it, e.g. "{text} V"')
        if unit in NO_PREFIX:
            raise LimitError(f'quantity "{text}": {unit} takes no SI prefix')
        return _finite(snap(number * scale), text), unit
    if re.match(r"^[+-]?\d+,\d", src):  # only reached in English (see delocalise)
        raise LimitError(f'quantity "{text}": use a decimal point, not a comma, e.g. "3.3 V"')
    m = _PLAIN.match(src)
    if not m:
        raise LimitError(f'quantity "{text}": expected a number with a unit, e.g. "3.3 V" '
                         'or "4k7"')
    number = float(m.group(1))
    suffix = m.group(2).replace(" ", "")
    scale, unit = _suffix(suffix, default, text)
    return _finite(snap(number * scale) if scale != 1.0 else number, text), unit


def snap(x: float) -> float:
    """Undo binary noise from scaling and adding decimal inputs (4.7 × 1e3, 3.3 − 0.099).

    Limits come from short decimal texts, so 12 significant digits keep all of
    their meaning while making "3.3 V ±3 %" end exactly at 3.201 V: a reading of
    exactly 3.201 V must pass, not fail on a 5e-16 artefact.
    """
    if x == 0 or not math.isfinite(x):
        return x
    return float(f"{x:.12g}")


def _finite(value: float, text: str) -> float:
    if not math.isfinite(value):
        raise LimitError(f'quantity "{text}": the number is too large to be a measurement')
    return value


def _suffix(suffix: str, default: str | None, text: str) -> tuple[float, str]:
    """Split "kΩ" into (1e3, "Ω"); "" and a bare prefix fall back to the default unit."""
    if not suffix:
        if default is None:
            raise LimitError(f'quantity "{text}": expected a unit, e.g. "{text} V" '
                             f"(units: {_UNIT_LIST})")
        return 1.0, default
    if suffix in _ALIASES:
        return 1.0, _ALIASES[suffix]
    if default is not None and suffix == default:
        return 1.0, default
    head, tail = suffix[0], suffix[1:]
    if head in _PREFIXES:
        unit = None
        if tail in _ALIASES:
            unit = _ALIASES[tail]
        elif default is not None and tail in (default, ""):
            unit = default
        if unit is not None:
            if unit in NO_PREFIX:
                raise LimitError(f'quantity "{text}": {unit} takes no SI prefix')
            return _PREFIXES[head], unit
        if not tail:
            raise LimitError(f'quantity "{text}": expected a unit after the prefix '
                             f'"{head}" (units: {_UNIT_LIST})')
    raise LimitError(f'quantity "{text}": unknown unit "{suffix}" (expected one of {_UNIT_LIST}, '
                     "with an SI prefix such as m, µ, k or M where it fits)")


# --- formatting ---------------------------------------------------------------------------


@functools.cache
def quantiphy_si() -> Any:
    """quantiphy's `Quantity` with meterlab's display preferences (the reference).

    `_engineering` renders what it renders, by string arithmetic; quantiphy itself is
    asked only for values beyond the a…T prefixes (E-notation) and by the tests, so it
    is imported on first use, not on the way to the app's first reading.
    """
    from quantiphy import Quantity

    class _SI(Quantity):  # kept off the shared base class
        pass

    _SI.set_prefs(
        map_sf=Quantity.map_sf_to_greek,
        strip_zeros=False,
        strip_radix=True,
        spacer=" ",
        output_sf="TGMkmunpfa",
    )
    return _SI


def _check_digits(digits: int) -> int:
    if not isinstance(digits, int | np.integer) or digits < 1 or digits > 15:
        raise ValueError(f"digits must be a whole number from 1 to 15, not {digits!r}")
    return int(digits)


def format_si(value: float, unit: str, digits: int = 4, lang: str | None = None) -> str:
    """A value for people: "3.300 V", "42.07 mA", "4.700 kΩ"; NaN (no reading) is "—".

    `digits` counts significant digits, kept even when they are zeros: "3.300 V"
    says the meter resolved millivolts, "3.3 V" would not. `lang` "nl"/"fr" writes
    a decimal comma ("3,300 V"); None (exports, SCPI, the CLI) keeps the point.
    """
    return localise(_format_si(value, unit, digits), lang)


def _format_si(value: float, unit: str, digits: int = 4) -> str:
    digits = _check_digits(digits)
    unit = canonical_unit(unit) if unit else ""
    v = float(value)
    if math.isnan(v):
        return DASH
    if math.isinf(v):
        return f"{'-' if v < 0 else ''}∞ {unit}".rstrip()
    if v == 0:
        v = 0.0  # no "-0.000 V"
    if unit in NO_PREFIX:
        return _plain(v, unit, digits)
    # quantiphy's own rendering, by string arithmetic: it took ~0.5 ms a value, and the
    # app's readout and statistics format a dozen values a frame on the GUI thread.
    return _engineering(v, unit, digits - 1)


def _plain(v: float, unit: str, digits: int) -> str:
    if v == 0:
        body = f"{0:.{digits - 1}f}"
    else:
        exp = math.floor(math.log10(abs(float(f"{v:.{digits - 1}e}"))))
        if exp < -4 or exp > 14:
            body = f"{v:.{digits - 1}e}"
        else:
            body = f"{v:.{max(0, digits - 1 - exp)}f}"
    return f"{body} {unit}".rstrip()


def format_reading(value: float, unit: str, overload: bool = False, digits: int = 4,
                   lang: str | None = None) -> str:
    """A reading as shown on a display: "OVERLOAD" wins over any number."""
    if overload:
        return "OVERLOAD"
    return format_si(value, unit, digits, lang)


_SF_BY_EXP = {12: "T", 9: "G", 6: "M", 3: "k", 0: "", -3: "m", -6: "µ", -9: "n",
              -12: "p", -15: "f", -18: "a"}


def format_si_many(values: np.ndarray, unit: str, digits: int = 4,
                   overload: np.ndarray | None = None, lang: str | None = None) -> list[str]:
    """`format_si` for a whole array (tables, exports).

    Each value takes the same route as `format_si` (`_engineering`, Python's exact
    decimal formatting), so both always print the same text.
    """
    digits = _check_digits(digits)
    unit = canonical_unit(unit) if unit else ""
    x = np.asarray(values, dtype=np.float64).ravel()
    over = (np.zeros(x.shape, bool) if overload is None
            else np.asarray(overload, dtype=bool).ravel())
    out: list[str] = []
    prec = digits - 1
    plain = unit in NO_PREFIX
    for v, o in zip(x.tolist(), over.tolist(), strict=True):
        if o:
            out.append("OVERLOAD")
        elif v != v:
            out.append(DASH)
        elif v in (math.inf, -math.inf) or plain:
            out.append(_format_si(v, unit, digits))
        else:
            out.append(_engineering(v, unit, prec))
    if uses_decimal_comma(lang):
        out = [localise(t, lang) for t in out]
    return out


def _engineering(v: float, unit: str, prec: int) -> str:
    """What quantiphy renders for `v` at `prec` (tests check they agree), much faster."""
    if v == 0:
        v = 0.0
    mant, _, exp_text = f"{v:.{prec}e}".partition("e")
    exp = int(exp_text)
    eng = 3 * (exp // 3)
    sf = _SF_BY_EXP.get(eng)
    if sf is None:  # outside a..T: quantiphy prints an E-notation; hand those to it
        return str(quantiphy_si()(v, unit).render(prec=prec))
    sign = "-" if mant.startswith("-") else ""
    digits = mant.lstrip("-").replace(".", "")
    shift = exp - eng + 1  # digits before the decimal point
    whole, frac = digits[:shift].ljust(shift, "0"), digits[shift:]
    body = f"{sign}{whole}.{frac}" if frac else f"{sign}{whole}"
    if not unit:  # quantiphy's spelling of a unitless value: "1.234k"
        return f"{body}{sf}"
    return f"{body} {sf}{unit}"


# --- DMM functions --------------------------------------------------------------------------

#: The unit each DMM function reports in (base units); from the vocabulary.
FUNCTION_UNITS: dict[str, str] = {name: f.unit for name, f in vocabulary.DMM_FUNCTIONS.items()}


def normalise_function(function: str) -> str:
    """The short key ("VOLT:DC") for any SCPI spelling: "VOLTage:DC", "\"VOLT\"", "SENS:CURR"."""
    return vocabulary.dmm_function(function).name


def function_unit(function: str) -> str:
    """The unit a DMM function reads in: "VOLTage:AC" → "V", "RES" → "Ω"."""
    return vocabulary.dmm_function(function).unit
