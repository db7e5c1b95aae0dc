"""Operations on the step timers: the actual time of each programme step, and the schedule.

The presenter's timer runs in memory (``domain.step_timer``); the app stores what it measured
when the coach pauses and when the session leaves the step. The actual times go with the session
into the interchange file and the plan's appendix (planned and actual minutes per step).
"""

from __future__ import annotations

import datetime as dt
import json

from sqlmodel import Session, col, select

from worksession.domain.models import StepTiming, WorkSession
from worksession.domain.schedule import (
    PlannedStep,
    Schedule,
    StepTime,
    parse_start_time,
    planned_steps,
    running_schedule,
)
from worksession.domain.validation import ValidationError, clean
from worksession.i18n import _
from worksession.storage.database import Database
from worksession.storage.operations._rows import fetch_session, require_session, touch

_UNSET: object = object()


def record_step_time(
    *,
    db: Database,
    session_id: int,
    step_id: str,
    actual_seconds: int,
    extra_minutes: int = 0,
    started_at: dt.datetime | object | None = _UNSET,
    finished_at: dt.datetime | object | None = _UNSET,
) -> StepTiming:
    """Store how long a step has run so far and the minutes added to it (replacing what was
    stored). ``started_at`` and ``finished_at`` (aware datetimes, kept in UTC) change only when
    given; None clears them."""
    fields = clean(
        "step_timing", {"actual_seconds": actual_seconds, "extra_minutes": extra_minutes}
    )
    moments = {
        name: _utc(f"step_timing.{name}", value)
        for name, value in (("started_at", started_at), ("finished_at", finished_at))
        if value is not _UNSET
    }
    with db.transaction() as s:
        _check_step(s, session_id, step_id)
        timing = _timing(s, session_id, step_id)
        if timing is None:
            timing = StepTiming(session_id=session_id, step_id=step_id)
            s.add(timing)
        for name, value in {**fields, **moments}.items():
            setattr(timing, name, value)
        touch(s, session_id)
        return timing


def clear_step_time(*, db: Database, session_id: int, step_id: str) -> StepTiming | None:
    """Forget a step's measured time (the timer was reset); returns what was stored."""
    with db.transaction() as s:
        require_session(s, session_id)
        timing = _timing(s, session_id, step_id)
        if timing is not None:
            s.delete(timing)
            touch(s, session_id)
        return timing


def step_times(*, db: Database, session_id: int) -> dict[str, StepTiming]:
    """Step id → its stored timing, for the steps that were timed."""
    with db.reading() as s:
        require_session(s, session_id)
        rows = s.exec(
            select(StepTiming)
            .where(StepTiming.session_id == session_id)
            .order_by(col(StepTiming.id))
        ).all()
        return {row.step_id: row for row in rows}


def session_schedule(
    *,
    db: Database,
    session_id: int,
    current: str | None = None,
    live: StepTime | None = None,
) -> Schedule:
    """The running schedule from the session's start time, its programme and the stored times.

    ``current`` is the step on screen and ``live`` its running timer (elapsed seconds and added
    minutes), which replaces what was stored for it.
    """
    with db.reading() as s:
        work_session = fetch_session(s, session_id)
        steps = _steps(work_session)
        rows = s.exec(select(StepTiming).where(StepTiming.session_id == session_id)).all()
        times = {row.step_id: StepTime(row.actual_seconds, row.extra_minutes) for row in rows}
    start = parse_start_time(work_session.start_time) if work_session.start_time else None
    return running_schedule(steps, times, start=start, current=current, live=live)


def _steps(work_session: WorkSession) -> list[PlannedStep]:
    return planned_steps(json.loads(work_session.programme_steps))


def _check_step(s: Session, session_id: int, step_id: str) -> None:
    ids = {step.id for step in _steps(fetch_session(s, session_id))}
    if step_id not in ids:
        raise ValidationError(
            "step_timing.step_id",
            _("{value!r} is not a step of this session's programme").format(value=step_id),
        )


def _timing(s: Session, session_id: int, step_id: str) -> StepTiming | None:
    return s.exec(
        select(StepTiming).where(StepTiming.session_id == session_id, StepTiming.step_id == step_id)
    ).first()


def _utc(path: str, value: object) -> dt.datetime | None:
    if value is None:
        return None
    if not isinstance(value, dt.datetime) or value.tzinfo is None:
        raise ValidationError(
            path,
            _("expected a date and time with its time zone, got {value!r}").format(value=value),
        )
    return value.astimezone(dt.UTC)
