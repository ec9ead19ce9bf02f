"""Stylesheet selectors on dynamic properties follow a change through `repolish`."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel

from meterlab.gui.polish import repolish

SHEET = 'QLabel[level="warning"] { color: rgb(200, 0, 0); } QLabel { color: rgb(0, 0, 200); }'
RED, BLUE = (200, 0, 0), (0, 0, 200)


def _colour(label: QLabel) -> tuple[int, int, int]:
    c = label.palette().color(QPalette.ColorRole.WindowText)
    return c.red(), c.green(), c.blue()


def _label(qtbot) -> QLabel:
    label = QLabel("3.30 V")
    label.setStyleSheet(SHEET)
    qtbot.addWidget(label)
    return label


def test_a_shown_label_takes_the_colour_of_its_new_property(qtbot):
    label = _label(qtbot)
    label.show()
    assert _colour(label) == BLUE
    label.setProperty("level", "warning")
    assert _colour(label) == BLUE  # Qt alone does not look again
    repolish(label)
    assert _colour(label) == RED
    label.setProperty("level", "info")
    repolish(label)
    assert _colour(label) == BLUE


def test_a_label_not_yet_shown_is_left_for_its_first_polish(qtbot):
    label = _label(qtbot)
    label.setProperty("level", "warning")
    repolish(label)
    # Nothing was polished now (the first polish reads the property anyway) ...
    assert not label.testAttribute(Qt.WidgetAttribute.WA_WState_Polished)
    label.show()
    # ... and the label comes up in the colour its property asks for.
    assert _colour(label) == RED
