"""The read-ahead thread of the streamed Parquet export: every piece arrives in order,
the producer's error reaches the consumer, an export that fails while writing stops and
joins the producer (no thread left reading the store), and memory stays bounded (the
producer is never more than one piece ahead)."""

from __future__ import annotations

import itertools
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from meterlab import export_stream
from meterlab.errors import StoreError, UsageError
from meterlab.export import export_sessions
from meterlab.export_ahead import ReadAhead
from meterlab.store import SessionStore
from tests.bigsession import make_big_session


def ahead_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "meterlab-export-ahead"]


def test_every_item_arrives_in_order() -> None:
    ahead = ReadAhead(iter(range(1000)))
    assert list(ahead) == list(range(1000))
    ahead.close()
    assert not ahead_threads()


def test_the_producers_error_is_raised_in_the_consumer() -> None:
    def pieces() -> Iterator[int]:
        yield 1
        raise StoreError("the database went away")

    got: list[int] = []
    ahead = ReadAhead(pieces())
    with pytest.raises(StoreError, match="went away"):
        got.extend(ahead)
    ahead.close()
    assert got == [1]


def test_close_stops_the_producer_one_piece_ahead_and_runs_its_cleanup() -> None:
    produced: list[int] = []
    cleaned = threading.Event()

    def pieces() -> Iterator[int]:
        try:
            for k in itertools.count():
                produced.append(k)
                yield k
        finally:
            cleaned.set()

    ahead = ReadAhead(pieces(), depth=1)
    assert next(iter(ahead)) == 0
    time.sleep(0.2)  # let the producer run as far ahead as it may
    # the piece taken, one queued, one finished and waiting for room: never more
    assert len(produced) == 3
    ahead.close()
    assert cleaned.is_set() and not ahead_threads()


@pytest.fixture()
def store(tmp_path: Path) -> Iterator[SessionStore]:
    make_big_session(tmp_path / "s.db", 40, batch=5, overload_every=7)
    with SessionStore(tmp_path / "s.db") as s:
        yield s


def test_a_failed_write_stops_reading_and_leaves_no_file(
        store: SessionStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import pyarrow.parquet as pq

    monkeypatch.setattr(export_stream, "CHUNK", 1)  # pieces of 5 readings: 8 pieces
    fetched: list[int] = []
    frames = export_stream.frames

    def counted(*args: object, **kw: object) -> Iterator[object]:
        for item in frames(*args, **kw):  # type: ignore[arg-type]
            fetched.append(1)
            yield item

    writes = 0
    real_write = pq.ParquetWriter.write_table

    def disk_full(self: pq.ParquetWriter, table: object, *a: object, **kw: object) -> None:
        nonlocal writes
        writes += 1
        if writes == 2:
            raise OSError(28, "No space left on device")
        real_write(self, table, *a, **kw)

    monkeypatch.setattr(export_stream, "frames", counted)
    monkeypatch.setattr(pq.ParquetWriter, "write_table", disk_full)
    with pytest.raises(UsageError, match=r"Could not write .*No space left"):
        export_sessions(store, ["latest"], tmp_path / "x.parquet")
    assert not list(tmp_path.glob("x.parquet*")) and not ahead_threads()
    assert len(fetched) <= 4  # stopped one piece ahead of the failed write, not all 8 read
    assert store.session("latest").n_readings == 40  # the store is still usable


def test_a_failed_read_is_the_exports_error_and_leaves_no_file(
        store: SessionStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(export_stream, "CHUNK", 1)
    frames = export_stream.frames

    def breaks(*args: object, **kw: object) -> Iterator[object]:
        it = frames(*args, **kw)  # type: ignore[arg-type]
        yield next(it)
        raise sqlite3.DatabaseError("database disk image is malformed")

    monkeypatch.setattr(export_stream, "frames", breaks)
    with pytest.raises(sqlite3.DatabaseError, match="malformed"):
        export_sessions(store, ["latest"], tmp_path / "x.parquet")
    assert not list(tmp_path.glob("x.parquet*")) and not ahead_threads()
