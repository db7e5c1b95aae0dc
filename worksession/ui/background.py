"""Run slow work (rendering a PDF, signing, checking a plan) off the GUI thread and hear back
through a signal.

While a job runs, Python's cyclic garbage collector is held: a collection runs in whichever
thread happens to allocate, and one that ran in the worker would delete the Qt objects of a
closed window there — a timer deleted outside its own thread stays registered with the GUI
thread's event loop and crashes it on its next tick. Garbage is collected on the GUI thread
before a job starts, and automatic collection resumes when the last job has reported back.

A started job is held here until it reports back, then let go: its signals must outlive the
worker, but nothing may keep a finished job. Nothing connected to a job's own signals refers to
the job (a slot that did would be a cycle through Qt, which the collector cannot see): the
registry knows each job by a number.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from functools import partial
from itertools import count
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal


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
    """Holds the running jobs; the collector is held while there is one. Lives in the GUI
    thread, so the jobs' reports reach ``release`` there."""

    def __init__(self) -> None:
        super().__init__()
        self.running: dict[int, tuple[Job, list[Job] | None]] = {}
        self.numbers = count()
        self.was_enabled = True

    def hold(self, job: Job, kept: list[Job] | None) -> int:
        if not self.running:
            gc.collect()  # what closed windows left behind goes here, on the GUI thread
            self.was_enabled = gc.isenabled()
            gc.disable()
        else:
            # A job that has just reported (a plan drawn, whose pages are drawn next) left its
            # cycles to the held collector: they are the youngest objects, and collecting only
            # those, here on the GUI thread, takes under a millisecond (about 1 MB after a plan).
            gc.collect(0)
        number = next(self.numbers)
        self.running[number] = job, kept
        return number

    def release(self, number: int, _report: object = None) -> None:
        job, kept = self.running.pop(number)
        if kept is not None and job in kept:
            kept.remove(job)
        if not self.running and self.was_enabled:
            gc.enable()


_collection: _Collection | None = None


def start(job: Job, *, kept: list[Job] | None = None) -> Job:
    """Run ``job`` in the thread pool (call from the GUI thread). ``kept``, a caller's list of
    its jobs, holds the job too until it reports back."""
    global _collection
    if _collection is None:
        _collection = _Collection()
    number = _collection.hold(job, kept)
    if kept is not None:
        kept.append(job)
    # Connected after the caller's own slots, so the job is let go once they have heard it.
    job.signals.done.connect(partial(_collection.release, number))
    job.signals.failed.connect(partial(_collection.release, number))
    # The work begins when the GUI thread next turns its event loop, not now: a report is
    # delivered only to the slots connected when it is emitted, so whoever got the job back
    # from a call that started it can still connect to it (a quick job could otherwise
    # report before anyone listens, and a waiting caller would wait for ever).
    QTimer.singleShot(0, partial(QThreadPool.globalInstance().start, job))
    return job


def jobs_running() -> int:
    """How many started jobs have not reported back yet."""
    return 0 if _collection is None else len(_collection.running)
