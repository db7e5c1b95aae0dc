"""The sociale kaart on paper: nothing printed on the grid overlaps, however crowded a cell is,
and the legend tells the domains, presence and the relation kinds apart without colour."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.graphics.shapes import Circle, Drawing, Group, Line, String

from worksession.domain.values import Domain, RelationKind
from worksession.export.pdf.drawings import (
    RELATION_STYLES,
    crowded,
    kaart_legend,
    power_grid,
)
from worksession.export.pdf.fonts import BOLD, REGULAR, register_fonts
from worksession.export.pdf.grid_layout import (
    ADVICE_SIZE,
    HEIGHT,
    NAME_SIZE,
    WIDTH,
    Box,
    text_box,
)
from worksession.programmes.library import load_library
from worksession.workflows.demo import demo_document


def _stakeholder(number: int, influence: int, interest: int, **extra: Any) -> dict[str, Any]:
    return {
        "key": f"s-{number}",
        "name": extra.get("name", f"Praktijkondersteuner wijkteam {number}"),
        "domain": extra.get("domain", "primary_care"),
        "influence": influence,
        "interest": interest,
        "present": extra.get("present", number % 2 == 0),
    }


def _snapshot(stakeholders: list[dict[str, Any]], relations: Sequence[Any] = ()) -> dict[str, Any]:
    return {"stakeholders": stakeholders, "relations": list(relations)}


def _flat_shapes(drawing: Drawing | Group) -> list[Any]:
    """Every shape of the drawing, Groups opened (except the turned axis label)."""
    shapes: list[Any] = []
    for shape in drawing.contents:
        if isinstance(shape, Group):
            if shape.transform == (1, 0, 0, 1, 0, 0):
                shapes += _flat_shapes(shape)
        else:
            shapes.append(shape)
    return shapes


def _geometry(drawing: Drawing) -> tuple[list[Circle], list[Box], list[Box], list[Box]]:
    """Markers, numbers, names and advice of the grid, as drawn."""
    shapes = _flat_shapes(drawing)
    circles = [s for s in shapes if isinstance(s, Circle)]
    strings = [s for s in shapes if isinstance(s, String)]

    def box(s: String) -> Box:
        return text_box(s.x, s.y, s.text, s.fontName, s.fontSize, s.textAnchor)

    numbers = [box(s) for s in strings if s.fontName == BOLD and s.fontSize <= 5.5]
    names = [box(s) for s in strings if s.fontName == REGULAR and s.fontSize == NAME_SIZE]
    advice = [box(s) for s in strings if s.fontName == BOLD and s.fontSize == ADVICE_SIZE]
    return circles, numbers, names, advice


def _circle_box(circle: Circle) -> Box:
    return Box(
        circle.cx - circle.r, circle.cy - circle.r, circle.cx + circle.r, circle.cy + circle.r
    )


def _assert_nothing_overlaps(snapshot: dict[str, Any]) -> None:
    circles, numbers, names, advice = _geometry(power_grid(snapshot))
    assert len(circles) == len(snapshot["stakeholders"])
    for index, first in enumerate(circles):
        for second in circles[index + 1 :]:
            distance = math.hypot(first.cx - second.cx, first.cy - second.cy)
            assert distance >= first.r + second.r, "two markers overlap"
    for number in numbers:
        assert any(number.inside(_circle_box(circle)) for circle in circles), "number outside"
    page = Box(0, 0, WIDTH, HEIGHT)
    for index, name in enumerate(names):
        assert name.inside(page)
        assert not any(name.overlaps(_circle_box(circle)) for circle in circles)
        assert not any(name.overlaps(other) for other in names[index + 1 :])
        assert not any(name.overlaps(other) for other in advice)
    if crowded(snapshot):
        assert len(numbers) == len(circles)  # every marker has its number: the table is the key
    else:
        assert len(names) == len(circles) and not numbers


@pytest.fixture(autouse=True)
def _fonts() -> None:
    register_fonts()


def test_eleven_stakeholders_in_one_cell_are_numbered_and_do_not_overlap() -> None:
    snapshot = _snapshot([_stakeholder(n, 3, 3) for n in range(11)])
    assert crowded(snapshot)
    _assert_nothing_overlaps(snapshot)


def test_the_demo_kaart_has_no_overlapping_labels() -> None:
    document = demo_document(load_library())
    _assert_nothing_overlaps(document)


def test_a_few_stakeholders_far_apart_keep_their_names_without_numbers() -> None:
    snapshot = _snapshot(
        [_stakeholder(1, 1, 1, name="GGD"), _stakeholder(2, 5, 2, name="Wijkteam")]
    )
    assert not crowded(snapshot)
    _assert_nothing_overlaps(snapshot)


VALUES = st.integers(1, 5)


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.tuples(VALUES, VALUES, st.integers(1, 40), st.booleans()), min_size=1, max_size=60)
)
def test_no_data_makes_the_grid_overlap(values: list[tuple[int, int, int, bool]]) -> None:
    stakeholders = [
        _stakeholder(n, influence, interest, name="Wijk" * (length // 4 + 1), present=present)
        for n, (influence, interest, length, present) in enumerate(values)
    ]
    _assert_nothing_overlaps(_snapshot(stakeholders))


def test_relation_kinds_differ_by_their_dashes_on_the_grid_and_in_the_legend() -> None:
    stakeholders = [_stakeholder(n, 1 + n, 1 + n) for n in range(4)]
    relations = [
        {"from": "s-0", "to": "s-1", "kind": RelationKind.REFERS_TO.value},
        {"from": "s-1", "to": "s-2", "kind": RelationKind.WORKS_WITH.value},
        {"from": "s-2", "to": "s-3", "kind": RelationKind.FEEDS_BACK_TO.value},
    ]
    snapshot = _snapshot(stakeholders, relations)
    dashes = {style.dashes for style in RELATION_STYLES.values()}
    assert len(dashes) == len(RelationKind)  # told apart on a greyscale print too

    def line_dashes(drawing: Drawing) -> set[tuple[float, ...] | None]:
        return {
            tuple(s.strokeDashArray) if s.strokeDashArray else None
            for s in _flat_shapes(drawing)
            if isinstance(s, Line) and s.strokeWidth != 0.5  # not the grid's own lines
        }

    assert line_dashes(power_grid(snapshot)) == dashes
    legend = kaart_legend(snapshot, 480)
    assert line_dashes(legend) == dashes
    words = {s.text for s in _flat_shapes(legend) if isinstance(s, String)}
    assert {kind.label for kind in RelationKind} <= words
    assert {d.label for d in Domain if d is not Domain.UNKNOWN} <= words
    assert {"aanwezig bij de sessie", "niet aanwezig"} <= words
