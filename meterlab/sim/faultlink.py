"""A fault-injecting link: a TCP proxy on 127.0.0.1 between meterlab and an instrument.

Part of the simulated bench's tooling, not of meterlab's client: it knows nothing of
VISA or of the drivers, only bytes and where a reply ends (a line, or a `#` block with
its terminator). Faults act on the instrument's replies, as a bad cable, a busy switch
or a crashed instrument would:

* `drop()` — the next reply is cut in the middle and the connection closed;
* `stall(s)` — replies are held for `s` seconds, then delivered late, in order;
* `garbage(data)` — bytes injected before the next reply;
* `truncate_block(k)` / `lengthen_block(k)` — the next `#` block loses / gains `k` data
  bytes while its header still states the original length;
* `delay(s)` — every reply waits `s` seconds (0 clears it);
* `repeat()` — the next reply is sent twice;
* `restart()` — every connection is dropped and the instrument is sent `*RST` (its state
  back to power-on), as a power cycle would.

`at_block(n, fault)` calls `fault(link)` just before the n-th `#` block holding data from
now goes out, `at_reply(n, fault)` before the n-th reply of any kind, so the fault acts on
exactly that reply: the middle of a scope's deep memory read (read window by window), or
a restart while a measurement's answer is on its way.

`FaultLink(host, port).start()` listens on a free port (`.port`, `.resource`); it logs
what it was told and when each fault acted on a reply in `.events` (monotonic time,
what; "acted: …" for the latter), so a test can tell which question a fault hit. Run by hand:
`python -m meterlab.sim.faultlink --target 127.0.0.1:5025 --port 6025`, then type fault
commands (`drop`, `stall 5`, `garbage XYZ`, `truncate 10`, `lengthen 10`, `delay 0.2`,
`repeat`, `restart`) on its standard input.
"""

from __future__ import annotations

import argparse
import contextlib
import socket
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class _Faults:
    drop: bool = False
    stall_until: float = 0.0
    garbage: bytes = b""
    block_delta: int = 0       # <0 truncate, >0 lengthen the next # block
    delay: float = 0.0
    repeat: bool = False
    lock: threading.Lock = field(default_factory=threading.Lock)


def reply_end(buf: bytes | bytearray) -> int | None:
    """Where the first complete reply in `buf` ends (index after it), or None if it has not
    fully arrived. A reply is a `#` definite block plus its newline, or a line."""
    start = 0
    while start < len(buf) and buf[start:start + 1] in (b" ", b"\r"):
        start += 1
    if buf[start:start + 1] == b"#":
        if len(buf) < start + 2:
            return None
        nd = buf[start + 1:start + 2]
        if nd.isdigit() and nd != b"0":
            k = int(nd)
            if len(buf) < start + 2 + k:
                return None
            digits = bytes(buf[start + 2:start + 2 + k])
            if digits.isdigit():
                end = start + 2 + k + int(digits)
                nl = buf.find(b"\n", end)
                return None if nl < 0 else nl + 1
    nl = buf.find(b"\n", start)
    return None if nl < 0 else nl + 1


def _block_data_length(reply: bytes) -> int:
    """Data bytes of a `#` block reply (-1 if it is not one): a fault meant for readings
    waits for a block that holds some, not an empty one."""
    r = reply.lstrip(b" \r")
    if r[:1] != b"#" or not r[1:2].isdigit() or r[1:2] == b"0":
        return -1
    digits = r[2:2 + int(r[1:2])]
    return int(digits) if digits.isdigit() else -1


class FaultLink:
    """The proxy; thread-safe fault switches, one pair of pump threads per connection."""

    def __init__(self, host: str, port: int, *, listen_port: int = 0) -> None:
        self.target = (host, port)
        self._sock = socket.create_server(("127.0.0.1", listen_port))
        self._sock.settimeout(0.1)
        self.port = int(self._sock.getsockname()[1])
        self.f = _Faults()
        self.events: list[tuple[float, str]] = []
        self._pairs: list[tuple[socket.socket, socket.socket]] = []
        self._blocks = self._replies = 0
        self._delay_logged = False
        self._at_block: dict[int, Callable[[FaultLink], None]] = {}
        self._at_reply: dict[int, Callable[[FaultLink], None]] = {}
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, name="faultlink", daemon=True)

    @property
    def resource(self) -> str:
        return f"TCPIP::127.0.0.1::{self.port}::SOCKET"

    def start(self) -> FaultLink:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(2)
        self._drop_all()
        self._sock.close()

    def __enter__(self) -> FaultLink:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def at_block(self, n: int, fault: Callable[[FaultLink], None]) -> None:
        """Switch `fault` on just before the n-th data block from now (1: the next) is sent."""
        with self.f.lock:
            self._at_block[self._blocks + n] = fault

    def at_reply(self, n: int, fault: Callable[[FaultLink], None]) -> None:
        """Switch `fault` on just before the n-th reply from now (1: the next) is sent."""
        with self.f.lock:
            self._at_reply[self._replies + n] = fault

    def acted_at(self) -> float | None:
        """When a fault first acted on a reply (time.monotonic()), or None if none did."""
        return next((t for t, what in list(self.events) if what.startswith("acted")), None)

    # -- faults ---------------------------------------------------------------------------

    def _log(self, what: str) -> None:
        self.events.append((time.monotonic(), what))

    def drop(self) -> None:
        with self.f.lock:
            self.f.drop = True
        self._log("drop")

    def stall(self, seconds: float) -> None:
        with self.f.lock:
            self.f.stall_until = time.monotonic() + seconds
        self._log(f"stall {seconds:g}")

    def garbage(self, data: bytes = b"\x00\xff#9GARBAGE\n") -> None:
        with self.f.lock:
            self.f.garbage += data
        self._log(f"garbage {data!r}")

    def truncate_block(self, k: int) -> None:
        with self.f.lock:
            self.f.block_delta = -abs(k)
        self._log(f"truncate {k}")

    def lengthen_block(self, k: int) -> None:
        with self.f.lock:
            self.f.block_delta = abs(k)
        self._log(f"lengthen {k}")

    def delay(self, seconds: float) -> None:
        with self.f.lock:
            self.f.delay = max(0.0, seconds)
            self._delay_logged = False
        self._log(f"delay {seconds:g}")

    def repeat(self) -> None:
        with self.f.lock:
            self.f.repeat = True
        self._log("repeat")

    def restart(self) -> None:
        """A power cycle: the instrument is back in its *RST state, and connections drop.

        Reset first, then cut: as with a real power cycle, whoever notices the cut and
        reconnects finds the instrument already restarted. (Cut first, a client that
        reconnected quickly on a loaded machine could still find the old state, a
        stopped scope with its record, and the reset then came in the middle of its
        next read.)
        """
        self._log("acted: restart")
        with contextlib.suppress(OSError), socket.create_connection(self.target, 2) as s:
            s.sendall(b"*RST;*CLS\n*OPC?\n")
            s.settimeout(2)
            with contextlib.suppress(OSError):
                s.recv(64)
        self._drop_all()
        self._log("restart")

    # -- plumbing -------------------------------------------------------------------------

    def _drop_all(self) -> None:
        with self._lock:
            pairs, self._pairs = self._pairs, []
        for a, b in pairs:
            for s in (a, b):
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)
                with contextlib.suppress(OSError):
                    s.close()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                client, _ = self._sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            try:
                upstream = socket.create_connection(self.target, 5)
            except OSError:
                client.close()
                continue
            for s in (client, upstream):
                s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            with self._lock:
                self._pairs.append((client, upstream))
            threading.Thread(target=self._pump_up, args=(client, upstream), daemon=True).start()
            threading.Thread(target=self._pump_down, args=(upstream, client), daemon=True).start()

    def _close(self, a: socket.socket, b: socket.socket) -> None:
        with self._lock:
            self._pairs = [p for p in self._pairs if p != (a, b) and p != (b, a)]
        for s in (a, b):
            with contextlib.suppress(OSError):
                s.shutdown(socket.SHUT_RDWR)
            with contextlib.suppress(OSError):
                s.close()

    def _pump_up(self, client: socket.socket, upstream: socket.socket) -> None:
        """Commands go to the instrument untouched."""
        try:
            while True:
                data = client.recv(65536)
                if not data:
                    break
                upstream.sendall(data)
        except OSError:
            pass
        self._close(client, upstream)

    def _pump_down(self, upstream: socket.socket, client: socket.socket) -> None:
        """Replies come back reply by reply, each through the faults switched on."""
        buf = bytearray()
        try:
            while True:
                end = reply_end(buf)
                if end is None:
                    data = upstream.recv(1 << 20)
                    if not data:
                        break
                    buf += data
                    continue
                reply = bytes(buf[:end])
                del buf[:end]
                if not self._send_reply(reply, client):
                    break
        except OSError:
            pass
        self._close(upstream, client)

    def _send_reply(self, reply: bytes, client: socket.socket) -> bool:
        f = self.f
        with f.lock:
            self._replies += 1
            armed = [self._at_reply.pop(self._replies, None)]
            if _block_data_length(reply) > 0:
                self._blocks += 1
                armed.append(self._at_block.pop(self._blocks, None))
        for fault in armed:
            if fault is not None:
                fault(self)
        with f.lock:
            drop, f.drop = f.drop, False
            garbage, f.garbage = f.garbage, b""
            delta = f.block_delta if _block_data_length(reply) > abs(f.block_delta) else 0
            if delta:
                f.block_delta = 0
            repeat, f.repeat = f.repeat, False
            delay = f.delay
            stall_until = f.stall_until
        wait = max(delay, stall_until - time.monotonic())
        if stall_until - time.monotonic() > 0:
            self._log("acted: stall")
        elif delay > 0 and not self._delay_logged:
            self._delay_logged = True
            self._log("acted: delay")
        if drop or garbage or delta or repeat:
            what = "drop" if drop else "garbage" if garbage else "repeat" if repeat else \
                f"block {delta:+d}"
            self._log(f"acted: {what}")
        if wait > 0:
            time.sleep(wait)
        if drop:
            client.sendall(reply[:max(1, len(reply) // 2)])
            return False
        if delta < 0:
            body_end = reply.rfind(b"\n")
            reply = reply[:max(0, body_end + delta)] + reply[body_end:]
        elif delta > 0:
            body_end = reply.rfind(b"\n")
            reply = reply[:body_end] + b"7" * delta + reply[body_end:]
        client.sendall(garbage + reply + (reply if repeat else b""))
        return True


def _command(link: FaultLink, cmd: str, arg: str) -> bool:
    """One fault command typed on standard input; False if there is no such command."""
    if cmd == "drop":
        link.drop()
    elif cmd == "stall":
        link.stall(float(arg))
    elif cmd == "garbage":
        link.garbage(arg.encode() + b"\n")
    elif cmd == "truncate":
        link.truncate_block(int(arg))
    elif cmd == "lengthen":
        link.lengthen_block(int(arg))
    elif cmd == "delay":
        link.delay(float(arg))
    elif cmd == "repeat":
        link.repeat()
    elif cmd == "restart":
        link.restart()
    else:
        return False
    return True


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description="Fault-injecting TCP link for the simulated bench.")
    ap.add_argument("--target", required=True, help="HOST:PORT of the instrument")
    ap.add_argument("--port", type=int, default=0, help="port to listen on (127.0.0.1)")
    args = ap.parse_args(argv)
    host, _, port = args.target.rpartition(":")
    link = FaultLink(host or "127.0.0.1", int(port), listen_port=args.port).start()
    print(f"fault link on {link.resource} → {args.target}; commands: drop, stall S, "
          f"garbage TEXT, truncate K, lengthen K, delay S, repeat, restart", flush=True)
    try:
        for line in sys.stdin:
            cmd, _, arg = line.strip().partition(" ")
            try:
                done = _command(link, cmd, arg)
            except ValueError:
                print(f"bad argument: {line.strip()}", flush=True)
                continue
            if done:
                print(f"ok: {line.strip()}", flush=True)
            elif cmd:
                print(f"unknown command {cmd!r}", flush=True)
    except KeyboardInterrupt:
        pass
    finally:
        link.stop()


if __name__ == "__main__":
    main()
