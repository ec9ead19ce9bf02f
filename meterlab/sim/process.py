"""The simulated bench in a child process (`meterlab sim`), for the desktop app's demo mode.

Served in the app's own interpreter, the simulated 34465A and MSO1104Z compete
with the GUI for one interpreter lock: the meter view then received about half
of the 50 kSa/s the simulated meter makes at 0.001 PLC, and the window stuttered.
A real instrument computes on its own hardware; in its own process the simulator
does too, and the app talks to it over TCP exactly as to a real one.

`BenchProcess` starts `python -m meterlab.sim` (`meterlab sim`) on free ports (port 0) and reads
the two resource lines it prints. It returns at once: the child starts while
the app imports Qt, and whoever needs an address waits for it (on a worker
thread; the GUI asks `ready` first). The child stops when `stop()` is called,
and also when its stdin reaches end of file (`--exit-with-stdin`): the parent
holds the write end of that pipe and the operating system closes it however the
parent ends, a crash or a kill included, so no simulator is left listening.

Like the rest of `meterlab.sim` it shares no code with the client side: it only
starts a process and reads text.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import threading
from collections import deque
from collections.abc import Iterable

from meterlab.errors import UsageError

#: The simulator's numpy computes on one thread. Its OpenBLAS would otherwise start a
#: worker per further core when numpy loads, which spins for about 0.1 s of CPU waiting
#: for work that never comes (the simulator multiplies no matrices), on the core the
#: app is starting on: 15 paired starts of `bench_gui.py` put the first reading at
#: 3.06× the bare window with it, 3.35× without.
_QUIET_NUMPY = {"OPENBLAS_NUM_THREADS": "1"}

#: How long the simulator may take to listen before the app says it could not start it.
START_TIMEOUT_S = 30.0


class BenchProcess:
    """`meterlab sim` in a child process; the same addresses as an in-process `SimulatedBench`."""

    def __init__(self, *, seed: int = 1, faults: Iterable[str] = (),
                 give_way: bool = True) -> None:
        """`give_way`: lower its priority once it listens (`_yield_to_the_app`); off where
        the simulated meter must keep its full rate whatever else the PC runs (the soak
        counts every reading it makes, as an instrument with its own CPU would make them)."""
        self.seed = seed
        self._give_way = give_way
        # `-m meterlab.sim`, not `-m meterlab sim`: the same server without click and the
        # command tree, whose imports would delay the app's first reading.
        cmd = [sys.executable, "-m", "meterlab.sim", "--dmm-port", "0", "--scope-port", "0",
               "--seed", str(seed), "--exit-with-stdin", "--no-lan"]
        for name in faults:
            cmd += ["--fault", name]
        self._ready = threading.Event()
        self._resources: dict[str, str] = {}
        self._stderr: deque[str] = deque(maxlen=20)
        self._stopped = False
        self.proc = subprocess.Popen(  # noqa: S603  (our own interpreter, fixed arguments)
            cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            text=True, encoding="utf-8", errors="replace", bufsize=1,
            env={**os.environ, **_QUIET_NUMPY},
        )
        threading.Thread(target=self._read_stdout, name="bench-stdout", daemon=True).start()
        self._stderr_reader = threading.Thread(target=self._read_stderr, name="bench-stderr",
                                               daemon=True)
        self._stderr_reader.start()

    # -- the child's output (reader threads) ----------------------------------------
    def _read_stdout(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            role, _, resource = line.strip().partition(" ")
            if role in ("dmm", "scope") and resource:
                self._resources.setdefault(role, resource)  # the raw socket comes first
            if len(self._resources) == 2 and not self._ready.is_set():
                if self._give_way:
                    _yield_to_the_app(self.proc)
                self._ready.set()
        self._ready.set()  # ended before or after printing: nobody waits in vain

    def _read_stderr(self) -> None:
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            if line.strip():
                self._stderr.append(line.rstrip())

    # -- what callers ask -------------------------------------------------------------
    @property
    def ready(self) -> bool:
        """True once both addresses are known, or the child has ended (never blocks)."""
        return self._ready.is_set()

    def wait_ready(self, timeout: float = START_TIMEOUT_S) -> BenchProcess:
        """Wait until both instruments listen; a `UsageError` says why when they do not."""
        self._ready.wait(timeout)
        if len(self._resources) < 2:
            if self._ready.is_set() and not self._stopped:
                # Its stdout ended: let it finish, and its last words reach us.
                with contextlib.suppress(subprocess.TimeoutExpired):
                    self.proc.wait(2.0)
                self._stderr_reader.join(2.0)
            detail = self._stderr[-1] if self._stderr else ""
            if self._stopped:
                why = "it was stopped"
            elif self.proc.poll() is None:
                why = f"it did not listen within {timeout:g} s"
            else:
                why = f"it ended ({detail or f'exit code {self.proc.returncode}'})"
            raise UsageError(
                f"The simulated bench could not start: {why}. Nothing was measured; "
                "start it by hand with `meterlab sim` to see why, or connect a real "
                "instrument from Instruments.")
        return self

    @property
    def dmm_resource(self) -> str:
        return self.wait_ready()._resources["dmm"]

    @property
    def scope_resource(self) -> str:
        return self.wait_ready()._resources["scope"]

    @property
    def running(self) -> bool:
        return self.proc.poll() is None

    def stop(self, timeout: float = 5.0) -> None:
        """End the child: close its stdin (it stops itself), then terminate, then kill."""
        self._stopped = True
        if self.proc.stdin is not None:
            with contextlib.suppress(OSError):
                self.proc.stdin.close()
        try:
            self.proc.wait(timeout / 2)
        except subprocess.TimeoutExpired:
            self.proc.terminate()
            try:
                self.proc.wait(timeout / 2)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self._ready.set()

    def __enter__(self) -> BenchProcess:
        return self.wait_ready()

    def __exit__(self, *exc: object) -> None:
        self.stop()


#: The simulator's scheduling priority once it listens (Unix nice; 0 is the app's own).
NICE = 10


def _yield_to_the_app(proc: subprocess.Popen[str]) -> None:
    """Let the app's process go first whenever the two want the same core.

    A real instrument computes on its own hardware and never takes the PC's CPU from
    the window; the simulator standing in for it must not either. At equal priority,
    on a 2-core PC with one core busy elsewhere, it did: the GUI thread waited its turn
    behind the simulated meter's 50 kSa/s and the scope's sweeps, and the event loop's
    p99 lateness was 31–34 ms. At nice 10 it was 12–15 ms (paired runs of `bench_gui.py
    live --load busy`), with the meter still delivering its full rate and the scope as
    many frames a second. Lowered only once it listens, so its own start-up, which the first
    reading waits for, keeps full priority. Best effort: where priorities cannot be
    changed the bench simply runs as before.
    """
    with contextlib.suppress(OSError, AttributeError):
        if sys.platform == "win32":
            import ctypes

            below_normal = 0x4000  # BELOW_NORMAL_PRIORITY_CLASS
            handle = int(proc._handle)  # type: ignore[attr-defined]
            ctypes.windll.kernel32.SetPriorityClass(handle, below_normal)  # type: ignore[attr-defined]
        else:
            for task in _threads_of(proc.pid):
                os.setpriority(os.PRIO_PROCESS, task, NICE)


def _threads_of(pid: int) -> list[int]:
    """The ids to renice: on Linux a priority belongs to each thread (the simulator's
    servers already run on threads of their own, and threads they start later inherit
    their starter's), elsewhere to the process."""
    try:
        return [int(t) for t in os.listdir(f"/proc/{pid}/task")]
    except OSError:
        return [pid]


def start_for_window(demo: bool) -> BenchProcess | None:
    """The demo bench's process, started now if the window will surely use it (`demo`).

    `meterlab --demo` calls this before Qt loads, so the simulator's own start-up
    (numpy, the instruments) runs on the other core meanwhile instead of after it.
    Without `demo` the saved settings decide, and the window starts it itself.
    """
    return BenchProcess(seed=1) if demo else None
