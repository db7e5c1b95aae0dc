"""The Qt binding keeps Python's reference counts straight.

PySide6 6.12.0 drops a reference to None on every call that returns nothing. Python 3.12 and later
never free None, but on 3.11 the app dies ("deallocating None") after some thousands of such
calls — a few hundred edits on the sociale kaart. This guards the pinned version.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QGraphicsEllipseItem, QLabel


def test_calls_that_return_nothing_leave_none_alone(qapp: QApplication) -> None:
    label = QLabel()
    item = QGraphicsEllipseItem(0, 0, 5, 5)
    before = sys.getrefcount(None)
    for _ in range(200):
        label.setText("Kaalheide")
        item.setToolTip("GGD")
        item.setCursor(Qt.CursorShape.OpenHandCursor)
    # A few references may come and go elsewhere; 600 lost ones would show.
    assert abs(sys.getrefcount(None) - before) < 50
