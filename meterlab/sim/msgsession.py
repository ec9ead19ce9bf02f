"""One client's message exchange with a simulated instrument over VXI-11 or HiSLIP.

Both protocols carry whole IEEE 488.2 messages (the END flag, the DataEnd message)
instead of a byte stream, and both let the client give up on a read while the
instrument is still busy. So a message is executed on the session's own worker
thread, not on the thread reading the network: a slow `READ?` never stalls a device
clear, a status query, or a read that times out. Replies either wait in an output
queue until the client reads them (VXI-11's `device_read`) or are handed to a
`deliver` callback as soon as they exist (HiSLIP sends them unasked).

IEEE 488.2 behaviour kept here, once for both protocols:
- a new message arriving while an earlier reply is still unread discards that reply
  and queues -410 "Query INTERRUPTED" (pull mode only: HiSLIP has sent it already),
  also when that reply was still being made on the worker thread (a real instrument
  parses in order, so its reply would have been waiting);
- a device clear empties the input and output and forgets replies of messages still
  being executed; the error queue and the status registers are left alone;
- a read with nothing to read times out. The real instruments add -420 "Query
  UNTERMINATED" then; the simulator does not, so that a client draining a late reply
  after its own timeout does not leave an error behind that no real late reply causes.

`DeviceLock` is the exclusive lock both protocols offer (VXI-11 `device_lock`, HiSLIP
`AsyncLock`): one per instrument, whichever protocol takes it.
"""

from __future__ import annotations

import queue
import threading
import weakref
from collections import deque
from collections.abc import Callable

from meterlab.sim.instrument import Connection, SimInstrument
from meterlab.sim.server import MAX_MESSAGE, find_message_end

#: Push-mode callback: deliver(reply, tag), called on the session's worker thread.
Deliver = Callable[[bytes, int], None]


def split_messages(payload: bytes) -> list[bytes]:
    """The program messages in one END-terminated transfer (newlines inside blocks kept)."""
    out: list[bytes] = []
    buf = payload
    while buf:
        end = find_message_end(buf)
        if end < 0:
            out.append(buf)
            break
        out.append(buf[:end])
        buf = buf[end + 1 :]
    return [m.rstrip(b"\r") for m in out if m.strip()]


class MessageSession:
    """Input assembly, execution on a worker thread, and the output of one client link."""

    def __init__(self, instrument: SimInstrument, peer: str,
                 deliver: Deliver | None = None) -> None:
        self.instrument = instrument
        self.conn = Connection(peer=peer)
        self._deliver = deliver
        self._inbox = bytearray()
        self._queue: queue.SimpleQueue[tuple[int, int, bytes, int] | None] = \
            queue.SimpleQueue()
        self._fed = 0  # messages received so far (each queued with its number)
        self._cond = threading.Condition()
        self._out: deque[bytearray] = deque()
        self._generation = 0
        self._closed = False
        self._worker: threading.Thread | None = None

    # -- input ------------------------------------------------------------------------------

    def feed(self, data: bytes, end: bool, tag: int = 0) -> None:
        """Add received bytes; with `end` the message is complete and queued for execution.

        `tag` travels with the message to `deliver` (HiSLIP's MessageID).
        """
        self._inbox += data
        if len(self._inbox) > MAX_MESSAGE:
            self._inbox.clear()
            with self.instrument.lock:
                self.instrument.push_error(-363)
            return
        if not end:
            return
        message = bytes(self._inbox)
        self._inbox.clear()
        with self._cond:
            if self._deliver is None and self._out:
                self._out.clear()
                with self.instrument.lock:
                    self.instrument.push_error(-410)
            self._fed += 1
            self._queue.put((self._generation, self._fed, message, tag))
            if self._worker is None:
                self._worker = threading.Thread(target=self._run, daemon=True,
                                                name=f"sim-session-{self.conn.peer}")
                self._worker.start()

    def _run(self) -> None:
        while True:
            item = self._queue.get()
            if item is None:
                return
            generation, number, message, tag = item
            replies = []
            for part in split_messages(message):
                reply = self.instrument.execute(part, self.conn)
                if reply is not None:
                    replies.append(reply + b"\n")
            with self._cond:
                if generation != self._generation or self._closed:
                    continue  # cleared while executing: the reply is not wanted any more
                if self._deliver is None:
                    if replies and self._fed > number:
                        # A newer message arrived while this one was still being executed:
                        # its reply is interrupted as if it had been waiting unread.
                        with self.instrument.lock:
                            self.instrument.push_error(-410)
                        continue
                    self._out.extend(bytearray(r) for r in replies)
                    self._cond.notify_all()
                    continue
            for reply in replies:
                self._deliver(reply, tag)

    # -- output (pull mode) -----------------------------------------------------------------

    def read(self, max_bytes: int, timeout_s: float | None,
             term: int | None = None) -> tuple[bytes, bool, bool] | None:
        """Up to `max_bytes` of the first waiting reply: (data, reply ended, stopped at `term`).

        None when nothing arrives within `timeout_s` (None waits for ever).
        """
        with self._cond:
            if not self._cond.wait_for(lambda: self._out or self._closed, timeout_s):
                return None
            if not self._out:
                return None
            head = self._out[0]
            n = min(max_bytes, len(head))
            hit = False
            if term is not None:
                at = head.find(bytes([term]), 0, n)
                if at >= 0:
                    n, hit = at + 1, True
            data = bytes(head[:n])
            del head[:n]
            ended = not head
            if ended:
                self._out.popleft()
            return data, ended, hit

    @property
    def has_output(self) -> bool:
        with self._cond:
            return bool(self._out)

    # -- control ----------------------------------------------------------------------------

    def clear(self) -> None:
        """Device clear: forget partial input, unread output and replies still being made."""
        with self._cond:
            self._generation += 1
            self._inbox.clear()
            self._out.clear()
            self.conn.path = []
            self._cond.notify_all()

    def close(self) -> None:
        with self._cond:
            self._closed = True
            self._cond.notify_all()
        self._queue.put(None)


class DeviceLock:
    """The instrument's exclusive lock, held by one link (any hashable owner) at a time."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self.owner: object | None = None

    def acquire(self, owner: object, timeout_s: float) -> bool:
        with self._cond:
            ok = self._cond.wait_for(lambda: self.owner in (None, owner), timeout_s)
            if ok:
                self.owner = owner
            return ok

    def release(self, owner: object) -> bool:
        with self._cond:
            if self.owner != owner:
                return False
            self.owner = None
            self._cond.notify_all()
            return True

    def wait_usable(self, owner: object, timeout_s: float) -> bool:
        """True when `owner` may use the instrument (no lock, or its own) within the time."""
        with self._cond:
            return self._cond.wait_for(lambda: self.owner in (None, owner), timeout_s)


_locks: weakref.WeakKeyDictionary[SimInstrument, DeviceLock] = weakref.WeakKeyDictionary()
_locks_guard = threading.Lock()


def device_lock(instrument: SimInstrument) -> DeviceLock:
    """The one lock of `instrument`, shared by its VXI-11 and HiSLIP links."""
    with _locks_guard:
        lock = _locks.get(instrument)
        if lock is None:
            lock = _locks[instrument] = DeviceLock()
        return lock
