"""Rank numbers typed per theme ↔ the ranking a ballot stores (themes in order).

A ranking ballot is typed along its row as the paper says it: "Dementie 2, Eenzaamheid 1,
Bewegen 3". Typed in that order the ranks have a gap for a moment (2 before 1); the ballot
stores the order so far and the grid keeps showing the numbers as typed, as long as the stored
order is the one they give (after an undo it shows the stored places again).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from worksession.domain.validation import ValidationError
from worksession.i18n import _

PATH = "vote_ballot.ranking"


def ranking_from_places(
    places: Mapping[int, int], themes: Mapping[int, str], *, voter: str
) -> list[int]:
    """The themes (ids) in the order of their rank numbers; raises ``ValidationError`` naming
    the voter and the value for a rank outside 1…number of themes or a rank given twice."""
    taken: dict[int, int] = {}
    for theme_id, place in places.items():
        if not 1 <= place <= len(themes):
            raise ValidationError(
                PATH,
                _("{voter} gave rank {rank} to '{theme}'; the ranks go from 1 to {count}").format(
                    voter=voter, rank=place, theme=themes.get(theme_id, theme_id), count=len(themes)
                ),
            )
        if place in taken:
            raise ValidationError(
                PATH,
                _("{voter} gave rank {rank} to both '{first}' and '{second}'").format(
                    voter=voter,
                    rank=place,
                    first=themes.get(taken[place], taken[place]),
                    second=themes.get(theme_id, theme_id),
                ),
            )
        taken[place] = theme_id
    return [taken[place] for place in sorted(taken)]


def places_of(ranking: Sequence[int]) -> dict[int, int]:
    """The stored order as rank numbers 1, 2, 3 …"""
    return {theme_id: place for place, theme_id in enumerate(ranking, 1)}


class TypedPlaces:
    """The rank numbers as the coach typed them, per ballot id, while they match the store."""

    def __init__(self) -> None:
        self._typed: dict[int, dict[int, int]] = {}

    def remember(self, ballot_id: int, places: Mapping[int, int]) -> None:
        self._typed[ballot_id] = dict(places)

    def places(self, ballot_id: int, ranking: Sequence[int]) -> dict[int, int]:
        typed = self._typed.get(ballot_id)
        if typed is not None and sorted(typed, key=typed.__getitem__) == list(ranking):
            return dict(typed)
        return places_of(ranking)
