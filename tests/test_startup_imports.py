"""What the desktop app's first reading does not wait for: heavy imports it does not need yet.

The window is shown before numpy, pyqtgraph and pyvisa load; `import meterlab`
does not read package metadata; pyvisa-py's LAN discovery helpers (zeroconf with
asyncio, psutil) load only when a search uses them, and then work.
"""

from __future__ import annotations

import subprocess
import sys


def _run(code: str) -> str:
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=120)
    assert res.returncode == 0, res.stderr
    return res.stdout.strip()


def test_the_window_shell_loads_without_numpy_pyqtgraph_pyvisa_or_the_simulator():
    out = _run("import sys\nimport meterlab.gui.app, meterlab.gui.main_window, "
               "meterlab.sim.process\n"
               "print(','.join(m for m in ('numpy', 'pyqtgraph', 'pyvisa', "
               "'importlib.metadata', 'meterlab.sim.bench') if m in sys.modules))")
    assert out == ""


def test_lan_discovery_helpers_load_only_when_used():
    # PySide6 first, as in the app: its import hook reads every new module's source.
    out = _run("import sys\nimport PySide6.QtCore\nimport meterlab.visa, pyvisa_py.tcpip as t\n"
               "print('asyncio' in sys.modules, 'psutil._pslinux' in sys.modules)\n"
               "print(t.zeroconf.ServiceListener.__name__, callable(t.psutil.net_if_addrs))\n"
               "print('asyncio' in sys.modules)")
    before, used, after = out.splitlines()
    assert before == "False False"
    assert used == "ServiceListener True"
    assert after == "True"


def test_version_is_still_there_when_asked_for():
    assert _run("import meterlab\nprint(meterlab.__version__)")


def test_pyvisa_and_pyvisa_py_load_without_the_metadata_reader_and_know_their_versions():
    out = _run("import sys\nimport meterlab.visa as v\nv.prepare()\n"
               "print('importlib.metadata' in sys.modules, 'email' in sys.modules)\n"
               "import pyvisa, pyvisa_py\nfrom importlib.metadata import version\n"
               "print(pyvisa.__version__ == version('pyvisa') != 'unknown',\n"
               "      pyvisa_py.__version__ == version('pyvisa-py') != 'unknown')")
    assert out.splitlines() == ["False False", "True True"]


def test_versions_are_read_from_the_dist_info_folder_name(tmp_path, monkeypatch):
    from meterlab.visa_loading import installed_version

    (tmp_path / "Foo_Bar-1.2.3.dist-info").mkdir()
    (tmp_path / "foobar-9.dist-info").mkdir()  # another distribution, not a prefix match
    monkeypatch.setattr(sys, "path", [str(tmp_path / "missing"), str(tmp_path)])
    assert installed_version("foo-bar") == "1.2.3"
    assert installed_version("Foo.Bar") == "1.2.3"  # the standard's name normalisation
    assert installed_version("foo_bar") == "1.2.3"
    assert installed_version("foo") is None


def test_the_stand_in_metadata_falls_back_to_the_real_one():
    out = _run("import sys\nsys.modules.pop('importlib.metadata', None)\n"
               "from meterlab.visa_loading import versions_without_metadata\n"
               "with versions_without_metadata():\n"
               "    from importlib.metadata import PackageNotFoundError, version\n"
               "    try:\n"
               "        version('no-such-distribution-here')\n"
               "    except PackageNotFoundError:\n"
               "        print('not found')\n"
               "    import importlib.metadata as m\n"
               "    print(callable(m.entry_points))  # any other name: the real module\n"
               "print(type(sys.modules['importlib.metadata']).__name__)")
    assert out.splitlines() == ["not found", "True", "module"]


def test_the_quicker_look_for_pyside_in_imported_modules_gives_the_same_answers():
    import inspect
    import json

    import numpy
    import pyqtgraph.Qt
    import pyvisa

    import meterlab.gui.main_window
    import meterlab.visa
    from meterlab.gui.qtcompat import _uses_pyside

    # read (Qt-using packages), and answered without reading (stdlib, numpy, pyvisa)
    for module in (meterlab.gui.main_window, pyqtgraph.Qt, meterlab.visa, pyvisa, numpy, sys,
                   inspect, json):
        try:
            expected = "PySide6" in inspect.getsource(module)
        except (OSError, TypeError):
            expected = False
        assert _uses_pyside(module) is expected, module.__name__
    assert _uses_pyside(meterlab.gui.main_window) and _uses_pyside(pyqtgraph.Qt)  # both answers


def test_opening_pyvisa_py_runs_no_library_search_and_keeps_usb():
    # pyusb's search for libusb runs ldconfig and a C compiler per name it does not
    # find; with libusb-package installed (the usb extra, the dev tools) none runs.
    out = _run("import ctypes.util\ncalls = []\nreal = ctypes.util.find_library\n"
               "ctypes.util.find_library = lambda name: calls.append(name) or real(name)\n"
               "import meterlab.visa as v\nprint(v.prepare(), calls)\n"
               "import pyvisa_py.highlevel as h\n"
               "print(h.PyVisaLibrary.get_debug_info()['USB INSTR'].startswith('Available'))")
    assert out.splitlines() == ["True []", "True"]


def test_the_meter_view_formats_values_without_loading_quantiphy():
    # quantiphy is the reference for SI text, asked only beyond the a…T prefixes.
    out = _run("import sys\nimport meterlab.gui.meter_view, meterlab.units as u\n"
               "print('quantiphy' in sys.modules, u.format_si(0.04207, 'A'))\n"
               "print(u.format_si(3e20, 'V'), 'quantiphy' in sys.modules)")
    assert out.splitlines() == ["False 42.07 mA", "300.0e18 V True"]
