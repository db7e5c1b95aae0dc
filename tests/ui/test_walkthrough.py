"""A whole werksessie through the GUI: create, work every step, undo all, redo all, reopen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from worksession.domain.values import StepKind
from worksession.programmes.library import load_library
from worksession.storage.opening import open_database
from worksession.ui.session.controller import SessionController
from worksession.ui.session.pages.agreements import AgreementsPage
from worksession.ui.session.pages.casus import CasusPage, ProfilePage
from worksession.ui.session.pages.evaluation import EvaluationPage
from worksession.ui.session.pages.follow_up import FollowUpPage
from worksession.ui.session.pages.preparation import PreparationPage
from worksession.ui.session.pages.prioritising import PrioritisingPage
from worksession.ui.session.pages.referral import ReferralPage
from worksession.ui.session.pages.sociale_kaart import SocialeKaartPage
from worksession.ui.session.pages.welcome import WelcomePage
from worksession.ui.session.record_table import RecordTable
from worksession.ui.session.window import SessionWindow
from worksession.ui.start_window import StartWindow


def _type_rows(qtbot: QtBot, table: RecordTable, *texts: str) -> None:
    for text in texts:
        table.entry.setFocus()
        qtbot.keyClicks(table.entry, text)
        qtbot.keyClick(table.entry, Qt.Key.Key_Return)


def _column(table: RecordTable, field: str) -> int:
    return next(i for i, column in enumerate(table.model.columns) if column.field == field)


def _work_every_step(qtbot: QtBot, window: SessionWindow) -> None:
    for row, page in enumerate(window.page_list):
        window.go_to(row)
        match page:
            case PreparationPage():
                _type_rows(qtbot, page.participants, "Marieke Hermans", "Jan Houben")
                model = page.participants.model
                model.setData(model.index(0, _column(page.participants, "role")), "huisarts")
                model.setData(model.index(1, _column(page.participants, "domain")), "residents")
            case WelcomePage():
                page.ambition.setFocus()
                qtbot.keyClicks(page.ambition, "Gezond en zelfstandig oud worden")
                page.flush()
            case ProfilePage():
                _type_rows(qtbot, page.figures, "Alleenwonende 75-plussers")
            case CasusPage():
                _type_rows(qtbot, page.insights, "Signalen komen niet bij de huisarts")
            case SocialeKaartPage():
                _type_rows(qtbot, page.table, "Apotheker")
            case PrioritisingPage():
                _type_rows(qtbot, page.themes, "Eenzaamheid", "Valrisico")
                model = page.themes.model
                model.setData(model.index(0, _column(page.themes, "votes")), 12)
                checked = Qt.CheckState.Checked.value
                model.setData(
                    model.index(0, _column(page.themes, "priority")),
                    checked,
                    Qt.ItemDataRole.CheckStateRole,
                )
            case ReferralPage():
                (table,) = page.tables.values()
                _type_rows(qtbot, table, "Geen vaste verwijsroute naar welzijn")
            case AgreementsPage():
                _type_rows(qtbot, page.table, "Een aanmeldformulier voor welzijn")
                model = page.table.model
                people = window.controller.document["participants"]
                model.setData(model.index(0, _column(page.table, "lead")), people[0]["key"])
                model.setData(model.index(0, _column(page.table, "due")), "30-4-2026")
            case FollowUpPage():
                page.kartrekker.setCurrentIndex(1)
                page.kartrekker.activated.emit(1)
            case EvaluationPage():
                page.score.setValue(8)
            case _:
                pass


def test_a_whole_session_survives_undo_redo_and_a_restart(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "walk.sqlite3"
    db = open_database(path)
    library = load_library()
    start = StartWindow(db, library)
    qtbot.addWidget(start)
    start.show()
    dialog = start.new_session()
    dialog.casus.setCurrentIndex(dialog.casus.findData("mijnstreek"))
    dialog.title.setText("Samen gezond oud worden")
    dialog.wijk.setText("Kaalheide")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: len(start.session_windows) == 1)
    window = start.session_windows[0]
    qtbot.addWidget(window)
    initial = window.controller.fingerprint()

    _work_every_step(qtbot, window)
    finished = window.controller.fingerprint()
    document = window.controller.document
    assert [p["name"] for p in document["participants"]] == ["Marieke Hermans", "Jan Houben"]
    assert document["agreements"][0]["lead"] == document["participants"][0]["key"]
    assert document["follow_up"]["kartrekker"] is not None
    assert document["evaluation"]["score"] == 8
    codes = {check.code for check in window.controller.checks}
    assert not codes & {"no-gp", "no-residents", "no-kartrekker", "priority-without-agreement"}

    stack = window.controller.undo_stack
    steps = stack.count()
    assert steps >= 15
    while stack.canUndo():
        stack.undo()
    assert window.controller.fingerprint() == initial
    while stack.canRedo():
        stack.redo()
    assert window.controller.fingerprint() == finished

    session_id = window.controller.session_id
    start.close()
    db.close()
    reopened = open_database(path)
    again = SessionController(reopened, session_id, library)
    assert again.fingerprint() == finished
    assert again.steps[0].kind == StepKind.PREPARATION
    reopened.close()
