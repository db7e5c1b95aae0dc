"""Run slow work (rendering a PDF) off the GUI thread and hear back through a signal."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)


class Job(QRunnable):
    """``work()`` runs in the thread pool; ``done(result)`` or ``failed(error)`` is emitted."""

    def __init__(self, work: Callable[[], Any]) -> None:
        super().__init__()
        self._work = work
        self.signals = _Signals()

    def run(self) -> None:
        try:
            result = self._work()
        except Exception as error:  # reported to the GUI thread, which shows a message
            self.signals.failed.emit(error)
        else:
            self.signals.done.emit(result)


def start(job: Job) -> Job:
    QThreadPool.globalInstance().start(job)
    return job
