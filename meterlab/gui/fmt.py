"""How numbers look on screen: SI prefixes always, and words for non-numbers.

All unit formatting goes through `meterlab.units.format_si`, so the GUI, the
CLI and the reports print a reading the same way. The GUI passes the app's
chosen language, so readers of nl and fr see "3,300 V" (a decimal comma)
while exports and the CLI keep the point.
"""

from __future__ import annotations

import math

from meterlab.units import format_reading, format_si, localise

DASH = "—"


def ui_language() -> str | None:
    """The language the app shows ("en", "nl", "fr"), as `i18n.install_translators` set it.

    None without a running app or before a language was chosen (tests of a bare
    widget), which formats as English.
    """
    from PySide6.QtCore import QCoreApplication

    app = QCoreApplication.instance()
    if app is None:
        return None
    lang = app.property("meterlabLanguage")
    return str(lang) if lang else None


def fmt_si(value: float, unit: str, digits: int = 4) -> str:
    """`format_si` in the app's language: "3,300 V" in nl/fr, "3.300 V" in en."""
    return format_si(value, unit, digits, ui_language())


def fmt_reading(value: float, unit: str, overload: bool = False, digits: int = 4) -> str:
    """`format_reading` in the app's language."""
    return format_reading(value, unit, overload, digits, ui_language())


def fmt_local(text: str) -> str:
    """Numeric text made elsewhere ("0.02", "1.5 k") with the app language's decimal mark."""
    return localise(text, ui_language())


def fmt_value(value: float | None, unit: str, digits: int = 5) -> str:
    """A reading for a label: `3.3012 V`, `4.7000 kΩ`, or a dash when there is none."""
    if value is None or not math.isfinite(value):
        return DASH
    return fmt_si(value, unit, digits)


def fmt_statistic(value: float | None, unit: str, reading_digits: int) -> str:
    """A mean, minimum or maximum of readings shown at `reading_digits` (`digits_for_nplc`).

    A mean resolves one digit more than a reading; min and max take the same digits,
    so rounded alike the three keep their order on screen ("mean 3.2999 V" under
    "min 3.300 V" is what readout digits showed for µV noise at 0.2 PLC). One rule for
    the statistics box and the histogram's footer, which show the same mean.
    """
    return fmt_value(value, unit, reading_digits + 1)


def fmt_range(value: float, unit: str) -> str:
    """A range setting as the meter's front panel says it: `100 mV`, `1 V`, `10 A`."""
    text = format_si(value, unit, 3)
    number, _, rest = text.partition(" ")
    if "." in number:
        number = number.rstrip("0").rstrip(".")
    return localise(f"{number} {rest}".strip(), ui_language())


def fmt_plain(value: float, digits: int = 3) -> str:
    """A unitless figure (Cp, Cpk): fixed decimals, a dash when undefined."""
    if not math.isfinite(value):
        return DASH
    return localise(f"{value:.{digits}f}", ui_language())


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
