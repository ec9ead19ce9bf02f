"""Connections to instruments over VISA: open, lock, query, blocks, errors, reconnect, discovery.

Everything above this module talks to a `Connection`, never to pyvisa directly, so that
every failure an instrument can produce (no answer, timeout, dropped link, garbled reply)
arrives as an `InstrumentError`/`ConnectionLost` naming the instrument and what to check,
and so that threads sharing an instrument cannot interleave a query and its reply.

Backend: pyvisa-py ("@py") unless the caller or the `METERLAB_VISA` environment variable
chooses a system VISA (e.g. "@ivi" for NI/Keysight/R&S VISA).

Public API::

    open_instrument(resource, *, backend=None, profile=None, timeout_ms=None,
                    verify=True) -> Connection
    Connection
        .resource: str               .backend: str           .lock: threading.RLock
        .idn: Idn                    (queried once, cached)  .profile: Profile | None
        .known_idn: Idn | None       (never does I/O)
        .timeout_ms: int             (settable)
        .write(command) -> None
        .query(command) -> str       (reply without its terminator)
        .read() -> str
        .query_binary_block(command, *, progress=None, expect_termination=True)
            -> bytes | bytearray   (the payload; bytearray = the receive buffer, not copied)
        .query_raw(command, reader: Callable[[RawReply], T]) -> T
                                     (replies that are no standard block; RawReply.read(n),
                                      .skip_terminators(most))
        .read_error_queue(limit=50) -> list[tuple[int, str]]
        .check_errors(context) -> None     (raises InstrumentError listing them)
        .apply_profile(profile) -> None    (terminations, timeout, chunk size)
        .reconnect(attempts=6, first_delay_s=0.2, max_delay_s=5.0) -> None
        .reconnect_briefly() -> None  (three tries, ~1.4 s: within a check or a read)
        .lost: bool                  (a ConnectionLost was raised; reconnect() clears it)
        .unasked_waiting() -> bool   (bytes arrived that no question asked for)
        .peer_closed() -> bool       (the instrument's side hung up; never blocks)
        .close() -> None             (also a context manager)
    list_resources(backend=None, *, timeout_s=3.0) -> list[str]
    resource_for_host(host, profile=None) -> str     # "TCPIP::host::5025::SOCKET" / "::INSTR"
    register_local_resource(resource, label) / unregister_local_resource(resource)
    local_resources() -> dict[str, str]
    default_backend() -> str

Why one long module: `Connection` owns one lock and one state of the reply stream (what
is owed, whether it is in step); the opening, the translation of every failure and the
catching up all read and change that state, so they stay together. Transport reads live
in `visa_readers.py`, the catching up in `visa_sync.py`.
"""

from __future__ import annotations

import contextlib
import os
import select
import socket
import threading
import time
import warnings
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from meterlab.visa_loading import defer_import, import_pyvisa, resource_manager

for _name in ("zeroconf", "psutil"):
    defer_import(_name)  # pyvisa-py loads them only to look for LAN instruments later

import_pyvisa()  # its version read without loading importlib.metadata (see visa_loading)
import pyvisa  # noqa: E402  (loaded now: the name)
import pyvisa.constants as vc  # noqa: E402
from pyvisa import errors as visa_errors  # noqa: E402

from meterlab import visa_sync  # noqa: E402
from meterlab.errors import (  # noqa: E402
    ConnectionLost,
    GarbledReply,
    InstrumentError,
    InstrumentRefused,
    InstrumentTimeout,
    NoAnswer,
    ReplyCutOff,
)
from meterlab.scpi import Idn, block_header, parse_error, parse_idn  # noqa: E402
from meterlab.visa_readers import RawReply, _SocketReader, _VisaReader  # noqa: E402

if TYPE_CHECKING:
    from meterlab.profiles import Profile

_T = TypeVar("_T")

ENV_BACKEND = "METERLAB_VISA"
DEFAULT_TIMEOUT_MS = 5000
DEFAULT_CHUNK = 1 << 20

_rm_lock = threading.Lock()
_managers: dict[str, pyvisa.ResourceManager] = {}
_local: dict[str, str] = {}
_local_lock = threading.Lock()


def default_backend() -> str:
    """The VISA backend to use: $METERLAB_VISA if set, else pyvisa-py ("@py")."""
    return os.environ.get(ENV_BACKEND, "").strip() or "@py"


def _manager(backend: str) -> pyvisa.ResourceManager:
    with _rm_lock:
        rm = _managers.get(backend)
        if rm is not None:
            try:
                rm.session  # noqa: B018 - raises if someone closed the shared manager
            except visa_errors.Error:
                rm = None
        if rm is None:
            try:
                rm = resource_manager(backend)
            except (OSError, ValueError, visa_errors.Error) as exc:
                why = " ".join(str(exc).replace("\n", " ").split()).rstrip(": ")
                raise InstrumentError(
                    f"The VISA library '{backend}' could not be loaded ({why}). Install it, or "
                    f"use the built-in one with --visa @py (or unset {ENV_BACKEND})."
                ) from None
            _managers[backend] = rm
        return rm


def prepare(backend: str | None = None) -> bool:
    """Open the shared resource manager now, so the first connection does not wait for it.

    pyvisa-py looks for libusb and the other USB back-ends when it loads (a search
    that starts external programs: about half a second), and a first connection
    pays for it. The desktop app calls this on a background thread while its
    instrument (or the simulated bench's process) is still starting. False when
    the library cannot load; the connection that needs it says why, in words.
    """
    try:
        _manager(backend or default_backend())
    except InstrumentError:
        return False
    return True


# -- discovery -----------------------------------------------------------------------------


def register_local_resource(resource: str, label: str) -> None:
    """Announce an in-process instrument (the simulated bench) to `list_resources`."""
    with _local_lock:
        _local[resource] = label


def unregister_local_resource(resource: str) -> None:
    with _local_lock:
        _local.pop(resource, None)


def local_resources() -> dict[str, str]:
    """Registered in-process resources and their labels (e.g. "simulated 34465A")."""
    with _local_lock:
        return dict(_local)


def list_resources(backend: str | None = None, *, timeout_s: float = 3.0) -> list[str]:
    """Resources the backend can see (USB, GPIB, LXI/VXI-11 where it discovers them), plus
    registered local ones. Never hangs: discovery that takes longer than `timeout_s` is
    abandoned and what was found so far (the local resources) is returned.
    """
    found: list[str] = []
    box: dict[str, Any] = {}

    def scan() -> None:
        try:
            with warnings.catch_warnings():  # "install psutil/zeroconf" hints are not for users
                warnings.simplefilter("ignore")
                try:
                    rm = _manager(backend or default_backend())
                except InstrumentError as exc:  # the chosen VISA library itself is missing
                    box["fatal"] = exc
                    return
                box["list"] = list(rm.list_resources("?*::INSTR"))
        except Exception as exc:  # discovery is best-effort: a broken USB stack must not stop us
            box["error"] = exc

    t = threading.Thread(target=scan, daemon=True, name="visa-discovery")
    t.start()
    t.join(timeout_s)
    if "fatal" in box:
        raise box["fatal"]
    found.extend(box.get("list", []))
    for res in local_resources():
        if res not in found:
            found.append(res)
    return found


# -- connection ----------------------------------------------------------------------------


def resource_for_host(host: str, profile: Profile | None = None) -> str:
    """The VISA address of a LAN instrument: its raw socket when the profile knows the port
    (fast, what Keysight recommends for binary data), else VXI-11 (…::INSTR)."""
    port = profile.connection.port if profile is not None else None
    return f"TCPIP::{host}::{port}::SOCKET" if port else f"TCPIP::{host}::INSTR"


def _header(command: str) -> str:
    """The command without its parameters: 'R? 1000' and 'R? 500' ask the same thing."""
    return command.strip().split(None, 1)[0].upper() if command.strip() else ""


def _where(resource: str) -> str:
    return f"at {resource}"


class Connection:
    """One open instrument. All I/O goes through its `lock` (an RLock), so a multi-step
    sequence can hold it: ``with conn.lock: conn.write(...); conn.query(...)``."""

    def __init__(
        self,
        resource: str,
        backend: str,
        *,
        profile: Profile | None = None,
        timeout_ms: int | None = None,
    ) -> None:
        self.resource = resource
        self.backend = backend
        self.lock = threading.RLock()
        self.profile: Profile | None = None
        self._explicit_timeout = timeout_ms
        self._timeout_ms = timeout_ms or DEFAULT_TIMEOUT_MS
        self._read_term = "\n"
        self._write_term = "\n"
        self._chunk = DEFAULT_CHUNK
        self._error_queue = True
        self._idn: Idn | None = None
        self._idn_reply: str | None = None
        self._watch: tuple[Any, Any] | None = None
        # Out of step: a reply may still be in flight (after a timeout) or the position in
        # the reply stream is unknown (garbled reply, broken-off block). `_owed` lists the
        # replies asked for and not yet read, in order (visa_sync.LINE / BLOCK).
        self._out_of_step = False
        self._owed: list[tuple[str, str]] = []  # (kind, command header)
        # The link broke (ConnectionLost was raised): nothing more will pass until a
        # reconnect, so a caller that goes on (the next check of a plan) reopens first.
        self._broken = False
        self._inst: Any = None
        #: Data bytes the last `#` block header announced (None: no header was read). After
        #: a block that broke off, it tells a caller how much the lost reply held.
        self.last_block_length: int | None = None
        #: Whether the last block query reached the wire (False: it failed before it was
        #: sent, so the instrument cannot have acted on it).
        self.last_block_asked = False
        if profile is not None:
            self._take_settings(profile)
        self._open()

    # -- opening and settings ------------------------------------------------------------

    def _take_settings(self, profile: Profile) -> None:
        c = profile.connection
        self.profile = profile
        self._read_term = c.read_termination
        self._write_term = c.write_termination
        self._chunk = c.chunk_size
        self._error_queue = c.error_queue
        if self._explicit_timeout is None:
            self._timeout_ms = c.timeout_ms

    def apply_profile(self, profile: Profile) -> None:
        """Use the profile's terminations, timeout and chunk size from now on."""
        with self.lock:
            self._take_settings(profile)
            if self._inst is not None:
                self._configure_resource()

    def _configure_resource(self) -> None:
        inst = self._inst
        inst.read_termination = self._read_term or None
        inst.write_termination = self._write_term
        inst.timeout = self._timeout_ms

    def _open(self) -> None:
        rm = _manager(self.backend)
        try:
            pyvisa.rname.parse_resource_name(self.resource)
        except (visa_errors.Error, ValueError):
            hint = ""
            if self.resource and "::" not in self.resource and " " not in self.resource:
                hint = (f" For a LAN instrument at {self.resource} that is "
                        f"{resource_for_host(self.resource, self.profile)}.")
            raise InstrumentError(
                f"'{self.resource}' is not a VISA address.{hint} Use a form like "
                "TCPIP::192.168.1.20::5025::SOCKET, TCPIP::192.168.1.20::INSTR or "
                "USB0::0x2A8D::0x1301::MY12345678::INSTR (see 'meterlab list').",
                resource=self.resource,
            ) from None
        try:
            inst = rm.open_resource(
                self.resource, open_timeout=min(self._timeout_ms, 5000)
            )
        except visa_errors.VisaIOError as exc:
            raise self._translate(exc, "opening the connection") from None
        except Exception as exc:  # pyvisa-py raises bare Exception("could not connect: ...")
            if self.resource.upper().startswith("USB"):
                from meterlab.usb_access import usb_open_advice

                advice = usb_open_advice(exc, self.resource)
                if advice is not None:  # the OS, a driver or libusb refused: say what to do
                    raise InstrumentError(advice, resource=self.resource) from None
            raise self._no_answer(str(exc)) from None
        self._inst = inst
        try:
            self._configure_resource()
        except Exception as exc:
            self._close_quietly()
            raise self._no_answer(str(exc)) from None
        self._check_socket()
        self._watch = self._socket_watch()

    def _check_socket(self) -> None:
        """pyvisa-py reports a refused TCP connection as opened; ask the socket itself."""
        sock = self._raw_socket()
        if sock is None:
            return
        err = sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
        if err == 0:
            try:
                sock.getpeername()
            except OSError as exc:
                err = exc.errno or -1
        if err:
            self._close_quietly()
            raise self._no_answer(os.strerror(err) if err > 0 else "not connected")
        # A command followed by a query would otherwise wait ~40 ms for Nagle's
        # algorithm and the peer's delayed ACK; instruments want each message now.
        with contextlib.suppress(OSError):
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def _raw_socket(self) -> socket.socket | None:
        try:
            session = self._inst.visalib.sessions[self._inst.session]
        except Exception:
            return None
        sock = getattr(session, "interface", None)
        return sock if isinstance(sock, socket.socket) else None

    def _no_answer(self, detail: str = "") -> NoAnswer:
        why = f" ({detail})" if detail else ""
        return NoAnswer(
            f"No instrument answers {_where(self.resource)}{why}. Check that it is switched "
            "on, its LAN or USB cable, and the address (IP, port).",
            resource=self.resource,
        )

    @property
    def timeout_ms(self) -> int:
        return self._timeout_ms

    @timeout_ms.setter
    def timeout_ms(self, value: int) -> None:
        with self.lock:
            self._timeout_ms = int(value)
            if self._inst is not None:
                self._inst.timeout = self._timeout_ms

    @property
    def known_idn(self) -> Idn | None:
        """The *IDN? if it was already asked (never causes I/O: safe in error paths)."""
        return self._idn

    @property
    def idn(self) -> Idn:
        """The instrument's *IDN?, asked once per connection."""
        with self.lock:
            if self._idn is None:
                raw = self.query("*IDN?")
                self._idn = parse_idn(raw)
                self._idn_reply = raw  # the marker's reply when catching up (visa_sync)
            return self._idn

    # -- error translation ---------------------------------------------------------------

    def _peer_closed(self) -> bool:
        sock = self._raw_socket()
        if sock is None:
            return False
        # A socket with a timeout waits for data before recv() even with MSG_DONTWAIT, which
        # doubled every timeout (a silent scope took 2 × 20 s); peek truly non-blocking.
        try:
            old_timeout = sock.gettimeout()
            sock.setblocking(False)
        except OSError:
            return True
        try:
            data = sock.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT)
        except (BlockingIOError, TimeoutError):  # nothing to read, but still connected
            return False
        except OSError:
            return True
        finally:
            with contextlib.suppress(OSError):
                sock.settimeout(old_timeout)
        return data == b""

    def _translate(self, exc: BaseException, doing: str) -> InstrumentError:
        """Turn any pyvisa/socket failure into a message for the person at the bench."""
        name = self._idn.model if self._idn else "The instrument"
        where = _where(self.resource)
        if isinstance(exc, InstrumentError):
            return exc
        if isinstance(exc, visa_errors.VisaIOError):
            code = exc.error_code
            if code == vc.StatusCode.error_timeout:
                self._out_of_step = True
                if self._peer_closed():
                    return self._lost(doing)
                return InstrumentTimeout(
                    f"{name} {where} did not answer within {self._timeout_ms / 1000:g} s "
                    f"while {doing}. Check that the command suits this model, that the "
                    "instrument is not busy with a long measurement, and the cable.",
                    resource=self.resource,
                )
            if code in (vc.StatusCode.error_connection_lost, vc.StatusCode.error_io,
                        vc.StatusCode.error_invalid_object, vc.StatusCode.error_closing_failed):
                return self._lost(doing)
            if code in (vc.StatusCode.error_resource_not_found,
                        vc.StatusCode.error_resource_busy):
                return self._no_answer(exc.description)
            return InstrumentError(
                f"{name} {where} reported a VISA error while {doing}: {exc.description}",
                resource=self.resource,
            )
        if isinstance(exc, OSError | EOFError):
            return self._lost(doing)
        if isinstance(exc, UnicodeDecodeError):
            self._position_lost()
            return GarbledReply(
                f"{name} {where} sent a garbled reply while {doing} (not text). Check the "
                "cable and that no other program talks to the instrument at the same time.",
                resource=self.resource,
            )
        return InstrumentError(
            f"{name} {where} failed while {doing}: {exc}", resource=self.resource
        )

    def _lost(self, doing: str) -> ConnectionLost:
        self._out_of_step = True
        self._broken = True
        return ConnectionLost(
            f"The connection to {self.resource} was lost while {doing}. Everything read "
            "before is kept. Check that the instrument is still switched on and its cable, "
            "then try again.",
            resource=self.resource,
        )

    # -- I/O -------------------------------------------------------------------------------

    def _require_open(self) -> Any:
        if self._inst is None:
            raise ConnectionLost(
                f"The connection to {self.resource} is closed. Reconnect to continue.",
                resource=self.resource,
            )
        return self._inst

    def _position_lost(self) -> None:
        """The reply stream cannot be followed any more (a garbled line, a block cut off or
        longer than announced): forget what is owed and resynchronise on the marker alone."""
        self._out_of_step = True
        self._owed = []

    def _socket_watch(self) -> tuple[Any, Any] | None:
        """pyvisa-py's session and a poll object on its socket, looked up once per
        connection (asked before every question, so it must cost next to nothing)."""
        sock = self._raw_socket()
        if sock is None or not hasattr(select, "poll"):
            return None
        try:
            session = self._inst.visalib.sessions[self._inst.session]
            poller = select.poll()
            poller.register(sock, select.POLLIN)
        except (OSError, ValueError, KeyError, AttributeError):
            return None
        return session, poller

    def _unasked_waiting(self) -> bool:
        """Are there bytes nobody asked for (a reply sent twice, a late one, a stray status
        line)? Read as the next answer they would shift every reply after them by one.
        One select() on the socket: cheap enough for every question."""
        watch = self._watch
        if watch is None:
            return False
        session, poller = watch
        if getattr(session, "_pending_buffer", None):
            return True
        try:
            return bool(poller.poll(0))
        except (OSError, ValueError):
            return False

    def peer_closed(self) -> bool:
        """Has the instrument's side closed the link (restarted, cable pulled and the
        switch said so)? Asked between steps, so a dead link is reopened before a step
        rather than failing it. Never blocks; False where it cannot be told."""
        with self.lock:
            return self._inst is not None and self._peer_closed()

    def unasked_waiting(self) -> bool:
        """Right after a reply: did more arrive than was asked for? Then the reply just read
        may itself be foreign (a forged or repeated line ahead of the real answer), and a
        verdict must not rest on it. Only raw sockets can tell (False elsewhere)."""
        with self.lock:
            return not self._owed and self._unasked_waiting()

    def _ensure_in_step(self, doing: str) -> None:
        """Before asking anything, bring a link that timed out back in step (see
        `meterlab.visa_sync`): a late reply must never be read as the next one's."""
        if not self._out_of_step and not self._owed and self._unasked_waiting():
            if self._peer_closed():  # readable because the instrument hung up
                raise self._lost(f"getting ready to {doing}")
            self._position_lost()
        if not self._out_of_step:
            return
        budget_s = 3 * self._timeout_ms / 1000
        try:
            visa_sync.resync(self._inst, self.resource, [k for k, _ in self._owed], budget_s,
                             self._idn_reply)
        except visa_sync.StillOutOfStep:
            self._position_lost()
            if self._peer_closed():
                raise self._lost(f"catching up before it could {doing}") from None
            name = self._idn.model if self._idn else "The instrument"
            raise InstrumentTimeout(
                f"{name} {_where(self.resource)} has stopped answering: it did not answer "
                f"an earlier question, nor within {budget_s:g} s since, so meterlab did not "
                f"go on to {doing}. Nothing it sends late will be taken for a reading. "
                "Check that it is switched on and not busy, and its cable or network.",
                resource=self.resource,
            ) from None
        except Exception as exc:
            self._position_lost()
            raise self._translate(exc, f"catching up with the instrument before {doing}") \
                from None
        self._out_of_step = False
        self._owed = []

    def write(self, command: str) -> None:
        """Send one program message (no reply is read)."""
        with self.lock:
            inst = self._require_open()
            self._ensure_in_step(f"send '{command}'")
            try:
                inst.write(command)
            except Exception as exc:
                raise self._translate(exc, f"sending '{command}'") from None
            if visa_sync.expects_reply(command):
                self._owed.append((visa_sync.LINE, _header(command)))

    def read(self) -> str:
        """Read one reply line (terminator and a trailing carriage return removed)."""
        with self.lock:
            inst = self._require_open()
            try:
                reply = inst.read().rstrip("\r")
            except Exception as exc:
                raise self._translate(exc, "reading a reply") from None
            if self._owed:
                self._owed.pop(0)
            return reply

    def query(self, command: str) -> str:
        """Send a query and read its reply as one indivisible step."""
        with self.lock:
            inst = self._require_open()
            self._ensure_in_step(f"ask '{command}'")
            try:
                inst.write(command)
            except Exception as exc:
                raise self._translate(exc, f"sending '{command}'") from None
            self._owed.append((visa_sync.LINE, _header(command)))
            try:
                reply = inst.read().rstrip("\r")
            except Exception as exc:
                raise self._translate(exc, f"waiting for the reply to '{command}'") from None
            self._owed.pop()
            return reply

    def query_binary_block(
        self,
        command: str,
        *,
        progress: Callable[[int, int], None] | None = None,
        expect_termination: bool = True,
        claim_late: bool = False,
    ) -> bytes | bytearray:
        """Send `command` and return the payload of the definite-length block it answers.

        The payload may be a bytearray (the receive buffer itself: a 24 MB scope memory is
        not copied a second time); treat it as read-only bytes.

        Reads exactly the header, then exactly the announced bytes, then the terminator;
        `progress(done, total)` is called as bytes arrive. A block that is cut off or
        longer than announced is an InstrumentError. On pyvisa-py sockets the payload is
        received straight into one preallocated buffer (pyvisa's own read loop copies
        every chunk several times, which halves the speed of multi-MB scope memories);
        other backends use pyvisa's `read_bytes`.

        `claim_late`: if the only reply still owed is a late block to this same command
        (it timed out), read that block as this call's answer instead of asking again. For
        a drain such as the 34465A's ``R?`` the late block holds the readings the first
        ask already took out of the meter's memory: throwing it away would lose them.
        """
        with self.lock:
            self.last_block_length = None
            self.last_block_asked = False
            inst = self._require_open()
            claimed = (claim_late and self._out_of_step
                       and self._owed == [(visa_sync.BLOCK, _header(command))])
            self.last_block_asked = claimed  # the late reply's question did reach the wire
            if not claimed:
                self._ensure_in_step(f"ask '{command}'")
            term = inst.read_termination
            inst.read_termination = None  # binary payloads contain newline bytes
            reader = _SocketReader.for_resource(inst, self._timeout_ms) or _VisaReader(
                inst, self._chunk
            )
            started = False  # silence "did not answer"; only a started block is "cut off"
            try:
                if not claimed:
                    inst.write(command)
                    self.last_block_asked = True
                    self._owed.append((visa_sync.BLOCK, _header(command)))
                head = bytes(reader.read(2))
                started = True
                while head[:1] in (b" ", b"\r", b"\n"):
                    head = head[1:] + bytes(reader.read(1))
                if head[:1] != b"#" or not head[1:2].isdigit():
                    self._position_lost()
                    block_header(head)  # raises with a precise message
                ndig = int(head[1:2])
                if ndig == 0:
                    self._position_lost()
                    raise InstrumentError(
                        f"The reply to '{command}' from {self.resource} is an indefinite-"
                        "length block, which meterlab cannot read safely in binary.",
                        resource=self.resource,
                    )
                digits = bytes(reader.read(ndig))
                _, length = block_header(head + digits)
                self.last_block_length = length
                if progress is not None:
                    progress(0, length)
                data = reader.read(length, progress) if length else b""
                if expect_termination:
                    tail = bytes(reader.read(1))
                    if tail == b"\r":
                        tail = bytes(reader.read(1))
                    self._check_terminator(tail, command)
                self._owed.pop()
                if claimed:
                    self._out_of_step = False
                return data
            except InstrumentError:
                raise
            except Exception as exc:
                err = self._translate(exc, f"reading the data block for '{command}'")
                if started:
                    self._position_lost()  # part of the block may still be on its way
                if started and isinstance(err, InstrumentTimeout):
                    err = ReplyCutOff(
                        f"The data block for '{command}' from {self.resource} was cut off "
                        f"(nothing more arrived within {self._timeout_ms / 1000:g} s). Check "
                        "the cable or network, or increase the timeout for deep memories.",
                        resource=self.resource,
                    )
                raise err from None
            finally:
                reader.close()
                with contextlib.suppress(Exception):
                    inst.read_termination = term

    def _check_terminator(self, tail: bytes, command: str) -> None:
        if tail != b"\n":
            self._position_lost()
            raise InstrumentError(
                f"The data block for '{command}' from {self.resource} is longer than its "
                f"header says (found {tail!r} where the reply should end). The reply is "
                "garbled; try again, and check that no other program uses the instrument.",
                resource=self.resource,
            )

    def query_raw(self, command: str, reader: Callable[[RawReply], _T]) -> _T:
        """Send `command` and let `reader` take the reply's bytes itself.

        For replies that are neither a line nor a standard block (Siglent's echoed
        `C1:WF DAT2,#9…` block, the bare BMP `SCDP` sends): the reader gets exact-size
        reads through the same socket fast path as `query_binary_block`, under the lock,
        with failures translated like every other read, and a reply left half-read
        marks the connection so the next command reads the rest away first.
        """
        with self.lock:
            inst = self._require_open()
            self._ensure_in_step(f"ask '{command}'")
            term = inst.read_termination
            inst.read_termination = None  # binary payloads contain newline bytes
            reply = RawReply(self, inst)
            try:
                inst.write(command)
                return reader(reply)
            except InstrumentError:
                self._position_lost()  # a reply of its own shape, left half-read
                raise
            except Exception as exc:
                self._position_lost()
                raise self._translate(exc, f"reading the reply to '{command}'") from None
            finally:
                reply.close()
                with contextlib.suppress(Exception):
                    inst.read_termination = term

    # -- error queue -------------------------------------------------------------------------

    def read_error_queue(self, limit: int = 50) -> list[tuple[int, str]]:
        """Drain SYST:ERR? until it reports 0; [] if this model has no error queue."""
        if not self._error_queue:
            return []
        errors: list[tuple[int, str]] = []
        with self.lock:
            for _ in range(limit):
                code, message = parse_error(self.query("SYST:ERR?"))
                if code == 0:
                    break
                errors.append((code, message))
        return errors

    def check_errors(self, context: str) -> None:
        """Raise InstrumentError if the instrument logged errors during `context`."""
        errors = self.read_error_queue()
        if errors:
            listed = "; ".join(f"{code} {msg}" for code, msg in errors)
            name = self._idn.model if self._idn else "The instrument"
            raise InstrumentRefused(
                f"{name} at {self.resource} refused {context}: {listed}. Check that the "
                "setting exists on this model and suits the selected function and range.",
                resource=self.resource, errors=tuple(errors),
            )

    # -- lifetime ------------------------------------------------------------------------------

    def reconnect_briefly(self) -> None:
        """`reconnect` with three tries over about 1.4 s: for work already under way (a
        plan's next check, the rest of a deep memory read) that is better reported as
        not done than kept waiting on an instrument that stays away."""
        self.reconnect(attempts=3, first_delay_s=0.2, max_delay_s=1.0)

    def reconnect(self, attempts: int = 6, first_delay_s: float = 0.2,
                  max_delay_s: float = 5.0) -> None:
        """Close and re-open, waiting longer after each failure; ConnectionLost if it stays
        away. The cached *IDN? is kept: a different instrument at the same address is
        reported rather than silently used."""
        with self.lock:
            self._close_quietly()
            delay = first_delay_s
            last: Exception | None = None
            for attempt in range(attempts):
                try:
                    self._open()
                    self._out_of_step = False
                    self._owed = []
                    self._broken = False
                    break
                except InstrumentError as exc:
                    last = exc
                    if attempt + 1 < attempts:
                        time.sleep(delay)
                        delay = min(delay * 2, max_delay_s)
            else:
                raise ConnectionLost(
                    f"The instrument at {self.resource} is still not answering after "
                    f"{attempts} attempts ({last}). Everything read before is kept.",
                    resource=self.resource,
                )
            if self._idn is not None:
                old = self._idn
                self._idn = None
                new = self.idn
                if (new.model, new.serial) != (old.model, old.serial):
                    self._idn, self._broken = old, True  # not ours: never measure with it
                    raise InstrumentError(
                        f"After reconnecting, {self.resource} answers as {new} instead of "
                        f"{old}. Check the address.", resource=self.resource,
                    )

    def _close_quietly(self) -> None:
        if self._inst is not None:
            with contextlib.suppress(Exception):
                self._inst.close()
        self._inst = None
        self._watch = None

    def close(self) -> None:
        with self.lock:
            self._close_quietly()

    @property
    def closed(self) -> bool:
        return self._inst is None

    @property
    def lost(self) -> bool:
        """The link broke (a ConnectionLost was raised) and has not been reopened since:
        every further question would fail the same way, so reconnect before going on."""
        return self._broken

    def __enter__(self) -> Connection:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Connection({self.resource!r}, backend={self.backend!r})"


def open_instrument(
    resource: str,
    *,
    backend: str | None = None,
    profile: Profile | str | None = None,
    timeout_ms: int | None = None,
    verify: bool = True,
) -> Connection:
    """Open `resource` and (with `verify`) ask *IDN? so a dead or wrong address fails now,
    in plain words, rather than at the first measurement.

    `profile`: a Profile to take connection settings from, "auto" to match one from *IDN?
    (conn.profile stays None for an unknown instrument; the driver decides), or None.
    """
    resource = resource.strip()
    conn = Connection(
        resource,
        backend or default_backend(),
        profile=profile if not isinstance(profile, str) else None,
        timeout_ms=timeout_ms,
    )
    try:
        if verify or profile == "auto":
            try:
                idn = conn.idn
            except InstrumentTimeout:
                raise conn._no_answer("no reply to *IDN?") from None
            if profile == "auto":
                from meterlab.profiles import match_profile

                found = match_profile(idn)
                if found is not None:
                    conn.apply_profile(found)
    except BaseException:
        conn.close()
        raise
    return conn
