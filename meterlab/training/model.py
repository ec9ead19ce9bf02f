"""What an exercise file holds once read: plain frozen data the grader and the faces share."""

from __future__ import annotations

from dataclasses import dataclass, field

from meterlab.tolerance import Limit


@dataclass(frozen=True)
class Scenario:
    """The seeded variation of the board: neighbours at a class bench get different values."""

    temperature: tuple[float, float] | None = None
    faults: tuple[str, ...] = ()
    r1: tuple[float, ...] = ()
    dmm_start: tuple[str, ...] = ()
    scope_start: tuple[str, ...] = ()
    scope_probe: tuple[float, ...] = ()
    parts: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Expect:
    """What a correct setup is at this step; unset fields are not graded."""

    instrument: str = "none"
    function: str = ""
    at: str = ""
    ref: str = "GND"
    nplc_min: float | None = None
    channel: int = 1
    probe: float | None = None
    coupling: str = ""
    vdiv: tuple[float, float] | None = None
    timebase: tuple[float, float] | None = None
    trigger: bool = False
    digital: int | None = None
    digital_at: str = ""


@dataclass(frozen=True)
class Answer:
    """One thing the trainee types at a step, and how it is judged."""

    key: str
    kind: str
    truth: str = ""
    unit: str = ""
    accept: str = ""
    mistake: str = ""
    options: tuple[str, ...] = ()
    limit: Limit | None = None
    rule: str = "simple"
    of: str = "value"
    meter: tuple[float, float] | None = None  #: ±(% of reading, absolute) of the meter used
    prompt: dict[str, str] = field(default_factory=dict)
    example: str = ""


@dataclass(frozen=True)
class Step:
    id: str
    points: int
    instructions: dict[str, str]
    expect: Expect
    answers: tuple[Answer, ...]
    hints: dict[str, dict[str, str]]
    line: int = 0


@dataclass(frozen=True)
class Exercise:
    id: str
    version: str
    level: int
    skills: tuple[int, ...]
    title: dict[str, str]
    intro: dict[str, str]
    scenario: Scenario
    steps: tuple[Step, ...]
    attempts: int = 2
    path: str = ""
    sha256: str = ""
    #: truth name → reference value ("3.3 V ±3 %"), the answer key on a real board
    reference: dict[str, str] = field(default_factory=dict)

    @property
    def max_score(self) -> int:
        return sum(s.points for s in self.steps)
