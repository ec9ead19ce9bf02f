"""What the connected model can do, taken from its profile: the choices a face may offer.

The meter view's menus, the CLI's checks and the plan runner must offer a 34401A's
ranges and integration times when a 34401A is connected, not a 34465A's. The profile
is the one place those facts are written; this module turns it into plain, frozen
values the faces read without knowing the profile format. Names are the vocabulary's
(`meterlab.vocabulary`), in its order.

Trigger sources follow from the profile's commands: a model whose profile has a
`TRIGger:SOURce` template takes the SCPI sources IMMediate, BUS and EXTernal (the
common subset of the Keysight Truevolt, HP 34401A, Keithley 2000 and Siglent SDM
programming references, TRIGger:SOURce); one without it (Rigol DM3058, Keithley
DMM6500 here) only triggers immediately as far as meterlab drives it.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from meterlab import vocabulary

if TYPE_CHECKING:
    from meterlab.profiles import Profile

#: TRIGger:SOURce values meterlab asks for when a profile can set the source.
SCPI_TRIGGER_SOURCES: tuple[str, ...] = ("IMM", "BUS", "EXT")


@dataclass(frozen=True)
class DmmCapabilities:
    """A multimeter model's functions, ranges, integration times and trigger sources."""

    model: str                                   # the profile's name, for people
    functions: tuple[str, ...]                   # vocabulary names, vocabulary order
    ranges: Mapping[str, tuple[float, ...]]      # fixed ranges per function (base units)
    autorange: Mapping[str, bool]
    integrating: frozenset[str]                  # functions where NPLC/rate applies
    nplc: tuple[float, ...] = ()                 # allowed NPLC values, ascending
    rates: tuple[str, ...] = ()                  # named speeds instead of NPLC (Rigol)
    trigger_sources: tuple[str, ...] = ("IMM",)
    units: Mapping[str, str] = field(default_factory=dict)

    def unit(self, function: str) -> str:
        """The unit of `function`'s readings (the profile's, else the vocabulary's)."""
        found = vocabulary.find_dmm_function(function)
        name = found.name if found else function
        return self.units.get(name) or (found.unit if found else "")

    def ranges_for(self, function: str) -> tuple[float, ...]:
        found = vocabulary.find_dmm_function(function)
        return self.ranges.get(found.name if found else function, ())

    def offers_range(self, function: str, value: float | None) -> bool:
        """None (autorange) where the function autoranges, else one of its fixed ranges."""
        found = vocabulary.find_dmm_function(function)
        name = found.name if found else function
        if value is None:
            return name in self.functions and self.autorange.get(name, True)
        return any(math.isclose(r, value, rel_tol=1e-9) for r in self.ranges.get(name, ()))

    def takes_nplc(self, function: str) -> bool:
        """True when an NPLC value may be sent with `function` on this model."""
        found = vocabulary.find_dmm_function(function)
        return bool(self.nplc) and found is not None and found.name in self.integrating

    def offers_nplc(self, value: float) -> bool:
        return any(math.isclose(n, value, rel_tol=1e-6) for n in self.nplc)

    def nearest_nplc(self, value: float) -> float | None:
        """The allowed NPLC closest to `value` (on a log scale); None without NPLC."""
        if not self.nplc:
            return None
        v = max(value, 1e-9)
        return min(self.nplc, key=lambda n: abs(math.log(n / v)))


@dataclass(frozen=True)
class ScopeCapabilities:
    """A scope model's channels, logic lines, memory depths and automatic measurements."""

    model: str
    channels: int
    digital_channels: int
    memory_depths: tuple[int, ...]
    measurements: tuple[str, ...]                # vocabulary names it measures itself


def dmm_capabilities(profile: Profile) -> DmmCapabilities:
    """The capabilities a validated DMM profile (`profile.spec` a DmmSpec) describes."""
    spec = profile.spec
    names = [n for n in vocabulary.DMM_FUNCTIONS if n in spec.functions]
    fs = {n: spec.functions[n] for n in names}
    return DmmCapabilities(
        model=profile.name,
        functions=tuple(names),
        ranges={n: tuple(sorted(f.ranges)) for n, f in fs.items()},
        autorange={n: f.autorange for n, f in fs.items()},
        integrating=frozenset(n for n, f in fs.items() if f.integration),
        nplc=tuple(spec.nplc),
        rates=tuple(spec.rates),
        trigger_sources=SCPI_TRIGGER_SOURCES if spec.commands.get("trigger_source")
        else ("IMM",),
        units={n: f.unit for n, f in fs.items()},
    )


def scope_capabilities(profile: Profile) -> ScopeCapabilities:
    """The capabilities a validated scope profile (`profile.spec` a ScopeSpec) describes."""
    spec = profile.spec
    return ScopeCapabilities(
        model=profile.name,
        channels=spec.channels,
        digital_channels=spec.digital_channels,
        memory_depths=tuple(spec.memory_depths),
        measurements=vocabulary.INSTRUMENT_MEASUREMENTS,
    )
