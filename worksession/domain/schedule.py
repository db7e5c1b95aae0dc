"""The running schedule of a session: planned and actual minutes per step, and the expected end.

Pure rules, no storage. The programme gives each step its planned minutes; the timers give the
actual seconds of the steps that ran and the minutes added with "+1 min". The expected length of
the session counts, per step:

- a step before the current one: its actual time when timed, else its planned time (it ran as
  planned, or nobody timed it);
- the current step: the larger of its time (planned plus added minutes) and its elapsed time:
  a step that runs over pushes the end out, a step that is still running does not pull it in;
- a step after the current one: its planned plus added minutes (or its actual time when that is
  longer: the coach went back);
- with no current step (before or after the session): the actual time where timed, else planned.

The current step is the one whose clock ran last in this sitting (the window passes it), not
the step the coach is looking at: browsing a session does not move its expected end.

The dagdeel overruns when the expected length is longer than the planned length (the programme's
minutes without added minutes). Times of day are counted from the session's start time.

The expected end and the overrun are computed once, here, from the expected length in whole
minutes (half a minute rounds up), so the end shown and the minutes late always differ from the
planned end by the same amount wherever they are shown (``schedule_summary``).

A step before the current one counts as held (``done``) only when its time was recorded: the
clock records a step after the coach stayed on it or started its clock, not when the coach only
passed it on the way to another (``passed``, reckoned at its planned time).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from worksession.i18n import _

START_TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")

StepState = Literal["done", "passed", "current", "coming"]


def parse_start_time(text: str) -> dt.time | None:
    """``"13:30"`` (or ``"9:05"``) as a time of day; None when it is not one."""
    match = START_TIME.match(text.strip())
    if match is None:
        return None
    return dt.time(int(match.group(1)), int(match.group(2)))


def format_time(moment: dt.time) -> str:
    return moment.strftime("%H:%M")


def whole_minutes(seconds: int) -> int:
    """Seconds as minutes, half a minute rounding up (deterministic, unlike ``round``)."""
    return (seconds + 30) // 60


@dataclass(frozen=True)
class PlannedStep:
    """A programme step: its id, title and planned minutes."""

    id: str
    title: str
    minutes: int


@dataclass(frozen=True)
class StepTime:
    """What the timer recorded for a step: seconds it ran, minutes added."""

    actual_seconds: int = 0
    extra_minutes: int = 0


@dataclass(frozen=True)
class ScheduleRow:
    step_id: str
    title: str
    planned_minutes: int
    extra_minutes: int
    actual_seconds: int | None  # None: the step was not timed
    counted_seconds: int  # what the expected end reckons with for this step
    state: StepState
    starts: dt.time | None  # expected (or actual) start, when the session has a start time

    @property
    def actual_minutes(self) -> int | None:
        return None if self.actual_seconds is None else whole_minutes(self.actual_seconds)

    @property
    def difference_minutes(self) -> int | None:
        """Actual minus planned minutes (added minutes count as running over)."""
        actual = self.actual_minutes
        return None if actual is None else actual - self.planned_minutes


@dataclass(frozen=True)
class Schedule:
    rows: tuple[ScheduleRow, ...]
    start: dt.time | None
    planned_seconds: int
    expected_seconds: int

    @property
    def overrun_seconds(self) -> int:
        """How much later than planned the session is expected to end (negative: earlier)."""
        return self.expected_seconds - self.planned_seconds

    @property
    def expected_minutes(self) -> int:
        """The expected length in whole minutes: what every display of the end reckons with."""
        return whole_minutes(self.expected_seconds)

    @property
    def overrun_minutes(self) -> int:
        """Whole minutes later than planned (negative: earlier); the planned length is whole
        minutes, so this is exactly the distance between the planned and the expected end."""
        return self.expected_minutes - self.planned_seconds // 60

    @property
    def will_overrun(self) -> bool:
        return self.overrun_minutes > 0

    @property
    def planned_end(self) -> dt.time | None:
        return _after(self.start, self.planned_seconds)

    @property
    def expected_end(self) -> dt.time | None:
        return _after(self.start, self.expected_minutes * 60)


def _after(start: dt.time | None, seconds: int) -> dt.time | None:
    if start is None:
        return None
    moment = dt.datetime.combine(dt.date(2000, 1, 1), start) + dt.timedelta(seconds=seconds)
    return moment.time()


def running_schedule(
    steps: Sequence[PlannedStep],
    times: Mapping[str, StepTime],
    *,
    start: dt.time | None = None,
    current: str | None = None,
    live: StepTime | None = None,
) -> Schedule:
    """Planned against actual per step and the expected end (see the module doc).

    ``times`` holds the recorded time of each timed step; ``live`` is the running timer of the
    ``current`` step and replaces its recorded time.
    """
    ids = [step.id for step in steps]
    current_index = ids.index(current) if current in ids else None
    rows: list[ScheduleRow] = []
    elapsed = 0
    for index, step in enumerate(steps):
        recorded = live if index == current_index and live is not None else times.get(step.id)
        extra = recorded.extra_minutes if recorded else 0
        actual = recorded.actual_seconds if recorded else None
        planned_seconds = step.minutes * 60
        state: StepState
        if current_index is None or index < current_index:
            passed: StepState = "passed" if current_index is not None else "coming"
            state = "done" if recorded else passed
            counted = actual if actual is not None else planned_seconds
        elif index == current_index:
            state = "current"
            counted = max(planned_seconds + extra * 60, actual or 0)
        else:
            state = "coming"
            counted = max(planned_seconds + extra * 60, actual or 0)
        rows.append(
            ScheduleRow(
                step_id=step.id,
                title=step.title,
                planned_minutes=step.minutes,
                extra_minutes=extra,
                actual_seconds=actual,
                counted_seconds=counted,
                state=state,
                starts=_after(start, elapsed),
            )
        )
        elapsed += counted
    return Schedule(
        rows=tuple(rows),
        start=start,
        planned_seconds=sum(step.minutes for step in steps) * 60,
        expected_seconds=elapsed,
    )


def schedule_summary(schedule: Schedule) -> str:
    """One line for the toolbar and the schedule dialog alike: the expected end and how it
    compares with the plan, both from the same whole minutes."""
    minutes = abs(schedule.overrun_minutes)
    if schedule.expected_end is None:
        if schedule.will_overrun:
            return _("{minutes} min behind the plan").format(minutes=minutes)
        return _("on schedule")
    end = format_time(schedule.expected_end)
    if schedule.will_overrun:
        return _("Expected end {end} — {minutes} min late").format(end=end, minutes=minutes)
    return _("Expected end {end}").format(end=end)


# The interchange document's "schedule" object and what the plan keeps of it.


def planned_steps(programme_steps: Sequence[Mapping[str, Any]]) -> list[PlannedStep]:
    return [
        PlannedStep(step["id"], step["title"], int(step["minutes"])) for step in programme_steps
    ]


def plan_schedule(document: Mapping[str, Any]) -> dict[str, Any] | None:
    """The plan's appendix data: start time and, per step that has planned or actual time, its
    title, planned minutes, added minutes and actual seconds (None when not timed)."""
    schedule = document.get("schedule")
    if schedule is None:
        return None
    recorded = {row["step"]: row for row in schedule.get("steps", [])}
    steps = []
    for step in document["session"].get("programme_steps", []):
        timing = recorded.get(step["id"])
        if not step["minutes"] and timing is None:
            continue
        steps.append(
            {
                "step": step["id"],
                "title": step["title"],
                "planned_minutes": step["minutes"],
                "extra_minutes": timing.get("extra_minutes", 0) if timing else 0,
                "actual_seconds": timing.get("actual_seconds", 0) if timing else None,
            }
        )
    return {"start_time": schedule.get("start_time"), "steps": steps}


@dataclass(frozen=True)
class TimesheetRow:
    title: str
    planned_minutes: int
    actual_minutes: int | None
    difference_minutes: int | None


@dataclass(frozen=True)
class Timesheet:
    """The appendix table: a row per step and the total (the difference over timed steps)."""

    rows: tuple[TimesheetRow, ...]
    total: TimesheetRow
    start: dt.time | None
    planned_end: dt.time | None
    actual_end: dt.time | None  # start + the actual total in whole minutes, when all were timed


def timesheet(plan: Mapping[str, Any], total_title: str) -> Timesheet:
    """Planned and actual minutes from the plan's schedule (``plan_schedule``)."""
    rows = []
    planned_total = actual_seconds_total = timed_planned = 0
    all_timed = True
    for step in plan["steps"]:
        actual = step["actual_seconds"]
        planned_total += step["planned_minutes"]
        if actual is None:
            all_timed = all_timed and not step["planned_minutes"]
            rows.append(TimesheetRow(step["title"], step["planned_minutes"], None, None))
            continue
        actual_seconds_total += actual
        timed_planned += step["planned_minutes"]
        minutes = whole_minutes(actual)
        rows.append(
            TimesheetRow(
                step["title"], step["planned_minutes"], minutes, minutes - step["planned_minutes"]
            )
        )
    timed = any(row.actual_minutes is not None for row in rows)
    actual_total = whole_minutes(actual_seconds_total) if timed else None
    total = TimesheetRow(
        total_title,
        planned_total,
        actual_total,
        None if actual_total is None else actual_total - timed_planned,
    )
    start = parse_start_time(plan["start_time"]) if plan.get("start_time") else None
    return Timesheet(
        rows=tuple(rows),
        total=total,
        start=start,
        planned_end=_after(start, planned_total * 60),
        actual_end=_after(start, (actual_total or 0) * 60) if timed and all_timed else None,
    )
