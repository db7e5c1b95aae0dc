"""The light session list agrees with the full records, in the same order."""

from __future__ import annotations

import datetime as dt

from worksession.storage.database import Database
from worksession.storage.operations.sessions import create_session, delete_session, list_sessions
from worksession.storage.session_list import session_summaries


def test_the_summaries_are_the_sessions_in_the_same_order_with_the_same_values(
    db: Database,
) -> None:
    create_session(db=db, title="Zonder datum")
    create_session(db=db, title="Oud", wijk="Kaalheide", date="2025-03-12")
    create_session(db=db, title="Nieuw", wijk="Vrieheide", date="2026-03-12")
    summaries = session_summaries(db=db)
    sessions = list_sessions(db=db)
    assert [s.title for s in summaries] == ["Nieuw", "Oud", "Zonder datum"]
    for summary, session in zip(summaries, sessions, strict=True):
        assert (summary.id, summary.title, summary.wijk, summary.date, summary.status) == (
            session.id,
            session.title,
            session.wijk,
            session.date,
            session.status,
        )
        assert summary.updated_at == session.updated_at
        assert summary.updated_at.tzinfo is not None


def test_an_empty_database_lists_nothing(db: Database) -> None:
    assert session_summaries(db=db) == []


def test_a_follow_up_names_the_session_it_follows(db: Database) -> None:
    from tests.following import make_follow_up

    origin_id, follow_up_id = make_follow_up(db)
    summaries = {summary.id: summary for summary in session_summaries(db=db)}
    assert summaries[follow_up_id].follows == "Samen gezond oud worden in Kaalheide"
    assert summaries[follow_up_id].follows_id == origin_id
    assert summaries[follow_up_id].follows_date == dt.date(2026, 3, 12)
    assert summaries[follow_up_id].date is None
    assert (summaries[origin_id].follows, summaries[origin_id].follows_id) == (None, None)


def test_a_follow_up_still_names_its_plan_when_the_first_session_is_deleted(db: Database) -> None:
    from tests.following import make_follow_up

    origin_id, follow_up_id = make_follow_up(db)
    delete_session(db=db, session_id=origin_id, retention_days=30)
    (summary,) = session_summaries(db=db)
    assert summary.id == follow_up_id
    assert summary.follows == "Samen gezond oud worden in Kaalheide"
    assert (summary.follows_id, summary.follows_date) == (None, None)
