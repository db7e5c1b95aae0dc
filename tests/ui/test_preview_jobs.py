"""Asking for the preview again and again draws at most two plans and keeps no job: the one
being drawn, and one more that shows the session as it is after the last ask."""

from __future__ import annotations

import gc
import threading
import weakref

from pytestqt.qtbot import QtBot

from tests.ui.conftest import page_of
from worksession.domain.values import StepKind
from worksession.export.pdf import fonts
from worksession.export.pdf.verify import verify_plan
from worksession.storage.operations.sessions import update_session
from worksession.ui.background import Job, jobs_running
from worksession.ui.session.pages.plan import PlanPage
from worksession.ui.session.window import SessionWindow

ASKS = 30


def test_many_quick_previews_draw_two_plans_and_keep_no_job(
    qtbot: QtBot, window: SessionWindow
) -> None:
    page = page_of(window, StepKind.AFTER)
    assert isinstance(page, PlanPage)
    qtbot.waitUntil(lambda: jobs_running() == 0, timeout=20_000)  # what tests before left
    drawn: list[int] = []  # counts the plans drawn, in the workers
    draw = page._pdf_bytes
    counting = threading.Lock()

    def counted(number: int | None) -> bytes:
        with counting:
            drawn.append(number or 0)
        return draw(number)

    page._pdf_bytes = counted  # type: ignore[method-assign]
    shown: list[bytes] = []
    page.preview.first_page_shown.connect(lambda: shown.append(page.preview._data))
    asked: list[Job] = [page.refresh_preview()]
    update_session(
        db=window.controller.db, session_id=window.controller.session_id, location="Buurthuis"
    )
    window.controller.reload()
    most = 0
    for _ in range(ASKS - 1):
        asked.append(page.refresh_preview())
        most = max(most, len(page.jobs), jobs_running())
    assert most == 1  # one drawing runs, the next waits unstarted
    assert len({id(job) for job in asked}) == 2
    with qtbot.waitSignal(page.preview.filled, timeout=30_000):
        pass
    qtbot.waitUntil(lambda: jobs_running() == 0, timeout=20_000)

    assert len(drawn) == 2
    assert len(shown) == 1  # the older drawing is not shown once a newer one is asked for
    verdict = verify_plan(shown[0])
    assert verdict.ok and verdict.payload is not None
    assert verdict.payload.snapshot["session"]["location"] == "Buurthuis"
    assert page.jobs == [] and page.preview_button.isEnabled()
    # Nothing holds a job that has reported back (a job's slot that held the job would).
    kept = [weakref.ref(job) for job in asked]
    del asked
    gc.collect()
    assert [ref for ref in kept if ref() is not None] == []


def test_closing_the_window_lets_go_of_the_preview_and_the_fonts(
    qtbot: QtBot, window: SessionWindow
) -> None:
    page = page_of(window, StepKind.AFTER)
    assert isinstance(page, PlanPage)
    qtbot.waitUntil(lambda: jobs_running() == 0, timeout=20_000)  # what tests before left
    with qtbot.waitSignal(page.preview.first_page_shown, timeout=30_000):
        page.refresh_preview()
    qtbot.waitUntil(lambda: jobs_running() == 0, timeout=20_000)
    assert page.preview.kept_pages() and page.preview.pages
    assert fonts.is_registered(fonts.REGULAR)

    window.close()
    assert page.preview.kept_pages() == [] and page.preview.pages == []
    assert page.preview._data == b""
    assert not fonts.is_registered(fonts.REGULAR)

    window.show()  # the start window shows a closed session's window again
    with qtbot.waitSignal(page.preview.first_page_shown, timeout=30_000):
        page.refresh_preview()
    assert page.preview.kept_pages() == [0]


def test_a_preview_that_comes_after_the_window_closed_is_not_shown(
    qtbot: QtBot, window: SessionWindow
) -> None:
    page = page_of(window, StepKind.AFTER)
    assert isinstance(page, PlanPage)
    qtbot.waitUntil(lambda: jobs_running() == 0, timeout=20_000)  # what tests before left
    page.refresh_preview()
    window.close()  # while the plan is drawn
    assert jobs_running() == 1  # the drawing reports back through the event loop, after this
    qtbot.waitUntil(lambda: jobs_running() == 0, timeout=30_000)
    assert page.preview.pages == [] and page.preview._data == b""
    assert not fonts.is_registered(fonts.REGULAR)  # let go of once the drawing was done
    assert page.preview_button.isEnabled()
