"""The verdict badge: a word, a symbol and a colour, each enough on its own."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from meterlab.gui.style import VERDICT_BG, VERDICT_FG, outcome_word, verdict_word
from meterlab.outcome import Outcome
from meterlab.readings import Verdict


class VerdictBadge(QLabel):
    """Shows the latest verdict; `verdict` is None while there is no limit or no reading."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("verdictBadge")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(220)
        self.verdict: Verdict | None = None
        #: The unit's outcome when the badge shows one (the plan view), else None.
        self.outcome: Outcome | None = None
        self._hint = ""
        self.set_verdict(None)

    def set_outcome(self, outcome: Outcome | None, hint: str = "") -> None:
        """Show a unit's outcome (as stored with its session) in its verdict's colours."""
        if outcome is None:
            self.set_verdict(None, hint)
            return
        self.outcome = outcome
        self.verdict = None
        self._hint = hint
        word = outcome_word(outcome)
        self.setText(f"{outcome.symbol}  {word}")
        self.setAccessibleName(word)
        colour = outcome.colour_verdict
        self.setStyleSheet(
            f"QLabel#verdictBadge {{ background: {VERDICT_BG[colour]};"
            f" color: {VERDICT_FG[colour]}; border: 2px solid {VERDICT_BG[colour]}; }}"
        )

    def set_verdict(self, verdict: Verdict | None, hint: str = "") -> None:
        if (verdict == self.verdict and self.outcome is None and hint == self._hint
                and self.text()):
            return
        self.outcome = None
        self.verdict = verdict
        self._hint = hint
        if verdict is None:
            self.setText(hint or self.tr("no limit"))
            self.setStyleSheet(
                "QLabel#verdictBadge { background: #E8E8E8; color: #555555;"
                " border: 2px dashed #9A9A9A; }"
            )
            self.setAccessibleName(self.tr("No verdict"))
            return
        word = verdict_word(verdict)
        self.setText(f"{verdict.symbol}  {word}")
        self.setAccessibleName(word)
        self.setStyleSheet(
            f"QLabel#verdictBadge {{ background: {VERDICT_BG[verdict]};"
            f" color: {VERDICT_FG[verdict]}; border: 2px solid {VERDICT_BG[verdict]}; }}"
        )
