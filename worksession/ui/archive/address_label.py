"""An archive's address on as many lines as it needs, broken only after ``/``, ``?`` or ``&``.

A label wrapping by itself breaks an address after a hyphen of the host's name or in the middle
of a long database name, which reads as two addresses. Here the lines are made for the label's
width: pieces that end at those characters, and a piece wider than a line elided in its middle.
The full address is the tooltip.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget

_PIECES = re.compile(r"[^/?&]*(?:[/?&]+|$)")


def address_lines(text: str, fits: QFontMetrics, width: int) -> list[str]:
    """``text`` in lines no wider than ``width``, broken after ``/``, ``?`` or ``&`` only."""
    lines: list[str] = []
    line = ""
    for piece in (found for found in _PIECES.findall(text) if found):
        if line and fits.horizontalAdvance(line + piece) > width:
            lines.append(line)
            line = ""
        line += piece
        if fits.horizontalAdvance(line) > width:  # one piece wider than a line
            line = fits.elidedText(line, Qt.TextElideMode.ElideMiddle, width)
    if line or not lines:
        lines.append(line)
    return lines


class AddressLabel(QLabel):
    """A text ending in an address, laid out again whenever the label's width changes."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.full_text = text
        self.setTextFormat(Qt.TextFormat.PlainText)  # an address, never markup
        self.setToolTip(text)
        self.setAccessibleName(text)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._lay_out(self.width())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._lay_out(event.size().width())

    def minimumSizeHint(self) -> QSize:
        # Narrow enough for any address: the lines follow the width the dialog gives.
        hint = super().minimumSizeHint()
        hint.setWidth(min(hint.width(), 200))
        return hint

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        hint.setWidth(min(hint.width(), 480))
        return hint

    def _lay_out(self, width: int) -> None:
        margins = self.contentsMargins()
        usable = max(width - margins.left() - margins.right(), 80)
        text = "\n".join(address_lines(self.full_text, self.fontMetrics(), usable))
        if text != self.text():
            self.setText(text)
