"""Horizontal bars of the vote result, highest first; the chosen priorities stand out.

Drawn with QPainter so it scales with the widget and its font: the same chart serves the coach's
page and, large, the beamer. Each bar carries its rank; bars with equal scores share a rank and
a bracket joins their ends, so a tie reads as a tie from the back of the room. Priorities have
the dark bar and a bold title (not colour alone).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

PRIORITY = QColor("#0b4f6c")  # 8.9:1 against white
OTHER = QColor("#6b8e9f")  # 3.5:1 against white, lighter than a priority
INK = QColor("#111111")
#: A row is at most this many text lines high: few themes do not make fat bars.
ROW_LINES = 2.2


def wrap_elided(text: str, metrics: QFontMetrics, width: int, lines: int) -> list[str]:
    """``text`` word-wrapped into at most ``lines`` lines of ``width``; what does not fit (a
    long word, the rest of the text) ends in an ellipsis."""
    result: list[str] = []
    words = text.split()
    while words and len(result) < lines:
        line = words.pop(0)
        while words and metrics.horizontalAdvance(f"{line} {words[0]}") <= width:
            line = f"{line} {words.pop(0)}"
        if len(result) == lines - 1 and words:
            line = " ".join([line, *words])
            words = []
        result.append(metrics.elidedText(line, Qt.TextElideMode.ElideRight, width))
    return result


@dataclass(frozen=True)
class Bar:
    title: str
    votes: int
    priority: bool
    rank: int | None = None  # shared by equal scores; None: not shown


class VoteChart(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.bars: list[Bar] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumHeight(120)

    def set_bars(self, bars: list[Bar]) -> None:
        """Show ``bars`` highest first; equal scores keep the order they are given in."""
        self.bars = sorted(bars, key=lambda bar: -bar.votes)
        self.setAccessibleDescription(
            ", ".join(
                f"{bar.rank}. {bar.title}: {bar.votes}" if bar.rank else f"{bar.title}: {bar.votes}"
                for bar in self.bars
            )
        )
        self.updateGeometry()
        self.update()

    def _row_height(self) -> float:
        return self.fontMetrics().lineSpacing() * ROW_LINES

    def sizeHint(self) -> QSize:
        height = int(self._row_height() * len(self.bars)) + 10
        return QSize(400, max(self.minimumHeight(), height))

    def minimumSizeHint(self) -> QSize:
        lines = self.fontMetrics().lineSpacing() * 1.3
        return QSize(200, max(self.minimumHeight(), int(lines * len(self.bars)) + 10))

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.bars:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        plain = QFont(self.font())
        bold = QFont(plain)
        bold.setBold(True)
        painter.setFont(bold)
        metrics = painter.fontMetrics()
        row = min(self.height() / len(self.bars), self._row_height())
        gap = metrics.horizontalAdvance("0")
        ranked = any(bar.rank for bar in self.bars)
        rank_width = metrics.horizontalAdvance("00.") + gap if ranked else 0.0
        label_width = min(
            self.width() * 0.4,
            max(metrics.horizontalAdvance(bar.title) for bar in self.bars) + gap,
        )
        number_width = metrics.horizontalAdvance("0000") + 3 * gap
        start = rank_width + label_width + gap
        most = max(1, max(bar.votes for bar in self.bars))
        room = max(1.0, self.width() - start - number_width)
        ends: list[float] = []
        for index, bar in enumerate(self.bars):
            top = index * row
            painter.setPen(INK)
            if bar.rank:
                painter.setFont(bold)
                painter.drawText(
                    QRectF(0, top, rank_width - gap / 2, row),
                    Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                    f"{bar.rank}.",
                )
            painter.setFont(bold if bar.priority else plain)
            lines = 2 if row >= 2 * painter.fontMetrics().lineSpacing() else 1
            title = "\n".join(
                wrap_elided(bar.title, painter.fontMetrics(), int(label_width - gap), lines)
            )
            painter.drawText(
                QRectF(rank_width, top, label_width - gap, row),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                title,
            )
            length = room * bar.votes / most
            painter.fillRect(
                QRectF(start, top + row * 0.18, length, row * 0.64),
                PRIORITY if bar.priority else OTHER,
            )
            ends.append(start + length)
            painter.setFont(bold)
            painter.drawText(
                QRectF(start + length + gap * 1.5, top, number_width, row),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                str(bar.votes),
            )
        self._draw_ties(painter, row, ends, gap)
        painter.end()

    def _draw_ties(self, painter: QPainter, row: float, ends: list[float], gap: float) -> None:
        """A bracket joining the ends of bars with equal scores (they end at the same x)."""
        pen = QPen(INK)
        pen.setWidthF(max(1.5, gap / 4))
        painter.setPen(pen)
        index = 0
        while index < len(self.bars):
            last = index
            while last + 1 < len(self.bars) and self.bars[last + 1].votes == self.bars[index].votes:
                last += 1
            if last > index and self.bars[index].votes > 0:
                x = ends[index] + gap / 2
                top, bottom = index * row + row * 0.18, last * row + row * 0.82
                painter.drawLine(QPointF(x, top), QPointF(x, bottom))
                for each in range(index, last + 1):
                    middle = each * row + row / 2
                    painter.drawLine(QPointF(x - gap / 2, middle), QPointF(x, middle))
            index = last + 1
