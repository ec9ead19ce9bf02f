"""How numbers look on screen: SI prefixes always, and words for non-numbers.

All unit formatting goes through `meterlab.units.format_si`, so the GUI, the
CLI and the reports print a reading the same way.
"""

from __future__ import annotations

import math

from meterlab.units import format_si

DASH = "—"


def fmt_value(value: float | None, unit: str, digits: int = 5) -> str:
    """A reading for a label: `3.3012 V`, `4.7000 kΩ`, or a dash when there is none."""
    if value is None or not math.isfinite(value):
        return DASH
    return format_si(value, unit, digits)


def fmt_range(value: float, unit: str) -> str:
    """A range setting as the meter's front panel says it: `100 mV`, `1 V`, `10 A`."""
    text = format_si(value, unit, 3)
    number, _, rest = text.partition(" ")
    if "." in number:
        number = number.rstrip("0").rstrip(".")
    return f"{number} {rest}".strip()


def fmt_plain(value: float, digits: int = 3) -> str:
    """A unitless figure (Cp, Cpk): fixed decimals, a dash when undefined."""
    if not math.isfinite(value):
        return DASH
    return f"{value:.{digits}f}"


def digits_for_nplc(nplc: float) -> int:
    """Significant digits worth showing at an integration time.

    Longer integration averages more noise away, so more digits carry meaning;
    showing 7 digits of a 0.02 NPLC reading would only show noise flickering.
    """
    if nplc >= 10:
        return 6
    if nplc >= 1:
        return 5
    return 4
