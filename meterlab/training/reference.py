"""The answer key on a real board: reference values (richtwaarden) with their tolerances.

On the simulated bench the grader asks the board itself what the right answer is
(`truth.py`). A real board cannot be asked, so there the key is what a teacher
would hold the reading against: the exercise's own `[reference]` table, else the
board's nominal design values below (the sensor node's reference table). A
quantity is then right when it lies inside the reference's tolerance, not inside
the exercise's tighter `accept`, because a real part is only as close to its
nominal as its tolerance promises.
"""

from __future__ import annotations

from dataclasses import dataclass

from meterlab.errors import LimitError
from meterlab.tolerance import Limit, limit_from
from meterlab.training.truth import truth_unit
from meterlab.units import parse_quantity

#: The IoT sensor node's reference table: its design values (meterlab.sim.board's
#: nominals) with the tolerance a good board meets. Text answers have no tolerance.
BOARD_REFERENCE: dict[str, str] = {
    "VOLT:DC VBUS": "5.0 V ±5 %",          # USB 2.0 VBUS: 4.75 V .. 5.25 V
    "VOLT:DC 3V3": "3.3 V ±3 %",           # the LDO's output
    "CURR:DC ISUPPLY": "42 mA ±10 %",      # 37 mA MCU + 25 % of the 20 mA LED
    "VOLT:DC NTC": "1.65 V ±25 %",         # 10 kΩ NTC under a 10 kΩ pull-up, 15–35 °C
    "RES R1": "4.7 kΩ ±1 %",
    "r1_nominal": "4.7 kΩ ±0.5 %",
    "DIOD D1": "0.62 V ±10 %",
    "ntc_ohms": "10 kΩ ±50 %",
    "temperature": "25 °C ±10 °C",         # a class room
    "pwm_frequency": "1 kHz ±1 %",
    "pwm_duty": "25 % ±1",                 # percentage points
    "baud": "9600 Bd ±2 %",
    "i2c_address": "0x44",
    "i2c_ack": "ACK",
    "rise_time_scl": "330 ns ±30 %",       # 4.7 kΩ pull-up on about 30 pF
    "rise_time_pwm": "18 ns ±50 %",
}


@dataclass(frozen=True)
class RefValue:
    value: float | str
    tolerance: str = ""  #: "±3 %", "" for text or an exact number

    def limit(self, unit: str) -> Limit | None:
        if not self.tolerance or isinstance(self.value, str):
            return None
        return limit_from(float(self.value), self.tolerance, unit)


def parse_reference(name: str, text: str) -> RefValue:
    """`"3.3 V ±3 %"` for a quantity truth, plain text otherwise; LimitError says what is wrong."""
    unit = truth_unit(name)
    if not unit:
        return RefValue(text.strip())
    value_text, sep, tol = text.partition("±")
    try:
        value, got = parse_quantity(value_text.strip(), unit)
    except LimitError as exc:
        raise LimitError(f'reference "{text}": {exc} (write e.g. "3.3 V ±3 %")') from None
    if got != unit:
        raise LimitError(f'reference "{text}" is in {got}, but {name} is in {unit}')
    ref = RefValue(value, f"±{tol.strip()}" if sep else "")
    ref.limit(unit)  # a tolerance that does not read fails here, at load time
    return ref


class Reference:
    """The answer key of one exercise on a real board: its own table over the board's."""

    def __init__(self, own: dict[str, str] | None = None) -> None:
        self.table = {**BOARD_REFERENCE, **(own or {})}

    def missing(self, names: list[str]) -> list[str]:
        """Truths the exercise needs that no reference gives (fixed `=…` answers need none)."""
        return sorted({n for n in names if n and not n.startswith("=") and n != "tur_ok"
                       and n not in self.table})

    def get(self, name: str) -> RefValue:
        return parse_reference(name, self.table[name])

    def value(self, name: str) -> float | str:
        if name.startswith("="):
            return name[1:].strip()
        return self.get(name).value

    def limit(self, name: str, unit: str) -> Limit | None:
        if name not in self.table:
            return None
        return self.get(name).limit(unit)

    def measure(self, function: str, hi: str, lo: str = "GND") -> float | None:
        """The reference reading of a meter function between two test points, if known."""
        key = f"{function} {hi}" if lo == "GND" else f"{function} {hi} {lo}"
        if key not in self.table:
            return None
        return float(self.get(key).value)
