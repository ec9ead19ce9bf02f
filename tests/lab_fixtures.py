"""PostgreSQL for the lab tests: the server `.ci/run` started, or a throwaway one.

`.ci/run` exports METERLAB_TEST_PG (a URL to a database on a private cluster). Without
it, the first test that needs PostgreSQL starts a cluster of its own with the same helper
(`pg_cluster.py`) and stops it at the end of the session. When no PostgreSQL is
installed the tests fail under CI (CI=true) — a missing server must never pass as a
skip there — and are skipped on a developer's machine with the reason.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from urllib.parse import urlsplit, urlunsplit

import pg_cluster
import pytest


def _missing(reason: str) -> None:
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"PostgreSQL is needed in CI: {reason}")
    pytest.skip(f"no PostgreSQL here ({reason}); install the postgresql package")


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """A URL to an existing database on a server these tests may create databases on."""
    url = os.environ.get("METERLAB_TEST_PG", "").strip()
    if url:
        yield url
        return
    if pg_cluster.bin_dir() is None:
        _missing("initdb not found")
    url, base = pg_cluster.start()
    try:
        yield url
    finally:
        pg_cluster.stop(base)


@pytest.fixture
def lab_db(pg_server: str) -> Iterator[str]:
    """A fresh, empty lab database for one test; dropped afterwards."""
    import psycopg

    name = f"lab_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(pg_server, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    parts = urlsplit(pg_server)
    yield urlunsplit((parts.scheme, parts.netloc, f"/{name}", parts.query, ""))
    with psycopg.connect(pg_server, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def own_pg_cluster() -> Iterator[tuple[str, object]]:
    """A private cluster this test may stop and start again: (URL, its folder). Its folder
    is a fresh one under the system temp folder, which the `postgres` user can reach."""
    if pg_cluster.bin_dir() is None:
        _missing("initdb not found")
    url, base = pg_cluster.start()
    try:
        yield url, base
    finally:
        pg_cluster.stop(base)
