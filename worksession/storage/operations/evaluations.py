"""Which sessions' evaluations are due, across the database (the start window's second line).

A session counts when its plan is out (frozen at least once, as for *Afspraken volgen*), its
evaluation date has come or is near, and no follow-up session on this laptop reviews it yet:
once the follow-up exists the evaluation is being done.
"""

from __future__ import annotations

import datetime as dt

from sqlmodel import col, select

from worksession.domain.evaluations import EvaluationDue, evaluation_is_due
from worksession.domain.models import FollowUp, PlanVersion, SessionOrigin, WorkSession
from worksession.domain.progress import DUE_WEEKS
from worksession.storage.database import Database


def evaluations_due(
    *, db: Database, today: dt.date | None = None, weeks: int = DUE_WEEKS
) -> list[EvaluationDue]:
    """Sessions whose evaluation is past or within ``weeks``, earliest evaluation first."""
    today = dt.date.today() if today is None else today
    followed = select(SessionOrigin.origin_session_id).where(
        col(SessionOrigin.origin_session_id).is_not(None)
    )
    out = select(PlanVersion.session_id)
    query = (
        select(col(WorkSession.id), WorkSession.title, WorkSession.wijk, col(FollowUp.evaluation))
        .join(FollowUp, col(FollowUp.session_id) == col(WorkSession.id))
        .where(col(FollowUp.evaluation).is_not(None))
        .where(col(WorkSession.id).in_(out))
        .where(col(WorkSession.id).not_in(followed))
    )
    with db.reading() as s:
        rows = s.exec(query).all()
    due = [
        EvaluationDue(session_id=row_id, session_title=title, wijk=wijk, evaluation=evaluation)
        for row_id, title, wijk, evaluation in rows
        if row_id is not None
        and evaluation is not None
        and evaluation_is_due(evaluation, today=today, weeks=weeks)
    ]
    return sorted(due, key=lambda item: (item.evaluation, item.session_id))
