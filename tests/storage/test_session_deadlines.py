"""The deadlines across the database: accredited, dated sessions only, earliest first."""

from __future__ import annotations

import datetime as dt

from worksession.domain.deadlines import DeadlineKind, DeadlineState
from worksession.storage.database import Database
from worksession.storage.operations.deadlines import sessions_with_deadlines
from worksession.storage.operations.sessions import create_session


def test_only_accredited_sessions_with_a_date_have_deadlines(db: Database) -> None:
    today = dt.date(2027, 1, 5)
    near = create_session(db=db, title="Kaalheide", date="2027-03-08", accredited=True)
    create_session(db=db, title="Not accredited", date="2027-03-08")
    create_session(db=db, title="No date", accredited=True)
    late = create_session(db=db, title="Bleijerheide", date="2027-02-15", accredited=True)
    held = create_session(db=db, title="Rolduc", date="2026-11-12", accredited=True)
    create_session(db=db, title="Far off", date="2027-09-01", accredited=True)
    due = sessions_with_deadlines(db=db, today=today)
    assert [(item.session_id, item.deadline.kind, item.deadline.state) for item in due] == [
        (late.id, DeadlineKind.REQUEST, DeadlineState.PAST),  # last day 21 December
        (near.id, DeadlineKind.REQUEST, DeadlineState.NEAR),  # last day 11 January
        (held.id, DeadlineKind.UPLOAD, DeadlineState.NEAR),  # last day 12 January
    ]
    assert due[0].session_title == "Bleijerheide"
