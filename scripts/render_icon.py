"""Render ui/meterlab.svg to ui/meterlab.png (256×256) with Qt's SVG renderer, offscreen.

Run after editing the SVG: `uv run python scripts/render_icon.py`. The PNG ships for
desktops and launchers that do not read SVG icons.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

UI = Path(__file__).resolve().parent.parent / "ui"


def main(size: int = 256) -> int:
    app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(UI / "meterlab.svg"))
    if not renderer.isValid():
        print("ui/meterlab.svg is not a valid SVG", file=sys.stderr)
        return 2
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    ok = image.save(str(UI / "meterlab.png"))
    del app
    return 0 if ok else 2


if __name__ == "__main__":
    sys.exit(main())
