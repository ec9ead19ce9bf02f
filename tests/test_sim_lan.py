"""The simulated bench over VXI-11 and HiSLIP, through real pyvisa-py clients.

`TCPIP::<ip>::INSTR` makes pyvisa-py ask the portmapper on port 111 of that address
for the VXI-11 core channel; `TCPIP::<ip>::hislip0::INSTR` opens HiSLIP's two
channels on port 4880. Both ports are fixed, so each test module puts its bench on
loopback addresses of its own (127.x.y.1 and .2, from the process id): test runs
side by side on one machine, or a `meterlab sim` left running, never collide.

Binding port 111 needs root on Linux; the tests run as root here and in CI. Run as
another user, the one test that needs the portmapper says so and is skipped by name;
everything else goes through pyvisa-py's `TCPIP::<ip>,<port>::INSTR` form then.
"""

from __future__ import annotations

import errno
import os
import socket
import struct
import time
import warnings
from collections.abc import Iterator

import numpy as np
import pytest

from meterlab.sim import SimulatedBench
from meterlab.sim.lan import _why
from meterlab.visa import open_instrument
from tests.visa_link import open_link


def loopback_pair(salt: int) -> tuple[str, str]:
    """Two neighbouring loopback addresses nobody else on this machine is using."""
    n = (os.getpid() * 7 + salt) % (200 * 250)
    return f"127.{20 + n // 250}.{n % 250}.1", f"127.{20 + n // 250}.{n % 250}.2"


@pytest.fixture(scope="module")
def bench() -> Iterator[SimulatedBench]:
    dmm_host, _ = loopback_pair(0)
    with SimulatedBench(seed=3, host=dmm_host, lan=True) as b:
        assert b.hislip_resource("dmm") is not None, b.lan_notes  # 4880 on our own address
        yield b


PROTOCOLS = ["vxi11", "hislip"]


def resource(bench: SimulatedBench, protocol: str, which: str) -> str:
    res = bench.vxi11_resource(which) if protocol == "vxi11" else bench.hislip_resource(which)
    assert res is not None, bench.lan_notes
    return res


def require_portmapper(bench: SimulatedBench) -> None:
    """As root (here and in CI) the portmapper must run; as another user, say why not."""
    if getattr(os, "geteuid", lambda: 0)() != 0 and bench.lan_notes:  # Windows: no root needed
        pytest.skip(f"port 111 needs root to bind; this run is not root: {bench.lan_notes}")
    assert bench.lan_notes == []  # as root nothing may be missing: the note says what was


def test_each_instrument_has_its_own_address_and_the_usual_resource_strings(bench):
    require_portmapper(bench)
    dmm_host, scope_host = loopback_pair(0)
    assert bench.lan_resources == {
        "dmm": [f"TCPIP::{dmm_host}::INSTR", f"TCPIP::{dmm_host}::hislip0::INSTR"],
        "scope": [f"TCPIP::{scope_host}::INSTR", f"TCPIP::{scope_host}::hislip0::INSTR"],
    }


@pytest.mark.parametrize("protocol", PROTOCOLS)
def test_idn_and_a_reading_from_the_meter(bench, protocol):
    res = open_link(resource(bench, protocol, "dmm"))
    try:
        assert res.query("*IDN?").startswith("Keysight Technologies,34465A,")
        assert float(res.query("MEAS:VOLT:DC?")) == pytest.approx(3.3, abs=0.05)
        assert res.query("SYST:ERR?") == '+0,"No error"'
    finally:
        res.close()


@pytest.mark.parametrize("protocol", PROTOCOLS)
def test_scope_blocks_screen_and_a_quarter_million_points(bench, protocol):
    res = open_link(resource(bench, protocol, "scope"))
    try:
        assert res.query("*IDN?").startswith("RIGOL TECHNOLOGIES,MSO1104Z,")
        screen = res.query_binary_values(":WAV:DATA?", datatype="B", container=np.array)
        assert screen.size == int(res.query(":WAV:POIN?")) == 1200
        res.write(":ACQ:MDEP 1200000;:STOP;:WAV:MODE RAW;:WAV:STAR 1;:WAV:STOP 250000")
        memory = res.query_binary_values(":WAV:DATA?", datatype="B", container=np.array)
        assert memory.size == 250000
        assert memory.min() < 140 < 190 < memory.max()  # the PWM's 0 V and 3.3 V levels
        # a PNG is full of 0x0A bytes: over VXI-11 the termination character must not cut it
        png = res.query_binary_values(":DISP:DATA? ON,OFF,PNG", datatype="B", container=bytes)
        assert png[:8] == b"\x89PNG\r\n\x1a\n" and png.count(b"\n") > 1
        assert png.endswith(b"IEND\xaeB`\x82")
        assert res.query(":SYST:ERR?") == '0,"No error"'
    finally:
        res.write(":RUN;:WAV:MODE NORM;:WAV:STAR 1;:WAV:STOP 1200")
        res.close()


@pytest.mark.parametrize("protocol", PROTOCOLS)
def test_device_clear_forgets_the_reply_being_made(bench, protocol):
    res = open_link(resource(bench, protocol, "dmm"))
    try:
        res.write("VOLT:NPLC 10;:READ?")  # the meter integrates for a few hundred ms
        res.clear()
        # the reading never arrives: the next query gets its own answer, and no error
        assert res.query("SYST:ERR?") == '+0,"No error"'
        assert res.read_stb() & 0x04 == 0
    finally:
        res.close()


def test_vxi11_device_clear_drops_an_unread_reply(bench):
    # (over HiSLIP the server has sent it already; discarding it is the client's job)
    res = open_link(resource(bench, "vxi11", "dmm"))
    try:
        res.write("*IDN?")
        res.clear()
        assert res.query("SYST:ERR?") == '+0,"No error"'
    finally:
        res.close()


def test_vxi11_new_message_over_an_unread_reply_is_query_interrupted(bench):
    res = open_link(resource(bench, "vxi11", "dmm"))
    try:
        res.write("*IDN?")
        res.write("*ESE 0")  # IEEE 488.2 §6.3.2.3: the unread response is discarded
        assert res.query("SYST:ERR?").startswith("-410,")
    finally:
        res.close()


def test_vxi11_a_reply_still_being_made_is_interrupted_too(bench):
    # The same rule when the next message arrives while the query is still executing
    # (here: the meter is held busy), as on a real meter that parses in order. Before,
    # that reply survived and was read as the answer to the next query.
    res = open_link(resource(bench, "vxi11", "dmm"))
    try:
        with bench.dmm.lock:  # *IDN? waits on the session's worker; the rest queue up
            res.write("*IDN?")
            res.write("*ESE 0")
            res.write("SYST:ERR?")
        assert res.read().startswith("-410,")  # not the *IDN? reply
        assert res.query("*IDN?").startswith("Keysight Technologies,34465A,")  # in step
    finally:
        res.close()


@pytest.mark.parametrize("protocol", PROTOCOLS)
def test_meterlabs_own_connection_reads_a_block(bench, protocol):
    with open_instrument(resource(bench, protocol, "scope"), backend="@py") as conn:
        assert conn.idn.model == "MSO1104Z"
        payload = conn.query_binary_block(":WAV:DATA?")
        assert len(payload) == 1200
        assert conn.read_error_queue() == []


def test_a_taken_portmapper_port_is_named_and_the_rest_is_served():
    dmm_host, scope_host = loopback_pair(1)
    squatter = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        try:
            squatter.bind((dmm_host, 111))
        except PermissionError:
            pytest.skip("binding port 111 needs root; this run is not root")
        with SimulatedBench(seed=3, host=dmm_host, lan=True) as b:
            assert len(b.lan_notes) == 1
            note = b.lan_notes[0]
            assert dmm_host in note and "port 111 is in use" in note and "\n" not in note
            assert scope_host not in note  # the scope's own address still has one
            vxi = b.vxi11_resource("dmm")
            assert vxi is not None and vxi.startswith(f"TCPIP::{dmm_host},")  # pyvisa-py's form
            for res_name in (vxi, b.hislip_resource("dmm"), b.vxi11_resource("scope")):
                res = open_link(res_name)
                try:
                    assert "," in res.query("*IDN?")
                finally:
                    res.close()
    finally:
        squatter.close()


def test_the_reasons_a_port_is_refused_are_said_plainly():
    assert "administrator rights" in _why(PermissionError(errno.EACCES, "denied"), 111)
    assert "rpcbind" in _why(OSError(errno.EADDRINUSE, "in use"), 111)
    assert "another program" in _why(OSError(errno.EADDRINUSE, "in use"), 4880)


def test_list_finds_the_lan_resources_of_a_running_bench(bench):
    from meterlab.commands.list import _identify_all, _simulated_bench

    hosts = loopback_pair(0)
    found = _simulated_bench(hosts=hosts, socket_host=hosts[0])
    lan = [r for b in bench.lan_resources.values() for r in b]
    assert all(r in found for r in lan), (found, bench.lan_notes)
    answers = _identify_all(lan, "@py", deadline=time.monotonic() + 5)
    assert [answers[r].split(",")[0] for r in lan] == [
        "Keysight Technologies 34465A", "Keysight Technologies 34465A",
        "RIGOL TECHNOLOGIES MSO1104Z", "RIGOL TECHNOLOGIES MSO1104Z"]


def test_hislip_refuses_a_stranger_with_a_fatal_error(bench):
    host = loopback_pair(0)[0]
    with socket.create_connection((host, 4880), timeout=2) as s:
        s.sendall(b"XX" + bytes(14))
        head = s.recv(16)
    assert head[:3] == b"HS\x02"  # FatalError
    assert struct.unpack("!B", head[3:4])[0] == 1  # poorly formed message header


def test_python_vxi11_as_the_ds1054z_package_uses_it(bench):
    """python-vxi11 (what the ds1054z package builds on) finds the core channel through the
    portmapper, reads the screen as ds1054z's get_waveform does, aborts and locks."""
    with warnings.catch_warnings():  # its regexes and xdrlib predate Python 3.12
        warnings.simplefilter("ignore", DeprecationWarning)
        try:
            import vxi11
        except ImportError as exc:  # python-vxi11 0.9 needs xdrlib, gone in Python 3.13
            pytest.skip(f"python-vxi11 does not import on this Python: {exc}")
    require_portmapper(bench)
    scope = vxi11.Instrument(loopback_pair(0)[1])  # device name inst0, no terminator sent
    scope.timeout = 5
    try:
        assert scope.ask("*IDN?").startswith("RIGOL TECHNOLOGIES,MSO1104Z,")
        scope.write(":WAVeform:SOURce CHAN1")
        scope.write(":WAVeform:FORMat BYTE")
        scope.write(":WAVeform:MODE NORMal")
        assert (scope.ask(":WAVeform:STARt?"), scope.ask(":WAVeform:STOP?")) == ("1", "1200")
        raw = scope.ask_raw(b":WAVeform:DATA?")
        digits = int(chr(raw[1]))
        assert int(raw[2 : 2 + digits]) == 1200 and len(raw) == 2 + digits + 1200 + 1
        scope.abort()  # the abort channel answers on the port create_link gave
        scope.lock()
        scope.unlock()
        assert scope.ask(":SYST:ERR?") == '0,"No error"'
    finally:
        scope.close()


def test_vxi11_lock_keeps_a_second_link_out_until_released(bench):
    from pyvisa import errors as visa_errors

    first = open_link(resource(bench, "vxi11", "dmm"))
    second = open_link(resource(bench, "vxi11", "dmm"))
    try:
        first.lock_excl()
        second.visalib.sessions[second.session].lock_timeout = 200  # ms, not pyvisa-py's 10 s
        with pytest.raises(visa_errors.VisaIOError):
            second.query("*IDN?")
        assert first.query("*IDN?").startswith("Keysight")  # the holder goes on
        first.unlock()
        assert second.query("*IDN?").startswith("Keysight")
    finally:
        second.close()
        first.close()


def test_hislip_async_channel_lock_status_and_max_size(bench):
    # pyvisa-py's own HiSLIP client, used below the resource layer for what its
    # resource does not expose (locks).
    from pyvisa_py.protocols.hislip import Instrument

    host = loopback_pair(0)[0]
    one, two = Instrument(host, timeout=2.0), Instrument(host, timeout=2.0)
    try:
        assert one.max_msg_size == 16 * 1024 * 1024  # the server's maximum, as it says
        assert one.async_lock_request(timeout=0.5) == "success"
        assert one.async_lock_info() == 1
        assert two.async_lock_request(timeout=0.2) == "failure"  # held by the other session
        assert one.async_lock_release() == "success"
        assert two.async_lock_request(timeout=0.2) == "success"
        assert two.async_lock_release() == "success"
        assert one.async_lock_release() == "error"  # nothing held any more
        one.send(b"*ESE 1;*OPC;*ESE?\n")
        assert bytes(one.receive(64)).strip() == b"+1"  # executed, reply in DataEnd
        assert one.async_status_query() & 0x20  # ESB: OPC set and enabled
        one.max_msg_size = 40  # the client takes at most 40-byte messages: replies are split
        one.send(b"*IDN?\n")
        reply = bytes(one.receive(4096))
        assert reply.startswith(b"Keysight Technologies,34465A,") and reply.endswith(b"\n")
        assert len(reply) > 40
    finally:
        one.close()
        two.close()


def test_portmapper_dump_and_rpc_refusals_as_rfc_5531_words_them(bench):
    from pyvisa_py.protocols import rpc

    require_portmapper(bench)
    host = loopback_pair(0)[0]
    pm = rpc.TCPPortMapperClient(host, open_timeout=2000)
    try:
        table = pm.dump()
        assert (0x0607AF, 1, 6) in [m[:3] for m in table]  # the VXI-11 core channel over TCP
        assert pm.get_port((0x0607AF, 2, 6, 0)) == 0  # no version 2: port 0, as RFC 1833 says
    finally:
        pm.close()
    udp = rpc.UDPPortMapperClient(host)  # what VISA discovery broadcasts to, one datagram
    try:
        assert udp.get_port((0x0607AF, 1, 6, 0)) == dict(
            ((m[0], m[2]), m[3]) for m in table)[(0x0607AF, 6)]
    finally:
        udp.close()

    def call(record: bytes, split: bool = False) -> bytes:
        """One call record, optionally sent as two fragments (RFC 5531 §11)."""
        half = len(record) // 2
        cut = [record[:half], record[half:]] if split else [record]
        with socket.create_connection((host, 111), timeout=2) as s:
            for i, part in enumerate(cut):
                last = 0x80000000 if i == len(cut) - 1 else 0
                s.sendall(struct.pack(">I", last | len(part)) + part)
            n = struct.unpack(">I", s.recv(4))[0] & 0x7FFFFFFF
            return s.recv(n)

    def header(xid: int, prog: int, vers: int, proc: int, rpcvers: int = 2) -> bytes:
        return struct.pack(">10I", xid, 0, rpcvers, prog, vers, proc, 0, 0, 0, 0)

    accept = struct.Struct(">6I")  # xid, REPLY, MSG_ACCEPTED, verifier (0, 0), accept_stat
    assert accept.unpack(call(header(1, 100000, 2, 0), split=True)[:24])[5] == 0  # NULL
    assert accept.unpack(call(header(2, 123456, 1, 0))[:24])[5] == 1  # PROG_UNAVAIL
    assert accept.unpack(call(header(3, 100000, 9, 0))[:24])[5] == 2  # PROG_MISMATCH
    assert accept.unpack(call(header(4, 100000, 2, 42))[:24])[5] == 3  # PROC_UNAVAIL
    assert accept.unpack(call(header(5, 100000, 2, 3))[:24])[5] == 4  # GARBAGE_ARGS
    denied = call(header(6, 100000, 2, 0, rpcvers=3))
    assert struct.unpack(">6I", denied) == (6, 1, 1, 0, 2, 2)  # MSG_DENIED, RPC_MISMATCH 2..2


def test_meterlab_sim_lists_every_resource_and_names_a_taken_port_in_one_line():
    """`meterlab sim` as a user runs it: socket lines first, then VXI-11 and HiSLIP per
    instrument; with port 111 of its address taken, one line on stderr says so."""
    import shutil
    import signal
    import subprocess
    import sys
    from pathlib import Path

    dmm_host, scope_host = loopback_pair(2)
    squatter = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        squatter.bind((dmm_host, 111))
    except PermissionError:
        pytest.skip("binding port 111 needs root; this run is not root")
    uv = shutil.which("uv")
    args = ["sim", "--host", dmm_host, "--dmm-port", "0", "--scope-port", "0"]
    cmd = ([uv, "run", "--no-sync", "meterlab", *args] if uv
           else [str(Path(sys.executable).with_name("meterlab")), *args])
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=dict(os.environ, PYTHONUNBUFFERED="1"))
    try:
        assert proc.stdout is not None and proc.stderr is not None
        lines = [proc.stdout.readline().strip() for _ in range(6)]
        assert [line.split(" ", 1)[0] for line in lines] == ["dmm", "scope", "dmm", "dmm",
                                                           "scope", "scope"]
        assert lines[0].endswith("::SOCKET") and lines[1].endswith("::SOCKET")
        assert lines[2].startswith(f"dmm TCPIP::{dmm_host},")  # no portmapper: pyvisa-py form
        assert lines[3] == f"dmm TCPIP::{dmm_host}::hislip0::INSTR"
        assert lines[4:] == [f"scope TCPIP::{scope_host}::INSTR",
                             f"scope TCPIP::{scope_host}::hislip0::INSTR"]
        note = proc.stderr.readline()
        assert note.startswith("meterlab sim: VXI-11 on ") and "port 111 is in use" in note
        res = open_link(lines[4].split(" ", 1)[1])
        try:
            assert res.query("*IDN?").startswith("RIGOL TECHNOLOGIES,MSO1104Z,")
        finally:
            res.close()
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=10) == 0
        assert proc.stderr.read().strip() == ""  # the note was the only line
    finally:
        squatter.close()
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=5)


def test_instruments_sharing_one_address_are_inst1_and_hislip1():
    """Where a second loopback address cannot be had (macOS), the scope shares the meter's
    address as a LAN/GPIB gateway's second device does."""
    host = loopback_pair(3)[0]
    with SimulatedBench(seed=3, host=host, lan=True, scope_host=host) as b:
        if b.lan_notes:
            require_portmapper(b)
        assert b.lan_resources["scope"] == [f"TCPIP::{host}::inst1::INSTR",
                                            f"TCPIP::{host}::hislip1::INSTR"]
        for which, maker in (("dmm", "Keysight"), ("scope", "RIGOL")):
            for name in b.lan_resources[which]:
                res = open_link(name)
                try:
                    assert res.query("*IDN?").startswith(maker), name
                finally:
                    res.close()


@pytest.mark.parametrize("protocol", PROTOCOLS)
def test_meterlab_commands_over_each_lan_protocol(bench, protocol, capsys):
    from meterlab.cli import main

    def run(args: list[str]) -> str:
        with pytest.raises(SystemExit) as exc:
            main(args)
        out = capsys.readouterr().out
        assert exc.value.code in (0, None), out
        return out

    assert "MSO1104Z" in run(["idn", resource(bench, protocol, "scope")])
    out = run(["read", resource(bench, protocol, "dmm"), "--count", "2", "--no-store",
               "--limit", "3.3 V ±3 %"])
    assert out.count("PASS") >= 2 and "3.3" in out
