"""The accreditation deadlines on *Voorbereiding*, *Na de sessie* and in the start window, the
invitation dialog (copy, save as text, calendar invitation) and the programme PDF from the app."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pypdf
from icalendar import Calendar
from PySide6.QtCore import QDate
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from tests.ui.conftest import page_of
from worksession.domain.deadlines import DeadlineState
from worksession.domain.document_types import InterchangeDocument
from worksession.domain.values import StepKind
from worksession.export.calendar import CalendarIdentity
from worksession.programmes.model import Library
from worksession.storage.database import Database
from worksession.storage.operations.sessions import create_session
from worksession.ui.session.invitation_dialog import InvitationDialog
from worksession.ui.session.pages.plan import PlanPage
from worksession.ui.session.pages.preparation import PreparationPage
from worksession.ui.session.window import SessionWindow
from worksession.ui.start_window import StartWindow
from worksession.workflows.data_export import calendar_identity
from worksession.workflows.programme_sheet import session_sheet


def _preparation(window: SessionWindow) -> PreparationPage:
    page = page_of(window, StepKind.PREPARATION)
    assert isinstance(page, PreparationPage)
    return page


def _set_date(page: PreparationPage, day: dt.date) -> None:
    page.date.setDate(QDate(day.year, day.month, day.day))  # as the coach picks it


def test_voorbereiding_shows_the_request_deadline_beside_the_accreditation_box(
    window: SessionWindow,
) -> None:
    page = _preparation(window)
    label = page.request_deadline
    today = dt.date.today()
    _set_date(page, today + dt.timedelta(weeks=8, days=4))
    assert label.isVisible() and label.state == DeadlineState.NEAR
    assert label.text().startswith("Accreditatie aanvragen uiterlijk ")
    assert label.text().endswith("(nog 4 dagen)")
    _set_date(page, today + dt.timedelta(weeks=8, days=-3))
    assert label.state == DeadlineState.PAST and label.text().endswith("(3 dagen over tijd)")
    _set_date(page, today + dt.timedelta(weeks=20))
    assert label.state == DeadlineState.FAR
    page.accredited.click()  # no accreditation: no deadline
    assert window.controller.document["session"]["accredited"] is False
    assert not label.isVisible()
    window.undo_action.trigger()
    assert label.isVisible() and label.state == DeadlineState.FAR


def test_na_de_sessie_shows_the_upload_deadline(window: SessionWindow) -> None:
    page = _preparation(window)
    _set_date(page, dt.date.today() - dt.timedelta(days=50))  # the last day ~10 days away
    plan = page_of(window, StepKind.AFTER)
    assert isinstance(plan, PlanPage)
    label = plan.upload_deadline
    assert label.isVisible() and label.state == DeadlineState.NEAR
    assert label.text().startswith("Presentielijst bij de accreditatie-instantie uploaden")
    page = _preparation(window)
    _set_date(page, dt.date.today() + dt.timedelta(days=30))  # not held yet
    plan = page_of(window, StepKind.AFTER)
    assert isinstance(plan, PlanPage)
    assert plan.upload_deadline.state == DeadlineState.FAR


def test_the_start_window_warns_of_near_and_past_deadlines_and_opens_the_session(
    qtbot: QtBot, db: Database, library: Library
) -> None:
    today = dt.date.today()
    near = create_session(
        db=db, title="Kaalheide", date=today + dt.timedelta(weeks=8, days=5), accredited=True
    )
    late = create_session(
        db=db, title="Bleijerheide", date=today + dt.timedelta(weeks=7), accredited=True
    )
    create_session(db=db, title="Rolduc", date=today + dt.timedelta(weeks=8, days=5))
    window = StartWindow(db, library)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    line = window.deadline_line
    assert not line.isVisible()  # read with the follow-up line, after the listing
    window.count_follow_up()
    assert line.isVisible()
    text = line.text()
    assert f"<a href='{late.id}'>Bleijerheide</a>: Accreditatie aanvragen uiterlijk " in text
    assert "(7 dagen over tijd)" in text
    assert f"<a href='{near.id}'>Kaalheide</a>: " in text and "(nog 5 dagen)" in text
    assert "Rolduc" not in text  # not accredited
    assert text.index("Bleijerheide") < text.index("Kaalheide")  # the earliest first
    line.linkActivated.emit(str(near.id))  # what a click on the name sends
    (opened,) = window.session_windows
    assert opened.controller.session_id == near.id
    qtbot.waitExposed(opened)
    line.count(db, today=today - dt.timedelta(weeks=20))  # all far off then
    assert not line.isVisible()


def test_the_invitation_dialog_copies_and_saves_its_text(
    qtbot: QtBot, window: SessionWindow, tmp_path: Path
) -> None:
    dialog = _preparation(window).show_invitation()
    assert isinstance(dialog, InvitationDialog)
    qtbot.waitExposed(dialog)
    text = dialog.text.toPlainText()
    assert text.startswith("Uitnodiging: Samen gezond oud worden in Kaalheide")
    assert "Wanneer: donderdag 12 maart 2026, 13:30–17:25" in text
    QGuiApplication.clipboard().clear()
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == text
    assert dialog.message.text().startswith("Gekopieerd")
    dialog.text.setPlainText(text.replace("Beste collega,", "Beste Peter,"))  # adjusted first
    dialog.copy_button.click()
    assert "Beste Peter," in QGuiApplication.clipboard().text()
    saved = tmp_path / "uitnodiging.txt"
    assert dialog.save_text(saved)
    assert saved.read_bytes().startswith(b"\xef\xbb\xbf")  # Notepad shows "één" as typed
    assert "Beste Peter," in saved.read_text(encoding="utf-8-sig")
    calendar = tmp_path / "uitnodiging.ics"
    assert dialog.save_ics(calendar)
    (event,) = Calendar.from_ical(calendar.read_bytes()).walk("VEVENT")
    assert str(event["summary"]) == "Samen gezond oud worden in Kaalheide"
    assert "Beste Peter," in str(event["description"])
    identity = calendar_identity(db=window.controller.db, session_id=window.controller.session_id)
    assert str(event["uid"]) == identity.uid("invitation")
    assert int(event["sequence"]) == identity.sequence
    again = tmp_path / "nogmaals.ics"
    assert dialog.save_ics(again) and again.read_bytes() == calendar.read_bytes()


def test_the_invitation_is_never_saved_over_the_database(
    qtbot: QtBot, window: SessionWindow
) -> None:
    database = window.controller.db.path
    assert database is not None
    before = database.read_bytes()
    dialog = _preparation(window).show_invitation()
    qtbot.waitExposed(dialog)
    assert not dialog.save_text(database)
    assert not dialog.save_ics(database)
    assert dialog.message.text().startswith("Niet bewaard: ")
    assert str(database) in dialog.message.text()
    assert database.read_bytes() == before


def test_voorbereiding_saves_the_sessions_programme_as_a_pdf(
    window: SessionWindow, tmp_path: Path
) -> None:
    page = _preparation(window)
    target = tmp_path / "programma.pdf"
    assert page.save_programme_pdf(target)
    pages = pypdf.PdfReader(io.BytesIO(target.read_bytes())).pages
    text = "\n".join(p.extract_text() for p in pages)
    assert "Samen gezond oud worden in Kaalheide" in text
    assert "Tijd: 13:30–17:25" in text and "Coach: Hanneke Vos" in text
    assert "Leerdoelen" in text and "Leerdoel" in text


def test_without_a_date_there_is_no_calendar_invitation(
    qtbot: QtBot, window: SessionWindow
) -> None:
    document = window.controller.document
    undated: InterchangeDocument = {**document, "session": {**document["session"], "date": None}}
    sheet = session_sheet(undated, window.controller.library)
    identity = CalendarIdentity("session-1-20260301T091500", dt.datetime.now(dt.UTC))
    dialog = InvitationDialog(undated, sheet, identity=identity, database=None, parent=window)
    qtbot.addWidget(dialog)
    assert not dialog.ics_button.isEnabled()
    assert "Wanneer:" not in dialog.text.toPlainText()
