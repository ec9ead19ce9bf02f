"""ONC RPC version 2 for the simulated bench: XDR, record marking, and a portmapper.

VXI-11 instruments speak ONC RPC (RFC 5531) over TCP, and a client finds an
instrument's core channel by asking the portmapper (RFC 1833, program 100000
version 2) on port 111 of the instrument's address: GETPORT for program 395183
version 1 over TCP. That is what pyvisa-py, NI-VISA, Keysight IO Libraries and
python-vxi11 do for `TCPIP::<ip>::INSTR`, so the bench answers it exactly so.

Only what an instrument needs is here: XDR integers, booleans and opaque/strings
(RFC 4506 §4), TCP record marking with fragments (RFC 5531 §11), the accepted and
denied reply forms, and portmapper NULL, GETPORT and DUMP (SET/UNSET answer false:
nothing outside the bench registers with it). The UDP portmapper answers the same
calls, one datagram each, which is how VISA libraries broadcast for discovery.
"""

from __future__ import annotations

import contextlib
import socket
import struct
import threading
from collections.abc import Callable

from meterlab.sim.service import TCPService, recv_exact

RPC_VERSION = 2
PMAP_PROG, PMAP_VERS, PMAP_PORT = 100000, 2, 111
IPPROTO_TCP, IPPROTO_UDP = 6, 17

# accept_stat (RFC 5531 §9)
SUCCESS, PROG_UNAVAIL, PROG_MISMATCH, PROC_UNAVAIL, GARBAGE_ARGS = 0, 1, 2, 3, 4
#: Largest call record accepted; a VXI-11 device_write carries at most maxRecvSize.
MAX_RECORD = 16 * 1024 * 1024


class XdrError(ValueError):
    """The arguments do not decode: answered with GARBAGE_ARGS."""


class Reader:
    """Decode XDR items in order from one record."""

    def __init__(self, data: bytes, pos: int = 0) -> None:
        self.data = data
        self.pos = pos

    def uint(self) -> int:
        if self.pos + 4 > len(self.data):
            raise XdrError("short record")
        (value,) = struct.unpack_from(">I", self.data, self.pos)
        self.pos += 4
        return value

    def sint(self) -> int:
        value = self.uint()
        return value - (1 << 32) if value & 0x80000000 else value

    def flag(self) -> bool:
        return self.uint() != 0

    def opaque(self, limit: int = MAX_RECORD) -> bytes:
        n = self.uint()
        if n > limit or self.pos + n > len(self.data):
            raise XdrError("opaque longer than the record")
        value = self.data[self.pos : self.pos + n]
        self.pos += (n + 3) & ~3
        return value


class Writer:
    """Encode XDR items into a reply body."""

    def __init__(self) -> None:
        self.parts: list[bytes] = []

    def uint(self, value: int) -> Writer:
        self.parts.append(struct.pack(">I", value & 0xFFFFFFFF))
        return self

    def opaque(self, value: bytes) -> Writer:
        self.uint(len(value))
        self.parts.append(value + b"\0" * (-len(value) % 4))
        return self

    def getvalue(self) -> bytes:
        return b"".join(self.parts)


#: The client a procedure is serving: `caller.peer` ("host:port") on the RPC thread.
caller = threading.local()

#: A procedure: decodes its arguments from the reader, returns the encoded results.
Procedure = Callable[[Reader], bytes]
#: A program: procedure number -> procedure (None: the program has no such procedure).
Program = Callable[[int], Procedure | None]


def _reply_header(xid: int, accept: int) -> Writer:
    w = Writer()
    w.uint(xid).uint(1).uint(0)  # REPLY, MSG_ACCEPTED
    w.uint(0).opaque(b"")  # verifier: AUTH_NONE
    return w.uint(accept)


def dispatch(record: bytes, programs: dict[tuple[int, int], Program]) -> bytes | None:
    """Answer one call record; None when it is not a call (nothing is sent back)."""
    r = Reader(record)
    try:
        xid, mtype = r.uint(), r.uint()
        if mtype != 0:
            return None
        rpcvers, prog, vers, proc = r.uint(), r.uint(), r.uint(), r.uint()
        r.uint()
        r.opaque(400)  # credentials (any flavour is accepted: an instrument does)
        r.uint()
        r.opaque(400)  # verifier
    except XdrError:
        return None
    if rpcvers != RPC_VERSION:
        w = Writer().uint(xid).uint(1).uint(1)  # REPLY, MSG_DENIED
        return w.uint(0).uint(RPC_VERSION).uint(RPC_VERSION).getvalue()  # RPC_MISMATCH
    program = programs.get((prog, vers))
    if program is None:
        versions = sorted(v for p, v in programs if p == prog)
        if not versions:
            return _reply_header(xid, PROG_UNAVAIL).getvalue()
        return _reply_header(xid, PROG_MISMATCH).uint(versions[0]).uint(versions[-1]).getvalue()
    procedure = program(proc)
    if procedure is None:
        return _reply_header(xid, PROC_UNAVAIL).getvalue()
    try:
        body = procedure(r)
    except XdrError:
        return _reply_header(xid, GARBAGE_ARGS).getvalue()
    return _reply_header(xid, SUCCESS).getvalue() + body


def read_record(sock: socket.socket) -> bytes:
    """One record, its fragments joined; EOFError when the peer closes."""
    parts = []
    total = 0
    while True:
        (mark,) = struct.unpack(">I", recv_exact(sock, 4))
        n = mark & 0x7FFFFFFF
        total += n
        if total > MAX_RECORD:
            raise EOFError  # not a client we can serve: drop the connection
        parts.append(recv_exact(sock, n))
        if mark & 0x80000000:
            return b"".join(parts)


def send_record(sock: socket.socket, record: bytes) -> None:
    sock.sendall(struct.pack(">I", 0x80000000 | len(record)) + record)


class RPCService:
    """ONC RPC programs served over TCP on one address and port (0 picks a free port)."""

    def __init__(self, host: str, port: int, programs: dict[tuple[int, int], Program],
                 name: str, on_disconnect: Callable[[str], None] | None = None) -> None:
        self.programs = programs
        self._on_disconnect = on_disconnect
        self._tcp = TCPService(host, port, self._serve, name)
        self.host, self.port = host, self._tcp.port

    def _serve(self, sock: socket.socket, peer: str) -> None:
        caller.peer = peer
        try:
            while True:
                try:
                    record = read_record(sock)
                except EOFError:
                    return
                reply = dispatch(record, self.programs)
                if reply is not None:
                    send_record(sock, reply)
        finally:
            if self._on_disconnect is not None:
                self._on_disconnect(peer)

    def start(self) -> RPCService:
        self._tcp.start()
        return self

    def stop(self) -> None:
        self._tcp.stop()


class Portmapper:
    """Program 100000 v2 on port 111 of one address, over TCP and UDP.

    `mappings` are (program, version, protocol, port) tuples, as GETPORT and DUMP
    report them. Binding port 111 needs root (or CAP_NET_BIND_SERVICE) on Linux and
    fails if a system rpcbind holds it; the OSError reaches the caller.
    """

    def __init__(self, host: str, mappings: list[tuple[int, int, int, int]],
                 port: int = PMAP_PORT) -> None:
        self.mappings = list(mappings)
        programs: dict[tuple[int, int], Program] = {(PMAP_PROG, PMAP_VERS): self._procedure}
        self._rpc = RPCService(host, port, programs, "sim-portmap")
        self.host, self.port = host, self._rpc.port
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        self._udp = socket.socket(family, socket.SOCK_DGRAM)
        try:
            self._udp.bind((host, self.port))
        except OSError:
            self._rpc.stop()
            self._udp.close()
            raise
        self._udp_stop = threading.Event()  # stop() then wakes recvfrom with an empty datagram
        self._udp_thread: threading.Thread | None = None

    def _procedure(self, proc: int) -> Procedure | None:
        return {0: lambda r: b"", 1: self._set, 2: self._set, 3: self._getport,
                4: self._dump}.get(proc)

    def _set(self, r: Reader) -> bytes:
        for _ in range(4):
            r.uint()
        return Writer().uint(0).getvalue()  # the bench's own table is not for others to edit

    def _getport(self, r: Reader) -> bytes:
        prog, vers, prot = r.uint(), r.uint(), r.uint()
        r.uint()
        port = next((m[3] for m in self.mappings if m[:3] == (prog, vers, prot)), 0)
        return Writer().uint(port).getvalue()

    def _dump(self, r: Reader) -> bytes:
        w = Writer()
        for m in [(PMAP_PROG, PMAP_VERS, IPPROTO_TCP, self.port),
                  (PMAP_PROG, PMAP_VERS, IPPROTO_UDP, self.port), *self.mappings]:
            w.uint(1)
            for value in m:
                w.uint(value)
        return w.uint(0).getvalue()

    def _serve_udp(self) -> None:
        programs: dict[tuple[int, int], Program] = {(PMAP_PROG, PMAP_VERS): self._procedure}
        while not self._udp_stop.is_set():
            try:
                data, addr = self._udp.recvfrom(65536)
            except OSError:
                return
            if self._udp_stop.is_set():
                return
            reply = dispatch(data, programs)
            if reply is not None:
                with contextlib.suppress(OSError):
                    self._udp.sendto(reply, addr)

    def start(self) -> Portmapper:
        self._rpc.start()
        self._udp_thread = threading.Thread(target=self._serve_udp, daemon=True,
                                            name=f"sim-portmap-udp-{self.host}")
        self._udp_thread.start()
        return self

    def stop(self) -> None:
        self._rpc.stop()
        self._udp_stop.set()
        if self._udp_thread is not None:
            family = self._udp.family
            with contextlib.suppress(OSError), socket.socket(family, socket.SOCK_DGRAM) as s:
                s.sendto(b"", (self.host, self.port))
            self._udp_thread.join(timeout=2)
        self._udp.close()


def getport(host: str, prog: int, vers: int, timeout_s: float = 0.5,
            port: int = PMAP_PORT) -> int:
    """Ask the portmapper at `host` over TCP where (prog, vers) listens; 0 if not there.

    Used by `meterlab list` to tell whether the simulated bench serves VXI-11 here.
    """
    call = Writer().uint(1).uint(0).uint(RPC_VERSION).uint(PMAP_PROG).uint(PMAP_VERS)
    call.uint(3).uint(0).opaque(b"").uint(0).opaque(b"")
    call.uint(prog).uint(vers).uint(IPPROTO_TCP).uint(0)
    with socket.create_connection((host, port), timeout=timeout_s) as sock:
        send_record(sock, call.getvalue())
        r = Reader(read_record(sock))
    r.uint()
    if r.uint() != 1 or r.uint() != 0:
        return 0
    r.uint()
    r.opaque()
    if r.uint() != SUCCESS:
        return 0
    return r.uint()
