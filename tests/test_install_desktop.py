"""`meterlab install-desktop` puts the menu entry and the icon where desktops look."""

from __future__ import annotations

import configparser
import sys

import pytest

from meterlab.cli import main
from meterlab.paths import shipped_dir


def test_the_shipped_desktop_entry_is_well_formed():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # keys are case-sensitive in desktop files
    entry.read(shipped_dir("ui") / "meterlab.desktop", encoding="utf-8")
    e = entry["Desktop Entry"]
    assert (e["Type"], e["Exec"], e["Icon"], e["Terminal"]) == (
        "Application", "meterlab", "meterlab", "false")
    assert e["Categories"].endswith(";") and "Comment[nl]" in e and "Comment[fr]" in e
    svg = (shipped_dir("ui") / "meterlab.svg").read_text(encoding="utf-8")
    assert 'viewBox="0 0 256 256"' in svg
    png = (shipped_dir("ui") / "meterlab.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and png[16:24] == bytes.fromhex("0000010000000100")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="menu entries are for Linux")
def test_install_desktop_writes_entry_and_icons_for_this_user(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    with pytest.raises(SystemExit) as exc:
        main(["install-desktop"])
    assert exc.value.code in (0, None)
    entry = (tmp_path / "applications" / "meterlab.desktop").read_text(encoding="utf-8")
    exec_line = next(line for line in entry.splitlines() if line.startswith("Exec="))
    assert exec_line.endswith("meterlab") and exec_line.startswith("Exec=/")  # absolute
    assert (tmp_path / "icons/hicolor/scalable/apps/meterlab.svg").is_file()
    assert (tmp_path / "icons/hicolor/256x256/apps/meterlab.png").is_file()
    assert "application menu" in capsys.readouterr().out
