"""Following the agreements after the session: the progress log and what needs attention.

Pure values and rules, no storage. An agreement's status now is the status of its latest
progress entry (the latest date it is about; of two on one day, the one recorded last), or the
status it had in the plan when nobody reported on it yet. The follow-up view (*Afspraken
volgen*) asks, across all sessions, which agreements still running (neither done nor dropped):

- are **overdue**: their date has passed;
- are **due**: their date is today or within the next weeks (4 by default, the last day
  included);
- are **silent**: nothing was reported for 8 weeks or more — counted from the latest progress
  entry, or from the plan's sign-off when there is none.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from worksession.domain.values import AgreementStatus
from worksession.i18n import N_, _

DUE_WEEKS = 4
SILENT_WEEKS = 8
FINISHED = frozenset({AgreementStatus.DONE.value, AgreementStatus.DROPPED.value})


@dataclass(frozen=True)
class ProgressEntry:
    """One report on an agreement, as it was recorded (entries are never changed)."""

    id: int
    session_id: int
    agreement_id: int | None  # None once the agreement was removed from a later draft
    agreement_key: str
    status: str
    date: dt.date
    note: str
    reported_by: str
    recorded_at: dt.datetime


@dataclass(frozen=True)
class TrackedAgreement:
    """An agreement of a plan that is out, with what the follow-up view needs to judge it."""

    session_id: int
    session_title: str
    wijk: str
    agreement_key: str
    what: str
    lead: str
    due: dt.date | None
    status: str  # now: the latest progress entry's, else the plan's
    last_news: dt.date  # the latest progress entry's date, else the sign-off's


# Why an agreement is listed, most urgent first.
OVERDUE = "overdue"
DUE = "due"
SILENT = "silent"
REASONS = (OVERDUE, DUE, SILENT)
REASON_LABELS = {OVERDUE: N_("overdue"), DUE: N_("due"), SILENT: N_("no news")}


@dataclass(frozen=True)
class FollowUpItem:
    """An agreement that needs attention, and why; ``date`` is what it is sorted by: the due
    date when it is overdue or due, else the day of the last news."""

    agreement: TrackedAgreement
    reasons: tuple[str, ...]
    date: dt.date

    @property
    def reason_labels(self) -> tuple[str, ...]:
        return tuple(_(REASON_LABELS[reason]) for reason in self.reasons)


def current_status(plan_status: str, entries: Iterable[ProgressEntry]) -> str:
    """The status now: the latest entry's, else the status in the plan."""
    latest = latest_entry(entries)
    return plan_status if latest is None else latest.status


def latest_entry(entries: Iterable[ProgressEntry]) -> ProgressEntry | None:
    """The entry about the latest day; of two about one day, the one recorded last."""
    return max(entries, key=lambda entry: (entry.date, entry.id), default=None)


def needs_attention(
    agreement: TrackedAgreement,
    *,
    today: dt.date,
    weeks: int = DUE_WEEKS,
    silent_weeks: int = SILENT_WEEKS,
) -> FollowUpItem | None:
    """Why ``agreement`` belongs in the follow-up view on ``today``; None when it does not."""
    if agreement.status in FINISHED:
        return None
    reasons: list[str] = []
    due = agreement.due
    if due is not None and due < today:
        reasons.append(OVERDUE)
    elif due is not None and due <= today + dt.timedelta(weeks=weeks):
        reasons.append(DUE)
    if today - agreement.last_news >= dt.timedelta(weeks=silent_weeks):
        reasons.append(SILENT)
    if not reasons:
        return None
    date = due if due is not None and reasons[0] != SILENT else agreement.last_news
    return FollowUpItem(agreement, tuple(reasons), date)


def follow_up_items(
    agreements: Sequence[TrackedAgreement],
    *,
    today: dt.date,
    weeks: int = DUE_WEEKS,
    silent_weeks: int = SILENT_WEEKS,
) -> list[FollowUpItem]:
    """Every agreement that needs attention, by date (then session and agreement)."""
    items = [
        item
        for agreement in agreements
        if (item := needs_attention(agreement, today=today, weeks=weeks, silent_weeks=silent_weeks))
        is not None
    ]
    return sorted(
        items,
        key=lambda item: (item.date, item.agreement.session_id, item.agreement.agreement_key),
    )
