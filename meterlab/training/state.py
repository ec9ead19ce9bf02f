"""The bench's state, read back from the instruments over SCPI as the grader needs it.

The trainee says what they measured; how the instruments were actually set up
comes from here: the DMM's function, range, autorange and NPLC, where its leads
are (the simulator's `SIMulation:PROBe?`) and whether its current fuse is intact
(`SIMulation:FUSE?`); the scope's probe ratio, coupling, V/div, what each probe and
logic clip is on, timebase and trigger. A query a real instrument does not know
(the SIMulation ones) leaves its field None rather than failing the step.

With `sim=False` (a real board and real instruments) only standard SCPI is sent:
no SIMulation query reaches an instrument that would log it as an error, and the
lead, probe and clip positions stay None for the caller to fill in from what the
trainee confirmed.
"""

from __future__ import annotations

import contextlib
from typing import Any

from meterlab.drivers.dmm_profile import canonical_function
from meterlab.errors import MeterlabError

_RANGED = {"VOLT:DC": "VOLT:DC", "VOLT:AC": "VOLT:AC", "CURR:DC": "CURR:DC",
           "CURR:AC": "CURR:AC", "RES": "RES", "FRES": "FRES"}
_NPLC = {"VOLT:DC", "CURR:DC", "RES", "FRES"}


def _ask(conn: Any, command: str) -> str | None:
    try:
        return conn.query(command).strip().strip('"')
    except MeterlabError:
        with contextlib.suppress(MeterlabError):
            conn.query("*CLS;*OPC?")  # the error a SIMulation query left on a real meter
        return None


def _num(text: str | None) -> float | None:
    try:
        return float(text) if text is not None else None
    except ValueError:
        return None


def read_dmm(conn: Any, *, sim: bool = True) -> dict[str, Any]:
    """The multimeter's setup as it stands now."""
    func = canonical_function(_ask(conn, "FUNC?") or "VOLT")
    out: dict[str, Any] = {"function": func, "range": None, "auto": None, "nplc": None}
    header = _RANGED.get(func)
    if header:
        out["range"] = _num(_ask(conn, f"{header}:RANG?"))
        auto = _ask(conn, f"{header}:RANG:AUTO?")
        out["auto"] = None if auto is None else auto.strip() in ("1", "ON")
    if func in _NPLC:
        out["nplc"] = _num(_ask(conn, f"{func}:NPLC?"))
    probe = _ask(conn, "SIM:PROB?") if sim else None
    out["probe"] = [p.strip().upper() for p in probe.split(",")] if probe else None
    out["fuse"] = _ask(conn, "SIM:FUSE?") if sim else None
    return out


def read_scope(conn: Any, *, sim: bool = True) -> dict[str, Any]:
    """The scope's setup: channels, timebase, trigger, logic analyser and the wiring."""
    channels = {}
    for n in range(1, 5):
        channels[str(n)] = {
            "display": _ask(conn, f":CHAN{n}:DISP?") == "1",
            "probe": _num(_ask(conn, f":CHAN{n}:PROB?")),
            "coupling": _ask(conn, f":CHAN{n}:COUP?"),
            "scale": _num(_ask(conn, f":CHAN{n}:SCAL?")),
            "net": _ask(conn, f":SIM:CHAN{n}?") if sim else None,
        }
    digital = {}
    for i in range(16):
        digital[str(i)] = {"on": _ask(conn, f":LA:DIG{i}:DISP?") == "1",
                           "net": _ask(conn, f":SIM:DIG{i}?") if sim else None}
    return {
        "channels": channels,
        "timebase": _num(_ask(conn, ":TIM:SCAL?")),
        "trigger": {"mode": _ask(conn, ":TRIG:MODE?"), "source": _ask(conn, ":TRIG:EDGE:SOUR?"),
                    "level": _num(_ask(conn, ":TRIG:EDGE:LEV?")),
                    "sweep": _ask(conn, ":TRIG:SWE?")},
        "la": {"state": _ask(conn, ":LA:STAT?") == "1", "digital": digital},
    }
