"""HiSLIP for the simulated bench: `TCPIP::<ip>::hislip0::INSTR` on port 4880.

The IVI Foundation's High-Speed LAN Instrument Protocol (IVI-6.1, rev. 2.0) is what
Keysight instruments default to. A client opens two TCP connections to port 4880:
the synchronous channel (Initialize with the sub-address `hislip0`, then Data and
DataEnd messages carrying program and response messages, Trigger, and the second
half of a device clear) and the asynchronous channel (AsyncInitialize with the
session id, then status queries, locks, maximum message size, remote/local and the
first half of a device clear). Every message starts with the 16-byte header
`"HS", type, control code, 32-bit parameter, 64-bit payload length` (§3.1).

The bench works in synchronized mode (§4.2, what the 34465A reports): a response
goes out as Data…DataEnd messages whose MessageID is the one of the DataEnd that
ended its query, and a device clear (AsyncDeviceClear → AsyncDeviceClearAcknowledge,
then DeviceClearComplete → DeviceClearAcknowledge) discards what is pending.
The lock is exclusive only (a shared-lock string is refused), shared with VXI-11
links to the same instrument. Encryption, authentication and GetDescriptors
(HiSLIP 2.0) are answered with an Error message, as a 1.0 server does.
"""

from __future__ import annotations

import contextlib
import itertools
import socket
import struct
import threading
from dataclasses import dataclass, field

from meterlab.sim.instrument import SimInstrument
from meterlab.sim.msgsession import MessageSession, device_lock
from meterlab.sim.service import TCPService, recv_exact

HISLIP_PORT = 4880
HEADER = struct.Struct("!2sBBIQ")
PROTOCOL_VERSION = 0x0100  # 1.0
VENDOR_ID = b"ML"

# Message types (IVI-6.1 §2.5, table 4)
INITIALIZE, INITIALIZE_RESPONSE, FATAL_ERROR, ERROR = 0, 1, 2, 3
ASYNC_LOCK, ASYNC_LOCK_RESPONSE, DATA, DATA_END = 4, 5, 6, 7
DEVICE_CLEAR_COMPLETE, DEVICE_CLEAR_ACKNOWLEDGE = 8, 9
ASYNC_REMOTE_LOCAL_CONTROL, ASYNC_REMOTE_LOCAL_RESPONSE, TRIGGER = 10, 11, 12
ASYNC_MAX_MSG_SIZE, ASYNC_MAX_MSG_SIZE_RESPONSE = 15, 16
ASYNC_INITIALIZE, ASYNC_INITIALIZE_RESPONSE, ASYNC_DEVICE_CLEAR = 17, 18, 19
ASYNC_STATUS_QUERY, ASYNC_STATUS_RESPONSE, ASYNC_DEVICE_CLEAR_ACKNOWLEDGE = 21, 22, 23
ASYNC_LOCK_INFO, ASYNC_LOCK_INFO_RESPONSE = 24, 25

# Error codes (§3.2)
FATAL_POORLY_FORMED, FATAL_NOT_INITIALIZED, FATAL_BAD_INIT = 1, 2, 3
ERROR_UNRECOGNIZED_TYPE, ERROR_MESSAGE_TOO_LARGE = 1, 4

#: The largest message the bench accepts (AsyncMaxMsgSizeResponse).
SERVER_MAX_MESSAGE = 16 * 1024 * 1024


def pack(msg_type: int, control: int = 0, param: int = 0, payload: bytes = b"") -> bytes:
    return HEADER.pack(b"HS", msg_type, control, param & 0xFFFFFFFF, len(payload)) + payload


@dataclass(eq=False)
class _Session:
    sid: int
    instrument: SimInstrument
    sync: socket.socket
    send_lock: threading.Lock = field(default_factory=threading.Lock)
    client_max: int = 1 << 20  # until AsyncMaxMsgSize says otherwise
    session: MessageSession | None = None

    def send(self, data: bytes) -> None:
        with self.send_lock, contextlib.suppress(OSError):
            self.sync.sendall(data)

    def deliver(self, reply: bytes, message_id: int) -> None:
        """A response message as Data… DataEnd, each within the client's maximum size."""
        room = max(1, self.client_max - HEADER.size)
        chunks = [reply[i : i + room] for i in range(0, len(reply), room)] or [b""]
        out = [pack(DATA, 0, message_id, c) for c in chunks[:-1]]
        out.append(pack(DATA_END, 0, message_id, chunks[-1]))
        self.send(b"".join(out))


class _Fatal(Exception):
    def __init__(self, code: int, text: str) -> None:
        super().__init__(text)
        self.code = code


class HislipServer:
    """HiSLIP on one address; `devices` maps sub-addresses (`hislip0`) to instruments."""

    def __init__(self, host: str, devices: dict[str, SimInstrument],
                 port: int = HISLIP_PORT) -> None:
        self.devices = {name.lower(): inst for name, inst in devices.items()}
        self._sessions: dict[int, _Session] = {}
        self._ids = itertools.count(1)
        self._guard = threading.Lock()
        self._tcp = TCPService(host, port, self._serve, "sim-hislip")
        self.host, self.port = host, self._tcp.port

    def start(self) -> HislipServer:
        self._tcp.start()
        return self

    def stop(self) -> None:
        self._tcp.stop()

    # -- connections ---------------------------------------------------------------------

    @staticmethod
    def _header(sock: socket.socket) -> tuple[int, int, int, bytes]:
        prologue, mtype, control, param, length = HEADER.unpack(recv_exact(sock, HEADER.size))
        if prologue != b"HS":
            raise _Fatal(FATAL_POORLY_FORMED, "the message does not start with HS")
        if length > SERVER_MAX_MESSAGE:
            raise _Fatal(FATAL_POORLY_FORMED, "message larger than the maximum size")
        return mtype, control, param, recv_exact(sock, length) if length else b""

    def _serve(self, sock: socket.socket, peer: str) -> None:
        try:
            mtype, _control, param, payload = self._header(sock)
            if mtype == INITIALIZE:
                self._serve_sync(sock, peer, param, payload)
            elif mtype == ASYNC_INITIALIZE:
                self._serve_async(sock, param)
            else:
                raise _Fatal(FATAL_NOT_INITIALIZED, "the first message must be Initialize")
        except _Fatal as fatal:
            with contextlib.suppress(OSError):
                sock.sendall(pack(FATAL_ERROR, fatal.code, 0, str(fatal).encode()))
        except EOFError:
            return

    def _serve_sync(self, sock: socket.socket, peer: str, param: int, payload: bytes) -> None:
        name = payload.decode("ascii", "replace").strip().lower() or "hislip0"
        instrument = self.devices.get(name)
        if instrument is None:
            raise _Fatal(FATAL_BAD_INIT, f"no device {name!r} here")
        with self._guard:
            s = _Session(next(self._ids) & 0xFFFF, instrument, sock)
            self._sessions[s.sid] = s
        s.session = MessageSession(instrument, peer, deliver=s.deliver)
        s.send(pack(INITIALIZE_RESPONSE, 0, (PROTOCOL_VERSION << 16) | s.sid))
        try:
            while True:
                mtype, _control, param, payload = self._header(sock)
                if mtype in (DATA, DATA_END):
                    s.session.feed(payload, end=mtype == DATA_END, tag=param)
                elif mtype == TRIGGER:
                    s.session.feed(b"*TRG", end=True, tag=param)
                elif mtype == DEVICE_CLEAR_COMPLETE:
                    s.session.clear()
                    s.send(pack(DEVICE_CLEAR_ACKNOWLEDGE, 0))  # synchronized mode
                else:
                    s.send(pack(ERROR, ERROR_UNRECOGNIZED_TYPE, 0,
                                f"message type {mtype} is not served here".encode()))
        finally:
            with self._guard:
                self._sessions.pop(s.sid, None)
            device_lock(instrument).release(s)
            s.session.close()

    def _serve_async(self, sock: socket.socket, sid: int) -> None:
        with self._guard:
            s = self._sessions.get(sid & 0xFFFF)
        if s is None or s.session is None:
            raise _Fatal(FATAL_BAD_INIT, f"no synchronous channel with session id {sid}")
        sock.sendall(pack(ASYNC_INITIALIZE_RESPONSE, 0, int.from_bytes(VENDOR_ID, "big")))
        lock = device_lock(s.instrument)
        while True:
            mtype, control, param, payload = self._header(sock)
            if mtype == ASYNC_MAX_MSG_SIZE and len(payload) == 8:
                s.client_max = struct.unpack("!Q", payload)[0]
                reply = pack(ASYNC_MAX_MSG_SIZE_RESPONSE, 0, 0,
                             struct.pack("!Q", SERVER_MAX_MESSAGE))
            elif mtype == ASYNC_DEVICE_CLEAR:
                s.session.clear()
                reply = pack(ASYNC_DEVICE_CLEAR_ACKNOWLEDGE, 0)
            elif mtype == ASYNC_STATUS_QUERY:
                with s.instrument.lock:
                    stb = s.instrument.status_byte()
                reply = pack(ASYNC_STATUS_RESPONSE, stb)  # replies leave at once: MAV never waits
            elif mtype == ASYNC_LOCK and control == 1:
                granted = not payload and lock.acquire(s, param / 1000.0)
                reply = pack(ASYNC_LOCK_RESPONSE, 1 if granted else (3 if payload else 0))
            elif mtype == ASYNC_LOCK:
                reply = pack(ASYNC_LOCK_RESPONSE, 1 if lock.release(s) else 3)
            elif mtype == ASYNC_LOCK_INFO:
                held = lock.owner is not None
                reply = pack(ASYNC_LOCK_INFO_RESPONSE, int(held), int(held))
            elif mtype == ASYNC_REMOTE_LOCAL_CONTROL:
                reply = pack(ASYNC_REMOTE_LOCAL_RESPONSE, 0)
            else:
                reply = pack(ERROR, ERROR_UNRECOGNIZED_TYPE, 0,
                             f"message type {mtype} is not served here".encode())
            sock.sendall(reply)
