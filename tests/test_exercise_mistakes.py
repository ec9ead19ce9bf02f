"""Every mistake code, made for real on the simulated instruments, then a correct redo.

Each test sets the instruments up wrong over pyvisa the way a trainee would get it
wrong, checks that the bench itself shows the consequence where a real one would
(a blown fuse, an overload, a tenth of the voltage, a negative reading), that the
grader names the code with its words, and that a correct second try scores.
"""

from __future__ import annotations

import contextlib

import pytest

from meterlab.sim import SimulatedBench
from meterlab.training.answers import parse_answer
from meterlab.training.codes import MISTAKES, words
from meterlab.training.format import find_exercise
from meterlab.training.grade import StepResult
from meterlab.training.scenario import draw
from meterlab.training.session import Attempt
from tests.exercise_trainee import Trainee

TESTED: set[str] = set()


@pytest.fixture(scope="module")
def bench():
    with SimulatedBench() as b:
        yield b


@contextlib.contextmanager
def attempt(bench, exercise_id: str, seed: int = 1, lang: str = "en"):
    ex = find_exercise(exercise_id)
    with Attempt(ex, seed=seed, lang=lang, bench=bench) as a:
        t = Trainee(bench.dmm_resource, bench.scope_resource)
        try:
            yield a, t
        finally:
            t.close()


def submit(a: Attempt, step_id: str, raw: dict[str, str]) -> StepResult:
    step = next(s for s in a.exercise.steps if s.id == step_id)
    return a.submit(step, {x.key: parse_answer(x, raw[x.key], a.lang) for x in step.answers},
                    raw)


def named(result: StepResult, code: str, lang: str = "en") -> None:
    assert code in result.mistakes, (result.mistakes, result.state)
    assert any(line.startswith(f"[{code}] {words(code, lang)}") for line in result.feedback)
    assert result.points == 0
    TESTED.add(code)


def redo_scores(result: StepResult) -> None:
    assert result.mistakes == [], (result.mistakes, result.state)
    assert result.attempt == 2
    assert result.points > 0


def v(x: float, unit: str = "V") -> str:
    return f"{x:.6g} {unit}"


# --- the multimeter's setup ----------------------------------------------------------------


def test_wrong_function_then_redo(bench):
    with attempt(bench, "dc-rails", lang="nl") as (a, t):
        t.meter("FREQ", "VBUS")
        named(submit(a, "vbus", {"value": "5 V"}), "wrong-function", "nl")
        redo_scores(submit(a, "vbus", {"value": v(t.meter("VOLT:DC", "VBUS"))}))


def test_ac_dc_then_redo(bench):
    with attempt(bench, "dc-rails") as (a, t):
        reading = t.meter("VOLT:AC", "VBUS")
        assert reading < 0.1  # the AC meter shows only the few mV of noise, not 5 V
        named(submit(a, "vbus", {"value": v(reading)}), "ac-dc")
        redo_scores(submit(a, "vbus", {"value": v(t.meter("VOLT:DC", "VBUS"))}))


def test_range_overload_then_redo(bench):
    with attempt(bench, "dc-rails") as (a, t):
        t.dmm.write("CONF:VOLT:DC 1")
        t.dmm.write("SIM:PROB VBUS,GND")
        assert float(t.dmm.query("READ?")) > 9e37  # the meter shows OVLD
        named(submit(a, "vbus", {"value": "5 V"}), "range-overload")
        t.dmm.write("VOLT:RANG 10")
        redo_scores(submit(a, "vbus", {"value": v(float(t.dmm.query("READ?")))}))


def test_range_resolution_then_redo(bench):
    with attempt(bench, "supply-current") as (a, t):
        t.meter("VOLT:DC", "GND")
        t.dmm.write("CONF:CURR:DC 3")
        t.dmm.write("SIM:PROB ISUPPLY,GND")
        named(submit(a, "current", {"value": v(float(t.dmm.query("READ?")), "A")}),
              "range-resolution")
        t.dmm.write("CURR:RANG 0.1")
        redo_scores(submit(a, "current", {"value": v(float(t.dmm.query("READ?")), "A")}))


def test_current_in_parallel_blows_the_fuse_until_replaced(bench):
    with attempt(bench, "supply-current", lang="nl") as (a, t):
        reading = t.meter("CURR:DC", "3V3")  # the A input straight across the rail
        assert t.dmm.query("SIM:FUSE?").strip() == "BLOWN"
        assert abs(reading) < 1e-6
        named(submit(a, "current", {"value": v(reading, "A")}), "current-in-parallel", "nl")
        # in series now, but the fuse is still gone: no current and the same mistake
        assert abs(t.meter("CURR:DC", "ISUPPLY")) < 1e-6
        assert "current-in-parallel" in submit(a, "current", {"value": "0 A"}).mistakes
        t.dmm.write("SIM:FUSE:REPL")
        current = float(t.dmm.query("READ?"))
        assert 0.03 < current < 0.05
        result = submit(a, "current", {"value": v(current, "A")})
        assert result.mistakes == [] and result.points > 0


def test_resistance_powered_then_redo(bench):
    with attempt(bench, "r1-unpowered") as (a, t):
        assert t.meter("RES", "3V3") > 9e37  # ohms on a powered node: no sensible reading
        named(submit(a, "r1", {"value": "4.7 kΩ"}), "resistance-powered")
        redo_scores(submit(a, "r1", {"value": v(t.meter("RES", "R1"), "Ω")}))


def test_wrong_test_point_then_redo(bench):
    with attempt(bench, "dc-rails") as (a, t):
        named(submit(a, "3v3", {"value": v(t.meter("VOLT:DC", "NTC"))}), "wrong-test-point")
        redo_scores(submit(a, "3v3", {"value": v(t.meter("VOLT:DC", "3V3"))}))


def test_reversed_leads_read_negative_then_redo(bench):
    with attempt(bench, "dc-rails") as (a, t):
        reading = t.meter("VOLT:DC", "GND", "3V3")
        assert reading < -3.2
        named(submit(a, "3v3", {"value": v(reading)}), "reversed-leads")
        redo_scores(submit(a, "3v3", {"value": v(t.meter("VOLT:DC", "3V3"))}))


def test_reversed_leads_from_the_answer_alone(bench):
    with attempt(bench, "dc-rails") as (a, t):
        reading = t.meter("VOLT:DC", "3V3")
        assert submit(a, "3v3", {"value": v(-reading)}).mistakes == ["reversed-leads"]


def test_nplc_too_low_then_redo(bench):
    with attempt(bench, "dc-rails") as (a, t):
        named(submit(a, "vbus", {"value": v(t.meter("VOLT:DC", "VBUS", nplc=0.02))}),
              "nplc-too-low")
        redo_scores(submit(a, "vbus", {"value": v(t.meter("VOLT:DC", "VBUS", nplc=10))}))


# --- the scope's setup ---------------------------------------------------------------------


def _pwm_answers(_t: Trainee) -> dict[str, str]:
    return {"frequency": "1 kHz", "duty": "25 %"}


def test_probe_ratio_reads_a_tenth_then_redo(bench):
    with attempt(bench, "pwm-scope") as (a, t):
        t.probe_on("LED_PWM", vdiv=1.0, timebase=500e-6, level=0.15)
        t.scpi(":CHAN1:PROB 1")
        t.scpi(":CHAN1:SCAL 0.1")
        assert 0.30 < t.item("VMAX") < 0.37  # the ×10 probe on a ×1 setting: a tenth
        named(submit(a, "pwm", _pwm_answers(t)), "probe-ratio")
        t.probe_on("LED_PWM", vdiv=1.0, timebase=500e-6)
        assert 3.2 < t.item("VMAX") < 3.5
        redo_scores(submit(a, "pwm", _pwm_answers(t)))


def test_no_trigger_then_redo(bench):
    with attempt(bench, "pwm-scope") as (a, t):
        t.probe_on("LED_PWM", vdiv=1.0, timebase=500e-6, level=5.0)
        t.scpi(":TRIG:SWE NORM")
        t.scope.conn.query(":TRIG:STAT?")
        assert t.scope.conn.query(":TRIG:STAT?").strip() == "WAIT"
        named(submit(a, "pwm", _pwm_answers(t)), "no-trigger")
        t.scpi(":TRIG:EDGE:LEV 1.65")
        redo_scores(submit(a, "pwm", _pwm_answers(t)))


def test_timebase_then_redo(bench):
    with attempt(bench, "pwm-scope") as (a, t):
        t.probe_on("LED_PWM", vdiv=1.0, timebase=50e-9)
        named(submit(a, "pwm", _pwm_answers(t)), "timebase")
        t.scpi(":TIM:SCAL 0.0005")
        redo_scores(submit(a, "pwm", _pwm_answers(t)))


def test_scope_channel_on_the_wrong_net_and_volts_per_div(bench):
    with attempt(bench, "pwm-scope") as (a, t):
        t.probe_on("UART_TX", vdiv=0.1, timebase=500e-6)
        result = submit(a, "pwm", _pwm_answers(t))
        assert "wrong-test-point" in result.mistakes
        t.probe_on("LED_PWM", vdiv=0.1, timebase=500e-6)
        assert "range-overload" in submit(a, "pwm", _pwm_answers(t)).mistakes


def test_logic_clip_on_the_wrong_line(bench):
    with attempt(bench, "uart-decode") as (a, t):
        t.logic({0: "SCL"}, timebase=2e-3, trigger=0)
        assert "wrong-test-point" in submit(a, "uart", {"baud": "9600 Bd",
                                                        "text": "x"}).mistakes


# --- the answers ---------------------------------------------------------------------------


def test_unit_or_prefix_then_redo(bench):
    with attempt(bench, "dc-rails", lang="nl") as (a, t):
        reading = t.meter("VOLT:DC", "VBUS")
        named(submit(a, "vbus", {"value": v(reading, "mV")}), "unit-or-prefix", "nl")
        redo_scores(submit(a, "vbus", {"value": v(reading * 1e3, "mV")}))
    with attempt(bench, "ntc-temperature") as (a, t):
        v3, vn = t.meter("VOLT:DC", "3V3"), t.meter("VOLT:DC", "NTC")
        kilo_ohms = 10.0 * vn / (v3 - vn)
        result = submit(a, "temperature", {"resistance": v(kilo_ohms, "Ω"),  # k forgotten
                                           "temperature": "25 °C"})
        assert "unit-or-prefix" in result.mistakes


def test_misread_value_then_redo(bench):
    with attempt(bench, "dc-rails") as (a, t):
        reading = t.meter("VOLT:DC", "VBUS")
        named(submit(a, "vbus", {"value": v(reading * 0.9)}), "misread-value")
        redo_scores(submit(a, "vbus", {"value": v(reading)}))


def _seed(exercise_id: str, fault: str) -> int:
    ex = find_exercise(exercise_id)
    return next(s for s in range(200) if draw(ex, s).fault == fault)


def test_wrong_verdict_then_redo(bench):
    with attempt(bench, "reference-table", seed=_seed("reference-table", "ldo_drift")) as (a, t):
        reading = t.meter("VOLT:DC", "3V3")
        assert reading < 3.1  # the drifted LDO
        named(submit(a, "3v3", {"value": v(reading), "verdict": "PASS"}), "wrong-verdict")
        redo_scores(submit(a, "3v3", {"value": v(reading), "verdict": "afgekeurd"}))


def test_ignored_warn_band_then_redo(bench):
    with attempt(bench, "tolerance-decisions") as (a, t):
        reading = t.meter("VOLT:DC", "VBUS")
        named(submit(a, "warn", {"value": v(reading), "verdict": "PASS"}), "ignored-warn-band")
        redo_scores(submit(a, "warn", {"value": v(reading), "verdict": "MARGINAL"}))


def test_guard_band_is_indeterminate(bench):
    with attempt(bench, "tolerance-decisions") as (a, t):
        reading = t.meter("VOLT:DC", "3V3")
        assert "wrong-verdict" in submit(a, "guard", {"value": v(reading),
                                                      "verdict": "PASS"}).mistakes
        redo_scores(submit(a, "guard", {"value": v(reading), "verdict": "INDETERMINATE"}))


def test_tur_too_low_then_redo(bench):
    with attempt(bench, "tolerance-decisions", lang="nl") as (a, _t):
        named(submit(a, "tur", {"meter_ok": "ja"}), "tur-too-low", "nl")
        redo_scores(submit(a, "tur", {"meter_ok": "nee"}))


def test_wrong_diagnosis_then_redo(bench):
    with attempt(bench, "fault-hunt-power", seed=_seed("fault-hunt-power", "ldo_drift")) \
            as (a, t):
        assert t.meter("VOLT:DC", "3V3") < 3.1
        result = submit(a, "diagnosis", {"diagnosis": "USB supply"})
        named(result, "wrong-diagnosis")
        assert any("Measure 3V3 (DC)" in line for line in result.feedback)  # the file's hint
        redo_scores(submit(a, "diagnosis", {"diagnosis": "ldo"}))


def test_every_code_was_made_for_real():
    """Each listed mistake code is named by a test of this module (`named` asserts the grader
    found it, so a passing test made it for real). Read from this file, not from what ran in
    this process: pytest-xdist spreads the module's tests over its workers, and a worker's
    own `TESTED` then lacks what the others made (seen when running this module alone)."""
    import ast
    from pathlib import Path

    tree = ast.parse(Path(__file__).read_text(encoding="utf-8"))
    made = {call.args[1].value for call in ast.walk(tree)
            if isinstance(call, ast.Call) and getattr(call.func, "id", "") == "named"
            and len(call.args) >= 2 and isinstance(call.args[1], ast.Constant)}
    assert set(MISTAKES) <= made, set(MISTAKES) - made
    assert made >= TESTED  # every code named at run time is one of those read here


# --- mistakes not in the list, as a new trainee makes them -----------------------------------


def test_kelvin_for_celsius_is_unit_or_prefix_with_the_hint(bench):
    with attempt(bench, "ntc-temperature") as (a, t):
        v3, vn = t.meter("VOLT:DC", "3V3"), t.meter("VOLT:DC", "NTC")
        r = 10e3 * vn / (v3 - vn)
        kelvin = 1 / (1 / 298.15 + __import__("math").log(r / 10e3) / 3950)
        result = submit(a, "temperature", {"resistance": v(r, "Ω"),
                                           "temperature": f"{kelvin:.2f} K"})
        assert result.mistakes == ["unit-or-prefix"]
        assert "subtract 273.15" in result.feedback[0]
        redo_scores(submit(a, "temperature", {"resistance": v(r, "Ω"),
                                              "temperature": f"{kelvin - 273.15:.2f} °C"}))


def test_four_wire_ohms_is_accepted_for_two_wire(bench):
    with attempt(bench, "r1-unpowered") as (a, t):
        t.meter("VOLT:DC", "GND")
        result = submit(a, "r1", {"value": v(t.meter("FRES", "R1"), "Ω")})
        assert result.mistakes == [] and result.points == 2


def test_uart_text_with_its_line_counter_is_still_right(bench):
    with attempt(bench, "uart-decode") as (a, t):
        baud, text = t.uart()
        t.scpi(":TIM:SCAL 0.002")
        t.scpi(":TIM:OFFS 0")
        result = submit(a, "uart", {"baud": v(baud, "Bd"), "text": f"{text} #0042"})
        assert result.mistakes == [], result.state["scope"]["timebase"]
