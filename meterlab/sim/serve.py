"""Serve the simulated bench until told to stop: the body of `meterlab sim`, without click.

The desktop app's demo bench is this, in a child process (`python -m meterlab.sim`,
see `sim/process.py`). Its start-up is on the way to the app's first reading, so
the child imports only the simulator and the standard library: not click and
the command tree, which the `meterlab sim` command (`commands/sim.py`) adds for
people typing it.
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from collections.abc import Sequence


def serve(*, host: str = "127.0.0.1", dmm_port: int = 5025, scope_port: int = 5555,
          seed: int = 0, faults: Sequence[str] = (), allow_remote: bool = False,
          lan: bool = True, exit_with_stdin: bool = False) -> None:
    """Start the bench, print its resources (raw sockets first), serve until a stop.

    A stop is SIGINT, SIGTERM or, with `exit_with_stdin`, end of file on stdin: the
    parent that started this bench holds the other end of that pipe, and the operating
    system closes it however the parent ends, a crash included, so no simulator is
    left behind listening.
    """
    from meterlab.sim.bench import SimulatedBench

    bench = SimulatedBench(seed=seed, faults=list(faults), host=host, dmm_port=dmm_port,
                           scope_port=scope_port, allow_remote=allow_remote, lan=lan)
    stop = threading.Event()

    def _stop(signum: int, frame: object) -> None:
        stop.set()

    signal.signal(signal.SIGINT, _stop)
    signal.signal(signal.SIGTERM, _stop)
    if exit_with_stdin:
        threading.Thread(target=_wait_for_eof, args=(stop,), name="parent-watch",
                         daemon=True).start()
    bench.start()
    try:
        lines = [f"dmm {bench.dmm_resource}", f"scope {bench.scope_resource}"]
        for which, resources in bench.lan_resources.items():
            lines += [f"{which} {res}" for res in resources]
        sys.stdout.write("\n".join(lines) + "\n")
        sys.stdout.flush()
        if bench.lan_notes:
            sys.stderr.write("meterlab sim: " + " ".join(bench.lan_notes)
                             + " The other resources are served.\n")
            sys.stderr.flush()
        while not stop.wait(0.5):
            pass
    finally:
        bench.stop()


def _wait_for_eof(stop: threading.Event) -> None:
    """Set `stop` once stdin is closed (nothing is ever expected on it)."""
    try:
        while sys.stdin.buffer.read(4096):
            pass
    except (OSError, ValueError):
        pass
    stop.set()


def main(argv: Sequence[str] | None = None) -> int:
    """`python -m meterlab.sim`: the options `BenchProcess` passes (see `meterlab sim --help`).

    Mistakes are one line on stderr and exit code 2, as from the `meterlab` command.
    """
    from meterlab.errors import MeterlabError

    ap = argparse.ArgumentParser(prog="python -m meterlab.sim",
                                 description="Serve the simulated bench (see `meterlab sim`).")
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--dmm-port", type=int, default=5025)
    ap.add_argument("--scope-port", type=int, default=5555)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--fault", dest="faults", action="append", default=[])
    ap.add_argument("--allow-remote", action="store_true")
    ap.add_argument("--lan", dest="lan", action="store_true", default=True)
    ap.add_argument("--no-lan", dest="lan", action="store_false")
    ap.add_argument("--exit-with-stdin", action="store_true")
    args = ap.parse_args(argv)
    from meterlab.sim.board import FAULTS

    unknown = [f for f in args.faults if f.lower() not in FAULTS]
    if unknown:
        sys.stderr.write(f"meterlab sim: unknown fault {unknown[0]!r}; choose from "
                         f"{', '.join(FAULTS)}. Nothing was started.\n")
        return 2
    try:
        serve(host=args.host, dmm_port=args.dmm_port, scope_port=args.scope_port,
              seed=args.seed, faults=[f.lower() for f in args.faults],
              allow_remote=args.allow_remote, lan=args.lan,
              exit_with_stdin=args.exit_with_stdin)
    except MeterlabError as exc:
        sys.stderr.write(f"meterlab sim: {exc}\n")
        return 2
    except OSError as exc:
        sys.stderr.write(f"meterlab sim: cannot listen ({exc.strerror or exc}). Nothing "
                         "is served; choose other ports with --dmm-port/--scope-port.\n")
        return 2
    return 0
