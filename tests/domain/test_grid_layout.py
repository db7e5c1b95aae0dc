"""The one layout of the sociale kaart: however many stakeholders share a cell, no two markers
touch, no name runs into a marker, another name or a fixed label, and the same input gives the
same picture."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from worksession.domain.grid_layout import Box, GridLayout, Medium, lay_out
from worksession.domain.power_grid import cell_of
from worksession.programmes.library import load_library
from worksession.workflows.demo import demo_document

CATALOGUE = [
    "Huisarts", "Praktijkondersteuner somatiek", "Praktijkondersteuner GGZ",
    "Wijkverpleegkundige", "Fysiotherapeut", "Oefentherapeut", "Diëtist", "Apotheker",
    "Ergotherapeut", "Logopedist", "Verloskundige", "Tandarts", "GGD", "Gemeente",
    "Sociaal wijkteam", "Welzijnsorganisatie", "Buurtsportcoach", "Leefstijlcoach",
]  # fmt: skip


def measure(text: str, size: float, bold: bool) -> float:
    """A font whose letters are all alike: wide enough to make names collide."""
    return len(text) * size * (0.65 if bold else 0.6)


def medium(*, names: bool = True, grid: float = 600.0) -> Medium:
    scale = grid / 360  # the plan's sizes, enlarged as the screen does
    return Medium(
        grid=grid, left=0.0, bottom=0.0, width=grid + 95 * scale, height=grid + 6 * scale,
        name_size=6.5 * scale, named_radius=4.5 * scale, numbered_radius=5.5 * scale,
        number_size=5.5 * scale, gap=0.75 * scale, measure=measure, name_dx=2 * scale,
        name_dy=2.5 * scale, number_margin=1.5 * scale, names=names,
    )  # fmt: skip


def assert_nothing_overlaps(layout: GridLayout, paper: Medium, fixed: list[Box]) -> None:
    circles = [marker.box() for marker in layout.markers]
    names = [marker.name_box for marker in layout.markers if marker.name_box is not None]
    for first, second in itertools.combinations(circles, 2):
        assert not first.overlaps(second), (first, second)
    for name in names:
        assert name.inside(Box(0, 0, paper.width, paper.height))
        assert not any(name.overlaps(box) for box in fixed)
        assert not any(name.overlaps(circle) for circle in circles)
    for first, second in itertools.combinations(names, 2):
        assert not first.overlaps(second)
    for marker in layout.markers:
        if marker.number_size:  # a number stays inside its circle
            width = paper.measure(str(marker.number), marker.number_size, True)
            assert width < 2 * marker.radius
            assert marker.number_size * (paper.ascent + paper.descent) < 2 * marker.radius


@pytest.mark.parametrize("count", range(1, 31))
@pytest.mark.parametrize("cell", [(3, 3), (5, 5), (1, 1), (5, 1)])
def test_up_to_thirty_in_one_cell_never_overlap(count: int, cell: tuple[int, int]) -> None:
    stakeholders = [(f"s-{n}", CATALOGUE[n % len(CATALOGUE)], *cell) for n in range(count)]
    paper = medium()
    advice = [Box(405, 580, 520, 598)]  # a quadrant's advice in the way of the middle cells
    layout = lay_out(stakeholders, paper, advice)
    assert_nothing_overlaps(layout, paper, advice)
    assert [marker.number for marker in layout.markers] == list(range(1, count + 1))
    for marker in layout.markers:
        assert cell_of(marker.x / paper.grid, marker.y / paper.grid) == cell
    if count > 2:  # eleven catalogue entries on one spot used to be one blot of text
        assert layout.numbered and all(marker.number_size > 0 for marker in layout.markers)
    assert lay_out(stakeholders, paper, advice) == layout


def test_the_demo_grid_is_readable_on_every_medium() -> None:
    document = demo_document(load_library())
    stakeholders = [
        (s["key"], s["name"], s["influence"], s["interest"]) for s in document["stakeholders"]
    ]
    for paper in (medium(), medium(grid=360.0), medium(names=False)):
        layout = lay_out(stakeholders, paper)
        assert_nothing_overlaps(layout, paper, [])
        assert [m.key for m in layout.markers] == [s[0] for s in stakeholders]
    numbers_only = lay_out(stakeholders, medium(names=False))
    assert numbers_only.numbered and all(m.name is None for m in numbers_only.markers)


def test_a_sparse_grid_names_its_markers_without_numbers() -> None:
    layout = lay_out([("s-1", "GGD", 5, 1), ("s-2", "Huisarts", 1, 5)], medium())
    assert not layout.numbered
    assert [m.name for m in layout.markers] == ["GGD", "Huisarts"]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(1, 5), st.integers(1, 5), st.sampled_from(CATALOGUE)),
        min_size=1,
        max_size=40,
    )
)
def test_any_sociale_kaart_is_laid_out_without_overlap(
    values: list[tuple[int, int, str]],
) -> None:
    stakeholders = [(f"s{n}", name, i, j) for n, (i, j, name) in enumerate(values)]
    paper = medium()
    layout = lay_out(stakeholders, paper)
    assert_nothing_overlaps(layout, paper, [])
    assert lay_out(stakeholders, paper) == layout
