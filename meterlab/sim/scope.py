"""Simulated Rigol MSO1104Z (placeholder: identification only, being written now)."""

from __future__ import annotations

from meterlab.sim.board import Board
from meterlab.sim.instrument import SimInstrument


class RigolMSO1104Z(SimInstrument):
    identity = ("RIGOL TECHNOLOGIES", "MSO1104Z", "DS1ZC000000001", "00.04.04.SP4")
    number_format = "{:.6e}"
    error_code_format = "{:d}"

    def __init__(self, board: Board, seed: int = 0) -> None:
        self.seed = seed
        super().__init__(board)
