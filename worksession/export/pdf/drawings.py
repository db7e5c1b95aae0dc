"""Vector drawings for the plan: the power/interest grid (same placement as in the app) and the
vote result as bars."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from reportlab.graphics.shapes import Circle, Drawing, Group, Line, Polygon, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from worksession.domain.document_types import Theme
from worksession.domain.plan import Snapshot
from worksession.domain.power_grid import (
    DOMAIN_COLOURS,
    QUADRANTS,
    RELATION_STYLES,
    SCALE,
    LineStyle,
)
from worksession.domain.values import Domain, RelationKind
from worksession.export.pdf.fonts import BOLD, REGULAR
from worksession.export.pdf.grid_layout import (
    ADVICE_SIZE,
    ASCENT,
    BOTTOM,
    CELL,
    DESCENT,
    GRID,
    HEIGHT,
    LEFT,
    NAME_SIZE,
    SPLIT,
    WIDTH,
    GridLayout,
    Marker,
    advice_labels,
    grid_layout,
)
from worksession.export.pdf.strings import label
from worksession.i18n import _

TINTS = {
    (True, True): "#e3f1e6",
    (True, False): "#fdf3dc",
    (False, True): "#e4eef8",
    (False, False): "#f2f2f2",
}


RELATION_COLOURS = {kind: style.colour for kind, style in RELATION_STYLES.items()}
LABEL_CHARS = 26
INK = colors.HexColor("#222222")


def _short(name: str) -> str:
    return name if len(name) <= LABEL_CHARS else name[: LABEL_CHARS - 1] + "…"


def _label(
    drawing: Drawing | Group,
    x: float,
    y: float,
    text: str,
    size: float,
    *,
    font: str = REGULAR,
    colour: object = INK,
    anchor: str = "start",
) -> None:
    """Every word on the sociale kaart and its legend is written here (names are user text, in
    any script: ``label`` draws each run in a font that has it)."""
    drawing.add(
        label(x, y, text, fontName=font, fontSize=size, fillColor=colour, textAnchor=anchor)
    )


def power_grid(snapshot: Snapshot, layout: GridLayout | None = None) -> Drawing:
    """The grid with every stakeholder where the app shows it; arrows for relations."""
    layout = layout or kaart_layout(snapshot)
    drawing = Drawing(WIDTH, HEIGHT)
    for advice in layout.advice:
        x = LEFT + (SPLIT if advice.high_interest else 0)
        width = GRID - SPLIT if advice.high_interest else SPLIT
        y = BOTTOM + (SPLIT if advice.high_influence else 0)
        height = GRID - SPLIT if advice.high_influence else SPLIT
        tint = colors.HexColor(TINTS[(advice.high_influence, advice.high_interest)])
        drawing.add(Rect(x, y, width, height, fillColor=tint, strokeColor=None))
    for advice in layout.advice:
        _label(
            drawing,
            advice.x,
            advice.y,
            advice.text,
            ADVICE_SIZE,
            font=BOLD,
            colour=colors.HexColor("#555555"),
        )
    grid_colour = colors.HexColor("#cccccc")
    for step in range(SCALE + 1):
        offset = step * CELL
        drawing.add(
            Line(
                LEFT + offset,
                BOTTOM,
                LEFT + offset,
                BOTTOM + GRID,
                strokeColor=grid_colour,
                strokeWidth=0.5,
            )
        )
        drawing.add(
            Line(
                LEFT,
                BOTTOM + offset,
                LEFT + GRID,
                BOTTOM + offset,
                strokeColor=grid_colour,
                strokeWidth=0.5,
            )
        )
    _label(drawing, LEFT + GRID, 6, _("Interest →"), 8, anchor="end")
    turned = Group()
    _label(turned, 0, 0, _("Influence →"), 8, anchor="end")
    turned.rotate(90)
    turned.translate(BOTTOM + GRID, -12)
    drawing.add(turned)

    stakeholders = {s["key"]: s for s in snapshot["stakeholders"]}
    markers = {marker.key: marker for marker in layout.markers}
    for relation in snapshot["relations"]:
        if relation["from"] in markers and relation["to"] in markers:
            style = RELATION_STYLES.get(RelationKind(relation["kind"]), RELATION_STYLES[REFERS])
            _arrow(drawing, markers[relation["from"]], markers[relation["to"]], style)
    for marker in layout.markers:
        record = stakeholders[marker.key]
        _marker(drawing, marker.x, marker.y, marker.radius, record["domain"], record["present"])
        if marker.number_size:
            ink = colors.white if record["present"] else _domain_colour(record["domain"])
            size = marker.number_size
            baseline = marker.y - size * (ASCENT - DESCENT) / 2
            _label(
                drawing, marker.x, baseline, str(marker.number), size, font=BOLD, colour=ink,
                anchor="middle",
            )  # fmt: skip
        box = marker.name_box
        if marker.name is not None and box is not None:
            # A light ground under the name keeps it readable where an arrow crosses it.
            drawing.add(
                Rect(
                    box.left - 0.5, box.bottom, box.right - box.left + 1, box.top - box.bottom,
                    fillColor=colors.white, fillOpacity=0.75, strokeColor=None,
                )
            )  # fmt: skip
            _label(drawing, marker.name_x, marker.name_y, marker.name, NAME_SIZE)
    return drawing


REFERS = RelationKind.REFERS_TO


def kaart_layout(snapshot: Snapshot) -> GridLayout:
    """Where the markers and names of the snapshot's stakeholders go (shared with the table)."""
    advice = advice_labels({text: _(text) for text in QUADRANTS.values()})
    return grid_layout(
        [(s["key"], s["name"], s["influence"], s["interest"]) for s in snapshot["stakeholders"]],
        advice,
    )


def crowded(snapshot: Snapshot) -> bool:
    """Whether names would overlap on the grid: then the markers are numbered, and the
    stakeholder table is their key."""
    return kaart_layout(snapshot).numbered


def _domain_colour(domain: str) -> object:
    return colors.HexColor(DOMAIN_COLOURS.get(Domain(domain), "#7f7f7f"))


def _marker(
    drawing: Drawing, x: float, y: float, radius: float, domain: str, present: bool
) -> None:
    """A stakeholder: a circle in its domain's colour, filled when present at the session."""
    colour = _domain_colour(domain)
    fill = colour if present else colors.white
    drawing.add(Circle(x, y, radius, fillColor=fill, strokeColor=colour, strokeWidth=1.2))


def _arrow(drawing: Drawing, start: Marker, end: Marker, style: LineStyle) -> None:
    x1, y1, x2, y2 = start.x, start.y, end.x, end.y
    length = math.hypot(x2 - x1, y2 - y1)
    if length < start.radius + end.radius + 6:
        return
    ux, uy = (x2 - x1) / length, (y2 - y1) / length
    # From the edge of one marker to the edge of the other, not into their numbers.
    x1, y1 = x1 + ux * (start.radius + 1), y1 + uy * (start.radius + 1)
    x2, y2 = x2 - ux * (end.radius + 1), y2 - uy * (end.radius + 1)
    _relation_line(drawing, (x1, y1), (x2, y2), style)


def _relation_line(
    drawing: Drawing, start: tuple[float, float], end: tuple[float, float], style: LineStyle
) -> None:
    """A line in the relation kind's dashes, with its arrow head (or heads)."""
    colour = colors.HexColor(style.colour)
    (x1, y1), (x2, y2) = start, end
    drawing.add(
        Line(
            x1, y1, x2, y2, strokeColor=colour, strokeWidth=0.9,
            strokeDashArray=list(style.dashes) if style.dashes else None,
        )
    )  # fmt: skip
    _head(drawing, start, end, colour)
    if style.both_ends:
        _head(drawing, end, start, colour)


def _head(
    drawing: Drawing, start: tuple[float, float], end: tuple[float, float], colour: object
) -> None:
    (x1, y1), (x2, y2) = start, end
    length = math.hypot(x2 - x1, y2 - y1) or 1.0
    ux, uy = (x2 - x1) / length, (y2 - y1) / length
    wing = 4.0
    left = (x2 - ux * wing - uy * wing * 0.6, y2 - uy * wing + ux * wing * 0.6)
    right = (x2 - ux * wing + uy * wing * 0.6, y2 - uy * wing - ux * wing * 0.6)
    drawing.add(
        Polygon([x2, y2, *left, *right], fillColor=colour, strokeColor=colour, strokeWidth=0.5)
    )


# A sample of the legend: draws itself with its left end at (x, y) and says how wide it is.
Sample = tuple[Callable[[Drawing, float, float], None], float]


def kaart_legend(snapshot: Snapshot, width: float) -> Drawing:
    """What the colours, fills and lines of the grid mean, in swatches: the domains that occur,
    present or not, and the relation kinds with their dashes and arrow heads."""
    used = {Domain(s["domain"]) for s in snapshot["stakeholders"]}
    domains = [d for d in Domain if d is not Domain.UNKNOWN or d in used]
    rows: list[tuple[str, list[tuple[str, Sample]]]] = [
        (_("Domains"), [(domain.label, _swatch(domain.value, True)) for domain in domains]),
        (
            _("Presence"),
            [
                (_("present at the session"), _swatch(Domain.OTHER.value, True)),
                (_("not present"), _swatch(Domain.OTHER.value, False)),
            ],
        ),
        (
            _("Relations"),
            [(kind.label, _line_sample(RELATION_STYLES[kind])) for kind in RelationKind],
        ),
    ]
    return _legend(rows, width)


LEGEND_ROW, LEGEND_HEAD, LEGEND_SIZE, LEGEND_SPACE = 12.0, 62.0, 7.5, 14.0


def _legend(rows: list[tuple[str, list[tuple[str, Sample]]]], width: float) -> Drawing:
    """Rows of (title, [(label, sample)]); entries wrap onto more lines when a row is full."""
    lines: list[list[tuple[str | None, float, str, Sample]]] = []
    # The samples start after the widest heading ("Aanwezigheid" ran into its first circle).
    head = max(LEGEND_HEAD, *(stringWidth(title, BOLD, LEGEND_SIZE) + 6 for title, _e in rows))
    for title, entries in rows:
        x, line = head, list[tuple[str | None, float, str, Sample]]()
        heading: str | None = title
        for text, sample in entries:
            needed = sample[1] + 4 + stringWidth(text, REGULAR, LEGEND_SIZE) + LEGEND_SPACE
            if line and x + needed - LEGEND_SPACE > width:
                lines.append(line)
                x, line = head, []
            line.append((heading, x, text, sample))
            heading = None
            x += needed
        lines.append(line)
    drawing = Drawing(width, LEGEND_ROW * len(lines) + 2)
    for row, line in enumerate(lines):
        y = drawing.height - (row + 1) * LEGEND_ROW + 3
        for heading, x, text, (draw, sample_width) in line:
            if heading:
                _label(drawing, 0, y, heading, LEGEND_SIZE, font=BOLD)
            draw(drawing, x, y + 2.6)
            _label(drawing, x + sample_width + 4, y, text, LEGEND_SIZE)
    return drawing


def _swatch(domain: str, present: bool) -> Sample:
    return (lambda drawing, x, y: _marker(drawing, x + 4.5, y, 4.0, domain, present)), 9.0


def _line_sample(style: LineStyle) -> Sample:
    return (lambda drawing, x, y: _relation_line(drawing, (x, y), (x + 26, y), style)), 26.0


def vote_chart(themes: Sequence[Theme], width: float = 440.0) -> Drawing:
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
