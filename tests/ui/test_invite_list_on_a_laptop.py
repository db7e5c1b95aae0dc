"""What a coach tripped over when preparing an accredited session on a 1280×720 laptop: the
invite list in sight, the start time beside the date, each status in its own words, and the
invitation, the import report and the menu reachable by keyboard."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.ui.conftest import page_of, shown_window
from worksession.domain.values import StepKind
from worksession.programmes.model import Library
from worksession.storage.database import Database
from worksession.ui.file_places import file_folder
from worksession.ui.session.controller import SessionController
from worksession.ui.session.invitation_dialog import InvitationDialog
from worksession.ui.session.invite_list_dialog import InviteListDialog
from worksession.ui.session.pages.introductions import IntroductionsPage
from worksession.ui.session.pages.preparation import PreparationPage
from worksession.ui.session.start_time_field import normalised_time
from worksession.ui.session.window import SessionWindow
from worksession.workflows.data_export import ExportKind
from worksession.workflows.starting import new_session


def _page(window: SessionWindow) -> PreparationPage:
    page = page_of(window, StepKind.PREPARATION)
    assert isinstance(page, PreparationPage)
    return page


def _settle(window: SessionWindow) -> None:
    for _round in range(3):
        QApplication.processEvents()
    window.layout().activate()


def _people(window: SessionWindow, count: int) -> None:
    page = _page(window)
    names = "\n".join(f"Deelnemer {n};Organisatie {n};huisarts" for n in range(count))
    assert page.import_people("Naam;Organisatie;Rol\n" + names)


def test_a_laptop_shows_eight_people_of_the_invite_list_at_once(
    qtbot: QtBot, window: SessionWindow
) -> None:
    _people(window, 20)
    window.resize(1280, 690)  # a 1280×720 screen less the title bar
    page = _page(window)
    _settle(window)
    view = page.participants.view
    shown = view.viewport().height() // view.rowHeight(0)
    assert shown >= 8, f"only {shown} people in sight"


def test_no_register_is_an_empty_cell_and_a_register_its_name(window: SessionWindow) -> None:
    _people(window, 1)  # someone without a register
    page = _page(window)
    model = page.participants.model
    column = next(i for i, c in enumerate(model.columns) if c.field == "registration_type")
    shown = {}
    for row in range(model.rowCount()):
        index = model.index(row, column)
        shown[model.data(index, Qt.ItemDataRole.EditRole)] = model.data(index)
    assert shown[""] == ""  # not "geen" in every row without one
    assert shown["big"] == "BIG"
    assert "" in dict(model.columns[column].choice_list())  # the list still offers "geen"


def test_the_start_time_is_typed_beside_the_date_stored_and_undone(
    qtbot: QtBot, window: SessionWindow
) -> None:
    page = _page(window)
    field = page.start_time
    before = window.controller.document["schedule"]["start_time"]
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "930")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert window.controller.document["schedule"]["start_time"] == "09:30"
    assert field.text() == "09:30"
    invitation = page.show_invitation()
    assert "09:30–" in invitation.text.toPlainText()  # the invitation reads it at once
    invitation.reject()
    window.undo_action.trigger()
    assert window.controller.document["schedule"]["start_time"] == before
    assert field.text() == (before or "")


def test_a_start_time_that_is_no_time_is_refused_naming_the_field(
    qtbot: QtBot, window: SessionWindow
) -> None:
    page = _page(window)
    before = window.controller.fingerprint()
    stored = window.controller.document["schedule"]["start_time"] or ""
    page.start_time.setText("25:70")
    assert not page.start_time.store()
    assert window.banner.isVisible()
    assert "Begintijd" in window.banner.text() and "25:70" in window.banner.text()
    assert page.start_time.text() == stored
    assert window.controller.fingerprint() == before


def test_start_times_are_read_as_a_coach_types_them() -> None:
    assert normalised_time("13:30") == "13:30"
    assert normalised_time(" 13.30 ") == "13:30"
    assert normalised_time("1330") == "13:30"
    assert normalised_time("930") == "09:30"
    assert normalised_time("") == ""
    for wrong in ("24:00", "1:5", "half twee", "13:3O", "12345"):
        assert normalised_time(wrong) is None, wrong


def test_kennismaking_names_the_invite_status_of_who_is_not_ticked_present(
    window: SessionWindow,
) -> None:
    page = _page(window)
    _people(window, 1)
    status = next(i for i, c in enumerate(page.participants.model.columns) if c.field == "status")
    last = page.participants.model.rowCount() - 1
    page.participants.model.setData(page.participants.model.index(last, status), "invited")
    kennismaking = page_of(window, StepKind.INTRODUCTIONS)
    assert isinstance(kennismaking, IntroductionsPage)
    names = [
        kennismaking.tree.topLevelItem(group).child(row).text(0)
        for group in range(kennismaking.tree.topLevelItemCount())
        for row in range(kennismaking.tree.topLevelItem(group).childCount())
    ]
    assert "Deelnemer 0 (uitgenodigd)" in names
    assert not any(name.endswith("(afwezig)") for name in names)


def test_the_invitation_opens_on_copy_and_tabs_in_the_order_shown(
    qtbot: QtBot, window: SessionWindow
) -> None:
    dialog = _page(window).show_invitation()
    qtbot.waitUntil(dialog.isVisible)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.copy_button)
    qtbot.keyClick(dialog.copy_button, Qt.Key.Key_Return)
    assert QApplication.clipboard().text() == dialog.text.toPlainText()
    close = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close)
    order: list[QWidget] = []
    widget: QWidget = dialog.text
    for _step in range(4):
        widget = widget.nextInFocusChain()
        while not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            widget = widget.nextInFocusChain()
        order.append(widget)
    assert order == [dialog.copy_button, dialog.save_button, dialog.ics_button, close]
    texts = [button.text() for button in order[:3]]
    assert texts == ["&Kopiëren", "&Bewaren als tekst…", "Agenda-&uitnodiging (.ics)…"]
    dialog.reject()


def test_alt_t_opens_the_invitation_from_voorbereiding(qtbot: QtBot, window: SessionWindow) -> None:
    page = _page(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    page.fields["title"].setFocus()
    qtbot.keyClick(page.fields["title"], Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: any(d.isVisible() for d in window.findChildren(InvitationDialog)))
    for dialog in window.findChildren(InvitationDialog):
        dialog.reject()


def test_tab_leaves_the_import_reports_table_for_its_buttons(
    qtbot: QtBot, window: SessionWindow, tmp_path: Path
) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["Naam", "Status", "Register", "Registratienummer"])
    sheet.append(["Anna de Wit", "misschien", "BIG", "123"])
    sheet.append(["Bert Kok", "aangemeld", "BIG", "1"])
    path = tmp_path / "lijst.xlsx"
    workbook.save(path)
    reached: list[tuple[int, QWidget]] = []

    def walk() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, InviteListDialog):
            QTimer.singleShot(10, walk)
            return
        dialog.table.setCurrentCell(0, 0)
        qtbot.keyClick(dialog.table, Qt.Key.Key_Tab)
        after: QWidget = dialog.table.nextInFocusChain()
        while not after.focusPolicy() & Qt.FocusPolicy.TabFocus:
            after = after.nextInFocusChain()
        # Tab did not walk on to the next cell; it goes to the buttons.
        reached.append((dialog.table.currentColumn(), after))
        dialog.reject()

    QTimer.singleShot(0, walk)
    assert not _page(window).import_file(path)
    ((column, after),) = reached
    assert column == 0
    assert isinstance(after, QPushButton)


def test_f2_on_a_status_opens_its_list_and_enter_picks(qtbot: QtBot, window: SessionWindow) -> None:
    page = _page(window)
    view, model = page.participants.view, page.participants.model
    column = next(i for i, c in enumerate(model.columns) if c.field == "status")
    index = model.index(0, column)
    view.setFocus()
    view.setCurrentIndex(index)
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = view.indexWidget(index)
    assert isinstance(editor, QComboBox)
    qtbot.waitUntil(editor.view().isVisible)  # open at once: the arrows move in the list
    wanted = editor.findData("declined")
    editor.view().setCurrentIndex(editor.model().index(wanted, 0))
    qtbot.keyClick(editor.view(), Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: window.controller.document["participants"][0]["invitation"] == "declined"
    )
    window.undo_action.trigger()
    assert window.controller.document["participants"][0]["invitation"] != "declined"


def test_file_dialogs_open_in_documents_then_where_the_coach_saved_last(
    qtbot: QtBot, window: SessionWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[Path] = []
    folder = tmp_path / "Accreditatie"
    folder.mkdir()

    def chosen(_parent: object, _title: str, suggested: str, kinds: str) -> tuple[str, str]:
        asked.append(Path(suggested))
        return str(folder / Path(suggested).name), kinds

    monkeypatch.setattr(QFileDialog, "getSaveFileName", chosen)
    page = _page(window)
    first = file_folder()  # Documents, or the home folder where there is none
    assert first in (Path.home() / "Documents", Path.home()) or first.name == "Documents"
    page.choose_programme_pdf()
    assert asked[0].parent == first
    assert asked[0].parent != Path.cwd()  # not wherever the app happened to start
    assert (folder / asked[0].name).is_file()
    with qtbot.waitSignal(window.export_menu.written, timeout=20000):
        window.export_menu.csv_actions["participants"].trigger()
    dialog = page.show_invitation()
    assert dialog.save_ics(folder / "uitnodiging.ics")
    dialog.choose_text_file()
    dialog.reject()
    assert [path.parent for path in asked[1:]] == [folder, folder]


def test_alt_n_goes_to_the_invite_list_from_anywhere_on_voorbereiding(
    qtbot: QtBot, window: SessionWindow
) -> None:
    page = _page(window)
    assert page.people_heading.text().startswith("Deel&nemers (")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    page.fields["title"].setFocus()
    qtbot.keyClick(page.fields["title"], Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(page.participants.view.hasFocus)


def test_an_empty_plan_calendar_says_why_it_is_empty(
    qtbot: QtBot, db: Database, library: Library, window: SessionWindow, tmp_path: Path
) -> None:
    with qtbot.waitSignal(window.export_menu.written, timeout=20000):
        window.export_menu.export_to(tmp_path / "demo.ics", ExportKind.ICS)
    assert window.statusBar().currentMessage().endswith("demo.ics")  # the demo has dates
    programme = next(iter(library.programmes))
    fresh = new_session(
        db=db, library=library, programme_id=programme, casus_id=None, title="Nog leeg"
    )
    assert fresh.id is not None
    empty = shown_window(qtbot, SessionController(db, fresh.id, library))
    with qtbot.waitSignal(empty.export_menu.written, timeout=20000):
        empty.export_menu.export_to(tmp_path / "leeg.ics", ExportKind.ICS)
    message = empty.statusBar().currentMessage()
    assert "leeg.ics" in message and "het plan heeft nog geen datums" in message
    assert b"BEGIN:VCALENDAR" in (tmp_path / "leeg.ics").read_bytes()
