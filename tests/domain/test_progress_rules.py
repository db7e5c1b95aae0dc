"""The follow-up view's rules on plain values: finished agreements never need attention, an
agreement without a date can only be silent, and the reasons come most urgent first."""

from __future__ import annotations

import datetime as dt

from worksession.domain.progress import (
    DUE,
    OVERDUE,
    SILENT,
    ProgressEntry,
    TrackedAgreement,
    current_status,
    follow_up_items,
    needs_attention,
)

TODAY = dt.date(2026, 9, 1)


def _agreement(
    key: str = "a-x", *, due: dt.date | None, status: str = "open", news: dt.date = TODAY
) -> TrackedAgreement:
    return TrackedAgreement(
        session_id=1, session_title="S", wijk="W", agreement_key=key, what="Wat", lead="",
        due=due, status=status, last_news=news,
    )  # fmt: skip


def _entry(number: int, status: str, day: dt.date) -> ProgressEntry:
    moment = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    return ProgressEntry(number, 1, 7, "a-x", status, day, "", "", moment)


def test_finished_agreements_never_need_attention() -> None:
    long_ago = dt.date(2025, 1, 1)
    for status in ("done", "dropped"):
        assert (
            needs_attention(_agreement(due=long_ago, status=status, news=long_ago), today=TODAY)
            is None
        )


def test_zero_weeks_means_today_only() -> None:
    item = needs_attention(_agreement(due=TODAY), today=TODAY, weeks=0)
    assert item is not None and item.reasons == (DUE,)
    assert (
        needs_attention(_agreement(due=TODAY + dt.timedelta(days=1)), today=TODAY, weeks=0) is None
    )


def test_without_a_date_an_agreement_is_only_ever_silent() -> None:
    assert needs_attention(_agreement(due=None), today=TODAY) is None
    item = needs_attention(_agreement(due=None, news=TODAY - dt.timedelta(weeks=8)), today=TODAY)
    assert item is not None and item.reasons == (SILENT,)
    assert item.date == TODAY - dt.timedelta(weeks=8)
    assert item.reason_labels == ("geen nieuws",)


def test_items_are_sorted_by_their_date() -> None:
    items = follow_up_items(
        [
            _agreement("a-late", due=TODAY - dt.timedelta(days=1)),
            _agreement("a-soon", due=TODAY + dt.timedelta(days=3)),
            _agreement("a-quiet", due=None, news=TODAY - dt.timedelta(weeks=20)),
        ],
        today=TODAY,
    )
    assert [(i.agreement.agreement_key, i.reasons) for i in items] == [
        ("a-quiet", (SILENT,)),
        ("a-late", (OVERDUE,)),
        ("a-soon", (DUE,)),
    ]


def test_the_status_now_is_the_latest_day_then_the_latest_recorded() -> None:
    assert current_status("open", []) == "open"
    entries = [
        _entry(1, "done", dt.date(2026, 6, 1)),
        _entry(2, "in_progress", dt.date(2026, 5, 1)),
        _entry(3, "dropped", dt.date(2026, 6, 1)),
    ]
    assert current_status("open", entries) == "dropped"
