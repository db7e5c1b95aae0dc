"""Horizontal bars of the dot-vote result, highest first; the chosen priorities stand out.

Drawn with QPainter so it scales with the widget: the same chart serves the coach's page and,
large, the beamer.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

PRIORITY = QColor("#1f6f8b")
OTHER = QColor("#a7c4cf")


@dataclass(frozen=True)
class Bar:
    title: str
    votes: int
    priority: bool


class VoteChart(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.bars: list[Bar] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumHeight(120)

    def set_bars(self, bars: list[Bar]) -> None:
        self.bars = sorted(bars, key=lambda bar: (-bar.votes, bar.title))
        self.setAccessibleDescription(", ".join(f"{bar.title}: {bar.votes}" for bar in self.bars))
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(400, max(120, 28 * len(self.bars) + 10))

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.bars:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = QFont(self.font())
        painter.setFont(font)
        metrics = painter.fontMetrics()
        row = self.height() / len(self.bars)
        label_width = min(
            self.width() * 0.4, max(metrics.horizontalAdvance(b.title) for b in self.bars) + 12
        )
        number_width = metrics.horizontalAdvance("0000") + 8
        most = max(1, max(bar.votes for bar in self.bars))
        room = max(1.0, self.width() - label_width - number_width)
        for index, bar in enumerate(self.bars):
            top = index * row
            text_rect = QRectF(0, top, label_width - 8, row)
            painter.setPen(self.palette().windowText().color())
            title = metrics.elidedText(bar.title, Qt.TextElideMode.ElideRight, int(label_width - 8))
            painter.drawText(
                text_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, title
            )
            length = room * bar.votes / most
            painter.fillRect(
                QRectF(label_width, top + row * 0.2, length, row * 0.6),
                PRIORITY if bar.priority else OTHER,
            )
            painter.drawText(
                QRectF(label_width + length + 6, top, number_width, row),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                str(bar.votes),
            )
        painter.end()
