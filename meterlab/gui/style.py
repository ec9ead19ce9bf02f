"""Colours, fonts and the stylesheet, chosen to read from across a bench.

Verdict colours follow the Okabe–Ito palette, which stays distinguishable for
the common forms of colour blindness; every verdict also carries its symbol
(`Verdict.symbol`) and word, so colour is never the only cue.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from meterlab.outcome import Outcome
from meterlab.readings import Verdict

BLUE = "#0072B2"
SKY = "#56B4E9"
GREEN = "#009E73"
ORANGE = "#E69F00"
VERMILLION = "#D55E00"
PURPLE = "#CC79A7"
GREY = "#6E6E6E"
YELLOW = "#F0E442"

VERDICT_BG: dict[Verdict, str] = {
    Verdict.PASS: GREEN,
    Verdict.MARGINAL: ORANGE,
    Verdict.INDETERMINATE: SKY,
    Verdict.FAIL: VERMILLION,
    Verdict.OVERLOAD: PURPLE,
    Verdict.ERROR: GREY,
}

#: Text colour on each badge background, picked for contrast (not for looks).
VERDICT_FG: dict[Verdict, str] = {
    Verdict.PASS: "#FFFFFF",
    Verdict.MARGINAL: "#000000",
    Verdict.INDETERMINATE: "#000000",
    Verdict.FAIL: "#FFFFFF",
    Verdict.OVERLOAD: "#000000",
    Verdict.ERROR: "#FFFFFF",
}


def verdict_word(verdict: Verdict) -> str:
    """The verdict as the badge spells it, in the user's language."""
    words = {
        Verdict.PASS: QCoreApplication.translate("Verdict", "PASS"),
        Verdict.MARGINAL: QCoreApplication.translate("Verdict", "MARGINAL"),
        Verdict.INDETERMINATE: QCoreApplication.translate("Verdict", "INDETERMINATE"),
        Verdict.FAIL: QCoreApplication.translate("Verdict", "FAIL"),
        Verdict.OVERLOAD: QCoreApplication.translate("Verdict", "OVERLOAD"),
        Verdict.ERROR: QCoreApplication.translate("Verdict", "ERROR"),
    }
    return words[verdict]


def outcome_word(outcome: Outcome) -> str:
    """The unit's outcome as the badge spells it, in the user's language."""
    words = {
        Outcome.PASS: QCoreApplication.translate("Outcome", "PASS"),
        Outcome.MARGINAL: QCoreApplication.translate("Outcome", "MARGINAL"),
        Outcome.FAIL: QCoreApplication.translate("Outcome", "FAIL"),
        Outcome.NOT_JUDGED: QCoreApplication.translate("Outcome", "NOT JUDGED"),
    }
    return words[outcome]


def apply_stylesheet(app: QApplication) -> None:
    """Load `ui/style.qss` if it ships; the app works (plainer) without it."""
    from meterlab.gui.app import _apply_stylesheet

    _apply_stylesheet(app)
