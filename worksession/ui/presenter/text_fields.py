"""Whether the coach is typing: a clicker's keys are text in a text field, commands elsewhere."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)


def is_typing_in(widget: QWidget | None) -> bool:
    """True when ``widget`` takes typed text: an editable line, text area, spin box or combo
    box (a table cell being edited has a line edit as its editor)."""
    if widget is None or not widget.isEnabled():
        return False
    if isinstance(widget, QLineEdit):
        return not widget.isReadOnly()
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        return not widget.isReadOnly()
    if isinstance(widget, QAbstractSpinBox):
        return not widget.isReadOnly()
    if isinstance(widget, QComboBox):
        return widget.isEditable()
    return False
