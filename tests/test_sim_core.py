"""The simulator's SCPI core, through pyvisa-py over TCP: parsing, errors, status, framing."""

from __future__ import annotations

import socket
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from meterlab.sim.instrument import SimInstrument
from meterlab.sim.scpi import Param, SCPIError, compile_pattern, match_nodes, split_units
from meterlab.sim.server import InstrumentServer, find_message_end


class FakeBoard:
    def __init__(self) -> None:
        self.faults: set[str] = set()
        self.temperature_c = 25.0

    def set_fault(self, name: str, on: bool) -> None:
        if name not in ("ldo_drift", "r1_open"):
            raise ValueError(name)
        (self.faults.add if on else self.faults.discard)(name)

    @property
    def active_faults(self) -> tuple[str, ...]:
        return tuple(sorted(self.faults))


class Toy(SimInstrument):
    """A minimal instrument with a few headers in the 34465A's style."""

    identity = ("ACME", "TOY1", "SN1", "1.0")

    def build(self) -> None:
        self.table.add("[SENSe:]VOLTage[:DC]:RANGe[:UPPer]", set=self._rng, query=self._rng_q)
        self.table.add("[SENSe:]VOLTage[:DC]:NPLC", set=self._nplc, query=self._nplc_q)
        self.table.add("CHANnel#:SCALe", set=self._scale, query=self._scale_q)
        self.table.add("MEASure[:VOLTage][:DC]", query=lambda c: self.num(1.25))

    def reset(self) -> None:
        self.range = 10.0
        self.nplc = 10.0
        self.scales = {1: 1.0, 2: 1.0}

    def _rng(self, c):
        (p,) = c.expect(1)
        self.range = p.number(units=("V",), special={"MINimum": 0.1, "MAXimum": 1000.0,
                                                     "DEFault": 10.0})

    def _rng_q(self, c):
        c.expect(0)
        return self.num(self.range)

    def _nplc(self, c):
        (p,) = c.expect(1)
        self.nplc = p.number()

    def _nplc_q(self, c):
        return self.num(self.nplc)

    def _scale(self, c):
        n = c.suffix(0, lo=1, hi=2)
        (p,) = c.expect(1)
        self.scales[n] = p.number(units=("V",))

    def _scale_q(self, c):
        return self.num(self.scales[c.suffix(0, lo=1, hi=2)])


@pytest.fixture
def toy():
    inst = Toy(FakeBoard())
    server = InstrumentServer(inst).start()
    yield inst, server
    server.stop()


@pytest.fixture
def visa(toy):
    from tests.visa_link import link

    with link(toy[1].resource, timeout=2000) as res:
        yield res


def errors(res) -> list[str]:
    out = []
    while True:
        e = res.query("SYST:ERR?")
        if e.startswith("+0,"):
            return out
        out.append(e)


def test_identification_and_empty_error_queue(visa):
    assert visa.query("*IDN?") == "ACME,TOY1,SN1,1.0"
    assert visa.query("SYST:ERR?") == '+0,"No error"'


def test_short_long_any_case_and_optional_nodes(visa):
    visa.write("sense:voltage:dc:range 100")
    assert float(visa.query("VOLT:RANG?")) == 100.0
    visa.write("Volt:Range:Upper 1")
    assert float(visa.query(":SENS:VOLT:DC:RANGE:UPP?")) == 1.0
    assert errors(visa) == []


def test_wrong_mnemonic_forms_are_undefined_headers(visa):
    visa.write("VOL:RANG 10")  # neither short nor long form
    visa.write("VOLTA:RANG 10")
    assert errors(visa) == ['-113,"Undefined header"', '-113,"Undefined header"']


def test_units_min_max_def_and_suffix_multipliers(visa):
    visa.write("VOLT:RANG 100 mV")
    assert float(visa.query("VOLT:RANG?")) == pytest.approx(0.1)
    visa.write("VOLT:RANG MAX")
    assert float(visa.query("VOLT:RANG?")) == 1000.0
    visa.write("VOLT:RANG def")
    assert float(visa.query("VOLT:RANG?")) == 10.0
    visa.write("VOLT:RANG 1 kHz")
    assert errors(visa) == ['-131,"Invalid suffix;KHZ"']


def test_compound_message_keeps_current_path_and_root_reset(visa):
    visa.write("VOLT:RANG 1;NPLC 0.2")
    assert visa.query("VOLT:NPLC?;RANG?") == "+2.00000000E-01;+1.00000000E+00"
    assert visa.query("VOLT:NPLC?;:*IDN?").endswith("ACME,TOY1,SN1,1.0")
    assert errors(visa) == []


def test_numeric_suffix_in_header(visa):
    visa.write(":CHAN2:SCAL 0.5")
    assert float(visa.query(":CHANNEL2:SCALE?")) == 0.5
    assert float(visa.query(":CHAN1:SCAL?")) == 1.0
    visa.write(":CHAN3:SCAL 1")
    assert errors(visa) == ['-114,"Header suffix out of range"']


def test_unknown_query_gives_no_reply_and_an_error(visa):
    import pyvisa

    assert int(visa.query("*ESR?")) == 128  # power-on bit, cleared by reading
    visa.timeout = 300
    with pytest.raises(pyvisa.errors.VisaIOError):
        visa.query("FOO:BAR?")
    visa.timeout = 2000
    assert visa.query("*ESR?") == "32"  # Command Error bit
    assert errors(visa) == ['-113,"Undefined header"']


def test_set_form_of_query_only_header_is_an_error(visa):
    visa.write("MEAS")
    assert errors(visa) == ['-113,"Undefined header"']
    assert float(visa.query("MEAS?")) == 1.25


def test_parameter_count_errors(visa):
    visa.write("VOLT:RANG")
    visa.write("VOLT:RANG 1,2")
    visa.write("VOLT:RANG abc")
    assert errors(visa) == ['-109,"Missing parameter"', '-108,"Parameter not allowed"',
                            '-224,"Illegal parameter value;abc"']


def test_error_queue_overflow_and_status_byte(visa):
    for _ in range(25):
        visa.write("NOPE")
    assert int(visa.query("*STB?")) & 4
    errs = errors(visa)
    assert len(errs) == 20
    assert errs[-1] == '-350,"Queue overflow"'  # the SCPI-99 text, as Keysight prints it
    assert int(visa.query("*STB?")) & 4 == 0
    visa.write("NOPE;*CLS")
    assert errors(visa) == []


def test_opc_and_common_commands(visa):
    assert visa.query("*OPC?") == "1"
    visa.write("*CLS;*ESE 1;*OPC")
    assert int(visa.query("*STB?")) & 32
    assert visa.query("*ESR?") == "1"


def test_simulation_fault_commands(visa, toy):
    visa.write('SIM:FAUL ldo_drift,ON')
    assert visa.query("SIM:FAUL?") == '"ldo_drift"'
    visa.write("SIM:FAUL ldo_drift,OFF;:SIM:FAUL bogus,ON")
    assert visa.query("SIM:FAUL?") == '""'
    assert errors(visa) == ['-224,"Illegal parameter value;bogus"']


def test_two_connections_share_state(toy):
    from tests.visa_link import link

    with link(toy[1].resource) as a, link(toy[1].resource) as b:
        a.write("VOLT:RANG 1000")
        assert a.query("*OPC?") == "1"  # a's command is done before b asks
        assert float(b.query("VOLT:RANG?")) == 1000.0


def raw_client(server: InstrumentServer) -> socket.socket:
    s = socket.create_connection(("127.0.0.1", server.port), timeout=2)
    return s


def test_garbage_binary_junk_and_half_messages_never_kill_the_server(toy):
    inst, server = toy
    s = raw_client(server)
    s.sendall(bytes(range(256)) + b"\n")
    s.sendall(b"\xff\xfe\x00junk;;;::??\n")
    s.sendall(b"#9999999999999\n")
    s.sendall(b"VOLT:RANG 1" * 1000 + b"\n")
    s.sendall(b"*IDN")  # half a message, then the client vanishes
    s.close()
    s = raw_client(server)
    s.sendall(b"*IDN?\n")
    assert s.recv(100) == b"ACME,TOY1,SN1,1.0\n"
    s.close()
    # The first connection's junk is parsed on its own server thread, which may still be
    # at it when the second one has its answer.
    deadline = time.monotonic() + 5.0
    while not inst.errors and time.monotonic() < deadline:
        time.sleep(0.01)
    assert len(inst.errors) > 0


def test_reply_is_one_message_with_crlf_input_accepted(toy):
    _, server = toy
    s = raw_client(server)
    s.sendall(b"*IDN?\r\n")
    time.sleep(0.05)
    assert s.recv(100) == b"ACME,TOY1,SN1,1.0\n"
    s.close()


def test_block_parameter_with_newline_does_not_split_the_message():
    msg = b"SYST:DATA #15ab\ncd;*IDN?\nrest"
    assert find_message_end(msg) == len(b"SYST:DATA #15ab\ncd;*IDN?")
    assert split_units(b"A #13;;;;B;C") == [b"A #13;;;", b"B", b"C"]  # the block holds ";;;"


def test_pattern_matching():
    nodes = compile_pattern("[SENSe:]VOLTage[:DC]:RANGe[:AUTO]")
    assert match_nodes(nodes, ["VOLT", "RANG"]) == []
    assert match_nodes(nodes, ["SENSE", "VOLTAGE", "DC", "RANGE", "AUTO"]) == []
    assert match_nodes(nodes, ["VOLT", "AC", "RANG"]) is None
    nodes = compile_pattern("CHANnel#:SCALe")
    assert match_nodes(nodes, ["CHAN3", "SCAL"]) == [3]
    assert match_nodes(nodes, ["CHANNEL", "SCALE"]) == [None]


@given(st.binary(max_size=300))
@settings(max_examples=300, deadline=None)
def test_any_bytes_execute_without_raising(data):
    inst = Toy(FakeBoard())
    reply = inst.execute(data.replace(b"\n", b" "))
    assert reply is None or isinstance(reply, bytes)


@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e30, max_value=1e30),
       st.sampled_from(["", "V", "mV", "uV", "kV", "MV"]))
def test_numbers_with_units_round_trip(value, suffix):
    factor = {"": 1, "V": 1, "mV": 1e-3, "uV": 1e-6, "kV": 1e3, "MV": 1e-3}[suffix]
    got = Param(f"{value!r}{suffix}").number(units=("V",))
    assert got == pytest.approx(value * factor, rel=1e-12, abs=1e-300)


def test_number_rejects_strings_and_nonsense():
    with pytest.raises(SCPIError) as e:
        Param('"abc"').number()
    assert e.value.code == -158
    with pytest.raises(SCPIError) as e:
        Param("1.2.3").number()
    assert e.value.code == -120


def test_keysight_prints_status_integers_signed():
    from meterlab.sim import SimulatedBench

    with SimulatedBench() as bench:
        from tests.visa_link import link

        with link(bench.dmm_resource, timeout=3000) as dmm:
            assert dmm.query("*CLS;*ESE 16;*ESE?") == "+16"
            assert dmm.query("*STB?") == "+0"


def test_a_new_link_is_served_after_what_an_older_link_sent_before_it(monkeypatch):
    # A program sends a last command and closes; the next connects and clears the status.
    # The instrument has one parser and takes them in the order they came, however late
    # the simulator's thread for the first link gets to run (played here by a sleep).
    from meterlab.sim import server as srv

    real = srv._serve_client
    served: list[str] = []

    def first_link_late(sock, peer, instrument, links=None):
        served.append(peer)
        if len(served) == 1:
            time.sleep(0.3)
        real(sock, peer, instrument, links)

    monkeypatch.setattr(srv, "_serve_client", first_link_late)
    server = InstrumentServer(Toy(FakeBoard())).start()
    try:
        with socket.create_connection(("127.0.0.1", server.port), 5) as old:
            old.sendall(b"NO:SUCH:HEADer\n")  # leaves -113 in the error queue
        with socket.create_connection(("127.0.0.1", server.port), 5) as new:
            new.sendall(b"*CLS\n")
            time.sleep(0.6)  # the old link's thread has long run by now
            new.sendall(b"SYST:ERR?\n")
            reply = new.recv(200).decode()
    finally:
        server.stop()
    # The *CLS came second and cleared it (served in the order the threads ran, it was
    # "-113,..." here: each link's thread alone decided).
    assert reply.startswith("+0,")
