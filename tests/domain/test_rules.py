"""Pure rules of the method: ranking with ties, priorities, agreement checks, dates."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from worksession.domain.rules import (
    add_months,
    agreement_problems,
    competition_ranks,
    default_evaluation_date,
    too_many_priorities,
)


def test_ranks_follow_votes_highest_first() -> None:
    assert competition_ranks([3, 10, 7]) == [3, 1, 2]


def test_equal_votes_share_a_rank_and_the_next_rank_is_skipped() -> None:
    assert competition_ranks([5, 9, 5, 1]) == [2, 1, 2, 4]


@given(st.lists(st.integers(min_value=0, max_value=50), max_size=20))
def test_a_theme_with_more_votes_always_ranks_better(votes: list[int]) -> None:
    ranks = competition_ranks(votes)
    for a in range(len(votes)):
        for b in range(len(votes)):
            if votes[a] > votes[b]:
                assert ranks[a] < ranks[b]
            if votes[a] == votes[b]:
                assert ranks[a] == ranks[b]


def test_more_than_three_priorities_is_a_warning() -> None:
    assert not too_many_priorities([True, True, True, False])
    assert too_many_priorities([True, True, True, True])


def test_a_concrete_agreement_has_no_problems() -> None:
    assert (
        agreement_problems(
            what="Spreekuur in het buurthuis", has_lead=True, due=dt.date(2026, 5, 1), indicator="n"
        )
        == []
    )


def test_an_agreement_without_lead_date_or_indicator_names_each_gap() -> None:
    problems = agreement_problems(what=" ", has_lead=False, due=None, indicator="")
    assert [p.field for p in problems] == ["what", "lead", "due", "indicator"]


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (dt.date(2026, 3, 12), 6, dt.date(2026, 9, 12)),
        (dt.date(2026, 8, 31), 6, dt.date(2027, 2, 28)),
        (dt.date(2027, 8, 31), 6, dt.date(2028, 2, 29)),
        (dt.date(2026, 12, 1), 1, dt.date(2027, 1, 1)),
    ],
)
def test_add_months_clamps_to_the_end_of_the_month(
    day: dt.date, months: int, expected: dt.date
) -> None:
    assert add_months(day, months) == expected


def test_evaluation_defaults_to_half_a_year_after_the_session() -> None:
    assert default_evaluation_date(dt.date(2026, 3, 12)) == dt.date(2026, 9, 12)
