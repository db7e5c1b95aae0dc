"""Fixtures for GUI tests: a demo session in a temporary database, and its window."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlmodel import SQLModel

from worksession.domain.changes import EVERYTHING, Changes
from worksession.domain.interchange import Document
from worksession.domain.values import StepKind
from worksession.programmes.library import load_library
from worksession.programmes.model import Library
from worksession.storage.database import Database
from worksession.storage.document import RowsRead, read_working_copy
from worksession.storage.views import RecordView, record_rows
from worksession.ui.background import jobs_running
from worksession.ui.session.controller import SessionController
from worksession.ui.session.pages.base import StepPage
from worksession.ui.session.pages.plan import PlanPage
from worksession.ui.session.window import SessionWindow
from worksession.workflows.demo import create_demo_session

# A job may be trying a silent archive until its connection timeout (15 s) on a busy machine.
JOBS_END_MS = 60_000


@pytest.fixture(autouse=True)
def _every_partial_read_equals_a_whole_one(monkeypatch: pytest.MonkeyPatch) -> None:
    """The window reads again only the parts a change said it changed. Throughout the GUI
    tests, each such read is compared with the whole session read afresh: a change that
    touches a part it does not name fails here, in the test that made it."""

    def checked(
        *,
        db: Database,
        session_id: int,
        changed: Changes = EVERYTHING,
        previous: Document | None = None,
        rows: RowsRead | None = None,
    ) -> tuple[Document, str]:
        partial = read_working_copy(
            db=db, session_id=session_id, changed=changed, previous=previous, rows=rows
        )
        whole = read_working_copy(db=db, session_id=session_id)
        differ = sorted(
            key for key in {*partial[0], *whole[0]} if partial[0].get(key) != whole[0].get(key)
        )
        assert partial == whole, f"a change said it changed only {sorted(changed)}, not {differ}"
        return partial

    monkeypatch.setattr("worksession.ui.session.controller.read_working_copy", checked)


@pytest.fixture(autouse=True)
def _every_kept_row_list_equals_a_fresh_read(monkeypatch: pytest.MonkeyPatch) -> None:
    """The window's tables show the rows its last reads read, not rows of their own read.
    Throughout the GUI tests, rows handed to a page are compared with the table read afresh:
    a change after which the window did not read a table again fails here."""
    kept_rows = SessionController.record_rows

    def checked(controller: SessionController, model: type[SQLModel]) -> Sequence[RecordView]:
        kept = kept_rows(controller, model)
        fresh = record_rows(controller.db, model, controller.session_id)
        assert list(kept) == list(fresh), f"the {model.__name__} rows are of an older read"
        return kept

    monkeypatch.setattr(SessionController, "record_rows", checked)


@pytest.fixture(autouse=True)
def _no_job_outlives_its_test(qtbot: QtBot) -> Iterator[None]:
    """The background work a test started (a publish the retry timer began, a plan being
    drawn) ends within that test. One left running reaches into the next test's database,
    archive and settings — and holds Python's garbage collector while it runs."""
    yield
    # After pytest-qt closed the test's windows: nothing new starts, what runs is awaited.
    qtbot.waitUntil(lambda: jobs_running() == 0, timeout=JOBS_END_MS)


@pytest.fixture
def library() -> Library:
    return load_library()


@pytest.fixture
def controller(db: Database, library: Library) -> SessionController:
    session = create_demo_session(db=db, library=library)
    assert session.id is not None
    return SessionController(db, session.id, library)


def shown_window(
    qtbot: QtBot, controller: SessionController, *, size: tuple[int, int] | None = None
) -> SessionWindow:
    """The session window of ``controller``, shown (at ``size``, if given) and exposed."""
    window = SessionWindow(controller)
    qtbot.addWidget(window)
    if size is not None:
        window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def window(qtbot: QtBot, controller: SessionController) -> SessionWindow:
    return shown_window(qtbot, controller)


def page_of(window: SessionWindow, kind: StepKind) -> StepPage:
    """Go to the first step of ``kind`` and return its page."""
    row = next(i for i, page in enumerate(window.page_list) if page.step.kind == kind)
    window.go_to(row)
    return window.current_page()


def freeze_plan(page: PlanPage) -> None:
    """Freeze the plan as the coach does, saying yes when open points of attention are named."""
    question = page.freeze_version()
    if question is not None:
        accept = next(
            b
            for b in question.buttons()
            if question.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole
        )
        accept.click()
