"""Text people typed is shown as typed: bidi overrides and invisible characters in an
operator name or DUT serial are made visible, never allowed to reorder a table."""

from __future__ import annotations

import pytest

from meterlab.cli import main
from meterlab.commands._common import shown
from meterlab.store import SessionStore

RLO = "\u202e"


def test_sessions_table_shows_a_right_to_left_override_as_an_escape(
        tmp_path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    db = tmp_path / "s.db"
    with SessionStore(db) as store:
        store.begin(operator=f"Ann{RLO}lirpA", dut_serial="SN\u200b1").finish()
    with pytest.raises(SystemExit) as exc:
        main(["sessions", "--db", str(db)])
    out = capsys.readouterr().out
    assert exc.value.code in (0, None)
    assert RLO not in out and "\u200b" not in out
    assert "Ann\\u202elirpA" in out and "SN\\u200b1" in out


@pytest.mark.parametrize("char", ["\u202e", "\u202d", "\u2066", "\u2067", "\u2069", "\u200f",
                                  "\u061c", "\ufeff", "\u2028", "\x85", "\x1b"])
def test_every_bidi_format_and_control_character_is_made_visible(char: str) -> None:
    text = shown(f"a{char}b")
    assert char not in text and text.startswith("a\\") and text.endswith("b")


def test_ordinary_text_is_left_alone() -> None:
    assert shown("Zoë Ångström 测试 ±3 %") == "Zoë Ångström 测试 ±3 %"
