"""The simulated bench: one virtual board, a 34465A and an MSO1104Z serving SCPI on TCP.

Use it in-process (tests, the GUI's demo mode) as a context manager::

    with SimulatedBench(seed=1) as bench:
        rm.open_resource(bench.dmm_resource)

or from the command line with `meterlab sim`. It binds to loopback unless the
caller explicitly allows otherwise: a simulator on a shop-floor network would be
mistaken for a real instrument.
"""

from __future__ import annotations

from collections.abc import Iterable

from meterlab.errors import UsageError
from meterlab.sim.server import InstrumentServer, is_loopback

DEFAULT_DMM_PORT = 5025
DEFAULT_SCOPE_PORT = 5555


class SimulatedBench:
    """Start both simulated instruments on `host`; port 0 picks a free port."""

    def __init__(
        self,
        *,
        seed: int = 0,
        faults: Iterable[str] = (),
        host: str = "127.0.0.1",
        dmm_port: int = 0,
        scope_port: int = 0,
        allow_remote: bool = False,
    ) -> None:
        if not is_loopback(host) and not allow_remote:
            raise UsageError(
                f"The simulated bench only listens on this computer (127.0.0.1), not on {host}. "
                "Add --allow-remote if you really want other machines to reach it."
            )
        # Imported here so that a broken instrument model names itself, not the bench.
        from meterlab.sim.board import Board
        from meterlab.sim.dmm import Keysight34465A
        from meterlab.sim.scope import RigolMSO1104Z

        self.seed = seed
        self.board = Board(seed=seed, faults=tuple(faults))
        self.dmm = Keysight34465A(self.board, seed=seed)
        self.scope = RigolMSO1104Z(self.board, seed=seed)
        self._host = host
        self._ports = (dmm_port, scope_port)
        self.dmm_server: InstrumentServer | None = None
        self.scope_server: InstrumentServer | None = None

    def start(self) -> SimulatedBench:
        try:
            self.dmm_server = InstrumentServer(self.dmm, self._host, self._ports[0]).start()
            self.scope_server = InstrumentServer(self.scope, self._host, self._ports[1]).start()
        except OSError as exc:
            self.stop()
            raise UsageError(
                f"The simulated bench could not listen on {self._host} "
                f"(ports {self._ports[0]}, {self._ports[1]}): {exc.strerror or exc}. "
                "Another program may be using the port; try --dmm-port 0 --scope-port 0."
            ) from None
        return self

    def stop(self) -> None:
        for server in (self.dmm_server, self.scope_server):
            if server is not None:
                server.stop()
        self.dmm_server = self.scope_server = None

    def __enter__(self) -> SimulatedBench:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def dmm_resource(self) -> str:
        assert self.dmm_server is not None, "bench not started"
        return self.dmm_server.resource

    @property
    def scope_resource(self) -> str:
        assert self.scope_server is not None, "bench not started"
        return self.scope_server.resource
