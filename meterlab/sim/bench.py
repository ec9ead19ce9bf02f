"""The simulated bench: one virtual board, a 34465A and an MSO1104Z serving SCPI on TCP.

Use it in-process (tests, the GUI's demo mode) as a context manager::

    with SimulatedBench(seed=1) as bench:
        rm.open_resource(bench.dmm_resource)

or from the command line with `meterlab sim`. It binds to loopback unless the
caller explicitly allows otherwise: a simulator on a shop-floor network would be
mistaken for a real instrument.

With `lan=True` it also serves VXI-11 (`TCPIP::<ip>::INSTR`, portmapper on port 111)
and HiSLIP (`TCPIP::<ip>::hislip0::INSTR`, port 4880), the meter on `host` and the
scope on the next loopback address (see `sim/lan.py`). Those fixed ports allow one
bench per address, so in-process benches (tests, the GUI) leave them off by default.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from meterlab.errors import UsageError
from meterlab.sim.server import InstrumentServer, is_loopback

if TYPE_CHECKING:
    from meterlab.sim.lan import LanFront

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
        lan: bool = False,
        scope_host: str | None = None,
        portmapper_port: int = 111,
        hislip_port: int = 4880,
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
        self._lan_options = (lan, scope_host, portmapper_port, hislip_port)
        self._lan: LanFront | None = None

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
        lan, scope_host, pm_port, hs_port = self._lan_options
        if lan:
            from meterlab.sim.lan import LanFront, next_loopback

            scope_host = scope_host or next_loopback(self._host) or self._host
            self._lan = LanFront([("dmm", self._host, self.dmm),
                                  ("scope", scope_host, self.scope)],
                                 portmapper_port=pm_port, hislip_port=hs_port).start()
        return self

    def stop(self) -> None:
        if self._lan is not None:
            self._lan.stop()
            self._lan = None
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

    @property
    def lan_resources(self) -> dict[str, list[str]]:
        """VXI-11 and HiSLIP resources per instrument ("dmm", "scope"); empty without LAN."""
        if self._lan is None:
            return {"dmm": [], "scope": []}
        return {k: list(v) for k, v in self._lan.resources.items()}

    @property
    def lan_notes(self) -> list[str]:
        """One line per LAN service that could not listen, saying why."""
        return list(self._lan.notes) if self._lan is not None else []

    def vxi11_resource(self, which: str) -> str | None:
        """The VXI-11 resource of "dmm" or "scope", if served."""
        return next((r for r in self.lan_resources[which] if "hislip" not in r), None)

    def hislip_resource(self, which: str) -> str | None:
        """The HiSLIP resource of "dmm" or "scope", if served."""
        return next((r for r in self.lan_resources[which] if "hislip" in r), None)
