"""Deep-memory BYTE reads: the Oscilloscope driver against raw socket reads of the same bytes.

Both sides talk to the same simulated MSO1104Z (`meterlab sim` in its own
process, as a real scope would be, over TCP on 127.0.0.1) and ask for the
same windows (`:WAV:STAR`/`:WAV:STOP`, 250 000 points per `:WAV:DATA?`, as
the Rigol profile says). The baseline is the least a
program can do: one socket, `recv_into` a preallocated buffer, no parsing
beyond the block header, no conversion. The driver goes through pyvisa-py and
also converts every code to volts (float64, and float32 for comparison). A
ratio ≥ 0.8 is the target (ratio = baseline time / driver time; 1.0 means no
overhead at all). The runs are interleaved; the ratio is of the best times (the
machine's other load only ever adds time), with the ratio of medians beside it.

    uv run python benchmarks/bench_scope.py [--repeat 3] [--sizes 1000000,24000000]
        [--resource TCPIP::127.0.0.1::5555::SOCKET]   # an already running `meterlab sim`
"""

from __future__ import annotations

import argparse
import contextlib
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator

import numpy as np

from meterlab.drivers.scope import Oscilloscope

CHUNK = 250_000


def _recv_exact(sock: socket.socket, view: memoryview) -> None:
    got = 0
    while got < len(view):
        n = sock.recv_into(view[got:])
        if n == 0:
            raise ConnectionError("server closed the connection")
        got += n


def _readline(sock: socket.socket) -> bytes:
    out = bytearray()
    while not out.endswith(b"\n"):
        b = sock.recv(1)
        if not b:
            raise ConnectionError("server closed the connection")
        out += b
    return bytes(out)


def raw_read(host: str, port: int, n: int) -> np.ndarray:
    """The bare baseline: same commands, bytes straight into one numpy buffer."""
    out = np.empty(n, dtype=np.uint8)
    view = memoryview(out)
    with socket.create_connection((host, port)) as sock:
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        sock.sendall(b":WAV:SOUR CHAN1\n:WAV:MODE RAW\n:WAV:FORM BYTE\n")
        sock.sendall(b":WAV:PRE?\n")
        _readline(sock)
        term = bytearray(1)
        for start in range(0, n, CHUNK):
            count = min(CHUNK, n - start)
            sock.sendall(b":WAV:STAR %d\n:WAV:STOP %d\n:WAV:DATA?\n"
                         % (start + 1, start + count))
            head = bytearray(2)
            _recv_exact(sock, memoryview(head))
            digits = bytearray(head[1] - 0x30)
            _recv_exact(sock, memoryview(digits))
            length = int(digits)
            assert length == count, (length, count)
            _recv_exact(sock, view[start : start + count])
            _recv_exact(sock, memoryview(term))
    return out


@contextlib.contextmanager
def simulator(resource: str | None) -> Iterator[str]:
    """The scope resource of a running `meterlab sim`, started here unless one is given."""
    if resource:
        yield resource
        return
    proc = subprocess.Popen(
        [sys.executable, "-m", "meterlab", "sim", "--dmm-port", "0", "--scope-port", "0",
         "--seed", "1"], stdout=subprocess.PIPE, text=True,
    )
    try:
        assert proc.stdout is not None
        for line in proc.stdout:
            if line.startswith("scope "):
                yield line.split()[1]
                break
        else:
            raise RuntimeError("meterlab sim did not start")
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--sizes", default="1000000,24000000")
    ap.add_argument("--resource", default=None, help="use this running simulator")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]

    with simulator(args.resource) as resource:
        _, host, port_text, _ = resource.split("::")
        port = int(port_text)
        scope = Oscilloscope.open(resource)
        scope.conn.timeout_ms = 30_000
        for ch in (2, 3, 4):
            scope.set_channel(ch, display=False)
        scope.set_channel(1, display=True)
        scope.set_logic(False)
        print(f"{'points':>12} {'raw s':>8} {'f64 s':>8} {'f32 s':>8} {'raw MB/s':>9} "
              f"{'ratio f64':>10} {'ratio f32':>10}   (best of {args.repeat}; median ratios)")
        for n in sizes:
            depth = 1_200_000 if n <= 1_200_000 else 24_000_000
            scope.run()
            scope.set_memory_depth(depth)
            time.sleep(0.3)
            scope.single()
            scope.wait_for(("STOP",), timeout_s=60)
            # warm up the simulator's record once so neither side pays for generating it
            scope.read_waveform("CH1", "memory", points=min(n, CHUNK))
            t_raw: list[float] = []
            t_64: list[float] = []
            t_32: list[float] = []
            for _ in range(args.repeat):  # interleaved, so load changes hit all three alike
                t = time.perf_counter()
                codes = raw_read(host, port, n)
                t_raw.append(time.perf_counter() - t)
                assert codes.shape[0] == n
                for dtype, times in ((np.float64, t_64), (np.float32, t_32)):
                    t = time.perf_counter()
                    wf = scope.read_waveform("CH1", "memory", points=n, dtype=dtype)
                    times.append(time.perf_counter() - t)
                    assert len(wf) == n
                    del wf
            r, d64, d32 = (min(x) for x in (t_raw, t_64, t_32))
            mr, m64, m32 = (statistics.median(x) for x in (t_raw, t_64, t_32))
            print(f"{n:>12,} {r:>8.3f} {d64:>8.3f} {d32:>8.3f} {n / r / 1e6:>9.1f} "
                  f"{r / d64:>10.2f} {r / d32:>10.2f}   ({mr / m64:.2f}, {mr / m32:.2f})")
        scope.close()


if __name__ == "__main__":
    main()
