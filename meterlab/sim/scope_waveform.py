"""`:WAVeform` of the simulated MSO1104Z: source, mode, format, window, preamble, data.

As the guide describes it: NORMal returns the 1200 screen points (xinc =
TimeScale/100), RAW the memory (xinc = 1/SampleRate, only when stopped), MAXimum
the screen while running and the memory when stopped. Data come as `#9` blocks
in every format (ASCii too, as comma-separated volts). One read carries at most
250 000 BYTE, 125 000 WORD or 15 625 ASCii points; longer memories are read in
windows set with `:WAVeform:STARt`/`:STOP` (1-based, inclusive). Digital
sources are always BYTE: one byte per point holding the line in NORMal, the
whole pod (D7…D0 or D15…D8, high bit first) in RAW.

`:WAVeform:POINts?` is not in the DS1000Z programming guide, but the firmware
answers it and software written for the scope reads it before each trace: QCoDeS's
RigolDS1074Z driver (microsoft/Qcodes, instrument_drivers/rigol/Rigol_DS1074Z.py)
reads it as `waveform_npoints` to size every trace and its time axis
(t = XORigin + i·XINCrement for i < POINts) and rejects a trace of another length.
Capture scripts published for the DS1054Z note that the answer never passes
250 000 — one read's worth in BYTE, not the memory depth (which `:WAV:PRE?` gives).
So it is the number of points the next `:WAVeform:DATA?` returns with the present
source, mode, format and STARt/STOP window; 0 where that read would be refused (RAW
while running, MATH from memory, a window over the per-read limit). sigrok's
rigol-ds driver sends the setting form `:WAV:POIN` for its DS2000 protocol only, and
the DS1000Z guide has no setting form, so none is simulated.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from meterlab.sim.scope_state import ANALOG_SOURCES, DIGITAL_SOURCES, SCREEN_POINTS, Y_REF, pick
from meterlab.sim.scpi import Call, SCPIError, block

POINT_LIMITS = {"BYTE": 250_000, "WORD": 125_000, "ASC": 15_625}
FORMAT_CODES = {"BYTE": 0, "WORD": 1, "ASC": 2}
MODE_CODES = {"NORM": 0, "MAX": 1, "RAW": 2}
EMPTY_BLOCK = block(b"", digits=9)


class WaveformMixin:
    """Registers and serves `:WAVeform`; needs `record()`, `view()` and `running`."""

    table: Any

    def build_waveform(self) -> None:
        t = self.table
        t.add("WAVeform:SOURce", set=self._wav_source, query=self._wav_source_q)
        t.add("WAVeform:MODE", set=self._wav_mode, query=self._wav_mode_q)
        t.add("WAVeform:FORMat", set=self._wav_format, query=self._wav_format_q)
        t.add("WAVeform:STARt", set=self._wav_start, query=self._wav_start_q)
        t.add("WAVeform:STOP", set=self._wav_stop, query=self._wav_stop_q)
        t.add("WAVeform:PREamble", query=self._wav_preamble_q)
        t.add("WAVeform:POINts", query=self._wav_points_q)
        t.add("WAVeform:DATA", query=self._wav_data_q)
        for name, idx in (("XINCrement", 4), ("XORigin", 5), ("XREFerence", 6),
                          ("YINCrement", 7), ("YORigin", 8), ("YREFerence", 9)):
            t.add(f"WAVeform:{name}", query=self._field_q(idx))

    def reset_waveform(self) -> None:
        self.wav_source = "CHAN1"
        self.wav_mode = "NORM"
        self.wav_format = "BYTE"
        self.wav_start = 1
        self.wav_stop = SCREEN_POINTS

    # -- settings -----------------------------------------------------------------------

    def _wav_source(self, c: Call) -> None:
        (p,) = c.expect(1)
        src = pick(p, [*ANALOG_SOURCES, *DIGITAL_SOURCES, "MATH"])
        self.wav_source = src

    def _wav_source_q(self, c: Call) -> str:
        c.expect(0)
        return self.wav_source

    def _wav_mode(self, c: Call) -> None:
        (p,) = c.expect(1)
        self.wav_mode = pick(p, ["NORMal", "MAXimum", "RAW"])

    def _wav_mode_q(self, c: Call) -> str:
        c.expect(0)
        return self.wav_mode

    def _wav_format(self, c: Call) -> None:
        (p,) = c.expect(1)
        self.wav_format = pick(p, ["WORD", "BYTE", "ASCii"])

    def _wav_format_q(self, c: Call) -> str:
        c.expect(0)
        return self.wav_format

    def _memory_read(self) -> bool:
        """Does a read now come from memory (RAW, or MAX while stopped)?"""
        return self.wav_mode == "RAW" or (self.wav_mode == "MAX" and not self.running)

    def _max_points(self) -> int:
        return self.view().depth if self._memory_read() else SCREEN_POINTS

    def _point_param(self, c: Call) -> int:
        (p,) = c.expect(1)
        value = int(p.number(integer=True))
        limit = self.view().depth if self.wav_mode != "NORM" else SCREEN_POINTS
        if not 1 <= value <= limit:
            raise SCPIError(-222, p.text)
        return value

    def _wav_start(self, c: Call) -> None:
        self.wav_start = self._point_param(c)

    def _wav_start_q(self, c: Call) -> str:
        c.expect(0)
        return str(self.wav_start)

    def _wav_stop(self, c: Call) -> None:
        self.wav_stop = self._point_param(c)

    def _wav_stop_q(self, c: Call) -> str:
        c.expect(0)
        return str(self.wav_stop)

    # -- preamble -----------------------------------------------------------------------

    def preamble(self) -> tuple[int, int, int, int, float, float, int, float, int, int]:
        """format, type, points, count, xinc, xorigin, xref, yinc, yorigin, yref."""
        panel = self.view()
        memory = self._memory_read()
        digital = self.wav_source.startswith("D")
        fmt = 0 if digital else FORMAT_CODES[self.wav_format]
        if memory:
            points, xinc, xorigin = panel.depth, 1.0 / panel.srate, panel.mem_xorigin
        else:
            points, xinc, xorigin = SCREEN_POINTS, panel.screen_xinc, panel.screen_xorigin
        count = panel.acquire.averages if panel.acquire.type == "AVER" else 1
        if self.wav_source.startswith("CHAN"):
            ch = panel.channels[int(self.wav_source[4:])]
            yinc, yorigin, yref = ch.yinc, ch.yorigin, Y_REF
        elif self.wav_source == "MATH":
            yinc, yorigin, yref = self.math_yinc(), self.math_yorigin(), Y_REF
        else:
            yinc, yorigin, yref = 1.0, 0, 0
        return (fmt, MODE_CODES[self.wav_mode], points, count, xinc, xorigin, 0, yinc,
                yorigin, yref)

    def _wav_preamble_q(self, c: Call) -> str:
        c.expect(0)
        f = self.preamble()
        return ",".join([str(f[0]), str(f[1]), str(f[2]), str(f[3]), self.num(f[4]),
                         self.num(f[5]), str(f[6]), self.num(f[7]), str(f[8]), str(f[9])])

    def _field_q(self, idx: int) -> Callable[[Call], str]:
        def handler(c: Call) -> str:
            c.expect(0)
            value = self.preamble()[idx]
            return str(value) if isinstance(value, int) else self.num(value)

        return handler

    def read_window(self) -> tuple[int, int] | None:
        """The 1-based inclusive window the next `:WAV:DATA?` returns; None if refused."""
        memory = self._memory_read()
        if self.wav_mode == "RAW" and self.running:
            return None
        if self.wav_source == "MATH" and memory:
            return None
        total = self.view().depth if memory else SCREEN_POINTS
        start, stop = self.wav_start, min(self.wav_stop, total)
        fmt = "BYTE" if self.wav_source.startswith("D") else self.wav_format
        if stop - start + 1 > POINT_LIMITS[fmt]:
            return None
        return start, stop

    def _wav_points_q(self, c: Call) -> str:
        c.expect(0)
        window = self.read_window()
        return str(0 if window is None else max(0, window[1] - window[0] + 1))

    # -- data ---------------------------------------------------------------------------

    def _refuse(self, code: int, info: str) -> bytes:
        self.push_error(code, info)
        return EMPTY_BLOCK

    def _wav_data_q(self, c: Call) -> bytes:
        c.expect(0)
        memory = self._memory_read()
        # Refusals still answer (an empty block) so a client's read does not hang;
        # the reason goes to the error queue.
        if self.wav_mode == "RAW" and self.running:
            return self._refuse(-221, "stop the scope before reading RAW memory")
        if self.wav_source == "MATH" and memory:
            return self._refuse(-221, "MATH can only be read in NORMal mode")
        acq = self.record() if not memory else self.poll()
        panel = acq.panel
        digital = self.wav_source.startswith("D")
        fmt = "BYTE" if digital else self.wav_format
        total = panel.depth if memory else SCREEN_POINTS
        start, stop = self.wav_start, min(self.wav_stop, total)
        if start > stop:
            return EMPTY_BLOCK
        if stop - start + 1 > POINT_LIMITS[fmt]:
            return self._refuse(-222, f"at most {POINT_LIMITS[fmt]} points per read in {fmt}")
        if memory:
            idx = np.arange(start - 1, stop, dtype=np.int64)
        else:
            idx = panel.screen_indices()[start - 1 : stop]
        src = self.wav_source
        if digital:
            line = int(src[1:])
            if memory:
                data = acq.pod_bytes(line // 8, idx)
            elif start == 1 and stop == SCREEN_POINTS:
                data = acq.screen_logic(line).astype(np.uint8)
            else:
                data = acq.logic(line, idx).astype(np.uint8)
            return block(data.tobytes(), digits=9)
        if src == "MATH":
            codes = self.math_codes(acq)[start - 1 : stop]
            yinc, yorigin = self.math_yinc(), self.math_yorigin()
        else:
            ch = int(src[4:])
            if not memory and start == 1 and stop == SCREEN_POINTS:
                codes = acq.screen_codes(ch)
            else:
                codes = acq.codes(ch, idx)
            yinc, yorigin = panel.channels[ch].yinc, panel.channels[ch].yorigin
        if fmt == "BYTE":
            return block(codes.tobytes(), digits=9)
        if fmt == "WORD":
            return block(codes.astype("<u2").tobytes(), digits=9)
        volts = (codes.astype(np.float64) - yorigin - Y_REF) * yinc
        text = ",".join(self.number_format.format(v) for v in volts.tolist())
        return block(text.encode("ascii"), digits=9)
