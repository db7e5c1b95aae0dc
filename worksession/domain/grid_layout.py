"""Where the sociale kaart's markers, numbers and names go, so that nothing overlaps: one layout
for the screen, the beamer and the paper.

Every stakeholder sits where ``power_grid.place`` puts it; cell-mates share their cell. A name is
written beside its marker only where it has room: when any name would run into another marker,
another name, a fixed label (a quadrant's advice) or off the drawing, the markers are numbered —
the number is the stakeholder's row in the table, which is the key — and a name is written only
beside the markers where it still has room. Markers shrink in a crowded cell so that cell-mates
never touch, however many there are.

Each medium describes itself in a ``Medium``: its units (points, scene units), the grid's place
in the drawing, its type sizes and how wide it draws a text. The rules are the same for all.
Coordinates grow rightwards and upwards, as on paper; the screen turns them over.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from worksession.domain.power_grid import SCALE, place

# How wide a text is drawn: (text, size, bold) -> width, in the medium's units.
Measure = Callable[[str, float, bool], float]


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


@dataclass(frozen=True)
class Medium:
    """A drawing of the grid: its sizes in its own units and how it measures text."""

    grid: float  # the side of the square grid
    left: float  # where the grid starts in the drawing
    bottom: float
    width: float  # the whole drawing, names beside the right-hand column included
    height: float
    name_size: float
    named_radius: float  # a marker with its name beside it
    numbered_radius: float  # a marker with a number in it
    number_size: float  # the largest number
    gap: float  # the least room between two things drawn on the grid
    measure: Measure
    name_dx: float  # a name's baseline starts this far right of its circle…
    name_dy: float  # …and this far below its centre
    number_margin: float  # room kept between a number and its circle
    ascent: float = 0.76  # of the type size: the letters above and below the baseline
    descent: float = 0.24
    names: bool = True  # False: numbers only (the beamer, where a list beside is the key)

    @property
    def cell(self) -> float:
        return self.grid / SCALE

    def text_box(self, x: float, y: float, text: str, size: float, bold: bool = False) -> Box:
        """The box a text drawn from (x, y), its baseline there, covers."""
        width = self.measure(text, size, bold)
        return Box(x, y - self.descent * size, x + width, y + self.ascent * size)


@dataclass(frozen=True)
class Marker:
    key: str
    number: int  # its row in the stakeholder table
    x: float
    y: float
    radius: float
    name: str | None  # written beside the marker, or None when there is no room
    number_size: float  # 0 when the marker is not numbered
    name_x: float = 0.0  # where the name's baseline starts
    name_y: float = 0.0
    name_box: Box | None = None

    def box(self) -> Box:
        return Box(
            self.x - self.radius, self.y - self.radius, self.x + self.radius, self.y + self.radius
        )


@dataclass(frozen=True)
class GridLayout:
    markers: tuple[Marker, ...]
    numbered: bool


LABEL_CHARS = 26


def short_name(name: str) -> str:
    """A name as written on the grid: long ones are cut (the table has them in full)."""
    return name if len(name) <= LABEL_CHARS else name[: LABEL_CHARS - 1] + "…"


def lay_out(
    stakeholders: Sequence[tuple[str, str, int, int]],
    medium: Medium,
    obstacles: Sequence[Box] = (),
) -> GridLayout:
    """Markers for (key, name, influence, interest) in table order, named where there is room."""
    spots = place([(key, influence, interest) for key, _name, influence, interest in stakeholders])
    crowding = _largest_radius(stakeholders, medium)
    names = {key: short_name(name) for key, name, _i, _j in stakeholders}
    named = [
        _named(
            medium,
            Marker(
                spot.key,
                number,
                medium.left + spot.x * medium.grid,
                medium.bottom + spot.y * medium.grid,
                min(medium.named_radius, crowding[spot.key]),
                names[spot.key],
                0.0,
            ),
        )
        for number, spot in enumerate(spots, start=1)
    ]
    if medium.names and _all_clear(medium, named, obstacles):
        return GridLayout(tuple(named), False)
    markers = []
    for marker in named:
        radius = min(medium.numbered_radius, crowding[marker.key])
        numbered = Marker(
            marker.key,
            marker.number,
            marker.x,
            marker.y,
            radius,
            marker.name if medium.names else None,
            _number_size(medium, str(marker.number), radius),
        )
        markers.append(_named(medium, numbered))
    circles = [marker.box() for marker in markers]
    placed: list[Box] = []
    result = []
    for index, marker in enumerate(markers):
        others = circles[:index] + circles[index + 1 :]
        box = marker.name_box
        if box is not None and _free(medium, box, [*others, *placed, *obstacles]):
            placed.append(box)
            result.append(marker)
        else:
            result.append(_without_name(marker))
    return GridLayout(tuple(result), True)


def _named(medium: Medium, marker: Marker) -> Marker:
    """The marker with the place of its name beside it (right of the circle, centred)."""
    if marker.name is None:
        return marker
    x = marker.x + marker.radius + medium.name_dx
    y = marker.y - medium.name_dy
    box = medium.text_box(x, y, marker.name, medium.name_size)
    return Marker(
        marker.key, marker.number, marker.x, marker.y, marker.radius, marker.name,
        marker.number_size, x, y, box,
    )  # fmt: skip


def _largest_radius(
    stakeholders: Sequence[tuple[str, str, int, int]], medium: Medium
) -> dict[str, float]:
    """Per stakeholder, the largest marker that keeps clear of its cell-mates."""
    counts: dict[tuple[int, int], int] = {}
    for _key, _name, influence, interest in stakeholders:
        counts[(influence, interest)] = counts.get((influence, interest), 0) + 1
    result = {}
    for key, _name, influence, interest in stakeholders:
        count = counts[(influence, interest)]
        columns = math.ceil(math.sqrt(count))
        rows = math.ceil(count / columns)
        cell = medium.cell
        spacing = min(0.8 * cell / columns, 0.8 * cell / rows) if count > 1 else cell
        result[key] = spacing / 2 - medium.gap
    return result


def _number_size(medium: Medium, number: str, radius: float) -> float:
    """The largest size, up to the medium's, at which the number fits inside its marker."""
    room = 2 * radius - medium.number_margin
    width = max(medium.measure(number, 1.0, True), 0.01)
    return min(medium.number_size, room / width, room / (medium.ascent + medium.descent))


def _without_name(marker: Marker) -> Marker:
    return Marker(
        marker.key, marker.number, marker.x, marker.y, marker.radius, None, marker.number_size
    )


def _all_clear(medium: Medium, markers: Sequence[Marker], obstacles: Sequence[Box]) -> bool:
    circles = [marker.box() for marker in markers]
    names: list[Box] = []
    for index, marker in enumerate(markers):
        box = marker.name_box
        if box is None:
            continue
        others = circles[:index] + circles[index + 1 :]
        if not _free(medium, box, [*others, *names, *obstacles]):
            return False
        names.append(box)
    return True


def _free(medium: Medium, box: Box, taken: Sequence[Box]) -> bool:
    return box.inside(Box(0, 0, medium.width, medium.height)) and not any(
        box.overlaps(other, medium.gap) for other in taken
    )
