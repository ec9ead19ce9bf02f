"""The shapes readings and verdicts travel in, shared by every layer.

Readings move in numpy batches, never one Python object per value: a driver
returns a `ReadingBatch`, the acquisition engine hands the same batch to every
subscriber (store, GUI ring buffers), and evaluation returns arrays of
`Verdict` codes (int8) beside it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum

import numpy as np

#: Keysight/Agilent (and most SCPI DMMs) report overload as ±9.9E+37; anything at
#: or beyond this magnitude is treated as an overload, never as a number.
OVERLOAD_THRESHOLD = 9.0e37


class Verdict(IntEnum):
    """The judgement of one reading against its limit. Never a bare bool.

    Codes are ordered by severity, for sorting and for summarising one check's readings.
    The unit's outcome is not the worst code: it is PASS / FAIL / NOT JUDGED by the rule
    in `meterlab.outcome` (an ERROR beside a FAIL still fails the unit; an ERROR alone
    leaves it not judged).
    """

    PASS = 0
    MARGINAL = 1
    INDETERMINATE = 2
    FAIL = 3
    OVERLOAD = 4
    ERROR = 5

    @property
    def symbol(self) -> str:
        """A glyph that carries the verdict without colour (colour-blind safe)."""
        return _SYMBOLS[self]


_SYMBOLS = {
    Verdict.PASS: "✔",
    Verdict.MARGINAL: "▲",
    Verdict.INDETERMINATE: "?",
    Verdict.FAIL: "✘",
    Verdict.OVERLOAD: "⚠",
    Verdict.ERROR: "⊘",
}

VERDICT_DTYPE = np.int8


def empty_f64() -> np.ndarray:
    return np.empty(0, dtype=np.float64)


def empty_bool() -> np.ndarray:
    return np.empty(0, dtype=bool)


@dataclass(frozen=True, slots=True)
class ReadingBatch:
    """Consecutive readings of one DMM, all with the same function and range.

    `t` is UTC seconds since the epoch (float64). `values` holds the numbers in
    base units (V, A, Ω, Hz, s, F, °C); an overloaded reading has `overload`
    set and its value is NaN, so it can never leak into statistics. A reading that
    could not be taken at all is NaN without the overload flag (an ERROR).
    `gap_before` marks that readings were lost or the instrument dropped out just
    before this batch (the trend shows a break there). `gap_reason` says why when the
    driver knows it ("overflow": the meter reported its reading memory overflowed; "fault":
    readings taken from the meter behind a reply that could not be read), so a user is
    never told a cause that did not happen; "" when not known or no gap.
    """

    t: np.ndarray = field(default_factory=empty_f64)
    values: np.ndarray = field(default_factory=empty_f64)
    overload: np.ndarray = field(default_factory=empty_bool)
    function: str = "VOLT:DC"
    unit: str = "V"
    range: float | None = None
    gap_before: bool = False
    source: str = ""
    gap_reason: str = ""

    def __len__(self) -> int:
        return int(self.values.shape[0])

    @staticmethod
    def from_raw(
        t: np.ndarray,
        raw: np.ndarray,
        *,
        function: str,
        unit: str,
        range: float | None = None,
        gap_before: bool = False,
        source: str = "",
    ) -> ReadingBatch:
        """Build a batch from raw instrument numbers, turning ±9.9E37 into overload flags."""
        raw = np.asarray(raw, dtype=np.float64)
        over = np.abs(raw) >= OVERLOAD_THRESHOLD
        values = np.where(over, np.nan, raw)
        return ReadingBatch(
            t=np.asarray(t, dtype=np.float64),
            values=values,
            overload=over,
            function=function,
            unit=unit,
            range=range,
            gap_before=gap_before,
            source=source,
        )
