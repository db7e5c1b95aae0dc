"""Which evaluations are due (the start window's second line): the boundaries of the weeks,
only plans that are out, and none once a follow-up session reviews the plan."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.following import signed_without_progress
from worksession.programmes.library import load_library
from worksession.programmes.model import Library
from worksession.storage.database import Database
from worksession.storage.operations.evaluations import evaluations_due
from worksession.storage.operations.follow_up import update_follow_up
from worksession.workflows.demo import create_demo_session
from worksession.workflows.following import prepare_follow_up

EVALUATION = dt.date(2026, 9, 10)  # the demo's evaluation date


@pytest.fixture
def library() -> Library:
    return load_library()


def _due(db: Database, today: dt.date, weeks: int = 4) -> list[int]:
    return [item.session_id for item in evaluations_due(db=db, today=today, weeks=weeks)]


def test_due_from_four_weeks_before_the_date_and_after_it(db: Database, library: Library) -> None:
    session = signed_without_progress(db)
    assert _due(db, EVALUATION - dt.timedelta(weeks=4, days=1)) == []
    assert _due(db, EVALUATION - dt.timedelta(weeks=4)) == [session]  # the last day counts
    assert _due(db, EVALUATION - dt.timedelta(weeks=6), weeks=6) == [session]
    assert _due(db, EVALUATION + dt.timedelta(days=200)) == [session]  # past: still to do
    (item,) = evaluations_due(db=db, today=EVALUATION + dt.timedelta(days=1))
    assert (item.session_title, item.wijk, item.evaluation) == (
        "Samen gezond oud worden in Kaalheide",
        "Kaalheide",
        EVALUATION,
    )
    assert item.overdue(EVALUATION + dt.timedelta(days=1))
    assert not item.overdue(EVALUATION)


def test_a_plan_not_out_or_without_a_date_is_not_due(db: Database, library: Library) -> None:
    draft = create_demo_session(db=db, library=library)  # never frozen
    assert draft.id is not None
    session = signed_without_progress(db)
    update_follow_up(db=db, session_id=session, evaluation=None)
    assert _due(db, EVALUATION + dt.timedelta(days=1)) == []


def test_a_session_followed_up_is_no_longer_due(db: Database, library: Library) -> None:
    first = signed_without_progress(db)
    second = signed_without_progress(db)
    prepare_follow_up(db=db, library=library, session_id=first)
    assert _due(db, EVALUATION) == [second]
