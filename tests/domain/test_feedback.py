"""The forms summed up: count, mean to one decimal half up, the spread of the scores, and the
line the window, the plan and ``show`` print, with the language's decimal sign."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pytest

from worksession.domain.feedback import decimal_text, feedback_summary, summary_line
from worksession.i18n import speaking


@pytest.fixture(autouse=True)
def _dutch() -> Iterator[None]:
    with speaking("nl"):
        yield


def _forms(*scores: int | None) -> list[dict[str, object]]:
    return [{"key": f"f-{n}", "score": score} for n, score in enumerate(scores)]


def test_no_forms_have_no_mean() -> None:
    summary = feedback_summary([])
    assert (summary.count, summary.scored, summary.mean) == (0, 0, None)
    assert summary_line(summary) == "Nog geen evaluatieformulieren"
    assert set(summary.distribution().values()) == {0}


def test_one_form_is_its_own_mean() -> None:
    summary = feedback_summary(_forms(8))
    assert summary.mean == Decimal("8.0")
    assert summary_line(summary) == "8,0 gemiddeld uit 1 formulier"


@pytest.mark.parametrize(
    ("scores", "mean"),
    [
        ((7, 8), "7,5"),
        ((7, 7, 8, 7), "7,3"),  # 7.25 rounds half up, not to the even 7.2
        ((6, 7, 7), "6,7"),  # 6.666… up
        ((8, 8, 7), "7,7"),  # 7.666… up
        ((1, 1, 2), "1,3"),  # 1.333… down
        ((10, 10, 9, 9, 9, 9, 9, 9), "9,3"),  # 9.25
        ((1,) * 7 + (2,), "1,1"),  # 1.125
    ],
)
def test_the_mean_is_rounded_to_one_decimal_half_up(scores: tuple[int, ...], mean: str) -> None:
    summary = feedback_summary(_forms(*scores))
    assert decimal_text(summary.mean or Decimal(0)) == mean


def test_forms_without_a_score_count_but_do_not_weigh_in_the_mean() -> None:
    summary = feedback_summary(_forms(8, None, 6, None))
    assert (summary.count, summary.scored, summary.mean) == (4, 2, Decimal("7.0"))
    assert summary_line(summary) == (
        "7,0 gemiddeld uit 2 van de 4 formulieren (de andere zonder cijfer)"
    )
    assert summary_line(feedback_summary(_forms(None))) == "1 formulier, zonder cijfer"
    assert (
        summary_line(feedback_summary(_forms(None, None))) == "2 formulieren, geen met een cijfer"
    )


def test_twelve_forms_read_as_the_coach_says_them() -> None:
    summary = feedback_summary(_forms(7, 8, 8, 6, 9, 7, 7, 8, 6, 8, 7, 8))
    assert summary_line(summary) == "7,4 gemiddeld uit 12 formulieren"
    assert summary.distribution() == {
        1: 0, 2: 0, 3: 0, 4: 0, 5: 0, 6: 2, 7: 4, 8: 5, 9: 1, 10: 0
    }  # fmt: skip


def test_english_has_a_decimal_point() -> None:
    with speaking("en"):
        assert summary_line(feedback_summary(_forms(7, 8))) == "7.5 on average from 2 forms"
