"""Stand-ins for the virtual board, shared by tests that need values they control."""

from __future__ import annotations


class StandInBoard:
    """The part of the virtual board a meter touches, with values the test controls
    (the GUI meter tests move them to turn a verdict)."""

    nets = ("3V3", "GND")

    def __init__(self) -> None:
        self.values = {"VOLT:DC": 3.3, "VOLT:AC": 0.0, "CURR:DC": 0.042, "CURR:AC": 0.0,
                       "RES": 4700.0, "FRES": 4700.0, "FREQ": 0.0, "PER": 0.0, "CAP": 1e-7,
                       "TEMP": 25.0, "CONT": 0.2, "DIOD": 0.6}
        self.temperature_c = 25.0
        self.active_faults: tuple[str, ...] = ()

    def measure(self, function: str, hi: str, lo: str) -> float:
        return self.values[function]

    def set_fault(self, name: str, on: bool) -> None:
        raise ValueError(name)
