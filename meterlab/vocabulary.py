"""The words meterlab speaks: DMM functions, scope measurements, units, and their aliases.

Plans, profiles, drivers, the GUI and the units module all name the same things
("VOLT:DC", "VPP", "Ω"). When each kept its own list they drifted apart: a plan
could name a measurement `meterlab check` accepted and no driver could make. So
every name, its aliases, its unit and what it means is written here once, and the
others ask this module. It is pure data plus lookup: it imports nothing from
`drivers/`, `gui/` or the store (see tests/test_architecture.py).

Sources of the names:

* DMM functions are the SCPI `[SENSe:]FUNCtion` / `CONFigure` headers shared by the
  Keysight Truevolt (34460A/61A/65A/70A Operating and Service Guide, "SCPI
  Programming Reference", CONFigure subsystem), HP 34401A, Keithley 2000 and
  Siglent SDM meters; long forms are the SCPI long mnemonics.
* Scope measurements are the automatic measurements the three scope families
  meterlab drives all offer: Rigol MSO1000Z/DS1000Z Programming Guide
  (`:MEASure:ITEM` items VMAX…NDUTy), Keysight InfiniiVision 1000/2000/3000 X
  Programmer's Guide (`:MEASure:VBASe`, `:MEASure:DUTYcycle`, `:MEASure:RISetime`…)
  and Siglent SDS1000X-E Programming Guide (`PAVA?` parameters PKPK, BASE, DUTY,
  RISE…). Vendor spellings are aliases, so a plan written with the name the scope's
  own manual uses is understood. BAUD and I2CACK are computed by meterlab from a
  captured logic lane, not by the scope.

Public API::

    DMM_FUNCTIONS: dict[str, DmmFunction]        # canonical name → definition
    dmm_function(text) -> DmmFunction            # any spelling; UsageError if unknown
    find_dmm_function(text) -> DmmFunction | None
    canonical_function(text) -> str              # normalised text, even if unknown
    SCOPE_MEASUREMENTS: dict[str, ScopeMeasurement]
    scope_measurement(text) -> ScopeMeasurement  # any alias; UsageError if unknown
    find_scope_measurement(text) -> ScopeMeasurement | None
    INSTRUMENT_MEASUREMENTS: tuple[str, ...]     # made by the scope (every dialect)
    PLAN_MEASUREMENTS: tuple[str, ...]           # a plan may judge them
    UNITS, UNIT_ALIASES, NO_PREFIX               # unit names (units.py parses/formats)
"""

from __future__ import annotations

from dataclasses import dataclass

from meterlab.errors import UsageError

# -- units ------------------------------------------------------------------------------------

#: Canonical unit names, in the order error messages list them.
UNITS: tuple[str, ...] = ("V", "A", "Ω", "Hz", "s", "F", "°C", "%", "dB", "Bd")

#: Units that are shown and read without an SI prefix (not ratio-scaled, or already ratios).
NO_PREFIX: frozenset[str] = frozenset({"°C", "%", "dB"})

#: Spellings people type → canonical unit.
UNIT_ALIASES: dict[str, str] = {
    "V": "V", "v": "V", "volt": "V", "volts": "V", "Volt": "V",
    "A": "A", "amp": "A", "amps": "A", "Amp": "A",
    "Ω": "Ω", "ohm": "Ω", "ohms": "Ω", "Ohm": "Ω", "Ohms": "Ω", "OHM": "Ω", "R": "Ω",
    "Hz": "Hz", "hz": "Hz", "HZ": "Hz",
    "s": "s", "sec": "s",
    "F": "F",
    "°C": "°C", "degC": "°C", "C": "°C", "°c": "°C",
    "%": "%", "pct": "%",
    "dB": "dB", "db": "dB", "DB": "dB",
    "Bd": "Bd", "baud": "Bd", "Baud": "Bd",
}  # fmt: skip


# -- DMM functions ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DmmFunction:
    """One multimeter function: meterlab's name for it, what it measures, in which unit."""

    name: str            # canonical short SCPI form, e.g. "VOLT:DC"
    quantity: str        # in words, for people ("DC voltage")
    unit: str            # base unit of its readings
    integrating: bool    # NPLC (integration time) applies
    autorange: bool = True


DMM_FUNCTIONS: dict[str, DmmFunction] = {
    f.name: f
    for f in (
        DmmFunction("VOLT:DC", "DC voltage", "V", True),
        DmmFunction("VOLT:AC", "AC voltage", "V", False),
        DmmFunction("CURR:DC", "DC current", "A", True),
        DmmFunction("CURR:AC", "AC current", "A", False),
        DmmFunction("RES", "Resistance (2-wire)", "Ω", True),
        DmmFunction("FRES", "Resistance (4-wire)", "Ω", True),
        DmmFunction("FREQ", "Frequency", "Hz", False),
        DmmFunction("PER", "Period", "s", False),
        DmmFunction("CAP", "Capacitance", "F", False),
        DmmFunction("TEMP", "Temperature", "°C", False),
        DmmFunction("CONT", "Continuity", "Ω", False, autorange=False),
        DmmFunction("DIOD", "Diode test", "V", False, autorange=False),
    )
}

#: SCPI long mnemonics → short ones (the standard's upper-case part).
_LONG_TO_SHORT = {
    "VOLTAGE": "VOLT", "CURRENT": "CURR", "RESISTANCE": "RES", "FRESISTANCE": "FRES",
    "FREQUENCY": "FREQ", "PERIOD": "PER", "CAPACITANCE": "CAP", "TEMPERATURE": "TEMP",
    "CONTINUITY": "CONT", "DIODE": "DIOD", "SENSE": "SENS",
}  # fmt: skip


def canonical_function(text: str) -> str:
    """Any SCPI spelling of a DMM function → its short form, known or not.

    "VOLTage:DC", '"volt"', "SENS:CURR" → "VOLT:DC", "VOLT:DC", "CURR:DC": long and
    short mnemonics in any case, quotes and the optional SENSe node dropped, and plain
    VOLT/CURR taken as DC, as SCPI defaults them.
    """
    cleaned = text.strip().strip('"').strip("'").strip().upper().replace(" ", "")
    nodes = [_LONG_TO_SHORT.get(n, n) for n in cleaned.split(":") if n]
    if nodes and nodes[0] == "SENS":
        nodes = nodes[1:]
    if len(nodes) == 1 and nodes[0] in ("VOLT", "CURR"):
        nodes.append("DC")
    return ":".join(nodes)


def find_dmm_function(text: str) -> DmmFunction | None:
    """The function `text` names in any SCPI spelling, or None."""
    return DMM_FUNCTIONS.get(canonical_function(text))


def dmm_function(text: str) -> DmmFunction:
    """The function `text` names; UsageError listing the known names if none."""
    found = find_dmm_function(text)
    if found is None:
        raise UsageError(f'unknown DMM function "{text}": expected one of '
                         + ", ".join(DMM_FUNCTIONS))
    return found


# -- scope measurements -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ScopeMeasurement:
    """One automatic measurement on a scope source (a channel or a logic line)."""

    name: str                    # canonical, e.g. "VPP"
    quantity: str                # in words ("Peak-to-peak voltage")
    unit: str                    # the unit plans and people use
    aliases: tuple[str, ...] = ()
    #: the driver's value × factor = the value in `unit` (duty cycles: fraction → %)
    factor: float = 1.0
    #: True: meterlab computes it from a capture; the scope has no such item
    computed: bool = False
    #: False: the drivers can read it, but its scale differs between vendors (percent
    #: or ratio) and is not normalised yet, so a plan may not judge it
    in_plans: bool = True


SCOPE_MEASUREMENTS: dict[str, ScopeMeasurement] = {
    m.name: m
    for m in (
        ScopeMeasurement("VPP", "Peak-to-peak voltage", "V", ("PKPK", "VPEAK")),
        ScopeMeasurement("VMAX", "Maximum voltage", "V", ("MAX", "VMAXIMUM")),
        ScopeMeasurement("VMIN", "Minimum voltage", "V", ("MIN", "VMINIMUM")),
        ScopeMeasurement("VTOP", "Top voltage", "V", ("TOP",)),
        ScopeMeasurement("VBASE", "Base voltage", "V", ("VBAS", "BASE")),
        ScopeMeasurement("VAMP", "Amplitude", "V", ("AMPL", "VAMPLITUDE")),
        ScopeMeasurement("VAVG", "Average voltage", "V", ("VAV", "VAVERAGE", "MEAN")),
        ScopeMeasurement("VRMS", "RMS voltage", "V", ("RMS",)),
        ScopeMeasurement("PER", "Period", "s", ("PERIOD",)),
        ScopeMeasurement("FREQ", "Frequency", "Hz", ("FREQUENCY",)),
        ScopeMeasurement("RTIM", "Rise time", "s", ("RTIME", "RISE", "RIS", "RISETIME")),
        ScopeMeasurement("FTIM", "Fall time", "s", ("FTIME", "FALL", "FALLTIME")),
        ScopeMeasurement("PWID", "Positive pulse width", "s", ("PWIDTH", "+WIDTH")),
        ScopeMeasurement("NWID", "Negative pulse width", "s", ("NWIDTH", "-WIDTH")),
        ScopeMeasurement("PDUT", "Duty cycle", "%", ("PDUTY", "DUTY", "DUTYCYCLE",
                                                      "+DUTY"), factor=100.0),
        ScopeMeasurement("NDUT", "Negative duty cycle", "%", ("NDUTY", "-DUTY"),
                         factor=100.0),
        ScopeMeasurement("OVERSHOOT", "Overshoot", "%", ("OVER", "OVSP"), in_plans=False),
        ScopeMeasurement("PRESHOOT", "Preshoot", "%", ("PRES", "RPRE"), in_plans=False),
        ScopeMeasurement("BAUD", "UART bit rate", "Bd", ("BAUDRATE", "BITRATE"),
                         computed=True),
        ScopeMeasurement("I2CACK", "I²C acknowledged bytes", "%", ("I2C_ACK",),
                         computed=True),
    )
}

#: Measurements a plan may name, in the order messages list them.
PLAN_MEASUREMENTS: tuple[str, ...] = tuple(
    name for name, m in SCOPE_MEASUREMENTS.items() if m.in_plans
)

#: Measurements the scope itself makes; every scope dialect must offer all of them
#: (tests/test_vocabulary.py checks the drivers against this list).
INSTRUMENT_MEASUREMENTS: tuple[str, ...] = tuple(
    name for name, m in SCOPE_MEASUREMENTS.items() if not m.computed
)

_SCOPE_LOOKUP: dict[str, str] = {
    **{alias: m.name for m in SCOPE_MEASUREMENTS.values() for alias in m.aliases},
    **{m.name: m.name for m in SCOPE_MEASUREMENTS.values()},
}


def find_scope_measurement(text: str) -> ScopeMeasurement | None:
    """The measurement `text` names (canonical name or alias, any case), or None."""
    name = _SCOPE_LOOKUP.get(text.strip().upper().replace(" ", ""))
    return SCOPE_MEASUREMENTS[name] if name else None


def scope_measurement(text: str) -> ScopeMeasurement:
    """The measurement `text` names; UsageError listing the known names if none."""
    found = find_scope_measurement(text)
    if found is None:
        raise UsageError(f"Measurement '{text}' is not one meterlab knows; use one of "
                         + ", ".join(SCOPE_MEASUREMENTS) + ".")
    return found
