"""The sociale kaart on paper: the sizes and fonts of the page, given to the one layout that the
screen and the beamer use too (``domain.grid_layout``).

Names are printed beside their markers where they have room; otherwise the markers are numbered
and the stakeholder table below the grid is the key.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.pdfbase.pdfmetrics import stringWidth

from worksession.domain.grid_layout import Box, Marker, Medium, lay_out
from worksession.domain.power_grid import QUADRANTS, SCALE
from worksession.export.pdf import scripts
from worksession.export.pdf.fonts import BOLD, REGULAR

GRID = 360.0  # the side of the square grid, in points
# The drawing is as wide as the page's text: names beside the right-hand column get what is left.
LEFT, BOTTOM, RIGHT_ROOM, TOP_ROOM = 26.0, 24.0, 95.0, 6.0
WIDTH, HEIGHT = LEFT + GRID + RIGHT_ROOM, BOTTOM + GRID + TOP_ROOM
CELL = GRID / SCALE
SPLIT = 2 * CELL  # values of 3 and more are high: the middle cell is in the upper half
NAME_SIZE, ADVICE_SIZE = 6.5, 7.0
NAMED_RADIUS, NUMBERED_RADIUS = 4.5, 5.5
GAP = 0.75  # the least room between two things printed on the grid
ASCENT, DESCENT = 0.76, 0.24  # of the font size: DejaVu's letters above and below the baseline


def text_box(x: float, y: float, text: str, font: str, size: float, anchor: str = "start") -> Box:
    """The box a string drawn at (x, y) with its baseline there covers."""
    width = label_width(text, font, size)
    left = {"start": x, "middle": x - width / 2, "end": x - width}[anchor]
    return Box(left, y - DESCENT * size, left + width, y + ASCENT * size)


def label_width(text: str, font: str, size: float) -> float:
    """How wide ``strings.label`` draws a text: a run DejaVu lacks is in its fallback font."""
    line = " ".join(text.split("\n"))
    if scripts.is_plain(line):
        return stringWidth(line, font, size)
    return scripts.width(scripts.visual(line), font, size)


@dataclass(frozen=True)
class Advice:
    """A quadrant's tint and its advice, written in its top left corner."""

    box: Box
    text: str
    x: float
    y: float
    high_influence: bool
    high_interest: bool


@dataclass(frozen=True)
class GridLayout:
    markers: tuple[Marker, ...]
    numbered: bool
    advice: tuple[Advice, ...]


def _measure(text: str, size: float, bold: bool) -> float:
    return label_width(text, BOLD if bold else REGULAR, size)


PAPER = Medium(
    grid=GRID,
    left=LEFT,
    bottom=BOTTOM,
    width=WIDTH,
    height=HEIGHT,
    name_size=NAME_SIZE,
    named_radius=NAMED_RADIUS,
    numbered_radius=NUMBERED_RADIUS,
    number_size=5.5,
    gap=GAP,
    measure=_measure,
    ascent=ASCENT,
    descent=DESCENT,
    name_dx=2.0,
    name_dy=2.5,
    number_margin=1.5,
)


def advice_labels(translate: dict[str, str]) -> tuple[Advice, ...]:
    """The four quadrants with their advice (translated by the caller)."""
    labels = []
    for (high_influence, high_interest), advice in QUADRANTS.items():
        x = LEFT + (SPLIT if high_interest else 0)
        y = BOTTOM + (SPLIT if high_influence else 0)
        height = GRID - SPLIT if high_influence else SPLIT
        text = translate.get(advice, advice)
        baseline = y + height - 8.0
        box = text_box(x + 3, baseline, text, BOLD, ADVICE_SIZE)
        labels.append(Advice(box, text, x + 3, baseline, high_influence, high_interest))
    return tuple(labels)


def grid_layout(
    stakeholders: Sequence[tuple[str, str, int, int]], advice: tuple[Advice, ...]
) -> GridLayout:
    """Markers for (key, name, influence, interest) in table order, named where there is room."""
    layout = lay_out(stakeholders, PAPER, [label.box for label in advice])
    return GridLayout(layout.markers, layout.numbered, advice)
