"""Evaluations that are due: the half-year check a plan names under *Vervolg & borging*.

Pure values and rules, no storage. A session's evaluation is due when its date (``FollowUp.
evaluation``) has passed or lies within the next weeks (4 by default, the last day included),
as long as its plan is out and no follow-up session has been made from it yet.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from worksession.domain.progress import DUE_WEEKS


@dataclass(frozen=True)
class EvaluationDue:
    """A session whose evaluation date has come or is near."""

    session_id: int
    session_title: str
    wijk: str
    evaluation: dt.date

    def overdue(self, today: dt.date) -> bool:
        return self.evaluation < today


def evaluation_is_due(
    evaluation: dt.date | None, *, today: dt.date, weeks: int = DUE_WEEKS
) -> bool:
    """True when an evaluation on ``evaluation`` is past or within ``weeks`` of ``today``."""
    return evaluation is not None and evaluation <= today + dt.timedelta(weeks=weeks)
