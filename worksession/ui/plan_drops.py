"""A window that takes a PDF dropped on it and hands it over to be checked as a plan.

Kept apart from the check dialog: the start window installs it while it lists the sessions, and
the checking machinery (pypdf, reportlab) loads only when a file is dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QWidget


class PlanDrops(QObject):
    """Lets a window take a PDF dropped on it and check it as a plan."""

    def __init__(self, window: QWidget, on_drop: Callable[[Path], object]) -> None:
        super().__init__(window)
        self._on_drop = on_drop
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Entering and moving over the window are drop events too (QDragMoveEvent is one).
        if isinstance(event, QDropEvent) and (path := _dropped_pdf(event)) is not None:
            event.acceptProposedAction()
            if event.type() == QEvent.Type.Drop:
                self._on_drop(path)
            return True
        return super().eventFilter(watched, event)


def _dropped_pdf(event: QDropEvent) -> Path | None:
    urls = event.mimeData().urls()
    if len(urls) != 1 or not urls[0].isLocalFile():
        return None
    path = Path(urls[0].toLocalFile())
    return path if path.suffix.lower() == ".pdf" else None
