"""Rules of the method as pure functions: ranking, priorities, what an agreement needs, dates."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from worksession.i18n import N_

RECOMMENDED_PRIORITIES = 3
EVALUATION_AFTER_MONTHS = 6


@dataclass(frozen=True)
class Problem:
    """Something a record still needs; ``message`` is marked for translation."""

    field: str
    message: str


def competition_ranks(votes: Sequence[int]) -> list[int]:
    """Rank by votes, highest first; equal votes share a rank ("1224" ranking).

    Ties stay visible as ties: the group decides, the app does not break them silently.
    """
    ordered = sorted(votes, reverse=True)
    first_place: dict[int, int] = {}
    for index, count in enumerate(ordered):
        first_place.setdefault(count, index + 1)
    return [first_place[count] for count in votes]


def too_many_priorities(priorities: Iterable[bool]) -> bool:
    """More than about three shared themes spreads the wijk too thin: warn, do not block."""
    return sum(1 for chosen in priorities if chosen) > RECOMMENDED_PRIORITIES


def agreement_problems(
    *, what: str, has_lead: bool, due: dt.date | None, indicator: str
) -> list[Problem]:
    """What a samenwerkingsafspraak still lacks to be concrete (lesson 6 of the method)."""
    problems = []
    if not what.strip():
        problems.append(Problem("what", N_("says nothing about what will be done")))
    if not has_lead:
        problems.append(Problem("lead", N_("has no lead: every agreement needs exactly one")))
    if due is None:
        problems.append(Problem("due", N_("has no date")))
    if not indicator.strip():
        problems.append(Problem("indicator", N_("does not say how we will see it worked")))
    return problems


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` plus ``months`` calendar months, clamped to the month's last day."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    last = calendar.monthrange(year, month)[1]
    return dt.date(year, month, min(day.day, last))


def default_evaluation_date(session_date: dt.date) -> dt.date:
    """The method evaluates about half a year after the session."""
    return add_months(session_date, EVALUATION_AFTER_MONTHS)
