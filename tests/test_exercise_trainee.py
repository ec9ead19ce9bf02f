"""A scripted perfect trainee scores full marks on every shipped exercise, for two seeds.

The trainee (tests/exercise_trainee.py) works the simulated instruments over real
pyvisa + TCP as a person would; the grader reads the instruments back over SCPI.
The fault hunts run once per fault their scenario can draw. One simulated bench
serves the whole module (each attempt reloads it with its own board).
"""

from __future__ import annotations

import pytest

from meterlab.sim import SimulatedBench
from meterlab.training.answers import parse_answer
from meterlab.training.format import list_exercises
from meterlab.training.scenario import draw
from meterlab.training.session import Attempt
from tests.exercise_trainee import SCRIPTS, Trainee

EXERCISES = {ex.id: ex for ex in list_exercises()}
HUNTS = ("fault-hunt-power", "fault-hunt-signals")


@pytest.fixture(scope="module")
def bench():
    with SimulatedBench() as b:
        yield b


def run_perfect(bench: SimulatedBench, exercise_id: str, seed: int) -> Attempt:
    ex = EXERCISES[exercise_id]
    script = SCRIPTS[exercise_id]
    with Attempt(ex, seed=seed, lang="nl", bench=bench) as attempt:
        trainee = Trainee(attempt.bench.dmm_resource, attempt.bench.scope_resource)
        try:
            for step in ex.steps:
                raw = script(trainee, step.id)
                answers = {a.key: parse_answer(a, raw[a.key], "nl") for a in step.answers}
                result = attempt.submit(step, answers, raw)
                assert result.mistakes == [], (exercise_id, seed, step.id, raw,
                                               attempt.drawn, result.feedback, result.state)
                assert result.points == step.points
        finally:
            trainee.close()
        assert attempt.score == (ex.max_score, ex.max_score)
    return attempt


def test_every_exercise_has_a_scripted_trainee():
    assert len(EXERCISES) >= 14
    assert set(EXERCISES) == set(SCRIPTS)


@pytest.mark.parametrize("seed", [1, 2])
@pytest.mark.parametrize("exercise_id", sorted(set(SCRIPTS) - set(HUNTS)))
def test_perfect_trainee_scores_full_marks(bench, exercise_id, seed):
    run_perfect(bench, exercise_id, seed)


def _seed_for(exercise_id: str, fault: str) -> int:
    ex = EXERCISES[exercise_id]
    return next(s for s in range(200) if draw(ex, s).fault == fault)


@pytest.mark.parametrize(("exercise_id", "fault"), [
    ("fault-hunt-power", f) for f in ("none", "ldo_drift", "supply_ripple", "r1_open")
] + [("fault-hunt-signals", f) for f in ("none", "pwm_stuck", "uart_baud", "i2c_nak")])
def test_fault_hunts_every_fault(bench, exercise_id, fault):
    """The hunts run for four seeds each: one per fault (and "none") they can draw."""
    attempt = run_perfect(bench, exercise_id, _seed_for(exercise_id, fault))
    assert attempt.drawn.fault == fault


def test_seeds_give_neighbours_different_boards():
    ex = EXERCISES["ntc-temperature"]
    temps = {draw(ex, s).temperature for s in range(6)}
    assert len(temps) >= 4
    assert draw(ex, 3) == draw(ex, 3)
