"""Exact-size reads of a reply's bytes, for `meterlab.visa.Connection`.

Kept apart from `visa.py` (which holds the connection's logic: opening, translating
failures, keeping question and answer in step) because these are transport details:
on pyvisa-py sockets a multi-MB scope memory is received straight into one buffer
(pyvisa's own read loop copies each chunk several times); other backends go through
pyvisa's `read_bytes`.
"""

from __future__ import annotations

import contextlib
import socket
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pyvisa.constants as vc
from pyvisa import errors as visa_errors

from meterlab.errors import InstrumentError

if TYPE_CHECKING:
    from meterlab.visa import Connection

__all__ = ["RawReply"]


class RawReply:
    """The reply to `Connection.query_raw`, read by the caller in exact-size pieces."""

    def __init__(self, conn: Connection, inst: Any) -> None:
        self._conn = conn
        self._inst = inst
        self._reader = _SocketReader.for_resource(inst, conn.timeout_ms) or _VisaReader(
            inst, conn._chunk
        )

    def read(self, n: int) -> bytes:
        """Exactly `n` bytes; a reply that stops short is a timeout (translated upstream)."""
        return bytes(self._reader.read(n)) if n > 0 else b""

    def skip_terminators(self, most: int = 2, wait_ms: int = 100) -> None:
        """Read away up to `most` trailing newline bytes, waiting `wait_ms` for each."""
        for _ in range(most):
            try:
                byte = self._read_briefly(wait_ms)
            except (visa_errors.VisaIOError, TimeoutError):
                return
            if byte not in (b"\n", b"\r"):
                raise InstrumentError(
                    f"The reply from {self._conn.resource} is longer than expected (found "
                    f"{byte!r} after its end). Check that no other program uses the instrument.",
                    resource=self._conn.resource,
                )

    def _read_briefly(self, wait_ms: int) -> bytes:
        reader = self._reader
        if isinstance(reader, _SocketReader):
            reader.sock.settimeout(wait_ms / 1000)
            try:
                return bytes(reader.read(1))
            finally:
                reader.sock.settimeout(self._conn.timeout_ms / 1000)
        old = self._inst.timeout
        self._inst.timeout = wait_ms
        try:
            return bytes(reader.read(1))
        finally:
            self._inst.timeout = old

    def close(self) -> None:
        self._reader.close()


class _Progress:
    """Adapts pyvisa's monitoring_interface (update(n)) to progress(done, total)."""

    def __init__(self, callback: Callable[[int, int], None], total: int) -> None:
        self.callback = callback
        self.total = total
        self.done = 0

    def update(self, n: int) -> None:
        self.done += n
        self.callback(self.done, self.total)


class _VisaReader:
    """Exact-size reads through pyvisa (any backend)."""

    def __init__(self, inst: Any, chunk: int) -> None:
        self.inst = inst
        self.chunk = chunk

    def read(self, n: int, progress: Callable[[int, int], None] | None = None) -> bytes:
        monitor = _Progress(progress, n) if progress is not None else None
        data = self.inst.read_bytes(n, chunk_size=self.chunk, monitoring_interface=monitor)
        if len(data) != n:
            raise visa_errors.VisaIOError(vc.StatusCode.error_timeout)
        return bytes(data)

    def close(self) -> None:
        pass


class _SocketReader:
    """Exact-size reads straight from a pyvisa-py TCP socket into one buffer.

    Takes what pyvisa-py already buffered first, so nothing is lost or reordered, and
    leaves its buffer consistent for the next pyvisa read.
    """

    _GULP = 4 << 20

    def __init__(self, session: Any, sock: socket.socket, timeout_ms: int) -> None:
        self.session = session
        self.sock = sock
        self.old_timeout = sock.gettimeout()
        sock.settimeout(timeout_ms / 1000)

    @classmethod
    def for_resource(cls, inst: Any, timeout_ms: int) -> _SocketReader | None:
        try:
            session = inst.visalib.sessions[inst.session]
        except Exception:
            return None
        sock = getattr(session, "interface", None)
        pending = getattr(session, "_pending_buffer", None)
        if not isinstance(sock, socket.socket) or not isinstance(pending, bytearray):
            return None
        return cls(session, sock, timeout_ms)

    def read(self, n: int, progress: Callable[[int, int], None] | None = None) -> bytearray:
        buf = bytearray(n)
        view = memoryview(buf)
        pending: bytearray = self.session._pending_buffer
        got = min(len(pending), n)
        if got:
            view[:got] = pending[:got]
            del pending[:got]
            if progress is not None:
                progress(got, n)
        while got < n:
            try:
                k = self.sock.recv_into(view[got:], min(n - got, self._GULP))
            except TimeoutError:
                raise visa_errors.VisaIOError(vc.StatusCode.error_timeout) from None
            if k == 0:
                raise ConnectionResetError("the instrument closed the connection")
            got += k
            if progress is not None:
                progress(got, n)
        return buf

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self.sock.settimeout(self.old_timeout)
