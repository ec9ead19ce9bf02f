"""`:DISPlay:DATA?` of the simulated MSO1104Z: an 800×480 picture of its screen.

The layout follows the DS1000Z's: a status bar with run state, timebase, sample
rate, memory depth and trigger; a 12 × 8 division graticule of 50 px per division;
traces in Rigol's channel colours drawn from the 1200 screen points; digital
lines in green; channel scale labels along the bottom. `[ON|OFF,ON|OFF,format]`
selects colour or grey, inverted or not, and BMP24 (default), BMP8, PNG or TIFF.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from meterlab.sim.scope_acquire import Acquisition
from meterlab.sim.scope_image import (
    Canvas,
    encode_bmp8,
    encode_bmp24,
    encode_png,
    encode_tiff,
)
from meterlab.sim.scope_measure import INVALID, measure
from meterlab.sim.scope_state import SCREEN_POINTS, Y_REF
from meterlab.sim.scpi import Call, SCPIError, block

WIDTH, HEIGHT = 800, 480
GX, GY, GW, GH = 100, 56, 600, 400  # graticule: 12 × 8 divisions of 50 px
DIV = 50

BG, GRID, FRAME, TEXT, CH1, CH2, CH3, CH4, DIGI, MATH, TRIG, PANEL, GREEN, RED, GREY = range(15)
PALETTE = [
    (0, 0, 0), (72, 72, 72), (150, 150, 150), (235, 235, 235),
    (255, 255, 0), (0, 255, 255), (255, 0, 255), (0, 120, 255),
    (0, 230, 0), (180, 100, 255), (255, 128, 0), (22, 26, 44),
    (0, 200, 0), (230, 30, 30), (150, 150, 170),
]
CH_COLOURS = {1: CH1, 2: CH2, 3: CH3, 4: CH4}
_PREFIXES = ((1e9, "G"), (1e6, "M"), (1e3, "k"), (1.0, ""), (1e-3, "m"), (1e-6, "u"),
             (1e-9, "n"), (1e-12, "p"))


def si(value: float, unit: str, digits: int = 3) -> str:
    """1.65 V → '1.65V', 5e-4 s → '500us': the scope's compact on-screen style."""
    if value == 0 or not math.isfinite(value):
        return f"0{unit}" if value == 0 else "****"
    factor, prefix = next(((f, p) for f, p in _PREFIXES if abs(value) >= f * 0.9995),
                          _PREFIXES[-1])
    scaled = value / factor
    whole = len(str(int(abs(round(scaled, digits)))))
    text = f"{scaled:.{max(0, digits - whole)}f}"
    return f"{text}{prefix}{unit}"


class DisplayMixin:
    """Registers `:DISPlay:DATA?` (and the few `:DISPlay` settings clients query)."""

    table: Any

    def build_display(self) -> None:
        t = self.table
        t.add("DISPlay:DATA", query=self._disp_data_q)
        t.add("DISPlay:CLEar", set=lambda c: (c.expect(0), self._clear_display()))
        t.add("DISPlay:TYPE", set=self._disp_type, query=lambda c: self.disp_type)
        t.add("DISPlay:GRID", set=self._disp_grid, query=lambda c: self.disp_grid)
        t.add("DISPlay:GBRightness", set=self._disp_gbr, query=lambda c: str(self.disp_gbr))
        t.add("DISPlay:WBRightness", set=self._disp_wbr, query=lambda c: str(self.disp_wbr))
        t.add("DISPlay:GRADing:TIME", set=self._disp_grading, query=lambda c: self.disp_grading)

    def reset_display(self) -> None:
        self.disp_type = "VECT"
        self.disp_grid = "FULL"
        self.disp_gbr = 50
        self.disp_wbr = 50
        self.disp_grading = "MIN"

    def _clear_display(self) -> None:
        if self.running:
            self.acq = None

    def _disp_type(self, c: Call) -> None:
        (p,) = c.expect(1)
        self.disp_type = "".join(ch for ch in p.choice(["VECTors", "DOTS"]) if ch.isupper()
                                 )[:4]

    def _disp_grid(self, c: Call) -> None:
        (p,) = c.expect(1)
        self.disp_grid = "".join(ch for ch in p.choice(["FULL", "HALF", "NONE"]))

    def _disp_gbr(self, c: Call) -> None:
        (p,) = c.expect(1)
        value = int(p.number(integer=True))
        if not 0 <= value <= 100:
            raise SCPIError(-222, p.text)
        self.disp_gbr = value

    def _disp_wbr(self, c: Call) -> None:
        (p,) = c.expect(1)
        value = int(p.number(integer=True))
        if not 0 <= value <= 100:
            raise SCPIError(-222, p.text)
        self.disp_wbr = value

    def _disp_grading(self, c: Call) -> None:
        """Persistence: MIN, 0.1, 0.2, 0.5, 1, 5, 10 (seconds) or INF, as the guide lists."""
        (p,) = c.expect(1)
        if p.upper in ("MIN", "MINIMUM", "INF", "INFINITE"):
            self.disp_grading = p.upper[:3]
            return
        value = p.number(units=("S",))
        allowed = (0.1, 0.2, 0.5, 1.0, 5.0, 10.0)
        if not any(abs(value - a) < 1e-9 for a in allowed):
            raise SCPIError(-224, p.text)
        self.disp_grading = f"{value:g}"

    def _disp_data_q(self, c: Call) -> bytes:
        params = c.expect(0, 3)
        colour = params[0].boolean() if len(params) > 0 else True
        invert = params[1].boolean() if len(params) > 1 else False
        fmt = params[2].choice(["BMP24", "BMP", "BMP8", "PNG", "JPEG", "JPG", "TIFF"]) \
            if len(params) > 2 else "BMP24"
        if fmt in ("JPEG", "JPG"):
            # answer (empty) so the client's read does not hang; the reason is queued
            self.push_error(-221, "JPEG screenshots are not simulated; use PNG or BMP")
            return block(b"", digits=9)
        canvas = self.render_screen()
        if fmt == "BMP8":
            return block(encode_bmp8(canvas.px, canvas.palette_rgb(colour, invert)), digits=9)
        rgb = canvas.rgb(colour, invert)
        if fmt == "PNG":
            data = encode_png(rgb)
        elif fmt == "TIFF":
            data = encode_tiff(rgb)
        else:
            data = encode_bmp24(rgb)
        return block(data, digits=9)

    # -- drawing ------------------------------------------------------------------------

    def render_screen(self) -> Canvas:
        acq = self.record()
        cv = Canvas(WIDTH, HEIGHT, PALETTE)
        self._draw_status(cv, acq)
        self._draw_grid(cv)
        if self.la.state:
            self._draw_digital(cv, acq)
        for n in (4, 3, 2, 1):
            if acq.panel.channels[n].display:
                self._draw_trace(cv, acq.screen_codes(n), acq.panel.channels[n].yorigin,
                                 CH_COLOURS[n])
        if self.math_on:
            self._draw_trace(cv, self.math_codes(acq), self.math_yorigin(), MATH)
        self._draw_markers(cv, acq)
        self._draw_channel_bar(cv, acq)
        self._draw_measurements(cv, acq)
        return cv

    def _draw_status(self, cv: Canvas, acq: Acquisition) -> None:
        p = acq.panel
        cv.fill(0, 0, WIDTH, 24, PANEL)
        cv.text(6, 6, "RIGOL", TEXT, 2)
        status = {"TD": "T'D", "STOP": "STOP", "WAIT": "WAIT", "AUTO": "AUTO", "RUN": "RUN"}
        st = status.get(self.trig_status, self.trig_status)
        colour = RED if st == "STOP" else TRIG if st == "WAIT" else GREEN
        cv.fill(72, 3, 112, 21, colour)
        cv.text(76, 8, st, BG)
        cv.text(124, 8, f"H {si(p.tscale, 's')}", TEXT)
        cv.text(210, 4, si(p.srate, "Sa/s"), GREY)
        cv.text(210, 13, si(float(p.depth), "pts"), GREY)
        cv.text(300, 8, f"D {si(p.toffset, 's')}", TEXT)
        src = p.trigger.active_source()
        slope = p.trigger.pulse_when if p.trigger.mode == "PULS" else \
            {"POS": "^", "NEG": "v", "RFAL": "^v"}[p.trigger.slope]
        level = p.trigger.active_level() if src.startswith("CHAN") else \
            p.la.threshold[int(src[1:]) // 8]
        cv.text(560, 8, f"T {src} {slope} {si(level, 'V')}", TRIG)

    def _draw_grid(self, cv: Canvas) -> None:
        cv.frame(GX - 1, GY - 1, GX + GW + 1, GY + GH + 1, FRAME)
        if self.disp_grid == "NONE":
            return
        for i in range(1, 12):
            x = GX + i * DIV
            if self.disp_grid == "FULL" or i == 6:
                cv.px[GY:GY + GH:5, x] = GRID
        for j in range(1, 8):
            y = GY + j * DIV
            if self.disp_grid == "FULL" or j == 4:
                cv.px[y, GX:GX + GW:5] = GRID
        # centre axes carry minor ticks every fifth of a division
        cx, cy = GX + 6 * DIV, GY + 4 * DIV
        for k in range(0, GW, 10):
            cv.fill(GX + k, cy - 2, GX + k + 1, cy + 3, FRAME)
        for k in range(0, GH, 10):
            cv.fill(cx - 2, GY + k, cx + 3, GY + k + 1, FRAME)

    def _draw_trace(self, cv: Canvas, codes: np.ndarray, yorigin: int, colour: int) -> None:
        cy = GY + GH // 2
        y = cy - (codes.astype(np.float64) - Y_REF) * (DIV / 25.0)
        pairs = y.reshape(SCREEN_POINTS // 2, 2)
        lo, hi = pairs.min(axis=1), pairs.max(axis=1)
        prev = np.concatenate(([pairs[0, 0]], pairs[:-1, 1]))  # join to the previous column
        lo, hi = np.minimum(lo, prev), np.maximum(hi, prev)
        xs = GX + np.arange(SCREEN_POINTS // 2)
        cv.vspans(xs, np.rint(lo), np.rint(hi), colour, (GY, GY + GH))
        del yorigin

    def _draw_digital(self, cv: Canvas, acq: Acquisition) -> None:
        lines = [i for i in range(16) if self.la.digital[i]]
        height = {"SMAL": 10, "MED": 16, "LARG": 24}.get(self.la.size, 16)
        base = GY + GH - 6
        xs = GX + np.arange(SCREEN_POINTS // 2)
        for k, line in enumerate(lines):
            y0 = base - k * (height + 4)
            if y0 - height < GY:
                break
            bits = acq.screen_logic(line).reshape(SCREEN_POINTS // 2, 2)
            y = np.where(bits, y0 - height + 2, y0).astype(np.float64)
            lo, hi = y.min(axis=1), y.max(axis=1)
            prev = np.concatenate(([y[0, 0]], y[:-1, 1]))
            cv.vspans(xs, np.minimum(lo, prev), np.maximum(hi, prev), DIGI, (GY, GY + GH))
            cv.text(GX - 22, y0 - height // 2 - 3, self.la.labels[line][:3], DIGI)

    def _draw_markers(self, cv: Canvas, acq: Acquisition) -> None:
        p = acq.panel
        cy = GY + GH // 2
        for n in (4, 3, 2, 1):
            c = p.channels[n]
            if not c.display:
                continue
            y = round(cy - c.offset / c.scale * DIV)
            if GY <= y < GY + GH:
                cv.fill(GX - 14, y - 5, GX - 2, y + 6, CH_COLOURS[n])
                cv.text(GX - 11, y - 3, str(n), BG)
        src = p.trigger.source
        if src.startswith("CHAN"):
            c = p.channels[int(src[4:])]
            y = round(cy - (p.trigger.level + c.offset) / c.scale * DIV)
            if GY <= y < GY + GH:
                cv.fill(GX + GW + 2, y - 5, GX + GW + 14, y + 6, TRIG)
                cv.text(GX + GW + 5, y - 3, "T", BG)
        x = round(GX + GW / 2 - p.toffset / p.tscale * DIV)
        if GX <= x < GX + GW:
            cv.fill(x - 5, GY - 14, x + 6, GY - 2, TRIG)
            cv.text(x - 2, GY - 11, "T", BG)

    def _draw_channel_bar(self, cv: Canvas, acq: Acquisition) -> None:
        cv.fill(0, HEIGHT - 22, WIDTH, HEIGHT, PANEL)
        x = 100
        for n in range(1, 5):
            c = acq.panel.channels[n]
            colour = CH_COLOURS[n] if c.display else GREY
            cv.fill(x, HEIGHT - 19, x + 14, HEIGHT - 3, colour)
            cv.text(x + 4, HEIGHT - 15, str(n), BG)
            unit = {"VOLT": "V", "WATT": "W", "AMP": "A", "UNKN": "U"}[c.units]
            label = f"{si(c.scale, unit)}"
            if c.coupling != "DC":
                label += f" {c.coupling}"
            cv.text(x + 20, HEIGHT - 15, label, colour)
            x += 140

    def _draw_measurements(self, cv: Canvas, acq: Acquisition) -> None:
        if not self.meas_items:
            return
        p = acq.panel
        idx = p.window_indices(20_000)
        t = p.mem_xorigin + idx / p.srate
        y = GY + 4
        for item, src in self.meas_items:
            value = INVALID
            unit = "s" if item[0] in "PFRNT" and item not in ("PDUTY", "NDUTY") else "V"
            if item == "FREQUENCY":
                unit = "Hz"
            if src.startswith("CHAN"):
                c = p.channels[int(src[4:])]
                if c.display:
                    v = (acq.codes(int(src[4:]), idx).astype(np.float64) - c.yorigin - Y_REF) \
                        * c.yinc
                    value = measure(item, t, v, min_amplitude=0.2 * c.scale)
            text = "****" if value >= INVALID else (
                f"{value * 100:.2f}%" if item in ("PDUTY", "NDUTY") else si(value, unit))
            cv.text(4, y, f"{item[:5]} {src[-1]}", GREY)
            cv.text(4, y + 10, text, TEXT)
            y += 26
