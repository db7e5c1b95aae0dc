"""The sociale kaart as a power/interest grid: drag a stakeholder to place it, or select it and
move it with the arrow keys; Ctrl++, Ctrl+- and Ctrl+0 zoom.

Positions, numbers and names come from the shared layout (``domain.grid_layout``) over the stored
influence and interest, so the picture is the same after a restart, on the beamer and in the PDF;
a crowded cell is numbered rather than written over, and the table is the key. A drop in another
cell or an arrow key is one undoable edit.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFocusEvent,
    QKeyEvent,
    QPainter,
    QPen,
    QResizeEvent,
    QTransform,
)
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QGraphicsView

from worksession.domain.document_types import Relation
from worksession.domain.grid_layout import Box, GridLayout, Medium, lay_out
from worksession.domain.interchange import Document
from worksession.domain.power_grid import QUADRANTS, RELATION_STYLES, SCALE
from worksession.domain.values import RelationKind
from worksession.i18n import _
from worksession.ui.session.grid_items import (
    RIGHT_ROOM,
    SIZE,
    Arrow,
    K,
    ScaledText,
    StakeholderNode,
    TextMeasure,
    beamer_medium,
    screen_medium,
    to_scene,
)

__all__ = ["SIZE", "PowerGridView", "to_scene"]

TINTS = {
    (True, True): "#e3f1e6",
    (True, False): "#fdf3dc",
    (False, True): "#e4eef8",
    (False, False): "#f2f2f2",
}
ZOOM_STEP, MOST_ZOOM, LEAST_ZOOM = 1.25, 8.0, 0.5
ARROWS = {
    Qt.Key.Key_Left: (0, -1),  # (influence, interest)
    Qt.Key.Key_Right: (0, 1),
    Qt.Key.Key_Up: (1, 0),
    Qt.Key.Key_Down: (-1, 0),
}
ZOOM_KEYS = (Qt.Key.Key_Plus, Qt.Key.Key_Equal, Qt.Key.Key_Minus, Qt.Key.Key_0)


class PowerGridView(QGraphicsView):
    """``beamer``: numbers only, larger, for the room (the presenter lists the names)."""

    selected = Signal(str)  # the key of the stakeholder selected on the grid

    def __init__(self, moved: Callable[[str, int, int], None], *, beamer: bool = False) -> None:
        super().__init__()
        self._moved = moved
        self.beamer = beamer
        self.nodes: dict[str, StakeholderNode] = {}
        self.arrows: list[Arrow] = []
        self.layout_: GridLayout = GridLayout((), False)
        self.zoom = 1.0
        self._measure = TextMeasure()
        self.medium: Medium = (beamer_medium if beamer else screen_medium)(self._measure)
        self._laid_out: list[tuple[str, str, int, int]] | None = None
        self._obstacles: list[Box] = []
        self._drawn_relations: list[tuple[str, str, str]] = []
        right = 10.0 if beamer else RIGHT_ROOM
        # The axes' words (the quadrants' a little smaller): as on paper, larger for the room.
        self._type_size = (11.5 if beamer else 8) * K
        self.setScene(QGraphicsScene(QRectF(-40, -20, SIZE + 40 + right, SIZE + 60), self))
        self._draw_grid(self.scene())
        self.scene().selectionChanged.connect(self._selection_changed)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        # The grid is a sheet of paper in light and dark mode alike, as it will be in the PDF.
        self.setBackgroundBrush(QBrush(QColor("#ffffff")))
        self.setAccessibleName(_("Power/interest grid"))
        self.viewport().setAccessibleName(_("Power/interest grid"))
        self.setMinimumSize(240, 240)
        # Right under the legend, not in the middle of a tall, narrow pane.
        self.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)

    # --- content ------------------------------------------------------------------------------
    def show_document(self, document: Document) -> None:
        """Bring the grid up to date: nodes are kept and changed in place, not rebuilt.

        A save refreshes the page on screen; rebuilding every node of a full sociale kaart on
        each one cost more than a frame (``make bench``), and the layout is only computed again
        when a name or a place changed.
        """
        scene = self.scene()
        stakeholders = {s["key"]: s for s in document["stakeholders"]}
        for key in [key for key in self.nodes if key not in stakeholders]:
            scene.removeItem(self.nodes.pop(key))
        placed = [
            (key, str(s["name"]), int(s["influence"]), int(s["interest"]))
            for key, s in stakeholders.items()
        ]
        if placed != self._laid_out:
            self._laid_out = placed
            self.layout_ = lay_out(placed, self.medium, self._obstacles)
        for marker in self.layout_.markers:
            node = self.nodes.get(marker.key)
            if node is None:
                node = StakeholderNode(stakeholders[marker.key], self._moved)
                if self.beamer:
                    node.setFlags(QGraphicsItem.GraphicsItemFlag(0))
                scene.addItem(node)
                self.nodes[marker.key] = node
            else:
                node.show_record(stakeholders[marker.key])
            node.show_marker(marker, self.medium)
        self._show_relations(document["relations"])

    def select(self, key: str | None) -> None:
        """Select one stakeholder (or none), as the table's current row asks."""
        node = self.nodes.get(key or "")
        if node is not None and node.isSelected() and len(self.scene().selectedItems()) == 1:
            return
        self.scene().clearSelection()
        if node is not None:
            node.setSelected(True)
            self.ensureVisible(node, 20, 20)

    def selected_key(self) -> str | None:
        chosen = [
            item for item in self.scene().selectedItems() if isinstance(item, StakeholderNode)
        ]
        return chosen[0].key if chosen else None

    def _selection_changed(self) -> None:
        key = self.selected_key()
        if key is not None:
            self.selected.emit(key)

    def _show_relations(self, relations: list[Relation]) -> None:
        drawn = [
            (relation["kind"], relation["from"], relation["to"])
            for relation in relations
            if relation["from"] in self.nodes and relation["to"] in self.nodes
        ]
        markers = {marker.key: marker for marker in self.layout_.markers}
        if drawn == self._drawn_relations and all(
            arrow.ends == (markers.get(start), markers.get(end))
            for arrow, (_kind, start, end) in zip(self.arrows, drawn, strict=True)
        ):
            return  # new arrows would repaint the whole grid for nothing
        self._drawn_relations = drawn
        scene = self.scene()
        for arrow in self.arrows:
            scene.removeItem(arrow)
        self.arrows = []
        for kind, start, end in drawn:
            style = RELATION_STYLES.get(RelationKind(kind), RELATION_STYLES[RelationKind.REFERS_TO])
            first, second = markers[start], markers[end]
            arrow = Arrow(
                to_scene(first.x / SIZE, first.y / SIZE),
                to_scene(second.x / SIZE, second.y / SIZE),
                (first.radius, second.radius),
                style,
            )
            arrow.ends = (first, second)
            scene.addItem(arrow)
            self.arrows.append(arrow)

    def _draw_grid(self, scene: QGraphicsScene) -> None:
        """Quadrants with their advice, cell lines and the axes; the advice is kept clear of
        names like on paper."""
        split = SIZE * 2 / SCALE  # values of 3 and more are high: the middle is in the upper half
        for (high_influence, high_interest), advice in QUADRANTS.items():
            left = split if high_interest else 0.0
            bottom = split if high_influence else 0.0
            width = SIZE - split if high_interest else split
            height = SIZE - split if high_influence else split
            rect = QRectF(left, SIZE - bottom - height, width, height)
            scene.addRect(
                rect,
                QPen(Qt.PenStyle.NoPen),
                QBrush(QColor(TINTS[(high_influence, high_interest)])),
            )
            label = ScaledText(bold=True)
            label.setBrush(QColor("#555555"))
            text, size = _(advice), self._type_size * 7 / 8
            baseline = bottom + height - size * 1.15
            label.show_at(text, size, left + 3 * K, SIZE - baseline)
            scene.addItem(label)
            self._obstacles.append(self.medium.text_box(left + 3 * K, baseline, text, size, True))
        pen = QPen(QColor("#cccccc"))
        for step in range(SCALE + 1):
            offset = step * SIZE / SCALE
            scene.addLine(offset, 0, offset, SIZE, pen)
            scene.addLine(0, offset, SIZE, offset, pen)
        size = self._type_size
        interest = ScaledText()
        text = _("Interest →")
        interest.show_at(text, size, SIZE - self._measure(text, size, False), SIZE + 4 + size)
        scene.addItem(interest)
        influence = ScaledText()
        influence.show_at(_("Influence →"), size, 0, 0)
        influence.setRotation(-90)
        influence.setPos(-8 - size * 1.2, self._measure(_("Influence →"), size, False))
        scene.addItem(influence)

    # --- zoom -----------------------------------------------------------------------------------
    def set_zoom(self, zoom: float) -> None:
        """``zoom`` times the size at which the whole grid fits the view (1: fits)."""
        self.zoom = min(MOST_ZOOM, max(LEAST_ZOOM, zoom))
        self._fit()
        key = self.selected_key()
        if key is not None:
            self.ensureVisible(self.nodes[key], 20, 20)

    def _fit(self) -> None:
        # Measured without scroll bars: a scale that depended on them would show them, shrink
        # the view, scale again, hide them… and never stop (zoomed in on a laptop it did).
        room = self.maximumViewportSize()
        scene = self.sceneRect()
        fit = min((room.width() - 2) / scene.width(), (room.height() - 2) / scene.height())
        scale = max(fit, 0.01) * self.zoom
        self.setTransform(QTransform.fromScale(scale, scale))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    # --- keys -----------------------------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        # Ctrl++ and Ctrl+- zoom the whole window elsewhere: here, they zoom the grid.
        override = event.type() == QEvent.Type.ShortcutOverride
        if override and isinstance(event, QKeyEvent) and self._zoom_key(event):
            event.accept()
            return True
        return super().event(event)

    def _zoom_key(self, event: QKeyEvent) -> bool:
        control = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        return control and not self.beamer and event.key() in ZOOM_KEYS

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._zoom_key(event):
            key = event.key()
            if key == Qt.Key.Key_0:
                self.set_zoom(1.0)
            elif key == Qt.Key.Key_Minus:
                self.set_zoom(self.zoom / ZOOM_STEP)
            else:
                self.set_zoom(self.zoom * ZOOM_STEP)
            return
        step = ARROWS.get(Qt.Key(event.key()))
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if step is not None and plain and not self.beamer and self.isInteractive():
            self.move_selected(*step)
            return
        super().keyPressEvent(event)

    def move_selected(self, influence: int, interest: int) -> bool:
        """Move the selected stakeholder by one cell; False when none is selected or it is at
        the edge (then nothing is stored, and there is nothing to undo)."""
        key = self.selected_key()
        if key is None:
            return False
        node = self.nodes[key]
        old_influence, old_interest = node.cell
        new = (old_influence + influence, old_interest + interest)
        if not all(1 <= value <= SCALE for value in new):
            return False
        self._moved(key, *new)
        if key in self.nodes:
            self.ensureVisible(self.nodes[key], 20, 20)
        return True

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        by_keyboard = event.reason() in (
            Qt.FocusReason.TabFocusReason,
            Qt.FocusReason.BacktabFocusReason,
            Qt.FocusReason.ShortcutFocusReason,
        )
        if by_keyboard and self.selected_key() is None and self.layout_.markers:
            # The arrows need something to move: begin with the first stakeholder.
            self.select(self.layout_.markers[0].key)
