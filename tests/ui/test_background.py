"""Background jobs: Qt objects left behind by a closed window are deleted on the GUI thread, not
by a garbage collection that happens to run in the worker (a timer deleted there crashed the
GUI thread's event loop on its next tick)."""

from __future__ import annotations

import gc
import threading
from typing import ClassVar

from PySide6.QtCore import QObject, QThreadPool, QTimer
from pytestqt.qtbot import QtBot

from worksession.ui.background import Job, jobs_running, start


class _Leftover(QObject):
    """A window's object with a running timer, caught in a reference cycle."""

    deleted_in: ClassVar[list[int]] = []

    def __init__(self) -> None:
        super().__init__()
        self.timer = QTimer(self)
        self.timer.start(10)
        self.me = self  # only the cyclic collector can free it

    def __del__(self) -> None:
        _Leftover.deleted_in.append(threading.get_ident())


def _allocate() -> bool:
    """Work that allocates enough to set off automatic collections, if they may run."""
    for _ in range(20):
        junk = [[index] for index in range(5000)]
        junk.append(junk)  # cycles: what the collector is there for
    return gc.isenabled()


def test_a_job_never_deletes_the_gui_threads_objects(qtbot: QtBot) -> None:
    _Leftover.deleted_in.clear()
    _Leftover()  # garbage at once, freed only by a collection
    job = Job(_allocate)
    with qtbot.waitSignal(job.signals.done, timeout=10_000) as done:
        start(job)
    assert done.args == [False]  # no automatic collection while the job ran
    assert _Leftover.deleted_in == [threading.get_ident()]  # freed on the GUI thread
    qtbot.waitUntil(lambda: jobs_running() == 0)
    assert gc.isenabled()


def test_collection_resumes_only_when_the_last_job_reported(qtbot: QtBot) -> None:
    pool = QThreadPool.globalInstance()
    threads = pool.maxThreadCount()
    pool.setMaxThreadCount(max(threads, 3))  # the two jobs run side by side on any machine
    release = threading.Event()
    try:
        first = start(Job(lambda: release.wait(10)))
        second = Job(gc.isenabled)
        with qtbot.waitSignal(second.signals.done, timeout=10_000) as done:
            start(second)
        assert done.args == [False] and not gc.isenabled()
        with qtbot.waitSignal(first.signals.done, timeout=10_000):
            release.set()
        qtbot.waitUntil(lambda: jobs_running() == 0)
        assert gc.isenabled()
    finally:
        release.set()
        pool.waitForDone(10_000)
        pool.setMaxThreadCount(threads)


def test_a_quick_job_waits_for_its_caller_to_listen(qtbot: QtBot) -> None:
    """Its report reaches a slot connected after ``start`` returned: the work begins only when
    the event loop turns, so a caller that got the job back can still connect to it."""
    pool = QThreadPool.globalInstance()
    qtbot.waitUntil(lambda: jobs_running() == 0 and pool.activeThreadCount() == 0)
    job = start(Job(lambda: "klaar"))
    assert pool.activeThreadCount() == 0  # not begun: nobody could have listened yet
    with qtbot.waitSignal(job.signals.done, timeout=10_000) as done:
        pass  # connected only now, after start
    assert done.args == ["klaar"]
