"""``worksession --measure-startup``: time the first paint and the moment the app takes input.

First paint is the first paint event of the start window. Ready is when the sessions are listed
and the event loop is free again (a queued call runs only then), which is when a key press would
be handled. Both are printed as seconds since launch and the app quits.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from worksession.support.startup_clock import since_launch
from worksession.ui.start_window import StartWindow


class StartupProbe(QObject):
    def __init__(self, window: StartWindow) -> None:
        super().__init__(window)
        self.first_paint: float | None = None
        self.ready: float | None = None
        window.installEventFilter(self)
        window.listed.connect(self.sessions_listed)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.first_paint is None:
            self.first_paint = since_launch()
        return False

    def sessions_listed(self) -> None:
        """Called once the list is filled; ready when the event loop gets back to us."""
        QTimer.singleShot(0, self._ready)

    def _ready(self) -> None:
        self.ready = since_launch()
        if self.first_paint is None:  # a platform that paints late still paints before ready
            self.first_paint = self.ready
        print(f"first_paint_s={self.first_paint:.4f} ready_s={self.ready:.4f}", flush=True)
        QApplication.quit()
