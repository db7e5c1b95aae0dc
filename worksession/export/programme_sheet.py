"""The programme as an accreditation request needs it, as plain data: the parts with their
times, what each is for (its learning goal), the programme's own learning goals, and — for a
session — its title, date, start, place and coach.

Made from a programme of the toolkit (``worksession overview``) or from a session's own copy of
its programme (the app), so both give the same sheet; ``pdf.programme`` draws it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from worksession.domain.document_types import InterchangeDocument
from worksession.export.programme_overview import Outline, parse_clock

BREAK = "break"  # ``StepKind.BREAK``: accreditation counts the time without it


@dataclass(frozen=True)
class SheetStep:
    title: str
    minutes: int  # 0: outside the session itself (preparation, after the session)
    werkvorm: str = ""
    purpose: str = ""  # why the step exists: its learning goal on the sheet
    kind: str = ""  # the step's kind ("break" is not teaching time)

    @property
    def is_break(self) -> bool:
        return self.kind == BREAK


@dataclass(frozen=True)
class ProgrammeSheet:
    title: str  # the session's title, or the programme's when there is no session
    programme_title: str
    steps: tuple[SheetStep, ...]
    description: str = ""
    learning_goals: tuple[str, ...] = ()
    start: dt.time | None = None
    date: dt.date | None = None
    location: str = ""
    place: str = ""  # wijk and gemeente
    coach: str = ""
    accredited: bool = False

    @property
    def timed(self) -> tuple[SheetStep, ...]:
        return tuple(step for step in self.steps if step.minutes > 0)

    @property
    def untimed(self) -> tuple[SheetStep, ...]:
        return tuple(step for step in self.steps if step.minutes == 0)

    @property
    def total_minutes(self) -> int:
        return sum(step.minutes for step in self.steps)

    @property
    def break_minutes(self) -> int:
        return sum(step.minutes for step in self.steps if step.is_break)

    def clock(self) -> list[tuple[dt.time, dt.time] | None]:
        """Start and end of each timed part (None for each when there is no start time)."""
        if self.start is None:
            return [None for _step in self.timed]
        moment = dt.datetime.combine(dt.date(2000, 1, 1), self.start)
        times: list[tuple[dt.time, dt.time] | None] = []
        for step in self.timed:
            end = moment + dt.timedelta(minutes=step.minutes)
            times.append((moment.time(), end.time()))
            moment = end
        return times

    def end(self) -> dt.time | None:
        """When the last timed part ends (None without a start time)."""
        times = [pair for pair in self.clock() if pair is not None]
        return times[-1][1] if times else self.start


def sheet_of_programme(
    programme: Outline, *, start: dt.time | None = None, learning_goals: Sequence[str] = ()
) -> ProgrammeSheet:
    """The sheet of a programme of the toolkit, without a session."""
    return ProgrammeSheet(
        title=programme.title,
        programme_title=programme.title,
        steps=tuple(
            SheetStep(
                title=step.title,
                minutes=step.minutes,
                werkvorm=step.werkvorm,
                purpose=step.purpose,
                kind=str(step.kind),
            )
            for step in programme.steps
        ),
        description=programme.description,
        learning_goals=tuple(learning_goals),
        start=start,
    )


def sheet_of_session(
    document: InterchangeDocument,
    *,
    programme_title: str = "",
    description: str = "",
    learning_goals: Sequence[str] = (),
) -> ProgrammeSheet:
    """The sheet of a session: its own copy of the programme, its start time and header.

    The programme's title, description and learning goals are not in the session's copy (it
    keeps the steps only); the caller passes them from the toolkit when it still has them.
    """
    session = document["session"]
    schedule: Mapping[str, Any] = document.get("schedule") or {}
    start_text = schedule.get("start_time") or ""
    date_text = session.get("date") or ""
    place = ", ".join(
        part for part in (session.get("wijk", ""), session.get("gemeente", "")) if part
    )
    return ProgrammeSheet(
        title=session["title"],
        programme_title=programme_title,
        steps=tuple(
            SheetStep(
                title=step["title"],
                minutes=int(step["minutes"]),
                werkvorm=step.get("werkvorm", ""),
                purpose=step.get("purpose", ""),
                kind=step["kind"],
            )
            for step in session.get("programme_steps", [])
        ),
        description=description,
        learning_goals=tuple(learning_goals),
        start=parse_clock(start_text) if start_text else None,
        date=dt.date.fromisoformat(date_text) if date_text else None,
        location=session.get("location", ""),
        place=place,
        coach=session.get("coach", ""),
        accredited=bool(session.get("accredited", False)),
    )
