"""Vector drawings for the plan: the power/interest grid (same placement as in the app) and the
vote result as bars."""

from __future__ import annotations

import math
from typing import Any

from reportlab.graphics.shapes import Circle, Drawing, Group, Line, Polygon, Rect, String
from reportlab.lib import colors

from worksession.domain.power_grid import DOMAIN_COLOURS, QUADRANTS, SCALE, place
from worksession.domain.values import Domain, RelationKind
from worksession.export.pdf.fonts import BOLD, REGULAR
from worksession.export.pdf.strings import label
from worksession.i18n import _

TINTS = {
    (True, True): "#e3f1e6",
    (True, False): "#fdf3dc",
    (False, True): "#e4eef8",
    (False, False): "#f2f2f2",
}
RELATION_COLOURS = {
    RelationKind.REFERS_TO: "#444444",
    RelationKind.WORKS_WITH: "#2ca02c",
    RelationKind.FEEDS_BACK_TO: "#1f77b4",
}
LABEL_CHARS = 26


def _short(name: str) -> str:
    return name if len(name) <= LABEL_CHARS else name[: LABEL_CHARS - 1] + "…"


def power_grid(snapshot: dict[str, Any], size: float = 360.0) -> Drawing:
    """The grid with every stakeholder where the app shows it; arrows for relations."""
    margin_left, margin_bottom, label_room = 26.0, 24.0, 120.0
    drawing = Drawing(size + margin_left + label_room, size + margin_bottom + 6)
    cell = size / SCALE
    split = 2 * cell  # values of 3 and more are high: the middle cell is in the upper half
    for (high_influence, high_interest), advice in QUADRANTS.items():
        x = margin_left + (split if high_interest else 0)
        width = size - split if high_interest else split
        y = margin_bottom + (split if high_influence else 0)
        height = size - split if high_influence else split
        tint = colors.HexColor(TINTS[(high_influence, high_interest)])
        drawing.add(Rect(x, y, width, height, fillColor=tint, strokeColor=None))
        drawing.add(
            String(
                x + 4,
                y + height - 11,
                _(advice),
                fontName=BOLD,
                fontSize=7.5,
                fillColor=colors.HexColor("#555555"),
            )
        )
    grid_colour = colors.HexColor("#cccccc")
    for step in range(SCALE + 1):
        offset = step * cell
        drawing.add(
            Line(
                margin_left + offset,
                margin_bottom,
                margin_left + offset,
                margin_bottom + size,
                strokeColor=grid_colour,
                strokeWidth=0.5,
            )
        )
        drawing.add(
            Line(
                margin_left,
                margin_bottom + offset,
                margin_left + size,
                margin_bottom + offset,
                strokeColor=grid_colour,
                strokeWidth=0.5,
            )
        )
    drawing.add(
        String(
            margin_left + size, 6, _("Interest →"), fontName=REGULAR, fontSize=8, textAnchor="end"
        )
    )
    axis = String(0, 0, _("Influence →"), fontName=REGULAR, fontSize=8, textAnchor="end")
    turned = Group(axis)
    turned.rotate(90)
    turned.translate(margin_bottom + size, -12)
    drawing.add(turned)

    stakeholders = {s["key"]: s for s in snapshot["stakeholders"]}
    spots = {
        spot.key: (margin_left + spot.x * size, margin_bottom + spot.y * size)
        for spot in place([(k, s["influence"], s["interest"]) for k, s in stakeholders.items()])
    }
    for relation in snapshot["relations"]:
        if relation["from"] in spots and relation["to"] in spots:
            colour = colors.HexColor(
                RELATION_COLOURS.get(RelationKind(relation["kind"]), "#444444")
            )
            _arrow(drawing, spots[relation["from"]], spots[relation["to"]], colour)
    numbered = crowded(snapshot)
    for number, (key, (x, y)) in enumerate(spots.items(), start=1):
        record = stakeholders[key]
        colour = colors.HexColor(DOMAIN_COLOURS.get(Domain(record["domain"]), "#7f7f7f"))
        fill = colour if record["present"] else colors.white
        radius = 5.5 if numbered else 4.5
        drawing.add(Circle(x, y, radius, fillColor=fill, strokeColor=colour, strokeWidth=1.2))
        if numbered:
            # Crowded cells: a number in the circle, the names in the table below the grid.
            ink = colors.white if record["present"] else colour
            drawing.add(
                String(
                    x,
                    y - 2,
                    str(number),
                    fontName=BOLD,
                    fontSize=5.5,
                    fillColor=ink,
                    textAnchor="middle",
                )
            )
        else:
            drawing.add(
                label(x + 6.5, y - 2.5, _short(record["name"]), fontName=REGULAR, fontSize=6.5)
            )
    return drawing


def crowded(snapshot: dict[str, Any]) -> bool:
    """Whether names would overlap on the grid: then stakeholders are numbered instead."""
    cells: dict[tuple[int, int], int] = {}
    for record in snapshot["stakeholders"]:
        cell = (record["influence"], record["interest"])
        cells[cell] = cells.get(cell, 0) + 1
    return len(snapshot["stakeholders"]) > 20 or any(count > 2 for count in cells.values())


def _arrow(
    drawing: Drawing, start: tuple[float, float], end: tuple[float, float], colour: object
) -> None:
    (x1, y1), (x2, y2) = start, end
    length = math.hypot(x2 - x1, y2 - y1)
    if length < 10:
        return
    ux, uy = (x2 - x1) / length, (y2 - y1) / length
    x1, y1, x2, y2 = x1 + ux * 5, y1 + uy * 5, x2 - ux * 5, y2 - uy * 5
    drawing.add(Line(x1, y1, x2, y2, strokeColor=colour, strokeWidth=0.8))
    wing = 4.0
    left = (x2 - ux * wing - uy * wing * 0.6, y2 - uy * wing + ux * wing * 0.6)
    right = (x2 - ux * wing + uy * wing * 0.6, y2 - uy * wing - ux * wing * 0.6)
    drawing.add(
        Polygon([x2, y2, *left, *right], fillColor=colour, strokeColor=colour, strokeWidth=0.5)
    )


def vote_chart(themes: list[dict[str, Any]], width: float = 440.0) -> Drawing:
    """Horizontal bars, most votes on top; priorities in the accent colour."""
    ordered = sorted(themes, key=lambda t: (-t["votes"], t["title"]))
    row = 18.0
    label_width = 170.0
    drawing = Drawing(width, row * len(ordered) + 4)
    most = max([1, *(t["votes"] for t in ordered)])
    room = width - label_width - 30
    for index, theme in enumerate(ordered):
        y = drawing.height - (index + 1) * row
        drawing.add(
            label(
                label_width - 6,
                y + 5,
                _short(theme["title"]),
                fontName=REGULAR,
                fontSize=8,
                textAnchor="end",
            )
        )
        length = room * theme["votes"] / most
        colour = colors.HexColor("#1f6f8b" if theme["priority"] else "#a7c4cf")
        drawing.add(
            Rect(label_width, y + 2, max(length, 0.5), row - 6, fillColor=colour, strokeColor=None)
        )
        drawing.add(
            String(
                label_width + length + 4, y + 5, str(theme["votes"]), fontName=REGULAR, fontSize=8
            )
        )
    return drawing
