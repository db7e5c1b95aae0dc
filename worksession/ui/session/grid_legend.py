"""The key to the grid's colours and lines: the domains on the grid, present or not, and the
relation kinds with the lines they are drawn with — on screen and on the beamer, as in the plan.

Drawn here rather than as rich text: the samples are the grid's own circles and dashed lines,
and the wrapped height is computed by the same code that paints, so no line is ever cut off.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from worksession.domain.power_grid import DOMAIN_COLOURS, RELATION_STYLES, LineStyle
from worksession.domain.values import Domain, RelationKind
from worksession.i18n import _
from worksession.ui.session.grid_items import arrow_head

PRESENCE_COLOUR = DOMAIN_COLOURS[Domain.OTHER]


@dataclass(frozen=True)
class Entry:
    text: str
    colour: str
    filled: bool = True  # a circle: filled (present) or an outline
    line: LineStyle | None = None  # a relation's line instead of a circle


class GridLegend(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("gridLegend")
        self.setAccessibleName(_("Legend of the grid"))
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.rows: list[tuple[str, list[Entry]]] = []
        self._domains: tuple[Domain, ...] | None = None
        self.show_domains(())

    def show_domains(self, domains: Iterable[str]) -> None:
        """The domains that are on the grid (all of them while it is empty)."""
        values = set(domains)
        used = tuple(d for d in Domain if d.value in values) or tuple(
            d for d in Domain if d is not Domain.UNKNOWN
        )
        if used == self._domains:
            return
        self._domains = used
        self.rows = [
            (_("Domains"), [Entry(d.label, DOMAIN_COLOURS[d]) for d in used]),
            (
                _("Presence"),
                [
                    Entry(_("present at the session"), PRESENCE_COLOUR),
                    Entry(_("not present"), PRESENCE_COLOUR, filled=False),
                ],
            ),
            (
                _("Relations"),
                [
                    Entry(kind.label, RELATION_STYLES[kind].colour, line=RELATION_STYLES[kind])
                    for kind in RelationKind
                ],
            ),
        ]
        self.updateGeometry()
        self.update()

    def text(self) -> str:
        """Every word of the legend, in order (for checks and screen readers)."""
        return "\n".join(
            f"{title}: " + ", ".join(entry.text for entry in entries)
            for title, entries in self.rows
        )

    # --- geometry: one function places the entries for painting and for the height --------------
    def _placed(self, width: float) -> list[tuple[float, float, str | Entry]]:
        """(x, y, heading or entry): headings in a column of their own where the legend is
        wide, else each at the start of its row, its entries flowing after it."""
        metrics = QFontMetricsF(self.font())
        bold = QFontMetricsF(self._bold())
        line = metrics.lineSpacing() * 1.15
        widest = max(bold.horizontalAdvance(title) for title, _entries in self.rows)
        columns = width >= widest * 6  # room for a column of headings and a few entries
        head = widest + line * 0.6 if columns else 0.0
        placed: list[tuple[float, float, str | Entry]] = []
        y = 0.0
        for title, entries in self.rows:
            placed.append((0.0, y, title))
            x = head if columns else bold.horizontalAdvance(title) + line * 0.5
            for entry in entries:
                needed = (
                    self._sample_width(entry, line)
                    + line * 0.3
                    + metrics.horizontalAdvance(entry.text)
                )
                if x > head and x + needed > width:
                    x, y = head, y + line
                placed.append((x, y, entry))
                x += needed + line * 0.8
            y += line
        return placed

    def _bold(self) -> QFont:
        font = QFont(self.font())
        font.setBold(True)
        return font

    @staticmethod
    def _sample_width(entry: Entry, line: float) -> float:
        return line * 1.6 if entry.line is not None else line * 0.6 + 2

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        line = QFontMetricsF(self.font()).lineSpacing() * 1.15
        placed = self._placed(float(width))
        bottom = max((y for _x, y, _item in placed), default=0.0)
        return int(bottom + line + 4)

    def sizeHint(self) -> QSize:
        width = max(self.width(), 300)
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        return QSize(120, self.heightForWidth(max(self.width(), 120)))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # Wrapped rows need their height: a layout short of room would cut the last ones off.
        self.setMinimumHeight(self.heightForWidth(self.width()))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # the beamer's type follows its height
            self.setMinimumHeight(self.heightForWidth(self.width()))
            self.updateGeometry()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetricsF(self.font())
        line = metrics.lineSpacing() * 1.15
        for x, y, item in self._placed(float(self.width())):
            top = y + 2
            if isinstance(item, str):
                painter.setFont(self._bold())
                painter.setPen(QColor("#222222"))
                painter.drawText(
                    QRectF(x, top, self.width() - x, line), Qt.AlignmentFlag.AlignVCenter, item
                )
                continue
            sample = self._sample_width(item, line)
            self._sample(painter, item, x, top + line / 2, sample, line)
            painter.setFont(self.font())
            painter.setPen(QColor("#222222"))
            text_x = x + sample + line * 0.3
            painter.drawText(
                QRectF(text_x, top, self.width() - text_x, line),
                Qt.AlignmentFlag.AlignVCenter,
                item.text,
            )
        painter.end()

    def _sample(
        self, painter: QPainter, entry: Entry, x: float, y: float, width: float, line: float
    ) -> None:
        colour = QColor(entry.colour)
        if entry.line is None:
            radius = line * 0.3
            painter.setPen(QPen(colour.darker(140), max(line / 12, 1.2)))
            painter.setBrush(QBrush(colour) if entry.filled else QBrush(QColor("#ffffff")))
            painter.drawEllipse(QPointF(x + radius + 1, y), radius, radius)
            return
        start, end = QPointF(x + 1, y), QPointF(x + width - 1, y)
        pen = QPen(colour, max(line / 14, 1.5))
        if entry.line.dashes:
            pen.setDashPattern([dash * 1.6 for dash in entry.line.dashes])
        painter.setPen(pen)
        painter.drawLine(start, end)
        painter.setPen(QPen(colour, 1))
        painter.setBrush(colour)
        wing = line * 0.35
        painter.drawPolygon(arrow_head(start, end, wing))
        if entry.line.both_ends:
            painter.drawPolygon(arrow_head(end, start, wing))
