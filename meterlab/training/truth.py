"""The answer key: what the right answer is, taken from the simulated board itself.

An exercise names the truth of each answer in words a teacher can write —
"VOLT:DC 3V3" (what an ideal meter shows with its leads on 3V3 and GND),
"=overload" (a fixed answer, for questions about what the trainee saw),
"pwm_duty", "uart_text", "diagnosis" — and this module computes it from the
board of this attempt (its seed, temperature and fault). The grader never
trusts a number the trainee was told; it asks the board.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

import numpy as np

from meterlab.plan import DMM_FUNCTIONS
from meterlab.sim.board import FAULTS, I2C_ADDRESS, NETS, TAU_I2C_RISE, TAU_PUSH_PULL
from meterlab.units import function_unit

FAULT_NAMES: tuple[str, ...] = ("none", *FAULTS)

#: named truths → (unit, kind of answer they fit). Units "" are text or choices.
NAMED: dict[str, str] = {
    "temperature": "°C", "ntc_ohms": "Ω", "r1": "Ω", "r1_nominal": "Ω",
    "supply_current": "A", "pwm_frequency": "Hz", "pwm_duty": "%", "baud": "Bd",
    "uart_text": "", "i2c_address": "", "i2c_ack": "", "rise_time_scl": "s",
    "rise_time_pwm": "s", "ripple_vpp": "V", "diagnosis": "", "tur_ok": "",
    "ripple_rms": "V",
}
_MEASURE = re.compile(r"^([A-Z:]+)\s+([A-Z0-9_]+)(?:\s+([A-Z0-9_]+))?$")


def check_truth(text: str) -> str | None:
    """None when `text` is a truth this module can compute, else what is wrong, in words."""
    if text in NAMED:
        return None
    if text.startswith("=") and text[1:].strip():
        return None  # a fixed answer: "=overload", "=yes"
    m = _MEASURE.match(text.upper())
    if m and m.group(1) in DMM_FUNCTIONS:
        for net in m.group(2, 3):
            if net is not None and net not in NETS:
                return f'"{net}" is not a test point ({", ".join(NETS)})'
        return None
    return (f'truth "{text}" — a meter function and test point such as "VOLT:DC 3V3", or one '
            f'of {", ".join(NAMED)}')


def truth_unit(text: str) -> str:
    if text in NAMED:
        return NAMED[text]
    m = _MEASURE.match(text.upper())
    return function_unit(m.group(1)) if m else ""


@dataclass(frozen=True)
class Drawn:
    """What the seed chose for this attempt (stored with the session)."""

    seed: int
    temperature: float
    fault: str
    r1_nominal: float | None
    dmm_start: str
    scope_start: str
    scope_probe: float

    def as_dict(self) -> dict[str, Any]:
        return {"seed": self.seed, "temperature_c": self.temperature, "fault": self.fault,
                "r1_nominal": self.r1_nominal, "dmm_start": self.dmm_start,
                "scope_start": self.scope_start, "scope_probe": self.scope_probe}


def truth(name: str, board: Any, drawn: Drawn, parts: dict[str, str]) -> float | str:
    """The right answer called `name` on `board` (a number in base units, or text)."""
    if name.startswith("="):
        return name[1:].strip()
    if name == "temperature":
        return float(board.temperature_c)
    if name == "ntc_ohms":
        return float(board.ntc_ohms)
    if name == "r1":
        return float(board.r1_ohms)
    if name == "r1_nominal":
        return float(drawn.r1_nominal or 4700.0)
    if name == "supply_current":
        return float(board.supply_current)
    if name == "pwm_frequency":
        return float(board.pwm_frequency) if board.pwm_duty < 1.0 else 0.0
    if name == "pwm_duty":
        return 100.0 * float(board.pwm_duty)
    if name == "baud":
        return float(board.baud)
    if name == "uart_text":
        return board.uart_line(0).split(" #")[0]
    if name == "i2c_address":
        return f"0x{I2C_ADDRESS:02X}"
    if name == "i2c_ack":
        return "NAK" if "i2c_nak" in board.active_faults else "ACK"
    if name == "rise_time_scl":
        return TAU_I2C_RISE * math.log(9.0)
    if name == "rise_time_pwm":
        return TAU_PUSH_PULL * math.log(9.0)
    if name in ("ripple_vpp", "ripple_rms"):
        t = np.linspace(0.0, 0.02, 40_001)
        v = board.analog("VBUS", t)
        return float(np.ptp(v)) if name == "ripple_vpp" else float(np.std(v))
    if name == "diagnosis":
        return parts.get(drawn.fault, drawn.fault)
    m = _MEASURE.match(name.upper())
    if m is None:
        raise ValueError(f"unknown truth {name!r}")
    return float(board.measure(m.group(1), m.group(2), m.group(3) or "GND"))
