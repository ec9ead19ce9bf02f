"""Lines of tables and keys in an exercise's TOML text, for file:line:key errors.

tomllib does not report positions, so the loader finds them again in the text:
a step is the span from its `[[step]]` to the next one; its answers are the
`[[step.answer]]` tables inside that span; a key may sit on its own line or
inside an inline table (`expect = { function = "VOLT:DC" }`).
"""

from __future__ import annotations

import re


class Locator:
    """Where things are in one exercise file's text (1-based line numbers)."""

    _KEY = re.compile(r'^\s*(?:"([^"]+)"|([A-Za-z0-9_\-]+))\s*(?:=|\.)')

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        self.steps = [i for i, ln in enumerate(self.lines) if ln.strip().startswith("[[step]]")]

    def header(self, name: str) -> int | None:
        for i, ln in enumerate(self.lines):
            if ln.strip().lstrip("[").startswith(name):
                return i + 1
        return None

    def _find(self, start: int, end: int, key: str, *, stop_at_table: bool) -> int | None:
        for i in range(start, min(end, len(self.lines))):
            s = self.lines[i].strip()
            if s.startswith("[") and stop_at_table:
                return None
            m = self._KEY.match(self.lines[i])
            if m and (m.group(1) or m.group(2)) == key:
                return i + 1
            # a key inside an inline table: expect = { function = "VOLT:DC", at = "3V3" }
            if re.search(r'[{,]\s*"?' + re.escape(key) + r'"?\s*=', self.lines[i]):
                return i + 1
        return None

    def key_in(self, table: str, key: str) -> int | None:
        start = self.header(table)
        return self._find(start, len(self.lines), key, stop_at_table=True) if start else None

    def _span(self, index: int) -> tuple[int, int]:
        if index >= len(self.steps):
            return len(self.lines), len(self.lines)
        end = self.steps[index + 1] if index + 1 < len(self.steps) else len(self.lines)
        return self.steps[index], end

    def step_start(self, index: int) -> int | None:
        return self.steps[index] + 1 if index < len(self.steps) else None

    def step_key(self, index: int, key: str) -> int | None:
        start, end = self._span(index)
        return self._find(start + 1, end, key, stop_at_table=False)

    def _answers(self, index: int) -> list[int]:
        start, end = self._span(index)
        return [i for i in range(start, end)
                if self.lines[i].strip().startswith("[[step.answer]]")]

    def answer_start(self, index: int, j: int) -> int | None:
        a = self._answers(index)
        return a[j] + 1 if j < len(a) else None

    def answer_key(self, index: int, j: int, key: str) -> int | None:
        a = self._answers(index)
        if j >= len(a):
            return None
        return self._find(a[j] + 1, self._span(index)[1], key, stop_at_table=True)


