"""The prompt of the plan runner: what to do now, readable from arm's length.

While a check waits for the person the panel turns amber and offers Measure
and Skip as large buttons; otherwise it says what the run is doing. The
default sentences ("Place the probes on 3V3 and GND.") are meterlab's and are
translated; a prompt written in a plan file is the plan author's and is shown
as written.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout

from meterlab.gui.polish import repolish
from meterlab.plan import Check

STYLE = """
QFrame#promptFrame { background: #FAFAFA; border: 1px solid #D0D0D0; border-radius: 8px; }
QFrame#promptFrame[waiting="true"] { background: #FFF6D6; border: 2px solid #E69F00; }
QLabel#promptStep { color: #444444; font-size: 12pt; font-weight: 600; }
QLabel#promptText { color: #111111; font-size: 22pt; font-weight: 600; }
QLabel#promptHint { color: #555555; font-size: 11pt; }
QPushButton#measureButton { font-size: 16pt; font-weight: 700; padding: 10px 28px;
                            background: #0072B2; color: white; border-radius: 6px; }
QPushButton#measureButton:disabled { background: #BFD6E6; color: #F4F4F4; }
QPushButton#skipButton { font-size: 13pt; padding: 10px 18px; }
"""


class PromptPanel(QFrame):
    """Step line, the instruction in large type, a hint, and the Measure / Skip buttons."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("promptFrame")
        self.step = QLabel()
        self.step.setObjectName("promptStep")
        self.text = QLabel()
        self.text.setObjectName("promptText")
        self.text.setWordWrap(True)
        self.text.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.hint = QLabel()
        self.hint.setObjectName("promptHint")
        self.hint.setWordWrap(True)
        self.measure_button = QPushButton(self.tr("Measure"))
        self.measure_button.setObjectName("measureButton")
        self.measure_button.setToolTip(self.tr("The probes are in place: measure (Enter)"))
        self.skip_button = QPushButton(self.tr("S&kip"))
        self.skip_button.setObjectName("skipButton")
        self.skip_button.setToolTip(self.tr("Do not measure this check in this run"))
        texts = QVBoxLayout()
        texts.addStretch(1)
        texts.addWidget(self.step)
        texts.addWidget(self.text)
        texts.addWidget(self.hint)
        texts.addStretch(1)
        buttons = QVBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.measure_button)
        buttons.addWidget(self.skip_button)
        buttons.addStretch(1)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(16, 10, 16, 10)
        lay.addLayout(texts, 1)
        lay.addLayout(buttons)

    def show_text(self, text: str, step: str = "", hint: str = "", *,
                  waiting: bool = False) -> None:
        self.step.setText(step)
        self.step.setVisible(bool(step))
        self.text.setText(text)
        self.hint.setText(hint)
        self.set_waiting(waiting)

    def set_waiting(self, waiting: bool) -> None:
        """Amber while the run waits for the person (the buttons are the caller's to enable)."""
        self.setProperty("waiting", waiting)
        repolish(self)


def prompt_text(check: Check) -> str:
    """What the person should do for `check`, in their language when it is our sentence."""
    if check.prompt:
        return check.prompt
    if check.instrument == "dmm":
        if check.measure.startswith("CURR"):
            where = check.at or QCoreApplication.translate("PromptPanel", "the supply")
            text = QCoreApplication.translate("PromptPanel", "Put the meter in series at %1.")
            return text.replace("%1", where)
        text = QCoreApplication.translate("PromptPanel", "Place the probes on %1 and %2.")
        return text.replace("%1", check.at or "?").replace("%2", check.ref or "GND")
    where = check.at or QCoreApplication.translate("PromptPanel", "the test point")
    text = QCoreApplication.translate("PromptPanel", "Connect %1 of the scope to %2.")
    return text.replace("%1", check.source).replace("%2", where)
