"""Text fields that store themselves: when the coach pauses typing, and when the field is left.

Killing the app loses at most the last pause of typing. While a field has focus and unsaved
text, a refresh of the page does not overwrite what the coach is typing.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

from worksession.domain.validation import LONG_TEXT_MAX, SHORT_TEXT_MAX

PAUSE_MS = 700

TextWidget = QLineEdit | QPlainTextEdit


def text_of(widget: TextWidget) -> str:
    return widget.text() if isinstance(widget, QLineEdit) else widget.toPlainText()


class AutosaveText(QObject):
    """Bind ``widget`` to a stored value: ``store(old, new)`` is called with each finished edit
    and returns False when the value was rejected (the field then keeps the old stored value)."""

    def __init__(self, widget: TextWidget, store: Callable[[str, str], bool]) -> None:
        super().__init__(widget)
        self.widget = widget
        if isinstance(widget, QLineEdit) and widget.maxLength() > SHORT_TEXT_MAX:
            widget.setMaxLength(SHORT_TEXT_MAX)  # line fields hold short texts
        self._store = store
        self._stored = text_of(widget)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(PAUSE_MS)
        self.timer.timeout.connect(self.flush)
        signal = widget.textEdited if isinstance(widget, QLineEdit) else widget.textChanged
        signal.connect(self._typed)
        widget.installEventFilter(self)

    @property
    def pending(self) -> bool:
        return text_of(self.widget) != self._stored

    def _typed(self, *_args: object) -> None:
        self._keep_to_limit()
        if self.pending:
            self.timer.start()

    def _keep_to_limit(self) -> None:
        """A text area stops at what its field holds, like a line field at its max length:
        what goes beyond is what was just typed or pasted, so that is what is dropped."""
        widget = self.widget
        if isinstance(widget, QLineEdit):
            return
        # Positions count UTF-16 units, at least as many as the characters the rule counts.
        excess = len(widget.toPlainText().encode("utf-16-le")) // 2 - LONG_TEXT_MAX
        if excess <= 0:
            return
        cursor = widget.textCursor()
        end = cursor.position() if cursor.position() >= excess else LONG_TEXT_MAX + excess
        cursor.setPosition(end - excess)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()

    def flush(self) -> None:
        """Store now what was typed, if anything."""
        self.timer.stop()
        text = text_of(self.widget)
        if text == self._stored:
            return
        old, self._stored = self._stored, text
        if not self._store(old, text):
            self._stored = old

    def show_stored(self, value: str) -> None:
        """Show the stored ``value`` unless the coach is typing something else right now."""
        if self.pending and self.widget.hasFocus():
            return
        self._stored = value
        if text_of(self.widget) != value:
            self.widget.blockSignals(True)
            if isinstance(self.widget, QLineEdit):
                self.widget.setText(value)
            else:
                self.widget.setPlainText(value)
            self.widget.blockSignals(False)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget and event.type() == QEvent.Type.FocusOut:
            self.flush()
        return False
