"""Step timings on a real database: stored per step, checked against the programme, scheduled."""

from __future__ import annotations

import datetime as dt

import pytest

from worksession.domain.schedule import StepTime
from worksession.domain.validation import ValidationError
from worksession.programmes.library import load_library
from worksession.storage.database import Database
from worksession.storage.operations.sessions import create_session, get_session, update_session
from worksession.storage.operations.timing import (
    clear_step_time,
    record_step_time,
    session_schedule,
    step_times,
)
from worksession.workflows.demo import create_demo_session

STEPS = [
    {"id": "welkom", "title": "Welkom & doel", "kind": "welcome", "minutes": 15},
    {"id": "casus", "title": "Casus", "kind": "casus", "minutes": 30},
    {"id": "afsluiting", "title": "Afsluiting", "kind": "evaluation", "minutes": 10},
]


@pytest.fixture
def session_id(db: Database) -> int:
    session = create_session(db=db, title="Werksessie", programme_steps=STEPS, start_time="13:30")
    assert session.id is not None
    return session.id


def test_a_steps_time_is_stored_and_replaced(db: Database, session_id: int) -> None:
    started = dt.datetime(2026, 3, 12, 14, 31, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    record_step_time(
        db=db, session_id=session_id, step_id="welkom", actual_seconds=300, started_at=started
    )
    record_step_time(
        db=db, session_id=session_id, step_id="welkom", actual_seconds=1140, extra_minutes=2
    )
    (timing,) = step_times(db=db, session_id=session_id).values()
    assert (timing.actual_seconds, timing.extra_minutes) == (1140, 2)
    assert timing.started_at == dt.datetime(2026, 3, 12, 13, 31, tzinfo=dt.UTC)  # kept, in UTC
    assert timing.finished_at is None


def test_an_unknown_step_or_a_bad_value_is_refused(db: Database, session_id: int) -> None:
    with pytest.raises(ValidationError, match="'pauze'"):
        record_step_time(db=db, session_id=session_id, step_id="pauze", actual_seconds=60)
    with pytest.raises(ValidationError, match=r"step_timing\.actual_seconds"):
        record_step_time(db=db, session_id=session_id, step_id="casus", actual_seconds=-1)
    with pytest.raises(ValidationError, match=r"step_timing\.started_at"):
        record_step_time(
            db=db,
            session_id=session_id,
            step_id="casus",
            actual_seconds=60,
            started_at=dt.datetime(2026, 3, 12, 13, 0),  # no time zone
        )
    assert step_times(db=db, session_id=session_id) == {}


def test_a_reset_forgets_the_time(db: Database, session_id: int) -> None:
    record_step_time(db=db, session_id=session_id, step_id="casus", actual_seconds=60)
    assert clear_step_time(db=db, session_id=session_id, step_id="casus") is not None
    assert step_times(db=db, session_id=session_id) == {}
    assert clear_step_time(db=db, session_id=session_id, step_id="casus") is None


def test_the_schedule_from_the_stored_times_and_the_live_timer(
    db: Database, session_id: int
) -> None:
    record_step_time(db=db, session_id=session_id, step_id="welkom", actual_seconds=20 * 60)
    schedule = session_schedule(
        db=db, session_id=session_id, current="casus", live=StepTime(10 * 60, 1)
    )
    assert schedule.planned_end == dt.time(14, 25)
    assert schedule.expected_end == dt.time(14, 31)  # 5 minutes late, 1 minute added
    assert schedule.will_overrun


def test_the_start_time_is_checked_and_normalised(db: Database, session_id: int) -> None:
    update_session(db=db, session_id=session_id, start_time="9:05")
    assert get_session(db=db, session_id=session_id).start_time == "09:05"
    with pytest.raises(ValidationError, match=r"session\.start_time"):
        update_session(db=db, session_id=session_id, start_time="25:00")
    update_session(db=db, session_id=session_id, start_time=None)
    assert session_schedule(db=db, session_id=session_id).expected_end is None


def test_the_demo_afternoon_ran_twelve_minutes_late(db: Database) -> None:
    session = create_demo_session(db=db, library=load_library())
    assert session.id is not None
    schedule = session_schedule(db=db, session_id=session.id)
    assert (schedule.planned_end, schedule.will_overrun) == (dt.time(17, 25), True)
    assert schedule.overrun_seconds == 12 * 60 + 25
