"""The organiser's preparation timeline: what to do before and after the session, each item on
a date relative to the session date (METHOD.md, the do-it-yourself variant).

The items come from the programme file (``timeline``), so trainers can change them; an item's
offset is a whole number of days, weeks or calendar months, negative before the session and
positive after it (months as for the attendance upload: 31 December + 2 months is the end of
February, ``deadlines.add_months``). Who arranges an item decides what the variant shows: in
the do-it-yourself variant the organiser arranges everything; with an NHG coach an item marked
``nhg`` is arranged by NHG and one marked ``coach`` by the coach.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from worksession.domain.deadlines import add_months
from worksession.domain.values import Variant
from worksession.i18n import N_, _, ngettext


class OffsetUnit(StrEnum):
    DAYS = "days"
    WEEKS = "weeks"
    MONTHS = "months"


class Arranger(StrEnum):
    """Who arranges an item in the NHG-coach variant."""

    ORGANISER = "organiser"
    NHG = "nhg"
    COACH = "coach"


ARRANGER_LABELS = {
    Arranger.ORGANISER: N_("the organiser"),
    Arranger.NHG: N_("NHG"),
    Arranger.COACH: N_("the coach"),
}


@dataclass(frozen=True)
class TimelineItem:
    """One item of the timeline as the programme file gives it."""

    id: str
    title: str
    offset: int  # negative: before the session; 0: on the day; positive: after it
    unit: OffsetUnit = OffsetUnit.DAYS
    who: Arranger = Arranger.ORGANISER

    def day(self, session_date: dt.date) -> dt.date:
        """The item's date for a session on ``session_date``."""
        if self.unit is OffsetUnit.MONTHS:
            return add_months(session_date, self.offset)
        days = self.offset * (7 if self.unit is OffsetUnit.WEEKS else 1)
        return session_date + dt.timedelta(days=days)

    def arranged_by(self, variant: str) -> Arranger:
        """Who arranges it in ``variant``: the organiser, unless an NHG coach leads."""
        return self.who if variant == Variant.NHG_COACH else Arranger.ORGANISER


@dataclass(frozen=True)
class PlannedItem:
    """An item for one session: its date (None while the session has no date), who arranges
    it, and whether it is ticked."""

    item: TimelineItem
    day: dt.date | None
    who: Arranger
    done: bool
    session_date: dt.date | None = None

    def is_late(self, today: dt.date) -> bool:
        """Not done and its day has gone (an item due today is not late yet). An item before
        the session is late only while the session is still to come: once it was held, the
        item can no longer be done in time, and saying so helps nobody."""
        if self.done or self.day is None or self.day >= today:
            return False
        before = self.item.offset < 0
        return not before or (self.session_date is not None and self.session_date >= today)


def plan_timeline(
    items: tuple[TimelineItem, ...],
    *,
    session_date: dt.date | None,
    variant: str,
    done: frozenset[str] | set[str],
) -> list[PlannedItem]:
    """The timeline for one session in date order (items without a date in the file's order,
    and items on the same day in the file's order)."""
    planned = [
        PlannedItem(
            item=item,
            day=item.day(session_date) if session_date is not None else None,
            who=item.arranged_by(variant),
            done=item.id in done,
            session_date=session_date,
        )
        for item in items
    ]
    if session_date is None:
        return planned
    return sorted(planned, key=lambda entry: entry.day or session_date)


def when_text(item: TimelineItem) -> str:
    """The offset in words: "8 weeks before", "on the day", "2 months after"."""
    if item.offset == 0:
        return _("on the day")
    count = abs(item.offset)
    if item.unit is OffsetUnit.MONTHS:
        amount = ngettext("{count} month", "{count} months", count)
    elif item.unit is OffsetUnit.WEEKS:
        amount = ngettext("{count} week", "{count} weeks", count)
    else:
        amount = ngettext("{count} day", "{count} days", count)
    amount = amount.format(count=count)
    side = _("{amount} before") if item.offset < 0 else _("{amount} after")
    return side.format(amount=amount)
