"""The accreditation deadlines at their edges: month ends and 29 February, the last day itself,
two weeks before it, and when each stops mattering."""

from __future__ import annotations

import datetime as dt

import pytest

from worksession.domain.deadline_words import deadline_text
from worksession.domain.deadlines import (
    DeadlineKind,
    DeadlineState,
    add_months,
    deadlines_due,
    request_deadline,
    request_state,
    upload_deadline,
    upload_state,
)
from worksession.domain.long_dates import long_date
from worksession.i18n import speaking

D = dt.date


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (D(2026, 12, 31), 2, D(2027, 2, 28)),  # clamped to a short February
        (D(2027, 12, 31), 2, D(2028, 2, 29)),  # ... and to a leap day
        (D(2027, 12, 29), 2, D(2028, 2, 29)),
        (D(2028, 2, 29), 2, D(2028, 4, 29)),  # from a leap day: the same day number
        (D(2027, 7, 31), 2, D(2027, 9, 30)),  # September has 30 days
        (D(2027, 8, 31), 2, D(2027, 10, 31)),
        (D(2027, 11, 15), 2, D(2028, 1, 15)),  # over the turn of the year
        (D(2027, 1, 31), 1, D(2027, 2, 28)),
    ],
)
def test_calendar_months_clamp_at_the_end_of_a_month(
    day: dt.date, months: int, expected: dt.date
) -> None:
    assert add_months(day, months) == expected


def test_the_request_is_eight_weeks_before_and_the_upload_two_months_after() -> None:
    assert request_deadline(D(2027, 3, 8)) == D(2027, 1, 11)
    assert request_deadline(D(2028, 4, 25)) == D(2028, 2, 29)  # lands on the leap day
    assert request_deadline(D(2027, 4, 26)) == D(2027, 3, 1)  # 1 March, no 29 February
    assert upload_deadline(D(2026, 12, 31)) == D(2027, 2, 28)
    assert upload_deadline(D(2027, 12, 31)) == D(2028, 2, 29)


def _request(
    today: dt.date, *, status: str = "draft", accredited: bool = True
) -> tuple[DeadlineState, int] | None:
    deadline = request_state(
        session_date=D(2027, 3, 8), accredited=accredited, status=status, today=today
    )
    return None if deadline is None else (deadline.state, deadline.days_left)


def test_the_request_is_far_near_on_its_last_day_and_past_the_day_after() -> None:
    last = D(2027, 1, 11)
    assert _request(last - dt.timedelta(days=15)) == (DeadlineState.FAR, 15)
    assert _request(last - dt.timedelta(days=14)) == (DeadlineState.NEAR, 14)
    assert _request(last) == (DeadlineState.NEAR, 0)  # today exactly: still in time
    assert _request(last + dt.timedelta(days=1)) == (DeadlineState.PAST, -1)
    assert _request(D(2027, 3, 7)) == (DeadlineState.PAST, -55)  # the day before the session


def test_the_request_stops_mattering_once_the_session_is_held_or_out_of_its_draft() -> None:
    assert _request(D(2027, 3, 8)) == (DeadlineState.DONE, -56)  # the session's day
    assert _request(D(2027, 1, 12), status="in_review") == (DeadlineState.DONE, -1)
    assert _request(D(2027, 1, 12), status="signed_off") == (DeadlineState.DONE, -1)
    assert _request(D(2027, 1, 12), accredited=False) is None
    assert (
        request_state(session_date=None, accredited=True, status="draft", today=D(2027, 1, 1))
        is None
    )


def test_the_upload_warns_in_its_last_two_weeks_and_closes_after_its_last_day() -> None:
    session = D(2027, 12, 31)  # the last day is 29 February 2028

    def state(today: dt.date) -> tuple[DeadlineState, int]:
        deadline = upload_state(session_date=session, accredited=True, today=today)
        assert deadline is not None and deadline.day == D(2028, 2, 29)
        return deadline.state, deadline.days_left

    assert state(D(2027, 12, 1)) == (DeadlineState.FAR, 90)  # before the session
    assert state(session) == (DeadlineState.FAR, 60)
    assert state(D(2028, 2, 14)) == (DeadlineState.FAR, 15)
    assert state(D(2028, 2, 15)) == (DeadlineState.NEAR, 14)
    assert state(D(2028, 2, 29)) == (DeadlineState.NEAR, 0)  # today exactly
    assert state(D(2028, 3, 1)) == (DeadlineState.DONE, -1)  # the period is closed
    assert upload_state(session_date=session, accredited=False, today=session) is None


def test_only_the_deadlines_that_warn_are_due() -> None:
    def due(today: dt.date) -> list[DeadlineKind]:
        found = deadlines_due(
            session_id=7,
            title="Kaalheide",
            session_date=D(2027, 3, 8),
            accredited=True,
            status="draft",
            today=today,
        )
        return [item.deadline.kind for item in found]

    assert due(D(2026, 12, 1)) == []
    assert due(D(2027, 1, 1)) == [DeadlineKind.REQUEST]
    assert due(D(2027, 3, 1)) == [DeadlineKind.REQUEST]  # past, a week before the session
    assert due(D(2027, 4, 1)) == []  # after the session, the upload not yet near
    assert due(D(2027, 5, 1)) == [DeadlineKind.UPLOAD]  # last day 8 May


def test_dates_and_deadlines_are_said_in_dutch_and_in_english() -> None:
    deadline = request_state(
        session_date=D(2027, 3, 8), accredited=True, status="draft", today=D(2027, 1, 6)
    )
    assert deadline is not None
    with speaking("nl"):
        assert long_date(D(2027, 1, 11)) == "maandag 11 januari 2027"
        assert long_date(D(2028, 2, 29)) == "dinsdag 29 februari 2028"
        assert deadline_text(deadline) == (
            "Accreditatie aanvragen uiterlijk maandag 11 januari 2027 (nog 5 dagen)"
        )
    with speaking("en"):
        assert long_date(D(2027, 1, 11)) == "Monday 11 January 2027"
        assert deadline_text(deadline) == (
            "Request accreditation by Monday 11 January 2027 (5 days left)"
        )


def test_the_words_for_today_past_and_closed() -> None:
    def text(today: dt.date, kind: str = "request") -> str:
        if kind == "request":
            deadline = request_state(
                session_date=D(2027, 3, 8), accredited=True, status="draft", today=today
            )
        else:
            deadline = upload_state(session_date=D(2027, 3, 8), accredited=True, today=today)
        assert deadline is not None
        with speaking("nl"):
            return deadline_text(deadline)

    assert text(D(2027, 1, 11)).endswith("(vandaag)")
    assert text(D(2027, 1, 12)).endswith("(1 dag over tijd)")
    assert text(D(2027, 1, 10)).endswith("(nog 1 dag)")
    assert text(D(2027, 5, 9), "upload") == (
        "Presentielijst bij de accreditatie-instantie uploaden uiterlijk zaterdag 8 mei 2027 "
        "(termijn verstreken)"
    )
