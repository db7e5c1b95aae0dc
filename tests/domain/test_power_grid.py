"""The grid geometry: quadrants, cells and a stable spread of cell-mates."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from worksession.domain.power_grid import cell_of, place, quadrant


def test_quadrants_follow_influence_and_interest() -> None:
    assert quadrant(5, 5) == "actively involve"
    assert quadrant(5, 1) == "keep satisfied"
    assert quadrant(1, 5) == "consult"
    assert quadrant(2, 2) == "inform"
    assert quadrant(3, 3) == "actively involve"  # the middle counts as high


def test_a_lone_stakeholder_sits_in_the_middle_of_its_cell() -> None:
    (only,) = place([("s-ggd", 5, 1)])
    assert (round(only.x, 3), round(only.y, 3)) == (0.1, 0.9)


VALUES = st.integers(1, 5)


@given(st.lists(st.tuples(VALUES, VALUES), min_size=1, max_size=30))
def test_every_stakeholder_stays_in_its_own_cell_and_placing_is_repeatable(
    values: list[tuple[int, int]],
) -> None:
    stakeholders = [
        (f"s{i}", influence, interest) for i, (influence, interest) in enumerate(values)
    ]
    placed = place(stakeholders)
    assert placed == place(stakeholders)
    for (key, influence, interest), spot in zip(stakeholders, placed, strict=True):
        assert spot.key == key
        assert cell_of(spot.x, spot.y) == (influence, interest)
