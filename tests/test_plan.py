"""Limit plans: loading, errors that name file/line/key, and runs on the simulated bench."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from meterlab.cli import main
from meterlab.errors import FileFormatError
from meterlab.outcome import Outcome, decide_outcome
from meterlab.paths import shipped_dir
from meterlab.plan import list_plans, load_plan, parse_plan
from meterlab.readings import Verdict

SHIPPED = sorted(p.name for p in shipped_dir("limits").glob("*.toml"))

GOOD_HEAD = '[plan]\nname = "t"\nversion = "1"\n\n'


def _scope_check(setting: str, *, i2c: bool = False) -> str:
    """A scope check whose `settings` (its 9th line in the file) holds `setting`."""
    measure, limit = ("I2CACK D2", ">= 100 %") if i2c else ("FREQ CH1", "<= 2 kHz")
    return (f'[[check]]\nid = "a"\nmeasure = "{measure}"\nlimit = "{limit}"\n'
            f"settings = {{ {setting} }}\n")


def test_every_shipped_plan_loads_and_reads_like_a_test_sheet():
    assert "iot-sensor-node.toml" in SHIPPED and len(SHIPPED) >= 4
    for name in SHIPPED:
        plan = load_plan(shipped_dir("limits") / name)
        assert plan.checks and plan.name and len(plan.sha256) == 64
        for c in plan.checks:
            assert c.limit.lower <= c.limit.upper
            assert c.describe().startswith(c.id)
    assert {p.name for p in list_plans()} >= set(SHIPPED)


def test_iot_plan_checks_match_the_board():
    plan = load_plan(shipped_dir("limits") / "iot-sensor-node.toml")
    ids = [c.id for c in plan.checks]
    assert ids == ["vbus", "vbus_ripple", "3v3", "ntc", "isupply", "r1", "pwm_freq",
                   "pwm_duty", "uart_baud", "i2c_ack"]
    v33 = plan.check("3v3")
    assert (v33.instrument, v33.measure, v33.unit, v33.at, v33.readings, v33.reduce) == (
        "dmm", "VOLT:DC", "V", "3V3", 5, "mean")
    assert v33.limit.lower == pytest.approx(3.201) and v33.limit.upper == pytest.approx(3.399)
    assert v33.limit.warn_lower == pytest.approx(3.234)
    pwm = plan.check("pwm_freq")
    assert (pwm.instrument, pwm.measure, pwm.source, pwm.unit) == ("scope", "FREQ", "CH1", "Hz")
    assert plan.check("r1").limit.upper == pytest.approx(4935.0)


@pytest.mark.parametrize(
    ("body", "line", "key", "words"),
    [
        ('[[check]]\nid = "a"\nmeasure = "VOLT:DC"\nnominal = "5 V"\ntolerance = "±5 V%"\n',
         9, "tolerance", 'check "a": tolerance'),
        ('[[check]]\nid = "a"\nmeasure = "VOLT:DC"\nlimit = "3 A .. 4 A"\n',
         8, "limit", 'check "a"'),
        ('[[check]]\nid = "a"\nmeasure = "VOLTS"\nlimit = "<= 1 V"\n',
         7, "measure", "expected a DMM function"),
        ('[[check]]\nid = "a"\nmeasure = "FREQ CH9"\nlimit = "<= 1 Hz"\n',
         7, "measure", "scope item and source"),
        ('[[check]]\nid = "a"\nmeasure = "VOLT:DC"\nreadings = 0\nlimit = "<= 1 V"\n',
         8, "readings", "whole number"),
        ('[[check]]\nid = "a"\nmeasure = "VOLT:DC"\ntolerance = "±1 %"\n',
         5, "nominal", 'missing "nominal"'),  # a missing key: the check's first line
        ('[[check]]\nid = "a"\nmesure = "VOLT:DC"\n', 7, "mesure", 'unknown key "mesure"'),
        ('[[check]]\nid = "a"\nmeasure = "VOLT:DC"\nlimit = "<= 1 V"\n\n'
         '[[check]]\nid = "a"\nmeasure = "VOLT:DC"\nlimit = "<= 1 V"\n', 11, "id", "used twice"),
        ('[[check]]\nid = "a"\nmeasure = "VOLT:DC"\nnominal = "5 A"\ntolerance = "±1 %"\n',
         8, "nominal", "this check measures V"),
        # scope settings are read as the plan loads, not when the check runs
        (_scope_check('timebase = "fast"'), 9, "settings", 'settings.timebase "fast"'),
        (_scope_check('scale = "-1 V"'), 9, "settings", "a positive value in V"),
        (_scope_check('probe = "x10"'), 9, "settings", "a ratio such as 10"),
        (_scope_check('coupling = "AD"'), 9, "settings", "AC, DC, GND"),
        (_scope_check('scl = "D16"', i2c=True), 9, "settings", "D0…D15"),
        (_scope_check('address = "forty"', i2c=True), 9, "settings", '"0x44"'),
        (_scope_check('timbase = "1 ms"'), 9, "settings", "unknown setting"),
    ],
)
def test_broken_plans_name_file_line_and_key(tmp_path: Path, body, line, key, words):
    path = tmp_path / "x.toml"
    path.write_text(GOOD_HEAD + body, encoding="utf-8")
    with pytest.raises(FileFormatError) as err:
        load_plan(path)
    e = err.value
    assert (e.path, e.line, e.key) == (str(path), line, key)
    assert str(e).startswith(f"{path}:{line}: ")
    assert words in str(e)


def test_toml_syntax_error_and_missing_plan_table(tmp_path: Path):
    path = tmp_path / "bad.toml"
    path.write_text('[plan]\nname = "x\n', encoding="utf-8")
    with pytest.raises(FileFormatError) as err:
        load_plan(path)
    assert err.value.line == 2 and "not valid TOML" in str(err.value)
    with pytest.raises(FileFormatError, match=r"missing the \[plan\] table"):
        parse_plan('[[check]]\nid = "a"\n')
    with pytest.raises(FileFormatError, match=r'rule "strict"'):
        parse_plan('[plan]\nname = "x"\nrule = "strict"\n[[check]]\nid="a"\n')


def test_exercise_keys_are_kept_for_trainee_mode():
    plan = parse_plan(GOOD_HEAD + '[exercise]\nlevel = 1\n\n[[check]]\nid = "a"\n'
                      'measure = "VOLT:DC"\nlimit = "<= 1 V"\ninstructions = "Set DCV."\n'
                      'hints = ["Is the meter on DC?"]\n')
    assert plan.exercise == {"level": 1}
    assert plan.check("a").extra["hints"] == ["Is the meter on DC?"]


def test_check_command_prints_checks_and_refuses_broken_plans(tmp_path, capsys):
    with pytest.raises(SystemExit) as ex:
        main(["check", "iot-sensor-node"])
    assert ex.value.code == 0
    out = capsys.readouterr().out
    assert "vbus" in out and "4.750 V … 5.250 V" in out and "10 checks" in out
    bad = tmp_path / "b.toml"
    bad.write_text(GOOD_HEAD + '[[check]]\nid = "a"\nmeasure = "VOLT:DC"\nlimit = "5 V%"\n')
    with pytest.raises(SystemExit) as ex:
        main(["check", str(bad)])
    assert ex.value.code == 2
    err = capsys.readouterr().err
    assert f"{bad}:8:" in err and "Traceback" not in err


# --- the shipped plan against the simulated bench ---------------------------------------------

EXPECTED_FAILURES = {
    None: {},
    "ldo_drift": {"3v3": Verdict.FAIL, "ntc": Verdict.FAIL},
    "supply_ripple": {"vbus_ripple": Verdict.FAIL},
    "pwm_stuck": {"pwm_freq": Verdict.ERROR, "pwm_duty": Verdict.ERROR,
                  "isupply": Verdict.FAIL},
    "uart_baud": {"uart_baud": Verdict.FAIL},
    "r1_open": {"r1": Verdict.OVERLOAD},
    "i2c_nak": {"i2c_ack": Verdict.FAIL},
}


@pytest.fixture(scope="module")
def bench_drivers():
    from meterlab.commands._common import open_dmm, open_scope
    from meterlab.sim import SimulatedBench

    with SimulatedBench(seed=11) as bench:
        dmm = open_dmm(bench.dmm_resource, None)
        scope = open_scope(bench.scope_resource, None)
        yield dmm, scope
        dmm.conn.close()
        scope.conn.close()


@pytest.mark.parametrize("fault", list(EXPECTED_FAILURES))
def test_shipped_plan_on_the_simulated_bench(bench_drivers, fault):
    from meterlab.bench_io import InstrumentBench, SimulatedProbes
    from meterlab.runner import PlanRunner

    dmm, scope = bench_drivers
    plan = load_plan(shipped_dir("limits") / "iot-sensor-node.toml")
    if fault:
        dmm.conn.write(f"SIM:FAUL {fault},ON")
    try:
        result = PlanRunner(plan, InstrumentBench(dmm, scope),
                            probe_mover=SimulatedProbes(dmm, scope)).run()
    finally:
        if fault:
            dmm.conn.write(f"SIM:FAUL {fault},OFF")
    bad = {r.check.id: r.verdict for r in result.results if r.verdict is not Verdict.PASS}
    assert bad == EXPECTED_FAILURES[fault]
    outcome = decide_outcome(r.verdict for r in result.results)
    assert (outcome is Outcome.PASS) is (fault is None)
    for r in result.results:
        if r.verdict is Verdict.ERROR:
            assert "could not measure" in r.message  # said in words, not a bare NaN


def test_run_command_exit_codes_and_session(tmp_path, capsys):
    db = tmp_path / "s.sqlite"
    with pytest.raises(SystemExit) as ex:
        main(["run", "iot-sensor-node", "--only", "r1", "--db", str(db), "--dut", "SN-1",
              "--operator", "ana"])
    # One check passed, the others were not run: the unit is not judged (exit 2), not passed.
    assert ex.value.code == 2
    captured = capsys.readouterr()
    assert "NOT JUDGED — 1 pass, 9 not run" in captured.out and "not run" in captured.err
    with pytest.raises(SystemExit) as ex:
        main(["run", "iot-sensor-node", "--only", "r1", "--fault", "r1_open", "--db", str(db)])
    assert ex.value.code == 1  # a measured failure fails the unit, whatever was not run
    out = capsys.readouterr().out
    assert "OVERLOAD" in out and "FAIL" in out
    from meterlab.store import SessionStore

    with SessionStore(db) as store:
        sessions = store.sessions()
        assert len(sessions) == 2
        first = next(s for s in sessions if s.dut_serial == "SN-1")
        assert first.operator == "ana" and first.plan_name.startswith("IoT sensor node")
        assert store.verify() and all(v.ok for v in store.verify())


def test_guarded_rule_uses_the_meter_spec_as_guard_band(bench_drivers):
    from meterlab.bench_io import InstrumentBench, SimulatedProbes
    from meterlab.runner import PlanRunner

    dmm, scope = bench_drivers
    bench = InstrumentBench(dmm, scope)
    probe = parse_plan(GOOD_HEAD + '[[check]]\nid = "v"\nat = "3V3"\nmeasure = "VOLT:DC"\n'
                       'nplc = 10\nlimit = "<= 10 V"\n')
    PlanRunner(probe, bench, probe_mover=SimulatedProbes(dmm, scope)).run()
    v = PlanRunner(probe, bench).run().results[0].value
    u = float(bench.uncertainty(probe.check("v"), __import__("numpy").array([v]))[0])
    assert 10e-6 < u < 2e-3  # a 34465A on 10 V: tens to hundreds of µV
    text = (GOOD_HEAD + '[[check]]\nid = "v"\nat = "3V3"\nmeasure = "VOLT:DC"\nnplc = 10\n'
            f'limit = "{v - u / 3:.7f} V .. 4 V"\n')
    near = parse_plan(text)
    simple = PlanRunner(near, bench, rule="simple").run().results[0]
    guarded = PlanRunner(near, bench, rule="guarded").run().results[0]
    assert simple.verdict is Verdict.PASS
    assert guarded.verdict is Verdict.INDETERMINATE
    coarse = parse_plan(GOOD_HEAD + '[[check]]\nid = "v"\nat = "3V3"\nmeasure = "VOLT:DC"\n'
                        f'nplc = 10\nlimit = "{v - u:.6f} V .. {v + u:.6f} V"\n')
    res = PlanRunner(coarse, bench, rule="guarded").run().results[0]
    assert "TUR" in res.warning


def test_run_refuses_unknown_faults_and_faults_on_real_resources(capsys):
    with pytest.raises(SystemExit) as ex:
        main(["run", "iot-sensor-node", "--fault", "bogus", "--no-store"])
    assert ex.value.code == 2
    assert "unknown fault 'bogus'" in capsys.readouterr().err
    with pytest.raises(SystemExit) as ex:
        main(["run", "iot-sensor-node", "--dmm", "TCPIP::127.0.0.1::1::SOCKET", "--fault",
              "r1_open", "--no-store"])
    assert ex.value.code == 2
    assert "in-process simulated bench" in capsys.readouterr().err


def test_scope_settings_are_read_once_for_loader_and_bench():
    from meterlab.plan import read_settings

    got = read_settings({"timebase": "500 us", "scale": "1 V", "offset": "-1.5 V",
                         "probe": 10, "coupling": "dc", "scl": "d1", "address": "0x44"})
    assert got == {"timebase": pytest.approx(500e-6), "scale": 1.0, "offset": -1.5,
                   "probe": 10.0, "coupling": "DC", "scl": 1, "address": 0x44}
    assert read_settings({}) == {}


@given(st.floats(min_value=1e-9, max_value=50.0, allow_nan=False), st.sampled_from(
    [("s", 1.0), ("ms", 1e-3), ("us", 1e-6), ("µs", 1e-6), ("ns", 1e-9)]))
def test_any_written_timebase_reads_back(value, unit):
    from meterlab.plan import read_settings

    name, factor = unit
    text = f"{value:.6g} {name}"
    assert read_settings({"timebase": text})["timebase"] == pytest.approx(
        float(f"{value:.6g}") * factor, rel=1e-9)

