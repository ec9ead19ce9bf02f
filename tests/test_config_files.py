"""Untrusted plan, profile and station files: devices, pipes and runaway nesting are file
errors naming the file (and line), never "no such file" or an internal error."""

from __future__ import annotations

import contextlib
import os
import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from meterlab.cli import main
from meterlab.config_io import MAX_NESTING, nesting_too_deep, parse_toml
from meterlab.errors import FileFormatError
from meterlab.plan import find_plan, load_plan
from meterlab.profiles import load_profile
from meterlab.station import load_station

DEEP = '[plan]\nname = "x"\n\nnested = ' + "[" * 100_000 + "]" * 100_000 + "\n"


def cli(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    with pytest.raises(SystemExit) as exc:
        main(args)
    return int(exc.value.code or 0), capsys.readouterr().err


def test_deeply_nested_plan_is_a_file_error_with_its_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = tmp_path / "deep.toml"
    plan.write_text(DEEP, encoding="utf-8")
    code, err = cli(["run", str(plan), "--no-store"], capsys)
    assert code == 2 and "internal error" not in err
    assert f"{plan}:4:" in err and "nested" in err


def test_plan_symlinked_to_dev_zero_says_what_it_is(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = tmp_path / "zero.toml"
    plan.symlink_to("/dev/zero")
    code, err = cli(["run", str(plan), "--no-store"], capsys)
    assert code == 2 and "no such" not in err
    assert "character device" in err and "/dev/zero" in err and str(plan) in err


def test_plan_that_is_a_named_pipe_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.toml"
    os.mkfifo(fifo)
    with pytest.raises(FileFormatError, match="named pipe"):
        load_plan(find_plan(str(fifo)))


def test_profile_and_station_files_get_the_same_care(tmp_path: Path) -> None:
    deep = tmp_path / "deep.toml"
    deep.write_text(DEEP.replace("[plan]", "[profile]"), encoding="utf-8")
    zero = tmp_path / "zero.toml"
    zero.symlink_to("/dev/zero")
    for loader in (load_profile, load_station):
        with pytest.raises(FileFormatError, match="nested") as exc:
            loader(deep)
        assert exc.value.line == 4
        with pytest.raises(FileFormatError, match="character device"):
            loader(zero)


def test_a_huge_file_is_refused_before_it_fills_memory(tmp_path: Path) -> None:
    big = tmp_path / "big.toml"
    with big.open("wb") as fh:
        fh.truncate(64 * 1024 * 1024)  # sparse: costs no disk
    with pytest.raises(FileFormatError, match="larger than"):
        load_plan(big)


def test_nesting_inside_strings_and_comments_does_not_count() -> None:
    deep = "[" * (MAX_NESTING + 5)
    text = f'a = "{deep}"\nb = \'{deep}\'\n# {deep}\nc = """\n{deep}\n"""\nd = [[1], [2]]\n'
    assert nesting_too_deep(text) is None
    assert parse_toml(text, "x", "plan")["d"] == [[1], [2]]


@settings(max_examples=200)
@given(st.text(alphabet='[]{}"\'#=\n ab1,.', max_size=300))
def test_parse_toml_never_raises_anything_but_a_file_or_toml_error(text: str) -> None:
    with contextlib.suppress(tomllib.TOMLDecodeError, FileFormatError):
        parse_toml(text, "fuzz.toml", "plan")
