"""Answering the app's modal questions from a test: a removal with links, and closing the
start window once the app has opened it."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from worksession.ui.session.removal_question import OBJECT_NAME
from worksession.ui.start_window import StartWindow


def answer_removal(button: str, seen: list[str] | None = None) -> None:
    """When the question appears, note its text in ``seen`` and click "remove" or "cancel"."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or box.objectName() != OBJECT_NAME:
            QTimer.singleShot(10, click)
            return
        if seen is not None:
            seen.append(box.text())
        if button == "remove":
            target = box.findChild(QPushButton, "remove")
            assert target is not None
            target.click()
        else:
            box.button(QMessageBox.StandardButton.Cancel).click()

    QTimer.singleShot(0, click)


def close_start_window(qapp: QApplication) -> None:
    """Close the start window as soon as it is shown (ends the app's event loop)."""
    for widget in qapp.topLevelWidgets():
        if isinstance(widget, StartWindow) and widget.isVisible():
            widget.close()
            return
    QTimer.singleShot(10, lambda: close_start_window(qapp))
