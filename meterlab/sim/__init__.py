"""The simulated bench: a Keysight 34465A and a Rigol MSO1104Z over real SCPI/TCP.

It shares no code with the client side it exists to test (its own SCPI parser
and block encoder), so a bug on one side cannot hide by being mirrored.
"""

from meterlab.sim.bench import DEFAULT_DMM_PORT, DEFAULT_SCOPE_PORT, SimulatedBench

__all__ = ["DEFAULT_DMM_PORT", "DEFAULT_SCOPE_PORT", "SimulatedBench"]
