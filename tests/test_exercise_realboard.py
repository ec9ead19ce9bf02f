"""Exercises on a real board with real instruments: confirmed leads, standard SCPI, references.

The simulated bench stands in for the real one: its socket resources are passed as
`dmm_resource`/`scope_resource` (`--dmm`/`--scope`), so meterlab treats them as
real instruments. The scripted trainee still places the leads physically
(`SIMulation:PROBe`, its hands on the board) and then confirms where they are,
as a trainee at a real bench does.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import pyvisa
from exercise_trainee import SCRIPTS, Trainee

from meterlab.errors import FileFormatError, UsageError
from meterlab.sim import SimulatedBench
from meterlab.training.answers import parse_answer
from meterlab.training.format import find_exercise, parse_exercise
from meterlab.training.scenario import reload
from meterlab.training.session import Attempt

ROOT = Path(__file__).resolve().parent.parent
REAL_READY = ("dc-rails", "pwm-scope", "reference-table", "rise-time", "i2c-address")


@pytest.fixture(scope="module")
def module_bench():
    with SimulatedBench() as b:
        yield b


@pytest.fixture
def bench(module_bench):
    reload(module_bench, 0)  # a good board, instruments at power-on
    return module_bench


class Recorder:
    """Every command meterlab's connections send to the simulated instruments, by text."""

    def __init__(self, bench: SimulatedBench) -> None:
        self.sent: list[str] = []
        self._bench = bench
        self._orig = {}
        for inst in (bench.dmm, bench.scope):
            orig = inst.execute
            self._orig[id(inst)] = orig

            def spy(message, conn=None, _orig=orig):
                self.sent.append(bytes(message).decode("ascii", "replace").strip())
                return _orig(message, conn)

            inst.execute = spy

    def close(self) -> None:
        for inst in (self._bench.dmm, self._bench.scope):
            del inst.execute


def real_attempt(bench: SimulatedBench, exercise, **kw) -> Attempt:
    return Attempt(exercise, dmm_resource=bench.dmm_resource,
                   scope_resource=bench.scope_resource, **kw)


def confirm_where_asked(attempt: Attempt, step) -> None:
    e = step.expect
    for key in attempt.needs(step):
        net = f"{e.at},{e.ref}" if key == "leads" else e.at if key.startswith("ch") \
            else e.digital_at
        attempt.confirm(key, net)


@pytest.mark.parametrize("exercise_id", REAL_READY)
def test_perfect_trainee_on_a_real_board_full_marks_without_sim_queries(bench, exercise_id):
    ex = find_exercise(exercise_id)
    with real_attempt(bench, ex, lang="en") as attempt:
        assert attempt.bench is None  # no simulator of its own: it thinks these are real
        trainee = Trainee(bench.dmm_resource, bench.scope_resource)
        try:
            for step in ex.steps:
                raw = SCRIPTS[exercise_id](trainee, step.id)
                confirm_where_asked(attempt, step)
                answers = {a.key: parse_answer(a, raw[a.key]) for a in step.answers}
                spy = Recorder(bench)
                try:
                    result = attempt.submit(step, answers, raw)
                finally:
                    spy.close()
                assert result.mistakes == [], (step.id, raw, result.feedback, result.state)
                assert spy.sent, "the settings are read over SCPI"
                assert not [c for c in spy.sent if "SIM" in c.upper()], spy.sent
        finally:
            trainee.close()
        assert attempt.score == (ex.max_score, ex.max_score)


def test_confirmed_leads_decide_the_test_point_not_the_simulator(bench):
    ex = find_exercise("dc-rails")
    step = ex.steps[0]  # VBUS
    trainee = Trainee(bench.dmm_resource, bench.scope_resource)
    try:
        with real_attempt(bench, ex) as attempt:
            assert attempt.needs(step) == ["leads"]
            v = trainee.meter("VOLT:DC", "VBUS")
            answers = {"value": (v, "V")}
            attempt.confirm("leads", "3V3,GND")
            assert attempt.submit(step, answers, {}).mistakes == ["wrong-test-point"]
            attempt.confirm("leads", "gnd, vbus")
            assert attempt.submit(step, answers, {}).mistakes == ["reversed-leads"]
            with pytest.raises(ValueError, match=r"test points: VBUS.*e\.g\. leads = VBUS,GND"):
                attempt.confirm("leads", "VCC")
    finally:
        trainee.close()


def test_reference_tolerance_grades_the_value_not_the_board(bench):
    """5.2 V is off this board's VBUS, but inside the reference 5.0 V ±5 %: right on a real
    board; 5.4 V is outside it: misread-value."""
    ex = find_exercise("dc-rails")
    step = ex.steps[0]
    trainee = Trainee(bench.dmm_resource, bench.scope_resource)
    try:
        trainee.meter("VOLT:DC", "VBUS")
        with real_attempt(bench, ex) as attempt:
            attempt.confirm("leads", "VBUS")
            assert attempt.submit(step, {"value": (5.2, "V")}, {}).mistakes == []
            assert attempt.submit(step, {"value": (5.4, "V")}, {}).mistakes == ["misread-value"]
    finally:
        trainee.close()


def test_own_reference_table_lets_a_real_board_run_what_the_board_table_lacks(bench):
    plain = find_exercise("uart-decode")
    with pytest.raises(UsageError, match=r"no reference value for uart_text on a real board: "
                                         r"add them to a \[reference\] table"):
        real_attempt(bench, plain).start()
    text = Path(plain.path).read_text(encoding="utf-8")
    own = parse_exercise(text + '\n[reference]\nuart_text = "T=21.5C H=45%"\nbaud = '
                         '"9600 Bd ±3 %"\n')
    assert own.reference["baud"] == "9600 Bd ±3 %"
    with real_attempt(bench, own) as attempt:
        assert attempt.reference.value("uart_text") == "T=21.5C H=45%"
        assert attempt.reference.limit("baud", "Bd").upper == pytest.approx(9888.0)
    with pytest.raises(UsageError, match="uses the scope: give its resource with --scope"):
        Attempt(plain, dmm_resource=bench.dmm_resource).start()


def test_a_bad_reference_names_file_line_and_key():
    text = Path(find_exercise("dc-rails").path).read_text(encoding="utf-8")
    n = len(text.splitlines())
    with pytest.raises(FileFormatError) as exc:
        parse_exercise(text + '\n[reference]\n"VOLT:DC VBUS" = "5 A ±5 %"\n', path="x.toml")
    assert str(exc.value).startswith(f"x.toml:{n + 3}: [reference], key VOLT:DC VBUS: ")
    assert "is in A, but VOLT:DC VBUS is in V" in str(exc.value)


def test_cli_real_board_asks_where_the_leads_are_and_grades(bench):
    """`meterlab exercise run ID --dmm R --scope R`: no simulator started, leads confirmed."""
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    p = subprocess.Popen([sys.executable, "-m", "meterlab", "exercise", "run", "dc-rails",
                          "--dmm", bench.dmm_resource, "--scope", bench.scope_resource,
                          "--no-store"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True, cwd=ROOT, env=env)
    rm = pyvisa.ResourceManager("@py")
    dmm = rm.open_resource(bench.dmm_resource, read_termination="\n", write_termination="\n")
    seen: list[str] = []

    def until(prefix: str) -> None:
        while True:
            line = p.stdout.readline()
            assert line, "".join(seen) + p.stderr.read()
            seen.append(line)
            if line.lstrip().startswith(prefix):
                return

    def say(*lines: str) -> None:
        p.stdin.write("".join(f"{ln}\n" for ln in lines))
        p.stdin.flush()

    try:
        until("Where are the red and black leads?")
        dmm.write("CONF:VOLT:DC")
        dmm.write("VOLT:NPLC 1")
        dmm.write("SIM:PROB VBUS,GND")  # the trainee's hands on the board
        vbus = float(dmm.query("READ?"))
        say("leads = VCC", "leads = VBUS,GND", f"value = {vbus:.5f} V")
        until("✔")
        until("Where are the red and black leads?")
        dmm.write("SIM:PROB 3V3,GND")
        v3 = float(dmm.query("READ?"))
        say("leads = VBUS,GND", f"value = {v3:.5f} V")  # says VBUS while on 3V3
        until("Try again")
        say("leads = 3V3,GND", f"value = {v3:.5f} V")
        out, err = p.communicate(timeout=30)
    finally:
        dmm.close()
        if p.poll() is None:
            p.kill()
    text = "".join(seen) + out
    assert p.returncode == 1, text + err
    assert seen[0] == f"dmm {bench.dmm_resource}\n" and seen[1] == f"scope {bench.scope_resource}\n"
    assert "Real board: the settings are read over SCPI" in text
    assert re.search(r"\? test points: VBUS, 3V3.* \(e\.g\. leads = VBUS,GND\)", text)
    assert "[wrong-test-point]" in text
    assert text.rstrip().endswith("score 3/4")
    assert "Traceback" not in text + err
