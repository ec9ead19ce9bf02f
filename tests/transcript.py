"""Replay a protocol transcript as a tiny SCPI server, so drivers can be tested over real TCP.

Instruments the simulated bench does not imitate are tested against transcripts built from
their programming guides: an ordered list of what the driver must send and what the
instrument answers. The test drives the real driver through pyvisa-py
(`TCPIP::127.0.0.1::<port>::SOCKET`) against a `TranscriptServer`, then calls
`assert_complete()`: every pair must have been used, in order, and nothing else sent. That
catches both a driver that forgets a command and one that sends a stray one.

Transcript file (TOML)::

    # what this transcript shows, and where the commands come from
    description = "Keysight 34461A: configure DC volts, read one value"

    [[pair]]
    send = "*IDN?"
    reply = "Keysight Technologies,34461A,MY12345678,A.03.01-02.40-03.01-00.52-03-01"

    [[pair]]
    send = "CONF:VOLT:DC AUTO"          # a command: no reply key, nothing is answered

    [[pair]]
    send = "R? 1000"
    reply_hex = "233231352e3030303030303030452b30300a"   # exact bytes, no terminator added

Reply keys (at most one): `reply` (text; "\\n" is appended), `reply_hex` or `reply_b64`
(exact bytes, nothing appended — for blocks, truncated or garbled replies). Optional keys:
`delay_s` (wait before answering, to provoke a timeout) and `close = true` (drop the
connection after this pair, to imitate an instrument that was switched off).

A line that does not match the next expected pair is recorded as unexpected and gets no
answer, which is what a real instrument does with an unknown query (the read times out).
The server accepts several connections in turn (a driver that reconnects) and they share
one position in the transcript.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import socket
import threading
import time
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

TRANSCRIPT_DIR = Path(__file__).parent / "transcripts"


@dataclass(frozen=True)
class Pair:
    """One step of a transcript: a line the driver must send and the exact answer bytes."""

    send: str
    reply: bytes | None = None
    delay_s: float = 0.0
    close: bool = False

    @staticmethod
    def from_dict(d: dict[str, Any], where: str = "") -> Pair:
        known = {"send", "reply", "reply_hex", "reply_b64", "delay_s", "close"}
        unknown = set(d) - known
        if unknown or "send" not in d:
            raise ValueError(f"{where}: bad transcript pair {d!r} (unknown keys {sorted(unknown)})")
        replies = [k for k in ("reply", "reply_hex", "reply_b64") if k in d]
        if len(replies) > 1:
            raise ValueError(f"{where}: pair {d['send']!r} has more than one reply key")
        reply: bytes | None = None
        if "reply" in d:
            reply = str(d["reply"]).encode("latin-1") + b"\n"
        elif "reply_hex" in d:
            reply = binascii.unhexlify("".join(str(d["reply_hex"]).split()))
        elif "reply_b64" in d:
            reply = base64.b64decode(str(d["reply_b64"]))
        return Pair(
            send=str(d["send"]),
            reply=reply,
            delay_s=float(d.get("delay_s", 0.0)),
            close=bool(d.get("close", False)),
        )


def load_transcript(path: str | Path) -> list[Pair]:
    """Read a transcript file; a bare name is looked up in tests/transcripts/."""
    p = Path(path)
    if not p.is_absolute() and not p.exists():
        p = TRANSCRIPT_DIR / p
    with p.open("rb") as fh:
        data = tomllib.load(fh)
    return [Pair.from_dict(d, f"{p.name} pair {i + 1}") for i, d in enumerate(data["pair"])]


def cmd(send: str) -> Pair:
    """A command with no reply (shorthand for building transcripts in test code)."""
    return Pair(send)


def q(send: str, reply: str | bytes, **kw: Any) -> Pair:
    """A query and its reply; text gets "\\n" appended, bytes are sent as they are."""
    raw = reply.encode("latin-1") + b"\n" if isinstance(reply, str) else reply
    return Pair(send, raw, **kw)


class TranscriptServer:
    """Serve `pairs` on 127.0.0.1 (a free port) from a background thread.

    Use as a context manager; `resource` is the VISA resource string to open.
    """

    def __init__(self, pairs: list[Pair] | str | Path, *, host: str = "127.0.0.1") -> None:
        self.pairs: list[Pair] = (
            load_transcript(pairs) if isinstance(pairs, str | Path) else list(pairs)
        )
        self.used = [False] * len(self.pairs)
        self.unexpected: list[str] = []
        self.received: list[str] = []
        self.connections = 0
        self._pos = 0
        self._lock = threading.Lock()
        self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind((host, 0))
        self._listener.listen(4)
        self._listener.settimeout(0.05)
        self.host = host
        self.port: int = self._listener.getsockname()[1]
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._clients: list[socket.socket] = []
        self._accept_thread = threading.Thread(target=self._accept_loop, daemon=True)

    @property
    def resource(self) -> str:
        return f"TCPIP::{self.host}::{self.port}::SOCKET"

    def start(self) -> TranscriptServer:
        self._accept_thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._accept_thread.join(timeout=2)
        for c in list(self._clients):
            with contextlib.suppress(OSError):
                c.close()
        for t in self._threads:
            t.join(timeout=2)
        self._listener.close()

    def __enter__(self) -> TranscriptServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- what the test asserts -------------------------------------------------------------

    def unused(self) -> list[str]:
        return [p.send for p, u in zip(self.pairs, self.used, strict=True) if not u]

    def assert_complete(self, timeout: float = 2.0) -> None:
        """Every pair used, in order, and nothing unexpected sent."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and not all(self.used) and not self.unexpected:
            time.sleep(0.01)
        problems = []
        if self.unexpected:
            problems.append(f"unexpected lines: {self.unexpected!r}")
        if not all(self.used):
            problems.append(f"unused pairs: {self.unused()!r}")
        assert not problems, "; ".join(problems) + f" (received: {self.received!r})"

    # -- serving ---------------------------------------------------------------------------

    def _accept_loop(self) -> None:
        while not self._stop.is_set():
            try:
                client, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            client.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            self.connections += 1
            self._clients.append(client)
            t = threading.Thread(target=self._serve, args=(client,), daemon=True)
            self._threads.append(t)
            t.start()

    def _serve(self, client: socket.socket) -> None:
        client.settimeout(0.05)
        buf = b""
        with client:
            while not self._stop.is_set():
                try:
                    chunk = client.recv(65536)
                except TimeoutError:
                    continue
                except OSError:
                    return
                if not chunk:
                    return
                buf += chunk
                while b"\n" in buf:
                    line, buf = buf.split(b"\n", 1)
                    if not self._answer(client, line.rstrip(b"\r").decode("latin-1")):
                        return

    def _answer(self, client: socket.socket, line: str) -> bool:
        """Answer one line; False when the transcript says to drop the connection."""
        with self._lock:
            self.received.append(line)
            pair = self.pairs[self._pos] if self._pos < len(self.pairs) else None
            if pair is None or pair.send != line:
                self.unexpected.append(line)
                return True
            self.used[self._pos] = True
            self._pos += 1
        if pair.delay_s:
            time.sleep(pair.delay_s)
        if pair.reply is not None:
            try:
                client.settimeout(10.0)  # a slow reader must not cut a big block short
                client.sendall(pair.reply)
                client.settimeout(0.05)
            except OSError:
                return False
        if pair.close:
            with contextlib.suppress(OSError):
                client.shutdown(socket.SHUT_RDWR)
            return False
        return True
