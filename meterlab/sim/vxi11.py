"""VXI-11 for the simulated bench: the core and abort channels of `TCPIP::<ip>::INSTR`.

What the VXI-11 specification (VXIbus Consortium, TCP/IP Instrument Protocol,
rev. 1.0, §B.6 for the RPCL) defines and a LAN instrument such as the 34465A or the
MSO1104Z implements: the core channel, ONC RPC program 0x0607AF (395183) version 1,
with create_link, device_write, device_read, device_readstb, device_trigger,
device_clear, device_remote/local, device_lock/unlock, device_enable_srq,
device_docmd and destroy_link; and the abort channel, program 0x0607B0 (395184),
whose port create_link reports. The bench serves both programs on one TCP port and
announces the core program to the portmapper (`oncrpc.Portmapper`) of the same
address, as the instruments do.

Device names are the instruments' own: `inst0` for the instrument at that address
(any letter case). A LAN/GPIB gateway names several devices on one address
(`gpib0,5`); the bench does the same with `inst1` when two instruments must share an
address. Errors follow the specification's codes: 4 invalid link, 11 locked by
another link, 12 no lock held, 15 I/O timeout, 21 invalid address (unknown device
name), 8 operation not supported (device_docmd, interrupt channels).
"""

from __future__ import annotations

import itertools
import threading
from dataclasses import dataclass

from meterlab.sim.instrument import STB_MAV, SimInstrument
from meterlab.sim.msgsession import MessageSession, device_lock
from meterlab.sim.oncrpc import Procedure, Reader, RPCService, Writer, caller

DEVICE_CORE_PROG, DEVICE_ABORT_PROG, VXI11_VERS = 0x0607AF, 0x0607B0, 1

# Device_ErrorCode values (VXI-11 §B.5.2)
NO_ERROR, INVALID_LINK, NOT_SUPPORTED, LOCKED, NO_LOCK = 0, 4, 8, 11, 12
CHANNEL_NOT_ESTABLISHED, IO_TIMEOUT, INVALID_ADDRESS = 6, 15, 21
# Device_Flags bits and read reasons
WAITLOCK, END, TERMCHRSET = 1, 8, 128
REQCNT, CHR, RX_END = 1, 2, 4

#: What create_link reports as maxRecvSize: the largest device_write it takes in one call.
MAX_RECV_SIZE = 1 << 20


@dataclass(eq=False)
class _Link:
    name: str
    instrument: SimInstrument
    session: MessageSession
    peer: str
    lid: int = 0


def _seconds(ms: int) -> float | None:
    """An RPC timeout in ms as seconds; the largest values mean 'for ever'."""
    return None if ms >= 0x7FFFFFFF else ms / 1000.0


class Vxi11Server:
    """The core and abort channels for the instruments at one address."""

    def __init__(self, host: str, devices: dict[str, SimInstrument], port: int = 0) -> None:
        self.devices = {name.lower(): inst for name, inst in devices.items()}
        self._links: dict[int, _Link] = {}
        self._ids = itertools.count(1)
        self._guard = threading.Lock()
        self._rpc = RPCService(host, port, {(DEVICE_CORE_PROG, VXI11_VERS): self._core,
                                            (DEVICE_ABORT_PROG, VXI11_VERS): self._abort},
                               "sim-vxi11", on_disconnect=self._disconnected)
        self.host, self.port = host, self._rpc.port

    def start(self) -> Vxi11Server:
        self._rpc.start()
        return self

    def stop(self) -> None:
        self._rpc.stop()
        with self._guard:
            links = list(self._links.values())
            self._links.clear()
        for link in links:
            self._drop(link)

    # -- links ---------------------------------------------------------------------------

    def _link(self, lid: int) -> _Link | None:
        with self._guard:
            return self._links.get(lid)

    def _drop(self, link: _Link) -> None:
        device_lock(link.instrument).release(link)
        link.session.close()

    def _disconnected(self, peer: str) -> None:
        """A client that vanished without destroy_link leaves no link (or lock) behind."""
        with self._guard:
            gone = [lk for lk in self._links.values() if lk.peer == peer]
            for lk in gone:
                del self._links[lk.lid]
        for lk in gone:
            self._drop(lk)

    # -- programs ------------------------------------------------------------------------

    def _core(self, proc: int) -> Procedure | None:
        return {
            10: self._create_link, 11: self._device_write, 12: self._device_read,
            13: self._device_readstb, 14: self._device_trigger, 15: self._device_clear,
            16: self._generic_ok, 17: self._generic_ok, 18: self._device_lock,
            19: self._device_unlock, 20: self._enable_srq, 22: self._docmd,
            23: self._destroy_link, 25: self._create_intr_chan, 26: self._destroy_intr_chan,
        }.get(proc)

    def _abort(self, proc: int) -> Procedure | None:
        return self._device_abort if proc == 1 else None

    @staticmethod
    def _error(code: int) -> bytes:
        return Writer().uint(code).getvalue()

    def _usable(self, link: _Link, flags: int, lock_ms: int) -> bool:
        wait = _seconds(lock_ms) if flags & WAITLOCK else 0.0
        return device_lock(link.instrument).wait_usable(link, wait if wait is not None else 3600)

    def _create_link(self, r: Reader) -> bytes:
        r.sint()  # clientId: only echoed in SRQs, which the bench does not send
        lock_device, lock_ms, name = r.flag(), r.uint(), r.opaque(256)
        w = Writer()
        instrument = self.devices.get(name.decode("ascii", "replace").strip().lower())
        if instrument is None:
            return w.uint(INVALID_ADDRESS).uint(0).uint(0).uint(0).getvalue()
        peer = getattr(caller, "peer", "")
        link = _Link(name.decode("ascii", "replace"), instrument,
                     MessageSession(instrument, peer), peer)
        wait = _seconds(lock_ms)
        if lock_device and not device_lock(instrument).acquire(link, 3600 if wait is None
                                                               else wait):
            link.session.close()
            return w.uint(LOCKED).uint(0).uint(0).uint(0).getvalue()
        with self._guard:
            link.lid = next(self._ids)
            self._links[link.lid] = link
        return w.uint(NO_ERROR).uint(link.lid).uint(self.port).uint(MAX_RECV_SIZE).getvalue()

    def _device_write(self, r: Reader) -> bytes:
        lid, _io_ms, lock_ms, flags, data = (r.sint(), r.uint(), r.uint(), r.sint(),
                                             r.opaque(MAX_RECV_SIZE))
        link = self._link(lid)
        if link is None:
            return Writer().uint(INVALID_LINK).uint(0).getvalue()
        if not self._usable(link, flags, lock_ms):
            return Writer().uint(LOCKED).uint(0).getvalue()
        link.session.feed(data, end=bool(flags & END))
        return Writer().uint(NO_ERROR).uint(len(data)).getvalue()

    def _device_read(self, r: Reader) -> bytes:
        lid, size, io_ms, lock_ms, flags, term = (r.sint(), r.uint(), r.uint(), r.uint(),
                                                  r.sint(), r.sint())
        link = self._link(lid)
        if link is None:
            return Writer().uint(INVALID_LINK).uint(0).opaque(b"").getvalue()
        if not self._usable(link, flags, lock_ms):
            return Writer().uint(LOCKED).uint(0).opaque(b"").getvalue()
        got = link.session.read(max(size, 0), _seconds(io_ms),
                                term & 0xFF if flags & TERMCHRSET else None)
        if got is None:
            return Writer().uint(IO_TIMEOUT).uint(0).opaque(b"").getvalue()
        data, ended, hit = got
        reason = (RX_END if ended else 0) | (CHR if hit else 0)
        if not reason:
            reason = REQCNT
        return Writer().uint(NO_ERROR).uint(reason).opaque(data).getvalue()

    def _generic(self, r: Reader) -> tuple[_Link | None, bool]:
        lid, flags, lock_ms, _io_ms = r.sint(), r.sint(), r.uint(), r.uint()
        link = self._link(lid)
        return link, link is not None and self._usable(link, flags, lock_ms)

    def _generic_error(self, link: _Link | None, ok: bool) -> int | None:
        if link is None:
            return INVALID_LINK
        return None if ok else LOCKED

    def _device_readstb(self, r: Reader) -> bytes:
        link, ok = self._generic(r)
        err = self._generic_error(link, ok)
        if err is not None or link is None:
            return Writer().uint(err or INVALID_LINK).uint(0).getvalue()
        with link.instrument.lock:
            stb = link.instrument.status_byte()
        if link.session.has_output:
            stb |= STB_MAV
        return Writer().uint(NO_ERROR).uint(stb).getvalue()

    def _device_trigger(self, r: Reader) -> bytes:
        link, ok = self._generic(r)
        err = self._generic_error(link, ok)
        if err is None and link is not None:
            link.session.feed(b"*TRG", end=True)  # in order with the messages before it
        return self._error(err or NO_ERROR)

    def _device_clear(self, r: Reader) -> bytes:
        link, ok = self._generic(r)
        err = self._generic_error(link, ok)
        if err is None and link is not None:
            link.session.clear()
        return self._error(err or NO_ERROR)

    def _generic_ok(self, r: Reader) -> bytes:  # device_remote, device_local
        link, ok = self._generic(r)
        return self._error(self._generic_error(link, ok) or NO_ERROR)

    def _device_lock(self, r: Reader) -> bytes:
        lid, flags, lock_ms = r.sint(), r.sint(), r.uint()
        link = self._link(lid)
        if link is None:
            return self._error(INVALID_LINK)
        wait = (_seconds(lock_ms) or 3600) if flags & WAITLOCK else 0.0
        return self._error(NO_ERROR if device_lock(link.instrument).acquire(link, wait)
                           else LOCKED)

    def _device_unlock(self, r: Reader) -> bytes:
        link = self._link(r.sint())
        if link is None:
            return self._error(INVALID_LINK)
        return self._error(NO_ERROR if device_lock(link.instrument).release(link) else NO_LOCK)

    def _enable_srq(self, r: Reader) -> bytes:
        lid, _enable, _handle = r.sint(), r.flag(), r.opaque(40)
        return self._error(NO_ERROR if self._link(lid) else INVALID_LINK)

    def _docmd(self, r: Reader) -> bytes:
        lid = r.sint()
        r.sint(), r.uint(), r.uint(), r.sint(), r.flag(), r.sint(), r.opaque()
        code = NOT_SUPPORTED if self._link(lid) else INVALID_LINK
        return Writer().uint(code).opaque(b"").getvalue()

    def _destroy_link(self, r: Reader) -> bytes:
        lid = r.sint()
        with self._guard:
            link = self._links.pop(lid, None)
        if link is None:
            return self._error(INVALID_LINK)
        self._drop(link)
        return self._error(NO_ERROR)

    def _create_intr_chan(self, r: Reader) -> bytes:
        for _ in range(5):
            r.uint()
        return self._error(NOT_SUPPORTED)  # no service requests from the bench

    def _destroy_intr_chan(self, r: Reader) -> bytes:
        return self._error(CHANNEL_NOT_ESTABLISHED)

    def _device_abort(self, r: Reader) -> bytes:
        return self._error(NO_ERROR if self._link(r.sint()) else INVALID_LINK)
