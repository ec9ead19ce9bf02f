"""A fast sample of `scripts/fuzz.py` for the targets the suite had no generated inputs for:
the plan loader (a plan file on disk, seed plans mutated) and the simulated 34465A's and
MSO1104Z's command parser. The long run (100,000 inputs a target) is the script itself;
tolerance, profile and SCPI reply parsing have their Hypothesis tests elsewhere."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "fuzz.py"


@pytest.fixture(scope="module")
def fuzz():
    spec = importlib.util.spec_from_file_location("meterlab_fuzz", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["meterlab_fuzz"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("target", ["plan", "sim-commands"])
def test_a_sample_of_generated_inputs_is_accepted_or_refused_with_the_documented_error(
        fuzz, target: str) -> None:
    tally = fuzz.TARGETS[target](100)
    assert tally.inputs >= 100
    assert tally.uncaught == 0, tally.first
    # The inputs are near misses: the loaders and the simulator turn them down by name.
    assert tally.refused > 0


def test_an_exception_other_than_the_documented_one_is_counted_as_uncaught(fuzz) -> None:
    from meterlab.errors import LimitError

    tally = fuzz.Tally("probe")

    def refuse() -> None:
        raise LimitError("refused")

    def crash() -> None:
        raise KeyError("boom")

    fuzz._run(tally, "a", refuse, (LimitError,))
    fuzz._run(tally, "b", crash, (LimitError,))
    fuzz._run(tally, "c", lambda: None, (LimitError,))
    assert (tally.inputs, tally.refused, tally.uncaught) == (3, 1, 1)
    assert tally.first and "KeyError" in tally.first[0] and "'b'" in tally.first[0]
