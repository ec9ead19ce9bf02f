"""Draw an exercise's scenario from a seed and set the simulated bench up with it.

The seed decides everything that varies (temperature, the fault, R1's value,
where the leads and the probe lie at the start), so neighbours at a class bench
get different numbers, and the teacher replays any attempt from its seed.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from meterlab.training.format import Exercise
from meterlab.training.truth import Drawn

#: the board's part tolerance for a drawn R1: the coupon's resistors are 1 % parts
R1_TOLERANCE = 0.01


def draw(exercise: Exercise, seed: int) -> Drawn:
    """The scenario of `exercise` for `seed` (the same seed always draws the same)."""
    sc = exercise.scenario
    rng = np.random.default_rng([0x7E57, abs(int(seed)), int(seed < 0),
                                 sum(exercise.id.encode())])
    temp = 25.0
    if sc.temperature is not None:
        lo, hi = sc.temperature
        temp = round(float(rng.uniform(lo, hi)), 1)
    fault = str(sc.faults[int(rng.integers(len(sc.faults)))]) if sc.faults else "none"
    r1 = float(sc.r1[int(rng.integers(len(sc.r1)))]) if sc.r1 else None
    dmm_start = str(sc.dmm_start[int(rng.integers(len(sc.dmm_start)))]) if sc.dmm_start \
        else "3V3"
    scope_start = str(sc.scope_start[int(rng.integers(len(sc.scope_start)))]) \
        if sc.scope_start else "LED_PWM"
    probe = float(sc.scope_probe[int(rng.integers(len(sc.scope_probe)))]) if sc.scope_probe \
        else 10.0
    return Drawn(seed=int(seed), temperature=temp, fault=fault, r1_nominal=r1,
                 dmm_start=dmm_start, scope_start=scope_start, scope_probe=probe)


def reload(bench: Any, seed: int, *, power_cycle: bool = True) -> Any:
    """Give a running `SimulatedBench` a fresh board for `seed`.

    With `power_cycle` both instruments return to their power-on state too (the
    meter's fuse is new), so one bench serves attempt after attempt: the test suite
    uses one per module. Without it only the board (and the fuse) change and the
    instruments keep their settings: the desktop app's live views stay connected.
    Returns the board that was there before.
    """
    from meterlab.sim.board import Board

    previous = bench.board
    board = Board(seed=seed)
    if not power_cycle:
        swap_board(bench, board)
        return previous
    bench.board = board
    with bench.dmm.lock:
        bench.dmm.board = board
        bench.dmm.fuse_blown = False
        bench.dmm.seed = seed
        bench.dmm.errors.clear()
        bench.dmm.reset()
    bench.scope.seed = seed
    bench.scope.power_cycle(board)
    return previous


def swap_board(bench: Any, board: Any) -> None:
    """Put `board` behind both instruments, keeping their settings (and a new fuse)."""
    bench.board = board
    with bench.dmm.lock:
        bench.dmm.board = board
        bench.dmm.fuse_blown = False
    with bench.scope.lock:
        bench.scope.board = board


def apply(bench: Any, drawn: Drawn) -> None:
    """Put the drawn scenario on a (started or not) `SimulatedBench`, before anyone measures."""
    board = bench.board
    board.temperature_c = drawn.temperature
    if drawn.fault != "none":
        board.set_fault(drawn.fault, True)
    if drawn.r1_nominal is not None:
        # a real part off its marking by up to its tolerance, the same for the same seed
        dev = np.random.default_rng([0x5231, abs(drawn.seed)]).uniform(-0.6, 0.6)
        board.r1_ohms = drawn.r1_nominal * (1 + R1_TOLERANCE * dev)
    with bench.dmm.lock:
        bench.dmm.probe = (drawn.dmm_start, "GND")
    with bench.scope.lock:
        bench.scope.wiring[1] = drawn.scope_start
        bench.scope.channels[1].probe = drawn.scope_probe
        bench.scope.channels[1].scale = 0.1 * drawn.scope_probe  # 1 V/div at 10:1
