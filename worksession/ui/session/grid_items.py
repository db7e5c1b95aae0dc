"""What the power/interest grid is drawn with on screen and on the beamer: the sizes given to the
shared layout (``domain.grid_layout``), text that measures as it draws, stakeholder markers and
relation arrows in the plan's colours and dashes.

The screen's grid is the paper's grid enlarged (``K`` scene units to a point), so it names and
numbers the markers as the plan does. The beamer numbers every marker, larger, and lists the
names beside the grid in type that reads from the back of the room.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsSceneMouseEvent,
    QGraphicsSimpleTextItem,
    QStyle,
    QStyleOptionGraphicsItem,
    QWidget,
)

from worksession.domain.grid_layout import Marker, Medium
from worksession.domain.power_grid import DOMAIN_COLOURS, LineStyle, cell_of
from worksession.domain.values import Domain
from worksession.ui.fonts import register_app_fonts

SIZE = 600.0  # the grid's side in scene units
K = SIZE / 360.0  # scene units per point of the plan's grid
RIGHT_ROOM, TOP_ROOM = 95 * K, 6 * K  # as on paper: names beside the right-hand column
REFERENCE = 100  # text is shaped at this pixel size and scaled: its width grows linearly
FAMILY = "DejaVu Sans"  # the plan's font, so names take the room they take on paper


def to_scene(x: float, y: float) -> QPointF:
    """A point of the grid (0..1, influence upwards) in scene units (downwards)."""
    return QPointF(x * SIZE, (1 - y) * SIZE)


def reference_font(bold: bool = False) -> QFont:
    register_app_fonts()
    font = QFont(FAMILY)
    font.setPixelSize(REFERENCE)
    font.setBold(bold)
    return font


class TextMeasure:
    """Widths of texts as ``ScaledText`` draws them; each text is shaped once."""

    def __init__(self) -> None:
        self._metrics = {bold: QFontMetricsF(reference_font(bold)) for bold in (False, True)}
        self._widths: dict[tuple[str, bool], float] = {}

    def __call__(self, text: str, size: float, bold: bool) -> float:
        width = self._widths.get((text, bold))
        if width is None:
            width = self._metrics[bold].horizontalAdvance(text) / REFERENCE
            self._widths[(text, bold)] = width
        return width * size


def screen_medium(measure: TextMeasure) -> Medium:
    """The coach's grid: the plan's sizes, enlarged."""
    return Medium(
        grid=SIZE, left=0.0, bottom=0.0, width=SIZE + RIGHT_ROOM, height=SIZE + TOP_ROOM,
        name_size=6.5 * K, named_radius=4.5 * K, numbered_radius=5.5 * K, number_size=5.5 * K,
        gap=0.75 * K, measure=measure, name_dx=2 * K, name_dy=2.5 * K, number_margin=1.5 * K,
    )  # fmt: skip


def beamer_medium(measure: TextMeasure) -> Medium:
    """The room's grid: every marker numbered, as large as its cell allows (the names are in
    the list beside the grid)."""
    return Medium(
        grid=SIZE, left=0.0, bottom=0.0, width=SIZE, height=SIZE,
        name_size=6.5 * K, named_radius=0.05 * SIZE, numbered_radius=0.05 * SIZE,
        # gap: circles side by side stay apart, seen from the back of the room.
        number_size=0.05 * SIZE, gap=4.0, measure=measure, name_dx=2 * K, name_dy=2.5 * K,
        number_margin=1.5 * K, names=False,
    )  # fmt: skip


class ScaledText(QGraphicsSimpleTextItem):
    """A text of any size, placed by its baseline as the layout measured it."""

    def __init__(
        self, parent: QGraphicsItem | None = None, *, bold: bool = False, ground: bool = False
    ) -> None:
        super().__init__(parent)
        self.ground = ground
        self.setFont(reference_font(bold))
        self.ascent = QFontMetricsF(self.font()).ascent() / REFERENCE  # the top to the baseline
        self.size = 0.0

    def show_at(self, text: str, size: float, x: float, baseline: float) -> None:
        """Draw ``text`` at ``size`` with its baseline starting at (x, baseline) in the parent."""
        self.setText(text)
        self.size = size
        self.setScale(size / REFERENCE)
        self.setPos(x, baseline - self.ascent * size)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        if self.ground:
            # A light ground keeps a name readable where an arrow crosses it (as on paper).
            painter.fillRect(self.boundingRect(), QColor(255, 255, 255, 190))
        super().paint(painter, option, widget)  # type: ignore[arg-type]


def domain_colour(domain: str) -> QColor:
    return QColor(DOMAIN_COLOURS.get(Domain(domain), "#7f7f7f"))


class StakeholderNode(QGraphicsEllipseItem):
    """A stakeholder: filled when present in the room, an outline when absent; its number in
    it when the grid is numbered and its name beside it where there is room."""

    def __init__(self, record: Mapping[str, Any], moved: Callable[[str, int, int], None]) -> None:
        super().__init__()
        self.key = record["key"]
        self._moved = moved
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.setZValue(2)
        self.number = ScaledText(self, bold=True)
        self.label = ScaledText(self, ground=True)
        self.label.setBrush(QColor("#202020"))
        self.record: dict[str, Any] = {}
        self.marker: Marker | None = None
        self.show_record(record)

    def show_record(self, record: Mapping[str, Any]) -> None:
        """Show the stakeholder as ``record`` has it; nothing to do when it did not change."""
        if record == self.record:
            return
        self.record = dict(record)
        self.cell = (record["influence"], record["interest"])
        colour = domain_colour(record["domain"])
        self.setPen(QPen(colour.darker(140), 2))
        self.setBrush(QBrush(colour) if record["present"] else QBrush(QColor("#ffffff")))
        self.number.setBrush(QColor("#ffffff") if record["present"] else colour.darker(140))
        self.setToolTip(f"{record['name']}\n{record['role']}".strip())
        self.label.setText(" ".join(record["name"].split()))

    def show_marker(self, marker: Marker, medium: Medium) -> None:
        """Size, number and name as the layout has them (scene y grows downwards)."""
        if marker == self.marker:
            return
        self.marker = marker
        self.prepareGeometryChange()
        radius = marker.radius
        self.setRect(-radius, -radius, 2 * radius, 2 * radius)
        self.setPos(marker.x, SIZE - marker.y)
        self.number.setVisible(marker.number_size > 0)
        if marker.number_size:
            size, text = marker.number_size, str(marker.number)
            width = medium.measure(text, size, True)
            baseline = size * (medium.ascent - medium.descent) / 2
            self.number.show_at(text, size, -width / 2, baseline)
        self.label.setVisible(marker.name is not None)
        if marker.name is not None:
            self.label.show_at(
                marker.name, medium.name_size, marker.name_x - marker.x,
                marker.y - marker.name_y
            )  # fmt: skip

    def boundingRect(self) -> QRectF:
        return super().boundingRect().adjusted(-5, -5, 5, 5)  # room for the selection ring

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        # A ring shows the selection: Qt's dashed box would run over the neighbours' names.
        option.state = option.state & ~QStyle.StateFlag.State_Selected
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        super().paint(painter, option, widget)
        if self.isSelected():
            painter.setPen(QPen(QColor("#000000"), 2.5))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(self.rect().adjusted(-3.5, -3.5, 3.5, 3.5))

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        point = self.pos()
        cell = cell_of(point.x() / SIZE, 1 - point.y() / SIZE)
        if cell != self.cell:
            # Storing the move updates the grid (and undoing it may remove this item): not
            # inside its own event handler, but once the event is done.
            key, moved = self.key, self._moved
            QTimer.singleShot(0, lambda: moved(key, *cell))
        elif self.marker is not None:
            self.setPos(self.marker.x, SIZE - self.marker.y)  # dropped in its own cell: back


class Arrow(QGraphicsItem):
    """A relation between two stakeholders, from the edge of one circle to the other's, drawn
    in its kind's colour and dashes with a head at the receiving end (both for a relation
    that goes both ways)."""

    def __init__(self, start: QPointF, end: QPointF, radii: tuple[float, float],
                 style: LineStyle) -> None:  # fmt: skip
        super().__init__()
        self.style = style
        line = QLineF(start, end)
        length = line.length()
        self.visible_line = length > radii[0] + radii[1] + 6
        if self.visible_line:
            unit = QPointF(line.dx() / length, line.dy() / length)
            line = QLineF(start + unit * (radii[0] + 1.5), end - unit * (radii[1] + 1.5))
        self.line = line
        self.ends: tuple[Marker | None, Marker | None] = (None, None)  # as last laid out
        self.setZValue(1)

    def boundingRect(self) -> QRectF:
        return QRectF(self.line.p1(), self.line.p2()).normalized().adjusted(-8, -8, 8, 8)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        if not self.visible_line:
            return  # cell-mates side by side: a stub of a line says nothing
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = QColor(self.style.colour)
        pen = QPen(colour, 1.5)
        if self.style.dashes:
            pen.setDashPattern([dash * K / 1.5 for dash in self.style.dashes])
        painter.setPen(pen)
        painter.drawLine(self.line)
        painter.setPen(QPen(colour, 1))
        painter.setBrush(colour)
        painter.drawPolygon(arrow_head(self.line.p1(), self.line.p2()))
        if self.style.both_ends:
            painter.drawPolygon(arrow_head(self.line.p2(), self.line.p1()))


def arrow_head(start: QPointF, tip: QPointF, wing: float = 9.0) -> QPolygonF:
    """A filled head at ``tip`` of a line coming from ``start``."""
    angle = math.atan2(tip.y() - start.y(), tip.x() - start.x())
    left = tip - QPointF(math.cos(angle - 0.5), math.sin(angle - 0.5)) * wing
    right = tip - QPointF(math.cos(angle + 0.5), math.sin(angle + 0.5)) * wing
    return QPolygonF([tip, left, right])
