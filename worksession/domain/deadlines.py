"""The two deadlines of an accredited session, as pure rules on dates.

- The accreditation request goes in at least 8 weeks before the session (the accreditation
  bodies' own term; METHOD.md, step 0). It matters while the session is still being prepared:
  once the date has come or the plan has left its draft, nothing can be asked in time any more
  (*done*).
- The attendance goes to the accreditation body (GAIA, PE-online) within 2 calendar months after
  the session; the 31st of a month with fewer days becomes that month's last day. It matters
  from the session until the deadline; after it the body takes no upload any more (*done*).

Neither has a field saying "sent": the app cannot know, so a deadline warns when it is near
(within 2 weeks, the last day included) or, for the request, past.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from worksession.domain.values import SessionStatus

REQUEST_WEEKS = 8  # the request goes in at least this many weeks before the session
UPLOAD_MONTHS = 2  # the attendance goes to the accreditation body within this many months
NEAR_DAYS = 14  # a deadline this many days away (or fewer) is near


class DeadlineKind(StrEnum):
    REQUEST = "request"  # the accreditation request
    UPLOAD = "upload"  # the attendance upload


class DeadlineState(StrEnum):
    FAR = "far"  # more than two weeks away
    NEAR = "near"  # within two weeks, the last day included
    PAST = "past"  # the day has gone and it still matters
    DONE = "done"  # it no longer matters (the session has been held, the period is closed)


@dataclass(frozen=True)
class Deadline:
    kind: DeadlineKind
    day: dt.date  # the last day
    state: DeadlineState
    days_left: int  # from today to the last day: 0 on the day itself, negative after it

    @property
    def warns(self) -> bool:
        """Whether it is worth a warning: near, or past while it still matters."""
        return self.state in (DeadlineState.NEAR, DeadlineState.PAST)


@dataclass(frozen=True)
class DeadlineDue:
    """A session with a deadline that warns (the start window's line)."""

    session_id: int
    session_title: str
    deadline: Deadline


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved ``months`` calendar months on, clamped to the end of a shorter month
    (31 December + 2 months = 28 or 29 February)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def request_deadline(session_date: dt.date) -> dt.date:
    """The last day for the accreditation request: the session date − 8 weeks."""
    return session_date - dt.timedelta(weeks=REQUEST_WEEKS)


def upload_deadline(session_date: dt.date) -> dt.date:
    """The last day for the attendance upload: the session date + 2 calendar months."""
    return add_months(session_date, UPLOAD_MONTHS)


def _ahead(days_left: int) -> DeadlineState:
    if days_left < 0:
        return DeadlineState.PAST
    return DeadlineState.NEAR if days_left <= NEAR_DAYS else DeadlineState.FAR


def request_state(
    *, session_date: dt.date | None, accredited: bool, status: str, today: dt.date
) -> Deadline | None:
    """The accreditation request of a session (None when it has no date or no accreditation)."""
    if session_date is None or not accredited:
        return None
    day = request_deadline(session_date)
    days_left = (day - today).days
    held = today >= session_date or status != SessionStatus.DRAFT
    state = DeadlineState.DONE if held else _ahead(days_left)
    return Deadline(DeadlineKind.REQUEST, day, state, days_left)


def upload_state(
    *, session_date: dt.date | None, accredited: bool, today: dt.date
) -> Deadline | None:
    """The attendance upload of a session (None when it has no date or no accreditation)."""
    if session_date is None or not accredited:
        return None
    day = upload_deadline(session_date)
    days_left = (day - today).days
    state = DeadlineState.DONE if days_left < 0 else _ahead(days_left)
    return Deadline(DeadlineKind.UPLOAD, day, state, days_left)


def deadlines_due(
    *,
    session_id: int,
    title: str,
    session_date: dt.date | None,
    accredited: bool,
    status: str,
    today: dt.date,
) -> list[DeadlineDue]:
    """The deadlines of one session that warn on ``today``, the request first."""
    found = [
        request_state(session_date=session_date, accredited=accredited, status=status, today=today),
        upload_state(session_date=session_date, accredited=accredited, today=today),
    ]
    return [
        DeadlineDue(session_id, title, deadline)
        for deadline in found
        if deadline is not None and deadline.warns
    ]
