"""Run slow work (rendering a PDF, signing, checking a plan) off the GUI thread and hear back
through a signal.

While a job runs, Python's cyclic garbage collector is held: a collection runs in whichever
thread happens to allocate, and one that ran in the worker would delete the Qt objects of a
closed window there — a timer deleted outside its own thread stays registered with the GUI
thread's event loop and crashes it on its next tick. Garbage is collected on the GUI thread
before a job starts, and automatic collection resumes when the last job has reported back.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot


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


class _Collection(QObject):
    """Counts the running jobs; the collector is held while there is one. Lives in the GUI
    thread, so the jobs' reports reach ``release`` there."""

    def __init__(self) -> None:
        super().__init__()
        self.running = 0
        self.was_enabled = True

    def hold(self) -> None:
        if self.running == 0:
            gc.collect()  # what closed windows left behind goes here, on the GUI thread
            self.was_enabled = gc.isenabled()
            gc.disable()
        self.running += 1

    @Slot(object)
    def release(self, _result: object = None) -> None:
        self.running -= 1
        if self.running == 0 and self.was_enabled:
            gc.enable()


_collection: _Collection | None = None


def start(job: Job) -> Job:
    """Run ``job`` in the thread pool (call from the GUI thread)."""
    global _collection
    if _collection is None:
        _collection = _Collection()
    _collection.hold()
    job.signals.done.connect(_collection.release)
    job.signals.failed.connect(_collection.release)
    QThreadPool.globalInstance().start(job)
    return job


def jobs_running() -> int:
    """How many started jobs have not reported back yet."""
    return 0 if _collection is None else _collection.running
