"""A deadline said in words, the same on the step pages and in the start window:
"Accreditatie aanvragen uiterlijk maandag 12 januari 2027 (nog 5 dagen)"."""

from __future__ import annotations

from worksession.domain.deadlines import Deadline, DeadlineKind, DeadlineState
from worksession.domain.long_dates import long_date
from worksession.i18n import _, ngettext


def deadline_text(deadline: Deadline) -> str:
    """What is due, by which day, and how far off that is."""
    day = long_date(deadline.day)
    if deadline.kind == DeadlineKind.REQUEST:
        what = _("Request accreditation by {day}").format(day=day)
    else:
        what = _("Upload the attendance to the accreditation body by {day}").format(day=day)
    return f"{what} {_when(deadline)}".rstrip()


def _when(deadline: Deadline) -> str:
    days = deadline.days_left
    if deadline.state == DeadlineState.DONE:
        if deadline.kind == DeadlineKind.UPLOAD and days < 0:
            return _("(closed)")
        return ""
    if deadline.state == DeadlineState.PAST:
        return ngettext("({days} day overdue)", "({days} days overdue)", -days).format(days=-days)
    if days == 0:
        return _("(today)")
    return ngettext("({days} day left)", "({days} days left)", days).format(days=days)
