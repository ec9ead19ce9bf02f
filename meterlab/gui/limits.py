"""The GUI's one point of contact with `meterlab.tolerance`.

Views need a limit as plain numbers to draw (the tolerance band, the marginal
band) and a parser that reports bad text as a sentence for an inline message.
Keeping that here means a change in the tolerance module's shape touches one
small file, not every view.
"""

from __future__ import annotations

from dataclasses import dataclass

from meterlab.errors import MeterlabError


@dataclass(frozen=True, slots=True)
class Band:
    """A limit as numbers in base units; None where a side is open (`>= 4.75 V`)."""

    lower: float | None
    upper: float | None
    warn_lower: float | None = None
    warn_upper: float | None = None
    nominal: float | None = None


def parse(text: str, unit: str, lang: str | None = None) -> object:
    """Parse tolerance text for readings in `unit`; raises MeterlabError in words.

    `lang` is the app's language: in nl and fr "3,3 V ±3 %" is accepted, as the
    placeholder there suggests; None means the app's chosen language.
    """
    from meterlab.gui.fmt import ui_language
    from meterlab.tolerance import parse_limit

    try:
        return parse_limit(text, unit, ui_language() if lang is None else lang)
    except MeterlabError:
        raise
    except ValueError as exc:  # a parser slip must still reach the user as a sentence
        raise MeterlabError(str(exc)) from exc


def _num(x: object) -> float | None:
    if x is None:
        return None
    value = float(x)  # type: ignore[arg-type]
    return value if value == value and abs(value) != float("inf") else None


def limit_band(limit: object) -> Band:
    """The drawable numbers of a `meterlab.tolerance.Limit`."""
    g = getattr
    return Band(
        lower=_num(g(limit, "lower", None)),
        upper=_num(g(limit, "upper", None)),
        warn_lower=_num(g(limit, "warn_lower", None)),
        warn_upper=_num(g(limit, "warn_upper", None)),
        nominal=_num(g(limit, "nominal", None)),
    )
