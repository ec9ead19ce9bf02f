"""A threaded TCP service that can be stopped with its clients: the base of the LAN protocols.

The raw-socket server (`server.py`), the VXI-11 RPC server and the HiSLIP server all
need the same things: one thread per client that idles in `recv` at no cost, a way to
close every client when the bench stops (a client blocked in a read must notice), and a
background thread that accepts. This module holds them once; each protocol only writes
its `handle(sock, peer)`.
"""

from __future__ import annotations

import contextlib
import socket
import socketserver
import threading
from collections.abc import Callable

Handle = Callable[[socket.socket, str], None]


class _Handler(socketserver.BaseRequestHandler):
    server: _Server

    def handle(self) -> None:
        sock: socket.socket = self.request
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)
        peer = f"{self.client_address[0]}:{self.client_address[1]}"
        with self.server.track(sock), contextlib.suppress(OSError):
            self.server.handle_client(sock, peer)


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True
    block_on_close = False
    request_queue_size = 128

    def __init__(self, addr: tuple[str, int], handle: Handle,
                 on_accept: Callable[[socket.socket], None] | None = None) -> None:
        self.handle_client = handle
        self.on_accept = on_accept
        self._clients: set[socket.socket] = set()
        self._clients_lock = threading.Lock()
        self.address_family = socket.AF_INET6 if ":" in addr[0] else socket.AF_INET
        super().__init__(addr, _Handler)

    def process_request(self, request: socket.socket, client_address: object) -> None:  # type: ignore[override]
        if self.on_accept is not None:  # on the accepting thread: in the order clients came
            self.on_accept(request)
        super().process_request(request, client_address)

    @contextlib.contextmanager
    def track(self, sock: socket.socket):  # type: ignore[no-untyped-def]
        with self._clients_lock:
            self._clients.add(sock)
        try:
            yield
        finally:
            with self._clients_lock:
                self._clients.discard(sock)

    def close_clients(self) -> None:
        with self._clients_lock:
            clients = list(self._clients)
        for sock in clients:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            with contextlib.suppress(OSError):
                sock.close()


class TCPService:
    """Accept clients on (host, port) in a background thread; `handle` serves one client.

    Binding happens in the constructor, so an `OSError` (port taken, no permission)
    reaches the caller before anything runs.
    """

    def __init__(self, host: str, port: int, handle: Handle, name: str,
                 on_accept: Callable[[socket.socket], None] | None = None) -> None:
        """`on_accept` is told of each client as it is accepted, before its thread starts."""
        self._server = _Server((host, port), handle, on_accept)
        self.host = host
        self.port: int = self._server.server_address[1]
        self._name = name
        self._thread: threading.Thread | None = None

    def start(self) -> TCPService:
        self._thread = threading.Thread(target=self._server.serve_forever,
                                        kwargs={"poll_interval": 0.25},
                                        name=f"{self._name}-{self.host}:{self.port}",
                                        daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._thread is not None:
            self._server.shutdown()
        self._server.close_clients()
        self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None


def recv_exact(sock: socket.socket, n: int) -> bytes:
    """Exactly `n` bytes from `sock`; raises EOFError when the peer closes first."""
    buf = bytearray()
    while len(buf) < n:
        chunk = sock.recv(min(n - len(buf), 1 << 20))
        if not chunk:
            raise EOFError
        buf += chunk
    return bytes(buf)
