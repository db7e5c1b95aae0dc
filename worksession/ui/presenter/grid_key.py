"""The beamer's key to the numbered grid: each stakeholder's number and name, in columns, in
type that reads from the back of the room.

The beamer's grid numbers every marker (``grid_items.beamer_medium``); the number is the
stakeholder's row in the coach's table and in the plan. The type never shrinks below the size it
is given: a list too long for the room gets more columns, and past two columns the last line
says how many are left out.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from worksession.i18n import _, ngettext
from worksession.ui.session.grid_items import domain_colour

MOST_COLUMNS = 2


class GridKey(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("presenterGridKey")
        self.setAccessibleName(_("Numbers on the grid"))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.entries: list[tuple[int, str, str, bool]] = []  # number, name, domain, present

    def show_stakeholders(self, stakeholders: Sequence[Mapping[str, Any]]) -> None:
        self.entries = [
            (number, " ".join(str(s["name"]).split()), str(s["domain"]), bool(s["present"]))
            for number, s in enumerate(stakeholders, start=1)
        ]
        self.update()

    def set_type(self, font: QFont) -> None:
        self.setFont(font)
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        line = QFontMetricsF(self.font()).lineSpacing() * 1.05
        return QSize(200, int(line * min(len(self.entries), 8)))

    def lines(self) -> tuple[int, int, list[str]]:
        """(columns, rows, texts shown): what fits the widget at its type size."""
        line = QFontMetricsF(self.font()).lineSpacing() * 1.05
        rows = max(int(self.height() // line), 1)
        columns = min(MOST_COLUMNS, max(1, -(-len(self.entries) // rows)))
        shown = [f"{number}  {name}" for number, name, _d, _p in self.entries]
        if len(shown) <= rows * columns:
            rows = max(-(-len(shown) // columns), 1)  # columns of even length
        else:
            left_out = len(shown) - (rows * columns - 1)
            shown = shown[: rows * columns - 1]
            shown.append(
                ngettext("+ {count} more", "+ {count} more", left_out).format(count=left_out)
            )
        return columns, rows, shown

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetricsF(self.font())
        line = metrics.lineSpacing() * 1.05
        columns, rows, shown = self.lines()
        width = self.width() / columns
        bold = QFont(self.font())
        bold.setBold(True)
        for index, text in enumerate(shown):
            column, row = divmod(index, rows)
            x, y = column * width, row * line
            entry = self.entries[index] if index < len(self.entries) else None
            number, _space, name = text.partition("  ")
            if entry is None or not name:
                painter.setPen(QColor("#4a4a4a"))
                painter.drawText(QRectF(x, y, width, line), Qt.AlignmentFlag.AlignVCenter, text)
                continue
            painter.setFont(bold)
            painter.setPen(domain_colour(entry[2]).darker(140))
            number_width = QFontMetricsF(bold).horizontalAdvance("00") + metrics.averageCharWidth()
            painter.drawText(
                QRectF(x, y, number_width - metrics.averageCharWidth(), line),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                number,
            )
            painter.setFont(self.font())
            painter.setPen(QColor("#111111"))
            room = width - number_width - metrics.averageCharWidth()
            elided = metrics.elidedText(name, Qt.TextElideMode.ElideRight, room)
            painter.drawText(
                QRectF(x + number_width, y, room, line), Qt.AlignmentFlag.AlignVCenter, elided
            )
        painter.end()
