"""Where the sociale kaart's markers and names go on paper, so that nothing overlaps.

The grid places every stakeholder where the app does (``domain.power_grid.place``). On paper a
name is printed beside its marker only where it has room: when any name would run into another
marker, another name, a quadrant's advice or off the drawing, the markers are numbered (the
stakeholder table below the grid is the key) and a name is printed only beside the markers where
it still has room. Markers shrink in a crowded cell so that cell-mates never touch, however many
there are.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.pdfbase.pdfmetrics import stringWidth

from worksession.domain.power_grid import QUADRANTS, SCALE, place
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
LABEL_CHARS = 26
ASCENT, DESCENT = 0.76, 0.24  # of the font size: DejaVu's letters above and below the baseline


@dataclass(frozen=True)
class Box:
    left: float
    bottom: float
    right: float
    top: float

    def overlaps(self, other: Box, gap: float = 0.0) -> bool:
        return not (
            self.right + gap <= other.left
            or other.right + gap <= self.left
            or self.top + gap <= other.bottom
            or other.top + gap <= self.bottom
        )

    def inside(self, other: Box) -> bool:
        return (
            other.left <= self.left
            and self.right <= other.right
            and other.bottom <= self.bottom
            and self.top <= other.top
        )


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
class Marker:
    key: str
    number: int  # its row in the stakeholder table
    x: float
    y: float
    radius: float
    name: str | None  # printed beside the marker, or None when there is no room
    number_size: float  # 0 when the marker is not numbered

    def box(self) -> Box:
        return Box(
            self.x - self.radius, self.y - self.radius, self.x + self.radius, self.y + self.radius
        )

    def name_position(self) -> tuple[float, float]:
        return self.x + self.radius + 2.0, self.y - 2.5

    def name_box(self) -> Box | None:
        if self.name is None:
            return None
        return text_box(*self.name_position(), self.name, REGULAR, NAME_SIZE)


@dataclass(frozen=True)
class GridLayout:
    markers: tuple[Marker, ...]
    numbered: bool
    advice: tuple[Advice, ...]


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


def short_name(name: str) -> str:
    return name if len(name) <= LABEL_CHARS else name[: LABEL_CHARS - 1] + "…"


def grid_layout(
    stakeholders: Sequence[tuple[str, str, int, int]], advice: tuple[Advice, ...]
) -> GridLayout:
    """Markers for (key, name, influence, interest) in table order, named where there is room."""
    spots = place([(key, influence, interest) for key, _name, influence, interest in stakeholders])
    crowding = _largest_radius(stakeholders)
    names = {key: short_name(name) for key, name, _i, _j in stakeholders}
    obstacles = [label.box for label in advice]
    named = [
        Marker(
            spot.key,
            number,
            LEFT + spot.x * GRID,
            BOTTOM + spot.y * GRID,
            min(NAMED_RADIUS, crowding[spot.key]),
            names[spot.key],
            0.0,
        )
        for number, spot in enumerate(spots, start=1)
    ]
    if _all_clear(named, obstacles):
        return GridLayout(tuple(named), False, advice)
    markers: list[Marker] = []
    for marker in named:
        radius = min(NUMBERED_RADIUS, crowding[marker.key])
        markers.append(
            Marker(
                marker.key,
                marker.number,
                marker.x,
                marker.y,
                radius,
                marker.name,
                _number_size(str(marker.number), radius),
            )
        )
    circles = [marker.box() for marker in markers]
    placed: list[Box] = []
    result = []
    for index, marker in enumerate(markers):
        box = marker.name_box()
        others = circles[:index] + circles[index + 1 :]
        if box is not None and _free(box, [*others, *placed, *obstacles]):
            placed.append(box)
            result.append(marker)
        else:
            result.append(_without_name(marker))
    return GridLayout(tuple(result), True, advice)


def _largest_radius(stakeholders: Sequence[tuple[str, str, int, int]]) -> dict[str, float]:
    """Per stakeholder, the largest marker that keeps clear of its cell-mates."""
    counts: dict[tuple[int, int], int] = {}
    for _key, _name, influence, interest in stakeholders:
        counts[(influence, interest)] = counts.get((influence, interest), 0) + 1
    result = {}
    for key, _name, influence, interest in stakeholders:
        count = counts[(influence, interest)]
        columns = math.ceil(math.sqrt(count))
        rows = math.ceil(count / columns)
        spacing = min(0.8 * CELL / columns, 0.8 * CELL / rows) if count > 1 else CELL
        result[key] = spacing / 2 - GAP
    return result


def _number_size(number: str, radius: float) -> float:
    """The largest size, up to 5.5 pt, at which the number fits inside its marker."""
    room = 2 * radius - 1.5
    return min(5.5, room / max(stringWidth(number, BOLD, 1.0), 0.01), room / (ASCENT + DESCENT))


def _without_name(marker: Marker) -> Marker:
    return Marker(
        marker.key, marker.number, marker.x, marker.y, marker.radius, None, marker.number_size
    )


def _all_clear(markers: Sequence[Marker], obstacles: Sequence[Box]) -> bool:
    circles = [marker.box() for marker in markers]
    names: list[Box] = []
    for index, marker in enumerate(markers):
        box = marker.name_box()
        if box is None:
            continue
        others = circles[:index] + circles[index + 1 :]
        if not _free(box, [*others, *names, *obstacles]):
            return False
        names.append(box)
    return True


def _free(box: Box, taken: Sequence[Box]) -> bool:
    return box.inside(Box(0, 0, WIDTH, HEIGHT)) and not any(
        box.overlaps(other, GAP) for other in taken
    )
