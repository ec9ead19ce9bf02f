"""The IoT sensor node drawn as a picture: test points, the current link, and where the leads are.

The trainee picks a tool (red lead, black lead, scope probe CH1–CH4, logic clip
D0–D15) and clicks a test point; the picture emits `placed(tool, net)` and the training
view moves the simulator's lead or probe there. Markers show where each one is.
Drawing only: no SCPI here.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

#: test point → position as fractions of the board's width and height
POINTS: dict[str, tuple[float, float]] = {
    "VBUS": (0.08, 0.25), "ISUPPLY": (0.22, 0.25), "3V3": (0.40, 0.25), "GND": (0.08, 0.80),
    "NTC": (0.40, 0.55), "LED_PWM": (0.60, 0.25), "UART_TX": (0.75, 0.25), "SCL": (0.88, 0.25),
    "SDA": (0.88, 0.45), "R1": (0.60, 0.80), "D1": (0.72, 0.80), "C1": (0.84, 0.80),
}
#: the scope's channel colours (yellow, cyan, magenta, blue as on the MSO1104Z's screen)
_CHANNEL_COLOURS = ("#F9A825", "#00ACC1", "#C2185B", "#1565C0")
TOOLS: dict[str, tuple[str, str]] = {  # tool → (colour, label)
    "red": ("#D32F2F", "+"), "black": ("#212121", "−"),
    **{f"ch{n}": (_CHANNEL_COLOURS[n - 1], str(n)) for n in range(1, 5)},
    **{f"d{n}": ("#6A1B9A", f"D{n}") for n in range(16)},
}
MARKERS_PER_ROW = 6  #: markers stack above a test point in rows of this many
RADIUS = 9.0


class BoardPicture(QWidget):
    """Clickable board; `positions` maps a tool to the net it is on."""

    placed = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tool = "red"
        self.positions: dict[str, str] = {}
        self.setMinimumSize(420, 240)
        self.setToolTip("Choose a lead or probe, then click a test point.")

    def centre(self, net: str) -> QPointF:
        fx, fy = POINTS[net]
        r = self._board_rect()
        return QPointF(r.left() + fx * r.width(), r.top() + fy * r.height())

    def _board_rect(self) -> QRectF:
        return QRectF(10, 10, self.width() - 20, self.height() - 20)

    def net_at(self, pos: QPointF) -> str | None:
        for net in POINTS:
            c = self.centre(net)
            if (c.x() - pos.x()) ** 2 + (c.y() - pos.y()) ** 2 <= (RADIUS * 1.8) ** 2:
                return net
        return None

    def set_position(self, tool: str, net: str) -> None:
        self.positions[tool] = net
        self.update()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        net = self.net_at(event.position())
        if net is not None:
            self.placed.emit(self.tool, net)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = self._board_rect()
        p.setBrush(QColor("#1B5E20"))
        p.setPen(QPen(QColor("#0D3311"), 2))
        p.drawRoundedRect(r, 12, 12)
        # the current link between VBUS and ISUPPLY, and the coupon's outline
        p.setPen(QPen(QColor("#B0BEC5"), 4))
        p.drawLine(self.centre("VBUS"), self.centre("ISUPPLY"))
        coupon = QRectF(self.centre("R1").x() - 30, self.centre("R1").y() - 28,
                        self.centre("C1").x() - self.centre("R1").x() + 60, 56)
        p.setPen(QPen(QColor("#A5D6A7"), 1, Qt.PenStyle.DashLine))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(coupon)
        font = QFont(self.font())
        font.setPointSizeF(8)
        p.setFont(font)
        for net in POINTS:
            c = self.centre(net)
            p.setPen(QPen(QColor("#FFD54F"), 2))
            p.setBrush(QColor("#C0A060"))
            p.drawEllipse(c, RADIUS, RADIUS)
            p.setPen(QColor("white"))
            p.drawText(QRectF(c.x() - 40, c.y() + RADIUS + 1, 80, 14),
                       Qt.AlignmentFlag.AlignHCenter, net)
        stacked: dict[str, int] = {}
        for tool, net in self.positions.items():
            colour, label = TOOLS[tool]
            i = stacked.get(net, 0)
            stacked[net] = i + 1
            row, col = divmod(i, MARKERS_PER_ROW)
            c = self.centre(net) + QPointF(-22 + 9 * col, -RADIUS - 10 - 15 * row)
            p.setPen(QPen(QColor("white"), 1))
            p.setBrush(QColor(colour))
            p.drawEllipse(c, 7, 7)
            p.drawText(QRectF(c.x() - 9, c.y() - 7, 18, 14), Qt.AlignmentFlag.AlignCenter, label)
        p.end()
