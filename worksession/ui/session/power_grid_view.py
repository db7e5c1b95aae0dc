"""The sociale kaart as a power/interest grid: drag a stakeholder to place it.

Positions come from the stored influence and interest (``domain.power_grid``), so the picture is
the same after a restart and in the PDF. A drop in another cell is one undoable edit.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen, QPolygonF, QResizeEvent
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsSceneMouseEvent,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QStyleOptionGraphicsItem,
    QWidget,
)

from worksession.domain.interchange import Document
from worksession.domain.power_grid import DOMAIN_COLOURS, QUADRANTS, SCALE, cell_of, place
from worksession.domain.values import Domain, RelationKind
from worksession.i18n import _

SIZE = 600.0
NODE = 18.0
LABEL_CHARS = 22  # longer names are shortened on the grid; the tooltip has them in full
RELATION_COLOURS = {
    RelationKind.REFERS_TO: "#444444",
    RelationKind.WORKS_WITH: "#2ca02c",
    RelationKind.FEEDS_BACK_TO: "#1f77b4",
}


def to_scene(x: float, y: float) -> QPointF:
    return QPointF(x * SIZE, (1 - y) * SIZE)


class StakeholderNode(QGraphicsEllipseItem):
    """A stakeholder: filled when present in the room, an outline when absent."""

    def __init__(self, record: dict[str, Any], moved: Callable[[str, int, int], None]) -> None:
        super().__init__(-NODE / 2, -NODE / 2, NODE, NODE)
        self.key = record["key"]
        self._moved = moved
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.setZValue(2)
        self.label = QGraphicsSimpleTextItem(self)
        self.label.setBrush(QColor("#202020"))
        self.label.setPos(NODE / 2 + 3, -NODE / 2)
        self.record: dict[str, Any] = {}
        self.show_record(record)

    def show_record(self, record: dict[str, Any]) -> None:
        """Show the stakeholder as ``record`` has it; nothing to do when it did not change."""
        if record == self.record:
            return
        self.record = dict(record)
        self.cell = (record["influence"], record["interest"])
        colour = QColor(DOMAIN_COLOURS.get(Domain(record["domain"]), "#7f7f7f"))
        self.setPen(QPen(colour.darker(140), 2))
        self.setBrush(QBrush(colour) if record["present"] else QBrush(Qt.BrushStyle.NoBrush))
        self.setToolTip(f"{record['name']}\n{record['role']}".strip())
        name = record["name"]
        self.label.setText(name if len(name) <= LABEL_CHARS else name[: LABEL_CHARS - 1] + "…")

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        point = self.pos()
        cell = cell_of(point.x() / SIZE, 1 - point.y() / SIZE)
        if cell != self.cell:
            # Storing the move updates the grid (and undoing it may remove this item): not
            # inside its own event handler, but once the event is done.
            key, moved = self.key, self._moved
            QTimer.singleShot(0, lambda: moved(key, *cell))


class Arrow(QGraphicsItem):
    """A relation between two stakeholders, with a head at the receiving end."""

    def __init__(self, start: QPointF, end: QPointF, colour: str) -> None:
        super().__init__()
        self.line = QLineF(start, end)
        if self.line.length() > NODE:
            # Start and end at the edge of the circles, not their centres.
            self.line.setLength(self.line.length() - NODE / 2)
            reverse = QLineF(self.line.p2(), self.line.p1())
            reverse.setLength(reverse.length() - NODE / 2)
            self.line = QLineF(reverse.p2(), reverse.p1())
        self.colour = QColor(colour)
        self.setZValue(1)

    def boundingRect(self) -> QRectF:
        return QRectF(self.line.p1(), self.line.p2()).normalized().adjusted(-8, -8, 8, 8)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(self.colour, 1.5))
        painter.drawLine(self.line)
        angle = math.atan2(-self.line.dy(), self.line.dx())
        tip = self.line.p2()
        wing = 9.0
        left = tip + QPointF(
            math.sin(angle - math.pi / 3) * wing, math.cos(angle - math.pi / 3) * wing
        )
        right = tip + QPointF(
            math.sin(angle - math.pi + math.pi / 3) * wing,
            math.cos(angle - math.pi + math.pi / 3) * wing,
        )
        painter.setBrush(self.colour)
        painter.drawPolygon(QPolygonF([tip, left, right]))


class PowerGridView(QGraphicsView):
    def __init__(self, moved: Callable[[str, int, int], None]) -> None:
        super().__init__()
        self._moved = moved
        self.nodes: dict[str, StakeholderNode] = {}
        self.arrows: list[Arrow] = []
        self._grid_drawn = False
        self._drawn_relations: list[tuple[str, QPointF, QPointF]] = []
        # Room on the right for the labels of the rightmost column.
        self.setScene(QGraphicsScene(QRectF(-40, -20, SIZE + 190, SIZE + 60), self))
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        # The grid is a sheet of paper in light and dark mode alike, as it will be in the PDF.
        self.setBackgroundBrush(QBrush(QColor("#ffffff")))
        self.setAccessibleName(_("Power/interest grid"))
        self.viewport().setAccessibleName(_("Power/interest grid"))
        self.setMinimumSize(360, 360)

    def show_document(self, document: Document) -> None:
        """Bring the grid up to date: nodes are kept and changed in place, not rebuilt.

        A save refreshes the page on screen; rebuilding every node of a full sociale kaart on
        each one cost more than a frame (``make bench``).
        """
        scene = self.scene()
        if not self._grid_drawn:
            self._draw_grid(scene)
            self._grid_drawn = True
        stakeholders = {s["key"]: s for s in document["stakeholders"]}
        for key in [key for key in self.nodes if key not in stakeholders]:
            scene.removeItem(self.nodes.pop(key))
        spots = place([(k, s["influence"], s["interest"]) for k, s in stakeholders.items()])
        for spot in spots:
            node = self.nodes.get(spot.key)
            if node is None:
                node = StakeholderNode(stakeholders[spot.key], self._moved)
                scene.addItem(node)
                self.nodes[spot.key] = node
            else:
                node.show_record(stakeholders[spot.key])
            node.setPos(to_scene(spot.x, spot.y))
        self._show_relations(document["relations"])

    def _show_relations(self, relations: list[dict[str, Any]]) -> None:
        drawn = [
            (relation["kind"], self.nodes[relation["from"]].pos(), self.nodes[relation["to"]].pos())
            for relation in relations
            if relation["from"] in self.nodes and relation["to"] in self.nodes
        ]
        if drawn == self._drawn_relations:
            return  # new arrows would repaint the whole grid for nothing
        self._drawn_relations = drawn
        scene = self.scene()
        for arrow in self.arrows:
            scene.removeItem(arrow)
        self.arrows = []
        for kind, start, end in drawn:
            colour = RELATION_COLOURS.get(RelationKind(kind), "#444444")
            arrow = Arrow(start, end, colour)
            scene.addItem(arrow)
            self.arrows.append(arrow)

    def _draw_grid(self, scene: QGraphicsScene) -> None:
        half = SIZE / 2 - SIZE / SCALE / 2  # the middle cell belongs to the upper/right half
        tints = {
            (True, True): "#e3f1e6",
            (True, False): "#fdf3dc",
            (False, True): "#e4eef8",
            (False, False): "#f2f2f2",
        }
        for (high_influence, high_interest), advice in QUADRANTS.items():
            left = half if high_interest else 0.0
            top = 0.0 if high_influence else SIZE - half
            width = SIZE - half if high_interest else half
            height = SIZE - half if high_influence else half
            rect = QRectF(left, top, width, height)
            scene.addRect(
                rect,
                QPen(Qt.PenStyle.NoPen),
                QBrush(QColor(tints[(high_influence, high_interest)])),
            )
            label = scene.addSimpleText(_(advice))
            font = QFont(label.font())
            font.setBold(True)
            label.setFont(font)
            label.setBrush(QColor("#555555"))
            label.setPos(rect.left() + 6, rect.top() + 4)
        pen = QPen(QColor("#cccccc"))
        for step in range(SCALE + 1):
            offset = step * SIZE / SCALE
            scene.addLine(offset, 0, offset, SIZE, pen)
            scene.addLine(0, offset, SIZE, offset, pen)
        interest = scene.addSimpleText(_("Interest →"))
        interest.setPos(SIZE - interest.boundingRect().width(), SIZE + 6)
        influence = scene.addSimpleText(_("Influence →"))
        influence.setRotation(-90)
        influence.setPos(-24, influence.boundingRect().width())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fitInView(self.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
