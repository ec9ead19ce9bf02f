"""The simulated bench as a LAN: VXI-11 and HiSLIP beside the raw sockets, one address each.

On a real bench every LAN instrument has its own IP address, and on each address a
portmapper (port 111) points to the VXI-11 core channel and a HiSLIP server listens
on port 4880. The loopback range 127.0.0.0/8 gives the bench as many addresses as it
needs on Linux and Windows without any setup, so the meter lives on 127.0.0.1 and
the scope on 127.0.0.2, and `TCPIP::127.0.0.2::INSTR` reaches the scope as
`TCPIP::192.168.1.20::INSTR` would. Where a second loopback address cannot be bound
(macOS configures only 127.0.0.1), the instruments share an address the way a
LAN/GPIB gateway's devices do: `inst1` and `hislip1` name the second one.

Nothing here is fatal. Port 111 needs root on Linux and may be held by the system's
rpcbind; port 4880 may be taken by another bench. Each service that cannot listen is
left out and `notes` says so in one line, with what still works.
"""

from __future__ import annotations

import contextlib
import errno
import ipaddress
import socket
import threading

from meterlab.sim.hislip import HISLIP_PORT, HislipServer
from meterlab.sim.instrument import SimInstrument
from meterlab.sim.oncrpc import IPPROTO_TCP, PMAP_PORT, Portmapper
from meterlab.sim.vxi11 import DEVICE_CORE_PROG, VXI11_VERS, Vxi11Server


def next_loopback(host: str) -> str | None:
    """The loopback address after `host` if this computer lets a program listen on it."""
    try:
        addr = ipaddress.ip_address(host)
    except ValueError:
        return None
    if addr.version != 4 or not addr.is_loopback:
        return None
    nxt = str(addr + 1)
    with contextlib.suppress(OSError), socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.bind((nxt, 0))
        return nxt
    return None


def _why(exc: OSError, port: int) -> str:
    if exc.errno in (errno.EACCES, errno.EPERM):
        return (f"port {port} needs administrator rights: run as root, or give the Python "
                "interpreter CAP_NET_BIND_SERVICE with setcap")
    if exc.errno == errno.EADDRINUSE:
        owner = "the system's rpcbind/portmap" if port == PMAP_PORT else "another program"
        return f"port {port} is in use by {owner}"
    return f"port {port}: {exc.strerror or exc}"


class LanFront:
    """VXI-11 and HiSLIP for instruments placed on loopback addresses.

    `placement` is a list of (label, host, instrument); instruments on the same host
    become inst0/inst1… and hislip0/hislip1… in that order.
    """

    def __init__(self, placement: list[tuple[str, str, SimInstrument]], *,
                 portmapper_port: int = PMAP_PORT, hislip_port: int = HISLIP_PORT,
                 vxi11_port: int = 0) -> None:
        self._placement = placement
        self._ports = (portmapper_port, hislip_port, vxi11_port)
        self._running: list[Vxi11Server | Portmapper | HislipServer] = []
        self.resources: dict[str, list[str]] = {label: [] for label, _, _ in placement}
        self.notes: list[str] = []

    def start(self) -> LanFront:
        pm_port, hs_port, vx_port = self._ports
        hosts: dict[str, list[tuple[str, SimInstrument]]] = {}
        for label, host, inst in self._placement:
            hosts.setdefault(host, []).append((label, inst))
        missing: dict[tuple[str, str], list[str]] = {}  # (service, why) -> resources
        for host, members in hosts.items():
            shown = f"[{host}]" if ":" in host else host
            vx_names = {f"inst{i}": inst for i, (_, inst) in enumerate(members)}
            vxi: Vxi11Server | None = None
            try:
                vxi = self._keep(Vxi11Server(host, vx_names, vx_port).start())
            except OSError as exc:
                missing.setdefault(("VXI-11", _why(exc, vx_port)), []).append(shown)
            mapped = False
            if vxi is not None:
                try:
                    self._keep(Portmapper(host, [(DEVICE_CORE_PROG, VXI11_VERS, IPPROTO_TCP,
                                                  vxi.port)], pm_port).start())
                    mapped = True
                except OSError as exc:
                    missing.setdefault(("portmapper", _why(exc, pm_port)), []).append(shown)
            hislip: HislipServer | None = None
            try:
                hislip = self._keep(HislipServer(host, {f"hislip{i}": inst for i, (_, inst)
                                                        in enumerate(members)}, hs_port).start())
            except OSError as exc:
                missing.setdefault(("HiSLIP", _why(exc, hs_port)), []).append(shown)
            for i, (label, _) in enumerate(members):
                dev = "" if i == 0 else f"::inst{i}"
                if vxi is not None and mapped:
                    self.resources[label].append(f"TCPIP::{shown}{dev}::INSTR")
                elif vxi is not None:  # pyvisa-py's form that skips the portmapper
                    self.resources[label].append(f"TCPIP::{shown},{vxi.port}{dev}::INSTR")
                if hislip is not None:
                    port = "" if hislip.port == HISLIP_PORT else f",{hislip.port}"
                    self.resources[label].append(f"TCPIP::{shown}::hislip{i}{port}::INSTR")
        for (service, why), where in missing.items():
            at = ", ".join(where)
            if service == "portmapper":
                self.notes.append(f"VXI-11 on {at} has no portmapper, so only pyvisa-py "
                                  f"reaches it (as TCPIP::<address>,<port>::INSTR); {why}.")
            else:
                self.notes.append(f"{service} is not served on {at}; {why}.")
        return self

    def _keep(self, server):  # type: ignore[no-untyped-def]
        self._running.append(server)
        return server

    def stop(self) -> None:
        # Each accept loop notices a stop within its poll interval; stop them side by side.
        threads = [threading.Thread(target=server.stop, daemon=True) for server in self._running]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=5)
        self._running.clear()
