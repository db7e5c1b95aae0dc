"""Vote modes without devices: dots, points, ranking (Borda), hands; budgets, caps, ties, method."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st

from worksession.domain.values import VoteEntry, VoteMode
from worksession.domain.voting import (
    Ballot,
    VoteSettings,
    ballot_problems,
    borda_points,
    method_sentence,
    replaced_totals,
    settings_problem,
    tally,
)
from worksession.i18n import set_language

THEMES = {"t-a": "Eenzaamheid", "t-b": "Bewegen", "t-c": "Dementie", "t-d": "Mantelzorg"}
DOTS = VoteSettings(VoteMode.DOTS, VoteEntry.BALLOTS, per_person=5, cap=3)
POINTS = VoteSettings(VoteMode.POINTS, VoteEntry.BALLOTS, per_person=10, cap=6)
RANKING = VoteSettings(VoteMode.RANKING, VoteEntry.BALLOTS)


@pytest.fixture(autouse=True)
def _english() -> Iterator[None]:
    set_language("en")
    yield
    set_language("nl")  # module-scoped fixtures elsewhere render in the default language


def test_dot_ballots_add_up_per_theme_and_rank_with_shared_ranks() -> None:
    result = tally(
        DOTS,
        THEMES,
        ballots=[
            Ballot("Anna", {"t-a": 3, "t-b": 2}),
            Ballot("Bram", {"t-b": 1, "t-c": 3, "t-a": 1}),
            Ballot("Chantal", {"t-c": 1}),
        ],
    )
    assert dict(result.scores) == {"t-a": 4, "t-b": 3, "t-c": 4, "t-d": 0}
    assert dict(result.ranks) == {"t-a": 1, "t-b": 3, "t-c": 1, "t-d": 4}
    assert result.voters == 3
    assert result.ties == (("t-a", "t-c"),)
    assert result.has_unresolved_ties
    assert result.order == ("t-a", "t-c", "t-b", "t-d")  # equal scores keep the coach's order
    assert result.problems == ()


def test_the_tie_break_orders_equal_scores_but_ranks_stay_shared() -> None:
    ballots = [Ballot("Anna", {"t-a": 2}), Ballot("Bram", {"t-c": 2})]
    result = tally(DOTS, THEMES, ballots=ballots, tie_break=["t-c"])
    assert result.order[:2] == ("t-c", "t-a")
    assert result.ranks["t-a"] == result.ranks["t-c"] == 1
    assert result.ties == (("t-c", "t-a"),)
    assert not result.has_unresolved_ties  # one left out of two is decided: it comes last


def test_a_three_way_tie_needs_two_decisions() -> None:
    ballots = [Ballot(None, {"t-a": 1, "t-b": 1, "t-c": 1})]
    assert tally(DOTS, THEMES, ballots=ballots, tie_break=["t-b"]).has_unresolved_ties
    decided = tally(DOTS, THEMES, ballots=ballots, tie_break=["t-b", "t-c"])
    assert not decided.has_unresolved_ties
    assert decided.order[:3] == ("t-b", "t-c", "t-a")


def test_a_tie_break_never_lifts_a_theme_above_a_higher_score() -> None:
    result = tally(DOTS, THEMES, ballots=[Ballot(None, {"t-a": 3})], tie_break=["t-d", "t-a"])
    assert result.order[0] == "t-a"


def test_themes_nobody_voted_for_are_not_a_tie() -> None:
    result = tally(DOTS, THEMES, ballots=[Ballot(None, {"t-a": 1})])
    assert result.ties == ()


def test_before_any_vote_no_theme_has_a_rank() -> None:
    result = tally(DOTS, THEMES, ballots=[])
    assert set(result.ranks.values()) == {None}
    assert result.voters == 0


def test_an_empty_ballot_is_not_a_voter() -> None:
    result = tally(DOTS, THEMES, ballots=[Ballot("Anna", {"t-a": 0}), Ballot("Bram", {"t-b": 1})])
    assert result.voters == 1


def test_over_the_dot_budget_names_the_participant_and_the_count() -> None:
    problems = ballot_problems(DOTS, THEMES, Ballot("Anna", {"t-a": 3, "t-b": 3}), number=1)
    assert problems == ["Anna gave 6 dots; each person has 5"]


def test_over_the_points_budget_and_the_cap() -> None:
    problems = ballot_problems(POINTS, THEMES, Ballot("Bram", {"t-a": 7, "t-b": 5}), number=2)
    assert problems == [
        "Bram put 7 on 'Eenzaamheid'; at most 6 per theme",
        "Bram gave 12 points; each person has 10",
    ]


def test_exactly_the_budget_and_the_cap_are_fine() -> None:
    assert ballot_problems(POINTS, THEMES, Ballot("Bram", {"t-a": 6, "t-b": 4}), number=1) == []


def test_a_ballot_without_a_name_is_called_by_its_number() -> None:
    problems = ballot_problems(DOTS, THEMES, Ballot(None, {"t-x": 1}), number=4)
    assert problems == ["ballot 4 voted for a theme that is not in the list: t-x"]


def test_problem_ballots_are_counted_as_given_and_reported() -> None:
    result = tally(DOTS, THEMES, ballots=[Ballot("Anna", {"t-a": 6})])
    assert result.scores["t-a"] == 6
    assert [(p.ballot, p.voter) for p in result.problems] == [(1, "Anna"), (1, "Anna")]


def test_borda_gives_n_minus_one_to_the_first_place_and_nothing_to_unranked() -> None:
    result = tally(RANKING, THEMES, ballots=[Ballot("Anna", ranking=("t-c", "t-a"))])
    assert dict(result.scores) == {"t-a": 2, "t-b": 0, "t-c": 3, "t-d": 0}


def test_a_theme_ranked_twice_is_a_problem_and_counts_once() -> None:
    ballot = Ballot("Daan", ranking=("t-b", "t-a", "t-b"))
    assert ballot_problems(RANKING, THEMES, ballot, number=1) == ["Daan ranked 'Bewegen' twice"]
    assert dict(tally(RANKING, THEMES, ballots=[ballot]).scores) == {
        "t-a": 2,
        "t-b": 3,
        "t-c": 0,
        "t-d": 0,
    }


def test_a_ballot_of_the_wrong_shape_is_a_problem() -> None:
    assert ballot_problems(RANKING, THEMES, Ballot("Esra", {"t-a": 1}), number=1) == [
        "Esra gave counts, but this vote is a ranking"
    ]
    assert ballot_problems(DOTS, THEMES, Ballot("Esra", ranking=("t-a",)), number=1) == [
        "Esra ranked themes, but this vote counts dots or points"
    ]


@given(
    st.lists(
        st.lists(st.sampled_from(sorted(THEMES)), unique=True, max_size=len(THEMES)), max_size=25
    )
)
def test_the_borda_total_is_the_sum_of_each_ballots_points(rankings: list[list[str]]) -> None:
    result = tally(RANKING, THEMES, ballots=[Ballot(None, ranking=tuple(r)) for r in rankings])
    n = len(THEMES)
    assert sum(result.scores.values()) == sum(
        sum(n - place for place in range(1, len(r) + 1)) for r in rankings
    )
    assert result.voters == sum(1 for r in rankings if r)


@given(
    st.lists(
        st.dictionaries(st.sampled_from(sorted(THEMES)), st.integers(0, 5), max_size=4),
        max_size=25,
    ),
    st.lists(st.sampled_from(sorted(THEMES)), unique=True),
)
def test_dot_scores_are_the_sums_and_the_order_follows_the_scores(
    ballots: list[dict[str, int]], tie_break: list[str]
) -> None:
    result = tally(DOTS, THEMES, ballots=[Ballot(None, b) for b in ballots], tie_break=tie_break)
    for key in THEMES:
        assert result.scores[key] == sum(b.get(key, 0) for b in ballots)
    ordered = [result.scores[key] for key in result.order]
    assert ordered == sorted(ordered, reverse=True)
    assert sorted(result.order) == sorted(THEMES)


def test_borda_points_by_place() -> None:
    assert [borda_points(place, 4) for place in (1, 2, 3, 4, 5)] == [3, 2, 1, 0, 0]


def test_totals_are_taken_as_typed_with_the_number_who_voted() -> None:
    settings = VoteSettings(VoteMode.DOTS, VoteEntry.TOTALS, per_person=5)
    result = tally(settings, THEMES, totals={"t-a": 15, "t-b": 12}, voters=6)
    assert dict(result.scores) == {"t-a": 15, "t-b": 12, "t-c": 0, "t-d": 0}
    assert result.voters == 6
    assert result.problems == ()


def test_totals_that_do_not_fit_the_budget_are_reported() -> None:
    settings = VoteSettings(VoteMode.DOTS, VoteEntry.TOTALS, per_person=5)
    result = tally(settings, THEMES, totals={"t-a": 20, "t-b": 12}, voters=6)
    assert [p.message for p in result.problems] == [
        "32 dots were counted, but 6 voters with 5 dots each have 30"
    ]


def test_more_hands_than_voters_is_reported() -> None:
    settings = VoteSettings(VoteMode.HANDS, VoteEntry.TOTALS)
    result = tally(settings, THEMES, totals={"t-a": 9}, voters=8)
    assert [p.message for p in result.problems] == ["'Eenzaamheid' has 9 hands, but 8 people voted"]


def test_ranking_needs_ballots_and_hands_need_totals() -> None:
    assert settings_problem(VoteSettings(VoteMode.RANKING, VoteEntry.TOTALS)) is not None
    assert settings_problem(VoteSettings(VoteMode.HANDS, VoteEntry.BALLOTS)) is not None
    assert settings_problem(VoteSettings(VoteMode.POINTS, VoteEntry.TOTALS)) is None


@pytest.mark.parametrize(
    ("settings", "voters", "eligible", "english"),
    [
        (
            VoteSettings(VoteMode.DOTS, per_person=5),
            18,
            20,
            "Dot voting, 5 dots each; 18 of 20 participants voted.",
        ),
        (
            VoteSettings(VoteMode.POINTS, per_person=10, cap=4),
            7,
            None,
            "Points budget, 10 points each, at most 4 per theme; 7 participants voted.",
        ),
        (
            VoteSettings(VoteMode.RANKING, VoteEntry.BALLOTS),
            1,
            0,
            "Ranking (Borda count); 1 participant voted.",
        ),
        (VoteSettings(VoteMode.HANDS), None, 12, "Show of hands."),
        (VoteSettings(VoteMode.DOTS), None, None, "Dot voting."),
    ],
)
def test_the_method_sentence_of_each_mode(
    settings: VoteSettings, voters: int | None, eligible: int | None, english: str
) -> None:
    assert method_sentence(settings, voters=voters, eligible=eligible) == english


def test_the_method_sentence_in_dutch() -> None:
    set_language("nl")
    settings = VoteSettings(VoteMode.DOTS, per_person=5)
    assert (
        method_sentence(settings, voters=18, eligible=20)
        == "Stippen plakken, 5 stippen per persoon; 18 van de 20 deelnemers stemden."
    )


def test_only_going_from_totals_to_ballots_replaces_typed_totals() -> None:
    totals = {"a": 15, "b": 0, "c": 4}
    assert replaced_totals(VoteEntry.TOTALS, VoteEntry.BALLOTS, totals) == {"a": 15, "c": 4}
    for before, after in (
        (VoteEntry.BALLOTS, VoteEntry.TOTALS),  # the ballots stay stored
        (VoteEntry.TOTALS, VoteEntry.TOTALS),
        (VoteEntry.BALLOTS, VoteEntry.BALLOTS),
    ):
        assert replaced_totals(before, after, totals) == {}
    assert replaced_totals(VoteEntry.TOTALS, VoteEntry.BALLOTS, {"a": 0}) == {}
