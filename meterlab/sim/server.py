"""A raw-socket SCPI server: one thread per client, messages ending in `\\n`.

This is the LAN "socket" interface of the real instruments (port 5025 on a
Keysight meter, 5555 on a Rigol scope): commands arrive as ASCII lines, replies
go out as one complete message ending in `\\n`, written in one piece. Definite-
length blocks in incoming data may contain newlines and are skipped over when
looking for the end of a message. Idle clients cost nothing: threads block in
`recv`. An instrument whose `unterminated_gap` is set (the Rigol scope) also takes
bytes followed by that much silence as a whole message, as LAN scripts written for
it expect; the Keysight meter waits for the terminator, as its guide requires.
Accepting, the thread per client and stopping with the clients are `service.py`'s,
shared with the VXI-11 and HiSLIP servers.
"""

from __future__ import annotations

import contextlib
import ipaddress
import logging
import selectors
import socket
import threading
import time

from meterlab.sim.instrument import Connection, SimInstrument
from meterlab.sim.service import TCPService

log = logging.getLogger(__name__)

#: A message longer than this without a terminator is discarded (-363).
MAX_MESSAGE = 4 * 1024 * 1024


def is_loopback(host: str) -> bool:
    """True for 127.0.0.0/8, ::1 and 'localhost'."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def find_message_end(buf: bytes | bytearray, start: int = 0) -> int:
    """Index of the `\\n` ending the first message, skipping blocks and strings; -1 if none yet.

    Returns -2 when a block header promises more bytes than have arrived.
    """
    i = start
    n = len(buf)
    quote = 0
    while i < n:
        c = buf[i]
        if quote:
            if c == quote:
                quote = 0
            elif c == 0x0A:  # an unterminated string does not swallow the terminator
                return i
        elif c in (0x22, 0x27):
            quote = c
        elif c == 0x0A:
            return i
        elif c == 0x23 and i + 1 < n and 0x31 <= buf[i + 1] <= 0x39:
            nd = buf[i + 1] - 0x30
            digits = bytes(buf[i + 2 : i + 2 + nd])
            if len(digits) < nd:
                return -1
            if digits.isdigit() and int(digits) <= MAX_MESSAGE:
                end = i + 2 + nd + int(digits)
                if end > n:
                    return -2
                i = end
                continue
        i += 1
    return -1


class Links:
    """The open socket links of one instrument, in the order they were accepted.

    A real instrument has one parser: what arrives on its LAN sockets is executed in the
    order it arrived. Here every link has its own thread, and a program that sends its last
    commands and closes could have them executed after the next program's first command
    (a `*CLS` that should have cleared what they left) when the old link's thread was
    scheduled late. So a new link's first message waits, up to `WAIT_S`, until every older
    link's input has begun to execute (a long one, such as a READ? waiting for its
    measurement, need not end first: other links are served meanwhile, as on the meter).
    """

    WAIT_S = 0.5

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._busy: dict[socket.socket, bool] = {}  # accept order; True: input taken, not begun

    def accepted(self, sock: socket.socket) -> None:
        with self._lock:
            self._busy[sock] = False

    def closed(self, sock: socket.socket) -> None:
        with self._lock:
            self._busy.pop(sock, None)

    def set_busy(self, sock: socket.socket, busy: bool) -> None:
        with self._lock:
            if sock in self._busy:
                self._busy[sock] = busy

    def wait_for_older(self, sock: socket.socket) -> None:
        end = time.monotonic() + self.WAIT_S
        while time.monotonic() < end:
            with self._lock:
                links = list(self._busy.items())
            mine = next((i for i, (s, _) in enumerate(links) if s is sock), len(links))
            older = links[:mine]
            if not any(busy for _, busy in older) and not _any_readable([s for s, _ in older]):
                return
            time.sleep(0.001)


def _any_readable(socks: list[socket.socket]) -> bool:
    """True if any of `socks` has input (or its end) waiting; closed ones have none."""
    with selectors.DefaultSelector() as sel:  # epoll where there is one: no limit on fds
        for s in socks:
            with contextlib.suppress(OSError, ValueError, KeyError):  # closed meanwhile
                sel.register(s, selectors.EVENT_READ)
        if not sel.get_map():
            return False
        try:
            return bool(sel.select(0))
        except (OSError, ValueError):
            return False


def _serve_client(sock: socket.socket, peer: str, instrument: SimInstrument,
                  links: Links) -> None:
    """One client's session: split the byte stream into messages, answer each."""
    conn = Connection(peer=peer)
    gap = instrument.unterminated_gap
    buf = bytearray()
    first = True

    def after_older() -> None:
        """Before the link's first message: what older links sent goes first (`Links`).
        Waited for while this link still counts as busy, so newer ones wait behind it."""
        nonlocal first
        if first:
            links.wait_for_older(sock)
            first = False

    sel = selectors.DefaultSelector()
    try:
        try:
            sel.register(sock, selectors.EVENT_READ)
        except (OSError, ValueError):  # closed before its thread began: the bench stops
            return
        while True:
            # Only while half a message waits does the thread wake up: idle costs nothing.
            # Wait for input first and say so before taking it (`Links`), then take it.
            try:
                ready = sel.select(gap if gap is not None and buf else None)
            except (OSError, ValueError):
                return
            if not ready:
                # Nothing more came: some instruments (the Rigol scopes) take what
                # arrived as the whole message, so clients that send no terminator work.
                if find_message_end(buf) == -1:  # not stuck inside a block
                    message = bytes(buf)
                    buf.clear()
                    after_older()
                    if not _run(sock, instrument, conn, message):
                        return
                continue
            links.set_busy(sock, True)
            try:
                chunk = sock.recv(1 << 16)
            except OSError:
                return
            if not chunk:
                return
            buf += chunk
            messages: list[bytes] = []
            while True:
                end = find_message_end(buf)
                if end < 0:
                    # -1: no terminator yet; -2: inside a block.
                    if len(buf) > MAX_MESSAGE:
                        buf.clear()
                        with instrument.lock:
                            instrument.push_error(-363)
                    break
                messages.append(bytes(buf[:end]))
                del buf[: end + 1]
            if messages:
                after_older()
            for message in messages[:-1]:
                if not _run(sock, instrument, conn, message):
                    return
            # Everything taken has begun, or the last of it begins now: a newer link may go
            # ahead, even while that one runs long (a READ? waiting for its measurement).
            links.set_busy(sock, False)
            if messages and not _run(sock, instrument, conn, messages[-1]):
                return
    finally:
        sel.close()
        links.closed(sock)


def _run(sock: socket.socket, instrument: SimInstrument, conn: Connection,
         message: bytes) -> bool:
    """Execute one message and send its reply; False when the client has gone."""
    message = message.rstrip(b"\r")
    if not message.strip():
        return True
    reply = instrument.execute(message, conn)
    if reply is None:
        return True
    try:
        sock.settimeout(None)
        sock.sendall(reply + b"\n")
    except OSError:
        return False
    return True


class InstrumentServer:
    """Serve one simulated instrument on a TCP port in a background thread."""

    def __init__(self, instrument: SimInstrument, host: str = "127.0.0.1", port: int = 0) -> None:
        self.instrument = instrument
        self.links = Links()
        self._service = TCPService(
            host, port, lambda sock, peer: _serve_client(sock, peer, instrument, self.links),
            f"sim-{instrument.identity[1]}", on_accept=self.links.accepted)
        self.host = host
        self.port: int = self._service.port

    @property
    def resource(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"TCPIP::{host}::{self.port}::SOCKET"

    def start(self) -> InstrumentServer:
        self._service.start()
        return self

    def stop(self) -> None:
        self._service.stop()
