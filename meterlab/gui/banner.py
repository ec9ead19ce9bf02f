"""A strip across the top of the window for news that must not block work.

An instrument that stops answering is not a reason for a modal dialog: the
technician may be in the middle of probing, and the rest of the window keeps
working. The banner says what happened, what was kept and what happens next,
and goes away by itself when the news is good or when dismissed.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget

from meterlab.gui.polish import repolish

LEVELS = ("info", "warning", "error")


class StatusBanner(QFrame):
    """Non-modal message strip; `show_message()` and `clear()` return immediately."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusBanner")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._icon = QLabel(self)
        self._icon.setObjectName("bannerIcon")
        self._text = QLabel(self)
        self._text.setObjectName("bannerText")
        self._text.setWordWrap(True)
        self._close = QToolButton(self)
        self._close.setObjectName("bannerClose")
        self._close.setText("✕")
        self._close.setToolTip(self.tr("Dismiss"))
        self._close.setAutoRaise(True)
        self._close.clicked.connect(self.clear)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(12, 6, 6, 6)
        lay.addWidget(self._icon)
        lay.addWidget(self._text, 1)
        lay.addWidget(self._close)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.clear)
        self.level = "info"
        self._selectable = False  # the text can be selected (and copied) once there is one
        self.hide()

    @property
    def text(self) -> str:
        return self._text.text()

    def show_message(
        self, text: str, level: str = "warning", timeout_ms: int | None = None
    ) -> None:
        """Show `text`; with `timeout_ms` it hides itself after that long."""
        if level not in LEVELS:
            level = "warning"
        if not self._selectable:  # here, not in __init__: see `main_window.py` on Qt's namespace
            from PySide6.QtCore import Qt

            self._text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self._selectable = True
        self.level = level
        self.setProperty("level", level)
        self._icon.setText({"info": "ℹ", "warning": "⚠", "error": "⊘"}[level])
        self._text.setText(text)
        # Re-polish so the stylesheet's [level="…"] selector picks the new colour.
        repolish(self)
        self.show()
        if timeout_ms:
            self._timer.start(timeout_ms)
        else:
            self._timer.stop()

    def clear(self) -> None:
        self._timer.stop()
        self.hide()
