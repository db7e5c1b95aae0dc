"""The light session list agrees with the full records, in the same order."""

from __future__ import annotations

from worksession.storage.database import Database
from worksession.storage.operations.sessions import create_session, list_sessions
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
