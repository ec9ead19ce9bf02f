"""`meterlab` starts the demo bench before Qt loads when the window will use it.

`bench.meter_choice.saved_meter` reads the window's own settings file (written by Qt's QSettings)
without Qt; a new user, or settings without a meter, get the bench early, and
anything uncertain leaves the choice to the window as before. The command, the
window and the source it reads follow one rule (`bench.meter_choice`).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from meterlab.bench.meter_choice import saved_meter

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="the settings file is read on Linux only")


@pytest.fixture
def config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    return tmp_path / "meterlab" / "meterlab.conf"


def _qt_settings(values: dict[str, str]) -> None:
    from PySide6.QtCore import QSettings

    s = QSettings("meterlab", "meterlab")
    for key, value in values.items():
        s.setValue(key, value)
    s.sync()


def _window_saves_meter(resource: str) -> None:
    """As the window does: through its own `Settings`, on the user's default store."""
    from meterlab.gui.settings import Settings, default_store

    store = default_store()
    Settings(store).dmm_resource = resource
    store.sync()


def test_a_new_user_gets_the_bench_early(config: Path) -> None:
    assert not config.exists()
    assert saved_meter() is False


def test_what_qt_wrote_is_read_as_qt_reads_it(config: Path) -> None:
    _qt_settings({"window/tab": "scope"})
    assert config.is_file() and saved_meter() is False
    _window_saves_meter("TCPIP::192.168.1.50::5025::SOCKET")
    assert saved_meter() is True
    _window_saves_meter("")
    assert saved_meter() is False


def test_a_file_that_does_not_parse_leaves_the_choice_to_the_window(config: Path) -> None:
    config.parent.mkdir(parents=True)
    config.write_bytes(b"\xff\xfe[resources\ndmm")
    assert saved_meter() is True


def test_elsewhere_the_window_decides(config: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "win32")  # settings in the registry: not read
    assert saved_meter() is True


class _Bench:
    """A bench the source is handed (nothing is started)."""

    ready = True
    dmm_resource = "TCPIP::127.0.0.1::5025::SOCKET"

    def stop(self) -> None:
        pass


@pytest.mark.parametrize(("dmm", "demo", "saved", "bench"), [
    (None, False, False, True),   # a first start: the bench
    (None, True, False, True),    # --demo
    (None, True, True, True),     # --demo wins over the saved meter
    (None, False, True, False),   # the meter saved last time
    ("TCPIP::10.0.0.9::INSTR", False, False, False),  # --dmm wins over everything
    ("TCPIP::10.0.0.9::INSTR", True, True, False),
])
def test_the_command_and_the_window_choose_the_same_meter(dmm, demo, saved, bench) -> None:
    from meterlab.bench.meter_choice import reads_demo_bench
    from meterlab.gui.sources import make_source

    assert reads_demo_bench(dmm=dmm, demo=demo, saved_meter=saved) is bench
    last = "TCPIP::192.168.1.50::5025::SOCKET" if saved else None
    source = make_source(dmm=dmm, demo=demo, last_dmm=last, bench=_Bench())
    try:
        assert source.simulated is bench
        if not bench:
            assert source.resource == (dmm or last)
    finally:
        source.close()
