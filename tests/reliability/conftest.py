"""The fault catalogue runs when asked for: `uv run pytest tests/reliability` (each fault
starts `meterlab read` as a process and lets the fault act, ~5–13 s a test). A run of the
whole suite deselects it, to keep that run within its time budget; nothing is skipped
silently — pytest reports the deselected count."""

from __future__ import annotations

from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    asked = any(Path(str(a).split("::")[0]).resolve() == HERE or
                HERE in Path(str(a).split("::")[0]).resolve().parents for a in config.args)
    if asked:
        return
    keep, drop = [], []
    for item in items:
        (drop if HERE in Path(str(item.fspath)).resolve().parents else keep).append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep
