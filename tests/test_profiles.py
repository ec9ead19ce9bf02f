"""Instrument profiles: the shipped ones load and match, and every kind of mistake in a
user's profile is reported with its file, line and key."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from meterlab import paths
from meterlab.drivers.dmm_profile import DmmSpec, fill
from meterlab.errors import FileFormatError, InstrumentError
from meterlab.profiles import (
    find_key_line,
    load_profile,
    load_profiles,
    match_profile,
    require_profile,
)
from meterlab.scpi import parse_idn

SHIPPED = paths.shipped_dir("instruments")

MINIMAL = """\
[profile]
name = "Test meter"
kind = "dmm"

[identify]
models = ["TM1"]

[dmm]
nplc = [1, 10]

[dmm.functions."VOLT:DC"]
header = "VOLT:DC"
ranges = [1, 10]
accuracy = [
  [0.01, 0.002],
  [0.01, 0.001],
]
"""


def _write(tmp_path: Path, text: str, name: str = "p.toml") -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


@pytest.mark.parametrize(
    ("idn", "name"),
    [
        ("Keysight Technologies,34465A,MY57500001,A.03.01-03.15", "Keysight 34465A"),
        ("Keysight Technologies,34470A,MY1,A.03", "Keysight 34470A"),
        ("Keysight Technologies,34461A,MY1,A.03", "Keysight 34461A"),
        ("Agilent Technologies,34460A,MY1,A.01", "Keysight 34460A"),
        ("HEWLETT-PACKARD,34401A,0,11-5-2", "HP/Agilent 34401A"),
        ("Rigol Technologies,DM3058E,DM3R123,01.01.00.02", "Rigol DM3058/DM3058E"),
        ("Siglent Technologies,SDM3055,SDM35A1,1.01.01.25", "Siglent SDM3055/SDM3065X"),
        ("Siglent Technologies,SDM3065X,SDM36X1,3.01", "Siglent SDM3055/SDM3065X"),
        ("Siglent Technologies,SDM3045X,SDM34X1,1.01", "Siglent SDM3045X"),
        ("KEITHLEY INSTRUMENTS INC., MODEL 2000, 1234567, A19  /A02", "Keithley 2000"),
        ("KEITHLEY INSTRUMENTS,MODEL DMM6500,04412345,1.7.3b", "Keithley DMM6500"),
    ],
)
def test_shipped_dmm_profiles_match(idn: str, name: str) -> None:
    profile = match_profile(parse_idn(idn))
    assert profile is not None and profile.name == name
    assert profile.kind == "dmm" and isinstance(profile.spec, DmmSpec)


def test_model_wins_over_maker() -> None:
    # A 34461A set to identify as a 34401A is driven with the 34401A profile.
    assert match_profile(parse_idn("HEWLETT-PACKARD,34401A,MY1,A.02")).name == "HP/Agilent 34401A"
    assert match_profile(parse_idn("Agilent Technologies,34465A,MY1,A")).name == "Keysight 34465A"
    # Keithley 2000 requires its maker: a different "MODEL 2000" is not it.
    assert match_profile(parse_idn("OTHER CORP, MODEL 2000, 1, 1")) is None


def test_every_shipped_dmm_profile_is_consistent() -> None:
    dmms = [p for p in load_profiles() if p.kind == "dmm"]
    assert len(dmms) >= 9
    for p in dmms:
        spec: DmmSpec = p.spec
        assert spec.default_function in spec.functions
        for f in spec.functions.values():
            assert list(f.ranges) == sorted(f.ranges), (p.name, f.key)
            assert not f.accuracy or len(f.accuracy) == len(f.ranges)
            for pct_reading, pct_range in f.accuracy:
                assert 0 < pct_reading < 5 and 0 <= pct_range < 2, (p.name, f.key)


def test_truevolt_spec_facts() -> None:
    p = match_profile(parse_idn("Keysight Technologies,34465A,MY1,A"))
    spec: DmmSpec = p.spec
    assert spec.fast_read == "R?" and spec.memory == 2_000_000 and spec.max_rate == 50_000
    assert p.connection.port == 5025
    for name in ("volt:dc", "VOLTage:DC", "VOLT", "voltage"):
        assert spec.function(name) is spec.functions["VOLT:DC"]
    assert spec.function("RESistance") is spec.functions["RES"]
    assert spec.function("VOLT:DQ") is None
    volts = spec.function("volt:dc")
    assert volts is not None and volts.range_for(3.3) == 10 and volts.range_for(2000) is None
    assert volts.accuracy_for(10) == (0.0030, 0.0005)


def test_dialect_templates() -> None:
    k6500 = match_profile(parse_idn("KEITHLEY INSTRUMENTS,MODEL DMM6500,1,1"))
    assert fill(k6500.spec.commands["function"], header="VOLT:DC") == ':SENS:FUNC "VOLT:DC"'
    rigol = match_profile(parse_idn("Rigol Technologies,DM3058,1,1"))
    assert rigol.spec.rates == {"F": 123.0, "M": 20.0, "S": 2.5}
    assert fill(rigol.spec.commands["rate"], header="VOLT:DC", rate="F") == ":RATE:VOLT:DC F"


def test_user_profile_found_first(tmp_path: Path) -> None:
    text = MINIMAL.replace('models = ["TM1"]', 'models = ["34465A"]').replace("Test meter", "Mine")
    _write(tmp_path, text)
    profiles = load_profiles(extra_dirs=[tmp_path])
    assert match_profile(parse_idn("Keysight Technologies,34465A,1,1"), profiles).name == "Mine"


def test_minimal_profile_defaults(tmp_path: Path) -> None:
    p = load_profile(_write(tmp_path, MINIMAL))
    assert p.connection.read_termination == "\n" and p.connection.timeout_ms == 5000
    assert p.spec.fast_read == "none" and p.spec.functions["VOLT:DC"].unit == "V"
    assert p.section("dmm")["nplc"] == [1, 10]
    assert p.section("scope") == {}


@pytest.mark.parametrize(
    ("change", "line", "key", "words"),
    [
        (('kind = "dmm"', 'kind = "psu"'), 3, "profile.kind", "must be one of"),
        (('name = "Test meter"\n', ""), 1, "profile.name", "missing"),
        (('models = ["TM1"]', "models = [1]"), 6, "identify.models", "list of non-empty"),
        (('models = ["TM1"]', 'model_regex = "(("'), 6, "identify.model_regex", "regular"),
        (("nplc = [1, 10]", 'nplc = ["fast"]'), 9, "dmm.nplc", "positive numbers"),
        (("nplc = [1, 10]", 'fast_read = "FETCH"'), 9, "dmm.fast_read", "must be one of"),
        (("nplc = [1, 10]", "speed = 3"), 9, "dmm.speed", "unknown key"),
        (("ranges = [1, 10]", "ranges = [1, 10, 100]"), 14,
         'dmm.functions.VOLT:DC.accuracy', "3 ranges"),
        (("  [0.01, 0.001],\n", "  [0.01],\n"), 14, "dmm.functions.VOLT:DC.accuracy", "pairs"),
        (('header = "VOLT:DC"', 'header = "VOLT:DC"\nrange = 3'), 13,
         "dmm.functions.VOLT:DC.range", "unknown key"),
        (("[dmm]\n", '[dmm]\ncommands = { read = "READ? {bogus}" }\n'), 9,
         "dmm.commands.read", "placeholder"),
    ],
)
def test_broken_profile_names_file_line_key(
    tmp_path: Path, change: tuple[str, str], line: int, key: str, words: str
) -> None:
    assert change[0] in MINIMAL
    path = _write(tmp_path, MINIMAL.replace(change[0], change[1], 1), "broken.toml")
    with pytest.raises(FileFormatError, match=words) as err:
        load_profile(path)
    assert err.value.path == str(path)
    assert err.value.key == key
    assert err.value.line == line, str(err.value)
    assert str(err.value).startswith(f"{path}:{line}: ")


def test_toml_syntax_error_has_line(tmp_path: Path) -> None:
    path = _write(tmp_path, MINIMAL.replace('kind = "dmm"', "kind = dmm"))
    with pytest.raises(FileFormatError, match="not valid TOML") as err:
        load_profile(path)
    assert err.value.line == 3


def test_broken_user_profile_stops_loading(tmp_path: Path) -> None:
    _write(tmp_path, "[profile]\nname = 1\n", "bad.toml")
    with pytest.raises(FileFormatError, match=r"bad\.toml"):
        load_profiles(extra_dirs=[tmp_path])


def test_unknown_instrument_in_plain_words() -> None:
    with pytest.raises(InstrumentError) as err:
        require_profile(parse_idn("ACME,BOX-9,1,1"), "dmm", resource="TCPIP::10.0.0.5::SOCKET")
    msg = str(err.value)
    assert "ACME, BOX-9" in msg and "multimeter profile" in msg and "10.0.0.5" in msg
    # A scope is not a multimeter, even though a profile matches it.
    scope_idn = parse_idn("RIGOL TECHNOLOGIES,MSO1104Z,DS1ZA1,00.04.04")
    if match_profile(scope_idn) is not None:
        with pytest.raises(InstrumentError, match=r"multimeter"):
            require_profile(scope_idn, "dmm")


def test_find_key_line_skips_multiline_arrays() -> None:
    text = 'a = 1\n[t]\nx = [\n  [1, 2],\n]\ny = 2\n[t."q:r"]\nz = 3\n'
    assert find_key_line(text, ("t", "y")) == 6
    assert find_key_line(text, ("t", "q:r", "z")) == 8
    assert find_key_line(text, ("t", "q:r", "missing")) == 7
    assert find_key_line(text, ("a",)) == 1
    assert find_key_line(text, ("nope",)) is None


def test_shipped_folder_has_the_dmm_profiles() -> None:
    names = {p.name for p in SHIPPED.glob("*.toml")}
    for n in ["keysight-34465a.toml", "keysight-34461a.toml", "hp-34401a.toml",
              "rigol-dm3058.toml", "siglent-sdm3055.toml", "keithley-dmm6500.toml"]:
        assert n in names


_SHIPPED_PROFILES = load_profiles()


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=400))
def test_random_text_is_a_profile_or_a_file_format_error(tmp_path: Path, text: str) -> None:
    path = _write(tmp_path, text, "random.toml")
    try:
        load_profile(path)
    except FileFormatError as err:
        assert err.path == str(path)


@settings(max_examples=80, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_mangled_profile_is_a_profile_or_names_its_mistake(
    tmp_path: Path, data: st.DataObject
) -> None:
    lines = MINIMAL.splitlines()
    i = data.draw(st.integers(0, len(lines) - 1))
    replacement = data.draw(st.sampled_from(
        ["", "x = 1", "[dmm]", "header = 5", "ranges = []", "accuracy = [[1, 2, 3]]",
         'kind = "scope"']
    ))
    lines[i] = replacement
    path = _write(tmp_path, "\n".join(lines) + "\n", "mangled.toml")
    try:
        load_profile(path)
    except FileFormatError as err:
        assert err.path == str(path) and (err.line is None or 1 <= err.line <= len(lines))


# -- extends: a model that differs in three lines states three lines -------------------------

CHILD = """\
[profile]
name = "Test meter B"
extends = "p"

[identify]
models = ["TM2"]

[dmm]
nplc = [0.1, 1, 10]

[dmm.functions."VOLT:DC"]
accuracy = [[0.02, 0.004], [0.02, 0.002]]
"""


def test_extends_merges_tables_and_overrides_only_what_differs(tmp_path: Path) -> None:
    _write(tmp_path, MINIMAL, "p.toml")
    child = load_profile(_write(tmp_path, CHILD, "child.toml"))
    assert (child.name, child.kind, child.models) == ("Test meter B", "dmm", ("TM2",))
    volts = child.spec.functions["VOLT:DC"]
    assert volts.ranges == (1.0, 10.0) and volts.header == "VOLT:DC"  # inherited
    assert volts.accuracy == ((0.02, 0.004), (0.02, 0.002))  # overridden
    assert child.spec.nplc == (0.1, 1.0, 10.0)  # arrays are replaced, not appended
    assert "extends" not in child.section("profile")
    # the parent's identity is not inherited: each file claims only its own models
    assert match_profile(parse_idn("X,TM1,1,1"), [child]) is None


def test_shipped_truevolt_family_extends_and_keeps_its_facts() -> None:
    p70 = load_profile(SHIPPED / "keysight-34470a.toml")
    p65 = load_profile(SHIPPED / "keysight-34465a.toml")
    p60 = load_profile(SHIPPED / "keysight-34460a.toml")
    assert p70.spec.functions["CAP"] == p65.spec.functions["CAP"]
    assert p70.spec.functions["VOLT:DC"].accuracy_for(10) == (0.0016, 0.0004)
    assert p70.spec.nplc == p65.spec.nplc and p70.connection == p65.connection
    assert p60.spec.nplc == (0.02, 0.2, 1.0, 10.0, 100.0)  # from the 34461A it extends
    assert max(p60.spec.functions["CURR:DC"].ranges) == 3  # no 10 A input
    assert p60.spec.commands["overflow_query"] == "STAT:QUES:EVEN?"  # from the 34465A
    assert [path.name for path, _t, _d in p60.layers] == [
        "keysight-34460a.toml", "keysight-34461a.toml", "keysight-34465a.toml"]


def test_extends_a_missing_profile_names_file_line_key(tmp_path: Path) -> None:
    path = _write(tmp_path, CHILD.replace('extends = "p"', 'extends = "nowhere"'), "c.toml")
    with pytest.raises(FileFormatError, match="nowhere") as err:
        load_profile(path)
    assert (err.value.path, err.value.line, err.value.key) == (str(path), 3, "profile.extends")


def test_extends_in_a_circle_is_refused(tmp_path: Path) -> None:
    _write(tmp_path, CHILD.replace('extends = "p"', 'extends = "b"'), "a.toml")
    b = _write(tmp_path, CHILD.replace('extends = "p"', 'extends = "a"')
               .replace("TM2", "TM3"), "b.toml")
    with pytest.raises(FileFormatError, match="circle") as err:
        load_profile(b)
    assert err.value.key == "profile.extends" and err.value.line == 3
    with pytest.raises(FileFormatError, match="circle"):
        load_profiles(extra_dirs=[tmp_path])
    selfish = _write(tmp_path, CHILD.replace('extends = "p"', 'extends = "self"'), "self.toml")
    with pytest.raises(FileFormatError, match="circle"):
        load_profile(selfish)


def test_a_child_needs_its_own_identity(tmp_path: Path) -> None:
    _write(tmp_path, MINIMAL, "p.toml")
    no_id = _write(tmp_path, CHILD.replace('[identify]\nmodels = ["TM2"]\n', ""), "c.toml")
    with pytest.raises(FileFormatError, match=r"own \[identify\]"):
        load_profile(no_id)
    no_name = _write(tmp_path, CHILD.replace('name = "Test meter B"\n', ""), "d.toml")
    with pytest.raises(FileFormatError, match=r"profile\.name"):
        load_profile(no_name)


def test_a_mistake_in_an_override_names_the_child(tmp_path: Path) -> None:
    _write(tmp_path, MINIMAL, "p.toml")
    bad = _write(tmp_path, CHILD.replace("[[0.02, 0.004], [0.02, 0.002]]", "[[0.02, 0.004]]"),
                 "c.toml")
    with pytest.raises(FileFormatError, match="1 pairs but there are 2 ranges") as err:
        load_profile(bad)
    assert (err.value.path, err.value.line) == (str(bad), 12)


def test_dmm_profiles_carry_no_dialect_that_nothing_reads(tmp_path: Path) -> None:
    for path in SHIPPED.glob("*.toml"):
        p = load_profile(path)
        if p.kind == "dmm":
            assert "dialect" not in p.section("profile"), path.name
    legacy = _write(tmp_path, MINIMAL.replace('kind = "dmm"', 'kind = "dmm"\ndialect = "scpi"'))
    assert load_profile(legacy).kind == "dmm"  # files written before still load
    wrong = _write(tmp_path, MINIMAL.replace('kind = "dmm"', 'kind = "dmm"\ndialect = "keithley"'),
                   "w.toml")
    with pytest.raises(FileFormatError, match="one driver serves them all") as err:
        load_profile(wrong)
    assert (err.value.line, err.value.key) == (4, "profile.dialect")


def test_no_profile_cites_a_path_outside_the_repository() -> None:
    for path in SHIPPED.glob("*.toml"):
        text = path.read_text(encoding="utf-8")
        assert "/work/" not in text and "scpi-facts" not in text, path.name


# -- choosing a profile loads only the connected model's files ------------------------------


def _user_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "instruments"
    folder.mkdir()
    monkeypatch.setattr(paths, "user_dir", lambda name: folder)
    return folder


def test_matching_loads_only_the_files_whose_identify_may_match(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import meterlab.profiles as profiles

    folder = _user_folder(tmp_path, monkeypatch)
    # Another model's file with a mistake outside [identify]: not this meter's business.
    _write(folder, MINIMAL.replace("nplc = [1, 10]", "nplc = [1, 10"), "other.toml")
    loaded: list[str] = []
    real = profiles.load_profile
    monkeypatch.setattr(profiles, "load_profile",
                        lambda path, **kw: loaded.append(Path(path).name) or real(path, **kw))
    idn = parse_idn("Keysight Technologies,34465A,MY1,A")
    assert require_profile(idn, "dmm").name == "Keysight 34465A"
    assert loaded == ["keysight-34465a.toml"]
    # The broken file is still reported when it is the connected model's own.
    with pytest.raises(FileFormatError, match=r"other\.toml"):
        require_profile(parse_idn("ACME,TM1,1,1"), "dmm")


def test_a_file_whose_identify_cannot_be_read_alone_is_loaded_whole(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _user_folder(tmp_path, monkeypatch)
    _write(folder, "[profile]\nname = 1\n", "bad.toml")  # no [identify]: cannot rule it out
    with pytest.raises(FileFormatError, match=r"bad\.toml"):
        match_profile(parse_idn("Keysight Technologies,34465A,MY1,A"))


_SHIPPED_PROFILES = load_profiles()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(maker=st.sampled_from(["Keysight Technologies", "HEWLETT-PACKARD", "KEITHLEY INSTRUMENTS",
                              "Siglent Technologies", "RIGOL TECHNOLOGIES", "ACME"]),
       model=st.one_of(st.sampled_from(["34465A", "34470a", " 34401A ", "MODEL 2000",
                                        "SDM3065X", "MSO1104Z", "DS1054Z", "DMM6500"]),
                       st.text("0123456789ABCDEFXZadelmosx -", min_size=1, max_size=12)
                       .filter(str.strip)))
def test_the_quick_look_at_identify_never_rules_out_a_profile_that_matches(
        maker: str, model: str) -> None:
    from meterlab.profiles import _may_match

    idn = parse_idn(f"{maker},{model},1,1")
    for p in _SHIPPED_PROFILES:
        if p.matches(idn):
            assert _may_match(p.text, idn), (p.name, model)
