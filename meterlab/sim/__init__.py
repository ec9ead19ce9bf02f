"""The simulated bench: a Keysight 34465A and a Rigol MSO1104Z over real SCPI/TCP.

It shares no code with the client side it exists to test (its own SCPI parser
and block encoder), so a bug on one side cannot hide by being mirrored.

`SimulatedBench` and the default ports load on first use (PEP 562): the
desktop app imports `meterlab.sim.process` to start the bench in a child
process, and must not pay for the servers it never runs itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from meterlab.sim.bench import DEFAULT_DMM_PORT, DEFAULT_SCOPE_PORT, SimulatedBench

__all__ = ["DEFAULT_DMM_PORT", "DEFAULT_SCOPE_PORT", "SimulatedBench"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from meterlab.sim import bench

        return getattr(bench, name)
    raise AttributeError(f"module 'meterlab.sim' has no attribute {name!r}")
