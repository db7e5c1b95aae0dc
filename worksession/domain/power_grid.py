"""The power/interest grid of the sociale kaart as geometry, shared by the app and the PDF.

Interest runs left to right and influence bottom to top, each from 1 to 5, so the grid has 5×5
cells. Several stakeholders in one cell are spread around its centre in a fixed order, so the
same stored values always give the same picture, on screen and on paper.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from worksession.domain.values import Domain, RelationKind
from worksession.i18n import N_

SCALE = 5
HIGH = 3  # a value of 3 or more counts as high (the middle cell sits in the upper half)

QUADRANTS = {
    (True, True): N_("actively involve"),
    (True, False): N_("keep satisfied"),
    (False, True): N_("consult"),
    (False, False): N_("inform"),
}

DOMAIN_COLOURS = {
    Domain.PRIMARY_CARE: "#1f77b4",
    Domain.PUBLIC_HEALTH: "#9467bd",
    Domain.SOCIAL_DOMAIN: "#2ca02c",
    Domain.LIFESTYLE_SPORT: "#ff7f0e",
    Domain.RESIDENTS: "#d62728",
    Domain.OTHER: "#7f7f7f",
    Domain.UNKNOWN: "#bcbd22",
}


@dataclass(frozen=True)
class LineStyle:
    """How a relation kind is drawn: told apart by its dashes, so also in greyscale or by
    someone who does not see the colours apart."""

    colour: str
    dashes: tuple[float, ...] | None  # None: solid; else dash, space, … in line widths
    both_ends: bool  # an arrow head at both ends: a relation that goes both ways


RELATION_STYLES = {
    RelationKind.REFERS_TO: LineStyle("#444444", None, False),
    RelationKind.WORKS_WITH: LineStyle("#2ca02c", (4.0, 2.0), True),
    RelationKind.FEEDS_BACK_TO: LineStyle("#1f77b4", (1.0, 1.6), False),
}


@dataclass(frozen=True)
class Placed:
    key: str
    x: float  # 0..1, interest
    y: float  # 0..1, influence (0 at the bottom)


def quadrant(influence: int, interest: int) -> str:
    """The quadrant's advice (marked for translation) for a stakeholder's values."""
    return QUADRANTS[(influence >= HIGH, interest >= HIGH)]


def cell_of(x: float, y: float) -> tuple[int, int]:
    """(influence, interest) of the cell that holds the point (x, y), clamped to the grid."""
    interest = min(SCALE, max(1, math.floor(x * SCALE) + 1))
    influence = min(SCALE, max(1, math.floor(y * SCALE) + 1))
    return influence, interest


def place(stakeholders: Sequence[tuple[str, int, int]]) -> list[Placed]:
    """Positions for (key, influence, interest) in order; cell-mates share their cell evenly."""
    cells: dict[tuple[int, int], list[str]] = {}
    for key, influence, interest in stakeholders:
        cells.setdefault((influence, interest), []).append(key)
    placed = []
    for (influence, interest), keys in cells.items():
        # Cell-mates share the cell in a small grid of their own, filling it row by row.
        columns = math.ceil(math.sqrt(len(keys)))
        rows = math.ceil(len(keys) / columns)
        for index, key in enumerate(keys):
            row, column = divmod(index, columns)
            inner_x = (column + 0.5) / columns if len(keys) > 1 else 0.5
            inner_y = 1 - (row + 0.5) / rows if len(keys) > 1 else 0.5
            x = (interest - 1 + 0.1 + 0.8 * inner_x) / SCALE
            y = (influence - 1 + 0.1 + 0.8 * inner_y) / SCALE
            placed.append(Placed(key, x, y))
    order = {key: index for index, (key, _i, _j) in enumerate(stakeholders)}
    return sorted(placed, key=lambda p: order[p.key])
