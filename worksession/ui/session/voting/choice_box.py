"""A drop-down list that changes only when the coach picks an item from its open list.

A plain ``QComboBox`` takes the next item on an arrow key, Page Up/Down, Home/End, a typed
letter or a turn of the mouse wheel while it is closed. On the Prioriteren step that turned a
counted dot vote into a points budget, or wiped the typed totals, with one stray key after
Ctrl+PgDn. Here a closed list ignores the wheel and those keys; Up and Down open the list (as do
Space, F4 and Alt+Down), where the arrows move the highlight and only Enter or a click chooses.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QWheelEvent
from PySide6.QtWidgets import QComboBox, QWidget

# Keys that would step a closed list to another item.
_OPENING = (Qt.Key.Key_Up, Qt.Key.Key_Down)
_STEPPING = (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown, Qt.Key.Key_Home, Qt.Key.Key_End)


class ChoiceBox(QComboBox):
    """A ``QComboBox`` whose choice changes only through its open list (``activated``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Not WheelFocus: scrolling the page over the list neither focuses nor changes it.
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if key in _OPENING and plain:
            self.showPopup()  # the list shows what there is to choose; nothing is chosen yet
            event.accept()
        elif key in _STEPPING and plain:
            event.ignore()  # the page may scroll; the choice stays
        elif _typed(event):
            event.ignore()  # no search by typed letter: "b" must not pick another method
        else:
            super().keyPressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        event.ignore()  # the page under the pointer scrolls instead


def _typed(event: QKeyEvent) -> bool:
    """A printable character typed without Ctrl or Alt (a closed list would search by it)."""
    text = event.text()
    held = event.modifiers() & (
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    )
    return bool(text.strip()) and text.isprintable() and not held
