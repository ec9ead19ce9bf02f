"""A throwaway PostgreSQL cluster for the lab tests, CI and the lab benchmark.

Used two ways: `.ci/run` calls `python tests/pg_cluster.py start DIR` (prints the URL
the tests read from METERLAB_TEST_PG) and `... stop DIR` from its exit trap; the test
fixture in `conftest.py` calls `start`/`stop` itself when no server was given, so a
developer's `uv run pytest tests/test_lab*.py` needs nothing but the operating system's
PostgreSQL packages. initdb refuses to run as root, so as root the server runs as the
`postgres` user the Debian package creates. It listens on 127.0.0.1 on a free port only,
with fsync off: a test database is thrown away, it need not survive a power cut.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DB_NAME = "meterlab_test"


def bin_dir() -> Path | None:
    """The newest installed PostgreSQL server binaries (Debian/Ubuntu layout, then PATH)."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                   key=lambda p: int(Path(p).parent.parent.name))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _as_owner(cmd: list[str]) -> list[str]:
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *cmd]
    return cmd


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start(base: Path | None = None) -> tuple[str, Path]:
    """Create and start a cluster in BASE (a new temp folder by default); (URL, folder)."""
    bins = bin_dir()
    if bins is None:
        raise RuntimeError("PostgreSQL server binaries not found; install them with "
                           "`apt-get install -y postgresql`.")
    base = Path(base) if base else Path(tempfile.mkdtemp(prefix="meterlab-pg-"))
    base.mkdir(parents=True, exist_ok=True)
    if os.geteuid() == 0:
        shutil.chown(base, "postgres", "postgres")
    data = base / "data"
    user = "postgres" if os.geteuid() == 0 else os.environ.get("USER", "postgres")
    subprocess.run(_as_owner([str(bins / "initdb"), "-D", str(data), "-A", "trust", "-U", user,
                              "-E", "UTF8", "--no-sync"]),
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    port = _free_port()
    opts = (f"-p {port} -k {base} -c listen_addresses=127.0.0.1 -c fsync=off "
            f"-c synchronous_commit=off -c full_page_writes=off -c max_connections=60")
    subprocess.run(_as_owner([str(bins / "pg_ctl"), "-D", str(data), "-o", opts, "-l",
                              str(base / "log"), "-w", "-t", "60", "start"]),
                   check=True, stdout=subprocess.DEVNULL)
    (base / "port").write_text(str(port))
    subprocess.run(_as_owner([str(bins / "createdb"), "-h", "127.0.0.1", "-p", str(port),
                              "-U", user, DB_NAME]), check=True)
    return f"postgresql://{user}@127.0.0.1:{port}/{DB_NAME}", base


def pg_ctl(base: Path, action: str) -> None:
    """Stop (`stop`) or start again (`start`) the cluster in BASE, keeping its data."""
    bins = bin_dir()
    data = Path(base) / "data"
    if action == "stop":
        subprocess.run(_as_owner([str(bins / "pg_ctl"), "-D", str(data), "-m", "fast", "-w",
                                  "stop"]), check=True, stdout=subprocess.DEVNULL)
        return
    port = (Path(base) / "port").read_text().strip()
    opts = (f"-p {port} -k {base} -c listen_addresses=127.0.0.1 -c fsync=off "
            f"-c synchronous_commit=off -c max_connections=60")
    subprocess.run(_as_owner([str(bins / "pg_ctl"), "-D", str(data), "-o", opts, "-l",
                              str(Path(base) / "log"), "-w", "start"]),
                   check=True, stdout=subprocess.DEVNULL)


def stop(base: Path) -> None:
    """Stop the cluster in BASE (whatever state it is in) and remove its folder."""
    bins = bin_dir()
    data = Path(base) / "data"
    if bins is not None and (data / "postmaster.pid").exists():
        with contextlib.suppress(subprocess.CalledProcessError):
            subprocess.run(_as_owner([str(bins / "pg_ctl"), "-D", str(data), "-m",
                                      "immediate", "-w", "stop"]),
                           check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(50):
        if not (data / "postmaster.pid").exists():
            break
        time.sleep(0.1)
    shutil.rmtree(base, ignore_errors=True)


def main(argv: list[str]) -> int:
    if len(argv) == 3 and argv[1] == "start":
        url, _ = start(Path(argv[2]))
        print(url)
        return 0
    if len(argv) == 3 and argv[1] == "stop":
        stop(Path(argv[2]))
        return 0
    print("usage: pg_cluster.py start DIR | stop DIR", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
