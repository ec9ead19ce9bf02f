"""Simulated Keysight 34465A (placeholder: identification only, being written now)."""

from __future__ import annotations

from meterlab.sim.board import Board
from meterlab.sim.instrument import SimInstrument


class Keysight34465A(SimInstrument):
    identity = ("Keysight Technologies", "34465A", "MY59000001", "A.03.01-03.15-03.01-00.52-03-02")

    def __init__(self, board: Board, seed: int = 0) -> None:
        self.seed = seed
        super().__init__(board)
