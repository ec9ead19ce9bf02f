"""One vocabulary: plans, drivers, profiles and the GUI name the same measurements.

Reproduction 2 of issue 9: a plan naming `VBAS CH1` passed `meterlab check` and then
failed on every run ("Measurement 'VBAS' is not known for this scope"), because the
plan loader and the drivers kept separate lists. Now a name the plan accepts is a name
every scope driver can make, and a name no driver can make is refused by `check`.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from meterlab import analysis, vocabulary
from meterlab.bench_io import InstrumentBench
from meterlab.cli import main
from meterlab.drivers.scope import DIALECTS, Oscilloscope
from meterlab.errors import FileFormatError, UsageError
from meterlab.plan import load_plan, parse_plan
from meterlab.sim import SimulatedBench

HEAD = '[plan]\nname = "t"\nversion = "1"\ndut = "d"\n\n'


def _plan(measure: str, limit: str = "<= 10 V") -> str:
    return HEAD + f'[[check]]\nid = "a"\nmeasure = "{measure}"\nlimit = "{limit}"\n'


@pytest.mark.parametrize("dialect", sorted(DIALECTS))
def test_every_dialect_makes_every_instrument_measurement(dialect: str) -> None:
    items = DIALECTS[dialect].measure_items
    assert set(items) == set(vocabulary.INSTRUMENT_MEASUREMENTS)


def test_aliases_name_one_measurement_each() -> None:
    seen: dict[str, str] = {}
    for m in vocabulary.SCOPE_MEASUREMENTS.values():
        for word in (m.name, *m.aliases):
            assert word == word.upper()
            assert seen.setdefault(word, m.name) == m.name, word


def test_pc_side_analysis_uses_vocabulary_names() -> None:
    assert set(analysis.MEASUREMENTS) <= set(vocabulary.SCOPE_MEASUREMENTS)


@pytest.mark.parametrize(("text", "name"), [
    ("VBAS", "VBASE"), ("vbase", "VBASE"), ("DUTY", "PDUT"), ("PDUTy", "PDUT"),
    ("RISE", "RTIM"), ("RTIMe", "RTIM"), ("PKPK", "VPP"), ("frequency", "FREQ"),
])
def test_vendor_spellings_are_aliases(text: str, name: str) -> None:
    assert vocabulary.scope_measurement(text).name == name
    unit = vocabulary.SCOPE_MEASUREMENTS[name].unit
    limit = {"V": "<= 10 V", "%": "<= 100 %", "s": "<= 1 s", "Hz": "<= 1 MHz"}[unit]
    plan = parse_plan(_plan(f"{text} CH1", limit))
    assert plan.checks[0].measure == name


def test_dmm_spellings_share_one_table() -> None:
    assert vocabulary.dmm_function("VOLTage").name == "VOLT:DC"
    assert vocabulary.dmm_function("SENS:FRESistance").unit == "Ω"
    with pytest.raises(UsageError, match="VOLT:DC"):
        vocabulary.dmm_function("VOLTS")


@pytest.mark.parametrize("measure", ["VBOGUS CH1", "OVERSHOOT CH1", "BAUD CH2"])
def test_check_refuses_a_measurement_no_driver_makes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], measure: str
) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(_plan(measure, "<= 10 %"), encoding="utf-8")
    with pytest.raises(FileFormatError) as err:
        load_plan(path)
    assert (err.value.line, err.value.key) == (8, "measure")
    with pytest.raises(SystemExit) as exit_:
        main(["check", str(path)])
    err = capsys.readouterr().err
    assert exit_.value.code == 2
    assert f"{path}:8:" in err and "Traceback" not in err
    if not measure.startswith("BAUD"):
        assert "VPP" in err and "VBASE" in err  # the known names


def test_a_plan_naming_vbas_measures_on_the_scope() -> None:
    """The name `check` accepts is the name the driver measures: no drift at run time."""
    check = parse_plan(_plan("VBAS CH3", "3 V .. 3.6 V")).checks[0]
    with SimulatedBench(seed=3) as bench, Oscilloscope.open(bench.scope_resource) as scope:
        batch = InstrumentBench(scope=scope).measure_scope(check)
    assert batch.function == "VBASE"
    assert math.isfinite(batch.values[0]) and 3.0 < batch.values[0] < 3.6


def test_the_scope_view_shows_measurements_the_vocabulary_names() -> None:
    from meterlab.gui.scope_worker import MEASURE_ITEMS

    assert set(MEASURE_ITEMS) <= set(vocabulary.INSTRUMENT_MEASUREMENTS)
