"""Re-applying the stylesheet to a widget after a property its selectors read changed.

The stylesheet colours the readout, the banner and the status labels by dynamic
properties (`[stale="true"]`, `[level="warning"]`); Qt reads them only when it
polishes a widget, so a change needs an unpolish and a polish. Both go through
`QWidget.style()`, and the first call of that in a process makes PySide6 build the
Python type of `QStyle` with its some 500 enum members: 14 ms of the GUI thread
(Python 3.11), which start-up paid on the way to the first reading for widgets not
even shown yet. A widget that was never polished reads its properties when it is
first shown, so it needs nothing here.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def repolish(widget: QWidget) -> None:
    """Make `widget`'s stylesheet selectors see its current properties."""
    from PySide6.QtCore import Qt  # not at import: see `main_window.py` on the Qt namespace

    if not widget.testAttribute(Qt.WidgetAttribute.WA_WState_Polished):
        return
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
