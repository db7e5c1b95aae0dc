"""Agreement numbers: across the plan, themes in priority order, by due date within a theme."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from worksession.domain.agreement_numbers import agreement_groups, agreement_numbers


def _theme(key: str, rank: int | None, priority: bool = True) -> dict[str, Any]:
    return {"key": key, "rank": rank, "priority": priority}


def _agreement(key: str, theme: str | None, due: str | dt.date | None) -> dict[str, Any]:
    return {"key": key, "theme": theme, "due": due}


def test_numbers_run_across_themes_in_priority_order_and_by_date_within_each() -> None:
    themes = [_theme("t-low", 3, priority=False), _theme("t-second", 2), _theme("t-first", 1)]
    agreements = [
        _agreement("late", "t-first", "2026-09-01"),
        _agreement("loose", None, "2026-01-01"),
        _agreement("undated", "t-first", None),
        _agreement("early", "t-first", "2026-04-15"),
        _agreement("other", "t-low", "2026-01-01"),
        _agreement("second", "t-second", "2026-12-31"),
    ]
    assert agreement_numbers(themes, agreements) == {
        "early": "A1",
        "late": "A2",
        "undated": "A3",
        "second": "A4",
        "other": "A5",
        "loose": "A6",
    }


def test_equal_dates_and_undated_agreements_keep_their_place_in_the_list() -> None:
    themes = [_theme("t", 1)]
    agreements = [
        _agreement("b", "t", None),
        _agreement("a", "t", dt.date(2026, 5, 1)),
        _agreement("c", "t", None),
        _agreement("d", "t", "2026-05-01"),
    ]
    assert list(agreement_numbers(themes, agreements)) == ["a", "d", "b", "c"]


def test_an_agreement_of_an_unknown_theme_is_numbered_with_those_without_a_theme() -> None:
    groups = agreement_groups([_theme("t", 1)], [_agreement("x", "t-removed", None)])
    assert groups == [(None, [_agreement("x", "t-removed", None)])]


DATES = st.one_of(st.none(), st.dates(dt.date(2025, 1, 1), dt.date(2027, 12, 31)))


@given(
    st.lists(st.tuples(st.sampled_from(["t1", "t2", "t3", None]), DATES), min_size=0, max_size=25)
)
def test_every_agreement_gets_one_number_from_a1_without_gaps(
    values: list[tuple[str | None, dt.date | None]],
) -> None:
    themes = [_theme("t2", 1), _theme("t1", 2), _theme("t3", None, priority=False)]
    agreements = [_agreement(f"a{i}", theme, due) for i, (theme, due) in enumerate(values)]
    numbers = agreement_numbers(themes, agreements)
    assert sorted(numbers) == sorted(a["key"] for a in agreements)
    assert sorted(numbers.values(), key=lambda n: int(n[1:])) == [
        f"A{n}" for n in range(1, len(agreements) + 1)
    ]
    flat = [a for _theme, group in agreement_groups(themes, agreements) for a in group]
    for group_theme, group in agreement_groups(themes, agreements):
        dated = [a["due"] for a in group if a["due"] is not None]
        assert dated == sorted(dated)
        assert all(a["due"] is None for a in group[len(dated) :])
        assert group_theme is None or all(a["theme"] == group_theme["key"] for a in group)
    assert [numbers[a["key"]] for a in flat] == [f"A{n}" for n in range(1, len(flat) + 1)]
